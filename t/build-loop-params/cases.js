// SPDX-License-Identifier: MIT
// Loops whose body makes closures over its own variables, which SWC
// lowers to a `_loop` function called per iteration, and to which
// fcworker-build gives the variables of the function around it that it
// reads as parameters (contrib/fcworker-build/lib/loop-params.js): run by
// Node as it is and by fcworker as the tool bundles it, the two must print
// the same.
const { log, printAll } = require('../lib/cases-log.js');

function checks(payload, list) {
    let aborted = false;
    const pending = [];
    for (const check of list) {
        const before = payload.issues.length;
        if (aborted) {
            continue;
        }
        check(payload);
        pending.push(() => `${check.name}:${payload.issues.length - before}`);
        if (payload.issues.length > before) {
            aborted = payload.stopOnFirst;
        }
    }
    return `${pending.map((f) => f()).join(' ')} aborted=${aborted}`;
}
const ok = function ok() {};
const bad = function bad(p) { p.issues.push('bad'); };
log('reads of a parameter and a variable set in the loop body', () => checks({ issues: [], stopOnFirst: true }, [ok, bad, ok]));
log('and without stopping', () => checks({ issues: [], stopOnFirst: false }, [bad, bad, ok]));

function later() {
    const fns = [];
    for (const x of [1, 2]) {
        fns.push(() => x + value);
    }
    var value = 10;
    return fns.map((g) => g()).join();
}
log('a variable declared after the loop, read by its closures later', () => later());

function reassigned(p) {
    const fns = [];
    for (const x of [1, 2]) {
        fns.push(() => x + p);
    }
    p = 100;
    return fns.map((g) => g()).join();
}
log('a parameter assigned after the loop', () => reassigned(1));

function counter() {
    const out = [];
    let n = 0;
    for (const x of ['a', 'b', 'c']) {
        out.push(() => x + n);
        n += 10;
    }
    return out.map((g) => g()).join();
}
log('a variable the function assigns between iterations, read by closures', () => counter());

function direct() {
    const out = [];
    let n = 0;
    for (const x of ['a', 'b', 'c']) {
        const m = n;
        out.push(() => x + m);
        n += 10;
    }
    return out.map((g) => g()).join();
}
log('the same read by the loop body itself', () => direct());

function breaks(list) {
    const seen = [];
    const limit = 3;
    for (const x of list) {
        if (x === limit) {
            break;
        }
        if (x % 2) {
            continue;
        }
        seen.push(() => x * limit);
    }
    return seen.map((g) => g()).join();
}
log('break and continue', () => breaks([2, 1, 4, 3, 6]));

function returns(list, target) {
    for (const x of list) {
        const f = () => x === target;
        if (f()) {
            return `found ${x}`;
        }
    }
    return 'none';
}
log('a return from the loop body', () => `${returns([1, 2, 3], 2)} ${returns([1], 5)}`);

function nested(rows) {
    const out = [];
    const sep = '-';
    for (const row of rows) {
        for (const cell of row) {
            out.push(() => row.length + sep + cell);
        }
    }
    return out.map((g) => g()).join();
}
log('nested loops', () => nested([[1, 2], [3]]));

async function awaits(list) {
    const out = [];
    const base = await Promise.resolve(5);
    for (const x of list) {
        const v = await Promise.resolve(x);
        out.push(() => v + base);
    }
    return out.map((g) => g()).join();
}

function writesInClosure() {
    let count = 0;
    const fns = [];
    for (const x of [1, 2, 3]) {
        fns.push(() => { count += x; return count; });
        if (count > 100) {
            break;
        }
    }
    fns.forEach((f) => f());
    return count;
}
log('a variable a closure of the body writes', () => writesInClosure());

awaits([1, 2]).then((r) => {
    log('awaits in the loop', () => r);
    printAll();
});
