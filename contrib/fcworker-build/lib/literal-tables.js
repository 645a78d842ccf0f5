// SPDX-License-Identifier: MIT
/*
 * Large literal tables (tokenizer vocabularies, Unicode and code tables):
 * an array literal of 1,000 elements or more, or an object literal of
 * 1,000 properties or more, whose elements are all plain data (strings,
 * finite numbers, booleans, null, and arrays and objects of those),
 * becomes `JSON.parse("...")` of the same data (a template literal without
 * substitutions counts as a string).
 *
 * Duktape keeps each distinct literal of a function in that function's
 * constant table, of at most 65,535 entries, and every module's top-level
 * code is one function of the bundle: gpt-tokenizer 3's vocabulary, an
 * array of 100,256 strings, made the whole bundle fail to load with
 * "RangeError: const limit". JSON.parse makes the same fresh arrays and
 * objects from one string constant (and compiles to a few instructions
 * where the literal took several per element). A table with anything else
 * in it (a hole, a spread, a computed or `__proto__` key, a method, -0, a
 * regular expression, a BigInt, a name) is left as it is.
 *
 * transform(ast, ms, code) edits `ms` and returns the number of tables
 * rewritten.
 */
'use strict';

const MIN_ENTRIES = 1000;

/* The JSON value of a node, or undefined when it is not plain data. */
function dataOf(node) {
    switch (node.type) {
    case 'Literal':
        if (node.regex || node.bigint !== undefined) {
            return undefined;
        }
        if (typeof node.value === 'number') {
            return Number.isFinite(node.value) ? node.value : undefined;
        }
        return node.value === null || typeof node.value === 'string' || typeof node.value === 'boolean' ?
            node.value : undefined;
    case 'TemplateLiteral': // esbuild writes `("'` for a string with both quotes
        return node.expressions.length === 0 && typeof node.quasis[0].value.cooked === 'string' ?
            node.quasis[0].value.cooked : undefined;
    case 'UnaryExpression':
        if (node.operator === '-' && node.argument.type === 'Literal' && typeof node.argument.value === 'number' &&
            Number.isFinite(node.argument.value) && node.argument.value !== 0) {
            return -node.argument.value;
        }
        return undefined;
    case 'ArrayExpression': {
        const out = [];
        for (const e of node.elements) {
            const v = e === null ? undefined : dataOf(e);
            if (v === undefined) {
                return undefined;
            }
            out.push(v);
        }
        return out;
    }
    case 'ObjectExpression': {
        const out = {};
        for (const p of node.properties) {
            if (p.type !== 'Property' || p.computed || p.method || p.shorthand || p.kind !== 'init') {
                return undefined;
            }
            const key = p.key.type === 'Identifier' ? p.key.name :
                p.key.type === 'Literal' && (typeof p.key.value === 'string' || typeof p.key.value === 'number') ?
                    String(p.key.value) : undefined;
            const v = dataOf(p.value);
            if (key === undefined || key === '__proto__' || v === undefined) {
                return undefined;
            }
            Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
        }
        return out;
    }
    default:
        return undefined;
    }
}

/* A JavaScript string literal (ASCII) of text. */
function stringLiteral(text) {
    return JSON.stringify(text).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function isTable(node) {
    return (node.type === 'ArrayExpression' && node.elements.length >= MIN_ENTRIES) ||
        (node.type === 'ObjectExpression' && node.properties.length >= MIN_ENTRIES);
}

/* Top-down: a table rewritten is not entered again. */
function visit(node, ms, counter) {
    if (isTable(node)) {
        const data = dataOf(node);
        if (data !== undefined) {
            ms.overwrite(node.start, node.end, `JSON.parse(${stringLiteral(JSON.stringify(data))})`);
            counter.n++;
            return;
        }
    }
    for (const key of Object.keys(node)) {
        const child = node[key];
        if (Array.isArray(child)) {
            for (const c of child) {
                if (c !== null && typeof c === 'object' && typeof c.type === 'string') {
                    visit(c, ms, counter);
                }
            }
        } else if (child !== null && typeof child === 'object' && typeof child.type === 'string' && key !== 'loc') {
            visit(child, ms, counter);
        }
    }
}

function transform(ast, ms) {
    const counter = { n: 0 };
    visit(ast, ms, counter);
    return counter.n;
}

/* The pre-pass's cheap test: an opening bracket followed by 1,000
 * literals (or flat arrays of literals), each followed by a comma, as
 * array elements, or literals as the values of properties with plain keys (anchored at the bracket, so that the
 * scan is linear in the code). */
const VALUE = '(?:"(?:[^"\\\\\\n]|\\\\.)*"|\'(?:[^\'\\\\\\n]|\\\\.)*\'|`(?:[^`\\\\$]|\\\\.|\\$(?!\\{))*`|-?\\.?\\d[\\w.+-]*|true|false|null)';
const KEY = '(?:[A-Za-z_$][\\w$]*|"(?:[^"\\\\\\n]|\\\\.)*"|\'(?:[^\'\\\\\\n]|\\\\.)*\'|\\d+)';
/* an element: a literal or a flat array of literals */
const ELEMENT = `(?:${VALUE}|\\[\\s*(?:${VALUE}\\s*,\\s*)*(?:${VALUE}\\s*)?\\])`;
const ELEMENTS = new RegExp(`\\[\\s*(?:${ELEMENT}\\s*,\\s*){${MIN_ENTRIES}}`);
const PROPERTIES = new RegExp(`\\{\\s*(?:${KEY}\\s*:\\s*${VALUE}\\s*,\\s*){${MIN_ENTRIES}}`);
const TEST = new RegExp(`${ELEMENTS.source}|${PROPERTIES.source}`);

module.exports = { transform, TEST };
