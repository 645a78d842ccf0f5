// SPDX-License-Identifier: MIT
/*
 * The BigInt operations object read once.
 *
 * lib/bigint.js writes each operation of a BigInt scope as a call of a
 * method of the runtime's global `__fcw_bigint` (`__fcw_bigint.truthy(x)`,
 * `typeof x === "object" && !__fcw_bigint.isBigInt(x)`). Each such read of
 * a global walks every scope up to the global object's own properties
 * (some 800 instructions; a Hono API POST validated by zod 4 made 20). The
 * bundle's first line declares `var __fcw_BigOps = __fcw_bigint;` (the
 * same length, so that replacing the name moves no column and the map
 * holds), a name of the module that nothing writes again: fcworker reads it
 * as a constant (lib/duk_hooks.c). aliasEdits(ast, code, from) replaces
 * each free `__fcw_bigint` that is the object of a member expression at or
 * after `from`; the runtime defines the global before any script runs.
 * Only for fcworker's runtime (not --portable), and only when the file
 * names neither the alias nor declares `__fcw_bigint` itself.
 */
'use strict';

const walk = require('acorn-walk');
const { binds } = require('./private-fields');

const OPS = '__fcw_bigint';
const ALIAS = '__fcw_BigOps';

function wanted(code) {
    return code.includes(`${OPS}.`) && !code.includes(ALIAS);
}

function declaration() {
    return `var ${ALIAS} = ${OPS};`;
}

/* Same-length edits [start, end, ALIAS]. */
function aliasEdits(ast, code, from) {
    if (!code.includes(`${OPS}.`) || binds(ast, OPS)) { /* (a file's own is not the runtime's) */
        return [];
    }
    const edits = [];
    walk.simple(ast, {
        MemberExpression(node) {
            const o = node.object;
            if (o.type === 'Identifier' && o.name === OPS && o.start >= from) {
                edits.push([o.start, o.end, ALIAS]);
            }
        }
    });
    return edits;
}

module.exports = { aliasEdits, declaration, wanted, ALIAS, OPS };
