// SPDX-License-Identifier: MIT
/*
 * Marks the functions that the source does not make constructors, so that
 * fcworker gives them no `prototype` object. ES5 has only one kind of
 * function: after the lowering, an arrow function, a method or an async
 * function is a `function` like any constructor, and Duktape gives every
 * closure of it a fresh `prototype` object whose `constructor` points
 * back, a cycle that only mark-and-sweep frees. Apps make dozens of such
 * closures per request (Hono's Context alone has a dozen arrow-valued class
 * fields).
 *
 * The mark is the directive "use duk notail" first in the function's body:
 * Duktape's compiler records it as a flag of the function template, and
 * fcworker's loader (fcw_duk_apply_marks, lib/duk_hooks.c) turns the flag
 * into what the source meant: no [[Construct]] and no `prototype` (`new`
 * throws a TypeError, as for these functions in any engine), no binding of
 * the function's own name around its body (an arrow function has none; SWC
 * names the lowered function after its variable for its `name`), and tail
 * calls as before. Other engines ignore the directive.
 *
 * Two passes, because the lowering turns arrows and async functions into
 * plain functions:
 *   - transform(ast, ms, code), a source pre-pass (lib/prepass.js) on
 *     esbuild's ES2022 output, marks arrow functions and methods and
 *     accessors of object literals and classes (not constructors, not async
 *     functions or generators, whose bodies SWC moves into a state machine;
 *     an expression body becomes `{ "use duk notail"; return EXPR }`);
 *   - loweredMarks(ast, code), on the ES5 output, finds the functions of
 *     SWC's async and generator lowering: the function given to
 *     `_async_to_generator`, the body given to `_ts_generator(this, ...)`,
 *     and the function whose body only returns an `_async_to_generator`
 *     call or (lib/coroutines.js) an `_fcw_co_async` or `_fcw_co_now` call (the lowered
 *     async function itself) unless it is a named
 *     function expression whose body refers to its name, and the functions
 *     of SWC's block scoping (`var _loop = function (...) { ... }`, one
 *     per loop whose body's bindings a closure captures, made at every
 *     call of the function around the loop): any anonymous function
 *     expression that is the value of a `var` whose name the script only
 *     ever calls (`_loop(...)`), never reads otherwise, assigns or
 *     declares as anything else (callOnlyFunctions). It returns the
 *     positions just after their bodies' `{` where the directive goes.
 */
'use strict';

const walk = require('acorn-walk');
const { isCallOf } = require('./edits');

const DIRECTIVE = '"use duk notail";';

/* The offset of the first token of an arrow function's expression body
 * (the body itself, or a parenthesis around it), after the `=>`: scans
 * from its last parameter (or its start) over white space, comments and
 * parentheses to the `=>`, then over white space and comments. -1 if not
 * found. */
function bodyToken(node, code) {
    let i = node.params.length > 0 ? node.params[node.params.length - 1].end : node.start;
    let arrow = false;
    while (i < node.body.start) {
        const c = code[i];
        if (c === '/' && code[i + 1] === '*') {
            const close = code.indexOf('*/', i + 2);
            i = close < 0 ? node.body.start : close + 2;
        } else if (c === '/' && code[i + 1] === '/') {
            const nl = code.indexOf('\n', i + 2);
            i = nl < 0 ? node.body.start : nl + 1;
        } else if (!arrow && c === '=' && code[i + 1] === '>') {
            arrow = true;
            i += 2;
        } else if (arrow && !/\s/.test(c)) {
            return i;
        } else {
            i++;
        }
    }
    return arrow ? node.body.start : -1;
}

function markBlock(ms, body) {
    ms.appendLeft(body.start + 1, ` ${DIRECTIVE}`);
}

function transform(ast, ms, code) {
    let count = 0;
    walk.simple(ast, {
        ArrowFunctionExpression(node) {
            if (node.async) {
                return;
            }
            if (node.body.type === 'BlockStatement') {
                markBlock(ms, node.body);
            } else {
                /* `return` on the body's first token's line: no line
                 * break may follow it */
                const at = bodyToken(node, code);
                if (at < 0) {
                    return;
                }
                ms.appendLeft(at, `{ ${DIRECTIVE} return `);
                ms.appendRight(node.end, ' }');
            }
            count++;
        },
        Property(node) {
            if ((node.method || node.kind === 'get' || node.kind === 'set') && plain(node.value)) {
                markBlock(ms, node.value.body);
                count++;
            }
        },
        MethodDefinition(node) {
            if (node.kind !== 'constructor' && plain(node.value)) {
                markBlock(ms, node.value.body);
                count++;
            }
        }
    });
    return count;
}

/* A method that is neither async nor a generator. */
function plain(fn) {
    return fn && !fn.async && !fn.generator && fn.body && fn.body.type === 'BlockStatement';
}

/* The function given to SWC's helpers: `_async_to_generator(function ...)`
 * and `_ts_generator(this, function (_state) ...)`. */
function helperArgument(node) {
    if (isCallOf(node, '_async_to_generator') && node.arguments.length === 1 &&
        node.arguments[0].type === 'FunctionExpression') {
        return node.arguments[0];
    }
    if (isCallOf(node, '_ts_generator') && node.arguments.length === 2 &&
        node.arguments[0].type === 'ThisExpression' && node.arguments[1].type === 'FunctionExpression') {
        return node.arguments[1];
    }
    return null;
}

/* `_async_to_generator(...)()`, or `.call(...)`/`.apply(...)` of it. (A
 * lowered generator function keeps its `prototype`: a generator function
 * has one, if not the object its generators inherit from.) */
function isLoweredReturn(expr) {
    if (!expr || expr.type !== 'CallExpression') {
        return false;
    }
    let callee = expr.callee;
    if (callee.type === 'MemberExpression' && !callee.computed &&
        (callee.property.name === 'call' || callee.property.name === 'apply')) {
        callee = callee.object;
    }
    return isCallOf(callee, '_async_to_generator') && helperArgument(callee) !== null ||
        (isCallOf(expr, '_fcw_co_async') || isCallOf(expr, '_fcw_co_now')) && expr.arguments.length === 3;
}

/* A function whose body is `var` declarations without values and one
 * `return` of a lowered async function: the async function itself. */
function isLoweredFunction(fn) {
    const body = fn.body.body;
    if (body.length === 0) {
        return false;
    }
    for (let i = 0; i < body.length - 1; i++) {
        if (body[i].type !== 'VariableDeclaration' || body[i].declarations.some((d) => d.init !== null)) {
            return false;
        }
    }
    const last = body[body.length - 1];
    return last.type === 'ReturnStatement' && isLoweredReturn(last.argument);
}

/* Whether a function's body has an identifier of one of these names (in
 * any function nested in it too: conservatively). */
function bodyNames(fn, names) {
    let found = false;
    walk.full(fn.body, (node) => {
        if (node.type === 'Identifier' && names.includes(node.name)) {
            found = true;
        }
    });
    return found;
}

/* Whether a named function expression's body refers to an identifier
 * named like it (or calls eval, which could). */
function refersToName(fn) {
    return bodyNames(fn, [fn.id.name, 'eval']);
}

/* Whether a function's body names `arguments` (its own or a nested
 * function's). */
function usesArguments(fn) {
    return bodyNames(fn, ['arguments']);
}

/* The anonymous function expressions that are the values of `var`
 * declarations whose name is used in the whole script only as the callee of
 * a call: nothing can construct them or read their `prototype`. Names are
 * taken across scopes, so a name used otherwise anywhere (a parameter, an
 * assignment, a read, a declaration of another value) disqualifies all
 * its functions; so does a function that reads `arguments` (whose `callee`
 * is the function itself). */
function callOnlyFunctions(ast) {
    const candidates = new Map();
    const other = new Set();
    walk.ancestor(ast, {
        VariableDeclarator(node) {
            if (node.id.type === 'Identifier' && node.init && node.init.type === 'FunctionExpression' &&
                !node.init.id && !node.init.generator && !node.init.async && !usesArguments(node.init)) {
                const list = candidates.get(node.id.name) || [];
                list.push(node.init);
                candidates.set(node.id.name, list);
            }
        },
        VariablePattern(node, st, ancestors) {
            const parent = ancestors[ancestors.length - 2];
            if (!(parent && parent.type === 'VariableDeclarator' && parent.id === node && parent.init &&
                  parent.init.type === 'FunctionExpression' && !parent.init.id)) {
                other.add(node.name);
            }
        },
        Identifier(node, st, ancestors) {
            const parent = ancestors[ancestors.length - 2];
            if (!(parent && parent.type === 'CallExpression' && parent.callee === node)) {
                other.add(node.name);
            }
        }
    });
    const found = [];
    for (const [name, fns] of candidates) {
        if (!other.has(name)) {
            found.push(...fns);
        }
    }
    return found;
}

/* Positions in `code` (the ES5 output, parsed as `ast`) after the `{` of
 * each function of the async and generator lowering to mark, when the rest of
 * that line is blank (so inserting there moves no mapped column); in
 * increasing order. */
function loweredMarks(ast, code) {
    const at = new Set();
    const mark = (fn) => {
        const p = fn.body.start + 1;
        const nl = code.indexOf('\n', p);
        if (/^[ \t]*$/.test(code.slice(p, nl < 0 ? code.length : nl))) {
            at.add(p);
        }
    };
    walk.simple(ast, {
        CallExpression(node) {
            const fn = helperArgument(node);
            if (fn) {
                mark(fn);
            }
        },
        FunctionDeclaration(node) {
            if (isLoweredFunction(node)) {
                mark(node);
            }
        },
        FunctionExpression(node) {
            if (isLoweredFunction(node) && !(node.id && refersToName(node))) {
                mark(node);
            }
        }
    });
    callOnlyFunctions(ast).forEach(mark);
    return [...at].sort((a, b) => a - b);
}

module.exports = { transform, loweredMarks, callOnlyFunctions, DIRECTIVE };
