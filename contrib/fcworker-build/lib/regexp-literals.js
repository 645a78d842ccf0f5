// SPDX-License-Identifier: MIT
/*
 * Pre-pass: regular-expression literals whose syntax is newer than ES5 and
 * that esbuild leaves as they are (pattern modifiers such as `(?i:...)` and
 * `(?-m:...)`, ES2025) become `new RegExp("source", "flags")` calls, as
 * esbuild does for the older features, so that they reach the runtime's own
 * RegExp engine instead of Duktape's parser. The acorn tree was parsed with
 * ecmaVersion 'latest', so every literal in it is valid modern syntax (an
 * invalid one already failed the parse, as an early error should); a
 * literal is rewritten when it is not also valid ES5.
 */
'use strict';

const acorn = require('acorn');
const walk = require('acorn-walk');

/* A JavaScript string literal of `s` in plain ASCII (no raw U+2028/2029,
 * which end an ES5 string). */
function stringLiteral(s) {
    return JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

function isES5(raw) {
    try {
        acorn.parse(raw, { ecmaVersion: 5 });
        return true;
    } catch (e) {
        return false;
    }
}

function transform(ast, ms) {
    walk.simple(ast, {
        Literal(node) {
            if (!node.regex || isES5(node.raw)) {
                return;
            }
            const args = [stringLiteral(node.regex.pattern)];
            if (node.regex.flags) {
                args.push(stringLiteral(node.regex.flags));
            }
            ms.overwrite(node.start, node.end, `new RegExp(${args.join(', ')})`);
        }
    });
}

module.exports = { transform };
