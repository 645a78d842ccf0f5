// SPDX-License-Identifier: MIT
/*
 * Text edits of the lowered output, shared by the passes that rewrite it
 * on checkOutput's parse (lib/private-fields.js, lib/async-run.js, the
 * insertions of fcworker-build itself): an edit is [start, end, text] over
 * the original offsets, an insertion one with start === end. The node
 * tests below serve lib/coroutines.js and lib/non-constructors.js too.
 */
'use strict';

/* Text of the same length as code[start, end) with every character but
 * line breaks made a space (so no line or column after it moves). */
function blank(code, start, end) {
    return code.slice(start, end).replace(/[^\n\r\u2028\u2029]/g, ' ');
}

/* The line breaks of code[start, end), and nothing else: what an edit
 * that replaces that text keeps so that no line moves. */
function newlines(code, start, end) {
    return code.slice(start, end).replace(/[^\n\r\u2028\u2029]/g, '');
}

/* `code` with the edits applied; they may come in any order, must not
 * overlap (an error), and insertions at one offset keep their order. */
function applyEdits(code, edits) {
    const sorted = edits.slice().sort((a, b) => a[0] - b[0]);
    const pieces = [];
    let last = 0;
    for (const [start, end, text] of sorted) {
        if (start < last) {
            throw new Error(`edits overlap at offset ${start} (one ends at ${last})`);
        }
        pieces.push(code.slice(last, start), text);
        last = end;
    }
    pieces.push(code.slice(last));
    return pieces.join('');
}

/* The offset of the first character in [from, to) of code that is not
 * blank, a comment or a parenthesis (an operator's or a bracket's, between
 * two operands), or -1. */
function tokenAfter(code, from, to) {
    let i = from;
    while (i < to) {
        const c = code[i];
        if (c === '/' && code[i + 1] === '*') {
            const close = code.indexOf('*/', i + 2);
            i = close < 0 ? to : close + 2;
        } else if (c === '/' && code[i + 1] === '/') {
            const nl = code.indexOf('\n', i);
            i = nl < 0 ? to : nl + 1;
        } else if (/[\s()]/.test(c)) {
            i++;
        } else {
            return i;
        }
    }
    return -1;
}

function isName(node, name) {
    return !!node && node.type === 'Identifier' && node.name === name;
}

/* The node types of functions (a function has its own `arguments`). */
const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

/* Whether the identifier last of `ancestors` (acorn-walk's) names something:
 * not a property key nor the name after a dot. */
function isReference(ancestors) {
    const node = ancestors[ancestors.length - 1];
    const parent = ancestors[ancestors.length - 2];
    return !(parent && ((parent.type === 'MemberExpression' && parent.property === node && !parent.computed) ||
        (parent.type === 'Property' && parent.key === node && !parent.computed)));
}

/* Whether the identifier, with its parent, is assigned there: the target
 * of an assignment, an update, or a for-in/for-of head. */
function isWrite(id, parent) {
    return !!parent && ((parent.type === 'AssignmentExpression' && parent.left === id) ||
        parent.type === 'UpdateExpression' ||
        ((parent.type === 'ForInStatement' || parent.type === 'ForOfStatement') && parent.left === id));
}

/* A call of the function named `name`. */
function isCallOf(node, name) {
    return !!node && node.type === 'CallExpression' && isName(node.callee, name);
}

module.exports = { blank, newlines, applyEdits, tokenAfter, isName, isCallOf, isReference, isWrite, FUNCTION_TYPES };
