// SPDX-License-Identifier: MIT
// Private members of `this` used more than once in a function, in every
// shape whose outcome the brand check decides; run by Node as it is and by
// fcworker as fcworker-build bundles it (the checks of `this` for one key
// after the first of a call skipped, contrib/fcworker-build/lib/private-base.js),
// the two must print the same.
const { log, printAll } = require('../lib/cases-log.js');

class Counter {
    #n = 0;
    #step = 1;
    static #made = 0;
    constructor(step) {
        if (step !== undefined) {
            this.#step = step;
        }
        this.#n = this.#n + this.#step;
        Counter.#made++;
        Counter.#made += 0;
    }
    inc() {
        this.#n += this.#step;
        this.#n++;
        return this.#n;
    }
    get value() {
        this.#n ??= 100;
        return this.#n;
    }
    #twice(x) {
        return x * 2;
    }
    double() {
        return this.#twice(this.#n) + this.#twice(this.#step);
    }
    sometimes(flag) {
        if (flag) {
            return this.#n;
        }
        return this.#n + this.#step;
    }
    /* a failed check must not let the next one pass */
    guarded(other) {
        let first;
        try {
            first = other.#n;
        } catch (e) {
            first = e.constructor.name;
        }
        try {
            return `${first} ${this.#n} ${this.#n}`;
        } catch (e) {
            return `${first} then ${e.constructor.name}`;
        }
    }
    nested() {
        const read = () => this.#n + this.#n;
        return [read(), function () { return this === undefined; }(), read()].join();
    }
    loop(k) {
        let s = 0;
        for (let i = 0; i < k; i++) {
            s += this.#n;
        }
        return s + this.#n;
    }
    static made() {
        return Counter.#made;
    }
    shadow(_n) {
        return [this.#n, this.#n, _n].join();
    }
}

const c = new Counter(2);
log('constructor', () => c.value);
log('inc', () => c.inc());
log('getter with ??=', () => c.value);
log('private method twice', () => c.double());
log('branches', () => [c.sometimes(true), c.sometimes(false)].join());
log('a check that throws first', () => c.guarded({}));
log('a check of another instance first', () => c.guarded(new Counter()));
log('arrow functions inside', () => c.nested());
log('a loop', () => c.loop(3));
log('static fields', () => Counter.made());
log('a parameter named like a key', () => c.shadow('p'));
log('a method called on a non-instance', () => Counter.prototype.inc.call({}));
log('a getter read on a non-instance', () => Object.getOwnPropertyDescriptor(Counter.prototype, 'value').get.call({}));
log('a method called on an object inheriting from an instance', () => Counter.prototype.inc.call(Object.create(c)));
log('a method called on null', () => Counter.prototype.inc.call(null));
log('a method called on a primitive', () => Counter.prototype.sometimes.call(7, true));

let leak;
class Half {
    #a = 1;
    #b = leak(this); /* a throw here leaves an object with #a and no #b */
    both() {
        return this.#a + this.#a + this.#b + this.#b;
    }
    onlyA() {
        return this.#a + this.#a;
    }
}
let leaked;
leak = (o) => {
    leaked = o;
    throw new RangeError('stop');
};
log('a half-made object', () => new Half());
log('its first field checked twice', () => Half.prototype.onlyA.call(leaked));
log('its missing field checked twice', () => Half.prototype.both.call(leaked));

class Init {
    #a = 1;
    #b = this.#a + this.#a;
    #c;
    constructor(self) {
        this.#c = this.#b + this.#a;
        this.#c += self ? this.#c : 0;
    }
    sum() {
        return this.#a + this.#b + this.#c;
    }
}
class Early {
    #e = this.#e;
}
log('initializers reading earlier fields, a constructor using them', () => [new Init(false).sum(), new Init(true).sum()].join());
log('an initializer reading its own field', () => new Early());

class Base {
    #id = 'base';
    id() {
        return this.#id + this.#id;
    }
}
class Derived extends Base {
    #own = 'derived';
    both() {
        return this.id() + this.#own + this.#own;
    }
}
log('a subclass', () => new Derived().both());
log('a base method on a subclass instance', () => Base.prototype.id.call(new Derived()));
log('a subclass method on a base instance', () => Derived.prototype.both.call(new Base()));

/* arrows of a method read `this` through SWC's `var _this = this;`: Hono's
 * Context methods are class fields holding arrows */
class Arrows {
    #v = 1;
    #w = 2;
    sum = (n) => this.#v + this.#v * n + this.#w;
    bump = () => {
        this.#v += 1;
        return this.#v + this.#v;
    };
    read() {
        const f = () => this.#v + this.#w + this.#v;
        return f();
    }
}
const arrows = new Arrows();
log('arrows checking this through an alias', () => `${arrows.sum(3)} ${arrows.bump()} ${arrows.read()}`);
log('an alias of another object', () => Arrows.prototype.read.call({}));
log('an arrow field moved to another object', () => ({ sum: arrows.sum }).sum(1));

async function later(x) {
    await null;
    return x;
}
class Slow {
    #v = 1;
    async run() {
        const a = this.#v;
        await later(0);
        this.#v += 10;
        await later(0);
        return a + this.#v;
    }
}
new Slow().run().then((v) => {
    log('across awaits', () => v);
    return Slow.prototype.run.call({}).then(() => 'resolved', (e) => e.constructor.name);
}).then((v) => {
    log('an async method on a non-instance', () => v);
    printAll();
});
