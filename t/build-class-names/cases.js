// SPDX-License-Identifier: MIT
// Names of class expressions that have none of their own, where the
// lowering builds the class as `_class`: in anonymous positions, and in
// named positions when the class has static fields or blocks or private
// members. Run by t/build-class-names.t in Node and, built, in fcworker.
const out = [];
const show = (label, c) => out.push(`${label}: [${c.name}]`);

show('argument', ((c) => c)(class {}));
show('array element', [class {}][0]);
show('comma', (0, class { static q = 1; }));
show('conditional', out.length > 0 ? class {} : null);
const mixin = (Base) => class extends Base { m() { return 1; } };
show('mixin', mixin(Object));
const Named = mixin(class Base {});
show('mixin of a named base', Named);
out.push(`instance's constructor: [${new Named().constructor.name}]`);
show('nested factory', (class K { static make() { return class extends K {}; } }).make());

const S = class { static s = 1; };
show('const, static field', S);
const T = class { static t = this.name; };
show('const, static field reading the name', T);
out.push(`the field read: [${T.t}]`);
const U = class { static { out.push(`static block sees: [${this.name}]`); } };
show('const, static block', U);
const P = class { #p = 1; get p() { return this.#p; } };
show('const, private field', P);
const M = class { #m() { return 2; } call() { return this.#m(); } };
show('const, private method', M);
const E = class extends Array { static e = 1; };
show('const, extends, static field', E);
let V;
V = class { static v = 1; };
show('assignment', V);
let W = null;
W ??= class { static w = 1; };
show('??=', W);
const o = { key: class { static k = 1; }, 'quoted key': class { static k = 1; }, 7: class { static k = 1; }, ['computed']: class { static k = 1; } };
show('property', o.key);
show('quoted property', o['quoted key']);
show('numeric property', o[7]);
show('computed literal property', o.computed);
const { d = class { static d = 1; } } = {};
show('destructuring default', d);
function param(p = class { static p = 1; }) { return p; }
show('parameter default', param());
class Holder { static inner = class { static i = 1; }; static #hidden = class { static h = 1; }; static hidden() { return Holder.#hidden; } }
show('static field', Holder.inner);
show('private static field', Holder.hidden());
const dotted = {};
dotted.prop = class { static x = 1; };
show('member assignment', dotted.prop);

const Method = class { static name() { return 'method'; } static n = 1; };
out.push(`static name method: ${typeof Method.name} ${Method.name()}`);
const Getter = class { static get name() { return 'getter'; } static n = 1; };
out.push(`static name getter: ${Getter.name}`);
const Field = class { static name = 'field'; };
out.push(`static name field: ${Field.name}`);
const Plain = class {};
show('const, plain', Plain);
const Statics = class Own { static x = 1; };
show('own name', Statics);
(typeof print === 'function' ? print : console.log)(out.join('\n'));
