// SPDX-License-Identifier: MIT
/*
 * Source pre-passes between esbuild and the ES5 lowering: rewrites of modern
 * syntax that the lowering cannot express for Duktape (or expresses in a way
 * the runtime cannot use), done on esbuild's ES2022 output.
 *
 * Each transform is a module lib/NAME.js exporting
 *     function transform(ast, ms, code)
 * that edits `ms` (a MagicString over `code`) guided by `ast`, the acorn
 * tree of `code` (ecmaVersion 'latest', locations on). It reports input it
 * cannot handle by throwing an Error whose `loc` is the { line, column }
 * (1-based line, 0-based column, as acorn's node.loc.start) in `code`.
 *
 * A transform is registered by one line in TRANSFORMS below: its name and a
 * cheap test of the source text that matches whenever the transform could
 * have work (false positives only cost time). When no test matches, nothing
 * is parsed and the code goes to the lowering unchanged; otherwise it is
 * parsed once and the transforms whose test matched run in list order on the
 * same tree and MagicString.
 */
'use strict';

const acorn = require('acorn');
const MagicString = require('magic-string');

/* { name: 'NAME' (lib/NAME.js), test: RegExp over the source text } */
const TRANSFORMS = [
    /* first: its insertions go before the others' at the same offset */
    { name: 'non-constructors', test: /=>|\)\s*\{/ },
    /* modifiers, and the Annex B forms Duktape's literal compiler refuses */
    { name: 'regexp-literals', test: /\(\?(?:[a-z]+-?[a-z]*|-[a-z]+):|\(\?[=!]|\\[c89]|\\u\{|-\\[dDwWsS]|\\[0-9]/ },
    { name: 'proto-literal', test: /__proto__/ },
    /* esbuild's keepNames calls that name a function what it is named
     * anyway: alone, first, so that the others (bigint's flow of values
     * through functions) see no call around the functions it leaves */
    { name: 'keep-names', test: /\b__name\(/, first: true },
    /* a class expression without a name of its own (after keep-names) */
    { name: 'class-names', test: /\bclass\s*(?:\{|extends\b)/ },
    /* `this.#a.#b`: the inner member in a comma expression, which SWC lowers */
    { name: 'private-chains', test: /#[\w$]+\)*\s*\??\.\s*#/ },
    /* `this(...args)`: not through the callee's own `apply` */
    { name: 'this-spread', test: /\bthis\s*\(/ },
    /* tables of 1,000 literals and more: JSON.parse, for Duktape's constant limit */
    { name: 'literal-tables', test: require('./literal-tables').TEST },
    { name: 'dynamic-import', test: /\bimport\s*\(/ },
    { name: 'bigint', test: /\b(?:0[xXoObB][\da-fA-F_]+|\d[\d_]*)n\b|bigint|[gs]etBig(?:Ui|I)nt64/i }
];

class PrepassError extends Error {}

function load(entry) {
    if (typeof entry.transform === 'function') {
        return entry.transform;
    }
    return require(`./${entry.name}`).transform;
}

function positioned(e, name) {
    if (e instanceof SyntaxError && e.loc) {
        const err = new PrepassError(e.message.replace(/ \(\d+:\d+\)$/, ''));
        err.loc = e.loc;
        return err;
    }
    if (e && e.loc && typeof e.loc.line === 'number') {
        const err = new PrepassError(`${name}: ${e.message}`);
        err.loc = { line: e.loc.line, column: e.loc.column || 0 };
        return err;
    }
    return e;
}

function parse(code, sourceType) {
    try {
        return acorn.parse(code, { ecmaVersion: 'latest', sourceType, locations: true, allowHashBang: true });
    } catch (e) {
        throw positioned(e, 'acorn');
    }
}

/* Runs `entries` on one parse of `code`; returns the MagicString. */
function run(entries, code, sourceType) {
    const ast = parse(code, sourceType);
    const ms = new MagicString(code);
    for (const entry of entries) {
        const transform = load(entry);
        try {
            transform(ast, ms, code);
        } catch (e) {
            throw positioned(e, entry.name || 'transform');
        }
    }
    return ms;
}

/* Runs the transforms of `transforms` (TRANSFORMS by default; an entry may
 * carry its `transform` function instead of a name) whose test matches
 * `code`. Those marked `first` run before the others, on a parse of their
 * own, and the others then see their result: they must keep every offset
 * (blank text out), so that positions in that result, and the map of what
 * the others do to it, are those of `code`. Returns null when none had work
 * (nothing matched or nothing was changed), else { code, map } with a map
 * from the new code to `code` (source `filename`). `sourceType` is
 * 'module' or 'script'. */
function prepass(code, { filename, sourceType, transforms = TRANSFORMS }) {
    const active = transforms.filter((t) => {
        t.test.lastIndex = 0;
        return t.test.test(code);
    });
    if (active.length === 0) {
        return null;
    }
    let current = code;
    let ms = null;
    const first = active.filter((t) => t.first);
    if (first.length > 0) {
        ms = run(first, code, sourceType);
        if (ms.hasChanged()) {
            current = ms.toString();
            if (current.length !== code.length) {
                throw new Error(`a first pre-pass (${first.map((t) => t.name).join(', ')}) moved the code`);
            }
        }
    }
    const rest = active.filter((t) => !t.first);
    if (rest.length > 0) {
        const after = run(rest, current, sourceType);
        if (after.hasChanged() || current !== code) {
            ms = after;
        }
    }
    if (ms === null || (!ms.hasChanged() && current === code)) {
        return null;
    }
    const map = ms.generateMap({ source: filename, hires: 'boundary', includeContent: false });
    return { code: ms.toString(), map: JSON.parse(map.toString()) };
}

module.exports = { prepass, PrepassError, TRANSFORMS };
