// SPDX-License-Identifier: MIT
/* Encoding standard (TextEncoder/TextDecoder) and HTML atob/btoa. */
function bytes(list) {
    return new Uint8Array(list);
}

test('TextEncoder: encoding is utf-8 and encode() produces UTF-8', function (t) {
    var e = new TextEncoder();
    t.equal(e.encoding, 'utf-8', 'encoding attribute');
    t.equal(e.encode().length, 0, 'input defaults to the empty string');
    t.deepEqual(e.encode('\u20ac'), bytes([0xE2, 0x82, 0xAC]), 'three-byte code point');
    t.deepEqual(e.encode('\ud83d\ude00'), bytes([0xF0, 0x9F, 0x98, 0x80]), 'surrogate pair is one code point');
    t.deepEqual(e.encode('a\ud800b'), bytes([0x61, 0xEF, 0xBF, 0xBD, 0x62]), 'USVString conversion: lone surrogate becomes U+FFFD');
    t.ok(e.encode('x') instanceof Uint8Array, 'returns a Uint8Array');
});

test('TextEncoder: encodeInto reports UTF-16 units read and bytes written', function (t) {
    var e = new TextEncoder(), dest = new Uint8Array(3);
    var r = e.encodeInto('a\u20ac', dest);
    t.deepEqual([r.read, r.written], [1, 1], 'stops before a code point that does not fit');
    dest = new Uint8Array(4);
    r = e.encodeInto('\ud83d\ude00', dest);
    t.deepEqual([r.read, r.written], [2, 4], 'a supplementary code point reads two units');
    t.deepEqual(dest, bytes([0xF0, 0x9F, 0x98, 0x80]), 'bytes written into the destination');
    t.throws(function () { e.encodeInto('a', [0]); }, TypeError, 'destination must be a Uint8Array');
});

test('TextDecoder: labels are resolved per the Encoding standard', function (t) {
    t.equal(new TextDecoder().encoding, 'utf-8', 'default is utf-8');
    t.equal(new TextDecoder(' UTF8 ').encoding, 'utf-8', 'labels are trimmed and case-insensitive');
    t.equal(new TextDecoder('unicode-1-1-utf-8').encoding, 'utf-8', 'legacy utf-8 label');
    t.equal(new TextDecoder('latin1').encoding, 'windows-1252', 'latin1 is windows-1252');
    t.equal(new TextDecoder('ascii').encoding, 'windows-1252', 'ascii is windows-1252');
    t.equal(new TextDecoder('utf-16').encoding, 'utf-16le', 'utf-16 is utf-16le');
    t.equal(new TextDecoder('utf-16be').encoding, 'utf-16be', 'utf-16be');
    t.throws(function () { new TextDecoder('no-such-encoding'); }, RangeError, 'unknown label is a RangeError');
    t.throws(function () { new TextDecoder('iso-2022-kr'); }, RangeError, 'the replacement encoding is a RangeError');
});

test('TextDecoder: utf-8 decode, BOM and replacement', function (t) {
    var d = new TextDecoder();
    t.equal(d.decode(bytes([0x68, 0xC3, 0xA9])), 'h\u00e9', 'two-byte sequence');
    t.equal(d.decode(), '', 'no input decodes to the empty string');
    t.equal(d.decode(bytes([0xEF, 0xBB, 0xBF, 0x41])), 'A', 'leading BOM is removed');
    t.equal(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes([0xEF, 0xBB, 0xBF, 0x41])), '\ufeffA', 'ignoreBOM keeps the BOM');
    t.equal(d.decode(bytes([0xF0, 0x90, 0x80, 0x41])), '\ufffdA', 'a truncated sequence is one maximal subpart');
    t.equal(d.decode(bytes([0xE0, 0x80])), '\ufffd\ufffd', 'E0 80 is two errors (80 is out of range after E0)');
    t.equal(d.decode(bytes([0xED, 0xA0, 0x80])), '\ufffd\ufffd\ufffd', 'encoded surrogates are errors per byte');
    t.equal(d.decode(bytes([0xC0, 0x80])), '\ufffd\ufffd', 'overlong C0 80 is two errors');
    t.equal(d.decode(bytes([0x41, 0x42]).buffer), 'AB', 'accepts an ArrayBuffer');
    t.equal(d.decode(new DataView(bytes([0x43]).buffer)), 'C', 'accepts a DataView');
    t.throws(function () { d.decode('string'); }, TypeError, 'a string is not a BufferSource');
});

test('TextDecoder: fatal mode throws TypeError', function (t) {
    var d = new TextDecoder('utf-8', { fatal: true });
    t.equal(d.fatal, true, 'fatal attribute');
    t.equal(new TextDecoder().fatal, false, 'fatal defaults to false');
    t.equal(new TextDecoder('utf-8', { ignoreBOM: true }).ignoreBOM, true, 'ignoreBOM attribute');
    t.throws(function () { d.decode(bytes([0xFF])); }, TypeError, 'invalid byte');
    t.throws(function () { d.decode(bytes([0xE2, 0x82])); }, TypeError, 'truncated sequence at end of input');
    t.equal(d.decode(bytes([0xE2, 0x82, 0xAC])), '\u20ac', 'valid input still decodes after an error');
});

test('TextDecoder: streaming keeps partial sequences between calls', function (t) {
    var d = new TextDecoder();
    t.equal(d.decode(bytes([0xE2, 0x82]), { stream: true }), '', 'partial sequence is held');
    t.equal(d.decode(bytes([0xAC])), '\u20ac', 'and completed by the next call');
    t.equal(d.decode(bytes([0xF0, 0x9F]), { stream: true }), '', 'held again');
    t.equal(d.decode(), '\ufffd', 'flushing an incomplete sequence emits U+FFFD');
    t.equal(d.decode(bytes([0xEF, 0xBB]), { stream: true }) + d.decode(bytes([0xBF, 0x41])), 'A', 'a BOM split across calls is removed');
});

test('TextDecoder: utf-16le, utf-16be and windows-1252', function (t) {
    var le = new TextDecoder('utf-16le'), be = new TextDecoder('utf-16be');
    t.equal(le.decode(bytes([0x41, 0x00, 0x3D, 0xD8, 0x00, 0xDE])), 'A\ud83d\ude00', 'utf-16le with a surrogate pair');
    t.equal(le.decode(bytes([0xFF, 0xFE, 0x41, 0x00])), 'A', 'utf-16le BOM removed');
    t.equal(be.decode(bytes([0x00, 0x41, 0x20, 0xAC])), 'A\u20ac', 'utf-16be');
    t.equal(le.decode(bytes([0x41, 0x00, 0x42])), 'A\ufffd', 'an odd trailing byte is an error');
    t.equal(le.decode(bytes([0x00, 0xDC, 0x41, 0x00])), '\ufffdA', 'a lone trail surrogate is an error');
    t.equal(le.decode(bytes([0x41]), { stream: true }) + le.decode(bytes([0x00, 0x42, 0x00])), 'AB', 'streaming splits a code unit');
    t.throws(function () { new TextDecoder('utf-16le', { fatal: true }).decode(bytes([0x00, 0xD8])); }, TypeError, 'fatal utf-16');
    var w = new TextDecoder('windows-1252');
    t.equal(w.decode(bytes([0x80, 0xE9, 0x81, 0x9F])), '\u20ac\u00e9\u0081\u0178', 'windows-1252 0x80..0x9F table and latin1 range');
});

test('atob/btoa: forgiving-base64 vectors (WPT fetch/data-urls/resources/base64.json)', function (t) {
    var vectors = JSON.parse(readFile(env.FCW_CONFORMANCE + '/base64.json'));
    vectors.forEach(function (v) {
        var input = v[0], expected = v[1];
        if (expected === null) {
            try {
                atob(input);
                t.ok(false, JSON.stringify(input) + ' should throw');
            } catch (e) {
                t.ok(e instanceof DOMException && e.name === 'InvalidCharacterError', JSON.stringify(input) + ' throws InvalidCharacterError');
            }
            return;
        }
        var out = atob(input), codes = [];
        for (var i = 0; i < out.length; i++) {
            codes.push(out.charCodeAt(i));
        }
        t.deepEqual(codes, expected, JSON.stringify(input));
    });
});

test('btoa: Latin-1 strings only', function (t) {
    t.equal(btoa('hello'), 'aGVsbG8=', 'one padding character');
    t.equal(btoa('a'), 'YQ==', 'two padding characters');
    t.equal(btoa(''), '', 'empty string');
    var all = '';
    for (var i = 0; i < 256; i++) {
        all += String.fromCharCode(i);
    }
    t.equal(atob(btoa(all)), all, 'every byte value round-trips');
    try {
        btoa('\u0100');
        t.ok(false, 'code point above U+00FF must throw');
    } catch (e) {
        t.equal(e.name, 'InvalidCharacterError', 'code point above U+00FF throws InvalidCharacterError');
        t.equal(e.code, 5, 'INVALID_CHARACTER_ERR code');
    }
    t.equal(atob(' YW Jj\n'), 'abc', 'ASCII whitespace is ignored by atob');
});

test('atob/btoa: WebIDL shape and argument conversion', function (t) {
    t.equal(atob.name + ' ' + atob.length + ' ' + btoa.name + ' ' + btoa.length, 'atob 1 btoa 1', 'names and lengths');
    t.throws(function () { atob(); }, TypeError, 'atob() without an argument throws TypeError');
    t.throws(function () { btoa(); }, TypeError, 'btoa() without an argument throws TypeError');
    try {
        atob(undefined);
        t.ok(false, 'atob(undefined) must throw');
    } catch (e) {
        t.equal(e.name, 'InvalidCharacterError', 'atob(undefined) decodes "undefined", 9 characters: InvalidCharacterError');
    }
    t.equal(btoa(undefined), 'dW5kZWZpbmVk', 'btoa(undefined) encodes "undefined"');
    t.equal(atob({ toString: function () { return 'YWI='; } }), 'ab', 'an object is converted with its toString');
    t.equal(btoa(12), 'MTI=', 'a number is converted to a string');
    t.equal(atob('/w=='), '\u00ff', 'a byte above 0x7f is one character');
    t.throws(function () { atob('YQ=a'); }, DOMException, 'padding inside the text is refused');
});
