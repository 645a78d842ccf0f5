// SPDX-License-Identifier: MIT
/*
 * Writes free references to the global `undefined` as `(void 0)`, a pass on
 * the lowered ES5 code.
 *
 * Duktape reads `undefined` like any other global name: a walk up every
 * scope of the function and its outer functions, then a lookup on the
 * global object, some 600 machine instructions; `void 0` is one opcode.
 * The ES5 lowering writes `undefined` in every lowered for-of (three times
 * per loop) and in its class and spread helpers, so a hot loop pays it per
 * iteration.
 *
 * Only where it means the same: nothing in the file binds the name (a
 * `var undefined`, a parameter, a function or catch parameter so named), no
 * `with` statement and no direct `eval` could bind it at run time, and the
 * reference is read, not assigned. Otherwise the file is left as it is.
 * `(void 0)` and a space take the nine columns `undefined` took, so lines
 * and columns, and with them the source map, stay as they are.
 *
 * voidUndefined(code[, ast]) returns { code, count }; `ast` is acorn's
 * Program of `code` when the caller has parsed it already.
 */
'use strict';

const acorn = require('acorn');
const walk = require('acorn-walk');

const NAME = 'undefined';
const REPLACEMENT = '(void 0) ';

/* True when a pattern (a parameter or declaration target) binds NAME. */
function bindsName(pattern) {
    if (!pattern) {
        return false;
    }
    switch (pattern.type) {
    case 'Identifier':
        return pattern.name === NAME;
    case 'AssignmentPattern':
        return bindsName(pattern.left);
    case 'RestElement':
        return bindsName(pattern.argument);
    case 'ArrayPattern':
        return pattern.elements.some(bindsName);
    case 'ObjectPattern':
        return pattern.properties.some((p) => bindsName(p.type === 'RestElement' ? p : p.value));
    default:
        return false;
    }
}

function voidUndefined(code, parsed = null) {
    if (!code.includes(NAME)) {
        return { code, count: 0 };
    }
    let ast = parsed;
    if (!ast) {
        try {
            ast = acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'script', allowReturnOutsideFunction: true });
        } catch (e) {
            return { code, count: 0 };
        }
    }
    let unsafe = false;
    const refs = [];
    const fn = (node) => {
        if ((node.id && bindsName(node.id)) || node.params.some(bindsName)) {
            unsafe = true;
        }
    };
    walk.ancestor(ast, {
        FunctionDeclaration: fn,
        FunctionExpression: fn,
        ArrowFunctionExpression: fn,
        VariableDeclarator(node) {
            if (bindsName(node.id)) {
                unsafe = true;
            }
        },
        CatchClause(node) {
            if (bindsName(node.param)) {
                unsafe = true;
            }
        },
        ClassDeclaration(node) {
            if (bindsName(node.id)) {
                unsafe = true;
            }
        },
        AssignmentExpression(node) {
            if (bindsName(node.left)) {
                unsafe = true; /* (a no-op, or a TypeError in strict code: left alone) */
            }
        },
        UpdateExpression(node) {
            if (bindsName(node.argument)) {
                unsafe = true;
            }
        },
        ForInStatement(node) {
            if (bindsName(node.left)) {
                unsafe = true;
            }
        },
        ForOfStatement(node) {
            if (bindsName(node.left)) {
                unsafe = true;
            }
        },
        WithStatement() {
            unsafe = true;
        },
        CallExpression(node) {
            if (node.callee.type === 'Identifier' && node.callee.name === 'eval') {
                unsafe = true;
            }
        },
        Identifier(node, ancestors) {
            if (node.name !== NAME) {
                return;
            }
            const parent = ancestors[ancestors.length - 2];
            if (parent) {
                if (parent.type === 'MemberExpression' && parent.property === node && !parent.computed) {
                    return;
                }
                if (parent.type === 'Property' && parent.shorthand) {
                    unsafe = true; /* { undefined }: would need the key written out */
                    return;
                }
                if ((parent.type === 'Property' || parent.type === 'MethodDefinition' ||
                     parent.type === 'PropertyDefinition') && parent.key === node && !parent.computed) {
                    return;
                }
                if (parent.type === 'LabeledStatement' || parent.type === 'BreakStatement' ||
                    parent.type === 'ContinueStatement') {
                    return;
                }
            }
            refs.push(node);
        }
    });
    if (unsafe || refs.length === 0) {
        return { code, count: 0 };
    }
    refs.sort((a, b) => a.start - b.start);
    let out = '';
    let last = 0;
    for (const ref of refs) {
        out += code.slice(last, ref.start) + REPLACEMENT;
        last = ref.end;
    }
    return { code: out + code.slice(last), count: refs.length };
}

module.exports = { voidUndefined };
