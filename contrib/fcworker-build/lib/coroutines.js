// SPDX-License-Identifier: MIT
/*
 * Generators and async functions as coroutines of the runtime.
 *
 * SWC lowers everything to ES5 except generators (its regenerator transform
 * is left out: lib/es5.js): an async function comes out as
 * `_async_to_generator(function* () { ... yield x ... })()`, a generator as
 * `function* g(a) { ... }`. This pass turns both into plain functions whose
 * body runs on a coroutine of the runtime (js/15-build-helpers.js):
 *
 *   function* g(a) { B }
 *     -> function g(a) { return _fcw_co_gen(this, arguments,
 *            function (a) { "use duk notail"; B' }); }
 *   _async_to_generator(function* (p) { B })()           (also .call(T) and
 *     -> _fcw_co_async(void 0, void 0, function (p) {     .apply(this, arguments);
 *            "use duk notail"; B' })                      p: SWC's parameters, often none)
 *
 * (`_fcw_co_now` instead of `_fcw_co_async` when B has no `await` of its
 * own: the body then runs to its end at the call, without a coroutine)
 *
 * where in B' every `yield x` of the body itself (not of a nested
 * function) is `_fcw_yield(x)`, every `yield* x` is `_fcw_yield_star(x)`,
 * and each catch block of a generator starts with `_fcw_co_catch(e);`
 * (a generator's return() unwinds its body with a signal that runs the
 * finally blocks and no catch block). A generator function keeps its
 * `prototype` as before (it has one); the body functions get the
 * non-constructor mark (lib/non-constructors.js). The body runs as the ordinary
 * function it is, its locals in registers: no state machine, no instruction
 * arrays, no scope lookups for the variables the state machine would have
 * hoisted.
 *
 * transform(code) -> { code, map } (map: from the output to `code`), or null
 * when `code` has no generator. The edits never add or remove a line.
 */
'use strict';

const acorn = require('acorn');
const walk = require('acorn-walk');
const MagicString = require('magic-string');
const { DIRECTIVE } = require('./non-constructors');
const { isName, isCallOf } = require('./edits');

const ASYNC_HELPER = '_async_to_generator';

function isFunction(node) {
    return node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration' ||
        node.type === 'ArrowFunctionExpression';
}

/* The yields and catch clauses of a function's own body (not of the
 * functions nested in it). */
function ownNodes(fn) {
    const yields = [];
    const catches = [];
    (function visit(node) {
        if (node !== fn && isFunction(node)) {
            return;
        }
        if (node.type === 'YieldExpression') {
            yields.push(node);
        } else if (node.type === 'CatchClause') {
            catches.push(node);
        }
        for (const key of Object.keys(node)) {
            const value = node[key];
            if (Array.isArray(value)) {
                value.forEach((v) => v && typeof v.type === 'string' && visit(v));
            } else if (value && typeof value.type === 'string') {
                visit(value);
            }
        }
    })(fn.body);
    return { yields, catches };
}

/* `_async_to_generator(function* () {...})` called at once: the call node,
 * with the `this` and arguments text the body runs with. */
function asyncCall(node, code) {
    const direct = node.callee;
    let inner;
    let self;
    let args;
    if (direct.type === 'CallExpression' && node.arguments.length === 0) {
        inner = direct;
        self = 'void 0';
        args = 'void 0';
    } else if (direct.type === 'MemberExpression' && !direct.computed && direct.object.type === 'CallExpression') {
        inner = direct.object;
        const name = direct.property.name;
        if (name === 'call' && node.arguments.length === 1) {
            self = code.slice(node.arguments[0].start, node.arguments[0].end);
            args = 'void 0';
        } else if (name === 'apply' && node.arguments.length === 2 &&
            node.arguments[0].type === 'ThisExpression' && isName(node.arguments[1], 'arguments')) {
            self = 'this';
            args = 'arguments';
        } else {
            return null;
        }
    } else {
        return null;
    }
    if (!isCallOf(inner, ASYNC_HELPER) || inner.arguments.length !== 1) {
        return null;
    }
    const fn = inner.arguments[0];
    if (fn.type !== 'FunctionExpression' || !fn.generator || fn.async || fn.id) {
        return null;
    }
    return { call: node, fn, self, args };
}

/* "function*" (and any space before the star) -> "function" */
function dropStar(ms, code, fn) {
    const head = code.slice(fn.start, fn.body.start);
    const star = head.indexOf('*');
    if (star < 0) {
        throw new Error(`no * in the generator at offset ${fn.start}`);
    }
    ms.remove(fn.start + star, fn.start + star + 1);
    if (!/\s/.test(head[star - 1] || '') && /[\w$]/.test(head[star + 1] || '')) {
        ms.appendLeft(fn.start + star, ' ');
    }
}

/* own: ownNodes(fn), when the caller has it */
function rewriteBody(ms, code, fn, isGenerator, own = ownNodes(fn)) {
    const { yields, catches } = own;
    for (const y of yields) {
        const helper = y.delegate ? '_fcw_yield_star(' : '_fcw_yield(';
        if (y.argument === null) {
            ms.overwrite(y.start, y.end, `${helper})`);
        } else {
            // Only the keyword (the star, the blanks) is replaced: what lies
            // between it and the argument stays, so `yield (a, b)` (a comma
            // expression, which SWC also makes of `await (a, b)`) keeps its
            // parentheses and stays one argument.
            let keywordEnd = y.start + 'yield'.length;
            if (y.delegate) {
                keywordEnd = code.indexOf('*', keywordEnd) + 1;
            }
            while (code[keywordEnd] === ' ' || code[keywordEnd] === '\t') {
                keywordEnd++;
            }
            ms.overwrite(y.start, keywordEnd, helper);
            ms.appendLeft(y.end, ')');
        }
    }
    if (!isGenerator) {
        return;
    }
    for (const c of catches) {
        if (c.param === null) {
            ms.appendLeft(c.body.start, '(_fcw_e) ');
            ms.appendLeft(c.body.start + 1, ' _fcw_co_catch(_fcw_e);');
        } else if (c.param.type === 'Identifier') {
            ms.appendLeft(c.body.start + 1, ` _fcw_co_catch(${c.param.name});`);
        } else {
            throw new Error(`a catch clause with a pattern at offset ${c.start}`);
        }
    }
}

function transform(code) {
    if (!/\bfunction\s*\*/.test(code)) {
        return null;
    }
    const ast = acorn.parse(code, { ecmaVersion: 2022, sourceType: 'script', allowReturnOutsideFunction: true });
    const ms = new MagicString(code);
    const asyncBodies = new Set();
    walk.simple(ast, {
        CallExpression(node) {
            const found = asyncCall(node, code);
            if (found === null) {
                return;
            }
            const { call, fn, self, args } = found;
            asyncBodies.add(fn);
            /* contentOnly: an edit of an enclosing yield at either end
             * stays (acorn-walk visits the inner call first anyway) */
            /* a body without an await of its own runs to its end at the
             * call: no coroutine for it (the runtime's coNow) */
            const own = ownNodes(fn);
            const helper = own.yields.length === 0 ? '_fcw_co_now' : '_fcw_co_async';
            ms.overwrite(call.start, fn.start, `${helper}(${self}, ${args}, `, { contentOnly: true });
            dropStar(ms, code, fn);
            ms.appendLeft(fn.body.start + 1, ` ${DIRECTIVE}`);
            ms.overwrite(fn.end, call.end, ')', { contentOnly: true });
            rewriteBody(ms, code, fn, false, own);
        }
    });
    const generators = [];
    walk.full(ast, (node) => {
        if ((node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration') && node.generator) {
            if (node.async) {
                throw new Error(`an async generator left by the lowering at offset ${node.start}`);
            }
            if (!asyncBodies.has(node)) {
                generators.push(node);
            }
        }
    });
    for (const fn of generators) {
        dropStar(ms, code, fn);
        /* the body takes the parameters again (called with the same
         * arguments, it has them in registers), unless they are not plain
         * names on one line: it then sees the generator function's own */
        let params = fn.params.length > 0 ? code.slice(fn.params[0].start, fn.params[fn.params.length - 1].end) : '';
        if (/\n/.test(params) || fn.params.some((p) => p.type !== 'Identifier')) {
            params = '';
        }
        ms.appendLeft(fn.body.start + 1,
            ` return _fcw_co_gen(this, arguments, function (${params}) { ${DIRECTIVE}`);
        ms.prependRight(fn.body.end - 1, '}); ');
        rewriteBody(ms, code, fn, true);
    }
    return { code: ms.toString(), map: ms.generateMap({ hires: true, includeContent: false }) };
}

/* The declarations of the helpers the output calls: the runtime's, or where
 * there is no runtime (Node, workerd), functions that say so. */
function declaration() {
    const missing = 'function () { throw new Error("this script was built by fcworker-build for fcworker: it needs fcworker\'s runtime"); }';
    return `var _fcw_co = typeof __fcw_helpers === "object" && __fcw_helpers !== null && __fcw_helpers.coGen !== void 0 ? __fcw_helpers : null; ` +
        `var _fcw_co_gen = _fcw_co ? _fcw_co.coGen : ${missing}, _fcw_co_async = _fcw_co ? _fcw_co.coAsync : _fcw_co_gen, ` +
        '_fcw_co_now = _fcw_co ? _fcw_co.coNow || _fcw_co.coAsync : _fcw_co_gen, ' +
        '_fcw_yield = _fcw_co ? _fcw_co.coYield : _fcw_co_gen, _fcw_yield_star = _fcw_co ? _fcw_co.coYieldStar : _fcw_co_gen, ' +
        '_fcw_co_catch = _fcw_co ? _fcw_co.coCatch : _fcw_co_gen;';
}

module.exports = { transform, declaration };
