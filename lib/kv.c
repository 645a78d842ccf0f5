/* SPDX-License-Identifier: MIT */
/*
 * What the KV stores (lib/kv_sqlite.c, lib/kv_redis.c) and the natives
 * over them (lib/api_kv.c) share: freeing values and listings, list
 * cursors, the clock of expirations. A leaf below the three.
 */
#include "config.h"

#include "kv.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

double fcw_kv_now(void)
{
    return (double)time(NULL);
}

void fcw_kv_value_free(struct fcw_kv_value *v)
{
    free(v->data);
    free(v->metadata);
    memset(v, 0, sizeof(*v));
}

void fcw_kv_list_free(struct fcw_kv_list *l)
{
    for (size_t i = 0; l->keys && i < l->nkeys; i++) {
        free(l->keys[i].name);
        free(l->keys[i].metadata);
    }
    free(l->keys);
    free(l->cursor);
    memset(l, 0, sizeof(*l));
}

char *fcw_kv_cursor_encode(const char *key, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    char *c = malloc(2 * len + 1);
    if (c != NULL) {
        for (size_t i = 0; i < len; i++) {
            c[2 * i] = hex[(unsigned char)key[i] >> 4];
            c[2 * i + 1] = hex[(unsigned char)key[i] & 15];
        }
        c[2 * len] = '\0';
    }
    return c;
}

static int hex_digit(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

char *fcw_kv_cursor_decode(const char *cursor, size_t *len)
{
    size_t n = strlen(cursor);
    if (n == 0 || n % 2 != 0) {
        return NULL;
    }
    char *key = malloc(n / 2 + 1);
    for (size_t i = 0; key && i < n / 2; i++) {
        int hi = hex_digit(cursor[2 * i]), lo = hex_digit(cursor[2 * i + 1]);
        if (hi < 0 || lo < 0) {
            free(key);
            return NULL;
        }
        key[i] = (char)(hi << 4 | lo);
    }
    if (key != NULL) {
        key[n / 2] = '\0';
        *len = n / 2;
    }
    return key;
}
