// SPDX-License-Identifier: MIT
/*
 * Function and class names kept through the bundling, as wrangler keeps
 * them (its `keep_names`, on by default).
 *
 * esbuild renames the top-level bindings that collide between modules (a
 * second module's `class ValidationError` becomes `ValidationError2`, and
 * its `this.name = this.constructor.name` says so) and names a class that
 * refers to itself in a lazily initialized module `_Foo`. With its
 * keepNames option it calls its helper `__name(target, "name")` for every
 * function and class whose name the source gives, so that they keep it:
 *
 *     function f() {} __name(f, "f");
 *     const inner = /* @__PURE__ *\/ __name(() => a, "inner");
 *     var C = class { static { __name(this, "C"); } };
 *
 * Nearly all of these give a function the name it has anyway, and each
 * costs a call where the function is made (for a closure, at every call of
 * the function around it). A pre-pass on esbuild's ES2022 output, before
 * the ES5 lowering, blanks those out (offsets stay: it runs first and alone,
 * lib/prepass.js, so that the other passes, bigint's flow of values
 * through functions among them, see no call around a function): a
 * statement `__name(f, "f")` that names a function or class by its own
 * name, a call around a function expression or class whose own name, or
 * the name its position gives it (a variable, an identifier assigned, a
 * property key), is that string, and a static block `static { __name(this,
 * "C"); }` of a class so named; also, whatever the name, the calls in code
 * that runs more than once (in a function, or an instance field's value),
 * but for a class's. What is left runs when the bundle loads and gives the
 * names that the bundling changed (lib/class-names.js leaves a class that
 * such a static block names first alone). The lowering names a function
 * expression after the variable, assignment or property that holds it, as
 * the engine would.
 *
 * Only when `code` defines esbuild's helper (`var __name = (target, value)
 * => __defProp(target, "name", ...)`) and binds `__name` nowhere else.
 *
 * transform(ast, ms, code): `ast` is acorn's Program of `code`, `ms` a
 * MagicString of `code` that receives the edits. Returns the number of
 * calls removed.
 */
'use strict';

const walk = require('acorn-walk');
const { isName, blank, FUNCTION_TYPES } = require('./edits');

const HELPER = '__name';
const DEFINITION = /^var __name = \(target, value\) => __defProp\(target, "name", \{ value, configurable: true \}\);$/m;

/* The helper's call with a string literal name: [target, name] or null. */
function nameCall(node) {
    if (node && node.type === 'CallExpression' && isName(node.callee, HELPER) && node.arguments.length === 2 &&
        node.arguments[1].type === 'Literal' && typeof node.arguments[1].value === 'string') {
        return [node.arguments[0], node.arguments[1].value];
    }
    return null;
}

/* The name a function or class expression gets from where it stands
 * (the parent of the expression), or null. */
function positionName(parent, node) {
    if (!parent) {
        return null;
    }
    if (parent.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier') {
        return parent.id.name;
    }
    if (parent.type === 'AssignmentExpression' && parent.right === node && parent.operator === '=' &&
        parent.left.type === 'Identifier') {
        return parent.left.name;
    }
    if (parent.type === 'Property' && parent.value === node && parent.kind === 'init' && !parent.method &&
        !parent.computed && parent.key.type === 'Identifier') {
        return parent.key.name; // (SWC names no function under a quoted key)
    }
    return null;
}

/* what esbuild writes before each call of the helper around a function */
const PURE = '/* @__PURE__ */ ';

const EXPRESSIONS = new Set(['FunctionExpression', 'ArrowFunctionExpression', 'ClassExpression']);

/* Whether `code` binds `__name` other than by the helper's definition. */
function boundElsewhere(ast) {
    let count = 0;
    const declares = (id) => {
        if (isName(id, HELPER)) {
            count++;
        }
    };
    walk.full(ast, (node) => {
        if (node.type === 'VariableDeclarator') {
            declares(node.id);
        } else if (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' ||
            node.type === 'ClassDeclaration' || node.type === 'ClassExpression') {
            declares(node.id);
            (node.params || []).forEach(declares);
        } else if (node.type === 'ArrowFunctionExpression') {
            node.params.forEach(declares);
        } else if (node.type === 'CatchClause') {
            declares(node.param);
        } else if (node.type === 'ImportSpecifier' || node.type === 'ImportDefaultSpecifier' ||
            node.type === 'ImportNamespaceSpecifier') {
            declares(node.local);
        }
    });
    return count !== 1;
}

/* Whether a function is the wrapper esbuild puts around a lazily
 * initialized module (`__esm({ "a.js"() {...} })`, `__commonJS(...)`): it
 * runs once, as the top level does. */
function moduleWrapper(fn, parent, grandparent, call) {
    return fn.type === 'FunctionExpression' && parent && parent.type === 'Property' && parent.value === fn &&
        grandparent && grandparent.type === 'ObjectExpression' && call && call.type === 'CallExpression' &&
        call.arguments[0] === grandparent && (isName(call.callee, '__esm') || isName(call.callee, '__commonJS'));
}

/* Whether the node last of `ancestors` runs once, when the bundle loads:
 * in no function but a module's wrapper, and in no instance field's
 * value (which runs for each instance). */
function runsOnce(ancestors) {
    for (let i = ancestors.length - 2; i >= 0; i--) {
        const a = ancestors[i];
        if (a.type === 'PropertyDefinition' && !a.static && a.value === ancestors[i + 1]) {
            return false;
        }
        if (FUNCTION_TYPES.has(a.type) && !moduleWrapper(a, ancestors[i - 1], ancestors[i - 2], ancestors[i - 3])) {
            return false;
        }
    }
    return true;
}

/* The name the class last of `ancestors` has without the helper. */
function className(ancestors) {
    const klass = ancestors[ancestors.length - 1];
    return klass.id ? klass.id.name : positionName(ancestors[ancestors.length - 2], klass);
}

function transform(ast, ms, code) {
    if (!DEFINITION.test(code) || boundElsewhere(ast)) {
        return 0;
    }
    /* blanked (columns and lines stay), keeping what other passes insert
     * at either end */
    const drop = (start, end) => ms.update(start, end, blank(code, start, end));
    let dropped = 0;
    walk.ancestor(ast, {
        ExpressionStatement(node, ancestors) {
            const call = nameCall(node.expression);
            if (!call) {
                return;
            }
            const [target, name] = call;
            const parent = ancestors[ancestors.length - 2];
            if (target.type === 'Identifier') {
                if (target.name === name || !runsOnce(ancestors)) {
                    drop(node.start, node.end); // __name(f, "f");
                    dropped++;
                }
            } else if (target.type === 'ThisExpression' && parent.type === 'StaticBlock' && parent.body.length === 1 &&
                className(ancestors.slice(0, -3)) === name) { // class, body, block, statement
                drop(parent.start, parent.end); // static { __name(this, "C"); }
                dropped++;
            }
        },
        CallExpression(node, ancestors) {
            const call = nameCall(node);
            if (!call || !EXPRESSIONS.has(call[0].type)) {
                return;
            }
            const [fn, name] = call;
            const own = fn.id ? fn.id.name : positionName(ancestors[ancestors.length - 2], node);
            if (own === name || (fn.type !== 'ClassExpression' && !runsOnce(ancestors))) {
                const pure = code.lastIndexOf(PURE, node.start);
                drop(pure >= 0 && pure + PURE.length === node.start ? pure : node.start, fn.start);
                drop(fn.end, node.end);
                dropped++;
            }
        }
    });
    return dropped;
}

module.exports = { transform, HELPER };
