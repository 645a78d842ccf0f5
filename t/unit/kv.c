/* SPDX-License-Identifier: MIT */
/*
 * The SQLite KV backend through lib/kv.h, below JavaScript: bytes that no
 * script can write (0xFF in keys, so the prefix bound that strips them),
 * paging by cursor, expired rows hidden, cursor encoding and its refusals.
 */
#include "config.h"

#include "kv.h"
#include "tap.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int put(struct fcw_kv *kv, const char *key, size_t keylen, const char *value, double expiration)
{
    char err[256];
    return fcw_kv_sqlite_ops.put(kv, key, keylen, value, strlen(value), NULL, expiration, err, sizeof(err));
}

static size_t list_count(struct fcw_kv *kv, const char *prefix, size_t prefixlen, unsigned limit, const char *cursor,
                         char **next)
{
    char err[256];
    struct fcw_kv_list l;
    if (fcw_kv_sqlite_ops.list(kv, prefix, prefixlen, limit, cursor, &l, err, sizeof(err)) < 0) {
        return (size_t)-1;
    }
    size_t n = l.nkeys;
    if (next != NULL) {
        *next = l.cursor ? strdup(l.cursor) : NULL;
    }
    fcw_kv_list_free(&l);
    return n;
}

int main(void)
{
    char dir[] = "/tmp/fcw-kv-unit-XXXXXX";
    if (mkdtemp(dir) == NULL) {
        return 1;
    }
    char path[64];
    snprintf(path, sizeof(path), "%s/ns.sqlite3", dir);
    struct fcw_binding b = {
        .type = FCW_BINDING_KV, .name = "KV", .backend = FCW_KV_SQLITE, .path = path, .timeout_ms = 1000};
    char err[256];
    struct fcw_kv *kv = fcw_kv_sqlite_ops.open(&b, err, sizeof(err));
    ok(kv != NULL, "open %s", kv ? path : err);
    if (kv == NULL) {
        return done_testing();
    }

    ok(put(kv, "a\xff", 2, "1", 0) == 0, "a key ending in 0xFF");
    ok(put(kv, "a\xff\xff", 3, "2", 0) == 0, "and one ending in two");
    ok(put(kv, "a\xfe", 2, "3", 0) == 0 && put(kv, "b", 1, "4", 0) == 0, "neighbours");
    ok(list_count(kv, "a\xff", 2, 10, NULL, NULL) == 2,
       "a prefix ending in 0xFF (its bound strips the 0xFF bytes): both keys");
    ok(list_count(kv, "a", 1, 10, NULL, NULL) == 3, "prefix a: three keys, not b");
    ok(list_count(kv, "", 0, 10, NULL, NULL) == 4, "no prefix: all");

    char *cursor = NULL;
    ok(list_count(kv, "", 0, 3, NULL, &cursor) == 3 && cursor != NULL, "a page of 3 with a cursor");
    char *last = NULL;
    ok(list_count(kv, "", 0, 3, cursor, &last) == 1 && last == NULL, "the rest after the cursor, complete");
    free(cursor);

    ok(put(kv, "old", 3, "x", fcw_kv_now() - 1) == 0, "a key already expired");
    struct fcw_kv_value v;
    ok(fcw_kv_sqlite_ops.get(kv, "old", 3, &v, err, sizeof(err)) == 0, "is not found");
    ok(list_count(kv, "o", 1, 10, NULL, NULL) == 0, "nor listed");
    ok(put(kv, "new", 3, "y", fcw_kv_now() + 100) == 0, "a key expiring later");
    ok(fcw_kv_sqlite_ops.get(kv, "new", 3, &v, err, sizeof(err)) == 1 && v.len == 1 && v.data[0] == 'y' &&
           v.expiration > fcw_kv_now(),
       "is found with its expiration");
    fcw_kv_value_free(&v);

    struct fcw_kv_list l;
    ok(fcw_kv_sqlite_ops.list(kv, "", 0, 10, "zz", &l, err, sizeof(err)) < 0 && strcmp(err, "invalid cursor") == 0,
       "a cursor that is not hex is refused");

    char *c = fcw_kv_cursor_encode("a\0\xff", 3);
    size_t len = 0;
    char *k = fcw_kv_cursor_decode(c, &len);
    ok(c && strcmp(c, "6100ff") == 0 && k && len == 3 && memcmp(k, "a\0\xff", 3) == 0, "cursor round trip");
    free(c);
    free(k);
    ok(fcw_kv_cursor_decode("abc", &len) == NULL && fcw_kv_cursor_decode("", &len) == NULL, "odd or empty cursors");

    fcw_kv_sqlite_ops.close(kv);
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    return system(cmd) == 0 ? done_testing() : 1;
}
