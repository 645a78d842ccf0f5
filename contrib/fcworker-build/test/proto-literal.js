#!/usr/bin/env node
// SPDX-License-Identifier: MIT
/*
 * Tests of lib/proto-literal.js, printed as TAP: which object literals are
 * rewritten and how, and that the rewritten code, run in Node with a helper
 * of the same contract as fcworker's __fcw_withProto, builds the same
 * objects (prototype, own keys in order, values, evaluation order) as the
 * original literal does in Node.
 */
'use strict';

const acorn = require('acorn');
const MagicString = require('magic-string');
const { transform } = require('../lib/proto-literal');

let n = 0;
let failed = 0;
function ok(cond, name, diag) {
    n++;
    if (!cond) {
        failed++;
    }
    process.stdout.write(`${cond ? 'ok' : 'not ok'} ${n} - ${name}\n`);
    if (!cond && diag) {
        process.stdout.write(diag.split('\n').map((l) => `# ${l}\n`).join(''));
    }
}

function rewrite(code) {
    const ast = acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'module', locations: true });
    const ms = new MagicString(code);
    const count = transform(ast, ms, code);
    return { code: ms.toString(), count };
}

/* The helper's contract (js/17-proxy.js without the proxy wrapping). */
function withProto(obj) {
    const proto = obj.__fcw_proto__;
    delete obj.__fcw_proto__;
    if (proto === null || typeof proto === 'object' || typeof proto === 'function') {
        Object.setPrototypeOf(obj, proto);
    }
    return obj;
}

function describe(value, protos) {
    const proto = Object.getPrototypeOf(value);
    const names = Reflect.ownKeys(value).map(String);
    const own = {};
    for (const k of Reflect.ownKeys(value)) {
        const d = Object.getOwnPropertyDescriptor(value, k);
        own[String(k)] = 'value' in d ? (typeof d.value === 'function' ? 'fn' : d.value) : 'accessor';
    }
    return JSON.stringify({ proto: protos.indexOf(proto), names, own });
}

function run(code) {
    const log = [];
    const base = { inherited: 1 };
    const other = { other: 2 };
    const fn = new Function('withProto', 'base', 'other', 'log', 'spread', `return (${code});`);
    const result = fn(withProto, base, other, log, { s1: 1, s2: 2 });
    return describe(result, [Object.prototype, null, base, other]) + ' ' + log.join(',');
}

const cases = [
    ['{ __proto__: base }', 1, 'plain __proto__'],
    ['{ a: 1, __proto__: base, b: 2 }', 1, 'between other properties'],
    ['{ "__proto__": base, x: 1 }', 1, 'string-literal key'],
    ["{ '__proto__': null }", 1, 'null prototype'],
    ['{ __proto__: 5, a: 1 }', 1, 'a primitive value is ignored'],
    ['{ __proto__: undefined }', 1, 'undefined is ignored'],
    ['{ ...spread, __proto__: other, z: 3 }', 1, 'with a spread before'],
    ['{ __proto__: base, ...spread }', 1, 'with a spread after'],
    ['{ a: log.push("a"), __proto__: (log.push("p"), base), b: log.push("b") }', 1, 'evaluation order kept'],
    ['{ __proto__: { __proto__: base, inner: 1 }, outer: 2 }', 2, 'nested'],
    ['{ x: { __proto__: other } }', 1, 'in a property value'],
    ['{ ["__proto__"]: base }', 0, 'computed key: an own property'],
    ['{ __proto__() { return 1; } }', 0, 'a method named __proto__'],
    ['{ get __proto__() { return 1; } }', 0, 'a getter named __proto__'],
    ['{ __proto__: base, get g() { return 1; }, m() {} }', 1, 'with accessors and methods']
];

for (const [literal, count, name] of cases) {
    const out = rewrite(`(${literal})`);
    ok(out.count === count, `${name}: ${count} literal(s) rewritten`, out.code);
    const lowered = out.code.replace(/__fcw_withProto\(/g, 'withProto(');
    let expected, got;
    try {
        expected = run(literal);
        got = run(lowered.slice(1, -1));
    } catch (e) {
        got = String(e);
    }
    ok(expected === got, `${name}: same object as the original`, `original: ${expected}\nlowered:  ${got}\ncode: ${out.code}`);
}

const shorthand = rewrite('const __proto__ = 1; const o = { __proto__ };');
ok(shorthand.count === 0, 'shorthand { __proto__ } is an own property: left alone');
const noMention = rewrite('const o = { a: 1 };');
ok(noMention.count === 0 && noMention.code === 'const o = { a: 1 };', 'code without __proto__ is unchanged');
const lines = '({\n  a: 1,\n  __proto__: base,\n  b: 2\n})';
const multi = rewrite(lines);
ok(multi.code.split('\n').length === lines.split('\n').length, 'no line moves (the source map stays valid line by line)', multi.code);
ok(/__fcw_withProto\(\{/.test(multi.code) && /__fcw_proto__: base/.test(multi.code), 'the call and the renamed key', multi.code);
const access = rewrite('x.__proto__ = y; const p = obj.__proto__;');
ok(access.count === 0, 'member accesses named __proto__ are not literals');

process.stdout.write(`1..${n}\n`);
process.exitCode = failed ? 1 : 0;
