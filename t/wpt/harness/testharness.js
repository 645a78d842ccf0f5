/*
 * fcworker's own implementation of the testharness.js API that WPT's
 * *.any.js files are written against, for one test file in one heap of
 * t/jsrun: test, async_test, promise_test (run one after the other, as
 * testharness.js does), setup/promise_setup/done, the Test methods (step,
 * step_func, step_func_done, unreached_func, step_timeout, add_cleanup,
 * done), the assert_* family and promise_rejects_*. Each subtest's outcome
 * is printed as one line, "WPT <STATUS> <name as JSON> <message as JSON>"
 * (PASS, FAIL, TIMEOUT, NOTRUN), then "WPT-DONE"; t/wpt.t reads them.
 * The file under test is told by the runner (WPT_FILE, WPT_DIR); fetch_json
 * reads the file's resources from its folder.
 */
(function (global) {
    'use strict';
    var TIMEOUT_MS = 8000;
    var tests = [];
    var promiseQueue = [];
    var runningPromise = false;
    var explicitDone = false;
    var allLoaded = false;
    var finished = false;
    var setupPromise = null;
    var pendingTimer = null;
    var harnessTimer = null;

    function str(v) {
        try {
            return String(v);
        } catch (e) {
            return '[unprintable]';
        }
    }

    function format_value(v, seen) {
        seen = seen || [];
        if (typeof v === 'string') {
            return JSON.stringify(v);
        }
        if (typeof v === 'number') {
            return v === 0 && 1 / v < 0 ? '-0' : str(v);
        }
        if (typeof v === 'bigint') {
            return str(v) + 'n';
        }
        if (typeof v === 'symbol') {
            return str(v);
        }
        if (v === null || typeof v !== 'object') {
            return typeof v === 'function' ? 'function "' + (v.name || '') + '"' : str(v);
        }
        if (seen.indexOf(v) >= 0) {
            return '[cycle]';
        }
        if (Array.isArray(v)) {
            seen.push(v);
            var parts = [];
            for (var i = 0; i < v.length && i < 20; i++) {
                parts.push(format_value(v[i], seen));
            }
            return '[' + parts.join(', ') + (v.length > 20 ? ', ...' : '') + ']';
        }
        try {
            var s = str(v);
            return s === '[object Object]' ? 'object ' + JSON.stringify(v) : 'object "' + s + '"';
        } catch (e) {
            return 'object';
        }
    }

    function AssertionError(message) {
        this.message = message;
        this.name = 'AssertionError';
    }
    AssertionError.prototype = Object.create(Error.prototype);
    AssertionError.prototype.constructor = AssertionError;

    function fail(name, description, message) {
        throw new AssertionError(name + ': ' + (description ? description + ' ' : '') + message);
    }

    function same_value(x, y) {
        if (x !== x && y !== y) {
            return true;
        }
        if (x === 0 && y === 0) {
            return 1 / x === 1 / y;
        }
        return x === y;
    }

    /* ---- tests ---- */

    function Test(name, kind) {
        this.name = name;
        this.kind = kind;
        this.status = null;
        this.message = '';
        this.cleanups = [];
        this.timers = [];
        tests.push(this);
    }

    Test.prototype.step = function (fn, thisObj) {
        if (this.status !== null) {
            return undefined;
        }
        var args = Array.prototype.slice.call(arguments, 2);
        try {
            return fn.apply(thisObj === undefined ? this : thisObj, args);
        } catch (e) {
            this.finish('FAIL', e);
            return undefined;
        }
    };

    Test.prototype.step_func = function (fn, thisObj) {
        var t = this;
        return function () {
            var args = [fn, thisObj === undefined ? this : thisObj].concat(Array.prototype.slice.call(arguments));
            return t.step.apply(t, args);
        };
    };

    Test.prototype.step_func_done = function (fn, thisObj) {
        var t = this;
        return function () {
            if (fn) {
                var args = [fn, thisObj === undefined ? this : thisObj].concat(Array.prototype.slice.call(arguments));
                t.step.apply(t, args);
            }
            t.done();
        };
    };

    Test.prototype.unreached_func = function (description) {
        return this.step_func(function () {
            assert_unreached(description);
        });
    };

    Test.prototype.step_timeout = function (fn, ms) {
        var t = this;
        var args = Array.prototype.slice.call(arguments, 2);
        var id = setTimeout(function () {
            t.step.apply(t, [fn, t].concat(args));
        }, ms);
        this.timers.push(id);
        return id;
    };

    Test.prototype.step_wait_func = function (cond, fn, description, timeout, interval) {
        var t = this;
        var waited = 0;
        interval = interval || 100;
        timeout = timeout === undefined ? 3000 : timeout;
        function check() {
            var ok = t.step(cond);
            if (t.status !== null) {
                return;
            }
            if (ok) {
                t.step(fn);
            } else if (waited >= timeout) {
                t.finish('FAIL', new AssertionError(description || 'step_wait: timed out'));
            } else {
                waited += interval;
                t.timers.push(setTimeout(check, interval));
            }
        }
        check();
    };

    Test.prototype.step_wait = function (cond, description, timeout, interval) {
        var t = this;
        return new Promise(function (resolve) {
            t.step_wait_func(cond, resolve, description, timeout, interval);
        });
    };

    Test.prototype.add_cleanup = function (fn) {
        this.cleanups.push(fn);
    };

    Test.prototype.done = function () {
        this.finish('PASS');
    };

    Test.prototype.finish = function (status, error) {
        if (this.status !== null) {
            return;
        }
        this.status = status;
        if (error !== undefined) {
            this.message = error && error.message !== undefined ? (error.name && !(error instanceof AssertionError)
                ? error.name + ': ' : '') + str(error.message) : str(error);
        }
        for (var i = 0; i < this.timers.length; i++) {
            clearTimeout(this.timers[i]);
        }
        var cleanups = this.cleanups;
        this.cleanups = [];
        var results = [];
        for (var j = 0; j < cleanups.length; j++) {
            try {
                results.push(cleanups[j]());
            } catch (e) {
                results.push(undefined);
            }
        }
        var t = this;
        var promises = results.filter(function (r) {
            return r && typeof r.then === 'function';
        });
        if (promises.length) {
            this.settled = Promise.all(promises).then(null, function () {});
        }
        if (t.onfinish) {
            t.onfinish();
        }
        check_finished();
    };

    function nameOf(fn, name) {
        if (typeof fn === 'string') {
            return fn;
        }
        return name !== undefined ? str(name) : (fn && fn.name) || global.WPT_FILE || 'test';
    }

    global.test = function (fn, name) {
        var t = new Test(nameOf(fn, name), 'sync');
        if (setupPromise) {
            // tests after promise_setup wait for it, as promise tests do
            promiseQueue.push(function () {
                t.step(fn, t, t);
                t.finish('PASS');
                return Promise.resolve();
            });
            run_queue();
            return t;
        }
        t.step(fn, t, t);
        t.finish('PASS');
        return t;
    };

    global.async_test = function (fn, name) {
        if (typeof fn === 'string') {
            return new Test(fn, 'async');
        }
        var t = new Test(nameOf(fn, name), 'async');
        if (fn) {
            t.step(fn, t, t);
        }
        return t;
    };

    global.promise_test = function (fn, name) {
        var t = new Test(nameOf(fn, name), 'promise');
        promiseQueue.push(function () {
            var p;
            t.started = true;
            try {
                p = fn.call(t, t);
            } catch (e) {
                t.finish('FAIL', e);
                return Promise.resolve();
            }
            if (!p || typeof p.then !== 'function') {
                t.finish('FAIL', new AssertionError('promise_test: test body must return a \'thenable\' object'));
                return Promise.resolve();
            }
            return new Promise(function (resolve) {
                t.onfinish = resolve;
                if (t.status !== null) {
                    // failed in a step while the body ran
                    resolve();
                    return;
                }
                Promise.resolve(p).then(function () {
                    t.finish('PASS');
                }, function (e) {
                    t.finish('FAIL', e);
                });
            }).then(function () {
                return t.settled;
            });
        });
        run_queue();
        return t;
    };

    function run_queue() {
        if (runningPromise || promiseQueue.length === 0) {
            return;
        }
        runningPromise = true;
        var next = promiseQueue.shift();
        Promise.resolve(setupPromise).then(function () {
            return next();
        }).then(null, function () {}).then(function () {
            runningPromise = false;
            run_queue();
            check_finished();
        });
    }

    global.setup = function (fn, options) {
        if (typeof fn === 'object' && fn !== null) {
            options = fn;
            fn = null;
        }
        if (options && options.explicit_done) {
            explicitDone = true;
        }
        if (typeof fn === 'function') {
            try {
                fn();
            } catch (e) {
                report_harness_error(e);
            }
        }
    };

    global.promise_setup = function (fn) {
        setupPromise = Promise.resolve().then(fn).then(null, function (e) {
            report_harness_error(e);
            throw e;
        });
    };

    global.done = function () {
        explicitDone = false;
        check_finished();
    };

    global.add_completion_callback = function () {};
    global.add_result_callback = function () {};
    global.add_start_callback = function () {};
    global.format_value = function (v) {
        return format_value(v);
    };

    function report_harness_error(e) {
        print('WPT-HARNESS-ERROR ' + JSON.stringify(str(e && e.message !== undefined ? e.message : e)));
    }

    function report() {
        if (finished) {
            return;
        }
        finished = true;
        if (harnessTimer !== null) {
            clearTimeout(harnessTimer);
        }
        for (var i = 0; i < tests.length; i++) {
            var t = tests[i];
            if (t.status === null) {
                t.status = t.kind === 'promise' && promiseQueue.length && !t.started ? 'NOTRUN' : 'TIMEOUT';
                for (var k = 0; k < t.timers.length; k++) {
                    clearTimeout(t.timers[k]);
                }
            }
            print('WPT ' + t.status + ' ' + JSON.stringify(t.name) + ' ' + JSON.stringify(t.message));
        }
        print('WPT-DONE ' + tests.length);
    }

    function check_finished() {
        if (!allLoaded || finished || explicitDone || runningPromise || promiseQueue.length) {
            return;
        }
        for (var i = 0; i < tests.length; i++) {
            if (tests[i].status === null) {
                return;
            }
        }
        // let tests that are registered from callbacks of the last ones in
        if (pendingTimer === null) {
            pendingTimer = setTimeout(function () {
                pendingTimer = null;
                for (var i = 0; i < tests.length; i++) {
                    if (tests[i].status === null) {
                        return;
                    }
                }
                if (!runningPromise && !promiseQueue.length && !explicitDone) {
                    report();
                }
            }, 0);
        }
    }

    /* called by the runner after the test file's code */
    global.__wpt_loaded = function () {
        allLoaded = true;
        harnessTimer = setTimeout(report, TIMEOUT_MS);
        check_finished();
    };

    global.__wpt_uncaught = function (e) {
        // an exception outside a test: the file fails as a whole
        report_harness_error(e);
    };

    /* ---- asserts ---- */

    global.assert_true = function (actual, description) {
        if (actual !== true) {
            fail('assert_true', description, 'expected true got ' + format_value(actual));
        }
    };

    global.assert_false = function (actual, description) {
        if (actual !== false) {
            fail('assert_false', description, 'expected false got ' + format_value(actual));
        }
    };

    global.assert_equals = function (actual, expected, description) {
        if (typeof actual !== typeof expected) {
            fail('assert_equals', description, 'expected (' + typeof expected + ') ' + format_value(expected) +
                ' but got (' + typeof actual + ') ' + format_value(actual));
        }
        if (!same_value(actual, expected)) {
            fail('assert_equals', description, 'expected ' + format_value(expected) + ' but got ' +
                format_value(actual));
        }
    };

    global.assert_not_equals = function (actual, expected, description) {
        if (same_value(actual, expected)) {
            fail('assert_not_equals', description, 'got disallowed value ' + format_value(actual));
        }
    };

    global.assert_in_array = function (actual, expected, description) {
        if (expected.indexOf(actual) < 0) {
            fail('assert_in_array', description, 'value ' + format_value(actual) + ' not in array ' +
                format_value(expected));
        }
    };

    global.assert_array_equals = function (actual, expected, description) {
        if (typeof actual !== 'object' || actual === null || !('length' in actual)) {
            fail('assert_array_equals', description, 'value is ' + format_value(actual) + ', expected array');
        }
        if (actual.length !== expected.length) {
            fail('assert_array_equals', description, 'lengths differ, expected array ' + format_value(expected) +
                ' length ' + expected.length + ', got ' + format_value(actual) + ' length ' + actual.length);
        }
        for (var i = 0; i < expected.length; i++) {
            if ((i in actual) !== (i in expected)) {
                fail('assert_array_equals', description, 'expected property ' + i + ' to be ' +
                    (i in expected ? 'present' : 'absent'));
            }
            if (!same_value(actual[i], expected[i])) {
                fail('assert_array_equals', description, 'expected property ' + i + ' to be ' +
                    format_value(expected[i]) + ' but got ' + format_value(actual[i]) + ' (expected array ' +
                    format_value(expected) + ' got ' + format_value(actual) + ')');
            }
        }
    };

    global.assert_array_approx_equals = function (actual, expected, epsilon, description) {
        if (actual.length !== expected.length) {
            fail('assert_array_approx_equals', description, 'lengths differ');
        }
        for (var i = 0; i < expected.length; i++) {
            if (Math.abs(actual[i] - expected[i]) > epsilon) {
                fail('assert_array_approx_equals', description, 'property ' + i + ': expected ' +
                    format_value(expected[i]) + ' +/- ' + epsilon + ' but got ' + format_value(actual[i]));
            }
        }
    };

    global.assert_approx_equals = function (actual, expected, epsilon, description) {
        if (typeof actual !== typeof expected) {
            fail('assert_approx_equals', description, 'expected a ' + typeof expected + ' got ' + typeof actual);
        }
        if (!(Math.abs(actual - expected) <= epsilon) && actual !== expected) {
            fail('assert_approx_equals', description, 'expected ' + format_value(expected) + ' +/- ' + epsilon +
                ' but got ' + format_value(actual));
        }
    };

    function compare(name, test) {
        return function (actual, expected, description) {
            if (typeof actual !== typeof expected || !test(actual, expected)) {
                fail(name, description, 'expected ' + format_value(expected) + ' got ' + format_value(actual));
            }
        };
    }
    global.assert_less_than = compare('assert_less_than', function (a, e) { return a < e; });
    global.assert_greater_than = compare('assert_greater_than', function (a, e) { return a > e; });
    global.assert_less_than_equal = compare('assert_less_than_equal', function (a, e) { return a <= e; });
    global.assert_greater_than_equal = compare('assert_greater_than_equal', function (a, e) { return a >= e; });
    global.assert_between_exclusive = function (actual, lower, upper, description) {
        if (!(actual > lower && actual < upper)) {
            fail('assert_between_exclusive', description, 'expected a number between ' + lower + ' and ' + upper +
                ' got ' + format_value(actual));
        }
    };
    global.assert_between_inclusive = function (actual, lower, upper, description) {
        if (!(actual >= lower && actual <= upper)) {
            fail('assert_between_inclusive', description, 'expected a number between ' + lower + ' and ' + upper +
                ' got ' + format_value(actual));
        }
    };

    global.assert_regexp_match = function (actual, re, description) {
        if (!re.test(actual)) {
            fail('assert_regexp_match', description, 'expected ' + format_value(re) + ' but got ' +
                format_value(actual));
        }
    };

    global.assert_not_regexp_match = function (actual, re, description) {
        if (re.test(actual)) {
            fail('assert_not_regexp_match', description, 'expected not ' + format_value(re) + ' but got ' +
                format_value(actual));
        }
    };

    global.assert_class_string = function (object, class_string, description) {
        var actual = Object.prototype.toString.call(object);
        var expected = '[object ' + class_string + ']';
        if (actual !== expected) {
            fail('assert_class_string', description, 'expected ' + JSON.stringify(expected) + ' but got ' +
                JSON.stringify(actual));
        }
    };

    global.assert_own_property = function (object, name, description) {
        if (!Object.prototype.hasOwnProperty.call(object, name)) {
            fail('assert_own_property', description, 'expected property ' + format_value(name) + ' missing');
        }
    };

    global.assert_not_own_property = function (object, name, description) {
        if (Object.prototype.hasOwnProperty.call(object, name)) {
            fail('assert_not_own_property', description, 'unexpected property ' + format_value(name) + ' is found');
        }
    };

    global.assert_inherits = function (object, name, description) {
        if (typeof object !== 'object' && typeof object !== 'function' || object === null) {
            fail('assert_inherits', description, 'provided value is not an object');
        }
        if (Object.prototype.hasOwnProperty.call(object, name)) {
            fail('assert_inherits', description, 'property ' + format_value(name) + ' found on object expected in prototype chain');
        }
        if (!(name in object)) {
            fail('assert_inherits', description, 'property ' + format_value(name) + ' not found in prototype chain');
        }
    };
    global.assert_idl_attribute = global.assert_inherits;

    global.assert_readonly = function (object, name, description) {
        var initial = object[name];
        try {
            object[name] = initial + 'a';
            if (!same_value(object[name], initial)) {
                fail('assert_readonly', description, 'changing property ' + format_value(name) + ' succeeded');
            }
        } finally {
            try {
                object[name] = initial;
            } catch (e) {
                // read-only indeed
            }
        }
    };

    function deep_equal(actual, expected, path, seen, description) {
        if (typeof expected !== 'object' || expected === null) {
            if (!same_value(actual, expected)) {
                fail('assert_object_equals', description, 'property ' + path + ' expected ' +
                    format_value(expected) + ' got ' + format_value(actual));
            }
            return;
        }
        if (typeof actual !== 'object' || actual === null) {
            fail('assert_object_equals', description, 'property ' + path + ' expected an object got ' +
                format_value(actual));
        }
        if (seen.indexOf(expected) >= 0) {
            return;
        }
        seen.push(expected);
        var p;
        for (p in actual) {
            if (Object.prototype.hasOwnProperty.call(actual, p) && !Object.prototype.hasOwnProperty.call(expected, p)) {
                fail('assert_object_equals', description, 'unexpected property ' + path + '.' + p);
            }
        }
        for (p in expected) {
            if (Object.prototype.hasOwnProperty.call(expected, p)) {
                if (!Object.prototype.hasOwnProperty.call(actual, p)) {
                    fail('assert_object_equals', description, 'expected property ' + path + '.' + p + ' missing');
                }
                deep_equal(actual[p], expected[p], path + '.' + p, seen, description);
            }
        }
    }

    global.assert_object_equals = function (actual, expected, description) {
        deep_equal(actual, expected, '', [], description);
    };

    global.assert_unreached = function (description) {
        fail('assert_unreached', description, 'Reached unreachable code');
    };

    global.assert_implements = function (condition, description) {
        if (!condition) {
            fail('assert_implements', description, 'not implemented');
        }
    };

    global.assert_implements_optional = function (condition, description) {
        if (!condition) {
            throw new AssertionError('assert_implements_optional: ' + (description || '') + ' (optional feature)');
        }
    };

    global.assert_any = function (assert_func, actual, expected_array) {
        var args = Array.prototype.slice.call(arguments, 3);
        var errors = [];
        for (var i = 0; i < expected_array.length; i++) {
            try {
                assert_func.apply(this, [actual, expected_array[i]].concat(args));
                return;
            } catch (e) {
                errors.push(e.message);
            }
        }
        throw new AssertionError(errors.join('\n'));
    };

    global.assert_throws_js = function (constructor, func, description) {
        var threw = false, e;
        try {
            func.call(this);
        } catch (err) {
            threw = true;
            e = err;
        }
        if (!threw) {
            fail('assert_throws_js', description, str(func).slice(0, 80) + ' did not throw');
        }
        if (typeof e !== 'object' || e === null) {
            fail('assert_throws_js', description, 'threw ' + format_value(e) + ' which is not an object');
        }
        if (e.constructor !== constructor || e.name !== constructor.name) {
            fail('assert_throws_js', description, 'threw ' + format_value(e) + ' (' + (e && e.name) +
                ') expected instance of ' + constructor.name);
        }
    };

    var legacyNames = {
        INDEX_SIZE_ERR: 'IndexSizeError', HIERARCHY_REQUEST_ERR: 'HierarchyRequestError',
        WRONG_DOCUMENT_ERR: 'WrongDocumentError', INVALID_CHARACTER_ERR: 'InvalidCharacterError',
        NO_MODIFICATION_ALLOWED_ERR: 'NoModificationAllowedError', NOT_FOUND_ERR: 'NotFoundError',
        NOT_SUPPORTED_ERR: 'NotSupportedError', INVALID_STATE_ERR: 'InvalidStateError',
        SYNTAX_ERR: 'SyntaxError', INVALID_MODIFICATION_ERR: 'InvalidModificationError',
        NAMESPACE_ERR: 'NamespaceError', INVALID_ACCESS_ERR: 'InvalidAccessError',
        TYPE_MISMATCH_ERR: 'TypeMismatchError', SECURITY_ERR: 'SecurityError', NETWORK_ERR: 'NetworkError',
        ABORT_ERR: 'AbortError', URL_MISMATCH_ERR: 'URLMismatchError', QUOTA_EXCEEDED_ERR: 'QuotaExceededError',
        TIMEOUT_ERR: 'TimeoutError', INVALID_NODE_TYPE_ERR: 'InvalidNodeTypeError',
        DATA_CLONE_ERR: 'DataCloneError'
    };

    function check_dom_exception(type, e, description, fname) {
        var name = legacyNames[type] || type;
        if (typeof e !== 'object' || e === null) {
            fail(fname, description, 'threw ' + format_value(e) + ' which is not an object');
        }
        if (e.name !== name) {
            fail(fname, description, 'threw ' + format_value(e) + ' that is not a DOMException ' + name +
                ': property "name" is ' + format_value(e.name));
        }
        if (typeof DOMException === 'function' && !(e instanceof DOMException)) {
            fail(fname, description, 'threw an exception named ' + name + ' that is not a DOMException');
        }
    }

    global.assert_throws_dom = function (type, funcOrConstructor, descriptionOrFunc, maybeDescription) {
        var func = funcOrConstructor, description = descriptionOrFunc;
        if (typeof descriptionOrFunc === 'function') {
            func = descriptionOrFunc;
            description = maybeDescription;
        }
        var threw = false, e;
        try {
            func.call(this);
        } catch (err) {
            threw = true;
            e = err;
        }
        if (!threw) {
            fail('assert_throws_dom', description, str(func).slice(0, 80) + ' did not throw');
        }
        check_dom_exception(type, e, description, 'assert_throws_dom');
    };

    global.assert_throws_quotaexceedederror = function (func, requested, quota, description) {
        var threw = false, e;
        try {
            func.call(this);
        } catch (err) {
            threw = true;
            e = err;
        }
        if (!threw) {
            fail('assert_throws_quotaexceedederror', description, str(func).slice(0, 80) + ' did not throw');
        }
        if (typeof e !== 'object' || e === null || e.name !== 'QuotaExceededError') {
            fail('assert_throws_quotaexceedederror', description, 'threw ' + format_value(e) +
                ', not a QuotaExceededError');
        }
        if (requested !== null && requested !== undefined && e.requested !== requested) {
            fail('assert_throws_quotaexceedederror', description, 'requested is ' + format_value(e.requested) +
                ', expected ' + format_value(requested));
        }
        if (quota !== null && quota !== undefined && e.quota !== quota) {
            fail('assert_throws_quotaexceedederror', description, 'quota is ' + format_value(e.quota) +
                ', expected ' + format_value(quota));
        }
    };

    global.assert_throws_exactly = function (exception, func, description) {
        var threw = false, e;
        try {
            func.call(this);
        } catch (err) {
            threw = true;
            e = err;
        }
        if (!threw) {
            fail('assert_throws_exactly', description, str(func).slice(0, 80) + ' did not throw');
        }
        if (!same_value(e, exception)) {
            fail('assert_throws_exactly', description, 'threw ' + format_value(e) + ' but we expected it to throw ' +
                format_value(exception));
        }
    };

    function rejects(fname, check) {
        return function (test, expected, promise, description) {
            return Promise.resolve(promise).then(function () {
                fail(fname, description, 'Should have rejected');
            }, function (e) {
                check(expected, e, description);
            });
        };
    }

    global.promise_rejects_js = rejects('promise_rejects_js', function (constructor, e, description) {
        global.assert_throws_js(constructor, function () { throw e; }, description);
    });

    global.promise_rejects_dom = function (test, type, promiseOrConstructor, descriptionOrPromise, maybeDescription) {
        var promise = promiseOrConstructor, description = descriptionOrPromise;
        if (typeof promiseOrConstructor === 'function' && descriptionOrPromise && typeof descriptionOrPromise.then === 'function') {
            promise = descriptionOrPromise;
            description = maybeDescription;
        }
        return Promise.resolve(promise).then(function () {
            fail('promise_rejects_dom', description, 'Should have rejected');
        }, function (e) {
            check_dom_exception(type, e, description, 'promise_rejects_dom');
        });
    };

    global.promise_rejects_exactly = rejects('promise_rejects_exactly', function (exception, e, description) {
        global.assert_throws_exactly(exception, function () { throw e; }, description);
    });

    /* ---- the environment WPT's any.js files expect ---- */

    global.self = global;
    if (global.location === undefined) {
        // a worker's location: the test's own URL, without a query
        global.location = { href: 'http://web-platform.test/' + global.WPT_FILE, search: '', hash: '' };
    }
    global.GLOBAL = {
        isWindow: function () { return false; },
        isWorker: function () { return false; },
        isShadowRealm: function () { return false; }
    };

    global.fetch_json = function (resource) {
        return new Promise(function (resolve) {
            resolve(JSON.parse(readFile(global.WPT_DIR + '/' + resource)));
        });
    };

    global.step_timeout = function (fn, ms) {
        var args = Array.prototype.slice.call(arguments, 2);
        return setTimeout(function () {
            fn.apply(global, args);
        }, ms);
    };
})(this);
