// SPDX-License-Identifier: MIT
/*
 * D1 databases, run against a real SQLite file: t/d1.t starts t/jsrun with
 * FCW_TEST_BINDINGS naming a database DB. Without it (t/js.t) only the
 * absence of the binding is checked.
 */
function rejectsWith(t, promise, pattern, msg) {
    return promise.then(function () {
        t.ok(false, msg + ': should reject');
    }, function (e) {
        t.ok(e instanceof Error, msg + ': an Error');
        t.ok(pattern.test(String(e.message)), msg + ': message ' + JSON.stringify(String(e.message)));
    });
}

if (typeof DB === 'undefined') {
    test('D1: no binding without configuration', function (t) {
        t.equal(typeof DB, 'undefined');
        t.equal(typeof D1Database, 'undefined', 'no D1Database global');
    });
} else {
    test('D1: exec creates the schema', function (t) {
        return DB.exec('DROP TABLE IF EXISTS users;\nDROP TABLE IF EXISTS types;\n' +
                       'CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, age INTEGER);\n' +
                       'CREATE TABLE types (i INTEGER, r REAL, t TEXT, b BLOB, n)').then(function (r) {
            t.equal(r.count, 4, 'four statements');
            t.equal(typeof r.duration, 'number', 'a duration');
        });
    });

    test('D1: insert, select, update, delete', function (t) {
        var insert = DB.prepare('INSERT INTO users (name, age) VALUES (?1, ?2)');
        return insert.bind('ann', 31).run().then(function (r) {
            t.equal(r.success, true);
            t.deepEqual(r.results, [], 'no rows from an INSERT');
            t.equal(r.meta.changes, 1, 'meta.changes');
            t.equal(r.meta.last_row_id, 1, 'meta.last_row_id');
            t.equal(r.meta.changed_db, true, 'meta.changed_db');
            t.equal(r.meta.rows_written, 1, 'meta.rows_written');
            t.ok(r.meta.size_after > 0, 'meta.size_after');
            t.equal(typeof r.meta.duration, 'number', 'meta.duration');
            return insert.bind('bob', 42).run();
        }).then(function (r) {
            t.equal(r.meta.last_row_id, 2);
            return DB.prepare('SELECT * FROM users ORDER BY id').all();
        }).then(function (r) {
            t.deepEqual(r.results, [{ id: 1, name: 'ann', age: 31 }, { id: 2, name: 'bob', age: 42 }], 'all()');
            t.equal(r.meta.changes, 0);
            t.equal(r.meta.changed_db, false, 'a SELECT changes nothing');
            t.ok(r.meta.rows_read >= 2, 'meta.rows_read');
            return DB.prepare('SELECT name FROM users WHERE age > ?').bind(35).first();
        }).then(function (row) {
            t.deepEqual(row, { name: 'bob' }, 'first()');
            return DB.prepare('SELECT name, age FROM users ORDER BY id').first('age');
        }).then(function (v) {
            t.equal(v, 31, 'first(column)');
            return DB.prepare('SELECT * FROM users WHERE id = 99').first();
        }).then(function (v) {
            t.equal(v, null, 'first() without rows');
            return DB.prepare('SELECT id, name FROM users ORDER BY id').raw();
        }).then(function (rows) {
            t.deepEqual(rows, [[1, 'ann'], [2, 'bob']], 'raw()');
            return DB.prepare('SELECT id, name FROM users ORDER BY id').raw({ columnNames: true });
        }).then(function (rows) {
            t.deepEqual(rows, [['id', 'name'], [1, 'ann'], [2, 'bob']], 'raw({columnNames: true})');
            return DB.prepare('UPDATE users SET age = age + 1').run();
        }).then(function (r) {
            t.equal(r.meta.changes, 2, 'UPDATE changes');
            return DB.prepare('DELETE FROM users WHERE name = ?').bind('ann').run();
        }).then(function (r) {
            t.equal(r.meta.changes, 1, 'DELETE changes');
            return DB.prepare('SELECT count(*) AS n FROM users').first('n');
        }).then(function (n) {
            t.equal(n, 1);
        });
    });

    test('D1: bind() makes a new statement', function (t) {
        var base = DB.prepare('SELECT ? AS v');
        var a = base.bind(1), b = base.bind(2);
        return Promise.all([a.first('v'), b.first('v')]).then(function (v) {
            t.deepEqual(v, [1, 2]);
        });
    });

    test('D1: type mapping', function (t) {
        var blob = new Uint8Array([0, 1, 254, 255]);
        return DB.prepare('INSERT INTO types VALUES (?, ?, ?, ?, ?)').bind(7, 1.5, 'h\u00e9', blob.buffer, null).run()
            .then(function () {
                return DB.prepare('INSERT INTO types VALUES (?, ?, ?, ?, ?)').bind(true, false, '', new Uint8Array(0), 2.0).run();
            }).then(function () {
                return DB.prepare('SELECT * FROM types').all();
            }).then(function (r) {
                t.deepEqual(r.results[0], { i: 7, r: 1.5, t: 'h\u00e9', b: [0, 1, 254, 255], n: null },
                            'INTEGER, REAL, TEXT, BLOB as an array of numbers, NULL');
                t.deepEqual(r.results[1], { i: 1, r: 0, t: '', b: [], n: 2 }, 'booleans as 1 and 0');
                return DB.prepare('SELECT typeof(?) AS a, typeof(?) AS b, typeof(?) AS c').bind(3, 3.25, 9007199254740991).first();
            }).then(function (row) {
                t.deepEqual(row, { a: 'integer', b: 'real', c: 'integer' }, 'integral numbers bind as INTEGER');
                return DB.prepare('SELECT 9007199254740993 AS big, -9223372036854775808 AS min').first();
            }).then(function (row) {
                t.equal(row.big, 9007199254740992, 'integers past 2^53 lose precision, as in D1');
                t.equal(row.min, -9223372036854775808);
            });
    });

    test('D1: bind() type errors are thrown', function (t) {
        var s = DB.prepare('SELECT ?');
        t.throws(function () { s.bind(undefined); }, Error, 'undefined');
        try {
            s.bind(undefined);
        } catch (e) {
            t.equal(e.message, "D1_TYPE_ERROR: Type 'undefined' not supported for value 'undefined'");
            t.equal(e.cause && e.cause.message, "Type 'undefined' not supported for value 'undefined'",
                'the cause is the message without its prefix');
        }
        t.throws(function () { s.bind([1, 256]); }, Error, 'an array with a number that is no byte');
        t.throws(function () { s.bind(['a']); }, Error, 'an array of strings');
        t.throws(function () { s.bind({}); }, Error, 'object');
        t.throws(function () { s.bind(function () {}); }, Error, 'function');
        t.throws(function () { s.bind(Symbol('x')); }, Error, 'symbol');
    });

    test('D1: an array of bytes binds as a BLOB, as in D1', function (t) {
        return DB.prepare('SELECT typeof(?1) AS type, hex(?1) AS hex, length(?1) AS n').bind([0, 1, 254, 255]).first()
            .then(function (row) {
                t.deepEqual(row, { type: 'blob', hex: '0001FEFF', n: 4 });
            });
    });

    test('D1: SQL errors', function (t) {
        return DB.prepare('SELECT * FROM nope').all().then(function () {
            t.ok(false, 'a missing table should reject');
        }, function (e) {
            t.equal(e.cause && e.cause.message, 'no such table: nope: SQLITE_ERROR', 'the error\'s cause: its message without D1_ERROR');
        }).then(function () {
            return rejectsWith(t, DB.prepare('SELECT * FROM nope').all(), /^D1_ERROR: no such table: nope: SQLITE_ERROR$/,
                           'missing table');
        }).then(function () {
            return rejectsWith(t, DB.prepare('INSERT INTO users (name) VALUES (?)').bind('bob').run(),
                               /^D1_ERROR: UNIQUE constraint failed: users\.name: SQLITE_CONSTRAINT$/, 'constraint');
        }).then(function () {
            return rejectsWith(t, DB.prepare('SELECT 1; SELECT 2').all(), /only one statement/, 'two statements');
        }).then(function () {
            return rejectsWith(t, DB.prepare('SELECT ?').bind(1, 2).all(), /Wrong number of parameter bindings/,
                               'too many parameters');
        }).then(function () {
            return rejectsWith(t, DB.prepare('SELECT ?, ?').bind(1).all(),
                               /^D1_ERROR: Wrong number of parameter bindings\. SQL statement has 2 parameters but 1 were bound$/,
                               'too few parameters');
        }).then(function () {
            return rejectsWith(t, DB.prepare('SELECT name FROM users').first('nope'),
                               /^D1_COLUMN_NOTFOUND: Column not found \(nope\)$/, 'first(missing column)');
        }).then(function () {
            return rejectsWith(t, DB.exec('SELECT 1;\nSELEC 2;'), /^D1_EXEC_ERROR: Error in line 2: SELEC 2;?: .*syntax error/,
                               'exec names the line');
        }).then(function () {
            return rejectsWith(t, DB.prepare('').all(), /No SQL statements detected/, 'empty statement');
        });
    });

    test('D1: batch runs in one transaction', function (t) {
        var ins = DB.prepare('INSERT INTO users (name, age) VALUES (?, ?)');
        return DB.batch([ins.bind('cat', 1), ins.bind('dan', 2), DB.prepare('SELECT count(*) AS n FROM users')])
            .then(function (results) {
                t.equal(results.length, 3, 'one result per statement');
                t.equal(results[0].meta.changes, 1);
                t.deepEqual(results[2].results, [{ n: 3 }], 'later statements see earlier ones');
                return rejectsWith(t, DB.batch([ins.bind('eve', 3), ins.bind('bob', 4)]), /UNIQUE constraint failed/,
                                   'a failing statement fails the batch');
            }).then(function () {
                return DB.prepare('SELECT count(*) AS n FROM users WHERE name = ?').bind('eve').first('n');
            }).then(function (n) {
                t.equal(n, 0, 'and rolls back the statements before it');
                return DB.batch([]);
            }).then(function (r) {
                t.deepEqual(r, [], 'an empty batch');
                t.throws(function () { DB.batch([{}]); }, TypeError, 'batch() takes prepared statements');
            });
    });

    test('D1: transaction statements are not authorized, as in D1', function (t) {
        var statements = ['BEGIN', 'BEGIN IMMEDIATE', 'BEGIN TRANSACTION', 'COMMIT', 'ROLLBACK', 'SAVEPOINT sp',
            'RELEASE sp', 'END'];
        var chain = Promise.resolve();
        statements.forEach(function (sql) {
            chain = chain.then(function () {
                return rejectsWith(t, DB.prepare(sql).run(), /^D1_ERROR: not authorized: SQLITE_AUTH$/, sql);
            });
        });
        return chain.then(function () {
            return rejectsWith(t, DB.exec('BEGIN;\nINSERT INTO users (name, age) VALUES (\'tx\', 1)'),
                /^D1_EXEC_ERROR: Error in line 1: BEGIN: not authorized: SQLITE_AUTH$/, 'exec() with BEGIN');
        }).then(function () {
            return rejectsWith(t, DB.batch([DB.prepare('INSERT INTO users (name, age) VALUES (?, ?)').bind('tx', 1),
                DB.prepare('COMMIT')]), /not authorized/, 'a batch with COMMIT');
        }).then(function () {
            return DB.prepare('SELECT count(*) AS n FROM users WHERE name = ?').bind('tx').first('n');
        }).then(function (n) {
            t.equal(n, 0, 'nothing of them was written');
            return DB.batch([DB.prepare('INSERT INTO users (name, age) VALUES (?, ?)').bind('tx2', 1)]);
        }).then(function (r) {
            t.equal(r[0].meta.changes, 1, 'a batch still runs in its own transaction');
            return DB.prepare('DELETE FROM users WHERE name = ?').bind('tx2').run();
        });
    });

    test('D1: withSession() (the Sessions API)', function (t) {
        var session = DB.withSession();
        t.equal(session.getBookmark(), null, 'no bookmark before a query');
        t.throws(function () { DB.withSession(5); }, TypeError, 'a constraint that is not a string');
        var first;
        return session.prepare('INSERT INTO users (name, age) VALUES (?, ?)').bind('sess', 3).run().then(function (r) {
            t.equal(r.meta.changes, 1, 'a statement of the session runs');
            first = session.getBookmark();
            t.ok(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}$/.test(first), 'a bookmark in D1\'s shape: ' + first);
            var later = DB.withSession(first);
            t.equal(later.getBookmark(), first, 'a session from a bookmark starts with it');
            return later.batch([later.prepare('SELECT age FROM users WHERE name = ?').bind('sess'),
                later.prepare('DELETE FROM users WHERE name = ?').bind('sess')]).then(function (results) {
                t.equal(results[0].results[0].age, 3, 'it reads what the other session wrote');
                t.equal(results[1].meta.changes, 1, 'batch() of a session');
                t.ok(later.getBookmark() > first, 'and its bookmark moved on');
                t.equal(DB.withSession('first-primary').getBookmark(), null, 'first-primary: no bookmark yet');
                return session.prepare('SELECT count(*) AS n FROM users WHERE name = ?').bind('sess').first('n');
            });
        }).then(function (n) {
            t.equal(n, 0, 'the first session sees the delete');
        });
    });

    test('D1: dump()', function (t) {
        return DB.dump().then(function (buf) {
            t.ok(buf instanceof ArrayBuffer, 'an ArrayBuffer');
            var head = String.fromCharCode.apply(null, Array.prototype.slice.call(new Uint8Array(buf, 0, 15)));
            t.equal(head, 'SQLite format 3', 'a SQLite database file');
        });
    });
}
