// SPDX-License-Identifier: MIT
/*
 * Cloudflare D1 databases on SQLite (lib/api_d1.c): D1Database with
 * prepare(), batch() (one transaction), exec(), dump() and withSession()
 * (the Sessions API of read replication: one SQLite database is always
 * up to date, so a session only keeps its bookmark), and
 * D1PreparedStatement with bind(), first(), all(), run() and raw(). Values
 * bound follow D1's mapping: null, numbers (integral ones as INTEGER),
 * strings, booleans (as 1 and 0), ArrayBuffers and views (BLOB); anything
 * else is a D1_TYPE_ERROR at bind(). Results carry D1's meta record.
 * SQL failures reject with Error("D1_ERROR: <SQLite's message>: SQLITE_<CODE>").
 *
 * Hooks: native.makeD1(binding) -> D1Database (js/72-bindings.js).
 */
var D1_SLOT = Symbol('D1Database');
var D1_STATEMENT = Symbol('D1PreparedStatement');

function D1Database() {
    throw new TypeError('Illegal constructor');
}

function D1PreparedStatement() {
    throw new TypeError('Illegal constructor');
}

function dbSlot(db) {
    if (db === null || typeof db !== 'object' || db[D1_SLOT] === void 0) {
        throw new TypeError('Illegal invocation');
    }
    return db[D1_SLOT];
}

function statementState(stmt) {
    var state = stmt !== null && typeof stmt === 'object' ? stmt[D1_STATEMENT] : void 0;
    if (state === void 0) {
        throw new TypeError('Illegal invocation');
    }
    return state;
}

function makeStatement(slot, sql, params, session) {
    var stmt = Object.create(D1PreparedStatement.prototype);
    Object.defineProperty(stmt, D1_STATEMENT, { value: { slot: slot, sql: sql, params: params, session: session } });
    return stmt;
}

function bindValue(value) {
    if (value === null) {
        return null;
    }
    switch (typeof value) {
    case 'number':
    case 'string':
        return value;
    case 'boolean':
        return value ? 1 : 0;
    case 'object':
        if (native.isBufferSource(value)) {
            return native.toU8(value);
        }
        if (Array.isArray(value) && value.every(isByte)) {
            return new Uint8Array(value); /* an array of bytes is a BLOB, as in D1 */
        }
        break;
    }
    var text;
    try {
        text = String(value);
    } catch (e) {
        text = typeof value;
    }
    var why = "Type '" + typeof value + "' not supported for value '" + text + "'";
    throw new Error('D1_TYPE_ERROR: ' + why, { cause: new Error(why) });
}

function isByte(b) {
    return typeof b === 'number' && b >= 0 && b < 256;
}

/* D1's errors carry their message without the D1_ prefix as their cause
 * (the natives throw "D1_ERROR: <why>"). */
function withCause(e) {
    if (e instanceof Error && !('cause' in e)) {
        var m = /^D1_[A-Z_]+: ([\s\S]*)$/.exec(String(e.message));
        if (m !== null) {
            Object.defineProperty(e, 'cause', { value: new Error(m[1]), writable: true, enumerable: false,
                configurable: true });
        }
    }
    return e;
}

D1Database.prototype.prepare = function prepare(query) {
    var slot = dbSlot(this);
    if (arguments.length < 1) {
        throw new TypeError("Failed to execute 'prepare' on 'D1Database': parameter 1 is not of type 'string'.");
    }
    return makeStatement(slot, String(query), [], null);
};

D1PreparedStatement.prototype.bind = function bind() {
    var state = statementState(this);
    var params = [];
    for (var i = 0; i < arguments.length; i++) {
        params.push(bindValue(arguments[i]));
    }
    return makeStatement(state.slot, state.sql, params, state.session);
};

function metaOf(record) {
    var m = record.meta;
    return {
        served_by: 'fcworker',
        duration: m.duration,
        changes: m.changes,
        last_row_id: m.last_row_id,
        changed_db: m.changed_db,
        size_after: m.size_after,
        rows_read: m.rows_read,
        rows_written: m.rows_written
    };
}

function rowObjects(record) {
    var columns = record.columns, rows = record.rows, out = [];
    for (var i = 0; i < rows.length; i++) {
        var o = {};
        for (var c = 0; c < columns.length; c++) {
            o[columns[c]] = rows[i][c];
        }
        out.push(o);
    }
    return out;
}

function resultOf(record) {
    return { success: true, meta: metaOf(record), results: rowObjects(record) };
}

/* Runs one statement; then(record) on success. */
function runStatement(stmt, then) {
    var Promise = global.Promise;
    var state = statementState(stmt);
    try {
        var record = native.d1Query(state.slot, [[state.sql, state.params]])[0];
        advance(state.session);
        return Promise.resolve(then(record));
    } catch (e) {
        return Promise.reject(withCause(e));
    }
}

D1PreparedStatement.prototype.first = function first(column) {
    var hasColumn = column !== void 0 && column !== null;
    if (hasColumn) {
        column = String(column);
    }
    return runStatement(this, function (record) {
        if (record.rows.length === 0) {
            return null;
        }
        if (!hasColumn) {
            return rowObjects({ columns: record.columns, rows: [record.rows[0]] })[0];
        }
        var index = record.columns.lastIndexOf(column);
        if (index < 0) {
            throw new Error('D1_COLUMN_NOTFOUND: Column not found (' + column + ')',
                { cause: new Error('Column not found') });
        }
        return record.rows[0][index];
    });
};

D1PreparedStatement.prototype.all = function all() {
    return runStatement(this, resultOf);
};

D1PreparedStatement.prototype.run = function run() {
    return runStatement(this, resultOf);
};

D1PreparedStatement.prototype.raw = function raw(options) {
    var columnNames = options !== void 0 && options !== null && !!options.columnNames;
    return runStatement(this, function (record) {
        var rows = record.rows.slice();
        if (columnNames) {
            rows.unshift(record.columns.slice());
        }
        return rows;
    });
};

D1Database.prototype.batch = function batch(statements) {
    return runBatch(dbSlot(this), statements, null);
};

function runBatch(slot, statements, session) {
    var Promise = global.Promise;
    if (!Array.isArray(statements)) {
        throw new TypeError("Failed to execute 'batch' on 'D1Database': parameter 1 is not an array.");
    }
    var list = [];
    for (var i = 0; i < statements.length; i++) {
        var state = statementState(statements[i]);
        if (state.slot !== slot) {
            throw new TypeError('D1 batch(): every statement must come from this database.');
        }
        list.push([state.sql, state.params]);
    }
    try {
        var records = list.length ? native.d1Query(slot, list) : [];
        advance(session);
        var results = [];
        for (var j = 0; j < records.length; j++) {
            results.push(resultOf(records[j]));
        }
        return Promise.resolve(results);
    } catch (e) {
        return Promise.reject(withCause(e));
    }
}

/* ---- Sessions ---- */

var D1_SESSION = Symbol('D1DatabaseSession');
var queriesInSessions = 0;

function D1DatabaseSession() {
    throw new TypeError('Illegal constructor');
}

function sessionState(session) {
    var state = session !== null && typeof session === 'object' ? session[D1_SESSION] : void 0;
    if (state === void 0) {
        throw new TypeError('Illegal invocation');
    }
    return state;
}

function hex8(n) {
    var h = n.toString(16);
    return '00000000'.slice(h.length) + h;
}

/* After a query of a session: its bookmark is the later of the one it had
 * and this process's count of session queries, in D1's bookmark shape. */
function advance(session) {
    if (session === null || session === void 0) {
        return;
    }
    queriesInSessions++;
    var mark = '00000000-00000000-' + hex8(queriesInSessions) + '-00000000000000000000000000000000';
    var had = session.bookmark;
    session.bookmark = had !== null && had.length === mark.length && had > mark ? had : mark;
}

D1Database.prototype.withSession = function withSession(constraintOrBookmark) {
    var slot = dbSlot(this);
    var c = constraintOrBookmark === void 0 ? 'first-unconstrained' : constraintOrBookmark;
    if (typeof c !== 'string') {
        throw new TypeError("Failed to execute 'withSession' on 'D1Database': parameter 1 is not of type 'string'.");
    }
    var session = Object.create(D1DatabaseSession.prototype);
    Object.defineProperty(session, D1_SESSION, {
        value: { slot: slot, bookmark: c === 'first-unconstrained' || c === 'first-primary' ? null : c }
    });
    return session;
};

D1DatabaseSession.prototype.prepare = function prepare(query) {
    var state = sessionState(this);
    if (arguments.length < 1) {
        throw new TypeError("Failed to execute 'prepare' on 'D1DatabaseSession': parameter 1 is not of type 'string'.");
    }
    return makeStatement(state.slot, String(query), [], state);
};

D1DatabaseSession.prototype.batch = function batch(statements) {
    var state = sessionState(this);
    return runBatch(state.slot, statements, state);
};

D1DatabaseSession.prototype.getBookmark = function getBookmark() {
    return sessionState(this).bookmark;
};

D1Database.prototype.exec = function exec(query) {
    var Promise = global.Promise;
    var slot = dbSlot(this);
    var start = Date.now();
    try {
        var count = native.d1Exec(slot, String(query));
        return Promise.resolve({ count: count, duration: Date.now() - start });
    } catch (e) {
        return Promise.reject(withCause(e));
    }
};

D1Database.prototype.dump = function dump() {
    var Promise = global.Promise;
    var slot = dbSlot(this);
    try {
        return Promise.resolve(native.d1Dump(slot));
    } catch (e) {
        return Promise.reject(withCause(e));
    }
};

native.makeD1 = function (binding) {
    var db = Object.create(D1Database.prototype);
    Object.defineProperty(db, D1_SLOT, { value: native.d1Open(binding) });
    return db;
};
