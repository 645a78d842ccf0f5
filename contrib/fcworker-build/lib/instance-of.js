// SPDX-License-Identifier: MIT
/*
 * Every `a instanceof B` through one helper.
 *
 * Duktape's instanceof looks B's [Symbol.hasInstance] up and calls it: for
 * an ordinary function that is Function.prototype's built-in method, a
 * call of a native function (about 1,700 instructions an operator, where
 * the answer is a walk of a's prototype chain). On the ES5 output,
 * instanceOfEdits(ast, code, from) turns each `A instanceof B` into
 * `_fcwIO(A, B)`: two insertions and the keyword replaced by a comma, all
 * on the expression's lines, so no line moves. A and B are evaluated in
 * the same order, and the helper is the runtime's native
 * `__fcw_helpers.instanceOf` (native.instanceOf, lib/api_fastpath.c),
 * which answers the ordinary case in C (fcw_duk_instanceof_plain,
 * lib/duk_hooks.c: no own [Symbol.hasInstance] on B's chain, no proxy on
 * A's) and leaves the rest to the operator itself; or, where the bundle
 * runs without fcworker's runtime, `function (a, b) { return a instanceof
 * b; }`. The helper is declared in the bundle's first line (see
 * declaration()), which the edits skip (from: where the code after it
 * starts).
 *
 * Only when the file does not name the helper already (wanted()).
 */
'use strict';

const walk = require('acorn-walk');
const { tokenAfter } = require('./edits');

const HELPER = '_fcwIO';

function wanted(code) {
    return /\binstanceof\b/.test(code) && !code.includes(HELPER);
}

/* The declaration for the bundle's first line (no newline). */
function declaration() {
    return `var ${HELPER} = typeof __fcw_helpers === "object" && __fcw_helpers !== null && ` +
        '__fcw_helpers.instanceOf || function (a, b) { return a instanceof b; };';
}

/* The offset of the `instanceof` keyword between `from` (the end of the
 * left operand) and `to` (the start of the right one): past white space,
 * comments and the closing parentheses of the left operand. -1 if not
 * found. */
function keyword(code, from, to) {
    const i = tokenAfter(code, from, to);
    return i >= 0 && code.startsWith('instanceof', i) ? i : -1;
}

/* Edits [from, to, text] that make each instanceof at or after `from` a
 * call of the helper. An operand may itself be an instanceof: the outer
 * call opens first and closes last. */
function instanceOfEdits(ast, code, from) {
    const nodes = [];
    walk.simple(ast, {
        BinaryExpression(node) {
            if (node.operator === 'instanceof' && node.start >= from) {
                nodes.push(node);
            }
        }
    });
    const opens = [];
    const rest = [];
    for (const node of nodes) {
        const at = keyword(code, node.left.end, node.right.start);
        if (at < 0) {
            throw new Error(`no instanceof keyword found at offset ${node.left.end}`);
        }
        opens.push(node);
        rest.push([node.end, node.end, ')', node.start]);
        rest.push([at, at + 'instanceof'.length, ',', -1]);
    }
    /* equal offsets keep this order (applyEdits sorts stably): openings
     * outer first, closings inner first and before a keyword there */
    opens.sort((a, b) => a.start - b.start || b.end - a.end);
    rest.sort((a, b) => a[0] - b[0] || b[3] - a[3]);
    return opens.map((node) => [node.start, node.start, `(0, ${HELPER})(`]).concat(rest.map(([s, e, t]) => [s, e, t]));
}

module.exports = { instanceOfEdits, declaration, wanted, HELPER };
