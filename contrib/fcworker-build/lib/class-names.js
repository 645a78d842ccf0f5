// SPDX-License-Identifier: MIT
/*
 * The `name` of a class expression that has no name of its own.
 *
 * SWC lowers such a class to a function named `_class` whenever it has no
 * name to give it: always in an anonymous position (`f(class {})`, a mixin's
 * `return class extends Base {}`, a class a decorator returns), and also in
 * a position that names it (`const Q = class { ... }`, `X = class ...`, a
 * property's value, a default value) when the class has static fields or
 * blocks or private members (it then builds the class in a comma
 * expression). So `Q.name`, `this.name` in a static initializer and
 * `instance.constructor.name` said "_class" where every engine says "Q",
 * or "" for an anonymous class. esbuild writes the default export of a
 * module it initializes lazily (one reached by `require()` or `import()`)
 * as `mod_default = class { static x = 1; }`.
 *
 * A pre-pass on esbuild's ES2022 output, before the ES5 lowering: each such
 * class gets a static block first among its static elements (so before any
 * static field reads `this.name`, but after the static methods are defined)
 *
 *     static { Object.getOwnPropertyDescriptor(this, "name").writable === false &&
 *         Object.defineProperty(this, "name", { value: "Q" }); }
 *
 * with the name the position gives it (ECMAScript's NamedEvaluation), "" in
 * an anonymous position. The test leaves a static method or accessor named
 * `name` alone (a method is writable, an accessor has no `writable`). The
 * insertion adds no line. Done with --portable too (elsewhere the block
 * sets the name the class already has).
 *
 * transform(ast, ms, code): `ast` is acorn's Program of `code`, `ms` a
 * MagicString of `code` that receives the edits. Returns the number of
 * classes given a name.
 */
'use strict';

const walk = require('acorn-walk');

const LOGICAL_ASSIGN = new Set(['=', '??=', '||=', '&&=']);

/* The name of a property key, or null when only the run time knows it. */
function keyName(key, computed) {
    if (key.type === 'Identifier' && !computed) {
        return key.name;
    }
    if (key.type === 'PrivateIdentifier') {
        return `#${key.name}`;
    }
    if (key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number')) {
        return String(key.value);
    }
    return null;
}

/* The name the class (last of `ancestors`) gets from its position: "" in
 * an anonymous position, null where it cannot be known here. */
function positionName(ancestors) {
    const node = ancestors[ancestors.length - 1];
    const parent = ancestors[ancestors.length - 2];
    if (node.type === 'ClassDeclaration') {
        return 'default'; // `export default class {}`
    }
    switch (parent && parent.type) {
    case 'VariableDeclarator':
        if (parent.init === node) {
            return parent.id.type === 'Identifier' ? parent.id.name : '';
        }
        break;
    case 'AssignmentExpression':
        if (parent.right === node) {
            return parent.left.type === 'Identifier' && LOGICAL_ASSIGN.has(parent.operator) ? parent.left.name : '';
        }
        break;
    case 'AssignmentPattern':
        if (parent.right === node) {
            return parent.left.type === 'Identifier' ? parent.left.name : '';
        }
        break;
    case 'Property':
        if (parent.value === node && parent.kind === 'init' && !parent.method) {
            return keyName(parent.key, parent.computed);
        }
        break;
    case 'PropertyDefinition':
        if (parent.value === node) {
            return keyName(parent.key, parent.computed);
        }
        break;
    default:
        break;
    }
    return '';
}

/* Whether SWC builds a class named by its position as `_class` anyway. */
function builtApart(node) {
    return node.body.body.some((m) => m.type === 'StaticBlock' ||
        (m.type === 'PropertyDefinition' && m.static) || (m.key && m.key.type === 'PrivateIdentifier'));
}

/* Whether the class's first element is the static block by which
 * esbuild's keepNames names it (`static { __name(this, "X"); }`, left by
 * lib/keep-names.js where the name is not the one it has): it sets the
 * name before anything could read it. */
function namedFirst(node) {
    const first = node.body.body[0];
    if (!first || first.type !== 'StaticBlock' || first.body.length !== 1) {
        return false;
    }
    const e = first.body[0].type === 'ExpressionStatement' && first.body[0].expression;
    return !!e && e.type === 'CallExpression' && e.callee.type === 'Identifier' && e.callee.name === '__name' &&
        e.arguments.length === 2 && e.arguments[0].type === 'ThisExpression';
}

function transform(ast, ms) {
    let count = 0;
    const visit = (node, ancestors) => {
        if (node.id || namedFirst(node)) {
            return;
        }
        const name = positionName(ancestors);
        if (name === null || (name !== '' && !builtApart(node))) {
            return;
        }
        const text = JSON.stringify(name);
        ms.appendLeft(node.body.start + 1, ` static { Object.getOwnPropertyDescriptor(this, "name").writable === false && ` +
            `Object.defineProperty(this, "name", { value: ${text} }); }`);
        count++;
    };
    walk.ancestor(ast, { ClassExpression: visit, ClassDeclaration: visit });
    return count;
}

module.exports = { transform };
