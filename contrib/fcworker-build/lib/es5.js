// SPDX-License-Identifier: MIT
/*
 * The ES5 lowering step of fcworker-build, and what esbuild must be told
 * about the target before it: SWC lowers ES2022 code (esbuild's output, after
 * the source pre-passes) to ES5 for Duktape 2.7, with every transform forced
 * as for IE 11 and every helper inlined at the top of the output (nothing is
 * `require`d). Generators stay generators when `coroutines` is set (async
 * functions become `_async_to_generator(function* () {...})()`), for
 * lib/coroutines.js to put on the runtime's coroutines; otherwise both
 * become inline state machines (regenerator), which any engine runs.
 *
 * Regular expressions are not SWC's business: esbuild rewrites the literals
 * that use features Duktape's parser rejects into `new RegExp(source, flags)`
 * (for the runtime's own engine), and SWC's regexp transforms are off, so
 * neither the remaining literals nor any `new RegExp(...)` call is touched.
 */
'use strict';

const swc = require('@swc/core');
const acorn = require('acorn');

/* esbuild's `supported` table for the ES5 target: the regular-expression
 * features Duktape's parser rejects (named groups, lookbehind, \p{...}, the
 * s, u, y, d and v flags) make esbuild emit `new RegExp(...)` calls. */
const ESBUILD_SUPPORTED = {
    'regexp-dot-all-flag': false,
    'regexp-lookbehind-assertions': false,
    'regexp-match-indices': false,
    'regexp-named-capture-groups': false,
    'regexp-set-notation': false,
    'regexp-sticky-and-unicode-flags': false,
    'regexp-unicode-property-escapes': false
};

/* SWC's transforms left out: the regexp ones (see above) and typeof-symbol
 * (the runtime's `typeof` knows symbols, so `typeof x` needs no helper). */
const EXCLUDED_TRANSFORMS = [
    'transform-typeof-symbol',
    'transform-named-capturing-groups-regex',
    'transform-dotall-regex',
    'transform-sticky-regex',
    'transform-unicode-regex',
    'transform-unicode-sets-regex',
    'transform-unicode-property-regex'
];

/* Assumptions that hold in a Workers runtime: private class members become
 * non-enumerable properties under unique keys instead of WeakMap and WeakSet
 * entries (cheaper on Duktape), and there is no `document.all`, so `a ?? b`
 * and `a?.b` compare with null directly. */
const ASSUMPTIONS = { privateFieldsAsProperties: true, noDocumentAll: true };

class LoweringError extends Error {}

/* SWC's diagnostics are multi-line reports with a code frame and a native
 * backtrace: keep the message and the position of the frame's caret. */
function loweringError(e, filename) {
    const text = String(e && e.message || e);
    const message = (/^\s*x (.*)$/m.exec(text) || [null, text.split('\n')[0]])[1];
    const err = new LoweringError(message);
    const frame = /,-\[[^\]]*:(\d+):\d+\]\n((?:.*\n)*?)\s*`----/.exec(text);
    if (frame) {
        const lines = frame[2].split('\n');
        const caret = lines.findIndex((l) => /^\s*:\s*\^/.test(l));
        if (caret > 0) {
            const source = /^\s*(\d+) \| /.exec(lines[caret - 1]);
            const caretCol = lines[caret].indexOf('^');
            const gutter = lines[caret - 1].indexOf('| ') + 2;
            if (source) {
                err.loc = { line: Number(source[1]), column: Math.max(0, caretCol - gutter) };
            }
        }
    }
    err.filename = filename;
    return err;
}

/* Lowers `code` to ES5; `isModule` parses it as module code (strict, as
 * esbuild's bundles are) rather than a classic script. Resolves to
 * { code, map } with a map from the output to `code` (source `filename`),
 * or, given `inputMap` (a map from `code` to its sources), from the output
 * to those sources: SWC composes the two maps itself. */
async function lowerToES5(code, { filename, isModule, inputMap = null, coroutines = false }) {
    let result;
    try {
        result = await swc.transform(code, {
            filename,
            swcrc: false,
            configFile: false,
            isModule,
            sourceMaps: true,
            inputSourceMap: inputMap ? JSON.stringify(inputMap) : false,
            env: {
                targets: { ie: '11' },
                forceAllTransforms: true,
                exclude: coroutines ? EXCLUDED_TRANSFORMS.concat(['transform-regenerator']) : EXCLUDED_TRANSFORMS
            },
            jsc: {
                parser: { syntax: 'ecmascript' },
                externalHelpers: false,
                assumptions: ASSUMPTIONS
            }
        });
    } catch (e) {
        throw loweringError(e, filename);
    }
    return { code: result.code, map: JSON.parse(result.map) };
}

function version() {
    return `@swc/core ${swc.version}`;
}

/* acorn's ES5 parser as a check of what Duktape parses: like ES2015,
 * Duktape takes a property named twice in an object literal, also in strict
 * code (`{ 4: 'x', 4: 'y' }`, as @simplewebauthn/server's TPM tables have
 * it), which ES5's strict mode refused. */
const DuktapeES5Parser = acorn.Parser.extend((Parser) => class extends Parser {
    checkPropClash() {}
});

/* acorn.parse(code, options) for ES5 as Duktape reads it. */
function parseES5(code, options) {
    return DuktapeES5Parser.parse(code, Object.assign({}, options, { ecmaVersion: 5 }));
}

module.exports = { lowerToES5, LoweringError, ESBUILD_SUPPORTED, version, parseES5 };
