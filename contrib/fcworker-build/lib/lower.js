/*
 * lowerScript(code, filename): lowers one classic script (no imports to
 * bundle) to ES5 for Duktape 2.7 the way fcworker-build lowers a bundle:
 * esbuild parses it and rewrites the regular-expression literals Duktape
 * cannot parse into `new RegExp(source, flags)`, then the ES5 lowering runs.
 * The result runs at global scope: it is not wrapped in a function, so
 * top-level `var` and function declarations stay properties of the global
 * object. Meant for test runners that lower many files in one process.
 *
 * Errors in the input reject with a SyntaxError whose message is
 * `filename:line:column: message` and which carries `file`, `line` (1-based)
 * and `column` (1-based) properties.
 */
'use strict';

const esbuild = require('esbuild');
const babel = require('@babel/core');
const acorn = require('acorn');

process.env.BROWSERSLIST_IGNORE_OLD_DATA = '1';

/* Regular-expression features Duktape's parser rejects: esbuild turns the
 * literals that use them into `new RegExp(...)` calls for the runtime's own
 * engine. */
const REGEXP_UNSUPPORTED = {
    'regexp-dot-all-flag': false,
    'regexp-lookbehind-assertions': false,
    'regexp-match-indices': false,
    'regexp-named-capture-groups': false,
    'regexp-set-notation': false,
    'regexp-sticky-and-unicode-flags': false,
    'regexp-unicode-property-escapes': false
};

function syntaxError(file, line, column, message) {
    const e = new SyntaxError(`${file}:${line}:${column}: ${message}`);
    e.file = file;
    e.line = line;
    e.column = column;
    return e;
}

async function parseWithEsbuild(code, filename) {
    try {
        return (await esbuild.transform(code, {
            loader: 'js',
            sourcefile: filename,
            target: 'es2022',
            supported: REGEXP_UNSUPPORTED,
            charset: 'ascii',
            logLevel: 'silent'
        })).code;
    } catch (e) {
        const first = Array.isArray(e.errors) && e.errors[0];
        if (!first) {
            throw e;
        }
        const loc = first.location || { line: 0, column: -1 };
        throw syntaxError(filename, loc.line, loc.column + 1, first.text);
    }
}

async function lowerToES5(code, filename) {
    try {
        return (await babel.transformAsync(code, {
            babelrc: false,
            configFile: false,
            browserslistConfigFile: false,
            sourceType: 'script',
            filename,
            assumptions: { privateFieldsAsProperties: true, noDocumentAll: true },
            presets: [[require.resolve('@babel/preset-env'), {
                targets: { ie: '11' },
                ignoreBrowserslistConfig: true,
                forceAllTransforms: true,
                modules: false,
                exclude: ['transform-typeof-symbol', 'transform-named-capturing-groups-regex',
                    'transform-dotall-regex', 'transform-unicode-regex', 'transform-sticky-regex']
            }]]
        })).code;
    } catch (e) {
        const loc = e.loc || { line: 0, column: -1 };
        const message = String(e.message).split('\n')[0].replace(/^[^:]*: /, '').replace(/ \(\d+:\d+\)$/, '');
        throw syntaxError(filename, loc.line, loc.column + 1, message);
    }
}

async function lowerScript(code, filename) {
    const name = filename || '<script>';
    const lowered = await lowerToES5(await parseWithEsbuild(code, name), name);
    try {
        acorn.parse(lowered, { ecmaVersion: 5, sourceType: 'script' });
    } catch (e) {
        const loc = e.loc || { line: 0, column: -1 };
        throw syntaxError(name, loc.line, loc.column + 1,
            `lowering left syntax that Duktape cannot parse: ${e.message.replace(/ \(\d+:\d+\)$/, '')} (output position)`);
    }
    return lowered;
}

module.exports = { lowerScript, REGEXP_UNSUPPORTED };
