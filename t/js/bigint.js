// SPDX-License-Identifier: MIT
/* BigInt in the runtime (js/16-bigint.js, js/17-bigint-arrays.js): the
 * constructor and its conversions, arbitrary-precision arithmetic through the
 * operations object that lowered code calls, typed arrays, DataView, JSON.
 * Expected values of the large computations come from V8. */
var B = __fcw_bigint;
var A = B.exp(BigInt(2), BigInt(200));
var NB = B.neg(B.exp(BigInt(3), BigInt(150)));
var C = BigInt(new Array(301).join('9'));
var D = BigInt('12345678901234567890123456789');

function s(x) {
    return String(x);
}

test('BigInt(): numbers, strings, booleans, BigInts', function (t) {
    t.equal(s(BigInt(0)), '0');
    t.equal(s(BigInt(-0)), '0');
    t.equal(s(BigInt(42)), '42');
    t.equal(s(BigInt(-9007199254740991)), '-9007199254740991');
    t.equal(s(BigInt(1e21)), '1000000000000000000000');
    t.equal(s(BigInt(Math.pow(2, 80))), '1208925819614629174706176');
    t.equal(s(BigInt(-Math.pow(2, 64))), '-18446744073709551616');
    t.equal(s(BigInt(true)), '1');
    t.equal(s(BigInt(false)), '0');
    t.equal(BigInt(A), A, 'a BigInt is returned as it is');
    t.equal(s(BigInt('')), '0');
    t.equal(s(BigInt('  \n\t 123 \u00a0\ufeff')), '123');
    t.equal(s(BigInt('-00123')), '-123');
    t.equal(s(BigInt('+77')), '77');
    t.equal(s(BigInt('0x1F')), '31');
    t.equal(s(BigInt('0X1f')), '31');
    t.equal(s(BigInt('0o777')), '511');
    t.equal(s(BigInt('0b1010')), '10');
    t.equal(s(BigInt('0b' + new Array(101).join('1'))), '1267650600228229401496703205375');
    t.equal(s(BigInt({ valueOf: function () { return 12; } })), '12');
    t.equal(s(BigInt({ toString: function () { return '0x10'; }, valueOf: null })), '16');
});

test('BigInt(): errors', function (t) {
    t.throws(function () { BigInt(1.5); }, RangeError, 'non-integer number');
    t.throws(function () { BigInt(NaN); }, RangeError, 'NaN');
    t.throws(function () { BigInt(Infinity); }, RangeError, 'Infinity');
    t.throws(function () { BigInt(undefined); }, TypeError, 'undefined');
    t.throws(function () { BigInt(null); }, TypeError, 'null');
    t.throws(function () { BigInt(Symbol('x')); }, TypeError, 'symbol');
    t.throws(function () { BigInt('1.5'); }, SyntaxError, 'decimal point');
    t.throws(function () { BigInt('1e3'); }, SyntaxError, 'exponent');
    t.throws(function () { BigInt('12n'); }, SyntaxError, 'n suffix');
    t.throws(function () { BigInt('-0x10'); }, SyntaxError, 'sign with a prefix');
    t.throws(function () { BigInt('0x'); }, SyntaxError, 'prefix without digits');
    t.throws(function () { BigInt('0b102'); }, SyntaxError, 'digit out of radix');
    t.throws(function () { BigInt('1_000'); }, SyntaxError, 'separator');
    t.throws(function () { BigInt('Infinity'); }, SyntaxError, 'Infinity');
    t.throws(function () { BigInt('-'); }, SyntaxError, 'sign alone');
    t.throws(function () { return new BigInt(1); }, TypeError, 'new BigInt');
});

test('BigInt values: objects of their own type', function (t) {
    var one = BigInt(1);
    t.equal(B.typeOf(one), 'bigint');
    t.equal(B.typeOf(1), 'number');
    t.equal(B.typeOf(null), 'object');
    t.equal(B.typeOf({}), 'object');
    t.ok(B.isBigInt(A) && !B.isBigInt(1) && !B.isBigInt(null) && !B.isBigInt('1'), 'isBigInt');
    t.equal(Object.prototype.toString.call(one), '[object BigInt]');
    t.ok(Object.isFrozen(one) && Object.isFrozen(A), 'frozen');
    t.equal(Object.getPrototypeOf(A), BigInt.prototype);
    t.equal(A.constructor, BigInt);
    t.equal(BigInt(5), B.lit('5'), 'small values are interned');
    t.equal(BigInt(-1024), BigInt('-1024'), 'down to -1024');
    t.equal(B.lit('123456789012345678901'), B.lit('123456789012345678901'), 'a literal is one object');
    t.ok(B.seq(BigInt('123456789012345678901'), B.lit('123456789012345678901')), 'seq compares values');
    t.equal(A.valueOf(), A);
    t.equal(Object.keys(A).length, 0, 'no enumerable properties');
    t.equal(BigInt.prototype.toJSON, undefined);
    t.equal(BigInt.name, 'BigInt');
    t.equal(BigInt.length, 1);
    t.throws(function () { BigInt.prototype.toString.call(1); }, TypeError, 'toString needs a BigInt');
    t.throws(function () { BigInt.prototype.valueOf.call({}); }, TypeError, 'valueOf needs a BigInt');
});

test('toString, String, Number, templates', function (t) {
    t.equal(A.toString(), '1606938044258990275541962092341162602522202993782792835301376');
    t.equal(B.sub(A, BigInt(1)).toString(16), 'ffffffffffffffffffffffffffffffffffffffffffffffffff');
    t.equal(NB.toString(36), '-y8rbmvxoscqxvtgs6yeud4eml1tk14eriui3n5fb1hh0k9');
    t.equal(D.toString(2), '1001111110010000011011001100100100011010111110110010011011000101101110001110011000000100010101');
    t.equal(BigInt(-255).toString(16), '-ff');
    t.equal(BigInt(0).toString(2), '0');
    t.equal(BigInt(-1234567).toLocaleString(), '-1,234,567', 'toLocaleString groups as en-US');
    t.equal(BigInt(123).toLocaleString('en-US', { minimumFractionDigits: 2 }), '123.00');
    t.equal(BigInt(1000).toLocaleString(), '1,000');
    t.throws(function () { A.toString(1); }, RangeError, 'radix 1');
    t.throws(function () { A.toString(37); }, RangeError, 'radix 37');
    t.equal(String(D), '12345678901234567890123456789');
    t.equal('' + D, '12345678901234567890123456789', 'concatenation gives the digits');
    t.equal(Number(BigInt(42)), 42);
    t.equal(Number(C), 1e300);
    t.equal(Number(B.add(B.exp(BigInt(2), BigInt(53)), BigInt(1))), 9007199254740992, 'ties to even');
    t.equal(Number(B.sub(B.neg(B.exp(BigInt(2), BigInt(64))), BigInt(1))), -18446744073709552000);
    t.equal(Number(B.exp(BigInt(2), BigInt(1024))), Infinity);
    t.equal(Number(B.add(B.exp(BigInt(2), BigInt(54)), BigInt(3))), 18014398509481988, 'rounds up above the tie');
});

test('arithmetic on large values', function (t) {
    t.equal(s(B.mul(A, NB)), '-594548572540693628849860287507659082019984411858745114665626451563731642791068651270736904218747229713754019390778814623215595290624');
    t.equal(s(B.div(C, D)), '81000000729000006633900060368571549353992999121336292004160338237859069864517535767109575561697137603343952190429964932993680890234396101133004520310422134824833326905983274844447882084475718868729041705434279600451944356012693639715512121492160305570558780692084904298053');
    t.equal(s(B.mod(C, D)), '7766818200776681820077668182');
    t.equal(s(B.div(NB, D)), '-29969067557566892851974959850899455551715472', 'division truncates toward zero');
    t.equal(s(B.mod(NB, D)), '-2621556052123527309687008841', 'the remainder has the sign of the dividend');
    t.equal(s(B.add(A, NB)), '-369988485033520034880441792176154682094131937787200770821401612466446873');
    t.equal(s(B.exp(BigInt(7), BigInt(77))), '118181386580595879976868414312001964434038548836769923458287039207');
    t.ok(B.seq(B.sub(B.add(C, A), A), C), '(c + a) - a');
    t.ok(B.seq(B.add(B.mul(B.div(C, A), A), B.mod(C, A)), C), 'q * d + r');
    t.equal(s(B.exp(BigInt(-2), BigInt(3))), '-8');
    t.equal(s(B.exp(BigInt(0), BigInt(0))), '1');
    t.equal(s(B.exp(BigInt(-1), B.exp(BigInt(10), BigInt(30)))), '1', '(-1) ** huge');
});

test('arithmetic around the safe-integer boundary', function (t) {
    t.equal(s(B.div(BigInt(7), BigInt(-2))), '-3');
    t.equal(s(B.mod(BigInt(-7), BigInt(-2))), '-1');
    t.equal(s(B.div(BigInt('-9007199254740991'), BigInt(2))), '-4503599627370495');
    t.equal(s(B.mul(BigInt('9007199254740991'), BigInt('9007199254740991'))), '81129638414606663681390495662081');
    t.equal(s(B.sub(BigInt('-9007199254740991'), BigInt(2))), '-9007199254740993');
    t.equal(s(B.sub(B.add(BigInt('9007199254740991'), BigInt(1)), BigInt(1))), '9007199254740991');
    t.equal(s(B.neg(BigInt('9007199254740993'))), '-9007199254740993');
    t.equal(s(B.mod(BigInt(-4), BigInt(2))), '0');
    t.equal(B.mod(BigInt(-4), BigInt(2)), BigInt(0), 'no negative zero');
    t.equal(s(B.inc(BigInt('9007199254740991'))), '9007199254740992');
    t.equal(s(B.dec(BigInt('-9007199254740991'))), '-9007199254740992');
});

test('arithmetic errors', function (t) {
    t.throws(function () { B.div(A, BigInt(0)); }, RangeError, 'division by zero');
    t.throws(function () { B.mod(BigInt(1), BigInt(0)); }, RangeError, 'modulo by zero');
    t.throws(function () { B.exp(BigInt(2), BigInt(-1)); }, RangeError, 'negative exponent');
    t.throws(function () { B.exp(BigInt(2), B.exp(BigInt(10), BigInt(30))); }, RangeError, 'too large');
    t.throws(function () { B.shl(BigInt(1), B.exp(BigInt(2), BigInt(60))); }, RangeError, 'shift too large');
    t.throws(function () { B.shl(BigInt(1), BigInt(262144)); }, RangeError, 'above 2^18 bits');
    t.equal(s(B.sar(B.shl(BigInt(1), BigInt(262143)), BigInt(262143))), '1', 'up to 2^18 bits');
    t.throws(function () { B.mul(B.shl(BigInt(1), BigInt(140000)), B.shl(BigInt(1), BigInt(140000))); }, RangeError,
        'a product too large');
    t.throws(function () { BigInt(new Array(80001).join('9')); }, RangeError, 'a string too long');
    t.throws(function () { B.add(BigInt(1), 1); }, TypeError, 'BigInt + number');
    t.throws(function () { B.mul(2, BigInt(1)); }, TypeError, 'number * BigInt');
    t.throws(function () { B.shr(BigInt(8), BigInt(1)); }, TypeError, '>>> on BigInts');
    t.throws(function () { B.pos(BigInt(1)); }, TypeError, 'unary +');
    t.throws(function () { B.sub(BigInt(1), { valueOf: function () { return 1; } }); }, TypeError, 'object to number');
});

test('bitwise operations and shifts (two\'s complement)', function (t) {
    t.equal(s(B.and(NB, B.sub(A, BigInt(1)))), '595603588056806826699850455449875933420598975466106177265127');
    t.equal(s(B.or(NB, D)), '-369988485035126972924700782451696644186473088701828149301737634539135497');
    t.equal(s(B.xor(NB, C)), '-' + new Array(229).join('9') + '630011514964873027075299217548303355813526899610277026184815594698251752');
    t.equal(s(B.shl(NB, BigInt(100))), '-469016125132311978804419661154068175111006018258734424652165886185158606323027637055975532774895386624');
    t.equal(s(B.sar(NB, BigInt(100))), '-291869451226161043710453684903992234393632', 'rounds toward -infinity');
    t.equal(s(B.sar(NB, BigInt(-3))), '-2959907880281015783397606259613573153491784803117783790521475242413985992', 'negative count');
    t.equal(s(B.sar(BigInt(-1), BigInt(1000))), '-1');
    t.equal(s(B.sar(BigInt(-7), BigInt(1))), '-4');
    t.equal(s(B.sar(A, B.exp(BigInt(2), BigInt(80)))), '0', 'huge right shift');
    t.equal(s(B.sar(NB, B.exp(BigInt(2), BigInt(80)))), '-1');
    t.equal(s(B.shl(BigInt(-3), BigInt(-1))), '-2');
    t.equal(s(B.not(BigInt(0))), '-1');
    t.equal(s(B.not(A)), '-1606938044258990275541962092341162602522202993782792835301377');
    t.equal(s(B.and(BigInt(-1), BigInt(-1))), '-1');
    t.equal(s(B.xor(BigInt(-5), BigInt(3))), '-8');
    t.equal(s(B.or(BigInt(-5), BigInt(2))), '-5');
});

test('BigInt.asIntN, BigInt.asUintN', function (t) {
    var am1 = B.sub(A, BigInt(1));
    t.equal(s(BigInt.asIntN(64, am1)), '-1');
    t.equal(s(BigInt.asIntN(200, am1)), '-1');
    t.equal(s(BigInt.asIntN(201, am1)), '1606938044258990275541962092341162602522202993782792835301375');
    t.equal(s(BigInt.asUintN(64, NB)), '16796576151823261159');
    t.equal(s(BigInt.asIntN(64, NB)), '-1650167921886290457');
    t.equal(s(BigInt.asUintN(1, BigInt(-1))), '1');
    t.equal(s(BigInt.asIntN(1, BigInt(1))), '-1');
    t.equal(s(BigInt.asIntN(0, BigInt(5))), '0');
    t.equal(s(BigInt.asUintN(130, BigInt(-1))), '1361129467683753853853498429727072845823');
    t.equal(s(BigInt.asIntN(65, B.neg(B.exp(BigInt(2), BigInt(64))))), '-18446744073709551616');
    t.equal(s(BigInt.asIntN(64, BigInt('9223372036854775807'))), '9223372036854775807');
    t.equal(s(BigInt.asIntN(64, BigInt('-9223372036854775808'))), '-9223372036854775808');
    t.equal(s(BigInt.asIntN(64, BigInt('9223372036854775808'))), '-9223372036854775808');
    t.equal(s(BigInt.asUintN(9007199254740991, A)), s(A), 'a huge width keeps a positive value');
    t.equal(s(BigInt.asIntN(9007199254740991, NB)), s(NB));
    t.equal(s(BigInt.asUintN(2, '7')), '3', 'ToBigInt of the value');
    t.throws(function () { BigInt.asIntN(-1, BigInt(0)); }, RangeError, 'negative width');
    t.throws(function () { BigInt.asUintN(9007199254740992, BigInt(0)); }, RangeError, 'width above 2^53 - 1');
    t.throws(function () { BigInt.asUintN(8, 5); }, TypeError, 'a number is not converted');
    t.throws(function () { BigInt.asIntN(BigInt(8), BigInt(5)); }, TypeError, 'a BigInt width');
    t.throws(function () { BigInt(5).toString(BigInt(10)); }, TypeError, 'a BigInt radix');
    t.throws(function () { BigInt.asUintN(9007199254740991, BigInt(-1)); }, RangeError, 'too large a result');
});

test('comparisons and equality', function (t) {
    t.ok(B.lt(BigInt(1), 2) && B.lt(1, BigInt(2)) && !B.lt(BigInt(2), 2), 'lt with numbers');
    t.ok(B.lt(BigInt(1), 1.5) && B.gt(BigInt(2), 1.5), 'fractions');
    t.ok(!B.lt(BigInt(1), NaN) && !B.ge(BigInt(1), NaN), 'NaN is unordered');
    t.ok(B.lt(A, Infinity) && B.gt(A, -Infinity) && B.gt(A, 1e60) && B.lt(A, 1e61), 'large values and numbers');
    t.ok(B.lt(NB, A) && B.le(A, A) && B.ge(C, A) && B.gt(C, NB), 'BigInts');
    t.ok(B.lt(BigInt(9), '10') && B.gt('10', BigInt(9)), 'strings parsed as BigInts');
    t.ok(!B.lt(BigInt(9), 'x') && !B.ge(BigInt(9), 'x'), 'a bad string is unordered');
    t.ok(B.lt('9', '10') === false, 'two strings compare as strings');
    t.ok(B.eq(BigInt(2), 2) && B.eq(2, BigInt(2)) && !B.eq(BigInt(2), 2.5), '== number');
    t.ok(B.eq(A, Math.pow(2, 200)) && !B.eq(B.add(A, BigInt(1)), Math.pow(2, 200)), '== exact');
    t.ok(B.eq(BigInt(10), '10') && B.eq(BigInt(16), '0x10') && !B.eq(BigInt(1), 'one'), '== string');
    t.ok(B.eq(BigInt(1), true) && B.eq(BigInt(0), false), '== boolean');
    t.ok(!B.eq(BigInt(0), null) && !B.eq(BigInt(0), undefined), '== null');
    t.ok(B.eq(BigInt(3), { valueOf: function () { return 3; } }), '== object');
    t.ok(B.ne(BigInt(3), 4) && !B.ne(BigInt(3), 3), 'ne');
    t.ok(!B.seq(BigInt(2), 2) && B.sne(BigInt(2), 2), 'seq is strict');
    t.ok(B.seq(C, BigInt(new Array(301).join('9'))), 'seq of equal large values');
});

test('lowered-operator helpers on plain values', function (t) {
    t.equal(B.add(1, 2), 3);
    t.equal(B.add('a', 1), 'a1');
    t.equal(B.add('x', A), 'x1606938044258990275541962092341162602522202993782792835301376');
    t.equal(B.sub(5, '2'), 3);
    t.equal(B.exp(2, 10), 1024);
    t.equal(B.shr(-1, 28), 15);
    t.equal(B.neg('3'), -3);
    t.equal(B.not(5), -6);
    t.equal(B.pos('7'), 7);
    t.equal(B.inc('1'), 2);
    t.ok(B.lt('a', 'b') && B.eq(null, undefined) && !B.seq(null, undefined), 'comparisons');
    var o = { n: BigInt(5), m: 1 };
    t.equal(s(B.update(o, 'n', 1, true)), '5', 'postfix returns the old value');
    t.equal(s(o.n), '6');
    t.equal(s(B.update(o, 'n', -1, false)), '5', 'prefix returns the new value');
    t.equal(B.update(o, 'm', 1, false), 2);
    t.equal(s(B.assign(o, 'n', B.mul, BigInt(10))), '50');
    t.equal(s(B.post(BigInt(4))), '4');
});

test('JSON.stringify', function (t) {
    t.throws(function () { JSON.stringify({ a: BigInt(1) }); }, TypeError, 'a BigInt property');
    t.throws(function () { JSON.stringify([A]); }, TypeError, 'in an array');
    t.throws(function () { JSON.stringify(A); }, TypeError, 'at the top');
    t.equal(JSON.stringify({ a: 1, b: [2, 'x'] }), '{"a":1,"b":[2,"x"]}', 'other values unchanged');
    t.equal(JSON.stringify({ a: BigInt(1) }, function (k, v) { return B.isBigInt(v) ? String(v) : v; }), '{"a":"1"}',
        'a replacer may convert');
    t.equal(JSON.stringify({ a: 1, b: 2, c: 3 }, ['c', 'a']), '{"c":3,"a":1}', 'an array replacer filters, in its order');
    t.equal(JSON.stringify({ a: 1 }, null, 2), '{\n  "a": 1\n}', 'spacing');
    BigInt.prototype.toJSON = function () { return this.toString() + 'n'; };
    try {
        t.equal(JSON.stringify({ a: A, b: [BigInt(3)] }), '{"a":"' + s(A) + 'n","b":["3n"]}', 'with toJSON');
    } finally {
        delete BigInt.prototype.toJSON;
    }
});

test('BigInt64Array and BigUint64Array', function (t) {
    var a = new BigInt64Array(4);
    t.equal(a.length, 4);
    t.equal(a.byteLength, 32);
    t.equal(a.BYTES_PER_ELEMENT, 8);
    t.equal(BigInt64Array.BYTES_PER_ELEMENT, 8);
    t.ok(a instanceof BigInt64Array, 'instanceof');
    t.equal(Object.prototype.toString.call(a), '[object BigInt64Array]');
    t.equal(s(a[0]), '0');
    a[0] = BigInt(-1);
    a[1] = B.exp(BigInt(2), BigInt(63));
    a[2] = BigInt('12345678901234');
    a[3] = B.add(B.exp(BigInt(2), BigInt(64)), BigInt(5));
    t.equal(a.join(','), '-1,-9223372036854775808,12345678901234,5', 'wraps to 64 bits');
    var u = new BigUint64Array(a.buffer);
    t.equal(u.join(','), '18446744073709551615,9223372036854775808,12345678901234,5', 'same bytes unsigned');
    t.equal(a[4], undefined, 'out of range');
    t.ok(!(4 in a) && (3 in a), 'in');
    t.equal(s(a.at(-1)), '5');
    t.equal(a.indexOf(BigInt('12345678901234')), 2);
    t.ok(a.includes(BigInt(-1)), 'includes');
    t.equal(a.subarray(1, 3).join(','), '-9223372036854775808,12345678901234', 'subarray');
    var sub = a.subarray(2);
    sub[0] = BigInt(7);
    t.equal(s(a[2]), '7', 'subarray shares the buffer');
    t.equal(a.slice(-2).join(','), '7,5', 'slice');
    t.equal(BigUint64Array.from([BigInt(1), BigInt(2)]).join(','), '1,2', 'from');
    t.equal(BigInt64Array.of(BigInt(-3)).join(','), '-3', 'of');
    t.equal(new BigInt64Array([BigInt(1), BigInt(2)]).fill(BigInt(9)).join(','), '9,9', 'fill');
    t.equal(new BigInt64Array(new Uint8Array(16).buffer, 8).length, 1, 'buffer and offset');
    var sum = BigInt(0);
    a.forEach(function (v) { sum = B.add(sum, v); });
    t.equal(s(sum), '-9223372036854775797', 'forEach');
    t.equal(s(a.reduce(function (x, y) { return B.mul(x, y); })), '322818021289917153280', 'reduce');
    var values = [];
    var it = u[Symbol.iterator]();
    for (var step = it.next(); !step.done; step = it.next()) {
        values.push(s(step.value));
    }
    t.equal(values.join(','), '18446744073709551615,9223372036854775808,7,5', 'iterator');
    t.throws(function () { a[0] = 1; }, TypeError, 'a number is not converted');
    t.throws(function () { return BigInt64Array(2); }, TypeError, 'needs new');
    t.throws(function () { return new BigInt64Array(new ArrayBuffer(12)); }, RangeError, 'length not a multiple of 8');
    t.throws(function () { return new BigInt64Array(new ArrayBuffer(16), 4); }, RangeError, 'unaligned offset');
    t.throws(function () { return new BigInt64Array(new Int32Array(2)); }, TypeError, 'from a Number typed array');
});

test('DataView BigInt methods', function (t) {
    var dv = new DataView(new ArrayBuffer(24), 4);
    dv.setBigInt64(0, BigInt(-2));
    t.equal(s(dv.getBigInt64(0)), '-2');
    t.equal(s(dv.getBigUint64(0)), '18446744073709551614');
    t.equal(dv.getUint8(0), 255, 'big-endian by default');
    dv.setBigUint64(8, BigInt('0x0102030405060708'), true);
    t.equal(dv.getUint8(8), 8, 'little-endian');
    t.equal(s(dv.getBigUint64(8, true)), '72623859790382856');
    t.equal(s(dv.getBigInt64(8)), '578437695752307201');
    dv.setBigInt64(0, B.neg(B.exp(BigInt(2), BigInt(63))), true);
    t.equal(s(dv.getBigInt64(0, true)), '-9223372036854775808');
    dv.setBigUint64(0, B.exp(BigInt(2), BigInt(64)));
    t.equal(s(dv.getBigUint64(0)), '0', 'wraps');
    t.throws(function () { dv.getBigInt64(13); }, RangeError, 'past the end');
    t.throws(function () { dv.getBigInt64(-1); }, RangeError, 'negative offset');
    t.throws(function () { dv.setBigInt64(0, 1); }, TypeError, 'a number');
    t.throws(function () { dv.setBigInt64(0, '0x1z'); }, SyntaxError, 'a bad string');
    t.equal(DataView.prototype.getBigInt64.length, 1);
    t.equal(DataView.prototype.setBigUint64.name, 'setBigUint64');
});

test('literals', function (t) {
    t.equal(s(B.lit('0x' + new Array(33).join('f'))), '340282366920938463463374607431768211455');
    t.equal(s(B.lit('0b11')), '3');
    t.equal(s(B.lit('0o17')), '15');
    t.throws(function () { B.lit('-1'); }, SyntaxError, 'a sign');
    t.throws(function () { B.lit(''); }, SyntaxError, 'empty');
});

test('Map and Set keys compare BigInts by value', function (t) {
    var m = new Map();
    m.set(B.exp(BigInt(2), BigInt(70)), 'a');
    m.set(BigInt(5), 'b');
    t.equal(m.get(B.exp(BigInt(2), BigInt(70))), 'a', 'an equal large value');
    t.equal(m.get(BigInt('5')), 'b');
    t.equal(m.get(5), undefined, 'not the number');
    t.ok(m.has(BigInt('1180591620717411303424')), 'has');
    t.ok(m['delete'](BigInt('1180591620717411303424')) && m.size === 1, 'delete');
    var s = new Set([BigInt('123456789012345678901'), BigInt('123456789012345678901'), BigInt(1), 1]);
    t.equal(s.size, 3);
    var frozen = Object.freeze({});
    m.set(frozen, 'f');
    t.equal(m.get(frozen), 'f', 'other frozen objects still work');
});

test('Object.is and Array searches compare BigInts by value', function (t) {
    var big = B.exp(BigInt(2), BigInt(70));
    var same = BigInt('1180591620717411303424');
    t.ok(Object.is(big, same) && !Object.is(big, BigInt(1)) && Object.is(NaN, NaN) && !Object.is(0, -0), 'Object.is');
    var list = [1, big, 'x', big];
    t.equal(list.indexOf(same), 1);
    t.equal(list.lastIndexOf(same), 3);
    t.equal(list.lastIndexOf(same, 2), 1);
    t.equal(list.indexOf(same, 2), 3);
    t.ok(list.includes(same) && !list.includes(BigInt(3)), 'includes');
    t.equal(list.indexOf('x'), 2, 'other values unchanged');
    t.ok([NaN].includes(NaN) && [NaN].indexOf(NaN) === -1, 'NaN as before');
    t.equal(Array.prototype.indexOf.length, 1);
});

test('a BigInt keeps its value out of reach', function (t) {
    var big = B.exp(BigInt(2), BigInt(70));
    t.equal(Object.getOwnPropertySymbols(big).length, 0, 'no symbol of its own (the value is under a hidden key)');
    t.equal(Reflect.ownKeys(big).length, 0, 'no key of its own');
    var o = Object.create(BigInt.prototype);
    t.throws(function () { B.mul(o, BigInt(2)); }, TypeError, 'an object made from BigInt.prototype is no BigInt');
});
