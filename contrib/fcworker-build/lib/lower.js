// SPDX-License-Identifier: MIT
/*
 * lowerScript(code, filename): lowers one classic script (no imports to
 * bundle) to ES5 for Duktape 2.7 the way fcworker-build lowers a bundle,
 * after acorn has checked it for syntax and early errors: esbuild parses it and rewrites the regular-expression literals Duktape
 * cannot parse into `new RegExp(source, flags)`, the source pre-passes of
 * lib/prepass.js run when the code has anything for them, and lib/es5.js
 * lowers the result. The output runs at global scope: it is not wrapped in a
 * function, so top-level `var` and function declarations stay properties of
 * the global object, and a leading "use strict" directive stays first. Meant
 * for test runners that lower many files in one process.
 *
 * Errors in the input reject with a SyntaxError whose message is
 * `filename:line:column: message` and which carries `file`, `line` (1-based)
 * and `column` (1-based) properties; positions are in the input when they
 * are known (else line and column are 0).
 */
'use strict';

const esbuild = require('esbuild');
const acorn = require('acorn');
const { lowerToES5, LoweringError, ESBUILD_SUPPORTED, parseES5 } = require('./es5');
const { prepass, PrepassError } = require('./prepass');
const { compose, originalPosition } = require('./sourcemap');

function syntaxError(file, line, column, message) {
    const e = new SyntaxError(`${file}:${line}:${column}: ${message}`);
    e.file = file;
    e.line = line;
    e.column = column;
    return e;
}

/* The position in the input of a 1-based line and 0-based column of a later
 * step's input, through `map` (a map to the input), as [line, column]. */
function inputPosition(map, loc) {
    const where = loc && map && originalPosition(map, '/', loc.line, loc.column);
    return where ? [where.line, where.column] : [0, 0];
}

async function parseWithEsbuild(code, filename) {
    try {
        const result = await esbuild.transform(code, {
            loader: 'js',
            sourcefile: filename,
            target: 'es2022',
            supported: ESBUILD_SUPPORTED,
            legalComments: 'inline',
            charset: 'ascii',
            sourcemap: 'external',
            logLevel: 'silent'
        });
        return { code: result.code, map: JSON.parse(result.map) };
    } catch (e) {
        const first = Array.isArray(e.errors) && e.errors[0];
        if (!first) {
            throw e;
        }
        const loc = first.location || { line: 0, column: -1 };
        throw syntaxError(filename, loc.line, loc.column + 1, first.text);
    }
}

/* acorn checks the script against the latest grammar and its early errors
 * first: esbuild does not validate regular-expression literals (an invalid
 * one would become a `new RegExp` call that throws only when it runs). */
function checkEarlyErrors(code, name) {
    try {
        acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'script', allowHashBang: true });
    } catch (e) {
        if (!(e instanceof SyntaxError) || !e.loc) {
            throw e;
        }
        throw syntaxError(name, e.loc.line, e.loc.column + 1, e.message.replace(/ \(\d+:\d+\)$/, ''));
    }
}

async function lowerScript(code, filename) {
    const name = filename || '<script>';
    checkEarlyErrors(String(code), name);
    const parsed = await parseWithEsbuild(String(code), name);
    let pre;
    try {
        pre = prepass(parsed.code, { filename: name, sourceType: 'script' });
    } catch (e) {
        if (!(e instanceof PrepassError)) {
            throw e;
        }
        throw syntaxError(name, ...inputPosition(parsed.map, e.loc), e.message);
    }
    let lowered;
    try {
        lowered = await lowerToES5(pre ? pre.code : parsed.code, { filename: name, isModule: false });
    } catch (e) {
        if (!(e instanceof LoweringError)) {
            throw e;
        }
        throw syntaxError(name, ...inputPosition(compose([pre && pre.map, parsed.map]), e.loc), e.message);
    }
    try {
        parseES5(lowered.code, { sourceType: 'script' });
    } catch (e) {
        const map = e.loc && compose([lowered.map, pre && pre.map, parsed.map]);
        throw syntaxError(name, ...inputPosition(map, e.loc),
            `lowering left syntax that Duktape cannot parse: ${e.message.replace(/ \(\d+:\d+\)$/, '')}`);
    }
    return lowered.code;
}

module.exports = { lowerScript };
