// SPDX-License-Identifier: MIT
// typeof, comparisons and equality between BigInts, numbers and strings.
const out = [];
const say = (x) => out.push(String(x));
const big = 2n ** 100n;
const values = [0n, 1n, -1n, big, 1, 1.5, -0.5, NaN, Infinity, '1', '0x10', 'x', true, null, undefined];

function describe(v) {
    return typeof v === 'bigint' ? v + 'n' : typeof v === 'string' ? JSON.stringify(v) : String(v);
}

for (const a of values.slice(0, 4)) {
    for (const b of values) {
        say(`${describe(a)} ${describe(b)}: ${a < b} ${a <= b} ${a > b} ${a >= b} ${a == b} ${a != b} ${a === b} ${a !== b} ${b < a} ${b == a}`);
    }
}
say(typeof big);
say(typeof big === 'bigint');
say(typeof big !== 'bigint');
say(typeof big === 'object');
say('bigint' == typeof 1n);
say(typeof 5 === 'bigint');
say(typeof {} === 'object');
say(typeof null === 'object');
say(typeof undeclaredGlobal === 'object');
say(typeof undeclaredGlobal);
/* the name first and a member after typeof (openpgp 6's `"bigint"!=typeof c.beta`) */
for (const o of [{ v: big }, { v: 1 }, { v: {} }]) {
    say(['bigint' === typeof o.v, 'bigint' != typeof o.v, 'bigint' === typeof (o.v), 'object' === typeof o.v].join());
}
const kinds = [1n, 1, 'a', {}, null, undefined, () => 1].map((v) => typeof v);
say(kinds.join(' '));
switch (typeof big) {
case 'bigint':
    say('switch bigint');
    break;
default:
    say('switch other');
}
say(Object.prototype.toString.call(1n));
say(big.constructor === BigInt);
say(5n === 5n);
say(2n ** 64n === 2n ** 64n);
say([1n, 2n].includes(2n));
say(String(big) + ' ' + `${big}` + ' ' + ('' + big) + ' ' + big.toLocaleString());
say(1n == 1 && 1 == 1n && 0n == '' && 2n > '1' && !(2n < 'x'));
// truth: 0n is false
const zero = 0n;
const one = BigInt(1);
say(zero ? 'zero truthy' : 'zero falsy');
say(one ? 'one truthy' : 'one falsy');
say([!zero, !one, !!zero, !!one].join());
if (zero) { say('if zero'); } else { say('else zero'); }
if (zero || one) { say('zero || one'); }
if (zero && one) { say('zero && one'); } else { say('not zero && one'); }
let bytes = 0;
let w = 65536n;
while (w) { w >>= 8n; bytes++; }
say('bytes ' + bytes);
let steps = 0;
for (let n = 3n; n; n--) { steps++; }
say('steps ' + steps);
let d = 2n;
do { d -= 1n; } while (d);
say('do ' + d);
// a comma expression tested: its last value is the one tested
let c = 3n, rounds = 0;
while ((c -= 1n, c)) rounds++;
say('comma ' + rounds + ' ' + ((rounds = 9, zero) ? 'zero truthy' : 'zero falsy') + ' ' + rounds);
say([0n, 1n, -1n, 0, '', 'a', null].filter((v) => (v ? true : false)).length);
// ... and when that last value is && or || (temporal-polyfill's
// `if (days += Number(nano / unit), years || months)`)
function sequenceTests(a, b, nano) {
    let days = 0, i = 0n, n = 0;
    if (days += Number(nano / 86400n), a || b) { n++; }
    while ((i += 1n, (a && i < 3n) || b) && n < 9) n++;
    return [days, String(i), n, (n++, a || b) ? 'T' : 'F', !(n, a && b)].join(' ');
}
say(['' + sequenceTests(0n, 1n, 172800n), sequenceTests(1n, 0n, 0n), sequenceTests(0n, 0n, 86400n)].join(' / '));

(typeof print === 'function' ? print : console.log)(out.join('\n'));
