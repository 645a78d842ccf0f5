// SPDX-License-Identifier: MIT
/* TextDecoder for the Encoding Standard's legacy encodings: labels, every
 * single-byte table and every two-byte index entry checked against the
 * standard's index files (lib/encoding/), samples checked against node's
 * ICU decoder (t/data/encoding/legacy-samples.json), error handling,
 * fatal mode and streaming across chunk boundaries. */
var TOP = env.FCW_CONFORMANCE + '/../../..';
var DIR = TOP + '/lib/encoding/';

function readIndex(name) {
    var map = {}, lines = readFile(DIR + 'index-' + name + '.txt').split('\n');
    for (var i = 0; i < lines.length; i++) {
        var m = /^\s*(\d+)\s+0x([0-9A-Fa-f]+)/.exec(lines[i]);
        if (m) {
            map[m[1]] = parseInt(m[2], 16);
        }
    }
    return map;
}

function hex(h) {
    var a = new Uint8Array(h.length / 2);
    for (var i = 0; i < a.length; i++) {
        a[i] = parseInt(h.substr(i * 2, 2), 16);
    }
    return a;
}

function fromCodePoint(cp) {
    if (cp < 0x10000) {
        return String.fromCharCode(cp);
    }
    cp -= 0x10000;
    return String.fromCharCode(0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF));
}

function codePoints(list) {
    return list.map(fromCodePoint).join('');
}

/* First mismatch between two strings, for readable failures. */
function firstDiff(a, b) {
    for (var i = 0; i < Math.max(a.length, b.length); i++) {
        if (a.charCodeAt(i) !== b.charCodeAt(i)) {
            return 'at ' + i + ': got U+' + (a.charCodeAt(i) || 0).toString(16) + ', want U+' + (b.charCodeAt(i) || 0).toString(16);
        }
    }
    return 'equal';
}

var groups = JSON.parse(readFile(DIR + 'encodings.json'));
var singleByte = [];
groups.forEach(function (g) {
    if (/single-byte/i.test(g.heading)) {
        g.encodings.forEach(function (e) { singleByte.push(e.name.toLowerCase()); });
    }
});

test('labels: every label of encodings.json resolves to its encoding', function (t) {
    var bad = [];
    groups.forEach(function (g) {
        g.encodings.forEach(function (e) {
            var name = e.name.toLowerCase();
            e.labels.forEach(function (label) {
                var variants = [label, label.toUpperCase(), ' \t' + label + '\n\f\r'];
                variants.forEach(function (v) {
                    if (name === 'replacement') {
                        try {
                            new TextDecoder(v);
                            bad.push(v + ' constructed');
                        } catch (err) {
                            if (!(err instanceof RangeError)) {
                                bad.push(v + ' threw ' + err);
                            }
                        }
                        return;
                    }
                    var got = new TextDecoder(v).encoding;
                    if (got !== name) {
                        bad.push(JSON.stringify(v) + ' -> ' + got + ' (want ' + name + ')');
                    }
                });
            });
        });
    });
    t.deepEqual(bad, [], 'all labels');
    t.equal(singleByte.length, 28, 'the standard lists 28 single-byte encodings');
    t.throws(function () { new TextDecoder('utf-8\u0000'); }, RangeError, 'a NUL in a label');
    t.throws(function () { new TextDecoder('\u00a0utf-8'); }, RangeError, 'only ASCII whitespace is trimmed');
    t.throws(function () { new TextDecoder('replacement'); }, RangeError, '"replacement" is a RangeError');
    t.throws(function () { new TextDecoder('x-mac-ukrainian2'); }, RangeError, 'unknown label');
});

test('single-byte: every table decodes bytes 0..255 as its index says', function (t) {
    var all = new Uint8Array(256);
    for (var i = 0; i < 256; i++) {
        all[i] = i;
    }
    singleByte.forEach(function (name) {
        var index = readIndex(name === 'iso-8859-8-i' ? 'iso-8859-8' : name), want = [], unmapped = -1;
        for (var b = 0; b < 256; b++) {
            var cp = b < 0x80 ? b : index[b - 0x80];
            if (cp === undefined) {
                unmapped = b;
                cp = 0xFFFD;
            }
            want.push(cp);
        }
        var got = new TextDecoder(name).decode(all), expect = codePoints(want);
        t.ok(got === expect, name + ': 256 bytes (' + firstDiff(got, expect) + ')');
        if (unmapped !== -1) {
            t.throws(function () { new TextDecoder(name, { fatal: true }).decode(new Uint8Array([unmapped])); },
                TypeError, name + ': fatal on unmapped byte 0x' + unmapped.toString(16));
        } else {
            t.equal(new TextDecoder(name, { fatal: true }).decode(all), expect, name + ': fatal, every byte mapped');
        }
    });
});

test('x-user-defined maps 0x80..0xFF to U+F780..U+F7FF', function (t) {
    t.equal(new TextDecoder('x-user-defined').decode(hex('418081ff')), 'A\uf780\uf781\uf7ff');
});

/* Decodes every lead with every trail byte of the given ranges as one
 * input per lead and compares with what the index says: the code point,
 * or U+FFFD followed by the trail when that is ASCII (the standard puts an
 * ASCII trail back into the queue). */
function sweep(t, encoding, leads, trailRanges, pointerOf, indexName, special) {
    var index = readIndex(indexName), failures = 0, first = '';
    for (var l = leads[0]; l <= leads[1]; l++) {
        if (leads[2] && leads[2](l)) {
            continue;
        }
        var bytes = [], want = [];
        trailRanges.forEach(function (r) {
            for (var b = r[0]; b <= r[1]; b++) {
                bytes.push(l, b);
                var pointer = pointerOf(l, b), cp = special ? special(pointer) : undefined;
                if (cp !== undefined) {
                    want.push.apply(want, cp);
                    continue;
                }
                cp = index[pointer];
                if (cp === undefined) {
                    want.push(0xFFFD);
                    if (b < 0x80) {
                        want.push(b);
                    }
                } else {
                    want.push(cp);
                }
            }
        });
        var got = new TextDecoder(encoding).decode(new Uint8Array(bytes)), expect = codePoints(want);
        if (got !== expect) {
            failures++;
            first = first || 'lead 0x' + l.toString(16) + ' ' + firstDiff(got, expect);
        }
    }
    t.equal(failures, 0, encoding + ': every two-byte sequence as index-' + indexName + ' says ' + first);
}

test('gb18030/gbk: every two-byte sequence', function (t) {
    var pointer = function (l, b) { return (l - 0x81) * 190 + b - (b < 0x7F ? 0x40 : 0x41); };
    sweep(t, 'gb18030', [0x81, 0xFE], [[0x40, 0x7E], [0x80, 0xFE]], pointer, 'gb18030');
    sweep(t, 'gbk', [0x81, 0xFE], [[0x40, 0x7E], [0x80, 0xFE]], pointer, 'gb18030');
});

test('gb18030: four-byte sequences through the ranges index', function (t) {
    var ranges = readIndex('gb18030-ranges'), bad = [];
    function bytesOf(p) {
        return [0x81 + Math.floor(p / 12600), 0x30 + Math.floor(p % 12600 / 1260), 0x81 + Math.floor(p % 1260 / 10), 0x30 + p % 10];
    }
    Object.keys(ranges).forEach(function (p) {
        p = +p;
        var want = p === 7457 ? 0xE7C7 : ranges[p];
        var got = new TextDecoder('gb18030').decode(new Uint8Array(bytesOf(p)));
        if (got !== fromCodePoint(want)) {
            bad.push(p);
        }
    });
    t.deepEqual(bad, [], 'the first pointer of every range (' + Object.keys(ranges).length + ')');
    t.equal(new TextDecoder('gb18030').decode(new Uint8Array(bytesOf(189000))), '\ud800\udc00', 'pointer 189000 is U+10000');
    t.equal(new TextDecoder('gb18030').decode(new Uint8Array(bytesOf(1237575))), '\udbff\udfff', 'pointer 1237575 is U+10FFFF');
    t.equal(new TextDecoder('gb18030').decode(new Uint8Array(bytesOf(1237576))), '\ufffd', 'past U+10FFFF');
    t.equal(new TextDecoder('gb18030').decode(new Uint8Array(bytesOf(39420))), '\ufffd', 'a pointer between the ranges');
    t.equal(new TextDecoder('gb18030').decode(hex('84319533')), '\ufeff', 'U+FEFF is not a BOM to strip');
});

test('big5: every two-byte sequence, and the four two-code-point pointers', function (t) {
    sweep(t, 'big5', [0x81, 0xFE], [[0x40, 0x7E], [0xA1, 0xFE]],
        function (l, b) { return (l - 0x81) * 157 + b - (b < 0x7F ? 0x40 : 0x62); }, 'big5',
        function (p) {
            return { 1133: [0xCA, 0x304], 1135: [0xCA, 0x30C], 1164: [0xEA, 0x304], 1166: [0xEA, 0x30C] }[p];
        });
    t.equal(new TextDecoder('big5').decode(hex('8862886488a388a5')), '\u00ca\u0304\u00ca\u030c\u00ea\u0304\u00ea\u030c');
});

test('euc-kr: every two-byte sequence', function (t) {
    sweep(t, 'euc-kr', [0x81, 0xFE], [[0x41, 0xFE]], function (l, b) { return (l - 0x81) * 190 + b - 0x41; }, 'euc-kr');
});

test('shift_jis: every two-byte sequence, user-defined area and single bytes', function (t) {
    sweep(t, 'shift_jis', [0x81, 0xFC, function (l) { return l >= 0xA0 && l < 0xE0; }], [[0x40, 0x7E], [0x80, 0xFC]],
        function (l, b) { return (l - (l < 0xA0 ? 0x81 : 0xC1)) * 188 + b - (b < 0x7F ? 0x40 : 0x41); }, 'jis0208',
        function (p) { return p >= 8836 && p <= 10715 ? [0xE000 - 8836 + p] : undefined; });
    t.equal(new TextDecoder('shift_jis').decode(hex('80a1df')), '\u0080\uff61\uff9f', '0x80 and half-width katakana');
    t.equal(new TextDecoder('shift_jis').decode(hex('a0fdfeff')), '\ufffd\ufffd\ufffd\ufffd', 'bytes that are never valid');
});

test('euc-jp: every JIS X 0208 and JIS X 0212 sequence', function (t) {
    var pointer = function (l, b) { return (l - 0xA1) * 94 + b - 0xA1; };
    sweep(t, 'euc-jp', [0xA1, 0xFE], [[0xA1, 0xFE]], pointer, 'jis0208');
    var index = readIndex('jis0212'), bytes = [], want = [];
    for (var l = 0xA1; l <= 0xFE; l++) {
        for (var b = 0xA1; b <= 0xFE; b++) {
            bytes.push(0x8F, l, b);
            var cp = index[pointer(l, b)];
            want.push(cp === undefined ? 0xFFFD : cp);
        }
    }
    var got = new TextDecoder('euc-jp').decode(new Uint8Array(bytes)), expect = codePoints(want);
    t.ok(got === expect, 'euc-jp: 0x8F and JIS X 0212 (' + firstDiff(got, expect) + ')');
    t.equal(new TextDecoder('euc-jp').decode(hex('8ea18edf8ee0')), '\uff61\uff9f\ufffd', 'half-width katakana after 0x8E');
});

test('iso-2022-jp: every JIS X 0208 sequence and the escape states', function (t) {
    var index = readIndex('jis0208'), failures = 0, first = '';
    for (var l = 0x21; l <= 0x7E; l++) {
        var bytes = [0x1B, 0x24, 0x42], want = [];
        for (var b = 0x21; b <= 0x7E; b++) {
            bytes.push(l, b);
            var cp = index[(l - 0x21) * 94 + b - 0x21];
            want.push(cp === undefined ? 0xFFFD : cp);
        }
        bytes.push(0x1B, 0x28, 0x42);
        var got = new TextDecoder('iso-2022-jp').decode(new Uint8Array(bytes)), expect = codePoints(want);
        if (got !== expect) {
            failures++;
            first = first || firstDiff(got, expect);
        }
    }
    t.equal(failures, 0, 'every row of JIS X 0208 ' + first);
    var d = new TextDecoder('iso-2022-jp');
    t.equal(d.decode(hex('1b2440306c')), '\u4e00', 'ESC $ @ also selects JIS X 0208');
    t.equal(d.decode(hex('1b2442')), '', 'an escape alone decodes to nothing');
    t.equal(d.decode(hex('1b24421b2842')), '\ufffd', 'two escapes in a row are an error');
    t.equal(d.decode(hex('0e0f41')), '\ufffd\ufffdA', 'SO and SI are errors');
    t.equal(d.decode(hex('1b')), '\ufffd', 'a lone ESC at the end');
    t.equal(d.decode(hex('1b2841')), '\ufffd(A', 'an unknown escape puts its bytes back');
    t.equal(d.decode(hex('1b2442306c30')), '\u4e00\ufffd', 'a lead byte without its trail at the end');
    t.equal(d.decode(hex('1b2442301b28424142')), '\ufffdAB', 'an escape in place of a trail byte');
    t.equal(d.decode(hex('1b284980')), '\ufffd', 'katakana state rejects 0x80');
});

test('samples agree with node (ICU) where ICU follows the standard', function (t) {
    var samples = JSON.parse(readFile(TOP + '/t/data/encoding/legacy-samples.json'));
    t.ok(samples.length >= 20, samples.length + ' samples');
    samples.forEach(function (s) {
        t.equal(new TextDecoder(s[0]).decode(hex(s[1])), codePoints(s[2]), s[0] + ' ' + s[1]);
    });
});

test('errors: malformed sequences become U+FFFD, ASCII trails are re-read', function (t) {
    var cases = [
        ['gb18030', '81', '\ufffd'],
        ['gb18030', '8130', '\ufffd'],
        ['gb18030', '813081', '\ufffd'],
        ['gb18030', '81308141', '\ufffd0\u4e04'],
        ['gb18030', '817f', '\ufffd\u007f'],
        ['gb18030', 'ff', '\ufffd'],
        ['big5', '8141', '\ufffdA'],
        ['big5', 'a1', '\ufffd'],
        ['big5', '80', '\ufffd'],
        ['euc-kr', 'b0', '\ufffd'],
        ['euc-kr', 'b020', '\ufffd '],
        ['euc-kr', '80', '\ufffd'],
        ['euc-jp', 'a4', '\ufffd'],
        ['euc-jp', 'a441', '\ufffdA'],
        ['euc-jp', '8f', '\ufffd'],
        ['euc-jp', '8fa1', '\ufffd'],
        ['shift_jis', '82', '\ufffd'],
        ['shift_jis', '8220', '\ufffd ']
    ];
    cases.forEach(function (c) {
        t.equal(new TextDecoder(c[0]).decode(hex(c[1])), c[2], c[0] + ' ' + c[1]);
        t.throws(function () { new TextDecoder(c[0], { fatal: true }).decode(hex(c[1])); }, TypeError, c[0] + ' ' + c[1] + ' fatal');
    });
});

test('fatal: the decoder starts afresh after an error', function (t) {
    var d = new TextDecoder('shift_jis', { fatal: true });
    t.equal(d.fatal, true);
    t.throws(function () { d.decode(hex('82'), { stream: true }); d.decode(hex('20')); }, TypeError, 'error across chunks');
    t.equal(d.decode(hex('82a0')), '\u3042', 'next decode is clean');
    t.throws(function () { d.decode(hex('82'), { stream: false }); }, TypeError, 'a truncated sequence at the end');
    t.equal(d.decode(hex('41')), 'A');
});

test('streaming: every split point of every sample decodes as the whole', function (t) {
    var samples = JSON.parse(readFile(TOP + '/t/data/encoding/legacy-samples.json')), bad = [];
    samples.forEach(function (s) {
        var bytes = hex(s[1]), whole = new TextDecoder(s[0]).decode(bytes);
        for (var cut = 0; cut <= bytes.length; cut++) {
            var d = new TextDecoder(s[0]);
            var got = d.decode(bytes.subarray(0, cut), { stream: true }) + d.decode(bytes.subarray(cut));
            if (got !== whole) {
                bad.push(s[0] + ' ' + s[1] + ' cut at ' + cut);
            }
        }
        var one = new TextDecoder(s[0]), parts = '';
        for (var i = 0; i < bytes.length; i++) {
            parts += one.decode(bytes.subarray(i, i + 1), { stream: true });
        }
        parts += one.decode();
        if (parts !== whole) {
            bad.push(s[0] + ' ' + s[1] + ' byte by byte');
        }
    });
    t.deepEqual(bad, []);
    var d = new TextDecoder('gb18030');
    t.equal(d.decode(hex('81'), { stream: true }), '', 'first byte held');
    t.equal(d.decode(hex('30'), { stream: true }), '', 'second byte held');
    t.equal(d.decode(hex('81'), { stream: true }), '', 'third byte held');
    t.equal(d.decode(hex('30')), '\u0080', 'four bytes over four calls');
    t.equal(d.decode(hex('8130'), { stream: true }), '', 'held again');
    t.equal(d.decode(), '\ufffd', 'the end of the stream flushes an error');
    t.equal(d.decode(hex('41')), 'A', 'and resets');
});

test('TextDecoderStream decodes a legacy encoding across chunks', function (t) {
    var ds = new TextDecoderStream('euc-jp'), w = ds.writable.getWriter(), out = '';
    w.write(hex('c6')); w.write(hex('fccb')); w.write(hex('dc8f')); w.write(hex('b0')); w.write(hex('a1')); w.close();
    var r = ds.readable.getReader();
    function pump() {
        return r.read().then(function (res) {
            if (res.done) {
                t.equal(out, '\u65e5\u672c\u4e02');
                t.equal(ds.encoding, 'euc-jp');
                return undefined;
            }
            out += res.value;
            return pump();
        });
    }
    return pump();
});
