// SPDX-License-Identifier: MIT
/* The plain-UTF-8 fast paths (lib/api_bytes.c): TextDecoder and
 * TextEncoder copy well-formed text as it is, and String.prototype
 * toUpperCase/toLowerCase convert ASCII in one pass; every other input goes
 * to the full coders. Each result is checked against an independent
 * decoder written here (the Encoding standard's UTF-8 decoder). */
function referenceDecode(bytes, ignoreBOM) {
    var out = [], i = 0, need = 0, cp = 0, lower = 0x80, upper = 0xBF;
    if (!ignoreBOM && bytes.length >= 3 && bytes[0] === 0xEF && bytes[1] === 0xBB && bytes[2] === 0xBF) {
        i = 3;
    }
    function emit(c) {
        if (c > 0xFFFF) {
            c -= 0x10000;
            out.push(String.fromCharCode(0xD800 + (c >> 10), 0xDC00 + (c & 0x3FF)));
        } else {
            out.push(String.fromCharCode(c));
        }
    }
    for (; i < bytes.length; i++) {
        var b = bytes[i];
        if (need === 0) {
            if (b < 0x80) {
                emit(b);
            } else if (b >= 0xC2 && b <= 0xDF) {
                need = 1; cp = b & 0x1F;
            } else if (b >= 0xE0 && b <= 0xEF) {
                if (b === 0xE0) { lower = 0xA0; }
                if (b === 0xED) { upper = 0x9F; }
                need = 2; cp = b & 0xF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                if (b === 0xF0) { lower = 0x90; }
                if (b === 0xF4) { upper = 0x8F; }
                need = 3; cp = b & 0x7;
            } else {
                emit(0xFFFD);
            }
            continue;
        }
        if (b < lower || b > upper) {
            cp = need = 0; lower = 0x80; upper = 0xBF;
            emit(0xFFFD);
            i--;
            continue;
        }
        lower = 0x80; upper = 0xBF;
        cp = (cp << 6) | (b & 0x3F);
        if (--need === 0) {
            emit(cp);
        }
    }
    if (need !== 0) {
        emit(0xFFFD);
    }
    return out.join('');
}

function u8(list) {
    return new Uint8Array(list);
}

var SAMPLES = [
    [],
    [0x61, 0x62, 0x63, 0x0A],
    [0xEF, 0xBB, 0xBF, 0x61, 0x62],                         // BOM then ASCII
    [0x61, 0xEF, 0xBB, 0xBF, 0x62],                         // a BOM later is text
    [0xC3, 0xA9, 0x74, 0xC3, 0xA9, 0x20, 0xE2, 0x82, 0xAC],  // two- and three-byte
    [0x61, 0xF0, 0x9F, 0x98, 0x80, 0x62],                   // four-byte
    [0xED, 0xA0, 0x80, 0x61],                               // an encoded surrogate
    [0xE0, 0x80, 0xAF, 0x61],                               // overlong
    [0xC3, 0x61, 0xE2, 0x82],                               // cut sequences
    [0x61, 0x80, 0xFF, 0x62, 0xC0, 0xAF]
];

test('TextDecoder: streamed in three chunks at every split, plain or not, as the standard decodes', function (t) {
    var bad = [];
    SAMPLES.forEach(function (sample) {
        [false, true].forEach(function (ignoreBOM) {
            var want = referenceDecode(sample, ignoreBOM);
            var d = new TextDecoder('utf-8', { ignoreBOM: ignoreBOM });
            for (var i = 0; i <= sample.length; i++) {
                for (var j = i; j <= sample.length; j++) {
                    var got = d.decode(u8(sample.slice(0, i)), { stream: true }) +
                        d.decode(u8(sample.slice(i, j)), { stream: true }) + d.decode(u8(sample.slice(j)));
                    if (got !== want) {
                        bad.push(JSON.stringify([sample, ignoreBOM, i, j, got, want]));
                    }
                }
            }
        });
    });
    t.deepEqual(bad, [], 'every split of every sample (the decoder reused after each flush)');
});

test('TextDecoder: a long stream of plain chunks after a primed start, then a new stream', function (t) {
    var d = new TextDecoder();
    var parts = [d.decode(u8([0xEF, 0xBB, 0xBF, 0x61]), { stream: true })];
    for (var k = 0; k < 5; k++) {
        parts.push(d.decode(u8([0x62, 0xC3, 0xA9, 0x63]), { stream: true }));
    }
    parts.push(d.decode(u8([0xEF, 0xBB, 0xBF]), { stream: true }), d.decode(u8([0xE2, 0x82]), { stream: true }),
               d.decode(u8([0xAC, 0x64]), { stream: true }), d.decode());
    t.equal(parts.join(''), 'a' + 'b\u00e9c'.repeat(5) + '\ufeff\u20acd', 'a BOM past the start is kept');
    t.equal(d.decode(u8([0xEF, 0xBB, 0xBF, 0x7A])), 'z', 'after the flush a new stream strips its BOM');
    t.equal(d.decode(u8([0xEF, 0xBB, 0xBF, 0x7A]), { stream: true }) + d.decode(u8([0x79])), 'zy',
            'and again when streamed');
});

test('TextDecoder: fatal decoders accept plain chunks and still reject bad ones', function (t) {
    var d = new TextDecoder('utf-8', { fatal: true });
    t.equal(d.decode(u8([0x61]), { stream: true }) + d.decode(u8([0x62, 0x63]), { stream: true }) +
            d.decode(u8([0xC3]), { stream: true }) + d.decode(u8([0xA9])), 'abc\u00e9', 'split sequence');
    d.decode(u8([0x61]), { stream: true });
    t.throws(function () { d.decode(u8([0x62, 0xFF]), { stream: true }); }, TypeError, 'bad byte throws');
    t.equal(d.decode(u8([0xEF, 0xBB, 0xBF, 0x78])), 'x', 'the decoder starts afresh after the error');
});

test('TextEncoder: plain strings are copied, others encoded', function (t) {
    var e = new TextEncoder();
    t.deepEqual(e.encode('abc'), u8([0x61, 0x62, 0x63]), 'ASCII');
    t.deepEqual(e.encode('\u00e9\u20ac'), u8([0xC3, 0xA9, 0xE2, 0x82, 0xAC]), 'two- and three-byte');
    t.deepEqual(e.encode('\ud83d\ude00!'), u8([0xF0, 0x9F, 0x98, 0x80, 0x21]), 'a pair becomes four bytes');
    t.deepEqual(e.encode('a\udc00'), u8([0x61, 0xEF, 0xBF, 0xBD]), 'a lone surrogate becomes U+FFFD');
    var big = 'x\u00e9'.repeat(40000), bytes = e.encode(big);
    t.equal(bytes.length, 120000, 'a long string');
    t.equal(new TextDecoder().decode(bytes), big, 'round trip');
    bytes[0] = 0x79;
    t.equal(e.encode(big)[0], 0x78, 'each result is a fresh copy');
});

test('String.prototype.toUpperCase/toLowerCase: ASCII fast, the rest as before', function (t) {
    var ascii = '', i;
    for (i = 0; i < 128; i++) {
        ascii += String.fromCharCode(i);
    }
    var up = ascii.toUpperCase(), low = ascii.toLowerCase(), okUp = true, okLow = true;
    for (i = 0; i < 128; i++) {
        var c = ascii.charAt(i);
        okUp = okUp && up.charAt(i) === (i >= 97 && i <= 122 ? String.fromCharCode(i - 32) : c);
        okLow = okLow && low.charAt(i) === (i >= 65 && i <= 90 ? String.fromCharCode(i + 32) : c);
    }
    t.ok(okUp && up.length === 128, 'every ASCII character upper-cased');
    t.ok(okLow && low.length === 128, 'every ASCII character lower-cased');
    t.equal('the quick brown fox, 0123456789 jumps'.repeat(3).toUpperCase(),
            'THE QUICK BROWN FOX, 0123456789 JUMPS'.repeat(3), 'longer text');
    t.equal('stra\u00dfe \u00e9t\u00e9'.toUpperCase(), 'STRASSE \u00c9T\u00c9', 'non-ASCII by the full mapping');
    t.equal('\u0130X'.toLowerCase(), 'i\u0307x', 'special lower-casing');
    t.equal(String.prototype.toUpperCase.call(12), '12', 'a number this is converted');
    t.equal(String.prototype.toLowerCase.call({ toString: function () { return 'AbC'; } }), 'abc', 'an object this');
    t.equal(new String('xY').toUpperCase(), 'XY', 'a String object');
    t.throws(function () { String.prototype.toUpperCase.call(null); }, TypeError, 'null this');
    t.throws(function () { String.prototype.toLowerCase.call(undefined); }, TypeError, 'undefined this');
    t.throws(function () { return new String.prototype.toUpperCase(); }, TypeError, 'not a constructor');
    t.equal(String.prototype.toUpperCase.name, 'toUpperCase', 'name');
    t.equal(String.prototype.toLowerCase.length, 0, 'length');
    t.equal(Object.keys(String.prototype).length, 0, 'not enumerable');
});
