// SPDX-License-Identifier: MIT
/*
 * The Error constructors with ECMAScript 2022's `cause` option
 * (§20.5.8.1 InstallErrorCause), which Duktape 2.7 lacks, for Error and
 * the six native error constructors.
 *
 * The native error constructors ignore a second argument, so each global
 * error constructor is replaced by a function around the native one with
 * the same .prototype (so instanceof and errors the engine throws are
 * unchanged), .name and .length; TypeError, the others and AggregateError
 * inherit from the new Error as in ES2015. Such a function does not read
 * as "[native code]", so Babel's and TypeScript's lowered
 * `class X extends Error` call it as
 * `Error.apply(this, args)`: given a receiver that inherits from the error
 * prototype but is not an error yet, the new error gets the receiver's
 * prototype, so subclass instances are instances of the subclass. The
 * wrapper's own frame is cut from `stack`, and for `new Subclass()` (a
 * lowered class's super() call) the constructors' frames too, as V8 starts
 * such a stack at the frame that made the error. (A Proxy of the constructor
 * would keep "[native code]", but Duktape's Proxy has no getPrototypeOf or
 * getOwnPropertyDescriptor traps, so Error itself would stop looking like a
 * function to reflection.)
 *
 * Error.captureStackTrace(targetObject[, constructorOpt]) and
 * Error.stackTraceLimit, the V8 API that npm packages call on their own
 * error classes: the stack is the engine's (so native.mapStack maps it
 * too), without captureStackTrace's frame and,
 * given constructorOpt, without the frames above and including its call
 * (found with Duktape.act, which walks the same call stack).
 *
 * Every `stack` is given in V8's frame format, which error reporters parse
 * (Sentry's stack parser, used by toucan-js, reads FILE:LINE:COLUMN): a
 * frame "    at NAME (FILE:LINE:COLUMN)", "    at FILE:LINE:COLUMN" for an
 * anonymous function, "    at NAME (<anonymous>)" for a native one (a
 * frame of the runtime's own JavaScript keeps its js/ file). Duktape
 * writes "    at NAME (FILE:LINE) FLAGS", keeps no columns (the column given
 * is 1) and lists frames of its own C code, which are left out.
 */
'use strict';

var spec = native.spec;
var defineHidden = spec.defineHidden;
var setNameAndLength = spec.setNameAndLength;
var isObject = spec.isObject;

var toStr = Object.prototype.toString;
var ERROR_NAMES = ['Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError'];
var nativeStackGetter = Object.getOwnPropertyDescriptor(Error.prototype, 'stack').get;
var NativeErrorConstructor = Error;
var errorToString = Error.prototype.toString;
var duktapeAct = global.Duktape.act;
/* what calls the wrapper for a lowered `super(message)`: SWC's
 * _call_super (native.callSuper) or Reflect.construct (its js/17-proxy.js
 * version) */
var callSuper = native.callSuper;
var reflectConstruct = native.reflectConstruct;

/* ---- Error cause ---- */

/* An object being initialised by a lowered subclass constructor: Babel
 * (without a usable Reflect.construct) and TypeScript call the parent as
 * `Error.apply(this, args)` and continue with the object it returns. */
function isSubclassReceiver(thisArg, prototype) {
    return isObject(thisArg) && prototype.isPrototypeOf(thisArg) && toStr.call(thisArg) !== '[object Error]';
}

/* One line of Duktape's stack text in V8's format ('' to leave it out);
 * a line that is no frame (a message's own lines) as it is. */
var DUKTAPE_FRAME = /^    at (.*?) \(([^()]*)\)((?: [a-z]+)*)$/;

function v8Frame(line) {
    var m = DUKTAPE_FRAME.exec(line);
    if (m === null) {
        return line;
    }
    var name = m[1] === '[anon]' || m[1] === 'global' ? '' : m[1]; /* "global": a script's top level */
    var flags = ' ' + m[3] + ' ';
    if (flags.indexOf(' internal ') >= 0) {
        return '';
    }
    if (m[2] === '' || flags.indexOf(' native ') >= 0) {
        return '    at ' + (name === '' ? '<anonymous>' : name + ' (<anonymous>)');
    }
    var location = /:\d+$/.test(m[2]) ? m[2] + ':1' : m[2];
    return '    at ' + (name === '' ? location : name + ' (' + location + ')');
}

function v8Stack(stack) {
    if (typeof stack !== 'string' || stack.indexOf('\n    at ') < 0) {
        return stack;
    }
    var lines = stack.split('\n');
    var out = [];
    for (var i = 0; i < lines.length; i++) {
        var line = i === 0 ? lines[0] : v8Frame(lines[i]);
        if (line !== '' || lines[i] === '') {
            out.push(line);
        }
    }
    return out.join('\n');
}

/* The frames a subclass's constructor adds above the wrapper's (the
 * constructors up to new.target's and what called the wrapper for them:
 * Reflect.construct, a lowered super() call): V8 leaves them out of the
 * stack of an error made by `new Subclass()`. */
var CONSTRUCTOR_FRAMES = native.hiddenSymbol('constructorFrames');

/* The stack with the wrapper's frame cut, and the constructors' frames
 * above new.target's; shared getter of wrapped errors. */
function errorStack() {
    var stack = nativeStackGetter.call(this);
    if (typeof stack !== 'string' || wrapperFrame === null) {
        return v8Stack(stack);
    }
    var m = wrapperFrame.exec(stack);
    if (m === null) {
        return v8Stack(stack);
    }
    var end = m.index + m[0].length;
    for (var n = this[CONSTRUCTOR_FRAMES] || 0; n > 0 && end < stack.length; n--) {
        end = stack.indexOf('\n', end + 1);
        end = end < 0 ? stack.length : end;
    }
    return v8Stack(stack.slice(0, m.index) + stack.slice(end));
}

/* The number of frames below the wrapper's (called from it) up to and
 * including that of constructor fn, or all of them when fn is not on the
 * call stack, as V8 skips them. Duktape.act(-1) is act, -2 this function,
 * -3 the wrapper. */
function framesUntil(fn) {
    for (var level = -4; ; level--) {
        var act = duktapeAct(level);
        if (act === void 0 || act === null) {
            return -level;
        }
        if (act['function'] === fn) {
            return -level - 3;
        }
    }
}

function setErrorStack(value) {
    defineHidden(this, 'stack', value);
}

/* InstallErrorCause, and the stack without the wrapper's frame. */
function finishError(error, options) {
    if (isObject(options) && 'cause' in options) {
        defineHidden(error, 'cause', options.cause);
    }
    if (wrapperFrame !== null) {
        Object.defineProperty(error, 'stack', {
            get: errorStack, set: setErrorStack, enumerable: false, configurable: true
        });
    }
    return error;
}

/* A constructor that behaves as NativeError and takes the options argument. */
function wrapErrorConstructor(NativeError) {
    var prototype = NativeError.prototype;
    function ErrorWithOptions(message, options) {
        var error = new NativeError(message);
        var errorPrototype = prototype;
        var subclass = null;
        if (new.target !== void 0) {
            errorPrototype = new.target.prototype;
            subclass = new.target === ErrorWithOptions ? null : new.target;
        } else if (isSubclassReceiver(this, prototype)) {
            errorPrototype = Object.getPrototypeOf(this);
            /* the lowered `super(message)` of a class, which constructs
             * with the subclass as newTarget (Duktape gives the receiver,
             * not new.target); `Error.call(this)` keeps its frames in V8 */
            var caller = duktapeAct(-3)['function'];
            if (caller === callSuper || caller === reflectConstruct) {
                subclass = errorPrototype.constructor;
            }
        }
        if (errorPrototype !== prototype && isObject(errorPrototype)) {
            Object.setPrototypeOf(error, errorPrototype);
        }
        if (typeof subclass === 'function' && wrapperFrame !== null) {
            error[CONSTRUCTOR_FRAMES] = framesUntil(subclass);
        }
        return finishError(error, options);
    }
    Object.defineProperty(ErrorWithOptions, 'prototype', { value: prototype, writable: false });
    setNameAndLength(ErrorWithOptions, NativeError.name, 1);
    defineHidden(prototype, 'constructor', ErrorWithOptions);
    return ErrorWithOptions;
}

function escapeRegExp(text) {
    return text.replace(/[\\^$.*+?()[\]{}|\/]/g, '\\$&');
}

/* Matches the frame the wrappers add on top of every stack (its location
 * "(file:line)"), or is null when the engine records no frames. */
function findWrapperFrame(WrappedError) {
    var lines = String(nativeStackGetter.call(new WrappedError('probe'))).split('\n');
    var location = lines.length > 1 ? /\([^()]+\)/.exec(lines[1]) : null;
    return location === null ? null : new RegExp('\\n[^\\n]*' + escapeRegExp(location[0]) + '[^\\n]*');
}

var wrapperFrame = null;

if (new Error('', { cause: 0 }).cause === void 0) {
    var WrappedError = wrapErrorConstructor(Error);
    for (var i = 1; i < ERROR_NAMES.length; i++) {
        var wrapped = wrapErrorConstructor(global[ERROR_NAMES[i]]);
        Object.setPrototypeOf(wrapped, WrappedError);
        native.defineGlobal(ERROR_NAMES[i], wrapped);
    }
    if (typeof global.AggregateError === 'function' && Object.getPrototypeOf(global.AggregateError) === Error) {
        Object.setPrototypeOf(global.AggregateError, WrappedError);
    }
    native.defineGlobal('Error', WrappedError);
    wrapperFrame = findWrapperFrame(WrappedError);
}

/* ---- Error.captureStackTrace (V8) ---- */

/* The heading line of a captured stack: Error.prototype.toString of the
 * target ("Error" for an object with no name or message). */
function stackHeading(target) {
    try {
        return String(errorToString.call(target));
    } catch (e) {
        return 'Error';
    }
}

function captureStackTrace(targetObject, constructorOpt) {
    if (!isObject(targetObject)) {
        throw new TypeError('Invalid argument: Error.captureStackTrace needs an object');
    }
    var lines = String(nativeStackGetter.call(new NativeErrorConstructor())).split('\n');
    /* lines[1] is this function's frame, Duktape.act(-2) (-1 is act
     * itself); lines[n] is the frame of Duktape.act(-1 - n) */
    var skip = 1;
    if (typeof constructorOpt === 'function') {
        skip = lines.length;
        for (var level = -3; ; level--) {
            var act = duktapeAct(level);
            if (act === void 0 || act === null) {
                break;
            }
            if (act['function'] === constructorOpt) {
                skip = -level - 1;
                break;
            }
        }
    }
    var frames = lines.slice(1 + skip);
    var limit = stackLimit();
    if (frames.length > limit) {
        frames.length = limit;
    }
    defineHidden(targetObject, 'stack', v8Stack([stackHeading(targetObject)].concat(frames).join('\n')));
}

/* Error.stackTraceLimit as a frame count: the engine records at most its
 * own depth of frames anyway. */
function stackLimit() {
    var limit = global.Error.stackTraceLimit;
    return typeof limit === 'number' && limit >= 0 ? limit : 0;
}

setNameAndLength(captureStackTrace, 'captureStackTrace', 2);
native.nonConstructor(captureStackTrace);
defineHidden(global.Error, 'captureStackTrace', captureStackTrace);
if (!('stackTraceLimit' in global.Error)) {
    Object.defineProperty(global.Error, 'stackTraceLimit', {
        value: 10, writable: true, enumerable: true, configurable: true
    });
}

/* Errors the engine makes read their stack through Error.prototype's
 * accessor: the same V8 format. */
var nativeStack = Object.getOwnPropertyDescriptor(NativeErrorConstructor.prototype, 'stack');
Object.defineProperty(NativeErrorConstructor.prototype, 'stack', {
    get: function stack() {
        return v8Stack(nativeStackGetter.call(this));
    },
    set: nativeStack.set,
    enumerable: nativeStack.enumerable,
    configurable: true
});
