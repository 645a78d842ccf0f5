// SPDX-License-Identifier: MIT
// `a instanceof B` in every shape that decides its answer differently; run
// by Node as it is and by fcworker as fcworker-build bundles it (each
// instanceof a call of the _fcwIO helper), the two must print the same.
const { log, printAll } = require('../lib/cases-log.js');

class Animal {}
class Dog extends Animal {}
const dog = new Dog();
log('subclass instance', () => dog instanceof Animal);
log('not an instance', () => new Animal() instanceof Dog);
log('Object', () => dog instanceof Object);
log('null prototype', () => Object.create(null) instanceof Object);
log('primitives', () => [1, 'a', true, null, undefined, Symbol('s')].map((v) => v instanceof Object).join());
log('a boxed primitive', () => Object('a') instanceof String);
log('arrays and functions', () => [[] instanceof Array, (() => 1) instanceof Function, Dog instanceof Function].join());
log('an error', () => new TypeError('x') instanceof Error);
log('a promise', () => Promise.resolve(1) instanceof Promise);

class Even {
    static [Symbol.hasInstance](n) {
        return n % 2 === 0;
    }
}
class EvenChild extends Even {}
log('static Symbol.hasInstance', () => [2 instanceof Even, 3 instanceof Even].join());
log('inherited static Symbol.hasInstance', () => 4 instanceof EvenChild);
const Truthy = { [Symbol.hasInstance]: (v) => !!v };
log('a plain object with Symbol.hasInstance', () => [1 instanceof Truthy, 0 instanceof Truthy].join());
function Plain() {}
Object.defineProperty(Plain, Symbol.hasInstance, { value: () => true });
log('an own Symbol.hasInstance on a function', () => 5 instanceof Plain);

const Bound = Dog.bind(null);
log('a bound constructor', () => dog instanceof Bound);
log('not callable', () => dog instanceof {});
log('not an object', () => dog instanceof 5);
const arrow = () => 1;
log('no prototype', () => dog instanceof arrow);
log('no prototype, a primitive', () => 5 instanceof arrow);
function Shifty() {}
Shifty.prototype = 7;
log('a primitive prototype', () => ({}) instanceof Shifty);
log('a primitive prototype, a primitive', () => 7 instanceof Shifty);

const seen = [];
const left = () => { seen.push('left'); return dog; };
const right = () => { seen.push('right'); return Animal; };
log('order', () => left() instanceof right() && seen.join());
log('nested', () => dog instanceof Dog instanceof Object);
log('negated', () => !(dog instanceof Dog));
log('with comments', () => dog /* a */ instanceof /* b */ Dog);
log('parenthesized', () => (dog) instanceof (Animal));

const target = new Dog();
const proxied = new Proxy(target, {});
log('a proxy of an instance', () => proxied instanceof Dog);
const liar = new Proxy({}, { getPrototypeOf: () => Dog.prototype });
log('a getPrototypeOf trap', () => liar instanceof Animal);
const onChain = Object.create(new Proxy(Object.create(Dog.prototype), {}));
log('a proxy on the chain', () => onChain instanceof Dog);
const ProxiedClass = new Proxy(Dog, {});
log('a proxy as the constructor', () => dog instanceof ProxiedClass);
const trapped = new Proxy(Dog, { get: (t, k) => (k === Symbol.hasInstance ? () => 'trap' : t[k]) });
log('a proxy with a hasInstance get trap', () => dog instanceof trapped);
class Later {}
const later = new Later();
Object.setPrototypeOf(later, Animal.prototype);
log('a changed prototype', () => [later instanceof Later, later instanceof Animal].join());

(async () => {
    const got = await Promise.resolve(dog);
    log('in an async function', () => got instanceof Animal);
    printAll();
})();
