// SPDX-License-Identifier: MIT
/*
 * Intl.Segmenter: grapheme clusters, words and sentences as node (full
 * ICU) cuts them: combining marks, emoji ZWJ and modifier sequences, flags,
 * keycaps, tag sequences, Hangul syllables, Indic conjuncts (GB9c),
 * Prepend, SpacingMark, controls, CR LF; words with apostrophes, dots,
 * colons, numbers with separators, underscores, Katakana, Hebrew, spaces
 * and isWordLike; sentences after . ! ? with closing quotes, spaces, a
 * lowercase continuation, numbers, line breaks. Chinese, Japanese kanji and
 * Thai words, which ICU finds in its dictionaries, are left out. Then
 * containing(), the objects' shapes and the errors.
 */
var CASES = [
    ["grapheme","e\u0301a",["e\u0301","a"]],
    ["grapheme","\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67x",["\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67","x"]],
    ["grapheme","\uD83C\uDDFA\uD83C\uDDF8\uD83C\uDDEB\uD83C\uDDF7\uD83C\uDDE9",["\uD83C\uDDFA\uD83C\uDDF8","\uD83C\uDDEB\uD83C\uDDF7","\uD83C\uDDE9"]],
    ["grapheme","\uD83D\uDC4D\uD83C\uDFFD",["\uD83D\uDC4D\uD83C\uDFFD"]],
    ["grapheme","1\uFE0F\u20E3",["1\uFE0F\u20E3"]],
    ["grapheme","\r\n\n\r",["\r\n","\n","\r"]],
    ["grapheme","\u0915\u094D\u0937\u093F",["\u0915\u094D\u0937\u093F"]],
    ["grapheme","\u0928\u092E\u0938\u094D\u0924\u0947",["\u0928","\u092E","\u0938\u094D\u0924\u0947"]],
    ["grapheme","\uAC01\u1100\u1161\u11A8",["\uAC01","\u1100\u1161\u11A8"]],
    ["grapheme","a\u200D\uD83D\uDE00",["a\u200D","\uD83D\uDE00"]],
    ["grapheme","\u0600a",["\u0600a"]],
    ["grapheme","\u0E01\u0E33",["\u0E01\u0E33"]],
    ["grapheme","a\u0903",["a\u0903"]],
    ["grapheme","\u00AD\u200Bx",["\u00AD","\u200B","x"]],
    ["grapheme","ab\ud800c",["a","b","\ud800","c"]],
    ["grapheme","e\u0301\u0302",["e\u0301\u0302"]],
    ["grapheme","\u1100\u1100\u1161",["\u1100\u1100\u1161"]],
    ["grapheme","\u0999\u09CD\u0995",["\u0999\u09CD\u0995"]],
    ["grapheme","\u1100\uAC00\u11A8\u1161",["\u1100\uAC00\u11A8","\u1161"]],
    ["grapheme","\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F!",["\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F","!"]],
    ["grapheme","\u0600\n",["\u0600","\n"]],
    ["grapheme","a\u0300\u0301\u0302b",["a\u0300\u0301\u0302","b"]],
    ["word","Hello, world! It's 3.14 or 1,000.5 now.",[["Hello",true],[",",false],[" ",false],["world",true],["!",false],[" ",false],["It's",true],[" ",false],["3.14",true],[" ",false],["or",true],[" ",false],["1,000.5",true],[" ",false],["now",true],[".",false]]],
    ["word","can't e.g. a:b a.b.c don\u2019t",[["can't",true],[" ",false],["e.g",true],[".",false],[" ",false],["a:b",true],[" ",false],["a.b.c",true],[" ",false],["don\u2019t",true]]],
    ["word","foo_bar __init__ x_1 _",[["foo_bar",true],[" ",false],["__init__",true],[" ",false],["x_1",true],[" ",false],["_",false]]],
    ["word","  two  spaces\t\ttab\n\nnew\r\nline",[["  ",false],["two",true],["  ",false],["spaces",true],["\t",false],["\t",false],["tab",true],["\n",false],["\n",false],["new",true],["\r\n",false],["line",true]]],
    ["word","emoji \uD83D\uDC4D\uD83C\uDFFD and \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 flags \uD83C\uDDFA\uD83C\uDDF8\uD83C\uDDEB\uD83C\uDDF7",[["emoji",true],[" ",false],["\uD83D\uDC4D\uD83C\uDFFD",false],[" ",false],["and",true],[" ",false],["\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",false],[" ",false],["flags",true],[" ",false],["\uD83C\uDDFA\uD83C\uDDF8",false],["\uD83C\uDDEB\uD83C\uDDF7",false]]],
    ["word","\u30AB\u30BF\u30AB\u30CA \u3072\u3089\u304C\u306A",[["\u30AB\u30BF\u30AB\u30CA",true],[" ",false],["\u3072",true],["\u3089",true],["\u304C",true],["\u306A",true]]],
    ["word","na\u00EFve caf\u00E9 e\u0301t\u00E9",[["na\u00EFve",true],[" ",false],["caf\u00E9",true],[" ",false],["e\u0301t\u00E9",true]]],
    ["word","a-b a/b a@b.com http://x.y/z?q=1",[["a",true],["-",false],["b",true],[" ",false],["a",true],["/",false],["b",true],[" ",false],["a",true],["@",false],["b.com",true],[" ",false],["http",true],[":",false],["/",false],["/",false],["x.y",true],["/",false],["z",true],["?",false],["q",true],["=",false],["1",true]]],
    ["word","$5.00 #tag @user 50%",[["$",false],["5.00",true],[" ",false],["#",false],["tag",true],[" ",false],["@",false],["user",true],[" ",false],["50",true],["%",false]]],
    ["word","\"quoted\" (paren) [br]",[["\"",false],["quoted",true],["\"",false],[" ",false],["(",false],["paren",true],[")",false],[" ",false],["[",false],["br",true],["]",false]]],
    ["word","\u05E9\u05C1\u05B8\u05DC\u05D5\u05B9\u05DD \u05E2\u05D5\u05DC\u05DD",[["\u05E9\u05C1\u05B8\u05DC\u05D5\u05B9\u05DD",true],[" ",false],["\u05E2\u05D5\u05DC\u05DD",true]]],
    ["word","ab12 12ab 1.2.3 1,2,3",[["ab12",true],[" ",false],["12ab",true],[" ",false],["1.2.3",true],[" ",false],["1,2,3",true]]],
    ["word","...",[[".",false],[".",false],[".",false]]],
    ["word","x\u200Dy",[["x\u200Dy",true]]],
    ["word","x\u0301y\u00AD z",[["x\u0301y\u00AD",true],[" ",false],["z",true]]],
    ["sentence","Hello world. How are you? I am fine! Thanks.",["Hello world. ","How are you? ","I am fine! ","Thanks."]],
    ["sentence","Mr. Smith went to Washington. He said \"Hi.\" Then left.",["Mr. ","Smith went to Washington. ","He said \"Hi.\" ","Then left."]],
    ["sentence","e.g. this is fine. 3.14 is pi. Next",["e.g. this is fine. ","3.14 is pi. ","Next"]],
    ["sentence","Line one\nLine two\r\nLine three",["Line one\n","Line two\r\n","Line three"]],
    ["sentence","Wait... what?! Really?",["Wait... what?! ","Really?"]],
    ["sentence","He said (quietly.) Then...",["He said (quietly.) ","Then..."]],
    ["sentence","a.b. c. D",["a.b. c. ","D"]],
    ["sentence","No end",["No end"]],
    ["sentence","U.S. Army. ok; yes. Go",["U.S. ","Army. ok; yes. ","Go"]],
    ["sentence","Stop!Go. \"Quote?\" Next",["Stop!","Go. ","\"Quote?\" ","Next"]]
];

function segments(granularity, s) {
    var out = [];
    var it = new Intl.Segmenter('en', { granularity: granularity }).segment(s)[Symbol.iterator]();
    for (var r = it.next(); !r.done; r = it.next()) {
        out.push(granularity === 'word' ? [r.value.segment, r.value.isWordLike] : r.value.segment);
    }
    return out;
}

test('Intl.Segmenter: segments as node cuts them', function (t) {
    for (var i = 0; i < CASES.length; i++) {
        var c = CASES[i];
        t.deepEqual(segments(c[0], c[1]), c[2], c[0] + ' ' + JSON.stringify(c[1]));
    }
});

test('Intl.Segmenter: segment data, containing() and iteration', function (t) {
    var seg = new Intl.Segmenter('en', { granularity: 'word' }).segment('Hi there!');
    t.deepEqual(seg.containing(4), { segment: 'there', index: 3, input: 'Hi there!', isWordLike: true });
    t.deepEqual(seg.containing(8), { segment: '!', index: 8, input: 'Hi there!', isWordLike: false });
    t.equal(seg.containing(9), void 0, 'past the end');
    t.equal(seg.containing(-1), void 0, 'before the start');
    t.deepEqual(seg.containing(), { segment: 'Hi', index: 0, input: 'Hi there!', isWordLike: true }, 'undefined is 0');
    t.equal(seg.containing('3.7').segment, 'there', 'a string index, truncated');
    var g = new Intl.Segmenter().segment('ab');
    t.deepEqual(Object.keys(g.containing(1)), ['segment', 'index', 'input'], 'no isWordLike for graphemes');
    t.deepEqual(Array.from(new Intl.Segmenter().segment(12), function (x) { return x.segment; }), ['1', '2'], 'ToString');
    t.deepEqual(Array.from(new Intl.Segmenter().segment('')), [], 'empty');
    var it = seg[Symbol.iterator]();
    t.equal(Object.prototype.toString.call(it), '[object Segmenter String Iterator]');
    t.equal(it[Symbol.iterator](), it, 'an iterator is iterable');
    t.deepEqual(it.next(), { value: { segment: 'Hi', index: 0, input: 'Hi there!', isWordLike: true }, done: false });
    t.equal(Array.from(seg).length, 4, 'each iteration starts over');
});

test('Intl.Segmenter: constructor, options and errors', function (t) {
    t.deepEqual(new Intl.Segmenter().resolvedOptions(), { locale: 'en-US', granularity: 'grapheme' });
    t.equal(new Intl.Segmenter('en', { granularity: 'sentence' }).resolvedOptions().granularity, 'sentence');
    t.equal(Object.prototype.toString.call(new Intl.Segmenter()), '[object Intl.Segmenter]');
    t.equal(Intl.Segmenter.length, 0);
    t.equal(Intl.Segmenter.supportedLocalesOf(['en-US']).join(), 'en-US');
    t.equal(typeof Intl.Segmenter.prototype.segment, 'function');
    t.throws(function () { return new Intl.Segmenter('en', { granularity: 'line' }); }, RangeError, 'granularity line');
    t.throws(function () { return Intl.Segmenter(); }, TypeError, 'without new');
    t.throws(function () { return Intl.Segmenter.prototype.segment.call({}, 'x'); }, TypeError, 'bad receiver');
});
