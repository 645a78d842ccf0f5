// SPDX-License-Identifier: MIT
// Function and class names through the bundling (fcworker-build's esbuild
// keepNames and lib/keep-names.js): run by t/build-keep-names.t in Node
// (as ES modules) and, built, in fcworker.
import { ValidationError as A, describe as describeA, arrow as arrowA } from './errors-a.mjs';
import defaultB, { ValidationError as B, describe as describeB, arrow as arrowB, shadow } from './errors-b.mjs';

const out = (typeof print === 'function' ? print : console.log);
function local() {}
const objects = { method() {}, arrow: () => 1, fn: function () {}, 'quoted key': function () {} };
out([A.name, B.name, new A('x').name, new B('y').name, String(new B('z')), B.kind].join(' '));
out([describeA.name, describeB.name, arrowA.name, arrowB.name, defaultB.name, describeB()].join(' '));
out([local.name, objects.method.name, objects.arrow.name, objects.fn.name, objects['quoted key'].name].join(' '));
out(shadow()());
import('./lazy.mjs').then((m) => {
    out([m.Lazy.name, m.Lazy.make().constructor.name, m.default.name, m.lazyFunction.name].join(' '));
});
