// SPDX-License-Identifier: MIT
/*
 * Every call of a lowered async function runs
 *
 *     return _async_to_generator(function() { ... })();
 *
 * SWC's helper (or the runtime's form of it, __fcw_helpers.asyncToGenerator)
 * makes a function around the body only for that one call to call it. On
 * the ES5 output, asyncRunEdits(ast, code) turns each such call, made with
 * no arguments, into
 *
 *     return _fcw_async_run     (function() { ... })  ;
 *
 * by same-length edits (no line or column moves, so the map holds), and
 * fcworker-build declares the helper in the bundle's first line (see
 * declaration()): the runtime's `__fcw_helpers.asyncRun` (js/10-promise.js),
 * which starts the body and returns its promise as the function would, or,
 * without fcworker's runtime, `_async_to_generator(fn)()` itself. Done only
 * when the bundle's `_async_to_generator` is SWC's helper and the lowered
 * code does not name the new helper itself (wanted()).
 */
'use strict';

const walk = require('acorn-walk');
const { HELPERS } = require('./runtime-helpers');

const HELPER = '_fcw_async_run';
const ASYNC = '_async_to_generator';

function wanted(lowered) {
    const swc = HELPERS.find((h) => h.name === ASYNC);
    return swc.opening.test(lowered) && lowered.indexOf(HELPER) < 0 && /\}\)\(\);?\n/.test(lowered);
}

/* The declaration for the bundle's first line (no newline). */
function declaration() {
    return `var ${HELPER} = typeof __fcw_helpers === "object" && __fcw_helpers !== null && ` +
        `__fcw_helpers.asyncRun || function (fn) { return ${ASYNC}(fn)(); };`;
}

function blank(code, start, end) {
    return code.slice(start, end).replace(/[^\n\r\u2028\u2029]/g, ' ');
}

/* Same-length edits [start, end, text] of `code` (parsed as `ast`). */
function asyncRunEdits(ast, code) {
    const edits = [];
    walk.simple(ast, {
        CallExpression(node) {
            const inner = node.callee;
            if (node.arguments.length !== 0 || inner.type !== 'CallExpression' ||
                inner.callee.type !== 'Identifier' || inner.callee.name !== ASYNC ||
                inner.arguments.length !== 1 || inner.arguments[0].type !== 'FunctionExpression') {
                return;
            }
            const name = inner.callee;
            edits.push([name.start, name.end, HELPER + ' '.repeat(name.end - name.start - HELPER.length)]);
            edits.push([inner.end, node.end, blank(code, inner.end, node.end)]);
        }
    });
    return edits;
}

module.exports = { asyncRunEdits, declaration, wanted, HELPER };
