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

/* Whether Duktape's literal compiler refuses the pattern although ES5's
 * grammar (and acorn) takes it: web-compatibility forms of Annex B that
 * V8 accepts and the runtime's own engine implements. A quantified
 * lookahead (`(?=a)?`, ua-parser-js has one), `\c` without a letter, `\8`
 * and `\9`, `\u{...}`, a class range ending in a class escape (`[a-\d]`),
 * an octal escape (`\00`, `\12` beyond the groups), a back reference to a
 * group that does not exist. Errs towards yes: a pattern it names is
 * compiled by the runtime's engine, as esbuild's rewrites are. */
function duktapeRefuses(pattern) {
    let groups = 0;
    let maxReference = 0;
    let inClass = false;
    const stack = [];
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === '\\') {
            const next = pattern[i + 1] || '';
            if (next === 'c' && !/[A-Za-z]/.test(pattern[i + 2] || '')) {
                return true;
            }
            if (next === 'u' && pattern[i + 2] === '{') {
                return true;
            }
            if (!inClass && (next === '8' || next === '9')) {
                return true;
            }
            if (!inClass && next === '0' && /[0-9]/.test(pattern[i + 2] || '')) {
                return true;
            }
            if (!inClass && /[1-9]/.test(next)) {
                const digits = /^[0-9]+/.exec(pattern.slice(i + 1))[0];
                maxReference = Math.max(maxReference, Number(digits));
            }
            if (inClass && pattern[i - 1] === '-' && pattern[i - 2] !== '[' && /[dDwWsS]/.test(next)) {
                return true;
            }
            i++;
            continue;
        }
        if (inClass) {
            if (c === ']') {
                inClass = false;
            }
            continue;
        }
        if (c === '[') {
            inClass = true;
            if (pattern[i + 1] === ']') {
                i++;
            }
        } else if (c === '(') {
            const lookahead = pattern[i + 1] === '?' && (pattern[i + 2] === '=' || pattern[i + 2] === '!');
            if (pattern[i + 1] !== '?') {
                groups++;
            }
            stack.push(lookahead);
        } else if (c === ')') {
            if (stack.pop() === true && /^(?:[?*+]|\{[0-9])/.test(pattern.slice(i + 1))) {
                return true;
            }
        }
    }
    return maxReference > groups;
}

function transform(ast, ms) {
    walk.simple(ast, {
        Literal(node) {
            if (!node.regex || (isES5(node.raw) && !duktapeRefuses(node.regex.pattern))) {
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

module.exports = { transform, duktapeRefuses };
