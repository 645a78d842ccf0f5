// SPDX-License-Identifier: MIT
// for-of as fcworker-build lowers it, with the runtime's step
// (__fcw_helpers.iterStep, lib/duk_hooks.c): each case prints what it saw.
// t/build-for-of.t runs this file in Node and its bundle in fcworker and
// compares the two outputs line by line.
const print_ = typeof print === 'function' ? print : (s) => console.log(s);
const log = (name, value) => print_(`${name}: ${JSON.stringify(value)}`);

function collect(iterable) {
    const out = [];
    for (const x of iterable) out.push(x);
    return out;
}

log('array', collect([1, 'two', null, undefined, { a: 3 }]));
log('empty', collect([]));
log('holes read through the prototype', (() => {
    Array.prototype[1] = 'from proto';
    try {
        return collect([0, , 2, , 4]); // eslint-disable-line no-sparse-arrays
    } finally {
        delete Array.prototype[1];
    }
})());
log('a getter on an element', (() => {
    const a = [1, 2, 3];
    let reads = 0;
    Object.defineProperty(a, 1, { get() { reads++; return 'got'; } });
    return [collect(a), reads];
})());
log('an array that grows while iterated', (() => {
    const a = [1, 2];
    const out = [];
    for (const x of a) {
        out.push(x);
        if (a.length < 5) a.push(x * 10);
    }
    return out;
})());
log('an array that shrinks while iterated', (() => {
    const a = [1, 2, 3, 4, 5];
    const out = [];
    for (const x of a) {
        out.push(x);
        a.length = 3;
    }
    return out;
})());
log('break, continue, return', (() => {
    const out = [];
    for (const x of [1, 2, 3, 4, 5, 6]) {
        if (x === 2) continue;
        if (x === 5) break;
        out.push(x);
    }
    const find = (a, v) => { for (const [i, x] of a.entries()) if (x === v) return i; return -1; };
    return [out, find(['a', 'b', 'c'], 'c'), find([], 'c')];
})());
log('nested loops over one array', (() => {
    const a = [1, 2, 3];
    const out = [];
    for (const x of a) for (const y of a) if (x !== y) out.push(`${x}${y}`);
    return out;
})());
log('a throw inside the body', (() => {
    try {
        for (const x of [1, 2, 3]) if (x === 2) throw new Error(`at ${x}`);
    } catch (e) {
        return e.message;
    }
    return 'no throw';
})());
log('destructuring', (() => {
    const out = [];
    for (const [k, v] of Object.entries({ a: 1, b: 2 })) out.push(k + v);
    for (const { id, tags: [first = 'none'] = [] } of [{ id: 1, tags: ['x'] }, { id: 2 }]) out.push(`${id}${first}`);
    return out;
})());
log('keys, values, entries', [collect(['a', 'b'].keys()), collect(['a', 'b'].values()), collect(['a', 'b'].entries())]);
log('an iterator taken before the loop', (() => {
    const it = [1, 2, 3, 4][Symbol.iterator]();
    it.next();
    const out = collect(it);
    const again = collect(it);
    return [out, again, it.next(), Object.keys(it)];
})());
log('a loop left early leaves the iterator where it was', (() => {
    const it = [1, 2, 3, 4].values();
    for (const x of it) if (x === 2) break;
    return [it.next().value, collect(it)];
})());
log('strings, Map, Set, typed arrays', (() => {
    const m = new Map([['k', 1], ['l', 2]]);
    return [collect('a\u{1F600}b').map((c) => c.length), collect(m), collect(m.keys()), collect(new Set([3, 3, 4])),
        collect(new Uint8Array([5, 6]))];
})());
log('arguments', (function () {
    const direct = [...arguments];
    const out = [];
    for (const x of arguments) out.push(x * 2);
    const arrow = () => {
        const seen = [];
        for (const y of arguments) seen.push(y);
        return seen;
    };
    return [direct, out, arrow()];
})(1, 2, 3));
log('generators and user iterables, closed on break', (() => {
    const out = [];
    function* g() { try { yield 1; yield 2; yield 3; } finally { out.push('closed'); } }
    for (const x of g()) { out.push(x); if (x === 2) break; }
    const iterable = {
        [Symbol.iterator]() {
            let i = 0;
            return {
                next: () => ({ value: i, done: i++ >= 2 }),
                return: () => { out.push('return called'); return {}; }
            };
        }
    };
    for (const x of iterable) out.push(`u${x}`);
    for (const x of iterable) { out.push(`v${x}`); break; }
    return out;
})());
log('a next method replaced on the prototype is called', (() => {
    const proto = Object.getPrototypeOf([][Symbol.iterator]());
    const original = proto.next;
    let calls = 0;
    proto.next = function () { calls++; return original.call(this); };
    try {
        return [collect([1, 2]), calls];
    } finally {
        proto.next = original;
    }
})());
log('an own next on the iterator is called', (() => {
    const a = [1, 2, 3];
    const it = a.values();
    it.next = () => ({ value: 'own', done: (it.calls = (it.calls || 0) + 1) > 2 });
    return collect({ [Symbol.iterator]: () => it });
})());
log('Symbol.iterator replaced on an array', (() => {
    const a = [1, 2, 3];
    a[Symbol.iterator] = function* () { yield 'replaced'; };
    return collect(a);
})());
log('Array.prototype[Symbol.iterator] replaced', (() => {
    const original = Array.prototype[Symbol.iterator];
    Array.prototype[Symbol.iterator] = function* () { yield 'proto replaced'; };
    try {
        return collect([1, 2]);
    } finally {
        Array.prototype[Symbol.iterator] = original;
    }
})());
log('an array subclass', (() => {
    class List extends Array {
        *[Symbol.iterator]() { for (let i = this.length - 1; i >= 0; i--) yield this[i]; }
    }
    const l = new List();
    l.push(1, 2, 3);
    return collect(l);
})());
log('a frozen array, and a frozen iterator', (() => {
    const it = Object.freeze([4, 5].values());
    return [collect(Object.freeze([1, 2, 3])), collect(it)];
})());
log('a proxy of an array', collect(new Proxy([1, 2], {})));
log('not iterable', (() => {
    const out = [];
    for (const v of [null, undefined, 1, {}]) {
        try {
            for (const x of v) out.push(x);
            out.push('no error');
        } catch (e) {
            out.push(e instanceof TypeError);
        }
    }
    return out;
})());
log('a next that returns no object', (() => {
    try {
        for (const x of { [Symbol.iterator]: () => ({ next: () => 42 }) }) return x;
    } catch (e) {
        return e instanceof TypeError;
    }
    return 'none';
})());
log('a return method on the array iterator prototype is called on break and throw', (() => {
    const proto = Object.getPrototypeOf([][Symbol.iterator]());
    const out = [];
    const a = [1, 2, 3], b = [4, 5], c = [6, 7], d = [8];
    proto.return = function () { out.push('return'); return {}; };
    try {
        for (const x of a) { out.push(x); if (x === 2) break; }
        for (const x of b) out.push(x);
        try {
            for (const x of c) { out.push(x); throw new Error('thrown'); }
        } catch (e) {
            out.push(e.message);
        }
    } finally {
        delete proto.return;
    }
    for (const x of d) { out.push(x); break; }
    return out;
})());
log('a return method added while the loop runs', (() => {
    const out = [], a = [1, 2, 3];
    try {
        for (const x of a) {
            out.push(x);
            if (x === 2) {
                Object.prototype.return = function () { out.push('late return'); return {}; };
                break;
            }
        }
    } finally {
        delete Object.prototype.return;
    }
    return out;
})());
log('next replaced while the loop runs is not called', (() => {
    const proto = Object.getPrototypeOf([][Symbol.iterator]());
    const original = proto.next;
    let calls = 0;
    const out = [], a = [1, 2, 3];
    try {
        for (const x of a) {
            out.push(x);
            proto.next = function () { calls++; return original.call(this); };
        }
    } finally {
        proto.next = original;
    }
    return [out, calls];
})());
log('an array whose prototype is not Array.prototype', (() => {
    const a = [1, 2, 3];
    const proto = Object.create(Array.prototype);
    proto[Symbol.iterator] = function* () { yield 'own proto'; };
    Object.setPrototypeOf(a, proto);
    const b = Object.setPrototypeOf([4, 5], Object.create(Array.prototype));
    return [collect(a), collect(b)];
})());
log('labelled break and continue across nested loops', (() => {
    const out = [], xs = [1, 2, 3, 4], ys = ['a', 'b', 'c'];
    outer: for (const x of xs) {
        for (const y of ys) {
            if (y === 'b' && x === 1) continue outer;
            if (x === 3) break outer;
            out.push(x + y);
        }
    }
    return out;
})());
log('closures keep each element', (() => {
    const fns = [], xs = [1, 2, 3], ys = ['a', 'b'];
    for (const x of xs) fns.push(() => x);
    for (let y of ys) { y += '!'; fns.push(() => y); }
    return fns.map((f) => f());
})());
log('a target with a setter, and an existing variable', (() => {
    const seen = [];
    const o = { set p(v) { seen.push(`set ${v}`); } };
    const xs = [1, 2], ys = ['x', 'y'];
    for (o.p of xs) seen.push('body');
    let last;
    for (last of ys) seen.push(last);
    return [seen, last];
})());
log('a generator that yields inside a loop over an array it changes', (() => {
    function* g(a) { for (const x of a) { yield x; if (a.length < 4) a.push(x + 10); } }
    const a = [1, 2];
    const out = [];
    for (const v of g(a)) out.push(v);
    const it = g([5, 6, 7]);
    out.push(it.next().value, it.return('early').value, it.next().done);
    return out;
})());
log('an element getter that throws, and one that empties the array', (() => {
    const a = [1, 2, 3];
    Object.defineProperty(a, 1, { get() { throw new Error('getter threw'); } });
    const out = [];
    try {
        for (const x of a) out.push(x);
    } catch (e) {
        out.push(e.message);
    }
    const b = [1, 2, 3];
    Object.defineProperty(b, 0, { get() { b.length = 0; return 'first'; }, configurable: true });
    for (const x of b) out.push(x);
    return out;
})());
log('a long loop', (() => {
    const a = Array.from({ length: 10000 }, (_, i) => i);
    let s = 0;
    for (const x of a) s += x;
    return s;
})());
async function awaits() {
    const out = [], xs = [1, 2, 3];
    for (const x of xs) out.push(await x * 2);
    for (const [k, v] of Object.entries({ a: 1 })) out.push(k + (await v));
    return out;
}
awaits().then((v) => log('awaits inside loops', v));
