// SPDX-License-Identifier: MIT
/* Checks of the BigInt lowering pass itself (contrib/fcworker-build/
 * lib/bigint.js), printed as "ok - NAME" / "not ok - NAME" lines for
 * t/bigint-build.t: what is rewritten, what is left native, and that the
 * output of each case runs in Node with the same result as the source.
 * Usage: node lowering-check.cjs TOOL_DIR */
'use strict';
const path = require('path');
const vm = require('vm');
const toolDir = path.resolve(process.argv[2]);
const acorn = require(path.join(toolDir, 'node_modules/acorn'));
const MagicString = require(path.join(toolDir, 'node_modules/magic-string'));
const { transform } = require(path.join(toolDir, 'lib/bigint.js'));

function lower(code) {
    const ast = acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'module', locations: true });
    const ms = new MagicString(code);
    const changed = transform(ast, ms, code);
    return { changed, code: ms.toString() };
}

function check(ok, name, detail) {
    console.log(`${ok ? 'ok' : 'not ok'} - ${name}`);
    if (!ok && detail !== undefined) {
        console.log(String(detail).split('\n').map((l) => `# ${l}`).join('\n'));
    }
}

/* A stand-in for the runtime's operations object, built on Node's BigInt,
 * so lowered code can be run here and compared with the original. */
const ops = {
    lit: (s) => BigInt(s),
    add: (a, b) => a + b, sub: (a, b) => a - b, mul: (a, b) => a * b, div: (a, b) => a / b, mod: (a, b) => a % b,
    exp: (a, b) => a ** b, and: (a, b) => a & b, or: (a, b) => a | b, xor: (a, b) => a ^ b,
    shl: (a, b) => a << b, sar: (a, b) => a >> b, shr: (a, b) => a >>> b,
    lt: (a, b) => a < b, le: (a, b) => a <= b, gt: (a, b) => a > b, ge: (a, b) => a >= b,
    eq: (a, b) => a == b, ne: (a, b) => a != b, seq: (a, b) => a === b, sne: (a, b) => a !== b,
    neg: (x) => -x, not: (x) => ~x, pos: (x) => +x, inc: (x) => ++x, dec: (x) => --x,
    post: (x) => (typeof x === 'bigint' ? x : +x),
    update: (o, k, d, postfix) => {
        const old = o[k];
        o[k] = d > 0 ? ++o[k] : --o[k];
        return postfix ? (typeof old === 'bigint' ? old : +old) : o[k];
    },
    assign: (o, k, op, v) => (o[k] = op(o[k], v)),
    typeOf: (x) => typeof x, isBigInt: (x) => typeof x === 'bigint', truthy: (x) => !!x,
    nz: (x) => (x === 0n ? false : x),
    test: (x) => (x ? true : ((ops.kept = x), false)),
    tested: () => ops.kept
};

function runBoth(name, source) {
    const lowered = lower(source);
    const run = (code) => {
        const context = vm.createContext({ __fcw_bigint: ops, result: undefined });
        vm.runInContext(code, context);
        return context.result;
    };
    let a, b;
    try {
        a = run(source);
        b = run(lowered.code);
    } catch (e) {
        check(false, name, `${e.stack}\n${lowered.code}`);
        return;
    }
    check(a === b, name, `node: ${a}\nlowered: ${b}\n${lowered.code}`);
}

let r = lower('function f(a, b) { return a + b * 2 < a ? typeof a === "object" : names[typeof b]; }\nf(1, 2);\n');
check(!r.changed, 'a program without BigInt is not touched');

r = lower('function plain(a, b) { return a + b; }\nfunction big(a) { return a + 1n; }\n');
check(r.code.includes('return a + b;'), 'operators in a function without BigInt stay native', r.code);
check(r.code.includes('__fcw_bigint.add(a , __fcw_bigint.lit("1"))'), 'operators in a BigInt function are lowered', r.code);

r = lower('function f(x) { const n = 1n; return [typeof x === "string", typeof x == "number", typeof x !== "function", x === null, x == undefined, x === "s", "a" + x, x + `t`]; }');
check(/typeof x === "string", typeof x == "number", typeof x !== "function", x === null, x == undefined, x === "s", "a" \+ x, x \+ `t`/.test(r.code),
    'comparisons that need no lowering stay native', r.code);

r = lower('function f(x, y) { const z = 0n; if (x) g(); while (x && y || !z) h(); return (x ? y : z) ? 1 : x < y && !(x in y) ? 2 : 3; }');
check(r.code.includes('if (__fcw_bigint.truthy(x)) g();') &&
    r.code.includes('while (__fcw_bigint.truthy(x) && __fcw_bigint.truthy(y) || !__fcw_bigint.truthy(z)) h();') &&
    r.code.includes('(__fcw_bigint.truthy(x) ? __fcw_bigint.truthy(y) : __fcw_bigint.truthy(z)) ? 1') &&
    r.code.includes(' && !(x in y) ? 2'),
    'truth tests in a BigInt function go through truthy; comparisons, in and ! do not', r.code);
runBoth('truth tests run', 'const z = 0n, o = 1n; let n = 0, w = 256n; while (w) { w >>= 8n; n++; } result = [z ? 1 : 2, !z, !!o, z || o, z && o, n].join();');

runBoth('typeof of undeclared names runs', 'result = [typeof undeclared === "bigint", typeof undeclared, typeof undeclared !== "object", typeof 1n, typeof 1n === "object", typeof {} === "object", 1n].join();');

r = lower('const x = 5n;\nfunction check(limit) { const kind = names[typeof limit]; return (v) => v <= limit; }\n');
check(r.code.includes('__fcw_bigint.le(v , limit)'), 'a function using typeof as a value is a BigInt scope', r.code);

r = lower('const x = 5n; function g() { return x; }\nfunction h(a, b) { return a * b; }\n');
check(r.code.includes('return a * b;'), 'a top-level BigInt statement does not lower other functions', r.code);

r = lower('function f(o) { o.n += 1n; g().n += 1n; o[k()] **= 2n; o.m++; g().m++; --g()[0]; }');
check(r.code.includes('o.n = __fcw_bigint.add(o.n,') && r.code.includes('__fcw_bigint.assign(g(),"n" , __fcw_bigint.add,') &&
    r.code.includes('__fcw_bigint.assign(o,k() , __fcw_bigint.exp,') && r.code.includes('o.m = __fcw_bigint.inc(o.m)') &&
    r.code.includes('__fcw_bigint.update(g(),"m", 1, true)') && r.code.includes('__fcw_bigint.update(g(),0, -1, false)'),
    'member updates and compound assignments', r.code);

r = lower('const o = { 1n: "a" }; class C { 2n() {} }');
check(r.code.includes('{ "1": "a" }') && r.code.includes('"2"() {}'), 'BigInt property keys become strings', r.code);

runBoth('arithmetic with nested callbacks and parentheses', `
    function f(list) {
        let s = 0n;
        list.forEach((v) => { s += (v) * (2n); });
        const m = list.reduce((a, b) => (a > b ? a : b));
        return [s, m, -(s), ~s, s ** 3n, s / 7n, s % 7n, (s) >> 2n, 1n << 70n, s & 0xffn, s | 1n, s ^ 3n, s == 60, s != 60n].join();
    }
    result = f([1n, 2n, 3n, 24n]);`);
runBoth('updates evaluate their target once', `
    function f() {
        let calls = 0, x = 1n;
        const o = { n: 5n, list: [1n, 2n] };
        const get = () => (calls++, o);
        get().n += 10n;
        get().list[1] **= 3n;
        const a = get().n++, b = ++get().n, c = x++, d = --x;
        for (let i = 0n; i < 3n; i++) x *= 2n;
        return [calls, o.n, o.list, a, b, c, d, x].join();
    }
    class K {
        #n = 1n;
        static s = 2n;
        step() {
            this.#n += K.s;
            this.#n++;
            const old = this.#n--;
            K.s **= 2n;
            return [old, --this.#n, this.#n, K.s].join();
        }
    }
    result = f() + ' ' + new K().step();`);
r = lower('function f(v, o) { const n = 0n; return [typeof v, typeof v === "bigint", "bigint" !== typeof v, typeof v == "object", typeof v === "number", typeof o.p === "bigint", typeof o.p === "object", typeof o.p]; }');
check(r.code.includes('__fcw_bigint.typeOf(typeof v === "undefined" ? void 0 : v), (typeof v === "object" && __fcw_bigint.isBigInt(v)), ' +
    '!(typeof v === "object" && __fcw_bigint.isBigInt(v)), (typeof v === "object" && !__fcw_bigint.isBigInt(v)), typeof v === "number", ' +
    '__fcw_bigint.isBigInt(o.p), __fcw_bigint.typeOf( o.p) === "object", __fcw_bigint.typeOf( o.p)'), 'typeof in all positions', r.code);

r = lower('const U32_MASK64 = (() => BigInt(2 ** 32 - 1))(), _32n = BigInt(32);\n' +
    'function fromBig(n) { return { h: Number(n >> _32n & U32_MASK64) | 0, l: Number(n & U32_MASK64) | 0 }; }\n' +
    'const K = split([1n]);\nfunction g(a, b) { return K[0] + a * b; }\n');
check(r.code.includes('Number(__fcw_bigint.and(__fcw_bigint.sar(n , _32n) , U32_MASK64)) | 0') &&
    r.code.includes('Number(__fcw_bigint.and(n , U32_MASK64)) | 0'),
    'a function that names a top-level BigInt is a BigInt scope', r.code);
check(r.code.includes('return K[0] + a * b;'), 'a name bound to what a call returns marks nothing', r.code);

const modules = '// node_modules/lib/field.js\nconst _0n = BigInt(0);\nclass F { ZERO = _0n; add(a, b) { return a + b; } }\n' +
    'function inRange(n, max) { return n < max; }\n// src/app.js\nfunction h(a, b) { return a * b; }\n';
r = lower(modules);
check(r.code.includes('return __fcw_bigint.add(a , b);') && r.code.includes('return __fcw_bigint.lt(n , max);') &&
    r.code.includes('return a * b;'), 'every function of a module that binds a BigInt is lowered, and no other module', r.code);
r = lower(modules.replace(/\/\/ [^\n]*\n/g, ''));
check(r.code.includes('return n < max;'), 'without module comments, no module is lowered whole', r.code);
r = lower('// node_modules/h/sha3.js\nconst _1n = BigInt(1), T = [];\nfor (let i = 0, r = _1n; i < 3; i++) T.push(r <<= _1n);\n' +
    'function perm(s) { return s[0] ^ s[1]; }\n');
check(r.code.includes('return s[0] ^ s[1];') && r.code.includes('r = __fcw_bigint.shl(r, _1n)'),
    'a module that uses its BigInts only at its top level is not lowered whole', r.code);
r = lower('// node_modules/z/util.js\nconst RANGES = { int64: [BigInt(-1), BigInt(1)] };\nfunction g(a, b) { return a + b; }\n');
check(r.code.includes('return a + b;'), 'an object holding BigInts does not make a BigInt module', r.code);

const lazy = '// node_modules/lib/field.js\nfunction add(a, b) { return a + b; }\nvar _0n, _1n, T;\n' +
    'var init_field = __esm({ "node_modules/lib/field.js"() { _0n = BigInt(0); _1n = BigInt(1); ' +
    'T = class { ZERO = _0n; sub(a, b) { return a - b; } }; } });\n' +
    '// node_modules/h/sha3.js\nfunction perm(s) { return s[0] ^ s[1]; }\nvar _7n;\n' +
    'var init_sha3 = __esm({ "node_modules/h/sha3.js"() { _7n = BigInt(7); R = [_7n << _7n]; } });\n';
r = lower(lazy);
check(r.code.includes('return __fcw_bigint.add(a , b);') && r.code.includes('return __fcw_bigint.sub(a , b);') &&
    r.code.includes('return s[0] ^ s[1];') && r.code.includes('R = [__fcw_bigint.shl(_7n , _7n)]'),
    'a lazy module (esbuild\'s __esm wrapper) that assigns BigInt constants is lowered whole, and no other', r.code);

r = lower('function BigInteger(a) { this.t = a; }\nBigInteger.prototype.am = function (i, x, w, j, c, n) { while (--n >= 0) { c = x * i + w[j++] + c; } return c; };\n' +
    'var bigIntegerOne = new BigInteger(1);\nconst big = 1n;\n');
check(r.code.includes('while (--n >= 0) { c = x * i + w[j++] + c; }'),
    'a name containing BigInteger (jsbn\'s numbers, which are no BigInts) does not make a BigInt scope', r.code);
r = lower('function sum(a, b) { return a + b; }\nfunction num(a, b) { return a - b; }\n' +
    'const o = { mul(a, b) { return a * b; }, div(a, b) { return a / b; } };\nclass A { constructor(v) { this.v = v; } add(x) { this.v += x; } }\n' +
    'function parse(t) { return BigInt(t); }\nfunction user(t) { const v = parse(t); return helper(v, 2); }\nfunction helper(p, q) { return p * q; }\n' +
    'function main(t) { const a = BigInt(t), b = a << BigInt(1); return [sum(a, b), num(1, 2), o.mul(b, b), o.div(4, 2), new A(a).add(a)]; }\n');
check(r.code.includes('return __fcw_bigint.add(a , b);') && r.code.includes('return a - b;') &&
    r.code.includes('return __fcw_bigint.mul(a , b);') && r.code.includes('return a / b;') &&
    r.code.includes('this.v = __fcw_bigint.add(this.v, x)') && r.code.includes('return __fcw_bigint.mul(p , q);'),
    'BigInts followed through locals, parameters (by function, method and class name) and return values', r.code);
runBoth('BigInts through locals, parameters and return values run', `
    function sum(a, b) { return a + b; }
    const o = { mul(a, b) { return a * b; }, is0(a) { return a ? 'no' : 'yes'; }, pick(a) { return a || 'none'; } };
    function parse(t) { return BigInt(t); }
    function twice(v) { const w = v + v; return w; }
    function main() { const a = parse('9007199254740993'), z = BigInt(0); const d = twice(a);
        return [sum(a, a), d, o.mul(d, d), o.is0(z), o.pick(z), d === twice(a), typeof d].join(); }
    result = main();`);

r = lower('function f(h, l, s, arr, x) { const big = 1n; x |= 0; x += 1n; ' +
    'return [h >>> s, l | 0, (h >>> 0) + (l >>> 0), 32 - s, 2 ** 32, h < arr.length, s === arr.length, -s, 1n + 1, +1n, 1n >>> 0n]; }');
check(r.code.includes('x |= 0;') && r.code.includes('x = __fcw_bigint.add(x, __fcw_bigint.lit("1"))') &&
    r.code.includes('[h >>> s, l | 0, (h >>> 0) + (l >>> 0), 32 - s, 2 ** 32, __fcw_bigint.lt(h , arr.length), s === arr.length, ' +
        '__fcw_bigint.neg(s), __fcw_bigint.add(__fcw_bigint.lit("1") , 1), __fcw_bigint.pos(__fcw_bigint.lit("1")), ' +
        '__fcw_bigint.shr(__fcw_bigint.lit("1") , __fcw_bigint.lit("0"))]'),
    'operators with an operand that is no BigInt stay native, but for a BigInt operand', r.code);
runBoth('number code in a BigInt scope runs', `
    function f(h, l, s) {
        const big = 2n ** 64n - 1n;
        let w = 5;
        w |= 8;
        w += 1;
        return [(h >>> 0) + (l >>> 0), (h + l + ((s / 2 ** 32) | 0)) | 0, h >>> s | l << 32 - s, w, -s, big >> 3n, -(big)].join();
    }
    result = f(-1, 2 ** 31, 8);`);

r = lower('function f(x) { const z = 0n; return [Boolean(x), [x].filter(Boolean), Boolean(1 + 2)]; }');
check(r.code.includes('[__fcw_bigint.truthy(x), [x].filter(__fcw_bigint.truthy), Boolean(1 + 2)]'),
    'Boolean(x) and filter(Boolean) in a BigInt scope are truth tests', r.code);
runBoth('Boolean runs', 'const z = 0n; result = [Boolean(z), Boolean(1n), [0n, 1n, 2n].filter(Boolean).length, Boolean("")].join();');

r = lower('const a = 1n;\nfunction m(v, w) { if (typeof w !== "number") throw new TypeError("got " + typeof v + `${typeof w}`); return v + w; }\n');
check(r.code.includes('return v + w;') && r.code.includes('"got " + __fcw_bigint.typeOf('),
    'a typeof in a message does not make a BigInt scope', r.code);

r = lower('function sum(a, b) { return a + b; }\nconst scale = (x, k) => x * k;\nfunction twice(v) { return sum(v, v); }\n' +
    'function plain(a, b) { return a - b; }\nfunction main(x) { return [scale(sum(x, 1n), 2n), twice(BigInt(x)), plain(x, 1)]; }\n');
check(r.code.includes('return __fcw_bigint.add(a , b);') && r.code.includes('__fcw_bigint.mul(x , k)') &&
    r.code.includes('return a - b;'), 'a function called with a BigInt argument from a BigInt scope is one', r.code);

r = lower('function f(x, y) { const z = 0n; const v = x || y, w = x && g(y); if (x || y) h(); return [!(x && y), z ?? 1, (x) || y]; }');
check(r.code.includes('const v = (__fcw_bigint.truthy(x) ? x : y), w = (__fcw_bigint.truthy(x) ? g(y) : x);') &&
    r.code.includes('if (__fcw_bigint.truthy(x) || __fcw_bigint.truthy(y)) h();') &&
    r.code.includes('!(__fcw_bigint.truthy(x) && __fcw_bigint.truthy(y))') && r.code.includes('z ?? 1'),
    '|| and && of a name used as a value test it for truth', r.code);
runBoth('|| and && used as values run', 'const z = 0n, o = 2n; const a = z || "empty", b = z && "never", c = o && z, d = o || 1; ' +
    'result = [a, b, c, d, Boolean(z || o), z || o || 3].join();');

r = lower('function f(o, a) { const z = 0n; const v = o.x || "d", w = o.y && g(); if (o.x || o.y) h(); return [v, w, a.b || a, o.n && 1]; }');
check(r.code.includes('const v = __fcw_bigint.nz(o.x) || "d", w = (__fcw_bigint.test(o.y ) ? g() : __fcw_bigint.tested());') &&
    r.code.includes('if (__fcw_bigint.truthy(o.x) || __fcw_bigint.truthy(o.y)) h();') &&
    r.code.includes('__fcw_bigint.nz(a.b) || a, (__fcw_bigint.test(o.n ) ? 1 : __fcw_bigint.tested())'),
    '|| and && of any other expression used as a value test it for truth', r.code);
runBoth('|| and && of members and calls used as values run', 'const o = { z: 0n, one: 1n, e: "", n: null }; let calls = 0; ' +
    'const f = (v) => (calls++, v); result = [o.z || "empty", o.z && "never", o.one && o.z, o.one || 1, f(o.z) || f(2n), ' +
    'f(o.z) && f(3n), o.e && 1, o.n || o.z || "last", o.n && 1, (o.one && o.z) || "x", calls].join();');

r = lower('function f(o) { let a = 0n; a ||= 1n; const v = (o.x &&= g()); this.y ||= a; f().z ||= 3; return v; }');
check(r.code.includes('(__fcw_bigint.nz(a) || (a = __fcw_bigint.lit("1")));') &&
    r.code.includes('const v = ((__fcw_bigint.test(o.x) ? (o.x = g()) : __fcw_bigint.tested()));') &&
    r.code.includes('(__fcw_bigint.nz(this.y) || (this.y = a));') && r.code.includes('f().z ||= 3;'),
    '||= and &&= of a name or a simple member test it for truth', r.code);
runBoth('||= and &&= run', 'let a = 0n, b = 3n, c = 0n, d = 1n; const o = { x: 0n, y: 2n }; let n = 0; ' +
    'a ||= 7n; b &&= 0n; c &&= 5n; o.x ||= 9n; o.y &&= 0n; const r1 = (d ||= (n++, 4n)), r2 = (c &&= (n++, 6n)); ' +
    'result = [a, b, c, o.x, o.y, r1, r2, n].join();');

r = lower('function f(list) { const z = 0n; return [list.filter((v) => v), list.some(function (v) { return v; }), list.map((v) => v)]; }');
check(r.code.includes('list.filter((v) => __fcw_bigint.truthy(v)), list.some(function (v) { return __fcw_bigint.truthy(v); }), list.map((v) => v)'),
    'what a function given to filter or some returns is tested for truth', r.code);
r = lower('function f(list, allow) { const z = 0n; return list.every((n) => n == null || allow && g(n) && n.v == null); }');
check(r.code.includes('list.every((n) => n == null || __fcw_bigint.truthy(allow) && __fcw_bigint.truthy(g(n)) && n.v == null)'),
    'a && chain returned to every is tested, not lowered as a value first', r.code);

r = lower('const M = BigInt(255);\nconst add3H = (low, Ah, Bh, Ch) => (Ah + Bh + Ch + ((low / 2 ** 32) | 0)) | 0;\n' +
    'function f(n, x, y) { return [Number(n & M) | 0, -(x * y) | 0, (1n + x) | 0, x * y, +(x - y)]; }\n' +
    '// node_modules/u64.js\nconst _32n = BigInt(32);\nconst hi = (n) => n >> _32n;\nconst add = (a, b, c) => (a + b + c) | 0;\n');
check(r.code.includes('(Ah + Bh + Ch + ((low / 2 ** 32) | 0)) | 0') && r.code.includes('(a + b + c) | 0') &&
    r.code.includes('[Number(__fcw_bigint.and(n , M)) | 0, -(x * y) | 0, __fcw_bigint.or((__fcw_bigint.add(__fcw_bigint.lit("1") , x)) , 0), ' +
        '__fcw_bigint.mul(x , y), +(x - y)]'),
    'the operands of a native arithmetic operator are no BigInts either', r.code);
