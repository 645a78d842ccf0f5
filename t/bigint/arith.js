// SPDX-License-Identifier: MIT
// Arithmetic, bitwise, shifts and compound assignment on BigInts, in
// functions, nested callbacks, classes and top-level statements.
const out = [];
const say = (x) => out.push(String(x));

const big = 2n ** 200n;
const neg = -(3n ** 150n);
function fact(n) {
    let r = 1n;
    for (let i = 2n; i <= n; i++) {
        r *= i;
    }
    return r;
}
say(big);
say(fact(50n));
say(big * neg);
say(neg / 12345678901234567890123456789n);
say(neg % 12345678901234567890123456789n);
say(-7n / 2n);
say(-7n % 2n);
say(7n / -2n);
say(big - 1n - big);
say((big - 1n).toString(16));
say(neg.toString(36));
say(neg & (big - 1n));
say(neg | 255n);
say(neg ^ big);
say(~neg);
say(neg << 70n);
say(neg >> 70n);
say(-1n >> 1000n);
say(5n << -1n);
say(0x1fn + 0o17n + 0b101n + 1_000_000n);
say([1n, 2n, 3n, 4n].reduce((a, b) => a * b, 1n));
say([3n, 1n, 2n].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join(' '));

class Counter {
    count = 0n;
    static step = 5n;
    bump() {
        this.count += Counter.step;
        this.count++;
        return this.count;
    }
}
const c = new Counter();
c.bump();
say(c.bump());

const obj = { n: 10n, list: [1n, 2n] };
let key = 'n';
obj[key] **= 3n;
obj.list[1] <<= 4n;
say(obj.n);
say(obj.list[1]);
let x = 9007199254740991n;
x++;
x += 2n;
const y = x--;
say(`${x} ${y}`);
say(--x);

function fib(n) {
    let a = 0n, b = 1n;
    while (n-- > 0) {
        [a, b] = [b, a + b];
    }
    return a;
}
say(fib(300));

function mixed() {
    const r = [];
    for (const f of [() => 1n + 1, () => 1 * 2n, () => +1n, () => 1n >>> 0n, () => 1n / 0n, () => 2n ** -1n, () => BigInt(1.5),
        () => BigInt('1.5'), () => BigInt(undefined), () => new BigInt(1)]) {
        try {
            r.push(String(f()));
        } catch (e) {
            r.push(e.constructor.name);
        }
    }
    return r.join(' ');
}
say(mixed());
say(BigInt.asIntN(64, 2n ** 63n));
say(BigInt.asUintN(64, -1n));
say(BigInt.asIntN(8, 255n));
say(BigInt(' 0x10 ') + BigInt(true) + BigInt(Number.MAX_SAFE_INTEGER));
say(Number(2n ** 64n) === 18446744073709552000);
say(parseInt('123n'));

(typeof print === 'function' ? print : console.log)(out.join('\n'));
