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
const { blank, isName, isCallOf } = require('./edits');

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

/* ---- the whole statement. When the call is what a function F returns,
 *
 *     return _async_to_generator(function() {
 *         var a, b;
 *         return _ts_generator(this, function(_state) { ... });
 *     })();
 *
 * the function in the middle exists only to hold the body's variables for
 * the call. The statement becomes a block whose `var` is F's own (F's
 * scope is as new each call, and nothing else in F sees the names):
 *
 *     {
 *         var a, b;
 *         return _fcw_async_gen     (function(_state) { ... });
 *     }
 *
 * with the helper declared as the runtime's `__fcw_helpers.asyncGen`
 * (js/15-build-helpers.js), which makes the generator (with no `this`, as
 * the middle function had none) and starts it: one closure less per call.
 * Only when the middle function is exactly that, the statement is directly
 * in F's body, and no name of it is a parameter, a name declared in F's
 * body, F's own name or `arguments`. */
const GEN_HELPER = '_fcw_async_gen';
const GENERATOR = '_ts_generator';

/* On top of wanted(), which the caller has checked. */
function genWanted(lowered) {
    const swc = HELPERS.find((h) => h.name === GENERATOR);
    return swc.opening.test(lowered) && lowered.indexOf(GEN_HELPER) < 0;
}

/* Its fallback is written so that the edits leave it alone. */
function genDeclaration() {
    return `var ${GEN_HELPER} = typeof __fcw_helpers === "object" && __fcw_helpers !== null && ` +
        `__fcw_helpers.asyncGen || function (body) { var run = ${ASYNC}(function () { ` +
        `return ${GENERATOR}(this, body); }); return run(); };`;
}

function isFunction(node) {
    return node && (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression');
}

/* The names a function's body declares at its top level. */
function topLevelNames(fn) {
    const names = new Set(fn.params.map((p) => p.name));
    if (fn.id) {
        names.add(fn.id.name);
    }
    names.add('arguments');
    for (const st of fn.body.body) {
        if (st.type === 'VariableDeclaration') {
            st.declarations.forEach((d) => names.add(d.id.name));
        } else if (st.type === 'FunctionDeclaration') {
            names.add(st.id.name);
        }
    }
    return names;
}

/* The pieces of the middle function `fn` when it is exactly var
 * declarations without values and `return _ts_generator(this, BODY)`. */
function middleParts(fn) {
    if (fn.params.length !== 0 || fn.id) {
        return null;
    }
    const body = fn.body.body;
    const ret = body[body.length - 1];
    const vars = [];
    for (const st of body.slice(0, -1)) {
        if (st.type !== 'VariableDeclaration' || st.kind !== 'var' || st.declarations.some((d) => d.init !== null)) {
            return null;
        }
        st.declarations.forEach((d) => vars.push(d.id.name));
    }
    if (!ret || ret.type !== 'ReturnStatement' || !ret.argument || ret.argument.type !== 'CallExpression') {
        return null;
    }
    const call = ret.argument;
    if (!isName(call.callee, GENERATOR) || call.arguments.length !== 2 ||
        call.arguments[0].type !== 'ThisExpression' || call.arguments[1].type !== 'FunctionExpression') {
        return null;
    }
    return { vars, ret, body: call.arguments[1] };
}

/* Same-length edits [start, end, text] of `code` (parsed as `ast`), and the
 * offsets where lib/non-constructors.js's marks must not go (the body of a
 * middle function that is gone). `gen`: the statement rewrite too. */
function asyncRunEdits(ast, code, gen) {
    const edits = [];
    const unmarked = new Set();
    walk.ancestor(ast, {
        CallExpression(node, ancestors) {
            const inner = node.callee;
            if (node.arguments.length !== 0 || !isCallOf(inner, ASYNC) ||
                inner.arguments.length !== 1 || inner.arguments[0].type !== 'FunctionExpression') {
                return;
            }
            const middle = inner.arguments[0];
            const n = ancestors.length;
            const ret = ancestors[n - 2], block = ancestors[n - 3], outer = ancestors[n - 4];
            const parts = gen && ret && ret.type === 'ReturnStatement' && ret.argument === node &&
                block && block.type === 'BlockStatement' && isFunction(outer) && outer.body === block
                ? middleParts(middle) : null;
            if (parts) {
                const taken = topLevelNames(outer);
                if (!parts.vars.some((v) => taken.has(v))) {
                    const open = middle.body.start + 1;
                    edits.push([ret.start, open, '{' + blank(code, ret.start + 1, open)]);
                    const head = `return ${GEN_HELPER}(`;
                    const start = parts.ret.start, end = parts.body.start;
                    if (end - start >= head.length) {
                        edits.push([start, end, head + blank(code, start + head.length, end)]);
                        edits.push([middle.body.end - 1, ret.end, '}' + blank(code, middle.body.end, ret.end)]);
                        unmarked.add(open);
                        return;
                    }
                    edits.pop();
                }
            }
            const name = inner.callee;
            edits.push([name.start, name.end, HELPER + ' '.repeat(name.end - name.start - HELPER.length)]);
            edits.push([inner.end, node.end, blank(code, inner.end, node.end)]);
        }
    });
    return { edits, unmarked };
}

module.exports = { asyncRunEdits, declaration, wanted, HELPER, genWanted, genDeclaration, GEN_HELPER };
