// SPDX-License-Identifier: MIT
/*
 * HTML's structuredClone(). It copies primitives, plain objects, arrays,
 * Boolean/Number/String wrappers, Date, RegExp, ArrayBuffer and views, Map
 * and Set (the globals at call time), Error types, DOMException, Blob and
 * File, keeping shared references and cycles; functions, symbols and
 * non-serialisable platform objects throw a DataCloneError. BigInts are
 * immutable and pass as they are (js/16-bigint.js has no wrapper objects:
 * `Object(1n)` is the BigInt itself). An Error without an own `message`
 * gets none. Transfer moves ArrayBuffers (the original
 * detached) and MessagePorts (js/48-messaging.js); native.cloneWithTransfer
 * is the shared step of structuredClone and postMessage.
 */
var ERROR_TYPES = ['Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError'];
var UNCLONEABLE = ['Promise', 'WeakMap', 'WeakSet', 'WeakRef', 'ReadableStream', 'WritableStream', 'TransformStream',
    'Request', 'Response', 'Headers', 'FormData', 'EventTarget', 'Event', 'AbortController', 'URL', 'URLSearchParams',
    'TextEncoder', 'TextDecoder'];
var TYPED_ARRAYS = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array',
    'Uint32Array', 'Float32Array', 'Float64Array'];
var toString = Object.prototype.toString;

function dataCloneError(what) {
    return new native.DOMException(what + ' could not be cloned.', 'DataCloneError');
}

/* (a class of a group loaded on first use, WritableStream say, has no
 * instance before its group is loaded: asking does not load it) */
function isInstance(value, name) {
    var ctor = native.loadedGlobal(name);
    return typeof ctor === 'function' && value instanceof ctor;
}

function checkCloneable(value) {
    for (var i = 0; i < UNCLONEABLE.length; i++) {
        if (isInstance(value, UNCLONEABLE[i])) {
            throw dataCloneError(UNCLONEABLE[i] + ' object');
        }
    }
}

/* The clone's memory: each original with its copy, in order, and the
 * position of each original (the runtime's Map: a lookup per value, where
 * a scan of the list made a large clone quadratic). */
var MemoryIndex = global.Map;

function Memory() {
    this.from = [];
    this.to = [];
    this.index = new MemoryIndex();
}

Memory.prototype.remember = function (original, copy) {
    this.index.set(original, this.from.length);
    this.from.push(original);
    this.to.push(copy);
    return copy;
};

/* The position of original in from, or -1. */
Memory.prototype.indexOf = function (original) {
    var i = this.index.get(original);
    return i === void 0 ? -1 : i;
};

function cloneProperties(source, target, memory) {
    var keys = Object.keys(source);
    for (var i = 0; i < keys.length; i++) {
        target[keys[i]] = cloneValue(source[keys[i]], memory);
    }
    return target;
}

function cloneBuffer(buffer) {
    return new Uint8Array(new Uint8Array(buffer)).buffer;
}

function cloneView(view, memory) {
    var buffer = cloneValue(view.buffer, memory);
    if (view instanceof DataView) {
        return new DataView(buffer, view.byteOffset, view.byteLength);
    }
    var tag = toString.call(view).slice(8, -1);
    var Ctor = TYPED_ARRAYS.indexOf(tag) !== -1 ? global[tag] : Uint8Array;
    return new Ctor(buffer, view.byteOffset, view.length);
}

function cloneError(error) {
    var name = ERROR_TYPES.indexOf(error.name) !== -1 ? error.name : 'Error';
    var hasMessage = Object.prototype.hasOwnProperty.call(error, 'message');
    var copy = hasMessage ? new global[name](String(error.message)) : new global[name]();
    if (typeof error.stack === 'string') {
        Object.defineProperty(copy, 'stack', { value: error.stack, writable: true, configurable: true });
    }
    return copy;
}

function cloneCollection(value, memory) {
    var copy;
    if (isInstance(value, 'Map')) {
        copy = memory.remember(value, new global.Map());
        value.forEach(function (v, k) { copy.set(cloneValue(k, memory), cloneValue(v, memory)); });
        return copy;
    }
    copy = memory.remember(value, new global.Set());
    value.forEach(function (v) { copy.add(cloneValue(v, memory)); });
    return copy;
}

function cloneLeaf(value, tag) {
    if (tag === '[object Date]') {
        return new Date(value.getTime());
    }
    if (tag === '[object RegExp]') {
        return new RegExp(value.source, value.flags);
    }
    if (tag === '[object Boolean]') {
        return new Boolean(value.valueOf());
    }
    if (tag === '[object Number]') {
        return new Number(value.valueOf());
    }
    if (tag === '[object String]') {
        return new String(value.valueOf());
    }
    if (value instanceof native.DOMException) {
        return new native.DOMException(value.message, value.name);
    }
    if (value instanceof Error) {
        return cloneError(value);
    }
    if (native.isFile(value)) {
        return new global.File([value], value.name, { type: value.type, lastModified: value.lastModified });
    }
    if (native.isBlob(value)) {
        return native.makeBlob(native.blobBytes(value), value.type);
    }
    return void 0;
}

function cloneValue(value, memory) {
    var type = typeof value;
    if (type === 'symbol' || type === 'function') {
        throw dataCloneError(type === 'symbol' ? 'Symbol()' : 'function ' + (value.name || ''));
    }
    if (value === null || type !== 'object' || native.bigint.isBig(value)) {
        return value;
    }
    var seen = memory.indexOf(value);
    if (seen !== -1) {
        return memory.to[seen];
    }
    if (value instanceof ArrayBuffer) {
        if (native.arrayBufferState(value) === 1) {
            throw dataCloneError('A detached ArrayBuffer');
        }
        return memory.remember(value, cloneBuffer(value));
    }
    if (native.isMessagePort && native.isMessagePort(value)) {
        throw dataCloneError('A MessagePort not in the transfer list');
    }
    if (ArrayBuffer.isView(value)) {
        return memory.remember(value, cloneView(value, memory));
    }
    if (isInstance(value, 'Map') || isInstance(value, 'Set')) {
        return cloneCollection(value, memory);
    }
    var leaf = cloneLeaf(value, toString.call(value));
    if (leaf !== void 0) {
        return memory.remember(value, leaf);
    }
    checkCloneable(value);
    var copy = memory.remember(value, Array.isArray(value) ? new Array(value.length) : {});
    return cloneProperties(value, copy, memory);
}

/* The transfer list as an array of distinct ArrayBuffers and MessagePorts. */
function transferList(transfer) {
    var list = [], i, item;
    if (transfer === void 0) {
        return list;
    }
    if (transfer === null || typeof transfer !== 'object' || typeof transfer.length !== 'number') {
        throw new TypeError('transfer must be a sequence of transferable objects');
    }
    for (i = 0; i < transfer.length; i++) {
        item = transfer[i];
        if (item instanceof ArrayBuffer) {
            if (native.arrayBufferState(item) === 1) {
                throw dataCloneError('A detached ArrayBuffer');
            }
        } else if (!(native.isMessagePort && native.isMessagePort(item))) {
            throw dataCloneError('A value in the transfer list that is not transferable');
        }
        if (list.indexOf(item) !== -1) {
            throw dataCloneError('A value listed twice in the transfer list');
        }
        list.push(item);
    }
    return list;
}

/* StructuredSerializeWithTransfer and deserialize in one step: the copy of
 * value, with the transferred ArrayBuffers moved (the originals and their
 * views detached: byteLength 0) and the transferred ports handed over (native.transferPort
 * gives the new end). Nothing is detached if cloning throws. */
native.cloneWithTransfer = function (value, transfer) {
    var list = transferList(transfer), memory = new Memory(), i, copy, ports = [];
    for (i = 0; i < list.length; i++) {
        if (list[i] instanceof ArrayBuffer) {
            memory.remember(list[i], cloneBuffer(list[i]));
        } else {
            native.checkTransferablePort(list[i]);
            memory.remember(list[i], {});
            ports.push(i);
        }
    }
    copy = cloneValue(value, memory);
    for (i = 0; i < ports.length; i++) {
        transferPortInto(memory, list[ports[i]]);
    }
    i = memory.indexOf(value);
    if (i !== -1) {
        copy = memory.to[i];
    }
    for (i = 0; i < list.length; i++) {
        if (list[i] instanceof ArrayBuffer) {
            native.detachArrayBuffer(list[i]);
        }
    }
    var transferred = [];
    for (i = 0; i < list.length; i++) {
        transferred.push(memory.to[memory.indexOf(list[i])]);
    }
    return { value: copy, list: list, transferred: transferred };
};

/* The placeholder object a port was remembered as becomes the new port. */
function transferPortInto(memory, port) {
    var i = memory.indexOf(port), placeholder = memory.to[i], fresh = native.transferPort(port);
    memory.to[i] = fresh;
    replacePlaceholder(memory, placeholder, fresh);
}

function replacePlaceholder(memory, placeholder, fresh) {
    var i, keys, j, target;
    for (i = 0; i < memory.to.length; i++) {
        target = memory.to[i];
        if (target === null || typeof target !== 'object') {
            continue;
        }
        if (isInstance(target, 'Map')) {
            replaceInMap(target, placeholder, fresh);
            continue;
        }
        if (isInstance(target, 'Set')) {
            if (target.has(placeholder)) {
                target['delete'](placeholder);
                target.add(fresh);
            }
            continue;
        }
        keys = Object.keys(target);
        for (j = 0; j < keys.length; j++) {
            if (target[keys[j]] === placeholder) {
                target[keys[j]] = fresh;
            }
        }
    }
}

function replaceInMap(map, placeholder, fresh) {
    var entries = [];
    map.forEach(function (v, k) { entries.push([k, v]); });
    entries.forEach(function (e) {
        if (e[0] === placeholder || e[1] === placeholder) {
            map['delete'](e[0]);
            map.set(e[0] === placeholder ? fresh : e[0], e[1] === placeholder ? fresh : e[1]);
        }
    });
}

function structuredClone(value, options) {
    if (arguments.length < 1) {
        throw new TypeError("Failed to execute 'structuredClone': 1 argument required, but only 0 present.");
    }
    if (options !== void 0 && options !== null && typeof options !== 'object') {
        throw new TypeError("Failed to execute 'structuredClone': options is not an object.");
    }
    var transfer = options === void 0 || options === null ? void 0 : options.transfer;
    return native.cloneWithTransfer(value, transfer).value;
}

native.structuredClone = structuredClone;
native.defineGlobal('structuredClone', structuredClone);
