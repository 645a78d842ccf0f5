// SPDX-License-Identifier: MIT
/*
 * Moves out of their functions the closures that need nothing of them
 * (and, below, the bodies of async functions that need nothing but their
 * function's parameters).
 *
 *     function toStringToBuffer(buffer) {
 *         var normalizeKey = tag === "svg" ? function(key) { ... } : function(key) { ... };
 *         ...
 *         key = normalizeKey(key);
 *
 * makes a new function object at every call (hono/jsx's, once per element
 * rendered), and with it, in Duktape, an environment record of the call:
 * an object that gets a copy of every variable of the call when it
 * returns, and that the closure, kept in one of those variables, keeps
 * alive in a cycle only mark-and-sweep frees. When such a function uses no
 * name of any function around it and the variable that holds it is only
 * ever called, nothing can tell one closure from another, and the function
 * is written once, as a declaration of the bundle's wrapper:
 *
 *         var normalizeKey = tag === "svg" ? _fcw_hoisted_1_normalizeKey : _fcw_hoisted_2_normalizeKey;
 *     ...
 *     function _fcw_hoisted_1_normalizeKey(key) { ... }
 *
 * hono/jsx's page: 12% less time, a collection every 33 requests instead
 * of every 7. The conditions, checked on the ES5 output (every function a
 * `function`, no block scopes but `catch`):
 *   - the function expression is the initializer of a `var` of the
 *     function E it is in (or a branch of a conditional expression that
 *     is), E not the wrapper itself, and that variable has no other
 *     declaration with a value, no assignment, and is used only as the
 *     callee of calls (not `new`, not `typeof`, not passed, not read);
 *   - every name the function uses that it does not declare itself (a
 *     parameter, a `var`, a function, its own name, `arguments`) is one
 *     that no function between it and the wrapper declares, nor a `catch`
 *     around it: a name of the wrapper's scope or a global;
 *   - neither it nor the function of the variable uses `eval` (which
 *     could read or set any name), and it is anonymous or does not use its
 *     own name.
 * Its `this` is its own either way (a plain call: undefined in the strict
 * bundle), as is `arguments`. A stack trace names it _fcw_hoisted_N_NAME
 * (its own name, or its variable's).
 *
 * hoist(code, ast, map, module) returns null when it finds nothing, or { code,
 * map }: the function's text becomes the name and spaces (lines and columns
 * kept), and the declarations go before the wrapper's closing brace (a
 * module's: at its end), the map
 * pointing each moved line at the line it came from.
 */
'use strict';

const walk = require('acorn-walk');

const PREFIX = '_fcw_hoisted_';

/* The names a function scope declares: parameters, `var`s and function
 * declarations of its body (not of nested functions). */
function declaredNames(fn) {
    const names = new Set(['arguments']);
    for (const p of fn.params) {
        names.add(p.name);
    }
    const visit = (node) => {
        if (!node || typeof node.type !== 'string') {
            return;
        }
        if (node.type === 'FunctionDeclaration') {
            names.add(node.id.name);
            return;
        }
        if (node.type === 'FunctionExpression') {
            return;
        }
        if (node.type === 'VariableDeclarator') {
            names.add(node.id.name);
        }
        for (const key of Object.keys(node)) {
            const v = node[key];
            if (Array.isArray(v)) {
                v.forEach(visit);
            } else if (v && typeof v.type === 'string') {
                visit(v);
            }
        }
    };
    visit(fn.body);
    return names;
}

/* Calls back for every identifier that names a variable (not a property
 * name, a label or a declared binding's own id), with the parent and
 * the chain of scopes (function nodes and catch clauses) it is in. */
function eachReference(root, callback) {
    const walkNode = (node, parent, scopes) => {
        if (!node || typeof node.type !== 'string') {
            return;
        }
        switch (node.type) {
        case 'Identifier':
            callback(node, parent, scopes);
            return;
        case 'MemberExpression':
            walkNode(node.object, node, scopes);
            if (node.computed) {
                walkNode(node.property, node, scopes);
            }
            return;
        case 'Property':
            if (node.computed) {
                walkNode(node.key, node, scopes);
            }
            walkNode(node.value, node, scopes);
            return;
        case 'LabeledStatement':
            walkNode(node.body, node, scopes);
            return;
        case 'BreakStatement':
        case 'ContinueStatement':
            return;
        case 'FunctionDeclaration':
        case 'FunctionExpression': {
            const inner = scopes.concat([node]);
            node.params.forEach((p) => walkNode(p, node, inner));
            walkNode(node.body, node, inner);
            return;
        }
        case 'CatchClause': {
            const inner = scopes.concat([node]);
            walkNode(node.param, node, inner);
            walkNode(node.body, node, inner);
            return;
        }
        case 'VariableDeclarator':
            callback(node.id, node, scopes);
            walkNode(node.init, node, scopes);
            return;
        default:
            for (const key of Object.keys(node)) {
                if (key === 'type' || key === 'start' || key === 'end' || key === 'loc' || key === 'range') {
                    continue;
                }
                const v = node[key];
                if (Array.isArray(v)) {
                    v.forEach((c) => walkNode(c, node, scopes));
                } else if (v && typeof v.type === 'string') {
                    walkNode(v, node, scopes);
                }
            }
        }
    };
    walkNode(root, null, []);
}

/* The scope of `scopes` (innermost last) that declares name, or null
 * (global). */
function resolve(name, scopes, declared) {
    for (let i = scopes.length - 1; i >= 0; i--) {
        const s = scopes[i];
        if (s.type === 'CatchClause') {
            if (s.param && s.param.type === 'Identifier' && s.param.name === name) {
                return s;
            }
            continue;
        }
        if (declared(s).has(name) || (s.type === 'FunctionExpression' && s.id && s.id.name === name)) {
            return s;
        }
    }
    return null;
}

/* Every reference of the tree, with where it is and where it resolves:
 * { refs: [{ id, parent, scopes, where }] in source order, byName: Map(name
 * -> those refs), evalIn: Set of the scopes with a use of `eval` inside }. */
function referenceIndex(ast, declared) {
    const refs = [];
    const byName = new Map();
    const evalIn = new Set();
    eachReference(ast, (id, parent, scopes) => {
        if (id.name === 'eval') {
            scopes.forEach((s) => evalIn.add(s));
        }
        const ref = { id, parent, scopes, where: resolve(id.name, scopes, declared) };
        refs.push(ref);
        if (!byName.has(id.name)) {
            byName.set(id.name, []);
        }
        byName.get(id.name).push(ref);
    });
    return { refs, byName, evalIn };
}

/* The innermost function of a scope chain (catch clauses skipped), or
 * null (the top level). */
function functionOf(scopes) {
    for (let i = scopes.length - 1; i >= 0; i--) {
        if (scopes[i].type !== 'CatchClause') {
            return scopes[i];
        }
    }
    return null;
}

/* The wrapper: the function of the script's one statement
 * `(function () { ... })();` or `var X = (function () { ... })();`; for a
 * module (a script whose top level is the body of the function fcworker's
 * loader makes of it), the script itself. */
function wrapperOf(ast, module) {
    if (module) {
        return ast;
    }
    const first = ast.body[0];
    let call = null;
    if (first && first.type === 'ExpressionStatement') {
        call = first.expression;
    } else if (first && first.type === 'VariableDeclaration' && first.declarations.length === 1) {
        call = first.declarations[0].init;
    }
    if (!call || call.type !== 'CallExpression' || call.callee.type !== 'FunctionExpression') {
        return null;
    }
    return call.callee;
}

/* declaredNames(fn), each function's computed once. */
function declaredCache() {
    const cache = new Map();
    return (fn) => {
        let d = cache.get(fn);
        if (!d) {
            d = declaredNames(fn);
            cache.set(fn, d);
        }
        return d;
    };
}

function findHoists(ast, module) {
    const wrapper = wrapperOf(ast, module);
    if (wrapper === null) {
        return [];
    }
    const declared = declaredCache();
    /* every reference, by the scope its name resolves to */
    const uses = new Map(); /* scope -> Map(name -> [{ node, parent }]) */
    const freeNamesOf = new Map(); /* FunctionExpression -> Map(free name -> scope it resolves to, null: global) */
    const evalUsers = new Set(); /* every scope with a use of `eval` inside */
    eachReference(wrapper, (id, parent, scopes) => {
        if (id.name === 'eval') {
            scopes.forEach((s) => evalUsers.add(s));
        }
        const where = resolve(id.name, scopes, declared);
        if (where !== null) {
            let byName = uses.get(where);
            if (!byName) {
                byName = new Map();
                uses.set(where, byName);
            }
            if (!byName.has(id.name)) {
                byName.set(id.name, []);
            }
            byName.get(id.name).push({ node: id, parent });
        }
        /* for each function expression the reference is inside of, and
         * that does not declare the name itself: where the name goes */
        const at = where === null ? -1 : scopes.indexOf(where);
        for (let i = at + 1; i < scopes.length; i++) {
            const s = scopes[i];
            if (s.type !== 'FunctionExpression') {
                continue;
            }
            if (!freeNamesOf.has(s)) {
                freeNamesOf.set(s, new Map());
            }
            freeNamesOf.get(s).set(id.name, where);
        }
    });
    /* a function expression qualifies if its free names all go to the
     * wrapper or the globals */
    const qualifies = (fn) => {
        if (evalUsers.has(fn)) {
            return false;
        }
        const free = freeNamesOf.get(fn);
        if (free) {
            for (const scope of free.values()) {
                if (scope !== null && scope !== wrapper) {
                    return false;
                }
            }
        }
        /* its own name, when it has one, must be unused (checked as a use
         * of fn's own scope) */
        if (fn.id) {
            const own = uses.get(fn);
            if (own && own.has(fn.id.name)) {
                return false;
            }
        }
        return true;
    };
    const hoists = [];
    for (const [scope, byName] of uses) {
        /* (a direct eval in the scope could read or set any of its
         * variables) */
        if (scope === wrapper || scope.type === 'CatchClause' || evalUsers.has(scope)) {
            continue;
        }
        for (const [name, refs] of byName) {
            if (scope.params.some((p) => p.name === name) || name === 'arguments') {
                continue;
            }
            const inits = [];
            let ok = true;
            for (const { node, parent } of refs) {
                if (parent.type === 'VariableDeclarator' && parent.id === node) {
                    if (parent.init) {
                        inits.push(parent.init);
                    }
                } else if (!(parent.type === 'CallExpression' && parent.callee === node)) {
                    ok = false;
                    break;
                }
            }
            if (!ok || inits.length !== 1) {
                continue;
            }
            const init = inits[0];
            const branches = init.type === 'ConditionalExpression' ? [init.consequent, init.alternate] : [init];
            for (const b of branches) {
                if (b.type === 'FunctionExpression' && qualifies(b)) {
                    b.variable = name;
                    hoists.push(b);
                }
            }
        }
    }
    for (const h of hoists) {
        h.hoistKind = 'called';
    }
    hoists.push(...asyncBodies(wrapper, freeNamesOf, uses, evalUsers));
    return hoists.sort((a, b) => a.start - b.start);
}

/* ---- the bodies of lowered async functions ----
 *
 * Every call of an async function that lib/coroutines.js lowered makes its
 * body a new closure:
 *
 *     function f(c, next) {
 *         return _fcw_co_async(void 0, void 0, function() { ... c ... });
 *     }
 *
 * and with it f's environment record (the body uses f's parameters).
 * When the body uses, besides its own names, only f's parameters and
 * `var`s, the wrapper's names and globals, it is written once as a
 * declaration that takes them as parameters, and the runtime calls it
 * with them (coroutines.js's third argument is what the body is applied
 * to, its `this` the first):
 *
 *     function f(c, next) {
 *         return _fcw_co_async(void 0, [c, next], _fcw_hoisted_N_f);
 *     ...
 *     function _fcw_hoisted_N_f(c, next) { ... c ... }
 *
 * f has nothing but that `return` (after `var`s without values, which
 * are then undefined in the body as they were), so nothing else sees its
 * variables; the body must not use `arguments` (it would see the array)
 * nor `eval`, nor may f. An async call and its await: about 4,700
 * instructions less (a closure, its properties and f's record). */
const CO_HELPERS = new Set(['_fcw_co_async', '_fcw_co_now']);

function isVoid0(node) {
    return node.type === 'UnaryExpression' && node.operator === 'void' && node.argument.type === 'Literal' &&
        node.argument.value === 0;
}

function asyncBodies(wrapper, freeNamesOf, uses, evalUsers) {
    const found = [];
    walk.full(wrapper.type === 'Program' ? wrapper : wrapper.body, (node) => {
        if (node.type !== 'FunctionExpression' && node.type !== 'FunctionDeclaration') {
            return;
        }
        const body = node.body.body;
        const last = body[body.length - 1];
        const call = last && last.type === 'ReturnStatement' ? last.argument : null;
        const only = body.slice(0, -1).every((st) =>
            st.type === 'VariableDeclaration' && st.declarations.every((d) => d.init === null) ||
            st.type === 'ExpressionStatement' && st.directive !== undefined);
        if (!call || !only || call.type !== 'CallExpression' || call.callee.type !== 'Identifier' ||
            !CO_HELPERS.has(call.callee.name) || call.arguments.length !== 3 || !isVoid0(call.arguments[1]) ||
            call.arguments[2].type !== 'FunctionExpression') {
            return;
        }
        const fn = call.arguments[2];
        const params = asyncBodyParams(node, fn, freeNamesOf, uses, evalUsers, wrapper);
        if (params !== null) {
            fn.hoistKind = 'async';
            fn.variable = node.id ? node.id.name : 'async';
            fn.argsNode = call.arguments[1];
            fn.bodyParams = params;
            found.push(fn);
        }
    });
    return found;
}

/* The names the body of the async function f takes from f, in f's order
 * (its parameters, then its vars), or null when the body cannot move. */
function asyncBodyParams(f, body, freeNamesOf, uses, evalUsers, wrapper) {
    if (body.params.length > 0 || body.id || evalUsers.has(body) || evalUsers.has(f) ||
        f.params.some((p) => p.type !== 'Identifier')) {
        return null;
    }
    const own = uses.get(body);
    if (own && own.has('arguments')) {
        return null;
    }
    const fromF = new Set();
    const free = freeNamesOf.get(body) || new Map();
    for (const [name, scope] of free) {
        if (scope === null || scope === wrapper) {
            continue;
        }
        if (scope !== f) {
            return null;
        }
        fromF.add(name);
    }
    const names = f.params.map((p) => p.name).filter((n) => fromF.has(n));
    for (const st of f.body.body) {
        if (st.type === 'VariableDeclaration') {
            for (const d of st.declarations) {
                if (fromF.has(d.id.name) && names.indexOf(d.id.name) < 0) {
                    names.push(d.id.name);
                }
            }
        }
    }
    /* every name taken from f is one of those (not f's own name, nor its
     * arguments) */
    return names.length === fromF.size ? names : null;
}

/* ---- source map mappings: lines of segments [column, source, line,
 * column(, name)], absolute ---- */
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeMappings(text) {
    const state = [0, 0, 0, 0, 0];
    return text.split(';').map((line) => {
        state[0] = 0;
        if (line === '') {
            return [];
        }
        return line.split(',').map((seg) => {
            const out = [];
            let value = 0, shift = 0;
            for (let i = 0; i < seg.length; i++) {
                const digit = B64.indexOf(seg[i]);
                value += (digit & 31) << shift;
                if (digit & 32) {
                    shift += 5;
                } else {
                    const n = value & 1 ? -(value >>> 1) : value >>> 1;
                    state[out.length] += n;
                    out.push(state[out.length]);
                    value = 0;
                    shift = 0;
                }
            }
            return out;
        });
    });
}

function vlq(n) {
    let v = n < 0 ? (-n << 1) | 1 : n << 1;
    let out = '';
    do {
        let digit = v & 31;
        v >>>= 5;
        if (v > 0) {
            digit |= 32;
        }
        out += B64[digit];
    } while (v > 0);
    return out;
}

function encodeMappings(lines) {
    const state = [0, 0, 0, 0, 0];
    return lines.map((segs) => {
        state[0] = 0;
        return segs.map((seg) => seg.map((v, k) => {
            const d = v - state[k];
            state[k] = v;
            return vlq(d);
        }).join('')).join(',');
    }).join(';');
}

/* The segments of line l at columns [from, to), moved by shift. */
function segmentsOf(lines, l, from, to, shift) {
    return (lines[l] || []).filter((seg) => seg[0] >= from && seg[0] < to).map((seg) => [seg[0] + shift].concat(seg.slice(1)));
}

/* (line, column) of offset in code, 0-based */
function lineStarts(code) {
    const starts = [0];
    for (let at = code.indexOf('\n'); at >= 0; at = code.indexOf('\n', at + 1)) {
        starts.push(at + 1);
    }
    return starts;
}

function position(starts, offset) {
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= offset) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    return [lo, offset - starts[lo]];
}

function hoist(code, ast, map, module) {
    /* (a script that has the prefix already, of its own, is left as it is) */
    if (code.indexOf(PREFIX) >= 0) {
        return null;
    }
    const found = findHoists(ast, module);
    if (found.length === 0) {
        return null;
    }
    /* the wrapper body's `}`, or a module's end */
    const closeAt = module ? ast.end : wrapperOf(ast).body.end - 1;
    const lines = map ? decodeMappings(map.mappings) : null;
    const out = [];
    const outLines = [];
    const decls = [];
    const starts = lineStarts(code);
    /* each function's edit: its text [start, end) becomes its name (for
     * an async body, after the arguments' array) and spaces; the
     * declaration is made of its text [from, to) after head */
    const items = found.map((fn, i) => {
        const name = PREFIX + (i + 1) + '_' + (fn.id ? fn.id.name : fn.variable);
        if (fn.hoistKind === 'async') {
            const args = fn.bodyParams.length > 0 ? `[${fn.bodyParams.join(', ')}]` : 'void 0';
            return { start: fn.argsNode.start, end: fn.end, lead: args + code.slice(fn.argsNode.end, fn.start) + name,
                from: code.lastIndexOf(')', fn.body.start) + 1, to: fn.end,
                head: `function ${name}(${fn.bodyParams.join(', ')})` };
        }
        return { start: fn.start, end: fn.end, lead: name, from: fn.start + code.slice(fn.start, fn.end).indexOf('('),
            to: fn.end, head: `function ${name}` };
    });
    /* code [a, b) with the edits of the items in it, an item inside
     * another's text left to that one's declaration */
    const render = (a, b) => {
        let text = '', pos = a;
        for (const it of items) {
            if (it.start < pos || it.end > b) {
                continue;
            }
            const old = code.slice(it.start, it.end);
            /* line breaks kept (a first line shorter than the name grows) */
            const nl = old.search(/[\n\r\u2028\u2029]/);
            const first = nl < 0 ? old.length : nl;
            text += code.slice(pos, it.start) + it.lead + ' '.repeat(Math.max(0, first - it.lead.length)) +
                (nl < 0 ? '' : old.slice(nl).replace(/[^\n\r\u2028\u2029]/g, ' '));
            pos = it.end;
        }
        return text + code.slice(pos, b);
    };
    out.push(render(0, closeAt));
    for (const it of items) {
        decls.push({ from: it.from, to: it.to, head: it.head, text: render(it.from, it.to) });
    }
    out.push('\n');
    const [closeLine, closeCol] = position(starts, closeAt);
    if (lines) {
        for (let l = 0; l < closeLine; l++) {
            outLines.push(lines[l] || []);
        }
        outLines.push(segmentsOf(lines, closeLine, 0, closeCol, 0));
    }
    for (const d of decls) {
        out.push(d.head, d.text, '\n');
        if (lines) {
            const [l0, c0] = position(starts, d.from);
            const [l1, c1] = position(starts, d.to);
            for (let l = l0; l <= l1; l++) {
                const from = l === l0 ? c0 : 0;
                const to = l === l1 ? c1 : Infinity;
                outLines.push(segmentsOf(lines, l, from, to, l === l0 ? d.head.length - c0 : 0));
            }
        }
    }
    out.push(code.slice(closeAt));
    if (lines) {
        outLines.push(segmentsOf(lines, closeLine, closeCol, Infinity, -closeCol));
        for (let l = closeLine + 1; l < lines.length; l++) {
            outLines.push(lines[l]);
        }
    }
    return {
        code: out.join(''),
        map: lines ? { ...map, mappings: encodeMappings(outLines) } : null,
        count: decls.length
    };
}

module.exports = { hoist, findHoists, decodeMappings, encodeMappings, declaredNames, declaredCache, eachReference,
    referenceIndex, resolveName: resolve, wrapperOf, functionOf, PREFIX };
