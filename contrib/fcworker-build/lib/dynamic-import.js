// SPDX-License-Identifier: MIT
/*
 * Pre-pass: a dynamic `import(specifier)` that esbuild could not resolve at
 * build time (its argument is not a string literal, as in hono/logger's
 * `await import(name)` probing for an optional module) is left in the
 * bundle, and ES5 has no syntax for it. A worker is one script with no
 * module loader behind it, so such an import can only fail: it becomes a
 * promise rejected with a TypeError naming the specifier, evaluated where
 * the import was (its argument still runs once), which is what the code
 * calling it already handles when the module is missing.
 */
'use strict';

const walk = require('acorn-walk');

const MESSAGE = 'fcworker: dynamic import() of a module that is not in the bundle: ';

function transform(ast, ms, code) {
    walk.simple(ast, {
        ImportExpression(node) {
            const source = code.slice(node.source.start, node.source.end);
            ms.overwrite(node.start, node.end,
                `(function (s) { return Promise.reject(new TypeError(${JSON.stringify(MESSAGE)} + String(s))); })(${source})`);
        }
    });
}

module.exports = { transform };
