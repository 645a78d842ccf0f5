// SPDX-License-Identifier: MIT
/*
 * A private member of `this` read or written more than once in a function
 * checks its brand once.
 *
 * With privateFieldsAsProperties (lib/es5.js), SWC writes each `this.#x`
 * as `_class_private_field_loose_base(this, _x)[_x]`: the helper throws a
 * TypeError unless `this` has the field as an own property, and returns
 * `this`. fcworker's runtime makes it a native (`__fcw_helpers.privateBase`)
 * and each call still costs Duktape a native call, about 1,800
 * instructions where the property read costs 200; Hono's Context getters
 * read their field twice (`this.#req ??= ...; return this.#req`), some
 * thirty times per request.
 *
 * `this` is the same throughout a call of a function, and an own private
 * field, once there, stays (no delete of a private member exists). So
 * within one function, once the check of `this` for key K has passed, the
 * next for K would pass too. privateBaseEdits(ast, code, from) gives each
 * function that makes two or more checks of `this` for the same key a
 * local variable per key, `_fcwPBn`, and writes each check as
 *
 *     (_fcwPBn || (_fcwPBn = _class_private_field_loose_base(this, _x)))
 *
 * The first check that runs makes the call (and throws as before); a check
 * that threw leaves the variable undefined, so the next one calls again.
 * The variable is declared after the function's directives (`var _fcwPBn;`
 * on the same line: no line moves).
 *
 * A check that follows, in a constructor's body, the statement that
 * defines the field on `this` (SWC's `Object.defineProperty(this, _x,
 * { writable: true, value: v })`, a statement of the body itself: nothing
 * after it runs unless it did) is not made at all: it is `this` (Hono's
 * Context sets five of its fields so).
 *
 * Only checks directly in the function (not in a function nested in it),
 * of `this` and a key named by an identifier the function does not bind
 * itself; a file that binds the helper's name other than at its top
 * level, or names `_fcwPB` variables already, is left alone, and one that
 * binds `Object` gets no check replaced by `this`.
 */
'use strict';

const walk = require('acorn-walk');
const { fieldDefinition, binds } = require('./private-fields');

const HELPER = '_class_private_field_loose_base';
const PREFIX = '_fcwPB';

function wanted(code) {
    return code.includes(HELPER + '(') && !new RegExp(`\\b${PREFIX}\\d`).test(code);
}

function isFunction(node) {
    return node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' ||
        node.type === 'ArrowFunctionExpression';
}

/* The names a function binds: its parameters, and the var, function and
 * catch bindings of its body, nested functions included (over-counting
 * only leaves a check as it is). */
function boundNames(fn) {
    const names = new Set();
    const add = (p) => {
        if (p && p.type === 'Identifier') {
            names.add(p.name);
        }
    };
    fn.params.forEach(add);
    walk.full(fn.body, (node) => {
        if (node.type === 'VariableDeclarator') {
            add(node.id);
        } else if (isFunction(node)) {
            add(node.id);
            node.params.forEach(add);
        } else if (node.type === 'CatchClause') {
            add(node.param);
        }
    });
    return names;
}

/* The helper's checks of `this` directly in fn's body (not in a nested
 * function), keyed by the key's name. */
function checksOf(fn) {
    const byKey = new Map();
    const visit = (node) => {
        if (!node || typeof node.type !== 'string') {
            return;
        }
        if (isFunction(node)) {
            return;
        }
        if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === HELPER &&
            node.arguments.length === 2 && node.arguments[0].type === 'ThisExpression' &&
            node.arguments[1].type === 'Identifier') {
            const key = node.arguments[1].name;
            if (!byKey.has(key)) {
                byKey.set(key, []);
            }
            byKey.get(key).push(node);
        }
        for (const k of Object.keys(node)) {
            const v = node[k];
            if (Array.isArray(v)) {
                v.forEach(visit);
            } else if (v && typeof v.type === 'string' && k !== 'loc') {
                visit(v);
            }
        }
    };
    fn.body.body.forEach(visit);
    return byKey;
}

/* The keys (by name) of the private fields fn's body defines on `this`
 * with statements of its own, each with where its first such statement
 * ends. */
function definedKeys(fn) {
    const keys = new Map();
    for (const stmt of fn.body.body) {
        const call = stmt.type === 'ExpressionStatement' ? stmt.expression : null;
        if (call && call.type === 'CallExpression' && fieldDefinition(call) &&
            call.arguments[0].type === 'ThisExpression' && call.arguments[1].type === 'Identifier' &&
            !keys.has(call.arguments[1].name)) {
            keys.set(call.arguments[1].name, stmt.end);
        }
    }
    return keys;
}

/* Whether the helper's name is bound anywhere but by the top-level
 * function declaration (or var) of the file. */
function helperShadowed(ast) {
    let shadowed = false;
    walk.ancestor(ast, {
        Identifier(node, ancestors) {
            if (node.name !== HELPER || ancestors.length < 2) {
                return;
            }
            const parent = ancestors[ancestors.length - 2];
            const top = ancestors.length === 2 || (ancestors.length === 3 && parent.type === 'VariableDeclarator');
            const declares = (isFunction(parent) && (parent.id === node || parent.params.includes(node))) ||
                (parent.type === 'VariableDeclarator' && parent.id === node) ||
                (parent.type === 'CatchClause' && parent.param === node);
            if (declares && !(top && (parent.type === 'FunctionDeclaration' || parent.type === 'VariableDeclarator'))) {
                shadowed = true;
            }
        }
    });
    return shadowed;
}

/* Insertions [at, at, text] for the checks of `this` at or after `from`. */
function privateBaseEdits(ast, code, from) {
    if (!code.includes(HELPER + '(') || helperShadowed(ast)) {
        return [];
    }
    const edits = [];
    const ownObject = !binds(ast, 'Object');
    let n = 0;
    walk.full(ast, (fn) => {
        if (!(fn.type === 'FunctionDeclaration' || fn.type === 'FunctionExpression') || fn.start < from) {
            return;
        }
        const checks = checksOf(fn);
        if (checks.size === 0) {
            return;
        }
        const bound = boundNames(fn);
        const defined = ownObject ? definedKeys(fn) : new Map();
        const names = [];
        for (const [key, all] of checks) {
            if (bound.has(key)) {
                continue;
            }
            const after = defined.get(key);
            const calls = [];
            for (const call of all) {
                if (after !== undefined && call.start >= after) {
                    edits.push([call.start, call.end, 'this']);
                } else {
                    calls.push(call);
                }
            }
            if (calls.length < 2) {
                continue;
            }
            const name = PREFIX + ++n;
            names.push(name);
            for (const call of calls) {
                edits.push([call.start, call.start, `(${name} || (${name} = `]);
                edits.push([call.end, call.end, '))']);
            }
        }
        if (names.length === 0) {
            return;
        }
        /* after the directives ("use strict", "use duk notail"), which
         * must stay first */
        const body = fn.body;
        let at = body.start + 1;
        for (const stmt of body.body) {
            if (stmt.type !== 'ExpressionStatement' || typeof stmt.directive !== 'string') {
                break;
            }
            at = stmt.end;
        }
        edits.push([at, at, ` var ${names.join(', ')};`]);
    });
    return edits;
}

module.exports = { privateBaseEdits, wanted, HELPER };
