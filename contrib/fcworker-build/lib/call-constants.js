// SPDX-License-Identifier: MIT
/*
 * A call of a name of the bundle's top level, `f(x)`, written `(0, f)(x)`.
 *
 * Duktape compiles a call of a name that is no register of the function
 * (one of the module's top level, of a function around, or a global) to
 * CSVAR, which looks the name up and sets the call's `this` register to
 * undefined in one instruction. fcworker's loader reads a top-level name
 * that nothing assigns as a constant (fcw_duk_bind_constants,
 * lib/duk_hooks.c), but a CSVAR can become that constant only where no
 * other instruction of the function writes its `this` register (the
 * constant leaves it as it was), and the register is a temporary that
 * most functions reuse: such calls kept their look-up, a walk of the
 * scope chain up to the module's environment (about 250 instructions and
 * more from a nested closure). `(0, f)(x)` reads f by a GETVAR, which the
 * loader always can make a constant, and calls it with an undefined
 * `this` set by the call itself: the same call in strict code (the bundle
 * is strict), where `this` is undefined either way.
 *
 * callEdits(ast, code, module, skip, from) returns the insertions for every call
 * whose callee is a name that no function around the call declares (a name
 * of the top level or a global), but `eval` (whose direct call is not a
 * call) and fcworker-build's own helpers (`_fcw...`, whose calls later
 * passes find by their callee's name; but `_fcw_yield` and
 * `_fcw_yield_star`, an `await`'s and a `yield`'s, which none looks for),
 * and not inside the
 * ranges `skip` (text other edits replace) nor before `from` (the
 * declarations of the bundle's first line).
 */
'use strict';

const { eachReference, resolveName, declaredCache, wrapperOf } = require('./hoist-closures');

/* the tool's helpers whose calls no later pass looks for */
const MOVABLE = new Set(['_fcw_yield', '_fcw_yield_star']);

function callEdits(ast, code, module, skip, from) {
    const wrapper = wrapperOf(ast, module);
    if (wrapper === null) {
        return [];
    }
    const declared = declaredCache();
    const inside = (at) => skip.some(([start, end]) => start < at && at < end);
    const edits = [];
    eachReference(wrapper, (id, parent, scopes) => {
        if (!parent || parent.type !== 'CallExpression' || parent.callee !== id || id.name === 'eval' ||
                (id.name.startsWith('_fcw') && !MOVABLE.has(id.name))) {
            return;
        }
        const where = resolveName(id.name, scopes, declared);
        if (where !== null && where !== wrapper) {
            return;
        }
        if (id.start < from || inside(id.start) || inside(id.end)) {
            return;
        }
        edits.push([id.start, id.start, '(0, '], [id.end, id.end, ')']);
    });
    return edits;
}

module.exports = { callEdits };
