// SPDX-License-Identifier: MIT
/*
 * The object of every for-in, through one helper.
 *
 * Duktape's for-in over a Proxy takes the keys of the proxy's target, not
 * the ones its ownKeys and getOwnPropertyDescriptor traps give (an immer
 * draft's target is immer's own state record; a proxy may have keys that
 * exist only through its traps). On the ES5 output, forInInserts(ast)
 * turns each `for (K in EXPR)` into `for (K in _fcwK(EXPR))`, by two
 * insertions on EXPR's line, so no line moves (a comma expression
 * `for (K in a, b)` gets its own parentheses: `_fcwK((a, b))`). The helper is declared in
 * the bundle's first line (see declaration()): the runtime's native
 * `__fcw_helpers.forIn` (native.forInTarget, lib/api_fastpath.c), which
 * returns any object but a proxy as it is and for a proxy an object with
 * the keys its traps give (js/17-proxy.js); or, where the bundle runs
 * without fcworker's runtime, `function (o) { return o; }`.
 *
 * Only when the file does not name the helper already (wanted()).
 */
'use strict';

const walk = require('acorn-walk');

const HELPER = '_fcwK';

/* A cheap test of the lowered code: whether it may have a for-in. */
const TEST = /\bfor\s*\([^;()]*\bin\b/;

function wanted(code) {
    return TEST.test(code) && !code.includes(HELPER);
}

/* The declaration for the bundle's first line (no newline). */
function declaration() {
    return `var ${HELPER} = typeof __fcw_helpers === "object" && __fcw_helpers !== null && ` +
        '__fcw_helpers.forIn || function (o) { return o; };';
}

/* Insertions [at, at, text] that wrap each for-in's object. */
function forInInserts(ast) {
    const inserts = [];
    walk.simple(ast, {
        ForInStatement(node) {
            // `for (k in a, b)` is valid (the object is an Expression) and
            // SWC prints minified code so: the sequence is one argument.
            const seq = node.right.type === 'SequenceExpression';
            /* (0, f)(...): a constant for fcworker's loader (lib/call-constants.js) */
            inserts.push([node.right.start, node.right.start, seq ? `(0, ${HELPER})((` : `(0, ${HELPER})(`],
                [node.right.end, node.right.end, seq ? '))' : ')']);
        }
    });
    return inserts;
}

module.exports = { forInInserts, declaration, wanted, HELPER };
