// SPDX-License-Identifier: MIT
/*
 * The step of every lowered for-of, through one helper.
 *
 * SWC lowers `for (const x of xs) BODY` to
 *
 *     for(var _iterator = xs[Symbol.iterator](), _step;
 *         !(_iteratorNormalCompletion = (_step = _iterator.next()).done);
 *         _iteratorNormalCompletion = true){ var x = _step.value; BODY }
 *
 * inside a try whose finally closes the iterator. Over an array, each
 * `_iterator.next()` costs Duktape a lookup of `next` on the iterator's
 * prototype, a call, and a new { value, done } object with two property
 * definitions: some 4,500 machine instructions per element, six times the
 * loop `for (var i = 0; i < xs.length; i++)`. On the ES5 output,
 * forOfEdits(ast, code) turns each such step into
 *
 *     _fcwS(_iterator)
 *
 * by a same-length edit (`.next()` has the seven characters of `_fcwS(`
 * and `)`), so no line or column outside it moves and the map holds. The helper is declared in the bundle's first line (see
 * declaration()): the runtime's native form (`__fcw_helpers.iterStep`,
 * lib/duk_hooks.c), which gets `next` as the call did and calls it, but
 * takes the step of the runtime's own array iterator over an array in
 * place, with one result object per iterator (the lowered loop reads its
 * `done` and `value` at once and keeps it nowhere else); or, where the
 * bundle runs without fcworker's runtime, `function (it) { return
 * it.next(); }`.
 *
 * Only the step of the loop's own iterator variable, in the test of the
 * for statement that declares it, is edited, and only when the file does
 * not name the helper already (wanted()).
 *
 * The same pass makes a for-of over `arguments` work: Duktape's arguments
 * objects have no [Symbol.iterator] (the specification gives them
 * %Array.prototype.values%), so the loop's `arguments[Symbol.iterator]()`
 * becomes `[].values.call(arguments)`, padded to its length (in strict
 * code, which the bundle is, `arguments` is always the function's own);
 * so does the loop over the `_arguments` variable that SWC makes for an
 * arrow function's `arguments` (every declaration of the name in the file
 * being `_arguments = arguments`).
 */
'use strict';

const walk = require('acorn-walk');
const { isName } = require('./edits');

/* `.next()` is seven characters, as are the helper's name, `(` and `)`:
 * the name has five */
const HELPER = '_fcwS';

/* A cheap test of the lowered code: whether it may have such a loop. */
const TEST = /\(_step\d* = _iterator\d*\.next\(\)\)\.done/;

function wanted(code) {
    return TEST.test(code) && !code.includes(HELPER);
}

/* The declaration for the bundle's first line (no newline). */
function declaration() {
    return `var ${HELPER} = typeof __fcw_helpers === "object" && __fcw_helpers !== null && ` +
        '__fcw_helpers.iterStep || function (it) { return it.next(); };';
}

/* The call `I.next()` of the for statement `node`'s test
 * `!(N = (S = I.next()).done)`, where I is the first variable its init
 * declares; or null. */
function stepCall(node) {
    const init = node.init;
    if (!init || init.type !== 'VariableDeclaration' || init.declarations.length === 0) {
        return null;
    }
    const iterator = init.declarations[0].id;
    const test = node.test;
    if (!test || test.type !== 'UnaryExpression' || test.operator !== '!') {
        return null;
    }
    const completion = test.argument;
    if (completion.type !== 'AssignmentExpression' || completion.operator !== '=' ||
        completion.right.type !== 'MemberExpression' || completion.right.computed ||
        !isName(completion.right.property, 'done')) {
        return null;
    }
    const step = completion.right.object;
    if (step.type !== 'AssignmentExpression' || step.operator !== '=' || step.left.type !== 'Identifier') {
        return null;
    }
    const call = step.right;
    if (call.type !== 'CallExpression' || call.arguments.length !== 0 || call.callee.type !== 'MemberExpression' ||
        call.callee.computed || !isName(call.callee.property, 'next') || !isName(call.callee.object, iterator.name)) {
        return null;
    }
    return call;
}

/* `arguments`, and the names `_argumentsN` of the file (SWC's, for an
 * arrow function's `arguments`) that are only ever declared as `NAME =
 * arguments` and never assigned or bound otherwise. */
function argumentsNames(ast) {
    const names = new Map([['arguments', true]]);
    const swcName = /^_arguments\d*$/;
    walk.full(ast, (node) => {
        if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && swcName.test(node.id.name)) {
            const plain = !!node.init && isName(node.init, 'arguments');
            names.set(node.id.name, names.has(node.id.name) ? names.get(node.id.name) && plain : plain);
        } else if (node.type === 'AssignmentExpression' && node.left.type === 'Identifier' &&
            swcName.test(node.left.name)) {
            names.set(node.left.name, false);
        } else if (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' ||
            node.type === 'CatchClause') {
            (node.type === 'CatchClause' ? [node.param] : node.params.concat(node.id ? [node.id] : []))
                .forEach((p) => p && p.type === 'Identifier' && swcName.test(p.name) && names.set(p.name, false));
        }
    });
    return new Set([...names].filter(([, plain]) => plain).map(([name]) => name));
}

/* The loop's `arguments[Symbol.iterator]()` (or over a name of
 * argumentsNames), the init of the for statement `node` whose step
 * stepCall found; or null. */
function argumentsIterator(node, names) {
    const init = node.init.declarations[0].init;
    if (!init || init.type !== 'CallExpression' || init.arguments.length !== 0) {
        return null;
    }
    const member = init.callee;
    if (member.type !== 'MemberExpression' || !member.computed || member.object.type !== 'Identifier' ||
        !names.has(member.object.name) ||
        member.property.type !== 'MemberExpression' || member.property.computed ||
        !isName(member.property.object, 'Symbol') || !isName(member.property.property, 'iterator')) {
        return null;
    }
    return init;
}

/* Same-length edits [start, end, text] of `code` (parsed as `ast`). */
function forOfEdits(ast, code) {
    const edits = [];
    let names = null;
    walk.simple(ast, {
        ForStatement(node) {
            const call = stepCall(node);
            if (call === null) {
                return;
            }
            if (names === null) {
                names = /\barguments\[Symbol\.iterator\]\(\)|\b_arguments\d*\[Symbol\.iterator\]\(\)/.test(code) ? argumentsNames(ast) : new Set();
            }
            const args = argumentsIterator(node, names);
            if (args !== null) {
                const text = `[].values.call(${args.callee.object.name})`;
                if (args.end - args.start >= text.length) {
                    edits.push([args.start, args.end, text + ' '.repeat(args.end - args.start - text.length)]);
                }
            }
            const text = `${HELPER}(${call.callee.object.name})`;
            const length = call.end - call.start;
            if (text.length > length) {
                return;
            }
            edits.push([call.start, call.end, text + ' '.repeat(length - text.length)]);
        }
    });
    return edits;
}

module.exports = { forOfEdits, declaration, wanted, HELPER };
