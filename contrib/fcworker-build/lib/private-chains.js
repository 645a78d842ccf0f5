// SPDX-License-Identifier: MIT
/*
 * A private member of a private member (`this.#parent.#count`,
 * `this.#parent.#inc(n)`, `(this.#a).#b = v`): SWC's lowering with
 * privateFieldsAsProperties (lib/es5.js) rewrites the outer access but
 * leaves the inner `this.#parent` as it is, which Duktape cannot parse
 * (ethers 6's ABI reader does `this.#parent.#incrementBytesRead(count)`).
 *
 * A pre-pass on esbuild's ES2022 output: the inner member becomes the
 * operand of a comma expression, `(0, this.#parent).#count`, which SWC
 * lowers whole. The value, the receiver of a call (the object the inner
 * member gives) and assignment targets are the same; a `delete` of a
 * private member is a syntax error anyway. An inner member in an optional
 * chain (`a?.#b.#c`) is left alone, as the comma would end the chain.
 *
 * transform(ast, ms, code) edits `ms` and returns the number of members
 * rewritten.
 */
'use strict';

const walk = require('acorn-walk');

function isPrivateMember(node) {
    return node.type === 'MemberExpression' && node.property.type === 'PrivateIdentifier';
}

/* Whether node is part of an optional chain that goes on past it (`a?.#b`
 * in `a?.#b.#c`): the comma would stop the short-circuit there. */
function optionalInside(node) {
    for (let n = node; n.type === 'MemberExpression' || n.type === 'CallExpression'; n = n.object || n.callee) {
        if (n.optional) {
            return true;
        }
    }
    return false;
}

function transform(ast, ms) {
    let count = 0;
    walk.simple(ast, {
        MemberExpression(node) {
            if (isPrivateMember(node) && isPrivateMember(node.object) && !optionalInside(node.object)) {
                ms.prependRight(node.object.start, '(0, ');
                ms.appendLeft(node.object.end, ')');
                count++;
            }
        }
    });
    return count;
}

module.exports = { transform };
