// SPDX-License-Identifier: MIT
/*
 * `#x in obj`, the brand check of a private member (ES2022).
 *
 * With privateFieldsAsProperties (lib/es5.js), SWC keeps a private member
 * as a property of the instance under a unique string key,
 * `_x = _class_private_field_loose_key("_x")`, but lowers `#x in obj` to
 * `_x.has(obj)`, as if `_x` were the WeakSet of its other mode: a
 * TypeError ("undefined not callable") wherever it runs. On the ES5
 * output, privateInEdits(ast, code) turns each such call into
 *
 *     _fcw_private_in(_x, obj)
 *
 * (a helper declared in the bundle's first line: a TypeError when obj is
 * no object (fcworker's BigInts are objects: its runtime says which), as
 * `in` throws, else whether obj has the key as an own
 * property, which is where the lowering defines private fields and
 * methods; a static member's check is SWC's own `obj === Class`). Only
 * for the references of a binding only ever written the result of
 * `_class_private_field_loose_key` (not those of another binding of the
 * same name), so that no other `has` is touched.
 * The edit keeps the line (columns move on it). Done with --portable
 * too: it mends the lowering.
 */
'use strict';

const walk = require('acorn-walk');
const { newlines, isName, isCallOf, FUNCTION_TYPES } = require('./edits');
const { references, bindsName } = require('./for-of');

const HELPER = '_fcw_private_in';
const KEY = '_class_private_field_loose_key';

function wanted(code) {
    return code.includes(`${KEY}(`) && code.includes('.has(') && !code.includes(HELPER);
}

/* The declaration for the bundle's first line (no newline). */
function declaration() {
    return `var ${HELPER} = function (key, obj) { ` +
        'if (obj === null || typeof obj !== "object" && typeof obj !== "function" || ' +
        'typeof __fcw_bigint === "object" && __fcw_bigint !== null && __fcw_bigint.isBigInt(obj)) ' +
        'throw new TypeError("Cannot use \'in\' operator to search for a private member in " + ' +
        '(obj === null ? "null" : typeof obj === "object" ? "bigint" : typeof obj)); ' +
        'return {}.hasOwnProperty.call(obj, key); };';
}

/* The scope (function or program, innermost first among ancestors) whose
 * binding of `name` an identifier with these ancestors means. */
function bindingScope(ancestors, name, cache) {
    for (let i = ancestors.length - 2; i >= 0; i--) {
        const a = ancestors[i];
        if (FUNCTION_TYPES.has(a.type) && bindsName(a, name, cache)) {
            return a;
        }
    }
    return ancestors[0];
}

/* Whether the identifier (with its ancestors) is written: assigned,
 * updated, declared with a value, a for-in's variable or a catch
 * parameter; the value written, or undefined when it is no write (null
 * when the value is not an expression of the code). */
function written(node, ancestors) {
    const parent = ancestors[ancestors.length - 2];
    if (parent.type === 'AssignmentExpression' && parent.left === node) {
        return parent.operator === '=' ? parent.right : null;
    }
    if (parent.type === 'UpdateExpression' || (parent.type === 'ForInStatement' && parent.left === node) ||
        (parent.type === 'CatchClause' && parent.param === node)) {
        return null;
    }
    if (parent.type === 'VariableDeclarator' && parent.id === node) {
        const declaration = ancestors[ancestors.length - 3];
        const loop = ancestors[ancestors.length - 4];
        if (loop && loop.type === 'ForInStatement' && loop.left === declaration) {
            return null;
        }
        return parent.init === null ? undefined : parent.init;
    }
    return undefined;
}

/* Edits [start, end, text] of `code` (parsed as `ast`) turning each
 * `KEY.has(obj)` of a private key into a call of the helper: KEY a
 * binding only ever written the result of _class_private_field_loose_key,
 * and that binding's own references only. */
function privateInEdits(ast, code) {
    const cache = new Map();
    const scopes = new Map(); /* scope -> names assigned a key there */
    walk.fullAncestor(ast, (node, _state, ancestors) => {
        const value = node.type === 'Identifier' ? written(node, ancestors) : undefined;
        if (value && isCallOf(value, KEY)) {
            const scope = bindingScope(ancestors, node.name, cache);
            if (!scopes.has(scope)) {
                scopes.set(scope, new Set());
            }
            scopes.get(scope).add(node.name);
        }
    });
    const edits = [];
    for (const [scope, names] of scopes) {
        for (const name of names) {
            const refs = references(scope, name, cache);
            if (refs.some(([node, ancestors]) => {
                const value = written(node, ancestors);
                return value !== undefined && !(value && isCallOf(value, KEY));
            })) {
                continue;
            }
            for (const [node, ancestors] of refs) {
                const member = ancestors[ancestors.length - 2];
                const call = ancestors[ancestors.length - 3];
                if (member.type !== 'MemberExpression' || member.object !== node || member.computed ||
                    !isName(member.property, 'has') || !call || call.type !== 'CallExpression' ||
                    call.callee !== member || call.arguments.length !== 1) {
                    continue;
                }
                const arg = call.arguments[0];
                edits.push([member.start, arg.start, `${HELPER}(${name}, ${newlines(code, member.start, arg.start)}`]);
            }
        }
    }
    return edits;
}

module.exports = { privateInEdits, declaration, wanted, HELPER };
