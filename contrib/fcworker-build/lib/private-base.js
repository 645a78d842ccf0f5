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
 * The same holds for an alias of `this` that SWC made for the arrow
 * functions of a function (`var _this = this;`, which nothing assigns
 * again): Hono's Context methods are class fields holding arrows, which
 * check `_this` (`header()` five times for one key); their checks are
 * grouped apart from those of the function's own `this`.
 *
 * Only checks directly in the function (not in a function nested in it),
 * of `this` (or such an alias) and a key named by an identifier of the top level, the helper
 * being the top level's too (names resolved as lib/call-constants.js
 * resolves them: lib/hoist-closures.js's referenceIndex and resolveName);
 * a file that names `_fcwPB` variables already is left alone, and one
 * that binds `Object` gets no check replaced by `this`.
 */
'use strict';

const { fieldDefinition, binds } = require('./private-fields');
const { referenceIndex, resolveName, declaredCache, wrapperOf, functionOf } = require('./hoist-closures');
const { isWrite } = require('./edits');

const HELPER = '_class_private_field_loose_base';
const PREFIX = '_fcwPB';

function wanted(code) {
    return code.includes(HELPER + '(') && !new RegExp(`\\b${PREFIX}\\d`).test(code);
}

/* The helper's checks of `this` at or after `from`, by the function they
 * are made in (directly: a check in a nested function is that one's) and
 * the key's name; helper and key resolve to no function around (the top
 * level, or a global), as call-constants takes a call's name. */
function checksByFunction(wrapper, from) {
    const declared = declaredCache();
    const { byName } = referenceIndex(wrapper, declared);
    const top = (name, scopes) => {
        const where = resolveName(name, scopes, declared);
        return where === null || where === wrapper;
    };
    /* whether name, where scopes see it, is an alias of `this`: SWC's
     * `var _this = this;` of a function around, nothing assigning it */
    const aliases = new Map();
    const thisAlias = (name, scopes) => {
        const where = resolveName(name, scopes, declared);
        if (where === null || where === wrapper || where.type === 'CatchClause') {
            return false;
        }
        if (!aliases.has(where)) {
            aliases.set(where, new Map());
        }
        const known = aliases.get(where);
        if (!known.has(name)) {
            const refs = (byName.get(name) || []).filter((r) => r.where === where);
            const decls = refs.filter((r) => r.parent.type === 'VariableDeclarator' && r.parent.id === r.id);
            known.set(name, decls.length === 1 && decls[0].parent.init !== null &&
                decls[0].parent.init.type === 'ThisExpression' && !refs.some((r) => isWrite(r.id, r.parent)) &&
                !(where.params || []).some((p) => p.name === name));
        }
        return known.get(name);
    };
    const byFunction = new Map();
    /* the helper's calls, from the index (one walk of the tree) */
    for (const { id, parent: call, scopes, where } of byName.get(HELPER) || []) {
        if (!call || call.type !== 'CallExpression' || call.callee !== id ||
            call.start < from || call.arguments.length !== 2 || call.arguments[1].type !== 'Identifier') {
            continue;
        }
        const target = call.arguments[0];
        const self = target.type === 'ThisExpression';
        if (!self && !(target.type === 'Identifier' && thisAlias(target.name, scopes))) {
            continue;
        }
        const fn = functionOf(scopes);
        const key = call.arguments[1].name;
        if (fn === null || !(where === null || where === wrapper) || !top(key, scopes)) {
            continue;
        }
        if (!byFunction.has(fn)) {
            byFunction.set(fn, new Map());
        }
        const byKey = byFunction.get(fn);
        /* (`this` and an alias of it are checked apart: the alias may be
         * another function's `this`) */
        const group = self ? key : `${target.name} ${key}`;
        if (!byKey.has(group)) {
            byKey.set(group, []);
        }
        byKey.get(group).push(call);
    }
    return byFunction;
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

/* Edits [start, end, text] for the checks of `this` at or after `from`
 * (module: whether the script is a module, as wrapperOf takes it). */
function privateBaseEdits(ast, code, from, module) {
    const wrapper = code.includes(HELPER + '(') ? wrapperOf(ast, module) : null;
    if (wrapper === null) {
        return [];
    }
    const edits = [];
    const ownObject = !binds(ast, 'Object');
    let n = 0;
    for (const [fn, checks] of checksByFunction(wrapper, from)) {
        const defined = ownObject ? definedKeys(fn) : new Map();
        const names = [];
        for (const [key, all] of checks) {
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
            continue;
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
    }
    return edits;
}

module.exports = { privateBaseEdits, wanted, HELPER };
