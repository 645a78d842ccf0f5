// SPDX-License-Identifier: MIT
// Class fields, which contrib/fcworker-build/lib/define-fields.js joins
// into one call per run: t/build-define-fields.t runs this in Node and its
// bundle in fcworker and compares what they print.
const out = (...a) => (typeof print === 'function' ? print(a.join(' ')) : console.log(a.join(' ')));
// (the lowering keeps private fields as non-enumerable properties named
// __private_N_name: docs/modern-js.md)
const show = (o) => JSON.stringify(Object.getOwnPropertyNames(o).filter((k) => !k.startsWith('__private_')).map((k) => {
    const d = Object.getOwnPropertyDescriptor(o, k);
    const v = typeof d.value === 'function' ? 'fn' : d.value === o ? 'self' : d.value;
    return [k, v === undefined ? 'undefined' : v, d.writable, d.enumerable, d.configurable];
}));

class Node1 {
    tag;
    props;
    key;
    children;
    isEscaped = true;
    constructor(tag) {
        this.tag = tag;
    }
}
out('plain', show(new Node1('div')));

class Kinds {
    a = 1;
    b = -2.5;
    c = 'str';
    d = null;
    e = {};
    f = [1, [2], { g: 3 }];
    h = () => this.a;
    i = function () { return 'i'; };
    j = { get k() { return 'k'; } };
    l = this;
}
const k = new Kinds();
out('kinds', show(k), k.h(), k.i(), k.j.k, k.l === k, k.e !== new Kinds().e);

class Private {
    #x = 1;
    pub = 2;
    #y;
    #z = 'z';
    both = 3;
    get sum() { return this.#x + this.pub + this.both + (this.#y === undefined ? 0 : 100) + this.#z; }
    #m() { return 'm'; }
    static #s = 's';
    static has(o) { return #x in o; }
    static hasM(o) { return #m in o; }
    static hasS(o) { return #s in o; }
}
const p = new Private();
out('private', p.sum, show(p), Private.has(p), Private.has({}));
// `#x in o` (SWC's lowering calls _x.has(o) on the property's key)
out('brand checks', Private.hasM(p), Private.hasM({}), Private.hasS(Private), Private.hasS(p),
    Private.has(Object.create(p)), Private.has(function () {}));
for (const v of [null, undefined, 1, 'str', Symbol('s')]) {
    try {
        out('brand check of a primitive', Private.has(v));
    } catch (e) {
        out('brand check of a primitive', e instanceof TypeError);
    }
}
// a variable named like a key, holding a Set, keeps its own has
function ownHas() {
    const _x = new Set([1]);
    return _x.has(1);
}
out('own has', ownHas());

// a setter on the prototype is not called: fields are defined
class WithSetter {
    set v(x) { out('setter called', x); }
    get v() { return 'getter'; }
}
class Sub extends WithSetter {
    v = 'field';
    w = 'w';
}
const s = new Sub();
out('setter', s.v, show(s));

// a value that reads what an earlier field defined stays in its place
let counter = 0;
class Order {
    a = ++counter;
    b = this.a + 1;
    c = 'c';
    d = counter * 10;
    e = 'e';
}
out('order', show(new Order()));

// computed keys and static fields
const name1 = 'computed';
class Computed {
    [name1] = 1;
    plain = 2;
    other = 3;
    static st = 'static';
    static st2 = 'static2';
}
out('computed', show(new Computed()), Computed.st, Computed.st2);

// a frozen base: the first field throws, the others are not defined
class Frozen {
    constructor() { return Object.freeze({ base: 1 }); }
}
class OnFrozen extends Frozen {
    x = 1;
    y = 2;
}
try {
    new OnFrozen();
    out('frozen: no error');
} catch (e) {
    out('frozen', e instanceof TypeError);
}

// a base that returns a Proxy: the derived fields go through its trap, in order
const trapped = [];
class ProxyBase {
    constructor() {
        return new Proxy({}, { defineProperty(t, key, d) { trapped.push(String(key) + '=' + d.value); return Reflect.defineProperty(t, key, d); } });
    }
}
class OnProxy extends ProxyBase {
    one = 1;
    two = 'two';
    three = undefined;
}
new OnProxy();
out('proxy', trapped.join(','));

// fields redefined over a non-writable, configurable own property
class Redefine {
    constructor() {
        Object.defineProperty(this, 'x', { value: 'old', writable: false, configurable: true });
    }
}
class OverRedefine extends Redefine {
    x = 'new';
    y = 'y';
}
out('redefine', show(new OverRedefine()));

// many instances
let total = 0;
for (let i = 0; i < 1000; i++) {
    total += new Node1('t' + i).isEscaped ? 1 : 0;
}
out('many', total);
out('end');
