#!/usr/bin/env node
// SPDX-License-Identifier: MIT
/*
 * Tests of fcworker-build's library parts, printed as TAP: the pre-pass
 * framework (lib/prepass.js: the cheap scan that skips the parse, transform
 * order, maps, error positions, the registered transforms), the regexp
 * literal pre-pass, the ES5 lowering leaving regular expressions alone
 * (lib/es5.js), and lowerScript (lib/lower.js), whose output is run in a
 * fresh Node context as the runtime would run it: at global scope.
 *
 * usage: node test/lib.js     (exit status 1 if a test failed)
 */
'use strict';

const path = require('path');
const vm = require('vm');
const assert = require('assert');
const { SourceMap } = require('module');
const acorn = require('acorn');
const { prepass, PrepassError, TRANSFORMS } = require('../lib/prepass');
const { lowerToES5, LoweringError } = require('../lib/es5');
const { lowerScript } = require('../lib/lower');
const { compose } = require('../lib/sourcemap');

const tests = [];
function test(name, fn) {
    tests.push({ name, fn });
}

/* Runs ES5 code as a classic script in a new context; returns the context. */
function runScript(code, extra) {
    const context = vm.createContext({ ...extra });
    acorn.parse(code, { ecmaVersion: 5, sourceType: 'script' });
    vm.runInContext(code, context);
    return context;
}

/* The pre-passes of a classic script. */
function prepassScript(code) {
    return prepass(code, { filename: 'x.js', sourceType: 'script' });
}

/* A classic script lowered to ES5 and run: the `result` it sets. */
async function runLowered(code) {
    const out = await lowerToES5(code, { filename: 'x.js', isModule: false });
    return runScript(out.code, { result: null }).result;
}

test('prepass: no test matches, so nothing is parsed', () => {
    let ran = false;
    const transforms = [{ name: 't', test: /never-there/, transform: () => { ran = true; } }];
    assert.strictEqual(prepass('this is not JavaScript (', { filename: 'x.js', sourceType: 'module', transforms }), null);
    assert.strictEqual(ran, false);
});

test('prepass: a matching transform that changes nothing gives null', () => {
    let calls = 0;
    const transforms = [{ name: 't', test: /a/, transform: () => { calls++; } }];
    assert.strictEqual(prepass('var a = 1;', { filename: 'x.js', sourceType: 'module', transforms }), null);
    assert.strictEqual(calls, 1);
});

test('prepass: transforms run in list order on one tree and one MagicString', () => {
    const seen = [];
    const code = 'var a = 1;\nvar b = 2;\n';
    const transforms = [
        { name: 'first', test: /a/, transform(ast, ms, src) {
            seen.push(['first', ast.body.length, src === code]);
            ms.overwrite(4, 5, 'alpha');
        } },
        { name: 'skipped', test: /zzz/, transform() { seen.push(['skipped']); } },
        { name: 'second', test: /b/, transform(ast, ms) {
            seen.push(['second', ast.body.length]);
            ms.appendLeft(ast.body[1].end, ' /* b */');
        } }
    ];
    const out = prepass(code, { filename: 'x.js', sourceType: 'module', transforms });
    assert.deepStrictEqual(seen, [['first', 2, true], ['second', 2]]);
    assert.strictEqual(out.code, 'var alpha = 1;\nvar b = 2; /* b */\n');
});

test('prepass: the map leads from the new code back to the old', () => {
    const code = 'var x = 1;\nvar y = f(2);\n';
    const transforms = [{ name: 't', test: /x/, transform(ast, ms) {
        ms.prependLeft(0, '/* one */\n/* two */\n');
        ms.overwrite(4, 5, 'longerName');
    } }];
    const out = prepass(code, { filename: 'in.js', sourceType: 'script', transforms });
    const sm = new SourceMap(out.map);
    const line = out.code.split('\n').findIndex((l) => l.startsWith('var y'));
    const col = out.code.split('\n')[line].indexOf('f(2)');
    const e = sm.findEntry(line, col);
    assert.deepStrictEqual([e.originalSource, e.originalLine, e.originalColumn], ['in.js', 1, 8]);
});

test('prepass: a transform error with a loc becomes a PrepassError at that place', () => {
    const transforms = [{ name: 'picky', test: /./, transform(ast) {
        const err = new Error('cannot handle this');
        err.loc = ast.body[1].loc.start;
        throw err;
    } }];
    assert.throws(() => prepass('1;\n  2;\n', { filename: 'x.js', sourceType: 'script', transforms }), (e) =>
        e instanceof PrepassError && e.message === 'picky: cannot handle this' && e.loc.line === 2 && e.loc.column === 2);
});

test('prepass: a syntax error of the parse is a PrepassError with its place', () => {
    const transforms = [{ name: 't', test: /./, transform() {} }];
    assert.throws(() => prepass('var ok;\nvar = 1;\n', { filename: 'x.js', sourceType: 'script', transforms }),
        (e) => e instanceof PrepassError && e.loc.line === 2 && e.loc.column === 4);
});

test('prepass: every registered transform is a lib/ module exporting transform(ast, ms, code)', () => {
    assert.ok(TRANSFORMS.length > 0);
    for (const entry of TRANSFORMS) {
        assert.ok(entry.test instanceof RegExp, `${entry.name}: test is a RegExp`);
        const mod = require(path.join(__dirname, '..', 'lib', entry.name));
        assert.strictEqual(typeof mod.transform, 'function', `${entry.name} exports transform`);
    }
});

test('regexp-literals: pattern modifiers become new RegExp calls, ES5 literals stay', () => {
    const out = prepass('var a = /(?i:x)y/g, b = /(?-s:.)/, c = /plain(?:x)/m;\nb.test(a);\n',
        { filename: 'x.js', sourceType: 'script' });
    assert.strictEqual(out.code, 'var a = new RegExp("(?i:x)y", "g"), b = new RegExp("(?-s:.)"), c = /plain(?:x)/m;\nb.test(a);\n');
});

test('regexp-literals: an invalid modifier group is a syntax error', () => {
    assert.throws(() => prepass('var a = /(?i-i:x)/;', { filename: 'x.js', sourceType: 'script' }),
        (e) => e instanceof PrepassError && /modifiers/i.test(e.message));
});

test('private-chains: a private member of a private member is lowered and keeps its meaning', async () => {
    const code = 'class R {\n  #parent; #count = 0;\n  constructor(parent) { this.#parent = parent; }\n' +
        '  #inc(n) { if (this.#parent) { return this.#parent.#inc(n); } this.#count += n; return this.#count; }\n' +
        '  add(n) { return this.#inc(n); }\n  get count() { return this.#count; }\n' +
        '  peek() { return [this.#parent.#count, (this.#parent).#count, this.#parent?.#count]; }\n' +
        '  poke(v) { this.#parent.#count = v; this.#parent.#count *= 2; }\n}\n' +
        'var root = new R(null), child = new R(root);\nchild.add(2); child.add(3);\n' +
        'var before = child.peek(); child.poke(4);\n' +
        'result = [child.count, before, root.count].join();\n';
    const pre = prepassScript(code);
    assert.ok(pre !== null && pre.code.includes('(0, this.#parent).#inc(n)'), pre && pre.code);
    assert.strictEqual(await runLowered(pre.code), '0,5,5,5,8');
});

test('this-spread: a callable whose prototype has no apply calls itself with spread arguments', async () => {
    // arktype 2's Callable and GenericRoot, reduced
    const code = 'class Callable {\n  constructor(fn) { return Object.setPrototypeOf(fn.bind(this), this.constructor.prototype); }\n}\n' +
        'class Generic extends Callable {\n  constructor(params) {\n    super((...args) => args.join("+") + "=" + this.k);\n' +
        '    this.k = params.length;\n    this.base = this(...params);\n    this.more = this("a", ...params, "z",);\n' +
        '    this.arrow = (() => this(/* c */ ...params))();\n    this.plain = this(1, 2);\n  }\n}\n' +
        'var g = new Generic(["x", "y"]);\nresult = [g.base, g.more, g.arrow, g.plain, typeof g.apply, g instanceof Generic].join();\n';
    const pre = prepassScript(code);
    assert.ok(pre !== null && pre.code.includes('Function.prototype.apply.call(this, void 0, [...params])'), pre && pre.code);
    assert.ok(pre.code.includes('this(1, 2)'), 'a call without spread stays');
    assert.strictEqual(await runLowered(pre.code), 'x+y=2,a+x+y+z=2,x+y=2,1+2=2,undefined,true');
    await assert.rejects(runLowered(code), /apply is not a function/, 'SWC alone calls this.apply');
});

test('literal-tables: a table of 1,000 literals and more becomes JSON.parse of the same data', async () => {
    const items = [];
    for (let i = 0; i < 1200; i++) {
        items.push(i % 5 === 0 ? `"s${i}\\u00e9\\n\\"q\\""` : i % 5 === 1 ? `${i}.5e-3` : i % 5 === 2 ? '-' + i :
            i % 5 === 3 ? '[1, "x", null, true]' : '`t${"\'"}`'.replace('${"\'"}', '"\''));
    }
    const keys = [];
    for (let i = 0; i < 1000; i++) {
        keys.push(i % 2 ? `k${i}: ${i}` : `"s-${i}": "v${i}"`);
    }
    const code = `var table = [${items.join(',\n  ')}];\nvar map = {${keys.join(', ')}, nested: [false, -1.25]};\n` +
        `var small = [${items.slice(0, 999).join(', ')}];\nvar holey = [${items.join(', ')}, , 1];\n` +
        `var named = [${items.join(', ')}, table];\n`;
    const pre = prepassScript(code);
    assert.ok(pre !== null, 'the test matched');
    assert.strictEqual((pre.code.match(/JSON\.parse\(/g) || []).length, 2, 'the table and the map only');
    assert.ok(/^var small = \[/m.test(pre.code) && /^var holey = \[/m.test(pre.code) && /^var named = \[/m.test(pre.code),
        'the others stay literals');
    const only = TRANSFORMS.filter((t) => t.name === 'literal-tables');
    assert.strictEqual(prepass(`var proto = {${keys.join(', ')}, __proto__: null};\n`,
        { filename: 'x.js', sourceType: 'script', transforms: only }), null, 'a __proto__ key stays');
    const out = await lowerToES5(pre.code, { filename: 'x.js', isModule: false });
    const got = runScript(out.code);
    const expected = runScript((await lowerToES5(code, { filename: 'x.js', isModule: false })).code);
    assert.deepStrictEqual(JSON.stringify([got.table, got.map]), JSON.stringify([expected.table, expected.map]));
    assert.strictEqual(got.table[4], 't"\'', 'a template literal as a string');
    assert.strictEqual(Object.keys(got.map)[0], 's-0', 'keys in order');
});

test('es5: the lowering leaves regexp literals and new RegExp calls as they are', async () => {
    const code = 'const a = /(?<n>x)/u, b = /a.b/s, c = /x/y;\nconst d = new RegExp("(?<=a)b", "v");\n';
    const out = await lowerToES5(code, { filename: 'x.js', isModule: false });
    for (const part of ['/(?<n>x)/u', '/a.b/s', '/x/y', 'new RegExp("(?<=a)b", "v")']) {
        assert.ok(out.code.includes(part), `${part} in ${out.code}`);
    }
    assert.ok(!/_wrap_reg_exp|_wrapRegExp/.test(out.code));
});

test('es5: an error of the lowering is a LoweringError with its message and place', async () => {
    await assert.rejects(lowerToES5('var a = 1;\n  var x = ;\n', { filename: 'x.js', isModule: false }), (e) =>
        e instanceof LoweringError && e.message === 'Expression expected' && e.loc.line === 2 && e.loc.column === 10);
});

test('lowerScript: ES5 output whose top-level names are globals', async () => {
    const code = await lowerScript('var x = 1; let y = 2; function f() { return x + y; } const g = () => f() * 2;\n', 'g.js');
    const ctx = runScript(code + '\nvar result = g();');
    assert.strictEqual(ctx.result, 6);
    assert.strictEqual(Object.getOwnPropertyDescriptor(ctx, 'x').value, 1);
    assert.strictEqual(typeof ctx.f, 'function');
    assert.ok(!/^\s*\(function/.test(code), 'not wrapped in a function');
});

test('lowerScript: a "use strict" directive stays the first statement', async () => {
    const code = await lowerScript('"use strict";\nclass A { m() { return this; } }\nvar strict = (function () { return this; })() === undefined;\n', 's.js');
    assert.ok(/^"use strict";/.test(code), code.slice(0, 80));
    assert.strictEqual(runScript(code).strict, true);
});

test('lowerScript: async functions, generators, classes, destructuring run after lowering', async () => {
    const src = `
function* gen(n) { for (let i = 0; i < n; i++) yield i * i; }
class Base { constructor(v) { this.v = v; } get twice() { return this.v * 2; } }
class Sub extends Base { #secret = 5; static make() { return new Sub(4); } reveal() { return this.#secret; } }
async function run() {
    const { a, ...rest } = { a: 1, b: 2, c: 3 };
    const [first, , third = 9] = [...gen(3)];
    const s = Sub.make();
    await null;
    return [a, Object.keys(rest).join(''), first, third, s.twice, s.reveal(), \`t\${a}\`, 2 ** 10, s?.missing?.x ?? 'none'].join(',');
}
run().then((v) => { out.value = v; });
`;
    const code = await lowerScript(src, 'run.js');
    const out = {};
    runScript(code, { out, Promise });
    await new Promise((resolve) => setImmediate(resolve));
    assert.strictEqual(out.value, '1,bc,0,4,8,5,t1,1024,none');
});

test('lowerScript: regexp literals Duktape rejects become new RegExp calls', async () => {
    const code = await lowerScript('var a = /(?<y>\\d+)/u, b = /x/gs, c = /(?i:q)/, d = /ok/g, e = new RegExp("(?<=a)", "y");\n', 'r.js');
    for (const part of ['new RegExp("(?<y>\\\\d+)", "u")', 'new RegExp("x", "gs")', 'new RegExp("(?i:q)")', '/ok/g',
        'new RegExp("(?<=a)", "y")']) {
        assert.ok(code.includes(part), `${part} in ${code}`);
    }
});

test('lowerScript: syntax errors reject with a SyntaxError at file:line:column', async () => {
    await assert.rejects(lowerScript('var ok = 1;\nvar = 2;\n', 'bad.js'), (e) =>
        e instanceof SyntaxError && e.file === 'bad.js' && e.line === 2 && e.column === 5 && /^bad\.js:2:5: /.test(e.message));
    await assert.rejects(lowerScript('var ok = 1;\n  var r = /(?i-i:x)/;\n', 'mod.js'), (e) =>
        e instanceof SyntaxError && e.line === 2 && /^mod\.js:2:\d+: .*modifiers/i.test(e.message));
});

test('lowerScript: an invalid regexp literal is an early error, not a RegExp call that throws later', async () => {
    for (const literal of ['/\\p{ASCII=F}/u', '/(?<a>x)(?<a>y)/', '/a**/', '/\\u{110000}/u']) {
        await assert.rejects(lowerScript(`throw "not evaluated";\nvar r = ${literal};\n`, 'early.js'), (e) =>
            e instanceof SyntaxError && e.line === 2, literal);
    }
    assert.ok((await lowerScript('var r = /(?<a>x)|(?<a>y)/;\n', 'dup.js')).includes('new RegExp("(?<a>x)|(?<a>y)")'));
});

test('non-constructors: a var function only ever called (SWC\'s _loop) is marked, none used otherwise', async () => {
    const { callOnlyFunctions } = require('../lib/non-constructors');
    const code = await lowerScript('function f(xs) {\n  const fs = [];\n  for (const x of xs) { fs.push(() => x); }\n' +
        '  return fs;\n}\n', 'loop.js');
    const loops = callOnlyFunctions(acorn.parse(code, { ecmaVersion: 5 }));
    assert.ok(loops.length >= 1 && loops.every((fn) => /_loop\d* = $/.test(code.slice(0, fn.start))), code);
    const src = 'var a = function () {}; a(); var b = function () {}; new b(); var c = function () {}; c.x = 1;\n' +
        'var d = function () { return arguments.callee; }; d(); var e = function e() {}; e();\n' +
        'var g = function () {}; g(); function h(g) {}\nvar k = function () {}; k(); k = 1;\n';
    const found = callOnlyFunctions(acorn.parse(src, { ecmaVersion: 5 })).map((fn) => src.slice(fn.start - 4, fn.start - 3));
    assert.deepStrictEqual(found, ['a']);
});

test('lowerScript: the same input gives the same bytes', async () => {
    const src = 'async function f() { for await (const x of g()) { await x; } }\nclass K { static #n = 1; }\n';
    assert.strictEqual(await lowerScript(src, 'd.js'), await lowerScript(src, 'd.js'));
});

test('sourcemap: composing maps leads through every step', () => {
    const outer = { version: 3, sources: ['mid.js'], names: [], mappings: 'AACA' };
    const inner = { version: 3, sources: ['orig.js'], names: [], mappings: ';AAEE' };
    const map = compose([outer, null, inner]);
    const e = new SourceMap(map).findEntry(0, 0);
    assert.deepStrictEqual([e.originalSource, e.originalLine, e.originalColumn], ['orig.js', 2, 2]);
});

(async () => {
    let failed = 0;
    console.log(`1..${tests.length}`);
    for (const [i, t] of tests.entries()) {
        try {
            await t.fn();
            console.log(`ok ${i + 1} - ${t.name}`);
        } catch (e) {
            failed++;
            console.log(`not ok ${i + 1} - ${t.name}`);
            for (const line of String(e && e.stack || e).split('\n')) {
                console.log(`# ${line}`);
            }
        }
    }
    process.exitCode = failed ? 1 : 0;
})();
