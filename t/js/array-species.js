// SPDX-License-Identifier: MIT
/*
 * Array[Symbol.species] and the methods that make their result with it
 * (js/17-array-species.js): a subclass of Array made as the lowering of
 * `class List extends Array` makes it (Reflect.construct with the subclass
 * as newTarget, Object.setPrototypeOf(List, Array)) gets instances of
 * itself from concat, filter, map, slice, splice, flat and flatMap, with
 * the elements, holes and lengths a plain array gets; a static species of
 * Array, null or undefined gives plain arrays, another constructor its
 * instances, a non-constructor a TypeError; array-likes and plain arrays
 * stay plain but for a plain array whose own constructor is a subclass.
 * The answers are node's.
 */
function List() {
    var self = Reflect.construct(Array, arguments, new.target || List);
    self.made = (self.made || 0) + 1;
    return self;
}
List.prototype = Object.create(Array.prototype, {
    constructor: { value: List, writable: true, enumerable: false, configurable: true }
});
List.prototype.first = function () {
    return this[0];
};
Object.setPrototypeOf(List, Array);

function list(items) {
    var l = new List();
    for (var i = 0; i < items.length; i++) {
        l.push(items[i]);
    }
    return l;
}

function shape(a) {
    var holes = [];
    for (var i = 0; i < a.length; i++) {
        if (!(i in a)) {
            holes.push(i);
        }
    }
    return (a instanceof List ? 'List' : Array.isArray(a) ? 'Array' : typeof a) + ' ' + JSON.stringify(a) + ' len=' +
        a.length + (holes.length ? ' holes=' + holes.join() : '');
}

test('Array[Symbol.species]', function (t) {
    var d = Object.getOwnPropertyDescriptor(Array, Symbol.species);
    t.equal(typeof d.get, 'function', 'an accessor');
    t.equal(d.set, void 0, 'without a setter');
    t.equal(d.get.name, 'get [Symbol.species]');
    t.equal(Array[Symbol.species], Array, 'answers this');
    t.equal(List[Symbol.species], List, 'a subclass inherits it');
});

test('Array methods make instances of the subclass', function (t) {
    var l = list([1, 2, 3, 4]);
    t.equal(shape(l.concat([5], 6)), 'List [1,2,3,4,5,6] len=6', 'concat');
    t.equal(shape(l.filter(function (x) { return x % 2 === 0; })), 'List [2,4] len=2', 'filter');
    t.equal(shape(l.map(function (x) { return x * 10; })), 'List [10,20,30,40] len=4', 'map');
    t.equal(shape(l.slice(1, 3)), 'List [2,3] len=2', 'slice');
    t.equal(shape(list([[1, [2]], 3]).flat()), 'List [1,[2],3] len=3', 'flat');
    t.equal(shape(l.flatMap(function (x) { return [x, x]; }).slice(0, 3)), 'List [1,1,2] len=3', 'flatMap');
    var s = list([1, 2, 3, 4]);
    var removed = s.splice(1, 2, 'x');
    t.equal(shape(removed), 'List [2,3] len=2', 'splice gives the removed elements');
    t.equal(shape(s), 'List [1,"x",4] len=3', 'and changes its receiver');
    t.equal(l.map(function (x) { return x; }).first(), 1, "the subclass's methods");
    t.equal(l.slice().made, 1, 'made once by its constructor');
});

test('holes and lengths as a plain array has them', function (t) {
    var sparse = list([1]);
    sparse[3] = 4;
    t.equal(shape(sparse.map(function (x) { return x + 1; })), 'List [2,null,null,5] len=4 holes=1,2', 'map keeps holes');
    t.equal(shape(sparse.filter(function () { return true; })), 'List [1,4] len=2', 'filter skips them');
    t.equal(shape(sparse.concat([])), 'List [1,null,null,4] len=4 holes=1,2', 'concat');
    t.equal(shape(list([]).map(function (x) { return x; })), 'List [] len=0', 'empty');
});

test('what the species constructor is', function (t) {
    function Plain() {
        return Reflect.construct(Array, arguments, new.target || Plain);
    }
    Plain.prototype = Object.create(Array.prototype, { constructor: { value: Plain, writable: true, configurable: true } });
    Object.setPrototypeOf(Plain, Array);
    Object.defineProperty(Plain, Symbol.species, { get: function () { return Array; }, configurable: true });
    t.equal(shape(new Plain(1, 2).map(function (x) { return x; })), 'Array [1,2] len=2', 'a species of Array');
    Object.defineProperty(Plain, Symbol.species, { get: function () { return null; }, configurable: true });
    t.equal(shape(new Plain(1, 2).slice()), 'Array [1,2] len=2', 'null');
    Object.defineProperty(Plain, Symbol.species, { get: function () { return List; }, configurable: true });
    t.equal(shape(new Plain(1, 2).filter(Boolean)), 'List [1,2] len=2', 'another constructor');
    Object.defineProperty(Plain, Symbol.species, { get: function () { return 5; }, configurable: true });
    t.throws(function () { return new Plain(1).concat(); }, TypeError, 'a non-constructor');
    t.equal(shape(Array.prototype.map.call({ length: 2, 0: 'a', 1: 'b' }, function (x) { return x; })),
        'Array ["a","b"] len=2', 'an array-like gives a plain array');
    var plain = [1, 2];
    t.equal(shape(plain.map(function (x) { return x; })), 'Array [1,2] len=2', 'a plain array');
    plain.constructor = List;
    t.equal(shape(plain.slice()), 'List [1,2] len=2', 'a plain array whose constructor is a subclass');
    t.equal(Array.prototype.map.name + Array.prototype.map.length + Array.prototype.concat.length, 'map11',
        'the methods keep their names and lengths');
});
