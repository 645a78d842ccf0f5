// SPDX-License-Identifier: MIT
/* RegExp on fcworker's own engine and the String regexp methods. Patterns
 * Duktape's parser would refuse as literals are built with new RegExp. */

test('RegExp: named groups', function (t) {
    var m = new RegExp('(?<year>\\d{4})-(?<month>\\d{2})').exec('on 2024-05-17');
    t.equal(m[0], '2024-05');
    t.equal(m.index, 3);
    t.equal(m.input, 'on 2024-05-17');
    t.equal(m.groups.year, '2024');
    t.equal(m.groups.month, '05');
    t.equal(Object.getPrototypeOf(m.groups), null, 'groups has a null prototype');
    t.equal(/a(b)/.exec('ab').groups, undefined, 'no named groups: groups is undefined');
    var n = new RegExp('(?<a>x)|(?<b>y)').exec('y');
    t.ok('a' in n.groups && n.groups.a === undefined, 'a group that did not take part is undefined');
});

test('RegExp: lookbehind', function (t) {
    var re = new RegExp('(?<=::view-transition(?:[a-z-]*)\\()');
    var m = re.exec('a::view-transition-group(root)');
    t.ok(m !== null, 'matches after the open parenthesis');
    t.equal(m.index, 25);
    t.equal(m[0], '');
    t.equal(new RegExp('((?<=\\/)\\/)').exec('http://x')[1], '/', '((?<=\\/)\\/)');
    t.equal(new RegExp('((?<=\\/)\\/)').exec('http://x').index, 6);
    t.equal(new RegExp('(?<!\\$)\\b\\d+').exec('$10 20')[0], '20', 'negative lookbehind');
    t.equal('$1 $22'.replace(new RegExp('(?<=\\$)\\d+', 'g'), 'N'), '$N $N');
});

test('RegExp: Unicode property escapes and the u flag', function (t) {
    var re = new RegExp('^\\p{L}+$', 'u');
    t.ok(re.test('héllo'), 'letters');
    t.ok(!re.test('hello1'), 'a digit is not a letter');
    t.ok(new RegExp('\\p{Script=Greek}', 'u').test('α'), 'Script=Greek');
    t.equal(new RegExp('^.$', 'u').exec('\ud83d\ude00')[0], '\ud83d\ude00', 'dot matches a surrogate pair under u');
    t.equal(/^.$/.exec('\ud83d\ude00'), null, 'but not without u');
    t.equal(new RegExp('\\u{1F600}', 'u').exec('x\ud83d\ude00').index, 1, '\\u{...}');
    t.ok(new RegExp('', 'u').unicode, 'unicode flag');
    t.throws(function () { return new RegExp('\\p{Nope}', 'u'); }, SyntaxError, 'unknown property');
    t.throws(function () { return new RegExp('(', 'u'); }, SyntaxError, 'unterminated group');
    t.throws(function () { return new RegExp('a', 'gg'); }, SyntaxError, 'repeated flag');
    t.throws(function () { return new RegExp('a', 'uv'); }, SyntaxError, 'u with v');
});

test('RegExp: dotAll and flags', function (t) {
    var re = RegExp('a.b', 's');
    t.ok(re.test('a\nb'), 's: dot matches a newline');
    t.ok(!/a.b/.test('a\nb'), 'not without s');
    t.ok(re.dotAll);
    t.equal(new RegExp('x', 'ymsigd').flags, 'dgimsy', 'flags in canonical order');
    t.equal(/x/gi.flags, 'gi', 'a Duktape literal has flags');
    t.equal(/x/m.multiline, true);
    t.equal(RegExp.prototype.global, undefined, 'RegExp.prototype.global');
    t.equal(RegExp.prototype.source, '(?:)', 'RegExp.prototype.source');
    t.equal(RegExp.prototype.flags, '', 'RegExp.prototype.flags');
    t.throws(function () { return Object.getOwnPropertyDescriptor(RegExp.prototype, 'global').get.call({}); },
        TypeError, 'a flag getter on a plain object');
});

test('RegExp: sticky and lastIndex', function (t) {
    var re = new RegExp('foo', 'y');
    t.ok(re.sticky);
    t.equal(re.exec('xfoo'), null, 'sticky does not search');
    t.equal(re.lastIndex, 0, 'reset after a failure');
    re.lastIndex = 1;
    t.equal(re.exec('xfoo')[0], 'foo');
    t.equal(re.lastIndex, 4, 'lastIndex after the match');
    var g = /o/g;
    var s = 'foo boo';
    var found = [];
    var m;
    while ((m = g.exec(s)) !== null) {
        found.push(m.index + ':' + g.lastIndex);
    }
    t.equal(found.join(' '), '1:2 2:3 5:6 6:7', 'a global exec loop');
    t.equal(g.lastIndex, 0);
    var d = Object.getOwnPropertyDescriptor(/x/, 'lastIndex');
    t.ok(d.writable && !d.enumerable && !d.configurable, 'lastIndex is an own writable property');
    t.ok(Object.getOwnPropertyDescriptor(new RegExp('x'), 'lastIndex').writable, 'also on new RegExp');
    var ro = /a/g;
    Object.defineProperty(ro, 'lastIndex', { writable: false });
    t.throws(function () { ro.exec('b'); }, TypeError, 'a read-only lastIndex throws when it must be set');
    var li = /a/;
    li.lastIndex = 5;
    t.equal(li.exec('a').index, 0, 'lastIndex is ignored without g or y');
    t.equal(li.lastIndex, 5, 'and not written');
    var yre = new RegExp('a', 'y');
    t.deepEqual('aaba'.split(yre), ['', '', 'b', ''], 'split with a sticky regexp');
    t.equal('aXa'.replace(new RegExp('a', 'gy'), '-'), '-Xa', 'replace with gy stops at the first gap');
});

test('RegExp: hasIndices', function (t) {
    var m = new RegExp('a(?<Z>b)?(c)', 'd').exec('xac');
    t.ok(new RegExp('', 'd').hasIndices);
    t.deepEqual(m.indices[0], [1, 3]);
    t.equal(m.indices[1], undefined);
    t.deepEqual(m.indices[2], [2, 3]);
    t.equal(m.indices.groups.Z, undefined);
    t.ok('Z' in m.indices.groups);
    t.equal(/a/.exec('a').indices, undefined, 'no indices without d');
});

test('RegExp: the constructor', function (t) {
    var re = /ab/g;
    t.equal(RegExp(re), re, 'RegExp(re) returns re');
    t.notEqual(new RegExp(re), re, 'new RegExp(re) copies');
    t.equal(new RegExp(re).flags, 'g', 'with its flags');
    t.equal(new RegExp(re, 'i').flags, 'i', 'or new flags');
    t.equal(RegExp(re, 'i').flags, 'i', 'RegExp(re, flags) copies too');
    t.equal(new RegExp().source, '(?:)', 'empty source');
    t.equal(new RegExp('a/b\nc').source, 'a\\/b\\nc', 'source escapes / and line terminators');
    t.equal(new RegExp('[/]').source, '[/]', 'but not / in a class');
    t.equal(String(new RegExp('a/b', 'g')), '/a\\/b/g', 'toString');
    t.equal(new RegExp(undefined, undefined).toString(), '/(?:)/');
    t.equal(new RegExp({ toString: function () { return 'x+'; } }).source, 'x+', 'pattern coerced to string');
    t.ok(new RegExp('x') instanceof RegExp, 'instanceof RegExp');
    t.ok(/x/ instanceof RegExp, 'a Duktape literal is instanceof RegExp');
    t.equal(Object.prototype.toString.call(new RegExp('x')), '[object RegExp]');
    t.equal(Object.prototype.toString.call(/x/), '[object RegExp]');
    t.equal(Object.getPrototypeOf(/x/), RegExp.prototype, 'literals and RegExp share the prototype');
    t.equal(/x/.constructor, RegExp);
    t.equal(RegExp[Symbol.species], RegExp, 'RegExp[Symbol.species]');
    t.throws(function () { RegExp('['); }, SyntaxError, 'a bad pattern is a SyntaxError');
    try {
        RegExp('a(');
    } catch (e) {
        t.ok(/a\(/.test(e.message), 'the message names the pattern: ' + e.message);
    }
    function Sub() {}
    Sub.prototype = Object.create(RegExp.prototype);
    /* what Babel's lowered `class Sub extends RegExp` does without Reflect.construct */
    var Bound = Function.prototype.bind.apply(RegExp, [null, 'x', 'g']);
    var sub = Object.setPrototypeOf(new Bound(), Sub.prototype);
    t.ok(sub instanceof Sub && sub instanceof RegExp, 'a subclass instance');
    t.equal(sub.exec('ax').index, 1, 'runs');
    t.equal(sub.flags, 'g');
    t.throws(function () { RegExp.prototype.exec.call({}, 'x'); }, TypeError, 'exec on a plain object');
    t.throws(function () { RegExp.prototype.exec.call(Object.create(/x/), 'x'); }, TypeError,
        'exec on an object inheriting from a RegExp');
});

test('RegExp: compile (Annex B)', function (t) {
    var re = /a/g;
    re.lastIndex = 3;
    t.equal(re.compile('b+', 'i'), re, 'returns the regexp');
    t.equal(re.source, 'b+');
    t.equal(re.flags, 'i');
    t.equal(re.lastIndex, 0);
    t.ok(re.test('xBBx'));
    re.compile(new RegExp('c', 'y'));
    t.equal(re.flags, 'y');
    t.throws(function () { re.compile(/x/, 'g'); }, TypeError, 'flags with a RegExp pattern');
});

test('RegExp: empty loops end', function (t) {
    t.deepEqual(Array.prototype.slice.call(/^(?:x?)+/.exec('y')), [''], '/^(?:x?)+/ on "y"');
    t.deepEqual(Array.prototype.slice.call(/^(?:[ \t]*(?:\n|$))+/.exec('\n')), ['\n'], '/^(?:[ \\t]*(?:\\n|$))+/');
    t.deepEqual(Array.prototype.slice.call(/(a*)*/.exec('b')), ['', undefined], '(a*)* on "b"');
    t.deepEqual(Array.prototype.slice.call(/(a*)+/.exec('b')), ['', ''], '(a*)+ on "b"');
    t.deepEqual('abc'.split(/(?:)/), ['a', 'b', 'c'], 'split on the empty regexp');
    t.equal('abc'.replace(/x*/g, '-'), '-a-b-c-', 'empty matches everywhere');
    t.equal('\ud83d\ude00'.replace(new RegExp('', 'gu'), '-'), '-\ud83d\ude00-', 'not inside a pair under u');
    t.equal('\ud83d\ude00'.replace(/(?:)/g, '-'), '-\ud83d-\ude00-', 'but between code units without u');
});

test('String.prototype.replace', function (t) {
    var re = new RegExp('(?<first>\\w+)\\s(?<last>\\w+)');
    t.equal('John Smith'.replace(re, '$<last>, $<first>'), 'Smith, John', '$<name>');
    t.equal('John Smith'.replace(re, '$2 $1 $$ $& [$`] [$\'] $3 $0 $<x>'), 'Smith John $ John Smith [] [] $3 $0 ');
    t.equal('abc'.replace(/b/, '$<x>'), 'a$<x>c', '$< without named groups is literal');
    t.equal('abcdefghijk'.replace(/(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)/, '$11-$10-$01-$1'), 'k-j-a-a', '$nn');
    t.equal('ab'.replace(/(a)(b)/, '$21$03'), 'b1$03', '$21 with two groups is $2 then 1');
    t.equal('abc'.replace('b', '[$&$`$\']'), 'a[bac]c', 'a string pattern');
    t.equal('abc'.replace('b', '$1'), 'a$1c', 'no captures for a string pattern');
    t.equal('aaa'.replace('a', 'b'), 'baa', 'only the first for a string pattern');
    var args;
    t.equal('x2024-05y'.replace(new RegExp('(?<y>\\d+)-(\\d+)', 'g'), function () {
        args = Array.prototype.slice.call(arguments);
        return '!';
    }), 'x!y', 'a function replacer');
    t.equal(args.length, 6, 'match, 2 captures, position, string, groups');
    t.equal(args[3], 1, 'position');
    t.equal(args[5].y, '2024', 'groups');
    t.equal('a.b.c'.replace(/\./g, function (m, p) { return p; }), 'a1b3c', 'global with a function');
    t.equal('aaa'.replace(/a/gi, 'b'), 'bbb');
    t.equal('é-é'.replace(/-/g, '\u00e8'), 'éèé', 'non-ASCII input and replacement');
    t.equal('𝒳-𝒳'.replace(/-/g, '+'), '𝒳+𝒳', 'surrogate pairs around the match');
});

test('String.prototype.replaceAll', function (t) {
    t.equal('a.b.c'.replaceAll('.', '!'), 'a!b!c', 'a string pattern');
    t.equal('aaa'.replaceAll('', '-'), '-a-a-a-', 'the empty string');
    t.equal('a.b'.replaceAll(/\./g, '$&$&'), 'a..b', 'a global regexp');
    t.throws(function () { 'a'.replaceAll(/a/, 'b'); }, TypeError, 'a non-global regexp');
    t.equal('xax'.replaceAll('a', function (m, p, s) { return m + p + s; }), 'xa1xaxx', 'a function replacer');
});

test('String.prototype.match and matchAll', function (t) {
    t.deepEqual('a1b22c333'.match(/\d+/g), ['1', '22', '333'], 'global match');
    t.equal('abc'.match(/\d/g), null, 'no match');
    t.equal('abc'.match(/b/).index, 1, 'non-global match is exec');
    t.throws(function () { 'a+b'.match('+'); }, SyntaxError, 'a string is compiled as a pattern');
    t.equal('a+b'.match('\\+').index, 1);
    var it = 'a1b2'.matchAll(new RegExp('(?<d>\\d)', 'g'));
    var all = [];
    var step;
    while (!(step = it.next()).done) {
        all.push(step.value[0] + '@' + step.value.index + '=' + step.value.groups.d);
    }
    t.equal(all.join(' '), '1@1=1 2@3=2', 'matchAll');
    t.equal(Object.prototype.toString.call(it), '[object RegExp String Iterator]');
    t.throws(function () { 'a'.matchAll(/a/); }, TypeError, 'matchAll with a non-global regexp');
    var re = /a/g;
    re.lastIndex = 1;
    var m2 = 'aXa'.matchAll(re);
    t.equal(m2.next().value.index, 2, 'matchAll starts at lastIndex');
    t.equal(re.lastIndex, 1, 'and leaves the regexp alone');
    t.equal('a.c'.matchAll('.').next().value.index, 0, 'a string pattern is a regexp');
});

test('String.prototype.search and split', function (t) {
    t.equal('abc'.search(/c/), 2);
    t.equal('abc'.search(/x/), -1);
    var re = /b/g;
    re.lastIndex = 2;
    t.equal('abc'.search(re), 1, 'search ignores lastIndex');
    t.equal(re.lastIndex, 2, 'and restores it');
    t.deepEqual('a1b2c'.split(/(\d)/), ['a', '1', 'b', '2', 'c'], 'split with a capture');
    t.deepEqual('a1b2c'.split(/(\d)/, 2), ['a', '1'], 'with a limit');
    t.deepEqual('a1b2c'.split(/\d/, 0), [], 'limit 0');
    t.deepEqual('abc'.split(/(x)?b/), ['a', undefined, 'c'], 'a capture that did not take part');
    t.deepEqual(''.split(/x/), [''], 'empty string, no match');
    t.deepEqual(''.split(/(?:)/), [], 'empty string, empty match');
    t.deepEqual('a,b'.split(','), ['a', 'b'], 'a string separator');
    t.deepEqual('ab'.split(), ['ab'], 'no separator');
    t.deepEqual('ab'.split(undefined, 0), [], 'no separator, limit 0');
    t.deepEqual('\ud83d\ude00x'.split(new RegExp('', 'u')), ['\ud83d\ude00', 'x'], 'empty split under u');
    t.deepEqual('A<B>bold</B>and<CODE>coded</CODE>'.split(/<(\/)?([^<>]+)>/),
        ['A', undefined, 'B', 'bold', '/', 'B', 'and', undefined, 'CODE', 'coded', '/', 'CODE', ''], 'the spec example');
});

test('Symbol.replace and the other symbols on custom objects', function (t) {
    var obj = {};
    obj[Symbol.replace] = function (s, r) { return 'replaced ' + s + ' with ' + r; };
    t.equal('abc'.replace(obj, 'x'), 'replaced abc with x', 'String.prototype.replace calls Symbol.replace');
    obj[Symbol.split] = function (s, lim) { return [s, lim]; };
    t.deepEqual('abc'.split(obj, 3), ['abc', 3]);
    obj[Symbol.search] = function () { return 42; };
    t.equal('abc'.search(obj), 42);
    obj[Symbol.match] = function () { return ['m']; };
    t.deepEqual('abc'.match(obj), ['m']);
    t.equal(typeof Symbol.matchAll, 'symbol');
    t.equal(Symbol.replace.description, 'Symbol.replace');
    var re = /b/;
    var calls = 0;
    re.exec = function (s) {
        calls++;
        return RegExp.prototype.exec.call(this, s);
    };
    t.equal('abc'.replace(re, 'X'), 'aXc', 'an own exec is used');
    t.equal(calls, 1);
    t.ok(re.test('b') && calls === 2, 'test calls it too');
    var fake = { exec: function () { return { 0: 'zz', length: 1, index: 1 }; }, flags: '' };
    t.equal(RegExp.prototype[Symbol.replace].call(fake, 'abcd', '[$&]'), 'a[zz]d', 'a generic object with exec');
    t.equal(RegExp.prototype.test.call({ exec: function () { return null; } }, 'x'), false);
    function MyRE(p, f) {
        return Object.setPrototypeOf(new RegExp(p, f), MyRE.prototype);
    }
    MyRE.prototype = Object.create(RegExp.prototype);
    var mine = new MyRE('-', 'g');
    var built = 0;
    mine.constructor = function (p, f) { built++; return new RegExp(p, f); };
    mine.constructor[Symbol.species] = mine.constructor;
    t.deepEqual('a-b'.split(mine), ['a', 'b'], 'split through Symbol.species');
    t.equal(built, 1);
});

test('RegExp: long inputs stay linear', function (t) {
    var s = new Array(20001).join('ab ');
    var re = /b/g;
    var n = 0;
    while (re.exec(s)) {
        n++;
    }
    t.equal(n, 20000, 'an exec loop over a 60 KB string');
    var u = new Array(5001).join('é ');
    var ru = /é/g;
    var k = 0, last = -1;
    while (ru.exec(u)) {
        k++;
        last = ru.lastIndex;
    }
    t.equal(k, 5000, 'and over a non-ASCII one');
    t.equal(last, 9999);
    t.equal(u.replace(/é/g, 'e').length, u.length, 'replace');
});

test('RegExp: the runtime\'s literals still work', function (t) {
    t.equal('  x  '.replace(/^\s+|\s+$/g, ''), 'x');
    t.deepEqual('a  b'.split(/\s+/), ['a', 'b']);
    t.equal(new Headers({ 'X-A': '  v  ' }).get('x-a'), 'v', 'Headers trims with a regexp');
    t.equal(new URL('http://EXAMPLE.com/a b').href, 'http://example.com/a%20b');
});

test('RegExp: programs dropped from the cache compile again', function (t) {
    var res = [];
    var i;
    for (i = 0; i < 100; i++) {
        res.push(new RegExp('x' + i + '$'));
    }
    var ok = 0;
    for (i = 0; i < 100; i++) {
        ok += res[i].test('ax' + i) && !res[i].test('ax' + i + 'y') ? 1 : 0;
    }
    t.equal(ok, 100, '100 regexps through a cache of fewer programs');
    var long = 'a';
    while (long.length < 70000) {
        long += long;
    }
    var big = [];
    for (i = 0; i < 5; i++) {
        big.push(new RegExp('^' + long + i));
    }
    t.ok(big[0].test(long + '0') && big[4].test(long + '4') && !big[1].test(long + '2'),
        'long patterns beyond the cache\'s size bound');
});

test('RegExp.escape', function (t) {
    t.equal(RegExp.escape('a.b*c'), '\\x61\\.b\\*c');
    t.equal(RegExp.escape('_ -'), '_\\x20\\x2d');
    t.ok(new RegExp(RegExp.escape('(1+1)=2?')).test('x(1+1)=2?'));
    t.throws(function () { RegExp.escape(1); }, TypeError);
});

test('replace with a function: the spec\'s order', function (t) {
    var re = /o/g;
    var seen = [];
    var out = 'foo boo'.replace(re, function (m, p) {
        seen.push(p + ':' + re.lastIndex);
        re.lastIndex = 7;
        return '0';
    });
    t.equal(out, 'f00 b00');
    t.equal(seen.join(' '), '1:0 2:7 5:7 6:7', 'every match found before the first call');
    t.equal(re.lastIndex, 7, 'what the function left in lastIndex stays');
    t.throws(function () {
        'abc'.replace(/b/g, function () { throw new RangeError('from the replacer'); });
    }, RangeError, 'an exception from the function propagates');
    var s = new Array(200).join('xy');
    var inner = 0;
    t.equal(s.replace(/x/g, function () {
        inner += /y/.test(s) ? 1 : 0;
        return 'X';
    }).indexOf('x'), -1, 'a function that runs regexps on the same string');
    t.equal(inner, 199);
    var r = /y/g;
    var n = 0;
    while (r.exec(s)) {
        n++;
    }
    t.equal(n, 199, 'exec loops still work after a throw and nested matches');
    t.equal('a1'.replace(/\d/, function () { return { toString: function () { return '!'; } }; }), 'a!',
        'the result is converted to a string');
    t.throws(function () { 'a'.replace(/a/, function () { return Symbol('s'); }); }, TypeError, 'a Symbol is not');
    t.equal('2024-05'.replace(new RegExp('(?<y>\\d+)-(?<m>\\d+)'), function (m, y, mo, p, str, groups) {
        return groups.m + '/' + groups.y + '@' + p + ':' + str.length;
    }), '05/2024@0:7', 'captures, position, string and groups');
});

test('RegExp: flags reads each flag getter unless they are the originals', function (t) {
    var re = /a/gi;
    t.equal(re.flags, 'gi', 'the original getters');
    t.equal(new RegExp('a', 'dsuy').flags, 'dsuy');
    var own = /a/g;
    Object.defineProperty(own, 'ignoreCase', { value: true });
    t.equal(own.flags, 'gi', 'an own flag property is read');
    t.equal('AaAa'.replace(own, 'x'), 'AxAx', 'replace takes g from flags; the match keeps the program\'s own flags');
    var desc = Object.getOwnPropertyDescriptor(RegExp.prototype, 'global');
    var watched = [/a/m, /a/g];
    var reads = 0;
    Object.defineProperty(RegExp.prototype, 'global', {
        get: function () { reads += watched.indexOf(this) >= 0 ? 1 : 0; return desc.get.call(this); },
        configurable: true
    });
    var flags, replaced;
    try {
        flags = watched[0].flags;
        var afterFlags = reads;
        replaced = 'aXa'.replace(watched[1], 'b');
        var afterReplace = reads;
    } finally {
        Object.defineProperty(RegExp.prototype, 'global', desc);
    }
    t.equal(flags, 'm', 'a replaced getter');
    t.equal(afterFlags, 1, 'is called');
    t.equal(replaced, 'bXb', 'replace reads global through it');
    t.equal(afterReplace, 2, 'once');
    t.equal(/a/g.flags, 'g', 'the original back: the fast way again');
    var sub = Object.create(new RegExp('a', 'y'));
    t.throws(function () { return sub.flags; }, TypeError, 'an object that is not a RegExp: the getters throw');
    t.throws(function () { return Object.getOwnPropertyDescriptor(RegExp.prototype, 'flags').get.call(1); }, TypeError,
        'a primitive');
});
