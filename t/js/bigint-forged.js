// SPDX-License-Identifier: MIT
/*
 * The C side of BigInt (lib/api_bigint.c) refuses values that are not the
 * runtime's own, even if a value reached it under the BigInt key (a hidden
 * symbol scripts cannot name): with the private native object exposed
 * (t/bigint-forged.t), objects are forged under that key. Without it (t/js.t)
 * only the absence of native is checked.
 */
var B = __fcw_bigint;

if (typeof native !== 'object') {
    test('forged BigInts: native is private', function (t) {
        t.equal(typeof native, 'undefined');
    });
} else {
    test('forged BigInt objects are refused, not trusted', function (t) {
        var key = native.hiddenSymbol('bigintValue');
        t.ok(B.exp(BigInt(2), BigInt(70))[key] !== undefined, 'the key is the one BigInts keep their value under');
        function forge(v) {
            var o = Object.create(BigInt.prototype);
            o[key] = v;
            return o;
        }
        t.throws(function () { B.mul(forge(1e300), forge(Math.pow(2, 80))); }, TypeError, 'a huge number');
        t.throws(function () { B.mul(forge(NaN), B.exp(BigInt(2), BigInt(70))); }, TypeError, 'NaN');
        t.throws(function () { B.div(forge(new Uint8Array(3)), BigInt(3)); }, TypeError, 'a short buffer');
        t.throws(function () { B.div(forge(new Uint8Array(new ArrayBuffer(12), 1, 8)), BigInt(3)); }, TypeError,
            'a misaligned view');
        t.throws(function () { B.div(forge('12'), BigInt(3)); }, TypeError, 'a string');
        t.equal(String(B.add(forge(new Uint32Array([0, 5, 0, 0]).buffer), BigInt(1))), '6', 'a buffer of words is read');
    });
}
