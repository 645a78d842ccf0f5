// SPDX-License-Identifier: MIT
/*
 * The private class fields of the lowered code, defined through one helper.
 *
 * With privateFieldsAsProperties (lib/es5.js), SWC defines each private
 * field of an instance in its constructor as
 *
 *     Object.defineProperty(this, _key, {
 *         writable: true,
 *         value: VALUE
 *     });
 *
 * (`_this` for `this` in a derived class).
 * A Hono Context has a dozen such fields, made for every request, and each
 * costs Duktape a lookup of the global `Object` through every scope in
 * between, a descriptor object, and the six property reads that validate
 * it. On the ES5 output, privateFieldEdits(ast, code) turns each such call
 * into
 *
 *     _fcw_private_field   (this, _key,
 *
 *                VALUE
 *              );
 *
 * by same-length edits (so no line or column moves and the map holds); any
 * call of Object.defineProperty with a literal { writable: true, value: X }
 * descriptor is the same call of the helper (the arguments are evaluated in
 * the same order, and the helper defines the same property), and
 * fcworker-build declares the helper in the bundle's first line (see
 * declaration()): the runtime's native form (`__fcw_helpers.privateField`,
 * lib/api_builtins.c), or, where the bundle runs without fcworker's
 * runtime, a function that makes the same Object.defineProperty call. That
 * is done only when the lowered code does not name the helper itself
 * (wanted()), and the edits only when no binding in the file is named
 * `Object` (so that the call is the built-in's).
 */
'use strict';

const walk = require('acorn-walk');
const { blank, isName } = require('./edits');

const HELPER = '_fcw_private_field';

/* A cheap test of the lowered code: whether it may have such a call. */
const TEST = /Object\.defineProperty\([^\n]*\{\n\s*writable: true,\n\s*value: /;

/* The declaration for the bundle's first line (no newline). Its own
 * descriptor lists `value` first, so that the edits leave it alone. */
function declaration() {
    return `var ${HELPER} = typeof __fcw_helpers === "object" && __fcw_helpers !== null && ` +
        '__fcw_helpers.privateField || function (obj, key, value) { ' +
        'return Object.defineProperty(obj, key, { value: value, writable: true }); };';
}


/* Whether the file binds `name` anywhere (ES5: declarations, function names
 * and parameters, catch parameters). */
function binds(ast, name) {
    let found = false;
    walk.full(ast, (node) => {
        if ((node.type === 'VariableDeclarator' && isName(node.id, name)) ||
            ((node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression') &&
             (isName(node.id, name) || node.params.some((p) => isName(p, name)))) ||
            (node.type === 'CatchClause' && isName(node.param, name))) {
            found = true;
        }
    });
    return found;
}

function plainKey(prop, name) {
    return prop.type === 'Property' && prop.kind === 'init' && !prop.computed && !prop.method &&
        !prop.shorthand && isName(prop.key, name);
}

/* The descriptor object of SWC's private field: exactly
 * { writable: true, value: X }. */
function fieldDescriptor(node) {
    if (!node || node.type !== 'ObjectExpression' || node.properties.length !== 2) {
        return null;
    }
    const [writable, value] = node.properties;
    if (!plainKey(writable, 'writable') || writable.value.type !== 'Literal' || writable.value.value !== true ||
        !plainKey(value, 'value')) {
        return null;
    }
    return { writable, value };
}

/* The descriptor's properties (as fieldDescriptor) of a call
 * `Object.defineProperty(X, K, { writable: true, value: V })`, else null. */
function fieldDefinition(node) {
    const callee = node.callee;
    if (node.type !== 'CallExpression' || callee.type !== 'MemberExpression' || callee.computed ||
        !isName(callee.object, 'Object') || !isName(callee.property, 'defineProperty') || node.arguments.length !== 3) {
        return null;
    }
    return fieldDescriptor(node.arguments[2]);
}

/* Whether the lowered code (before the wrapper) may use the helper: it
 * may have such a call and does not name the helper itself. */
function wanted(lowered) {
    return TEST.test(lowered) && lowered.indexOf(HELPER) < 0;
}

/* Same-length edits [start, end, text] of `code` (parsed as `ast`; its
 * first line declares the helper) that make each private field definition
 * a call of the helper; none when the file binds `Object`. */
function privateFieldEdits(ast, code) {
    if (!TEST.test(code) || binds(ast, 'Object')) {
        return [];
    }
    const edits = [];
    walk.simple(ast, {
        CallExpression(node) {
            const fields = fieldDefinition(node);
            const callee = node.callee;
            const desc = node.arguments[2];
            const width = callee.end - callee.start;
            if (!fields || width < HELPER.length) {
                return;
            }
            edits.push([callee.start, callee.end, HELPER + ' '.repeat(width - HELPER.length)]);
            edits.push([desc.start, desc.start + 1, ' ']);
            edits.push([fields.writable.start, fields.value.value.start,
                blank(code, fields.writable.start, fields.value.value.start)]);
            edits.push([fields.value.value.end, desc.end, blank(code, fields.value.value.end, desc.end)]);
        }
    });
    return edits;
}

module.exports = { privateFieldEdits, fieldDefinition, binds, declaration, wanted, HELPER };
