/*
 * HTML's structuredClone() and the Console standard's console object.
 * structuredClone copies primitives, plain objects, arrays, Boolean/Number/
 * String wrappers, Date, RegExp, ArrayBuffer and views, Map and Set (the
 * globals at call time), Error types, DOMException, Blob and File, keeping
 * shared references and cycles; functions, symbols and non-serialisable
 * platform objects throw a DataCloneError. BigInts are immutable and pass as
 * they are. Transfer moves ArrayBuffers (the original detached) and
 * MessagePorts (js/48-messaging.js); native.cloneWithTransfer is the
 * shared step of structuredClone and postMessage. console formats its arguments as
 * browsers do (printf-style substitutions, objects by a compact inspection
 * with cycles marked, Errors by their stack) and sends each call as one line
 * to native.log(level, line, true) (a console line).
 */
var ERROR_TYPES = ['Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError'];
var UNCLONEABLE = ['Promise', 'WeakMap', 'WeakSet', 'WeakRef', 'ReadableStream', 'WritableStream', 'TransformStream',
    'Request', 'Response', 'Headers', 'FormData', 'EventTarget', 'Event', 'AbortController', 'URL', 'URLSearchParams',
    'TextEncoder', 'TextDecoder'];
var TYPED_ARRAYS = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array',
    'Uint32Array', 'Float32Array', 'Float64Array'];
var toString = Object.prototype.toString;
var DETACHED = Symbol('ArrayBuffer detached');

function dataCloneError(what) {
    return new native.DOMException(what + ' could not be cloned.', 'DataCloneError');
}

function isInstance(value, name) {
    var ctor = global[name];
    return typeof ctor === 'function' && value instanceof ctor;
}

function checkCloneable(value) {
    for (var i = 0; i < UNCLONEABLE.length; i++) {
        if (isInstance(value, UNCLONEABLE[i])) {
            throw dataCloneError(UNCLONEABLE[i] + ' object');
        }
    }
}

function Memory() {
    this.from = [];
    this.to = [];
}

Memory.prototype.remember = function (original, copy) {
    this.from.push(original);
    this.to.push(copy);
    return copy;
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
    var copy = new global[name](error.message === undefined ? '' : String(error.message));
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
    return undefined;
}

function cloneValue(value, memory) {
    var type = typeof value;
    if (type === 'symbol' || type === 'function') {
        throw dataCloneError(type === 'symbol' ? 'Symbol()' : 'function ' + (value.name || ''));
    }
    if (value === null || type !== 'object' || native.bigint.isBig(value)) {
        return value;
    }
    var seen = memory.from.indexOf(value);
    if (seen !== -1) {
        return memory.to[seen];
    }
    if (value instanceof ArrayBuffer) {
        if (value[DETACHED]) {
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
    if (leaf !== undefined) {
        return memory.remember(value, leaf);
    }
    checkCloneable(value);
    var copy = memory.remember(value, Array.isArray(value) ? new Array(value.length) : {});
    return cloneProperties(value, copy, memory);
}

/* The transfer list as an array of distinct ArrayBuffers and MessagePorts. */
function transferList(transfer) {
    var list = [], i, item;
    if (transfer === undefined) {
        return list;
    }
    if (transfer === null || typeof transfer !== 'object' || typeof transfer.length !== 'number') {
        throw new TypeError('transfer must be a sequence of transferable objects');
    }
    for (i = 0; i < transfer.length; i++) {
        item = transfer[i];
        if (item instanceof ArrayBuffer) {
            if (item[DETACHED]) {
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
 * value, with the transferred ArrayBuffers moved (the originals detached:
 * byteLength 0) and the transferred ports handed over (native.transferPort
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
    i = memory.from.indexOf(value);
    if (i !== -1) {
        copy = memory.to[i];
    }
    for (i = 0; i < list.length; i++) {
        if (list[i] instanceof ArrayBuffer) {
            native.detachArrayBuffer(list[i]);
            list[i][DETACHED] = true;
        }
    }
    var transferred = [];
    for (i = 0; i < list.length; i++) {
        transferred.push(memory.to[memory.from.indexOf(list[i])]);
    }
    return { value: copy, list: list, transferred: transferred };
};

/* The placeholder object a port was remembered as becomes the new port. */
function transferPortInto(memory, port) {
    var i = memory.from.indexOf(port), placeholder = memory.to[i], fresh = native.transferPort(port);
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
    if (options !== undefined && options !== null && typeof options !== 'object') {
        throw new TypeError("Failed to execute 'structuredClone': options is not an object.");
    }
    var transfer = options === undefined || options === null ? undefined : options.transfer;
    return native.cloneWithTransfer(value, transfer).value;
}

/* Inspection: a compact one-line rendering of any value. */
var MAX_DEPTH = 2;
var MAX_ITEMS = 100;
var IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function quote(s) {
    return "'" + s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t') + "'";
}

function inspectPrimitive(value) {
    if (typeof value === 'string') {
        return quote(value);
    }
    if (value === 0 && 1 / value < 0) {
        return '-0';
    }
    return String(value);
}

function constructorName(value) {
    var proto = Object.getPrototypeOf(value);
    if (proto === null) {
        return '[Object: null prototype]';
    }
    var ctor = proto.constructor;
    return typeof ctor === 'function' && ctor.name ? ctor.name : 'Object';
}

function braces(prefix, items, open, close) {
    if (!items.length) {
        return (prefix ? prefix + ' ' : '') + open + close;
    }
    return (prefix ? prefix + ' ' : '') + open + ' ' + items.join(', ') + ' ' + close;
}

function listItems(count, render) {
    var items = [];
    for (var i = 0; i < count && i < MAX_ITEMS; i++) {
        items.push(render(i));
    }
    if (count > MAX_ITEMS) {
        items.push('... ' + (count - MAX_ITEMS) + ' more item' + (count - MAX_ITEMS > 1 ? 's' : ''));
    }
    return items;
}

function propertyItems(value, depth, seen, skipIndices) {
    var keys = Object.keys(value), items = [];
    for (var i = 0; i < keys.length; i++) {
        if (skipIndices && /^\d+$/.test(keys[i])) {
            continue;
        }
        items.push((IDENTIFIER.test(keys[i]) ? keys[i] : quote(keys[i])) + ': ' + inspect(value[keys[i]], depth + 1, seen));
    }
    return items;
}

function inspectCollection(value, depth, seen) {
    var items = [];
    if (isInstance(value, 'Map')) {
        value.forEach(function (v, k) { items.push(inspect(k, depth + 1, seen) + ' => ' + inspect(v, depth + 1, seen)); });
        return braces('Map(' + value.size + ')', items, '{', '}');
    }
    value.forEach(function (v) { items.push(inspect(v, depth + 1, seen)); });
    return braces('Set(' + value.size + ')', items, '{', '}');
}

function inspectSpecial(value, tag) {
    if (value instanceof Error || value instanceof native.DOMException) {
        return typeof value.stack === 'string' && value.stack ? value.stack : String(value);
    }
    if (tag === '[object Date]') {
        return isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
    }
    if (tag === '[object RegExp]') {
        return String(value);
    }
    if (value instanceof ArrayBuffer) {
        return 'ArrayBuffer { byteLength: ' + value.byteLength + ' }';
    }
    return null;
}

function inspectObject(value, depth, seen) {
    var tag = toString.call(value), special = inspectSpecial(value, tag);
    if (special !== null) {
        return special;
    }
    if (seen.indexOf(value) !== -1) {
        return '[Circular]';
    }
    var isArray = Array.isArray(value), isView = ArrayBuffer.isView(value) && !(value instanceof DataView);
    if (depth > MAX_DEPTH) {
        return isArray ? '[Array]' : '[' + constructorName(value) + ']';
    }
    seen.push(value);
    var result;
    if (isArray || isView) {
        var items = listItems(value.length, function (i) { return inspect(value[i], depth + 1, seen); });
        result = braces(isView ? tag.slice(8, -1) + '(' + value.length + ')' : '',
            isArray ? items.concat(propertyItems(value, depth, seen, true)) : items, '[', ']');
    } else if (isInstance(value, 'Map') || isInstance(value, 'Set')) {
        result = inspectCollection(value, depth, seen);
    } else {
        var name = constructorName(value);
        result = braces(name === 'Object' ? '' : name, propertyItems(value, depth, seen, false), '{', '}');
    }
    seen.pop();
    return result;
}

function inspect(value, depth, seen) {
    if (typeof value === 'function') {
        return '[Function: ' + (value.name || '(anonymous)') + ']';
    }
    if (value === null || typeof value !== 'object') {
        return inspectPrimitive(value);
    }
    return inspectObject(value, depth, seen);
}

native.inspect = function (value) {
    return inspect(value, 0, []);
};

function stringify(value) {
    try {
        return JSON.stringify(value);
    } catch (e) {
        return '[Circular]';
    }
}

function substitute(spec, arg) {
    switch (spec) {
    case 's':
        return typeof arg === 'object' && arg !== null ? inspect(arg, 1, []) : String(arg);
    case 'd':
    case 'i':
        return typeof arg === 'symbol' ? 'NaN' : String(parseInt(arg, 10));
    case 'f':
        return typeof arg === 'symbol' ? 'NaN' : String(parseFloat(arg));
    case 'j':
        return stringify(arg);
    case 'c':
        return '';
    default:
        return inspect(arg, 0, []);
    }
}

/* The Console standard's Formatter, then the remaining arguments. */
function format(args) {
    var parts = [], next = 0;
    if (typeof args[0] === 'string') {
        var first = args[0];
        next = 1;
        if (args.length > 1 && first.indexOf('%') !== -1) {
            first = first.replace(/%([sdifoOjc%])/g, function (match, spec) {
                if (spec === '%') {
                    return '%';
                }
                return next < args.length ? substitute(spec, args[next++]) : match;
            });
        }
        parts.push(first);
    }
    for (; next < args.length; next++) {
        parts.push(typeof args[next] === 'string' ? args[next] : inspect(args[next], 0, []));
    }
    return parts.join(' ');
}

var groupIndent = '';
var counts = {};
var timers = {};

function emit(level, line) {
    native.log(level, groupIndent ? groupIndent + line.replace(/\n/g, '\n' + groupIndent) : line, true);
}

function logger(level) {
    return function () {
        emit(level, format(arguments));
    };
}

function labelOf(label) {
    return label === undefined ? 'default' : String(label);
}

function now() {
    var performance = global.performance;
    return performance && typeof performance.now === 'function' ? performance.now() : Date.now();
}

function elapsed(label) {
    return label + ': ' + (Math.round((now() - timers[label]) * 1000) / 1000) + 'ms';
}

var console = {
    log: logger('info'),
    info: logger('info'),
    warn: logger('warning'),
    error: logger('error'),
    debug: logger('debug'),
    dirxml: logger('info'),
    table: logger('info'),
    dir: function (value) {
        emit('info', inspect(value, 0, []));
    },
    trace: function () {
        var stack = String(new Error().stack).split('\n').slice(2).join('\n');
        emit('info', 'Trace' + (arguments.length ? ': ' + format(arguments) : '') + (stack ? '\n' + stack : ''));
    },
    assert: function (condition) {
        if (condition) {
            return;
        }
        var data = Array.prototype.slice.call(arguments, 1);
        if (typeof data[0] === 'string') {
            data[0] = 'Assertion failed: ' + data[0];
        } else {
            data.unshift('Assertion failed');
        }
        emit('error', format(data));
    },
    count: function (label) {
        var key = labelOf(label);
        counts[key] = (counts.hasOwnProperty(key) ? counts[key] : 0) + 1;
        emit('info', key + ': ' + counts[key]);
    },
    countReset: function (label) {
        var key = labelOf(label);
        if (counts.hasOwnProperty(key)) {
            counts[key] = 0;
        } else {
            emit('warning', "Count for '" + key + "' does not exist");
        }
    },
    time: function (label) {
        var key = labelOf(label);
        if (timers.hasOwnProperty(key)) {
            emit('warning', "Timer '" + key + "' already exists");
            return;
        }
        timers[key] = now();
    },
    timeLog: function (label) {
        var key = labelOf(label);
        if (!timers.hasOwnProperty(key)) {
            emit('warning', "Timer '" + key + "' does not exist");
            return;
        }
        var extra = Array.prototype.slice.call(arguments, 1);
        emit('info', elapsed(key) + (extra.length ? ' ' + format(extra) : ''));
    },
    timeEnd: function (label) {
        var key = labelOf(label);
        if (!timers.hasOwnProperty(key)) {
            emit('warning', "Timer '" + key + "' does not exist");
            return;
        }
        emit('info', elapsed(key));
        delete timers[key];
    },
    group: function () {
        if (arguments.length) {
            emit('info', format(arguments));
        }
        groupIndent += '  ';
    },
    groupEnd: function () {
        groupIndent = groupIndent.slice(2);
    }
};
console.groupCollapsed = console.group;

native.structuredClone = structuredClone;
native.defineGlobal('structuredClone', structuredClone);
native.defineGlobal('console', console);
