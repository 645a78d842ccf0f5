// SPDX-License-Identifier: MIT
/*
 * The variables a lowered loop body reads, given to it as parameters.
 *
 * SWC lowers a loop whose body makes a closure over a variable declared in
 * the loop into a function called once per iteration:
 *
 *     var _loop = function () { var ch = _step; ... payload ... };
 *     for (...) _loop();            (or `var _ret = _loop();`)
 *
 * Every read of a variable of the function around (`payload`, `_step`)
 * is then a look-up by name in Duktape: a walk up the scopes, some 300
 * instructions each, several per iteration (zod's runChecks and object
 * parser read a dozen per check: 60,000 instructions per validated POST
 * of the bench's API). loopParamEdits(ast, code) gives such a function
 * those variables as parameters of the same names, and each call the
 * variables as arguments:
 *
 *     var _loop = function (payload, _step) { ... };
 *     for (...) _loop(payload, _step);
 *
 * so that its reads are of its own registers. The value a call passes is
 * the one the body would have read, wherever it reads it:
 *   - a variable nothing assigns but its declaration, which is a statement
 *     of the function's body itself before the `var _loop` (or a
 *     parameter): it holds that value whenever a call runs, even in a
 *     closure that runs later;
 *   - a variable assigned only by the function's own code (not by any
 *     function inside it), read by the loop body itself and by no closure
 *     inside it: the function's code does not run during the call.
 * Only for a function expression without parameters, not a generator, in
 * a variable named `_loop` or `_loopN` that is only ever called, without
 * arguments, and that does not name `arguments`; in a function with no
 * `eval` in it. Lines stay; columns after the insertions move. The
 * function gets a `length` (nothing sees it: it is only called).
 */
'use strict';

const walk = require('acorn-walk');
const { referenceIndex, declaredCache, functionOf } = require('./hoist-closures');
const { isWrite } = require('./edits');

const NAME = /^_loop\d*$/;

function wanted(code) {
    return /\bvar _loop\d* = function\s*\(\s*\)/.test(code);
}

function loopParamEdits(ast, code) {
    const declared = declaredCache();
    /* the candidates: `var _loop = function () {...}` */
    const loops = new Map(); /* the FunctionExpression -> { declarator, statement } */
    walk.ancestor(ast, {
        VariableDeclarator(node, ancestors) {
            const fn = node.init;
            if (node.id.type !== 'Identifier' || !NAME.test(node.id.name) || !fn || fn.type !== 'FunctionExpression' ||
                fn.params.length !== 0 || fn.generator || fn.async || fn.id) {
                return;
            }
            loops.set(fn, { declarator: node, statement: ancestors[ancestors.length - 2] });
        }
    });
    if (loops.size === 0) {
        return [];
    }
    /* every reference, with where it is and where it resolves, by name */
    const { refs, byName, evalIn } = referenceIndex(ast, declared);
    /* the references of name that resolve to scope */
    const bound = (name, scope) => (byName.get(name) || []).filter((r) => r.where === scope);
    const edits = [];
    for (const [fn, { declarator, statement }] of loops) {
        const outer = byName.get(declarator.id.name).find((r) => r.id === declarator.id);
        const home = outer ? outer.where : null; /* the function that declares _loop */
        if (home === null || home.type === 'CatchClause' || evalIn.has(home)) {
            continue;
        }
        /* _loop: only called, without arguments (so never assigned); its calls */
        const uses = bound(declarator.id.name, home).filter((r) => r.id !== declarator.id);
        if (uses.length === 0 || !uses.every((r) => r.parent && r.parent.type === 'CallExpression' &&
                r.parent.callee === r.id && r.parent.arguments.length === 0)) {
            continue;
        }
        /* the body must not name arguments */
        const inside = (r, node) => r.id.start >= node.start && r.id.end <= node.end;
        if ((byName.get('arguments') || []).some((r) => inside(r, fn) && functionOf(r.scopes) === fn)) {
            continue;
        }
        /* home's statements (its body's own), for declarations' positions */
        const bodyStatements = home.body && home.body.type === 'BlockStatement' ? home.body.body : [];
        const names = [];
        const seen = new Set();
        for (const r of refs) {
            if (!inside(r, fn) || r.where !== home || seen.has(r.id.name) || r.id.name === 'arguments' ||
                    NAME.test(r.id.name)) {
                continue;
            }
            const name = r.id.name;
            seen.add(name);
            const all = bound(name, home);
            const writes = all.filter((x) => isWrite(x.id, x.parent));
            const declarations = all.filter((x) => x.parent && x.parent.type === 'VariableDeclarator' && x.parent.id === x.id);
            const isParam = home.params.some((p) => p.type === 'Identifier' && p.name === name);
            let ok = false;
            if (writes.length === 0) {
                /* a parameter nothing assigns, or a variable whose one
                 * declaration is a statement of home's body before _loop's */
                if (isParam) {
                    ok = declarations.length === 0;
                } else if (declarations.length === 1) {
                    const d = declarations[0].parent;
                    ok = bodyStatements.some((st) => st.type === 'VariableDeclaration' && st.declarations.includes(d) &&
                        st.end <= statement.start);
                }
            }
            if (!ok && !isParam) {
                /* assigned by home's own code alone, read by the loop body
                 * itself alone (no closure in it) */
                ok = writes.concat(declarations).every((x) => functionOf(x.scopes) === home) &&
                    all.filter((x) => inside(x, fn)).every((x) => functionOf(x.scopes) === fn);
            }
            if (ok) {
                names.push(name);
            }
        }
        if (names.length === 0) {
            continue;
        }
        const open = code.indexOf('(', fn.start);
        const close = code.indexOf(')', open);
        if (open < 0 || close < 0 || code.slice(open + 1, close).trim() !== '') {
            continue;
        }
        const list = names.join(', ');
        edits.push([close, close, list]);
        for (const r of uses) {
            edits.push([r.parent.end - 1, r.parent.end - 1, list]);
        }
    }
    return edits;
}

module.exports = { loopParamEdits, wanted };
