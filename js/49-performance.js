// SPDX-License-Identifier: MIT
/*
 * High Resolution Time and User Timing: performance is an instance of
 * Performance whose now() counts milliseconds on the monotonic clock of
 * Duktape's own performance.now() from timeOrigin (the wall-clock time the
 * runtime started): native.highResNow and native.timeOrigin of
 * js/41-events.js, which Event.timeStamp and console.time also read, since
 * this file is loaded on first use of its globals (lib/runtime_lazy.c).
 * With mark(), measure(), getEntries(), getEntriesByType(),
 * getEntriesByName(), clearMarks() and clearMeasures() keeping
 * PerformanceMark and PerformanceMeasure entries (the latest 10,000), and
 * toJSON().
 */
var now = native.highResNow;
var timeOrigin = native.timeOrigin;
var ENTRY = Symbol('PerformanceEntry');
var PERFORMANCE = Symbol('Performance');
var constructing = false;
/* The heap serves request after request: the oldest entries go beyond this. */
var MAX_ENTRIES = 10000;

function entryState(entry) {
    var state = entry !== null && typeof entry === 'object' ? entry[ENTRY] : void 0;
    if (!state) {
        throw new TypeError('Illegal invocation: not a PerformanceEntry');
    }
    return state;
}

function PerformanceEntry() {
    if (!constructing) {
        throw new TypeError("Failed to construct 'PerformanceEntry': Illegal constructor");
    }
}
['name', 'entryType', 'startTime', 'duration'].forEach(function (field) {
    Object.defineProperty(PerformanceEntry.prototype, field, {
        get: function () { return entryState(this)[field]; }, enumerable: true, configurable: true
    });
});
PerformanceEntry.prototype.toJSON = function toJSON() {
    var s = entryState(this);
    return { name: s.name, entryType: s.entryType, startTime: s.startTime, duration: s.duration, detail: s.detail };
};
Object.defineProperty(PerformanceEntry.prototype, 'detail', {
    get: function () { return entryState(this).detail; }, enumerable: false, configurable: true
});

function subclass(name) {
    var Ctor = function () {
        throw new TypeError("Failed to construct '" + name + "': Illegal constructor");
    };
    Ctor.prototype = Object.create(PerformanceEntry.prototype, {
        constructor: { value: Ctor, writable: true, configurable: true }
    });
    Object.setPrototypeOf(Ctor, PerformanceEntry);
    Object.defineProperty(Ctor.prototype, 'detail', {
        get: function () { return entryState(this).detail; }, enumerable: true, configurable: true
    });
    return Ctor;
}

var PerformanceMark = subclass('PerformanceMark');
var PerformanceMeasure = subclass('PerformanceMeasure');

/* new PerformanceMark(name, options) is allowed (User Timing 3). */
function PerformanceMarkConstructor(name, options) {
    if (new.target === void 0 && !(this instanceof PerformanceMarkConstructor)) {
        throw new TypeError("Failed to construct 'PerformanceMark': Please use the 'new' operator.");
    }
    if (arguments.length < 1) {
        throw new TypeError("Failed to construct 'PerformanceMark': 1 argument required, but only 0 present.");
    }
    return makeMark(String(name), options, PerformanceMarkConstructor.prototype);
}
PerformanceMarkConstructor.prototype = PerformanceMark.prototype;
PerformanceMark.prototype.constructor = PerformanceMarkConstructor;
Object.setPrototypeOf(PerformanceMarkConstructor, PerformanceEntry);

function makeEntry(proto, name, type, start, duration, detail) {
    var entry = Object.create(proto);
    entry[ENTRY] = { name: name, entryType: type, startTime: start, duration: duration, detail: detail };
    return entry;
}

function makeMark(name, options, proto) {
    var start = now(), detail = null;
    if (options !== void 0 && options !== null) {
        if (typeof options !== 'object') {
            throw new TypeError("Failed to execute 'mark': options is not an object.");
        }
        if (options.startTime !== void 0) {
            start = Number(options.startTime);
            if (start < 0 || start !== start) {
                throw new TypeError("Failed to execute 'mark': '" + name + "' cannot have a negative start time.");
            }
        }
        if (options.detail !== void 0) {
            detail = structuredClone(options.detail);
        }
    }
    return makeEntry(proto || PerformanceMark.prototype, name, 'mark', start, 0, detail);
}

function performanceState(p) {
    var state = p !== null && typeof p === 'object' ? p[PERFORMANCE] : void 0;
    if (!state) {
        throw new TypeError('Illegal invocation: not a Performance');
    }
    return state;
}

function Performance() {
    if (!constructing) {
        throw new TypeError("Failed to construct 'Performance': Illegal constructor");
    }
    this[PERFORMANCE] = { entries: [] };
}
Performance.prototype.now = function now_() {
    performanceState(this);
    return now();
};
Object.defineProperty(Performance.prototype, 'timeOrigin', {
    get: function () { performanceState(this); return timeOrigin; }, enumerable: true, configurable: true
});
Performance.prototype.toJSON = function toJSON() {
    performanceState(this);
    return { timeOrigin: timeOrigin };
};

Performance.prototype.mark = function mark(name, options) {
    var state = performanceState(this), entry;
    if (arguments.length < 1) {
        throw new TypeError("Failed to execute 'mark' on 'Performance': 1 argument required, but only 0 present.");
    }
    entry = makeMark(String(name), options);
    addEntry(state, entry);
    return entry;
};

/* A mark name's latest startTime, or a number as a timestamp. */
function markTime(state, value, what) {
    var i, e;
    if (typeof value === 'number') {
        if (value < 0) {
            throw new TypeError("Failed to execute 'measure': '" + what + "' cannot be negative.");
        }
        return value;
    }
    value = String(value);
    for (i = state.entries.length - 1; i >= 0; i--) {
        e = state.entries[i][ENTRY];
        if (e.entryType === 'mark' && e.name === value) {
            return e.startTime;
        }
    }
    throw new native.DOMException("Failed to execute 'measure' on 'Performance': The mark '" + value +
        "' does not exist.", 'SyntaxError');
}

Performance.prototype.measure = function measure(name, startOrOptions, endMark) {
    var state = performanceState(this), start, end, detail = null, options = null, duration, entry;
    if (arguments.length < 1) {
        throw new TypeError("Failed to execute 'measure' on 'Performance': 1 argument required, but only 0 present.");
    }
    name = String(name);
    if (startOrOptions !== null && typeof startOrOptions === 'object') {
        options = startOrOptions;
        if (endMark !== void 0) {
            throw new TypeError("Failed to execute 'measure': options and an end mark cannot be given together.");
        }
        if (options.start === void 0 && options.end === void 0 && options.duration === void 0 &&
                options.detail === void 0) {
            options = null;
        }
    }
    if (options) {
        if (options.start !== void 0 && options.end !== void 0 && options.duration !== void 0) {
            throw new TypeError("Failed to execute 'measure': start, end and duration cannot all be given.");
        }
        if (options.end !== void 0) {
            end = markTime(state, options.end, 'end');
        } else if (options.start !== void 0 && options.duration !== void 0) {
            end = markTime(state, options.start, 'start') + Number(options.duration);
        } else {
            end = now();
        }
        if (options.start !== void 0) {
            start = markTime(state, options.start, 'start');
        } else if (options.duration !== void 0 && options.end !== void 0) {
            start = end - Number(options.duration);
        } else {
            start = 0;
        }
        if (options.detail !== void 0) {
            detail = structuredClone(options.detail);
        }
    } else {
        end = endMark !== void 0 ? markTime(state, endMark, 'end') : now();
        start = startOrOptions !== void 0 && startOrOptions !== null ? markTime(state, startOrOptions, 'start') : 0;
    }
    duration = end - start;
    entry = makeEntry(PerformanceMeasure.prototype, name, 'measure', start, duration, detail);
    addEntry(state, entry);
    return entry;
};

function addEntry(state, entry) {
    state.entries.push(entry);
    if (state.entries.length > MAX_ENTRIES) {
        state.entries.shift();
    }
}

function sortedEntries(list) {
    return list.slice().sort(function (a, b) { return a[ENTRY].startTime - b[ENTRY].startTime; });
}

Performance.prototype.getEntries = function getEntries() {
    return sortedEntries(performanceState(this).entries);
};
Performance.prototype.getEntriesByType = function getEntriesByType(type) {
    type = String(type);
    return sortedEntries(performanceState(this).entries.filter(function (e) { return e[ENTRY].entryType === type; }));
};
Performance.prototype.getEntriesByName = function getEntriesByName(name, type) {
    name = String(name);
    return sortedEntries(performanceState(this).entries.filter(function (e) {
        return e[ENTRY].name === name && (type === void 0 || e[ENTRY].entryType === String(type));
    }));
};

function clearer(type) {
    return function (name) {
        var state = performanceState(this);
        state.entries = state.entries.filter(function (e) {
            return e[ENTRY].entryType !== type || (name !== void 0 && e[ENTRY].name !== String(name));
        });
    };
}
Performance.prototype.clearMarks = clearer('mark');
Performance.prototype.clearMeasures = clearer('measure');

constructing = true;
var performance = new Performance();
constructing = false;

native.defineGlobal('Performance', Performance);
native.defineGlobal('PerformanceEntry', PerformanceEntry);
native.defineGlobal('PerformanceMark', PerformanceMarkConstructor);
native.defineGlobal('PerformanceMeasure', PerformanceMeasure);
native.defineGlobal('performance', performance);
