// SPDX-License-Identifier: MIT
/*
 * Default and rest parameters without an arguments object.
 *
 * SWC lowers `function f(x, start = 0)` to
 *
 *     function f(x) {
 *         var start = arguments.length > 1 && arguments[1] !== void 0 ? arguments[1] : 0;
 *
 * (and a parameter after a default one to `arguments.length > 2 ?
 * arguments[2] : void 0`), which keeps f.length at 1 as the specification
 * wants, and `(request, ...rest)` to a loop that copies arguments[1...]
 * into an array. A function that names `arguments` costs Duktape an
 * arguments object and an environment record at every call: some 6,000
 * machine instructions, more than most such functions do (zod calls its
 * `aborted(x, startIndex = 0)` ten times per parsed object; Hono's `fetch`
 * is `(request, ...rest)`).
 *
 * hiddenParamsEdits(ast, code), on the ES5 output, gives such a function
 * the parameters it reads as formals of its own, named `_fcwD$K` for
 * argument K, after the function's formals:
 *
 *     function f(x, _fcwD$1) {
 *         var start = _fcwD$1 !== void 0 ? _fcwD$1 : 0;
 *         ...; return; arguments; }
 *
 * `arguments.length > K && arguments[K] !== void 0 ? arguments[K]` becomes
 * `_fcwD$K !== void 0 ? _fcwD$K`, `arguments.length > K ? arguments[K] :
 * void 0` becomes `_fcwD$K`, and a rest loop whose array is only ever read
 * at constant indexes (`rest[1]`, never written, called as a method, nor
 * passed on) is blanked, each `rest[i]` becoming `_fcwD$(N + i)`. An
 * argument not passed is undefined in both forms, and nothing assigns a
 * `_fcwD$` name. The unreachable `arguments` at the end of the body makes
 * Duktape keep the names of the formals (_Formals); fcworker's loader
 * (apply_formals_mark, lib/duk_hooks.c) then drops the hidden ones from
 * them, so that the function's `length` is what it was, and takes away the
 * arguments object (nothing reads it). Elsewhere (--portable: not done)
 * the function would keep its arguments object and have a longer
 * `length`.
 *
 * Only functions whose every `arguments` is in those forms, with no `eval`
 * in them, not accessors, are edited; and only when the file has no
 * `_fcwD$` name already (wanted()). The edits keep every line (columns move
 * on the edited lines).
 */
'use strict';

const walk = require('acorn-walk');
const { isName, blank, isReference, FUNCTION_TYPES } = require('./edits');

const PREFIX = '_fcwD$';
/* formals beyond this index are left to the arguments object */
const MAX_INDEX = 15;

function wanted(code) {
    return /\barguments\.length > \d/.test(code) && !code.includes(PREFIX);
}

function hidden(k) {
    return PREFIX + k;
}

/* A non-negative integer literal: its value, else -1. */
function index(node) {
    return node && node.type === 'Literal' && typeof node.value === 'number' && Number.isInteger(node.value) &&
        node.value >= 0 ? node.value : -1;
}

function isVoid0(node) {
    return !!node && node.type === 'UnaryExpression' && node.operator === 'void' && index(node.argument) === 0;
}

/* `arguments.length` */
function isArgumentsLength(node) {
    return !!node && node.type === 'MemberExpression' && !node.computed && isName(node.object, 'arguments') &&
        isName(node.property, 'length');
}

/* `arguments[K]`: K, else -1. */
function argumentsIndex(node) {
    return node && node.type === 'MemberExpression' && node.computed && isName(node.object, 'arguments')
        ? index(node.property) : -1;
}

/* `arguments.length > K`: K, else -1. */
function lengthAbove(node) {
    return node && node.type === 'BinaryExpression' && node.operator === '>' && isArgumentsLength(node.left)
        ? index(node.right) : -1;
}

/* The conditional forms of a lowered parameter K, as { k, edit, refs }:
 * `arguments.length > K && arguments[K] !== void 0 ? arguments[K] : D`
 * (its test and consequent rewritten) and `arguments.length > K ?
 * arguments[K] : void 0` (all of it). */
function conditionalForm(node) {
    if (node.type !== 'ConditionalExpression') {
        return null;
    }
    const test = node.test;
    let k = lengthAbove(test);
    if (k >= 0 && argumentsIndex(node.consequent) === k && isVoid0(node.alternate)) {
        return { k, edit: [node.start, node.end, hidden(k)], refs: [test.left.object, node.consequent.object] };
    }
    if (test.type !== 'LogicalExpression' || test.operator !== '&&') {
        return null;
    }
    k = lengthAbove(test.left);
    const check = test.right;
    if (k < 0 || check.type !== 'BinaryExpression' || check.operator !== '!==' || argumentsIndex(check.left) !== k ||
        !isVoid0(check.right) || argumentsIndex(node.consequent) !== k) {
        return null;
    }
    return {
        k,
        edit: [node.start, node.consequent.end, `${hidden(k)} !== void 0 ? ${hidden(k)}`],
        refs: [test.left.left.object, check.left.object, node.consequent.object]
    };
}

/* SWC's rest loop:
 *     for(var _len = arguments.length, REST = new Array(_len > N ? _len - N : 0), _key = N; _key < _len; _key++){
 *         REST[_key - N] = arguments[_key];
 *     }
 * (with N = 0: `new Array(_len)` and `REST[_key]`), as { n, rest, len,
 * key, refs }, else null. */
function restLoop(node) {
    if (node.type !== 'ForStatement' || !node.init || node.init.type !== 'VariableDeclaration' ||
        node.init.declarations.length !== 3) {
        return null;
    }
    const [dLen, dRest, dKey] = node.init.declarations;
    if (!isArgumentsLength(dLen.init) || dRest.init === null || dKey.init === null) {
        return null;
    }
    const len = dLen.id.name;
    const key = dKey.id.name;
    const rest = dRest.id.name;
    const n = index(dKey.init);
    if (n < 0 || len === key || len === rest || key === rest) {
        return null;
    }
    const size = dRest.init;
    if (size.type !== 'NewExpression' || !isName(size.callee, 'Array') || size.arguments.length !== 1) {
        return null;
    }
    const count = size.arguments[0];
    const lenMinusN = (e) => e.type === 'BinaryExpression' && e.operator === '-' && isName(e.left, len) && index(e.right) === n;
    if (n === 0 ? !isName(count, len)
        : !(count.type === 'ConditionalExpression' && count.test.type === 'BinaryExpression' && count.test.operator === '>' &&
            isName(count.test.left, len) && index(count.test.right) === n && lenMinusN(count.consequent) &&
            index(count.alternate) === 0)) {
        return null;
    }
    const test = node.test;
    const update = node.update;
    if (!test || test.type !== 'BinaryExpression' || test.operator !== '<' || !isName(test.left, key) || !isName(test.right, len) ||
        !update || update.type !== 'UpdateExpression' || update.operator !== '++' || !isName(update.argument, key)) {
        return null;
    }
    const body = node.body.type === 'BlockStatement' && node.body.body.length === 1 ? node.body.body[0] : node.body;
    if (body.type !== 'ExpressionStatement') {
        return null;
    }
    const assign = body.expression;
    if (assign.type !== 'AssignmentExpression' || assign.operator !== '=' || assign.left.type !== 'MemberExpression' ||
        !assign.left.computed || !isName(assign.left.object, rest) || assign.right.type !== 'MemberExpression' ||
        !assign.right.computed || !isName(assign.right.object, 'arguments') || !isName(assign.right.property, key)) {
        return null;
    }
    const at = assign.left.property;
    const keyMinusN = at.type === 'BinaryExpression' && at.operator === '-' && isName(at.left, key) && index(at.right) === n;
    if (n === 0 ? !isName(at, key) : !keyMinusN) {
        return null;
    }
    return { n, rest, len, key, refs: [dLen.init.object, assign.right.object] };
}

/* The function (declaration or expression) that an identifier with these
 * ancestors is in, or null at the top. */
function enclosingFunction(ancestors) {
    for (let i = ancestors.length - 2; i >= 0; i--) {
        if (FUNCTION_TYPES.has(ancestors[i].type)) {
            return ancestors[i];
        }
    }
    return null;
}

/* Reads of `rest[i]` that use only the value: not assigned, updated,
 * deleted or called as a method (which would pass the array as `this`). */
function plainRead(member, parent) {
    if (!member.computed || index(member.property) < 0) {
        return false;
    }
    if (!parent) {
        return true;
    }
    return !((parent.type === 'AssignmentExpression' && parent.left === member) ||
        parent.type === 'UpdateExpression' ||
        (parent.type === 'UnaryExpression' && parent.operator === 'delete') ||
        (parent.type === 'CallExpression' && parent.callee === member));
}

/* The identifiers of fn (in it and in the functions inside it) named
 * one of `wanted`, each as [node, ancestors] (ancestors from fn's body). */
function namesIn(fn, wanted) {
    const found = [];
    walk.fullAncestor(fn.body, (node, _state, ancestors) => {
        if (node.type === 'Identifier' && wanted.has(node.name) && isReference(ancestors)) {
            found.push([node, ancestors.slice()]);
        }
    });
    return found;
}

/* The edits [start, end, text] of `code` (parsed as `ast`) that give each
 * function it can its parameters as hidden formals; each keeps lines. */
function hiddenParamsEdits(ast, code) {
    const uses = new Map(); /* function -> its own `arguments` identifiers */
    const skip = new Set(); /* accessors, functions with eval or binding `arguments` */
    const forms = new Map(); /* function -> its conditional forms */
    const loops = new Map(); /* function -> its rest loops */
    const add = (map, fn, item) => (map.has(fn) ? map.get(fn).push(item) : map.set(fn, [item]));
    walk.fullAncestor(ast, (node, _state, ancestors) => {
        const fn = enclosingFunction(ancestors);
        if (node.type === 'Identifier') {
            if (node.name === 'eval') {
                ancestors.forEach((a) => FUNCTION_TYPES.has(a.type) && skip.add(a));
            } else if (node.name === 'arguments' && fn !== null && isReference(ancestors)) {
                const parent = ancestors[ancestors.length - 2];
                if ((parent.type === 'VariableDeclarator' && parent.id === node) ||
                    (FUNCTION_TYPES.has(parent.type) && parent.body !== node) || parent.type === 'CatchClause') {
                    skip.add(fn);
                }
                add(uses, fn, node);
            }
            return;
        }
        if (node.type === 'Property' && (node.kind === 'get' || node.kind === 'set')) {
            skip.add(node.value);
            return;
        }
        if (fn === null) {
            return;
        }
        const form = conditionalForm(node);
        if (form !== null) {
            add(forms, fn, form);
            return;
        }
        const loop = restLoop(node);
        if (loop !== null) {
            loop.node = node;
            add(loops, fn, loop);
        }
    });
    const edits = [];
    for (const [fn, refs] of uses) {
        const fnEdits = skip.has(fn) ? null : editsOf(fn, refs, forms.get(fn) || [], loops.get(fn) || [], code);
        if (fnEdits !== null) {
            edits.push(...fnEdits);
        }
    }
    return edits;
}

/* The edits of one function, or null when some `arguments` of it is in no
 * form above (or a rest array is used otherwise than read at an index). */
function editsOf(fn, refs, forms, loops, code) {
    const covered = new Set();
    const edits = [];
    let top = -1;
    const own = fn.params.length;
    for (const form of forms) {
        if (form.k < own || form.k > MAX_INDEX) {
            return null;
        }
        form.refs.forEach((r) => covered.add(r));
        edits.push(form.edit);
        top = Math.max(top, form.k);
    }
    for (const loop of loops) {
        /* a statement of the body itself, which runs before any read
         * (checked below): the array always exists when it is read */
        if (loop.n !== own || !fn.body.body.includes(loop.node)) {
            return null;
        }
        const inFn = namesIn(fn, new Set([loop.rest, loop.len, loop.key]));
        const inLoop = ([node]) => node.start >= loop.node.start && node.end <= loop.node.end;
        const reads = [];
        for (const entry of inFn) {
            if (inLoop(entry)) {
                continue;
            }
            const [node, ancestors] = entry;
            const member = ancestors[ancestors.length - 2];
            if (node.name !== loop.rest || node.start < loop.node.end || !member || member.type !== 'MemberExpression' ||
                member.object !== node || !plainRead(member, ancestors[ancestors.length - 3])) {
                return null;
            }
            reads.push(member);
        }
        /* in the loop: the three declared, the array's size (`_len`, or
         * `_len > N ? _len - N : 0`), the test's two, the update's one and
         * the body's three */
        const inside = inFn.filter(inLoop).length;
        if (inside !== (loop.n === 0 ? 10 : 11)) {
            return null;
        }
        for (const member of reads) {
            const k = loop.n + member.property.value;
            if (k > MAX_INDEX) {
                return null;
            }
            edits.push([member.start, member.end, hidden(k)]);
            top = Math.max(top, k);
        }
        loop.refs.forEach((r) => covered.add(r));
        edits.push([loop.node.start, loop.node.end, blank(code, loop.node.start, loop.node.end)]);
    }
    if (refs.some((r) => !covered.has(r))) {
        return null;
    }
    /* the formals, after the function's own */
    const list = [];
    for (let k = own; k <= top; k++) {
        list.push(hidden(k));
    }
    if (list.length > 0) {
        if (own > 0) {
            edits.push([fn.params[own - 1].end, fn.params[own - 1].end, ', ' + list.join(', ')]);
        } else {
            const close = code.lastIndexOf(')', fn.body.start);
            const open = code.lastIndexOf('(', close);
            if (close < 0 || open < fn.start || code.slice(close + 1, fn.body.start).trim() !== '' ||
                code.slice(open + 1, close).trim() !== '') {
                return null;
            }
            edits.push([close, close, list.join(', ')]);
        }
    }
    /* never reached: for Duktape to keep the formals' names */
    edits.push([fn.body.end - 1, fn.body.end - 1, '; return; arguments; ']);
    return edits;
}

module.exports = { hiddenParamsEdits, wanted, PREFIX };
