// SPDX-License-Identifier: MIT
/*
 * `x.toString(16).padStart(2, "0")` through one helper.
 *
 * The hex digits of a byte, as code writes a digest or random bytes as
 * text (`Array.from(bytes, (b) => b.toString(16).padStart(2, "0"))`,
 * Hono's etag, UUIDs): per byte two method look-ups and two native calls,
 * some 2,400 instructions in Duktape. On the ES5 output, hexByteEdits(ast,
 * code, from) turns each such expression (exactly those two calls with
 * those literal arguments, the methods named by plain identifiers) into
 * `(0, _fcwHex)(x)`: an insertion before x, and the text after x replaced
 * by `)` and its line breaks, so no line moves (x a comma expression is
 * left alone). The helper is the
 * runtime's native `__fcw_helpers.hexByte` (lib/api_builtins.c), which
 * answers an integer 0-255 in C while Number.prototype.toString and
 * String.prototype.padStart are the runtime's own, and otherwise makes the
 * same two calls, looked up on the value; or, where the bundle runs
 * without fcworker's runtime, a function that evaluates the expression.
 * x is evaluated once and first, as before. The helper is declared in the
 * bundle's first line (see declaration()), which the edits skip (from:
 * where the code after it starts).
 *
 * Only when the file does not name the helper already (wanted()).
 *
 * A digest as hex the way Hono's etag writes it,
 * `Array.prototype.map.call(new Uint8Array(v), (x) =>
 * x.toString(16).padStart(2, "0")).join("")`, is a call of the callback
 * and of the helper per byte, some 3,700 instructions a byte. With v a
 * variable of the module or of a function around it, and Array and
 * Uint8Array the global ones there, the whole expression becomes
 * `(0, _fcwHexJ)(v, _fcwHexJ0)` (its line breaks kept): the runtime's
 * native `__fcw_helpers.hexJoin` writes the hex of an ArrayBuffer or a
 * Uint8Array in C while every built-in the expression reads is the
 * runtime's own, and otherwise calls _fcwHexJ0(v), a function of the
 * bundle's first line that evaluates the expression itself. v is read
 * before the built-ins are rather than after: reading a variable runs
 * nothing, and the built-ins are read only as data properties.
 */
'use strict';

const walk = require('acorn-walk');
const { newlines, isName } = require('./edits');
const { eachReference, resolveName, declaredCache, declaredNames, wrapperOf } = require('./hoist-closures');

const HELPER = '_fcwHex';
const JOIN_HELPER = '_fcwHexJ';
const JOIN_FALLBACK = '_fcwHexJ0';

function wanted(code) {
    return /\.padStart\(\s*2\s*,\s*(["'])0\1\s*\)/.test(code) && /\.toString\(\s*16\s*\)/.test(code) &&
        !code.includes(HELPER);
}

/* Whether the file has the digest's expression (a test of its text). */
function joinWanted(code) {
    return /Array\.prototype\.map\.call\(\s*new Uint8Array\(/.test(code) && /\.join\(\s*(["'])\1\s*\)/.test(code) &&
        !code.includes(JOIN_HELPER);
}

function declaration(code) {
    const own = `var ${HELPER} = typeof __fcw_helpers === "object" && __fcw_helpers !== null && ` +
        '__fcw_helpers.hexByte || function (x) { return x.toString(16).padStart(2, "0"); };';
    return code === void 0 || !joinWanted(code) ? own : own +
        ` var ${JOIN_HELPER} = typeof __fcw_helpers === "object" && __fcw_helpers !== null && ` +
        '__fcw_helpers.hexJoin || function (v, f) { return f(v); }; ' +
        `var ${JOIN_FALLBACK} = function (v) { return Array.prototype.map.call(new Uint8Array(v), ` +
        'function (x) { return x.toString(16).padStart(2, "0"); }).join(""); };';
}

function literal(node, value) {
    return node.type === 'Literal' && node.value === value && typeof node.value === typeof value;
}

/* The call `name(...)` on an object: its member callee, else null. */
function methodCall(node, name) {
    if (node.type !== 'CallExpression') {
        return null;
    }
    const callee = node.callee;
    return callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' &&
        callee.property.name === name ? callee : null;
}

/* The x of `x.toString(16).padStart(2, "0")` (node), else null. */
function hexByteOf(node) {
    const pad = methodCall(node, 'padStart');
    if (!pad || node.arguments.length !== 2 || !literal(node.arguments[0], 2) || !literal(node.arguments[1], '0')) {
        return null;
    }
    const hex = methodCall(pad.object, 'toString');
    if (!hex || pad.object.arguments.length !== 1 || !literal(pad.object.arguments[0], 16)) {
        return null;
    }
    return hex.object;
}

/* `object.name` with plain names: its object, else null. */
function member(node, name) {
    return node.type === 'MemberExpression' && !node.computed && isName(node.property, name) ? node.object : null;
}

/* For `Array.prototype.map.call(new Uint8Array(v), function (x) { return
 * x.toString(16).padStart(2, "0"); }).join("")` (the function's directives
 * aside, nothing else in it): the names it reads { array, u8, v }, else
 * null. */
function hexJoinOf(node) {
    const join = methodCall(node, 'join');
    if (!join || node.arguments.length !== 1 || !literal(node.arguments[0], '')) {
        return null;
    }
    const call = join.object;
    const mapCall = call.type === 'CallExpression' ? member(call.callee, 'call') : null;
    const proto = mapCall && member(mapCall, 'map');
    const array = proto && member(proto, 'prototype');
    if (!array || !isName(array, 'Array') || call.arguments.length !== 2) {
        return null;
    }
    const [made, fn] = call.arguments;
    if (made.type !== 'NewExpression' || !isName(made.callee, 'Uint8Array') || made.arguments.length !== 1 ||
            made.arguments[0].type !== 'Identifier') {
        return null;
    }
    if (fn.type !== 'FunctionExpression' || fn.id || fn.generator || fn.async || fn.params.length !== 1 ||
            fn.params[0].type !== 'Identifier') {
        return null;
    }
    const body = fn.body.body.filter((s) => !(s.type === 'ExpressionStatement' && typeof s.directive === 'string'));
    if (body.length !== 1 || body[0].type !== 'ReturnStatement' || !body[0].argument) {
        return null;
    }
    const x = hexByteOf(body[0].argument);
    if (!x || !isName(x, fn.params[0].name)) {
        return null;
    }
    return { array, u8: made.callee, v: made.arguments[0] };
}

/* The digests' expressions (hexJoinOf) whose Array and Uint8Array are the
 * global ones and whose v is a variable of the module or a function. */
function hexJoins(ast, from, module) {
    const found = [];
    walk.simple(ast, {
        CallExpression(node) {
            const names = node.start >= from ? hexJoinOf(node) : null;
            if (names) {
                found.push({ node, names });
            }
        }
    });
    const wrapper = found.length ? wrapperOf(ast, module) : null;
    if (wrapper === null) {
        return [];
    }
    const wantGlobal = new Set(), wantBound = new Set();
    found.forEach(({ names }) => {
        wantGlobal.add(names.array).add(names.u8);
        wantBound.add(names.v);
    });
    /* (a module's own top level is no scope of eachReference's) */
    const top = module ? declaredNames({ params: [], body: ast }) : new Set();
    const ok = new Set();
    const declared = declaredCache();
    eachReference(wrapper, (id, parent, scopes) => {
        if (wantGlobal.has(id) || wantBound.has(id)) {
            const global = resolveName(id.name, scopes, declared) === null && !top.has(id.name);
            if (global === wantGlobal.has(id)) {
                ok.add(id);
            }
        }
    });
    return found.filter(({ names }) => ok.has(names.array) && ok.has(names.u8) && ok.has(names.v))
        .map(({ node, names }) => ({ node, v: names.v.name }));
}

/* Edits [start, end, text] for the expressions at or after `from`. */
function hexByteEdits(ast, code, from, module) {
    const edits = [];
    const joins = joinWanted(code.slice(from)) ? hexJoins(ast, from, module) : [];
    for (const { node, v } of joins) {
        edits.push([node.start, node.end, `(0, ${JOIN_HELPER})(${v}, ${JOIN_FALLBACK})` + newlines(code, node.start, node.end)]);
    }
    const inJoin = (at) => joins.some(({ node }) => node.start <= at && at < node.end);
    walk.simple(ast, {
        CallExpression(node) {
            const pad = methodCall(node, 'padStart');
            if (!pad || node.start < from || inJoin(node.start) || node.arguments.length !== 2 || !literal(node.arguments[0], 2) ||
                !literal(node.arguments[1], '0')) {
                return;
            }
            const hex = methodCall(pad.object, 'toString');
            if (!hex || pad.object.arguments.length !== 1 || !literal(pad.object.arguments[0], 16)) {
                return;
            }
            const x = hex.object;
            if (x.type === 'SequenceExpression') {
                return; /* (a, b).toString(16): as an argument it would be two */
            }
            edits.push([x.start, x.start, `(0, ${HELPER})(`]);
            edits.push([x.end, node.end, ')' + newlines(code, x.end, node.end)]);
        }
    });
    return edits;
}

module.exports = { hexByteEdits, declaration, wanted, HELPER };
