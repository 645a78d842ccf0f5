// SPDX-License-Identifier: MIT
/*
 * `x.toString(16).padStart(2, "0")` through one helper.
 *
 * The hex digits of a byte, as code writes a digest or random bytes as
 * text (`Array.from(bytes, (b) => b.toString(16).padStart(2, "0"))`,
 * Hono's etag, UUIDs): per byte two method look-ups and two native calls,
 * some 2,400 instructions in Duktape. On the ES5 output, hexByteEdits(ast,
 * code, from) turns each such expression (exactly those two calls with
 * those literal arguments, the methods named by plain identifiers) into
 * `(0, _fcwHex)(x)`: an insertion before x, and the text after x replaced
 * by `)` and its line breaks, so no line moves (x a comma expression is
 * left alone). The helper is the
 * runtime's native `__fcw_helpers.hexByte` (lib/api_builtins.c), which
 * answers an integer 0-255 in C while Number.prototype.toString and
 * String.prototype.padStart are the runtime's own, and otherwise makes the
 * same two calls, looked up on the value; or, where the bundle runs
 * without fcworker's runtime, a function that evaluates the expression.
 * x is evaluated once and first, as before. The helper is declared in the
 * bundle's first line (see declaration()), which the edits skip (from:
 * where the code after it starts).
 *
 * Only when the file does not name the helper already (wanted()).
 */
'use strict';

const walk = require('acorn-walk');
const { newlines } = require('./edits');

const HELPER = '_fcwHex';

function wanted(code) {
    return /\.padStart\(\s*2\s*,\s*(["'])0\1\s*\)/.test(code) && /\.toString\(\s*16\s*\)/.test(code) &&
        !code.includes(HELPER);
}

function declaration() {
    return `var ${HELPER} = typeof __fcw_helpers === "object" && __fcw_helpers !== null && ` +
        '__fcw_helpers.hexByte || function (x) { return x.toString(16).padStart(2, "0"); };';
}

function literal(node, value) {
    return node.type === 'Literal' && node.value === value && typeof node.value === typeof value;
}

/* The call `name(...)` on an object: its member callee, else null. */
function methodCall(node, name) {
    if (node.type !== 'CallExpression') {
        return null;
    }
    const callee = node.callee;
    return callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' &&
        callee.property.name === name ? callee : null;
}

/* Edits [start, end, text] for the expressions at or after `from`. */
function hexByteEdits(ast, code, from) {
    const edits = [];
    walk.simple(ast, {
        CallExpression(node) {
            const pad = methodCall(node, 'padStart');
            if (!pad || node.start < from || node.arguments.length !== 2 || !literal(node.arguments[0], 2) ||
                !literal(node.arguments[1], '0')) {
                return;
            }
            const hex = methodCall(pad.object, 'toString');
            if (!hex || pad.object.arguments.length !== 1 || !literal(pad.object.arguments[0], 16)) {
                return;
            }
            const x = hex.object;
            if (x.type === 'SequenceExpression') {
                return; /* (a, b).toString(16): as an argument it would be two */
            }
            edits.push([x.start, x.start, `(0, ${HELPER})(`]);
            edits.push([x.end, node.end, ')' + newlines(code, x.end, node.end)]);
        }
    });
    return edits;
}

module.exports = { hexByteEdits, declaration, wanted, HELPER };
