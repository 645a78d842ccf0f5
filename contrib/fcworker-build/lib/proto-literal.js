// SPDX-License-Identifier: MIT
/*
 * Lowers `__proto__: value` in object literals (ECMAScript Annex B.3.1),
 * which Duktape 2.7 reads as an ordinary property named "__proto__".
 *
 * A pre-pass on esbuild's ES2022 output, before the ES5 lowering: every
 * object literal with a non-computed, non-shorthand, non-method
 * `__proto__: value` (or `"__proto__": value`) property becomes
 *
 *     __fcw_withProto({ a: 1, __fcw_proto__: value, b: 2 })
 *
 * The key is renamed in place, so the properties (spreads included) are
 * created and their values evaluated in the original order, and no text
 * moves to another line. fcworker's runtime helper __fcw_withProto (a
 * non-enumerable global, js/17-proxy.js) removes the renamed property and
 * makes its value the object's prototype when it is an object or null (any
 * other value is ignored, as the literal would); an object given a Proxy as
 * prototype comes back wrapped, so that the proxy's traps run.
 *
 * `["__proto__"]: v` (computed) and `{ __proto__ }` (shorthand) define an
 * own property named "__proto__" in every engine and are left alone.
 *
 * transform(ast, ms, code): `ast` is acorn's Program of `code`
 * (ecmaVersion 'latest', sourceType 'module', locations), `ms` a
 * MagicString of `code` that receives the edits. Returns the number of
 * literals rewritten.
 */
'use strict';

const walk = require('acorn-walk');

const HELPER = '__fcw_withProto';
const PROTO_KEY = '__fcw_proto__';

/* The property of an ObjectExpression that sets its prototype, or null. */
function protoProperty(node) {
    for (const prop of node.properties) {
        if (prop.type !== 'Property' || prop.computed || prop.shorthand || prop.method || prop.kind !== 'init') {
            continue;
        }
        const key = prop.key;
        if ((key.type === 'Identifier' && key.name === '__proto__') ||
            (key.type === 'Literal' && key.value === '__proto__')) {
            return prop;
        }
    }
    return null;
}

function transform(ast, ms, code) {
    if (code.indexOf('__proto__') < 0) {
        return 0;
    }
    let count = 0;
    walk.simple(ast, {
        ObjectExpression(node) {
            const prop = protoProperty(node);
            if (prop === null) {
                return;
            }
            ms.overwrite(prop.key.start, prop.key.end, PROTO_KEY);
            ms.appendLeft(node.start, `${HELPER}(`);
            ms.prependRight(node.end, ')');
            count++;
        }
    });
    return count;
}

module.exports = { transform, HELPER, PROTO_KEY };
