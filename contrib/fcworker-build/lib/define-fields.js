// SPDX-License-Identifier: MIT
/*
 * The class fields of a constructor, defined by one call.
 *
 * SWC defines each field of an instance in its constructor by a statement
 * of its own: `_define_property(this, "tag", void 0);` for a public field,
 * `Object.defineProperty(this, _key, { writable: true, value: V });` for a
 * private one (which lib/private-fields.js makes a call of
 * `_fcw_private_field`). Each is a call into the runtime, some 700 machine
 * instructions before it defines anything: hono/jsx makes a node with five
 * fields 722 times per page, a Hono Context has 26.
 *
 * fieldRunEdits(ast, code, privates), on the ES5 output, makes each run of
 * two or more such statements in a row one call
 *
 *     _fcwDF(this, "ffpf", "tag", void 0, "props", void 0, _key, void 0, "children", []);
 *
 * whose second argument says which of the runtime's definitions each pair
 * gets ("f" public, "p" private). The runtime's native form
 * (`__fcw_helpers.defineFields`, lib/api_builtins.c) defines them in order
 * as the separate calls did; where the bundle runs without fcworker's
 * runtime, the helper makes those calls. The values are evaluated before
 * the first field is defined rather than between the definitions, so a
 * statement joins a run only when its value cannot observe anything nor
 * be observed: a literal, `void 0`, `this`, a function expression, or an
 * object or array literal of those. The keys of public fields are literals
 * (a computed key is evaluated earlier in the constructor anyway, but is
 * left alone); those of private ones are SWC's key variables. Lines do not
 * move: each statement's text stays on its lines (the statements between
 * the first and the last lose their `_define_property(this, ` and `);`).
 * Done only when the file's `_define_property` is SWC's (replaced by the
 * runtime's `defineField`) and it does not name the helper (wanted());
 * private fields only when lib/private-fields.js rewrote them.
 */
'use strict';

const walk = require('acorn-walk');
const { newlines, isCallOf } = require('./edits');
const { fieldDefinition } = require('./private-fields');
const { HELPERS } = require('./runtime-helpers');

const HELPER = '_fcwDF';

const DEFINE = HELPERS.find((h) => h.name === '_define_property');

function wanted(code) {
    return code.includes('_define_property(this, ') && DEFINE.opening.test(code) && !code.includes(HELPER);
}

/* The declaration for the bundle's first line (no newline). */
function declaration() {
    return `var ${HELPER} = typeof __fcw_helpers === "object" && __fcw_helpers !== null && ` +
        '__fcw_helpers.defineFields || function (obj, kinds) { ' +
        'for (var i = 2; i < arguments.length; i += 2) { ' +
        'if (kinds.charAt(i / 2 - 1) === "p") _fcw_private_field(obj, arguments[i], arguments[i + 1]); ' +
        'else _define_property(obj, arguments[i], arguments[i + 1]); } ' +
        'return obj; };';
}

/* Whether evaluating node can neither observe nor change anything. */
function pure(node) {
    switch (node.type) {
    case 'Literal':
        return !node.regex;
    case 'ThisExpression':
    case 'FunctionExpression':
        return true;
    case 'UnaryExpression':
        return (node.operator === 'void' || node.operator === '-') && node.argument.type === 'Literal' &&
            !node.argument.regex;
    case 'ArrayExpression':
        return node.elements.every((e) => e === null || pure(e));
    case 'ObjectExpression':
        return node.properties.every((p) => !p.computed && (p.kind !== 'init' || pure(p.value)));
    default:
        return false;
    }
}

/* A statement defining a field of `this`: { kind, key, value } (key and
 * value nodes), or null. */
function fieldOf(st, privates) {
    if (st.type !== 'ExpressionStatement') {
        return null;
    }
    const call = st.expression;
    if (isCallOf(call, '_define_property') && call.arguments.length === 3 &&
        call.arguments[0].type === 'ThisExpression' && call.arguments[1].type === 'Literal' &&
        (typeof call.arguments[1].value === 'string' || typeof call.arguments[1].value === 'number') &&
        pure(call.arguments[2])) {
        return { kind: 'f', call, key: call.arguments[1], value: call.arguments[2] };
    }
    const desc = privates ? fieldDefinition(call) : null;
    if (desc && call.arguments[0].type === 'ThisExpression' && call.arguments[1].type === 'Identifier' &&
        pure(desc.value.value)) {
        return { kind: 'p', call, key: call.arguments[1], value: desc.value.value };
    }
    return null;
}

/* The edits of one run of statements (two or more fields). */
function runEdits(run, code) {
    const edits = [];
    const kinds = run.map((f) => f.kind).join('');
    run.forEach((f, i) => {
        /* (0, f)(...): a constant for fcworker's loader (lib/call-constants.js) */
        const head = i === 0 ? `(0, ${HELPER})(this, "${kinds}", ` : '';
        edits.push([f.st.start, f.key.start, head + newlines(code, f.st.start, f.key.start)]);
        edits.push([f.key.end, f.value.start, ', ' + newlines(code, f.key.end, f.value.start)]);
        const tail = i === run.length - 1 ? ');' : ',';
        edits.push([f.value.end, f.st.end, newlines(code, f.value.end, f.st.end) + tail]);
    });
    return edits;
}

/* The edits [start, end, text] of `code` (parsed as `ast`) that make each
 * run of field definitions one call; they keep every line. `privates`:
 * whether private fields (rewritten by lib/private-fields.js) may join. */
function fieldRunEdits(ast, code, privates) {
    const edits = [];
    const runs = (node) => {
        let run = [];
        const flush = () => {
            if (run.length >= 2) {
                edits.push(...runEdits(run, code));
            }
            run = [];
        };
        for (const st of node.body) {
            const f = fieldOf(st, privates);
            if (f === null) {
                flush();
            } else {
                f.st = st;
                run.push(f);
            }
        }
        flush();
    };
    walk.simple(ast, { BlockStatement: runs, Program: runs });
    return edits;
}

module.exports = { fieldRunEdits, declaration, wanted, HELPER };
