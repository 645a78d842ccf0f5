// SPDX-License-Identifier: MIT
/*
 * A small TAP harness for tests that run inside the runtime (t/jsrun).
 * test(name, fn) queues a test; tests run one after another once the file
 * has been evaluated; a test that returns a promise is awaited. The plan is
 * printed at the end, so a test that never finishes is a missing line.
 */
(function (global) {
    var queue = [];
    var count = 0;
    var failed = 0;
    var started = false;

    function describe(v) {
        if (typeof v === 'string') {
            return JSON.stringify(v);
        }
        if (v === 0 && 1 / v < 0) {
            return '-0';
        }
        try {
            var s = JSON.stringify(v);
            if (s !== undefined && typeof v === 'object') {
                return s;
            }
        } catch (e) {}
        return String(v);
    }

    function sameValue(a, b) {
        if (a === b) {
            return a !== 0 || 1 / a === 1 / b;
        }
        return a !== a && b !== b;
    }

    function deepEqual(a, b, seen) {
        if (sameValue(a, b)) {
            return true;
        }
        if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
            return false;
        }
        if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) {
            return false;
        }
        if (seen.indexOf(a) >= 0) {
            return true;
        }
        seen.push(a);
        if (a instanceof Date) {
            return a.getTime() === b.getTime();
        }
        if (ArrayBuffer.isView(a) || a instanceof ArrayBuffer) {
            var ua = a instanceof ArrayBuffer ? new Uint8Array(a) : new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
            var ub = b instanceof ArrayBuffer ? new Uint8Array(b) : new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
            if (ua.length !== ub.length) {
                return false;
            }
            for (var j = 0; j < ua.length; j++) {
                if (ua[j] !== ub[j]) {
                    return false;
                }
            }
            return true;
        }
        var ka = Object.keys(a), kb = Object.keys(b);
        if (ka.length !== kb.length) {
            return false;
        }
        for (var i = 0; i < ka.length; i++) {
            if (!Object.prototype.hasOwnProperty.call(b, ka[i]) || !deepEqual(a[ka[i]], b[ka[i]], seen)) {
                return false;
            }
        }
        return true;
    }

    function Assert(name) {
        this.name = name;
    }

    Assert.prototype.report = function (pass, msg, detail) {
        count++;
        var line = (pass ? 'ok ' : 'not ok ') + count + ' - ' + this.name + (msg ? ': ' + msg : '');
        print(line.replace(/\n/g, ' '));
        if (!pass) {
            failed++;
            if (detail) {
                print('# ' + detail.replace(/\n/g, '\n# '));
            }
        }
        return pass;
    };
    Assert.prototype.ok = function (v, msg) {
        return this.report(!!v, msg, 'got ' + describe(v));
    };
    Assert.prototype.equal = function (a, b, msg) {
        return this.report(sameValue(a, b), msg, 'got      ' + describe(a) + '\nexpected ' + describe(b));
    };
    Assert.prototype.notEqual = function (a, b, msg) {
        return this.report(!sameValue(a, b), msg, 'got ' + describe(a) + ', expected something else');
    };
    Assert.prototype.deepEqual = function (a, b, msg) {
        return this.report(deepEqual(a, b, []), msg, 'got      ' + describe(a) + '\nexpected ' + describe(b));
    };
    Assert.prototype.throws = function (fn, Ctor, msg) {
        try {
            fn();
        } catch (e) {
            var pass = !Ctor || e instanceof Ctor || (e && Ctor && e.name === Ctor.name);
            return this.report(pass, msg, 'threw ' + describe(e && e.name) + ': ' + (e && e.message));
        }
        return this.report(false, msg, 'did not throw');
    };
    Assert.prototype.rejects = function (promise, Ctor, msg) {
        var self = this;
        return Promise.resolve(promise).then(function (v) {
            self.report(false, msg, 'resolved with ' + describe(v));
        }, function (e) {
            var pass = !Ctor || e instanceof Ctor || (e && e.name === Ctor.name);
            self.report(pass, msg, 'rejected with ' + describe(e && e.name) + ': ' + (e && e.message));
        });
    };
    Assert.prototype.comment = function (msg) {
        print('# ' + String(msg).replace(/\n/g, '\n# '));
    };

    function runNext() {
        if (queue.length === 0) {
            print('1..' + count);
            return;
        }
        var item = queue.shift();
        var t = new Assert(item.name);
        var result;
        try {
            result = item.fn(t);
        } catch (e) {
            t.report(false, 'threw', String(e && e.stack || e));
            setTimeout(runNext, 0);
            return;
        }
        if (result && typeof result.then === 'function') {
            result.then(function () {
                setTimeout(runNext, 0);
            }, function (e) {
                t.report(false, 'rejected', String(e && e.stack || e));
                setTimeout(runNext, 0);
            });
        } else {
            setTimeout(runNext, 0);
        }
    }

    global.test = function (name, fn) {
        queue.push({ name: name, fn: fn });
        if (!started) {
            started = true;
            setTimeout(runNext, 0);
        }
    };
})(this);
