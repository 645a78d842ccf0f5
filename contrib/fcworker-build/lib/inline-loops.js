// SPDX-License-Identifier: MIT
/*
 * Loop bodies that SWC made functions, put back in their loops when the
 * closures that made them functions are made only now and then.
 *
 * SWC lowers a loop whose body makes a closure over a variable declared in
 * the loop (a `const` of the body, a `let` of the head) into a function
 * called once per iteration, so that each closure has the variables of its
 * own iteration:
 *
 *     var _loop = function (i) {
 *         var r = run(items[i]);
 *         if (r instanceof Promise) proms.push(r.then(function (x) { return done(x, i); }));
 *         else if (r.failed) return "break";
 *     };
 *     for (var i = 0; i < items.length; i++) {
 *         var _ret = _loop(i);
 *         if (_ret === "break") break;
 *     }
 *
 * In Duktape that costs, at every call of the function around, a closure
 * (some 4,000 instructions, and an environment record of the call that
 * only mark-and-sweep frees), and a call per iteration, even when, as in
 * zod's checks and its object and array parsers, the closure inside is
 * made only on an asynchronous path that a synchronous validation never
 * takes. inlineLoops(code) writes such a body back into its loop, and each
 * closure that uses variables of the body as a call that gives it their
 * values where it is made:
 *
 *     for (var i = 0; i < items.length; i++) { var r = run(items[i]);
 *         if (r instanceof Promise) proms.push((function (i) { "use duk notail"; return function (x) { return done(x, i); }; })(i));
 *         else if (r.failed) break;
 *     }
 *
 * (a label on the loop when a `return "continue"`/`"break"` is inside a
 * nested loop or switch; `return { v: x }` becomes `return x`). The
 * closure sees the values its iteration had, as before, when they cannot
 * change after it is made. So only when, for `_loop` (or `_loopN`), a
 * function expression in a `var` of its own statement, in a function F
 * with no `eval`:
 *   - it is called once, in F's own code, as the body of a loop
 *     (`_loop(a, b);`) or as SWC's `var _ret = _loop(a, b);` followed by
 *     its tests of `_ret` ("break", "continue", an object's `v`), with
 *     its own parameters' names as arguments, where the same catch clauses
 *     are around as around its declaration;
 *   - its own code (not that of functions in it) uses no `this`, no
 *     `arguments`, declares no function, assigns no parameter, and returns
 *     only what those tests handle;
 *   - its variables become F's: one whose name F or a scope around F uses,
 *     or a catch clause around the loop binds, is renamed (`key_1`);
 *   - every variable of it that a closure in it uses is a parameter, or
 *     has one declaration, with a value, a statement of its body before
 *     the closure, and nothing assigns it;
 *   - every such closure is made on a conditional path of the body (a
 *     branch of an `if` or `?:`, the right of `&&`/`||`/`??`, a catch
 *     block), in no loop of it: made at every iteration, the call around
 *     it would cost more than the function saved.
 * The variables of the body are not set to undefined at each iteration,
 * as each call began: SWC declares those of a `let` or `const` with a
 * value (`var y = void 0` for `let y;`) where the source declared them,
 * and its own (`_step1`, `_ret`) are set before they are read. A function
 * nested in another candidate is left.
 *
 * Returns null when nothing is rewritten, else { code, map }.
 */
'use strict';

const MagicString = require('magic-string');
const { parseES5 } = require('./es5');
const { referenceIndex, declaredCache, functionOf } = require('./hoist-closures');
const { isWrite, FUNCTION_TYPES } = require('./edits');
const { DIRECTIVE } = require('./non-constructors');

const NAME = /^_loop\d*$/;
const RET = /^_ret\d*$/;
const LOOPS = new Set(['ForStatement', 'ForInStatement', 'WhileStatement', 'DoWhileStatement']);

function wanted(code) {
    return /\bvar _loop\d* = function\s*\(/.test(code);
}

/* Calls f for each child node of node. */
function eachChild(node, f) {
    for (const key of Object.keys(node)) {
        if (key === 'loc') {
            continue;
        }
        const v = node[key];
        if (Array.isArray(v)) {
            v.forEach((c) => c && typeof c.type === 'string' && f(c));
        } else if (v && typeof v.type === 'string') {
            f(v);
        }
    }
}

/* The parent of every node of the tree, noted while calling onNode for
 * each (a property of the nodes would be walked by the scope helpers,
 * which visit every key). */
const parents = new WeakMap();
function setParents(root, onNode) {
    const visit = (node, parent) => {
        parents.set(node, parent);
        onNode(node);
        eachChild(node, (c) => visit(c, node));
    };
    visit(root, null);
}
const up = (node) => parents.get(node) || null;

/* Calls back for every node of fn's own code (not of functions in it). */
function eachOwn(fn, callback) {
    const visit = (node) => {
        callback(node);
        if (!FUNCTION_TYPES.has(node.type)) {
            eachChild(node, visit);
        }
    };
    fn.body.body.forEach(visit);
}

const isString = (node, value) => !!node && node.type === 'Literal' && node.value === value;
const isIdent = (node, name) => !!node && node.type === 'Identifier' && node.name === name;
const only = (node) => (node && node.type === 'BlockStatement' && node.body.length === 1 ? node.body[0] : node);

/* The tests of `_ret` after SWC's `var _ret = _loop(...)`: the set of what
 * they handle ("break", "continue", "object"), or null for anything else. */
function retTests(statements, ret) {
    const handled = new Set();
    for (const st of statements) {
        if (st.type !== 'IfStatement' || st.alternate) {
            return null;
        }
        const t = st.test;
        const then = only(st.consequent);
        if (t.type !== 'BinaryExpression' || t.operator !== '===') {
            return null;
        }
        if (isIdent(t.left, ret) && (isString(t.right, 'break') || isString(t.right, 'continue'))) {
            const want = t.right.value === 'break' ? 'BreakStatement' : 'ContinueStatement';
            if (!then || then.type !== want || then.label) {
                return null;
            }
            handled.add(t.right.value);
            continue;
        }
        const arg = t.left.type === 'UnaryExpression' && t.left.operator === 'typeof' ? t.left.argument
            : t.left.type === 'CallExpression' && t.left.arguments.length === 1 && typeOfHelper(t.left.callee) ? t.left.arguments[0]
                : null;
        if (isIdent(arg, ret) && isString(t.right, 'object') && then && then.type === 'ReturnStatement' &&
                then.argument && then.argument.type === 'MemberExpression' && !then.argument.computed &&
                isIdent(then.argument.object, ret) && isIdent(then.argument.property, 'v')) {
            handled.add('object');
            continue;
        }
        return null;
    }
    return handled;
}

/* `_type_of` or `(0, _type_of)` */
function typeOfHelper(callee) {
    if (callee.type === 'SequenceExpression' && callee.expressions.length === 2) {
        callee = callee.expressions[1];
    }
    return callee.type === 'Identifier' && /^_type_of\d*$/.test(callee.name);
}

/* Whether node, inside fn's own code, is on a conditional path of it and
 * in no loop of it. */
function conditional(node, fn) {
    let found = false;
    for (let n = node; up(n) && n !== fn.body; n = up(n)) {
        const p = up(n);
        if (LOOPS.has(p.type) || (FUNCTION_TYPES.has(p.type) && p !== fn)) {
            return false;
        }
        if ((p.type === 'IfStatement' && p.test !== n) || (p.type === 'ConditionalExpression' && p.test !== n) ||
                (p.type === 'LogicalExpression' && p.right === n) || p.type === 'CatchClause' ||
                p.type === 'SwitchCase') {
            found = true;
        }
    }
    return found;
}

function inlineLoops(code) {
    if (!wanted(code)) {
        return null;
    }
    const ast = parseES5(code, { sourceType: 'script', allowReturnOutsideFunction: true });
    const candidates = [];
    setParents(ast, (node) => {
        if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && NAME.test(node.id.name) &&
                node.init && node.init.type === 'FunctionExpression' && !node.init.id && !node.init.generator &&
                !node.init.async && node.init.params.every((p) => p.type === 'Identifier') &&
                up(node).declarations.length === 1) {
            candidates.push(node);
        }
    });
    const declared = declaredCache();
    if (candidates.length === 0) {
        return null;
    }
    const { byName, evalIn } = referenceIndex(ast, declared);
    const refsOf = (name) => byName.get(name) || [];
    const within = (node, outer) => node.start >= outer.start && node.end <= outer.end;
    const ms = new MagicString(code);
    let labels = 0;
    let renames = 0;
    let count = 0;
    const fns = candidates.map((d) => d.init);
    for (const declarator of candidates) {
        const fn = declarator.init;
        const statement = up(declarator);
        /* a candidate with another inside is left */
        if (fns.some((g) => g !== fn && within(g, fn))) {
            continue;
        }
        const self = refsOf(declarator.id.name).find((r) => r.id === declarator.id);
        const home = self ? self.where : null;
        if (home === null || home.type === 'CatchClause' || evalIn.has(home) || evalIn.has(fn) ||
                functionOf(self.scopes) !== home) {
            continue;
        }
        /* called once, in home's own code, with its parameters' names */
        const uses = refsOf(declarator.id.name).filter((r) => r.id !== declarator.id && r.where === home);
        if (uses.length !== 1 || functionOf(uses[0].scopes) !== home) {
            continue;
        }
        const call = uses[0].parent;
        if (call.type !== 'CallExpression' || call.callee !== uses[0].id || call.arguments.length !== fn.params.length ||
                !call.arguments.every((a, i) => isIdent(a, fn.params[i].name))) {
            continue;
        }
        if (uses[0].scopes.length !== self.scopes.length || uses[0].scopes.some((s, i) => s !== self.scopes[i])) {
            continue;
        }
        /* the call site: the loop's body */
        let loop = null;
        let site = null; /* the node the body replaces */
        let handled = new Set();
        if (up(call).type === 'ExpressionStatement' && up(call).expression === call) {
            const st = up(call);
            const holder = up(st).type === 'BlockStatement' && up(st).body.length === 1 ? up(st) : st;
            if (up(holder) && LOOPS.has(up(holder).type) && up(holder).body === holder) {
                loop = up(holder);
                site = holder;
            }
        } else if (up(call).type === 'VariableDeclarator' && up(call).init === call && RET.test(up(call).id.name) &&
                up(up(call)).declarations.length === 1) {
            const decl = up(up(call));
            const block = up(decl);
            const ret = up(call).id.name;
            if (block.type === 'BlockStatement' && block.body[0] === decl && up(block) && LOOPS.has(up(block).type) &&
                    up(block).body === block) {
                const tests = retTests(block.body.slice(1), ret);
                const retRefs = refsOf(ret).filter((r) => r.where === home);
                if (tests !== null && retRefs.every((r) => within(r.id, block))) {
                    loop = up(block);
                    site = block;
                    handled = tests;
                }
            }
        }
        if (loop === null || statement.end > loop.start) {
            continue;
        }
        /* its own code: no this, no arguments, no function declaration;
         * its returns, what the call site handles */
        let ok = true;
        const returns = [];
        eachOwn(fn, (node) => {
            if (node.type === 'ThisExpression' || node.type === 'FunctionDeclaration' ||
                    (node.type === 'Identifier' && node.name === 'arguments')) {
                ok = false;
            } else if (node.type === 'ReturnStatement') {
                const a = node.argument;
                if (a === null || isString(a, 'continue')) {
                    returns.push([node, 'continue']);
                } else if (isString(a, 'break') && handled.has('break')) {
                    returns.push([node, 'break']);
                } else if (a.type === 'ObjectExpression' && a.properties.length === 1 && handled.has('object') &&
                        a.properties[0].kind === 'init' && !a.properties[0].computed &&
                        (isIdent(a.properties[0].key, 'v') || isString(a.properties[0].key, 'v'))) {
                    returns.push([node, 'value', a.properties[0].value]);
                } else {
                    ok = false;
                }
            }
        });
        if (!ok) {
            continue;
        }
        const own = declared(fn);
        const params = new Set(fn.params.map((p) => p.name));
        const homeNames = declared(home);
        const catchesAround = uses[0].scopes.filter((s) => s.type === 'CatchClause');
        /* its variables become home's: one whose name home or a scope
         * around it uses, or a catch clause around the loop binds, gets a
         * name of its own */
        const vars = [...own].filter((n) => n !== 'arguments' && !params.has(n));
        const renamed = new Map();
        for (const name of vars) {
            if (homeNames.has(name) || (home.params || []).some((p) => p.name === name) ||
                    catchesAround.some((c) => isIdent(c.param, name)) ||
                    refsOf(name).some((r) => !within(r.id, fn) && within(r.id, home) &&
                        (r.where === null || r.where === home || within(home, r.where)))) {
                let fresh;
                do {
                    fresh = `${name}_${++renames}`;
                } while (byName.has(fresh));
                byName.set(fresh, []);
                renamed.set(name, fresh);
            }
        }
        const nameOf = (n) => renamed.get(n) || n;
        /* no parameter assigned; what closures use of its variables */
        const captured = new Map(); /* outermost function in fn -> Set(names) */
        const topDecl = new Map(); /* name -> its one declaration statement at the top of the body, with a value */
        for (const name of own) {
            if (name === 'arguments') {
                continue;
            }
            const mine = refsOf(name).filter((r) => r.where === fn);
            const writes = mine.filter((r) => isWrite(r.id, r.parent));
            const decls = mine.filter((r) => r.parent.type === 'VariableDeclarator' && r.parent.id === r.id);
            if (params.has(name)) {
                if (writes.length > 0 || decls.length > 0) {
                    ok = false;
                    break;
                }
            } else if (writes.length === 0 && decls.length === 1 && decls[0].parent.init &&
                    fn.body.body.includes(up(decls[0].parent))) {
                topDecl.set(name, up(decls[0].parent));
            }
            for (const r of mine) {
                const at = r.scopes.indexOf(fn);
                const inner = r.scopes.slice(at + 1).find((s) => s.type !== 'CatchClause');
                if (inner) {
                    if (!captured.has(inner)) {
                        captured.set(inner, new Set());
                    }
                    captured.get(inner).add(name);
                }
            }
        }
        if (!ok) {
            continue;
        }
        for (const [inner, names] of captured) {
            if (!conditional(inner, fn)) {
                ok = false;
                break;
            }
            for (const name of names) {
                if (!params.has(name) && !(topDecl.has(name) && topDecl.get(name).end <= inner.start)) {
                    ok = false;
                    break;
                }
            }
            if (!ok) {
                break;
            }
        }
        if (!ok) {
            continue;
        }
        /* the rewrite */
        let label = up(loop).type === 'LabeledStatement' ? up(loop).label.name : null;
        const needsLabel = returns.some(([node, kind]) => kind !== 'value' && insideBreakable(node, fn));
        if (label === null && needsLabel) {
            do {
                label = `_fcwLoop${++labels}`;
            } while (code.includes(label));
            ms.appendLeft(loop.start, `${label}: `);
        }
        const target = needsLabel ? ` ${label}` : '';
        for (const [node, kind, value] of returns) {
            if (kind === 'value') {
                ms.overwrite(node.start, value.start, 'return ');
                ms.overwrite(value.end, node.end, ';');
            } else {
                ms.overwrite(node.start, node.end, `${kind}${target};`);
            }
        }
        for (const [name, fresh] of renamed) {
            for (const r of refsOf(name)) {
                if (r.where === fn) {
                    ms.overwrite(r.id.start, r.id.end, fresh);
                }
            }
        }
        for (const [inner, names] of captured) {
            const list = [...names].map(nameOf).join(', ');
            ms.prependRight(inner.start, `(function (${list}) { ${DIRECTIVE} return `);
            ms.appendLeft(inner.end, `; })(${list})`);
        }
        const inside = [fn.body.start + 1, fn.body.end - 1];
        ms.remove(statement.start, inside[0]);
        ms.remove(inside[1], statement.end);
        ms.appendLeft(site.start, '{ ');
        ms.move(inside[0], inside[1], site.start);
        ms.overwrite(site.start, site.end, '}');
        count++;
    }
    if (count === 0) {
        return null;
    }
    return { code: ms.toString(), map: ms.generateMap({ hires: true, includeContent: false }), count };
}

/* Whether node (a return of fn's own code) is inside a loop or switch of
 * fn, where a bare `break`/`continue` would be that statement's. */
function insideBreakable(node, fn) {
    for (let n = up(node); n && n !== fn; n = up(n)) {
        if (LOOPS.has(n.type) || n.type === 'SwitchStatement') {
            return true;
        }
    }
    return false;
}

module.exports = { inlineLoops, wanted };
