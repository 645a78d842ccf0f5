// SPDX-License-Identifier: MIT
/*
 * WebIDL pair iterators (`iterable<K, V>`, https://webidl.spec.whatwg.org/
 * #idl-iterable), shared by Headers, FormData and URLSearchParams:
 *
 *   native.definePairIterable(proto, name, pairsOf, flat)
 *
 * puts entries(), keys(), values(), forEach() and [Symbol.iterator] (the
 * same function as entries) on the interface prototype proto. pairsOf(obj)
 * is the interface's brand check (a TypeError for anything else) and
 * returns obj's current list of value pairs: flat, [k0, v0, k1, v1, ...],
 * or else [[k0, v0], [k1, v1], ...]. It is asked again at every step, so
 * an iteration sees the pairs as they are when it gets there, as the spec's
 * index-based iterators do.
 *
 * The iterators are objects whose prototype is the interface's own
 * "<name> Iterator" prototype (next(), @@toStringTag "<name> Iterator"),
 * which inherits %IteratorPrototype% (js/11-collections.js), so they are
 * iterable themselves. Their state is under a symbol, out of reach of
 * user code.
 */
var ITERATOR_STATE = Symbol('pair iterator');
var KIND_KEY = 0, KIND_VALUE = 1, KIND_ENTRY = 2;

function IteratorState(target, kind, proto) {
    this.target = target;
    this.kind = kind;
    this.index = 0;
    this.proto = proto;
}

/* (native.defineData: Object.defineProperty without the descriptor
 * object; attrs 1 writable, 2 enumerable, 4 configurable; a function's
 * length and name are neither writable nor enumerable) */
function defineOperation(target, key, fn, length, name) {
    native.defineData(fn, 'length', length, 4);
    native.defineData(fn, 'name', name, 4);
    native.defineData(target, key, fn, 7);
}

native.definePairIterable = function (proto, name, pairsOf, flat) {
    var iteratorProto = Object.create(native.IteratorPrototype);
    var step = flat ? 2 : 1;

    function keyAt(pairs, i) {
        return flat ? pairs[i] : pairs[i][0];
    }

    function valueAt(pairs, i) {
        return flat ? pairs[i + 1] : pairs[i][1];
    }

    function createIterator(target, kind) {
        pairsOf(target);
        var it = Object.create(iteratorProto);
        it[ITERATOR_STATE] = new IteratorState(target, kind, iteratorProto);
        return it;
    }

    defineOperation(iteratorProto, 'next', function () {
        var state = this !== null && typeof this === 'object' ? this[ITERATOR_STATE] : void 0;
        if (!(state instanceof IteratorState) || state.proto !== iteratorProto) {
            throw new TypeError("Failed to execute 'next' on '" + name + " Iterator': Illegal invocation");
        }
        var pairs = pairsOf(state.target), i = state.index, kind = state.kind;
        if (i >= pairs.length) {
            return { value: void 0, done: true };
        }
        state.index = i + step;
        return {
            value: kind === KIND_KEY ? keyAt(pairs, i) : kind === KIND_VALUE ? valueAt(pairs, i)
                : [keyAt(pairs, i), valueAt(pairs, i)],
            done: false
        };
    }, 0, 'next');
    Object.defineProperty(iteratorProto, Symbol.toStringTag, { value: name + ' Iterator', configurable: true });

    defineOperation(proto, 'entries', function () {
        return createIterator(this, KIND_ENTRY);
    }, 0, 'entries');
    defineOperation(proto, 'keys', function () {
        return createIterator(this, KIND_KEY);
    }, 0, 'keys');
    defineOperation(proto, 'values', function () {
        return createIterator(this, KIND_VALUE);
    }, 0, 'values');
    defineOperation(proto, 'forEach', function (callback, thisArg) {
        var pairs = pairsOf(this), i;
        if (typeof callback !== 'function') {
            throw new TypeError("Failed to execute 'forEach' on '" + name + "': parameter 1 is not of type 'Function'.");
        }
        for (i = 0; i < pairs.length; i += step) {
            callback.call(thisArg, valueAt(pairs, i), keyAt(pairs, i), this);
            pairs = pairsOf(this);
        }
    }, 1, 'forEach');
    Object.defineProperty(proto, Symbol.iterator, { value: proto.entries, writable: true, configurable: true });
};
