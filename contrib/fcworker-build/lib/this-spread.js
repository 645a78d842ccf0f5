// SPDX-License-Identifier: MIT
/*
 * A spread call of `this` (`this(...args)`): SWC's lowering writes it as
 * `_this.apply(void 0, args)`, which fails when `this` is a function whose
 * prototype chain has no `apply`. That is the case of the callable objects
 * made as arktype 2 makes its schemas (`Object.setPrototypeOf(fn.bind(x),
 * Class.prototype)` in a constructor, with Class extending no function),
 * which then call themselves with spread arguments (arktype's GenericRoot:
 * `this.baseInstantiation = this(...this.constraints)`).
 *
 * A pre-pass on esbuild's ES2022 output: the call becomes
 * `Function.prototype.apply.call(this, void 0, [ARGS])`, which SWC lowers
 * (the array's spread) and which calls `this` whatever its prototype. Only
 * `this` is a callee so rewritten: a spread call of a name or a member
 * (`f(...a)`, common and hot) keeps SWC's `.apply`.
 *
 * transform(ast, ms, code) edits `ms` and returns the number of calls
 * rewritten.
 */
'use strict';

const walk = require('acorn-walk');

function transform(ast, ms) {
    let count = 0;
    walk.simple(ast, {
        CallExpression(node) {
            const args = node.arguments;
            if (node.callee.type !== 'ThisExpression' || node.optional ||
                !args.some((a) => a.type === 'SpreadElement')) {
                return;
            }
            ms.overwrite(node.callee.start, args[0].start, 'Function.prototype.apply.call(this, void 0, [');
            ms.overwrite(args[args.length - 1].end, node.end, '])');
            count++;
        }
    });
    return count;
}

module.exports = { transform };
