/* SPDX-License-Identifier: MIT */
/*
 * The natives behind D1 databases (js/71-d1.js). A database is a slot of a
 * per-process table registered by native.d1Open(binding) and opened on
 * first use in the process using it. native.d1Query(slot, [[sql, params],
 * ...]) runs the statements (more than one: in one transaction, rolled back
 * when one fails) and answers one {columns, rows, meta} record each, with
 * D1's types: INTEGER and REAL as numbers (integers past 2^53 lose
 * precision, as in D1), TEXT as strings, BLOB as arrays of byte numbers,
 * NULL as null. Parameters arrive checked by js/71-d1.js: null, numbers,
 * strings, Uint8Arrays. Errors throw Error("D1_ERROR: <why>: SQLITE_<CODE>").
 * Statements that manage a transaction are not authorized, as in D1.
 */
#include "config.h"

#include "d1.h"
#include "engine.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct d1_slot {
    char *path;
    unsigned timeout_ms;
    sqlite3 *db;
    pid_t pid;
};

static struct d1_slot *slots;
static size_t nslots;

/* Set while the natives run their own BEGIN, COMMIT and ROLLBACK. */
static int own_transaction;

/* D1 refuses transaction statements in a query (BEGIN, COMMIT, ROLLBACK,
 * SAVEPOINT, RELEASE: "not authorized"): a batch is the transaction, and
 * a script's BEGIN would keep its transaction, and the write lock, past
 * the request. */
static int d1_authorize(void *data, int action, const char *a, const char *b, const char *c, const char *d)
{
    (void)data;
    (void)a;
    (void)b;
    (void)c;
    (void)d;
    if ((action == SQLITE_TRANSACTION || action == SQLITE_SAVEPOINT) && !own_transaction) {
        return SQLITE_DENY;
    }
    return SQLITE_OK;
}

/* native.d1Open({path, timeout}) -> slot */
static duk_ret_t native_d1_open(duk_context *ctx)
{
    duk_require_object(ctx, 0);
    duk_get_prop_literal(ctx, 0, "path");
    const char *path = duk_require_string(ctx, -1);
    duk_get_prop_literal(ctx, 0, "timeout");
    unsigned timeout = duk_to_uint32(ctx, -1);
    for (size_t i = 0; i < nslots; i++) {
        if (strcmp(slots[i].path, path) == 0) {
            duk_push_uint(ctx, (duk_uint_t)i);
            return 1;
        }
    }
    struct d1_slot *s = realloc(slots, (nslots + 1) * sizeof(*slots));
    if (s == NULL) {
        return duk_error(ctx, DUK_ERR_ERROR, "out of memory");
    }
    slots = s;
    memset(&slots[nslots], 0, sizeof(slots[nslots]));
    if ((slots[nslots].path = strdup(path)) == NULL) {
        return duk_error(ctx, DUK_ERR_ERROR, "out of memory");
    }
    slots[nslots].timeout_ms = timeout;
    duk_push_uint(ctx, (duk_uint_t)nslots++);
    return 1;
}

static int d1_progress(void *data)
{
    return fcw_engine_timeout_check(data);
}

static sqlite3 *db_of(duk_context *ctx)
{
    duk_uint_t i = duk_require_uint(ctx, 0);
    if (i >= nslots) {
        (void)duk_error(ctx, DUK_ERR_TYPE_ERROR, "not a D1 database");
    }
    struct d1_slot *s = &slots[i];
    if (s->db != NULL && s->pid != getpid()) {
        s->db = NULL; /* opened before fork(): the parent's */
    }
    if (s->db == NULL) {
        char err[512];
        if ((s->db = fcw_d1_open(s->path, s->timeout_ms, err, sizeof(err))) == NULL) {
            (void)duk_error(ctx, DUK_ERR_ERROR, "D1_ERROR: %s", err);
        }
        s->pid = getpid();
        sqlite3_set_authorizer(s->db, d1_authorize, NULL);
    }
    /* a long statement stops at the request's CPU or wall limit, as
     * JavaScript does (SQLITE_INTERRUPT), checked every 10,000 VM steps */
    sqlite3_progress_handler(s->db, 10000, d1_progress, fcw_engine_of(ctx));
    /* what a call cut short by a thrown error (out of memory) left: its
     * statement and its transaction */
    sqlite3_stmt *stray;
    while ((stray = sqlite3_next_stmt(s->db, NULL)) != NULL) {
        sqlite3_finalize(stray);
    }
    if (!sqlite3_get_autocommit(s->db)) {
        own_transaction = 1;
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        own_transaction = 0;
    }
    return s->db;
}

static duk_ret_t d1_fail(duk_context *ctx, sqlite3 *db, int rc)
{
    return duk_error(ctx, DUK_ERR_ERROR, "D1_ERROR: %s: %s", sqlite3_errmsg(db), fcw_d1_code_name(rc));
}

/* Binds the values of the array at params_idx. */
static int bind_params(duk_context *ctx, sqlite3_stmt *st, duk_idx_t params_idx, char *err, size_t errlen)
{
    duk_size_t n = duk_get_length(ctx, params_idx);
    int want = sqlite3_bind_parameter_count(st);
    if ((int)n != want) {
        snprintf(err, errlen, "Wrong number of parameter bindings. SQL statement has %d parameters but %d were bound",
                 want, (int)n);
        return -1;
    }
    for (duk_uarridx_t i = 0; i < n; i++) {
        duk_get_prop_index(ctx, params_idx, i);
        int rc;
        int pos = (int)i + 1;
        if (duk_is_null_or_undefined(ctx, -1)) {
            rc = sqlite3_bind_null(st, pos);
        } else if (duk_is_number(ctx, -1)) {
            double d = duk_get_number(ctx, -1);
            if (d == floor(d) && fabs(d) <= 9007199254740992.0) {
                rc = sqlite3_bind_int64(st, pos, (sqlite3_int64)d);
            } else {
                rc = sqlite3_bind_double(st, pos, d);
            }
        } else if (duk_is_string(ctx, -1)) {
            duk_size_t len;
            const char *s = duk_get_lstring(ctx, -1, &len);
            rc = sqlite3_bind_text64(st, pos, s, len, SQLITE_TRANSIENT, SQLITE_UTF8);
        } else if (duk_is_buffer_data(ctx, -1)) {
            duk_size_t len;
            const void *p = duk_get_buffer_data(ctx, -1, &len);
            rc = sqlite3_bind_blob64(st, pos, len ? p : "", len, SQLITE_TRANSIENT);
        } else {
            duk_pop(ctx);
            snprintf(err, errlen, "D1_TYPE_ERROR: Type '%s' not supported for value", duk_to_string(ctx, -1));
            return -1;
        }
        duk_pop(ctx);
        if (rc != SQLITE_OK) {
            snprintf(err, errlen, "%s", sqlite3_errstr(rc));
            return -1;
        }
    }
    return 0;
}

static void push_column(duk_context *ctx, sqlite3_stmt *st, int col)
{
    switch (sqlite3_column_type(st, col)) {
    case SQLITE_INTEGER: duk_push_number(ctx, (double)sqlite3_column_int64(st, col)); break;
    case SQLITE_FLOAT: duk_push_number(ctx, sqlite3_column_double(st, col)); break;
    case SQLITE_TEXT: {
        const unsigned char *t = sqlite3_column_text(st, col);
        duk_push_lstring(ctx, (const char *)t, (duk_size_t)sqlite3_column_bytes(st, col));
        break;
    }
    case SQLITE_BLOB: {
        const unsigned char *b = sqlite3_column_blob(st, col);
        int len = sqlite3_column_bytes(st, col);
        duk_push_array(ctx);
        for (int i = 0; i < len; i++) {
            duk_push_uint(ctx, b[i]);
            duk_put_prop_index(ctx, -2, (duk_uarridx_t)i);
        }
        break;
    }
    default: duk_push_null(ctx);
    }
}

struct query_state {
    sqlite3 *db;
    sqlite3_stmt *st;
    int rc;        /* the SQLite code of a failure, 0 else */
    char err[512]; /* a failure that is not SQLite's */
};

static void put_meta_number(duk_context *ctx, const char *name, double v)
{
    duk_push_number(ctx, v);
    duk_put_prop_string(ctx, -2, name);
}

/* Runs the statement [sql, params] at the top of the stack; pushes its
 * record. Returns 0, or -1 with qs->rc or qs->err set (nothing pushed). */
static int run_one(duk_context *ctx, struct query_state *qs)
{
    double start = fcw_loop_now();
    duk_get_prop_index(ctx, -1, 0);
    duk_size_t sqllen;
    const char *sql = duk_require_lstring(ctx, -1, &sqllen);
    const char *tail = NULL;
    int rc = sqlite3_prepare_v2(qs->db, sql, (int)sqllen, &qs->st, &tail);
    duk_pop(ctx);
    if (rc != SQLITE_OK) {
        qs->rc = rc;
        return -1;
    }
    if (qs->st == NULL) {
        snprintf(qs->err, sizeof(qs->err), "D1_ERROR: No SQL statements detected.");
        return -1;
    }
    if (tail != NULL && tail[strspn(tail, " \t\r\n;")] != '\0') {
        snprintf(qs->err, sizeof(qs->err), "D1_ERROR: A prepared SQL statement must contain only one statement.");
        return -1;
    }
    duk_get_prop_index(ctx, -1, 1);
    if (bind_params(ctx, qs->st, duk_get_top_index(ctx), qs->err, sizeof(qs->err)) < 0) {
        duk_pop(ctx);
        if (strncmp(qs->err, "D1_", 3) != 0) {
            char msg[sizeof(qs->err)];
            snprintf(msg, sizeof(msg), "%s", qs->err);
            snprintf(qs->err, sizeof(qs->err), "D1_ERROR: %.480s", msg);
        }
        return -1;
    }
    duk_pop(ctx);
    int ncols = sqlite3_column_count(qs->st);
    int readonly = sqlite3_stmt_readonly(qs->st);
    sqlite3_int64 changes_before = sqlite3_total_changes64(qs->db);
    duk_push_object(ctx);
    duk_push_array(ctx);
    for (int c = 0; c < ncols; c++) {
        duk_push_string(ctx, sqlite3_column_name(qs->st, c));
        duk_put_prop_index(ctx, -2, (duk_uarridx_t)c);
    }
    duk_put_prop_literal(ctx, -2, "columns");
    duk_idx_t rows = duk_push_array(ctx);
    duk_uarridx_t nrows = 0;
    while ((rc = sqlite3_step(qs->st)) == SQLITE_ROW) {
        duk_push_array(ctx);
        for (int c = 0; c < ncols; c++) {
            push_column(ctx, qs->st, c);
            duk_put_prop_index(ctx, -2, (duk_uarridx_t)c);
        }
        duk_put_prop_index(ctx, rows, nrows++);
    }
    if (rc != SQLITE_DONE) {
        duk_pop_2(ctx);
        qs->rc = rc;
        return -1;
    }
    duk_put_prop_literal(ctx, -2, "rows");
    double changes = readonly ? 0 : (double)(sqlite3_total_changes64(qs->db) - changes_before);
    double scanned = (double)sqlite3_stmt_status(qs->st, SQLITE_STMTSTATUS_FULLSCAN_STEP, 0);
    sqlite3_finalize(qs->st);
    qs->st = NULL;
    duk_push_object(ctx);
    put_meta_number(ctx, "duration", fcw_loop_now() - start);
    put_meta_number(ctx, "changes", changes);
    put_meta_number(ctx, "last_row_id", (double)sqlite3_last_insert_rowid(qs->db));
    duk_push_boolean(ctx, !readonly);
    duk_put_prop_literal(ctx, -2, "changed_db");
    put_meta_number(ctx, "size_after", fcw_d1_size(qs->db));
    put_meta_number(ctx, "rows_read", (double)nrows + scanned);
    put_meta_number(ctx, "rows_written", changes);
    duk_put_prop_literal(ctx, -2, "meta");
    return 0;
}

/* The natives' own BEGIN, COMMIT or ROLLBACK. */
static int exec_simple(sqlite3 *db, const char *sql)
{
    own_transaction = 1;
    int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
    own_transaction = 0;
    return rc;
}

/* d1Query(slot, [[sql, params], ...]) -> [{columns, rows, meta}, ...] */
static duk_ret_t native_d1_query(duk_context *ctx)
{
    struct query_state qs = {db_of(ctx), NULL, 0, ""};
    duk_require_object(ctx, 1);
    duk_size_t n = duk_get_length(ctx, 1);
    int transaction = n > 1;
    if (transaction) {
        int rc = exec_simple(qs.db, "BEGIN IMMEDIATE");
        if (rc != SQLITE_OK) {
            return d1_fail(ctx, qs.db, rc);
        }
    }
    duk_idx_t out = duk_push_array(ctx);
    for (duk_uarridx_t i = 0; i < n; i++) {
        duk_get_prop_index(ctx, 1, i);
        int failed = run_one(ctx, &qs) < 0;
        if (failed) {
            duk_pop(ctx);
            char msg[600];
            if (qs.rc) {
                snprintf(msg, sizeof(msg), "D1_ERROR: %s: %s", sqlite3_errmsg(qs.db), fcw_d1_code_name(qs.rc));
            } else {
                snprintf(msg, sizeof(msg), "%s", qs.err);
            }
            sqlite3_finalize(qs.st);
            if (transaction) {
                exec_simple(qs.db, "ROLLBACK");
            }
            return duk_error(ctx, DUK_ERR_ERROR, "%s", msg);
        }
        duk_put_prop_index(ctx, out, i);
        duk_pop(ctx);
    }
    if (transaction) {
        int rc = exec_simple(qs.db, "COMMIT");
        if (rc != SQLITE_OK) {
            char msg[600];
            snprintf(msg, sizeof(msg), "D1_ERROR: %s: %s", sqlite3_errmsg(qs.db), fcw_d1_code_name(rc));
            exec_simple(qs.db, "ROLLBACK");
            return duk_error(ctx, DUK_ERR_ERROR, "%s", msg);
        }
    }
    return 1;
}

/* d1Exec(slot, sql) -> number of statements run. Statements are split as
 * SQLite splits them; a failure names its line. */
static duk_ret_t native_d1_exec(duk_context *ctx)
{
    sqlite3 *db = db_of(ctx);
    const char *sql = duk_require_string(ctx, 1);
    const char *p = sql;
    unsigned count = 0;
    while (*p != '\0') {
        sqlite3_stmt *st = NULL;
        const char *tail = NULL;
        int rc = sqlite3_prepare_v2(db, p, -1, &st, &tail);
        if (rc == SQLITE_OK && st != NULL) {
            while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            }
            if (rc == SQLITE_DONE) {
                rc = SQLITE_OK;
            }
        }
        if (rc != SQLITE_OK) {
            const char *start = p + strspn(p, " \t\r\n");
            unsigned line = 1;
            for (const char *q = sql; q < start; q++) {
                line += *q == '\n';
            }
            int len = (int)strcspn(start, ";");
            char msg[600];
            snprintf(msg, sizeof(msg), "D1_EXEC_ERROR: Error in line %u: %.*s: %s: %s", line, len > 200 ? 200 : len,
                     start, sqlite3_errmsg(db), fcw_d1_code_name(rc));
            sqlite3_finalize(st);
            return duk_error(ctx, DUK_ERR_ERROR, "%s", msg);
        }
        if (st != NULL) {
            count++;
        }
        sqlite3_finalize(st);
        if (tail == NULL || tail == p) {
            break;
        }
        p = tail;
    }
    duk_push_uint(ctx, count);
    return 1;
}

/* d1Dump(slot) -> ArrayBuffer of the database file */
static duk_ret_t native_d1_dump(duk_context *ctx)
{
    sqlite3 *db = db_of(ctx);
    size_t len;
    unsigned char *image = fcw_d1_dump(db, &len);
    if (image == NULL) {
        return d1_fail(ctx, db, sqlite3_errcode(db));
    }
    void *buf = duk_push_fixed_buffer(ctx, len);
    memcpy(buf, image, len);
    sqlite3_free(image);
    duk_push_buffer_object(ctx, -1, 0, len, DUK_BUFOBJ_ARRAYBUFFER);
    return 1;
}

void fcw_api_d1_init(duk_context *ctx, duk_idx_t native_idx)
{
    static const duk_function_list_entry fns[] = {
        {"d1Open", native_d1_open, 1},
        {"d1Query", native_d1_query, 2},
        {"d1Exec", native_d1_exec, 2},
        {"d1Dump", native_d1_dump, 1},
        {NULL, NULL, 0},
    };
    duk_put_function_list(ctx, native_idx, fns);
}
