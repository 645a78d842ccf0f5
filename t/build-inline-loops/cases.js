// SPDX-License-Identifier: MIT
// Loops whose body makes closures over its own variables only now and
// then, which SWC lowers to a `_loop` function called per iteration and
// fcworker-build writes back into the loop, each such closure given the
// values of its iteration where it is made
// (contrib/fcworker-build/lib/inline-loops.js): run by Node as it is and
// by fcworker as the tool bundles it, the two must print the same.
const { log, printAll } = require('../lib/cases-log.js');

/* zod's runChecks: a closure made on the asynchronous path alone, called
 * after the loop, reading the values of its own iteration */
function runChecks(payload, checks) {
    let aborted = false;
    let later = null;
    for (const check of checks) {
        if (aborted) {
            continue;
        }
        const before = payload.issues.length;
        const prev = later;
        const r = check(payload);
        if (r === 'defer') {
            later = () => `${prev ? prev() + ' ' : ''}${check.name}@${before}`;
        } else {
            const after = payload.issues.length;
            if (after === before) {
                continue;
            }
            aborted = payload.stop;
        }
    }
    return `${later ? later() : '-'} issues=${payload.issues.length} aborted=${aborted}`;
}
const ok = function ok() {};
const bad = function bad(p) { p.issues.push('bad'); };
const defer = function defer(p) { p.issues.push('d'); return 'defer'; };
log('closures made on one path, read after the loop', () => runChecks({ issues: [], stop: false }, [defer, bad, ok, defer, bad, defer]));
log('and stopping early', () => runChecks({ issues: [], stop: true }, [ok, defer, bad, defer]));

/* zod's array parser: `for (let i ...)`, a closure made now and then
 * reading i, `return "break"` from the body */
function items(list, stopAt) {
    const pending = [];
    const out = [];
    for (let i = 0; i < list.length; i++) {
        const v = list[i];
        if (v === stopAt) {
            break;
        }
        if (typeof v === 'string') {
            pending.push(() => `${i}:${v}`);
        } else {
            out.push(v * 2);
        }
    }
    return `${out.join()} | ${pending.map((f) => f()).join()}`;
}
log('for-let with closures on one path and break', () => items([1, 'a', 2, 'b', 3, null, 'c'], null));

/* a value returned from inside the loop */
function find(list, wanted) {
    for (const x of list) {
        const key = x.key;
        if (key === wanted) {
            return `found ${x.value}`;
        }
        if (key === 'lazy') {
            x.get = () => key + x.value;
        }
    }
    return 'none';
}
const table = [{ key: 'a', value: 1 }, { key: 'lazy', value: 2 }, { key: 'b', value: 3 }];
log('a return from the loop body', () => `${find(table, 'b')} ${find(table, 'z')} ${table[1].get()}`);

/* a variable of the body without a value: undefined at each iteration */
function fresh(list) {
    const out = [];
    for (const x of list) {
        let y;
        if (x > 1) {
            y = x;
        }
        out.push(String(y));
        if (x === 99) {
            out.push(() => x);
        }
    }
    return out.join();
}
log('a variable without a value, at each iteration', () => fresh([2, 1, 3, 0]));

/* continue and break inside a switch and a nested loop of the body */
function nested(rows) {
    const out = [];
    const made = [];
    for (const row of rows) {
        switch (row.kind) {
        case 'skip':
            continue;
        case 'stop':
            break;
        default:
            out.push(row.kind);
        }
        if (row.kind === 'stop') {
            break;
        }
        for (const cell of row.cells) {
            if (cell < 0) {
                continue;
            }
            out.push(cell);
        }
        if (row.keep) {
            made.push(() => row.kind + row.cells.length);
        }
    }
    return `${out.join()} | ${made.map((f) => f()).join()}`;
}
log('continue and break in a switch and a nested loop', () => nested([
    { kind: 'a', cells: [1, -1, 2], keep: true }, { kind: 'skip', cells: [9] },
    { kind: 'b', cells: [3] }, { kind: 'stop', cells: [7] }, { kind: 'c', cells: [8], keep: true }]));

/* an outer label, and a do-while and a while loop */
function labelled(grid) {
    const out = [];
    outer: for (const row of grid) {
        for (const v of row) {
            if (v === 0) {
                continue outer;
            }
            if (v < 0) {
                break outer;
            }
            out.push(v);
        }
        if (row.length > 2) {
            out.push(() => row.length);
        }
    }
    return out.map((v) => (typeof v === 'function' ? `f${v()}` : v)).join();
}
log('labelled loops', () => labelled([[1, 2, 3], [4, 0, 5], [6], [7, -1, 8], [9]]));

function whiles(n) {
    const out = [];
    let i = 0;
    do {
        const k = i * 10;
        if (k > 20) {
            out.push(() => k);
        }
        i++;
    } while (i < n);
    while (i > 0) {
        const j = i--;
        if (j % 2) {
            out.push(() => -j);
        }
    }
    return out.map((f) => f()).join();
}
log('do-while and while', () => whiles(5));

/* a closure in a catch block */
function caught(list) {
    const errors = [];
    for (const x of list) {
        const label = `item ${x}`;
        try {
            if (x < 0) {
                throw new Error('negative');
            }
        } catch (e) {
            errors.push(() => `${label}: ${e.message}`);
        }
    }
    return errors.map((f) => f()).join('; ');
}
log('a closure in a catch block', () => caught([1, -2, 3, -4]));

/* left as SWC wrote them: a variable the body assigns, read by a closure;
 * a closure made at every iteration; a name the function uses after the
 * loop; `this` of a method */
function assigned(list) {
    const fns = [];
    for (const x of list) {
        let n = x;
        if (x > 1) {
            fns.push(() => n);
        }
        n = n * 100;
    }
    return fns.map((f) => f()).join();
}
log('a variable assigned after its closure is made', () => assigned([1, 2, 3]));

function everyTime(list) {
    const fns = [];
    for (const x of list) {
        const y = x + 1;
        fns.push(() => y);
    }
    return fns.map((f) => f()).join();
}
log('a closure at every iteration', () => everyTime([1, 2]));

function sameName(list) {
    const fns = [];
    for (const x of list) {
        const tmp = x * 2;
        if (tmp > 2) {
            fns.push(() => tmp);
        }
    }
    {
        const tmp = 'outer';
        return `${fns.map((f) => f()).join()} ${tmp}`;
    }
}
log('a name the function declares again after the loop', () => sameName([1, 2, 3]));

const holder = {
    base: 5,
    run(list) {
        const fns = [];
        for (const x of list) {
            const y = x + this.base;
            if (x % 2) {
                fns.push(() => y + this.base);
            }
        }
        return fns.map((f) => f()).join();
    }
};
log('this of a method', () => holder.run([1, 2, 3]));

async function awaited(list) {
    const out = [];
    for (const x of list) {
        const v = await Promise.resolve(x);
        if (v > 1) {
            out.push(() => v);
        }
    }
    return out.map((f) => f()).join();
}

awaited([1, 2, 3]).then((r) => {
    log('awaits in the loop', () => r);
    printAll();
});
