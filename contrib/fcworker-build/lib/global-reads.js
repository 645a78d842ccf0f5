// SPDX-License-Identifier: MIT
/*
 * Reads of the global built-ins in a module's functions through the
 * global object.
 *
 * Duktape reads a global name as it reads `undefined` (lib/void-undefined.js):
 * a walk up every scope of the function and its outer functions, then the
 * look-up on the global object, 600 machine instructions and more in
 * nested closures (a zod check reads `Promise` for each of its
 * `instanceof Promise`: 60 walks per validated POST of the bench's API).
 * In a module (a script with a default export, whose top level fcworker's
 * loader runs as a function), each read of a built-in of GLOBALS that no
 * scope around it binds, in a function, becomes
 *
 *     ((_fcwT = _fcwG.Promise) !== void 0 ? _fcwT : Promise)
 *
 * with _fcwG the global object (the bundle's first line; a module binding
 * the loader's constants pass reads as a constant) and _fcwT a variable of
 * the innermost function (declared before its closing brace): one
 * property read where the value is there, and the name itself where it
 * is not, which then answers as before (undefined for a property holding
 * it, a ReferenceError for none). A script that replaces a global is seen
 * at once (the property is read each time); one that defines it as an
 * accessor returning undefined has it called twice. Left as they are:
 * writes, `typeof` and `delete` operands, the callees of calls (whose
 * `this` is the global object's for an object environment, and which
 * lib/call-constants.js writes `(0, f)(...)`), reads at the top level
 * (which runs once), and scripts that are no modules (their names are a
 * wrapper function's: no constant). Lines stay; columns after a read
 * move (the source map keeps its lines).
 *
 * globalReadEdits(ast, code, from) returns the edits for the code at or
 * after `from` (the first line's declarations).
 */
'use strict';

const { eachReference, resolveName, declaredCache, declaredNames, functionOf } = require('./hoist-closures');
const { isWrite } = require('./edits');

const OBJECT = '_fcwG';
const TEMP = '_fcwT';
const GLOBALS = new Set([
    'Promise', 'Object', 'Array', 'Number', 'String', 'Boolean', 'Symbol', 'BigInt', 'Math', 'JSON', 'Reflect',
    'Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'Map', 'Set', 'WeakMap', 'WeakSet',
    'Date', 'RegExp', 'ArrayBuffer', 'DataView', 'Uint8Array', 'Uint16Array', 'Uint32Array', 'Int8Array',
    'Int16Array', 'Int32Array', 'Float32Array', 'Float64Array', 'Intl', 'Response', 'Request', 'Headers', 'URL',
    'URLSearchParams', 'TextEncoder', 'TextDecoder', 'ReadableStream', 'WritableStream', 'TransformStream',
    'crypto', 'console', 'FormData', 'Blob', 'AbortController', 'AbortSignal'
]);

function wanted(code, module) {
    return module && !code.includes(OBJECT) && !code.includes(TEMP);
}

function declaration() {
    return `var ${OBJECT} = globalThis;`;
}

/* Whether the identifier, with its parent, is read as a value here. */
function isRead(id, parent) {
    if (!parent || isWrite(id, parent)) {
        return false;
    }
    switch (parent.type) {
    case 'UnaryExpression':
        return parent.operator !== 'typeof' && parent.operator !== 'delete';
    case 'CallExpression':
        return parent.callee !== id;
    case 'VariableDeclarator':
        return parent.init === id;
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'CatchClause':
        return false;
    default:
        return true;
    }
}

function globalReadEdits(ast, code, from) {
    const top = declaredNames({ params: [], body: ast });
    const declared = declaredCache();
    const edits = [];
    const functions = new Set();
    eachReference(ast, (id, parent, scopes) => {
        if (!GLOBALS.has(id.name) || id.start < from || top.has(id.name) || !isRead(id, parent)) {
            return;
        }
        const fn = functionOf(scopes);
        if (fn === null || resolveName(id.name, scopes, declared) !== null) {
            return; /* the top level, or a name bound around */
        }
        functions.add(fn);
        edits.push([id.start, id.end, `((${TEMP} = ${OBJECT}.${id.name}) !== void 0 ? ${TEMP} : ${id.name})`]);
    });
    for (const fn of functions) {
        const close = fn.body.end - 1;
        if (code[close] === '}') {
            edits.push([close, close, ` var ${TEMP}; `]);
        }
    }
    return edits;
}

module.exports = { globalReadEdits, declaration, wanted };
