// SPDX-License-Identifier: MIT
/*
 * The Console standard's console object. It formats its arguments as
 * browsers do (printf-style substitutions, objects by a compact inspection
 * with cycles marked, Errors by their stack, then their own properties and
 * [cause] as Node shows them) and sends each call as one
 * line to native.log(level, line, true) (a console line); native.inspect is the inspection, for
 * the other runtime files.
 */
var toString = Object.prototype.toString;

function isInstance(value, name) {
    var ctor = global[name];
    return typeof ctor === 'function' && value instanceof ctor;
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

/* An Error by its stack, then, as Node's inspection (which workerd's
 * console uses) shows them, its own enumerable properties and its cause. */
function inspectError(value, depth, seen) {
    var text = typeof value.stack === 'string' && value.stack ? value.stack : String(value);
    if (seen.indexOf(value) !== -1) {
        return '[Circular]';
    }
    seen.push(value);
    var items = depth > MAX_DEPTH ? [] : propertyItems(value, depth, seen, false);
    var cause = Object.getOwnPropertyDescriptor(value, 'cause');
    if (cause !== void 0 && !cause.enumerable) { /* an enumerable one is among the properties */
        items.push('[cause]: ' + inspect(value.cause, depth + 1, seen));
    }
    seen.pop();
    return items.length ? text + ' ' + braces('', items, '{', '}') : text;
}

function inspectSpecial(value, tag, depth, seen) {
    if (value instanceof Error || value instanceof native.DOMException) {
        return inspectError(value, depth, seen);
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
    var tag = toString.call(value), special = inspectSpecial(value, tag, depth, seen);
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
    return label === void 0 ? 'default' : String(label);
}

var now = native.highResNow; /* (performance.now(), js/41-events.js) */

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

native.defineGlobal('console', console);
