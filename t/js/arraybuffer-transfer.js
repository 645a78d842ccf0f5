// SPDX-License-Identifier: MIT
/*
 * ArrayBuffer.prototype.transfer, transferToFixedLength, detached,
 * resizable and maxByteLength (js/14-newer-methods.js over
 * native.detachArrayBuffer, lib/duk_hooks.c): a detached buffer and every
 * view over its bytes have length 0; structuredClone's transfer detaches
 * the same way.
 */

test('transfer moves the bytes and detaches the source', function (t) {
    var ab = new ArrayBuffer(8);
    var u8 = new Uint8Array(ab);
    u8.set([1, 2, 3, 4, 5, 6, 7, 8]);
    t.equal(ab.detached, false, 'not detached before');
    var moved = ab.transfer();
    t.ok(moved instanceof ArrayBuffer, 'an ArrayBuffer');
    t.equal(moved.byteLength, 8, 'same length');
    t.equal(new Uint8Array(moved).join(), '1,2,3,4,5,6,7,8', 'same bytes');
    t.equal(moved.detached, false, 'the new one is not detached');
    t.equal(ab.detached, true, 'the source is detached');
    t.equal(ab.byteLength, 0, 'its byteLength is 0');
    t.equal(new Uint8Array(ab).length, 0, 'a view made afterwards is empty');
    t.throws(function () { ab.transfer(); }, TypeError, 'a detached buffer cannot be transferred again');
    t.throws(function () { ab.transferToFixedLength(4); }, TypeError, 'nor to a fixed length');
});

test('views over a transferred buffer are detached too', function (t) {
    var ab = new ArrayBuffer(16);
    var u8 = new Uint8Array(ab);
    var u32 = new Uint32Array(ab, 4, 2);
    var dv = new DataView(ab, 2, 8);
    var sub = u8.subarray(3, 9);
    u8[5] = 42;
    ab.transfer();
    [['Uint8Array', u8], ['Uint32Array at 4', u32], ['DataView', dv], ['subarray', sub]].forEach(function (c) {
        t.equal(c[1].byteLength, 0, c[0] + ': byteLength 0');
        t.equal(c[1].byteOffset, 0, c[0] + ': byteOffset 0');
    });
    t.equal(u8.length, 0, 'a typed array has length 0');
    t.equal(u8[5], undefined, 'its elements are gone');
    t.throws(function () { dv.getUint8(0); }, RangeError, 'a DataView read is out of range');
    var other = new Uint8Array(4);
    other[0] = 9;
    t.equal(other[0], 9, 'unrelated arrays are untouched');
});

test('transferring the buffer of a typed array made with a length', function (t) {
    var u8 = new Uint8Array([5, 6, 7]);
    var moved = u8.buffer.transfer();
    t.equal(u8.length, 0, 'the array is detached');
    t.equal(new Uint8Array(moved).join(), '5,6,7', 'the bytes moved');
    t.equal(u8.buffer.detached, true, 'its buffer reports detached');
});

test('transfer with a new length', function (t) {
    var ab = new Uint8Array([1, 2, 3, 4]).buffer;
    var shorter = ab.transfer(2);
    t.equal(new Uint8Array(shorter).join(), '1,2', 'shorter: truncated');
    var longer = shorter.transferToFixedLength(5);
    t.equal(new Uint8Array(longer).join(), '1,2,0,0,0', 'longer: zero-filled');
    t.equal(longer.transfer(0).byteLength, 0, 'length 0');
    t.equal(longer.detached, true, 'detached after a transfer to length 0');
    var empty = new ArrayBuffer(0);
    t.equal(empty.detached, false, 'an empty buffer is not detached');
    empty.transfer();
    t.equal(empty.detached, true, 'until it is transferred');
    t.equal(new ArrayBuffer(3).transfer('2').byteLength, 2, 'the length is converted to a number');
    t.throws(function () { new ArrayBuffer(3).transfer(-1); }, RangeError, 'a negative length');
    t.throws(function () { new ArrayBuffer(3).transfer(Infinity); }, RangeError, 'an infinite length');
});

test('brand checks and the other accessors', function (t) {
    var proto = ArrayBuffer.prototype;
    t.throws(function () { proto.transfer.call(new Uint8Array(2)); }, TypeError, 'transfer on a view');
    t.throws(function () { proto.transfer.call({}); }, TypeError, 'transfer on a plain object');
    t.throws(function () { Object.getOwnPropertyDescriptor(proto, 'detached').get.call({}); }, TypeError,
        'detached on a plain object');
    t.throws(function () { return new proto.transfer(); }, TypeError, 'transfer is no constructor');
    t.equal(proto.transfer.length, 0, 'transfer.length');
    t.equal(proto.transferToFixedLength.name, 'transferToFixedLength', 'name');
    var ab = new ArrayBuffer(6);
    t.equal(ab.resizable, false, 'not resizable');
    t.equal(ab.maxByteLength, 6, 'maxByteLength is byteLength');
    t.equal(Object.getOwnPropertyDescriptor(proto, 'detached').get.name, 'get detached', 'getter name');
});

test('structuredClone transfer detaches the views too', function (t) {
    var ab = new ArrayBuffer(4);
    var view = new Uint16Array(ab);
    view[1] = 513;
    var copy = structuredClone({ b: ab }, { transfer: [ab] });
    t.equal(new Uint16Array(copy.b)[1], 513, 'the copy has the bytes');
    t.equal(ab.detached, true, 'the original is detached');
    t.equal(view.length, 0, 'its view is empty');
    t.throws(function () { structuredClone(ab); }, DOMException, 'a detached buffer cannot be cloned');
    t.throws(function () { structuredClone(1, { transfer: [ab] }); }, DOMException, 'nor transferred');
});

test('many transfers in a row', function (t) {
    var ab = new ArrayBuffer(65536);
    new Uint8Array(ab)[65535] = 7;
    for (var i = 0; i < 200; i++) {
        ab = ab.transfer();
    }
    t.equal(new Uint8Array(ab)[65535], 7, 'the bytes survive 200 transfers');
});
