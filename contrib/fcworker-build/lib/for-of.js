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
const { isName, isReference, FUNCTION_TYPES } = require('./edits');
const { declaredNames } = require('./hoist-closures');

/* `.next()` is seven characters, as are the helper's name, `(` and `)`:
 * the name has five */
const HELPER = '_fcwS';
/* the test of whether a loop may index its array (the index form, below) */
const FAST = '_fcwF';

/* A cheap test of the lowered code: whether it may have such a loop. */
const TEST = /\(_step\d* = _iterator\d*\.next\(\)\)\.done/;

function wanted(code) {
    return TEST.test(code) && !code.includes(HELPER) && !code.includes(FAST) && !/\b_fcw[AI]_iterator/.test(code);
}

/* The declaration for the bundle's first line (no newline). */
function declaration() {
    return `var ${HELPER} = typeof __fcw_helpers === "object" && __fcw_helpers !== null && ` +
        '__fcw_helpers.iterStep || function (it) { return it.next(); }; ' +
        `var ${FAST} = typeof __fcw_helpers === "object" && __fcw_helpers !== null && ` +
        '__fcw_helpers.iterFast || function () {};';
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
    const object = iteratedObject(init);
    return object !== null && object.type === 'Identifier' && names.has(object.name) ? init : null;
}

/* The X of the call `X[Symbol.iterator]()` that init is, or null. */
function iteratedObject(init) {
    if (!init || init.type !== 'CallExpression' || init.arguments.length !== 0) {
        return null;
    }
    const member = init.callee;
    if (member.type !== 'MemberExpression' || !member.computed ||
        member.property.type !== 'MemberExpression' || member.property.computed ||
        !isName(member.property.object, 'Symbol') || !isName(member.property.property, 'iterator')) {
        return null;
    }
    return member.object;
}

/* ---- the index form ---- */

/* Whether the function fn binds `name` itself: a parameter, or a `var` or
 * function declaration of its own body (not of a function inside it). */
function bindsName(fn, name, cache) {
    if (!cache.has(fn)) {
        cache.set(fn, declaredNames(fn));
    }
    return cache.get(fn).has(name);
}

/* The identifiers named `name` that mean the same binding as in `scope`
 * (a function or the program): in it and in the functions inside it that
 * do not bind the name again; each as [node, ancestors]. */
function references(scope, name, cache) {
    const found = [];
    walk.fullAncestor(scope.type === 'Program' ? scope : scope.body, (node, _state, ancestors) => {
        if (node.type !== 'Identifier' || node.name !== name || !isReference(ancestors)) {
            return;
        }
        for (let i = ancestors.length - 2; i >= 0; i--) {
            const a = ancestors[i];
            if (FUNCTION_TYPES.has(a.type) && a !== scope) {
                if (bindsName(a, name, cache) || (a.id && a.id.name === name)) {
                    return;
                }
            }
        }
        found.push([node, ancestors.slice()]);
    });
    return found;
}

/* Whether `expr` (the value assigned by the first statement of a body)
 * reads `member` first: it is the member, or a member chain on it, or a
 * call of a plain name with it as the first argument. */
function leadsWith(expr, member) {
    if (!expr) {
        return false;
    }
    let e = expr;
    while (e.type === 'MemberExpression' && e !== member && !e.computed) {
        e = e.object;
    }
    if (e === member) {
        return true;
    }
    return expr.type === 'CallExpression' && expr.callee.type === 'Identifier' && expr.arguments[0] === member;
}

/* Whether statement `st` first of all reads `member` (`var x = S.value`,
 * `x = S.value`, `o.p = S.value`, `var v = f(S.value, 2)`). */
function statementLeadsWith(st, member) {
    if (!st) {
        return false;
    }
    if (st.type === 'VariableDeclaration') {
        return st.declarations.length > 0 && leadsWith(st.declarations[0].init, member);
    }
    if (st.type === 'ExpressionStatement' && st.expression.type === 'AssignmentExpression' &&
        st.expression.operator === '=') {
        const left = st.expression.left;
        const plain = left.type === 'Identifier' ||
            (left.type === 'MemberExpression' && !left.computed && left.object.type === 'Identifier');
        return plain && leadsWith(st.expression.right, member);
    }
    return false;
}

/* The name of the function a loop body only calls first: `N()` or
 * `var R = N()` as the body (or its block's first statement); or null. */
function loopFunctionName(body) {
    const st = body.type === 'BlockStatement' ? body.body[0] : body;
    let call = null;
    if (st && st.type === 'ExpressionStatement') {
        call = st.expression;
    } else if (st && st.type === 'VariableDeclaration' && st.declarations.length === 1) {
        call = st.declarations[0].init;
    }
    return call && call.type === 'CallExpression' && call.callee.type === 'Identifier' ? call.callee.name : null;
}

/* Whether `ref` (an identifier `S` with its ancestors) is the loop's one
 * read `S.value`, the first thing the loop body does (or the function
 * `_loop` it calls first, for a body whose bindings closures keep). */
function isLeadingRead(ref, loop) {
    const [node, ancestors] = ref;
    const member = ancestors[ancestors.length - 2];
    if (!member || member.type !== 'MemberExpression' || member.object !== node || member.computed ||
        !isName(member.property, 'value')) {
        return false;
    }
    let fn = null;
    for (let i = ancestors.length - 3; i >= 0; i--) {
        if (ancestors[i] === loop) {
            break;
        }
        if (FUNCTION_TYPES.has(ancestors[i].type)) {
            fn = ancestors[i];
            const holder = ancestors[i - 1];
            const name = loopFunctionName(loop.body);
            if (fn.type !== 'FunctionExpression' || !holder || holder.type !== 'VariableDeclarator' ||
                !isName(holder.id, name)) {
                return false;
            }
            break;
        }
    }
    const body = fn !== null ? fn.body : loop.body;
    if (fn === null && !ancestors.includes(loop.body)) {
        return false;
    }
    return body.type === 'BlockStatement' && statementLeadsWith(body.body[0], member);
}

/* Column-changing edits [start, end, text] (no line moves) that give the
 * for statement `node` (whose step stepCall found) the index form, or null:
 *
 *   for (var A = EXPR, X = (I = _fcwF(A)) ? 0 : -1,
 *            I = X ? A[Symbol.iterator]() : I, S;
 *        X < 0 ? !(C = (S = _fcwS(I)).done) && (S = S.value, true)
 *              : !(C = X >= A.length) && (S = A[X++], true); ...)
 *
 * with the body's one read `S.value` made `S`. Over an array that
 * iterFast allows, the loop reads `A.length` and `A[X]` at each step, as
 * the array iterator would, and keeps a stand-in for the iterator that
 * the try around the loop may close; anything else gets its iterator as
 * before. */
function indexForm(node, code, ancestors, cache) {
    const decls = node.init.declarations;
    if (node.init.kind !== 'var' || decls.length !== 2 || decls[1].init !== null || decls[1].id.type !== 'Identifier') {
        return null;
    }
    const I = decls[0].id.name, S = decls[1].id.name;
    const init = decls[0].init;
    if (iteratedObject(init) === null) {
        return null;
    }
    const completion = node.test.argument;
    const step = completion.right.object;
    if (!isName(step.left, S) || completion.left.type !== 'Identifier') {
        return null;
    }
    const C = completion.left.name;
    const open = code.lastIndexOf('[', init.callee.property.start);
    if (open < init.callee.object.end || !/^\[Symbol\.iterator\]\(\)$/.test(code.slice(open, init.end)) ||
        /[\n\r\u2028\u2029]/.test(code.slice(node.test.start, node.test.end)) ||
        /[\n\r\u2028\u2029]/.test(code.slice(decls[0].start, decls[0].id.end))) {
        return null;
    }
    let scope = null;
    for (let i = ancestors.length - 2; i >= 0 && scope === null; i--) {
        if (FUNCTION_TYPES.has(ancestors[i].type) || ancestors[i].type === 'Program') {
            scope = ancestors[i];
        }
    }
    const refs = references(scope, S, cache);
    const others = refs.filter(([n]) => n !== decls[1].id && n !== step.left);
    if (refs.length !== others.length + 2 || others.length !== 1 || !isLeadingRead(others[0], node)) {
        return null;
    }
    const read = others[0][0];
    const A = `_fcwA${I}`, X = `_fcwI${I}`;
    return [
        [decls[0].id.start, decls[0].id.end, A],
        /* (0, f)(...): a constant for fcworker's loader (lib/call-constants.js) */
        [open, init.end, `, ${X} = (${I} = (0, ${FAST})(${A})) ? 0 : -1, ${I} = ${X} ? ${A}[Symbol.iterator]() : ${I}`],
        [node.test.start, node.test.end, `${X} < 0 ? !(${C} = (${S} = (0, ${HELPER})(${I})).done) && (${S} = ${S}.value, true) : ` +
            `!(${C} = ${X} >= ${A}.length) && (${S} = ${A}[${X}++], true)`],
        [read.start, read.end + '.value'.length, S + ' '.repeat('.value'.length)]
    ];
}

/* The edits of `code` (parsed as `ast`): `sameLength`, edits [start, end,
 * text] that keep every line and column (the step through the helper, the
 * array iterator for `arguments`), and `columns`, edits that keep every
 * line (the index form, of the loops it fits). */
function forOfEdits(ast, code) {
    const sameLength = [];
    const columns = [];
    const cache = new Map();
    let names = null;
    walk.ancestor(ast, {
        ForStatement(node, ancestors) {
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
                    sameLength.push([args.start, args.end, text + ' '.repeat(args.end - args.start - text.length)]);
                }
            } else {
                const index = indexForm(node, code, ancestors, cache);
                if (index !== null) {
                    columns.push(...index);
                    return;
                }
            }
            const text = `${HELPER}(${call.callee.object.name})`;
            const length = call.end - call.start;
            if (text.length > length) {
                return;
            }
            sameLength.push([call.start, call.end, text + ' '.repeat(length - text.length)]);
        }
    });
    return { sameLength, columns };
}

module.exports = { forOfEdits, declaration, wanted, references, bindsName, HELPER, FAST };
