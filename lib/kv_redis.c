/* SPDX-License-Identifier: MIT */
/*
 * KV namespaces on Redis (or Valkey). A process keeps one connection per
 * server URL, shared by the namespaces on it, opened on first use and
 * opened again after any connection error (a restarted server costs the
 * calls made while it is down, which fail with the server's error, not the
 * process). Calls are synchronous with the binding's timeout on connect,
 * send and receive.
 *
 * Credentials (redis://[user]:password@host, unix:/path?password=SECRET
 * with an optional user=NAME) are sent with AUTH after connecting;
 * messages show the URL without them.
 *
 * Layout under the namespace's prefix P: each key K is a hash "P" "k:" K
 * with fields v (the value), m (metadata JSON) and e (expiration), expired
 * by Redis itself (EXPIREAT); the names live in a sorted set "P" "i" with
 * every score 0, so that ZRANGEBYLEX returns them in byte order from a
 * cursor, as list() must (SCAN returns keys in no order and its COUNT is a
 * hint, so it cannot page by cursor and limit). A name whose hash expired
 * is dropped from the index when list() meets it.
 */
#include "config.h"

#include "kv.h"

#include <errno.h>
#include <hiredis/hiredis.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

struct redis_conn {
    char *url;
    char *shown; /* the URL without its credentials, for messages */
    unsigned timeout_ms;
    redisContext *c;
    pid_t pid;
    struct redis_conn *next;
};

struct fcw_kv {
    struct redis_conn *conn;
    char *prefix;
    size_t prefixlen;
};

static struct redis_conn *conns;

static void conn_drop(struct redis_conn *rc)
{
    if (rc->c != NULL) {
        /* a context inherited through fork() belongs to the parent: only
         * its memory is freed here, along with this process's copy of the fd */
        redisFree(rc->c);
        rc->c = NULL;
    }
}

/* Sends one command built by the caller; 0, or -1 with err set. */
static int conn_setup(struct redis_conn *rc, int argc, const char **argv, const size_t *argvlen, char *err,
                      size_t errlen)
{
    redisReply *r = redisCommandArgv(rc->c, argc, argv, argvlen);
    int ok = r != NULL && r->type != REDIS_REPLY_ERROR;
    if (!ok) {
        snprintf(err, errlen, "%s: %s: %s", rc->shown, argv[0], r ? r->str : rc->c->errstr);
    }
    freeReplyObject(r);
    return ok ? 0 : -1;
}

/* redis://[[user]:password@]host[:port][/db] or
 * unix:/path[?db=N][&user=NAME][&password=SECRET] */
static int conn_connect(struct redis_conn *rc, char *err, size_t errlen)
{
    if (rc->c != NULL && rc->pid == getpid()) {
        return 0;
    }
    conn_drop(rc);
    struct timeval tv = {(time_t)(rc->timeout_ms / 1000), (suseconds_t)(rc->timeout_ms % 1000) * 1000};
    char host[256], user[128] = "", password[256] = "";
    long db = 0;
    const char *url = rc->shown;
    if (strncmp(url, "unix:", 5) == 0) {
        const char *path = rc->url + 5;
        size_t len = strcspn(path, "?");
        char spath[sizeof(((struct sockaddr_un *)0)->sun_path)];
        if (len == 0 || len >= sizeof(spath)) {
            snprintf(err, errlen, "%s: bad socket path", url);
            return -1;
        }
        memcpy(spath, path, len);
        spath[len] = '\0';
        /* ?db=N&user=NAME&password=SECRET */
        for (const char *q = path + len; *q == '?' || *q == '&';) {
            q++;
            size_t plen = strcspn(q, "&");
            const char *eq = memchr(q, '=', plen);
            size_t nlen = eq ? (size_t)(eq - q) : plen;
            const char *v = eq ? eq + 1 : q + plen;
            size_t vlen = (size_t)(q + plen - v);
            char *field = nlen == 4 && memcmp(q, "user", 4) == 0       ? user
                          : nlen == 8 && memcmp(q, "password", 8) == 0 ? password
                                                                       : NULL;
            size_t cap = field == user ? sizeof(user) : sizeof(password);
            if (nlen == 2 && memcmp(q, "db", 2) == 0) {
                db = strtol(v, NULL, 10);
            } else if (field == NULL || vlen >= cap) {
                snprintf(err, errlen, "%s: expected ?db=N, user=NAME or password=SECRET", url);
                return -1;
            } else {
                memcpy(field, v, vlen);
                field[vlen] = '\0';
            }
            q += plen;
        }
        rc->c = redisConnectUnixWithTimeout(spath, tv);
    } else if (strncmp(rc->url, "redis://", 8) == 0) {
        const char *h = rc->url + 8;
        const char *at = strchr(h, '@');
        if (at != NULL && at < h + strcspn(h, "/")) {
            const char *colon = memchr(h, ':', (size_t)(at - h));
            size_t ulen = colon ? (size_t)(colon - h) : 0;
            size_t plen = colon ? (size_t)(at - colon - 1) : 0;
            if (colon == NULL || plen == 0 || ulen >= sizeof(user) || plen >= sizeof(password)) {
                snprintf(err, errlen, "%s: expected redis://[user]:password@host", url);
                return -1;
            }
            memcpy(user, h, ulen);
            user[ulen] = '\0';
            memcpy(password, colon + 1, plen);
            password[plen] = '\0';
            h = at + 1;
        }
        size_t hlen = strcspn(h, ":/");
        long port = 6379;
        const char *rest = h + hlen;
        if (hlen == 0 || hlen >= sizeof(host)) {
            snprintf(err, errlen, "%s: bad host", url);
            return -1;
        }
        memcpy(host, h, hlen);
        host[hlen] = '\0';
        if (*rest == ':') {
            port = strtol(rest + 1, (char **)&rest, 10);
        }
        if (*rest == '/' && rest[1] != '\0') {
            db = strtol(rest + 1, NULL, 10);
        }
        rc->c = redisConnectWithTimeout(host, (int)port, tv);
    } else {
        snprintf(err, errlen, "%s: expected redis://host:port/db or unix:/path", url);
        return -1;
    }
    if (rc->c == NULL || rc->c->err) {
        snprintf(err, errlen, "cannot connect to %s: %s", url, rc->c ? rc->c->errstr : "out of memory");
        conn_drop(rc);
        return -1;
    }
    rc->pid = getpid();
    redisSetTimeout(rc->c, tv);
    if (password[0] != '\0') {
        const char *argv[] = {"AUTH", user[0] ? user : password, password};
        size_t argvlen[] = {4, strlen(argv[1]), strlen(password)};
        if (conn_setup(rc, user[0] ? 3 : 2, argv, argvlen, err, errlen) < 0) {
            conn_drop(rc);
            return -1;
        }
    }
    if (db != 0) {
        char dbs[32];
        snprintf(dbs, sizeof(dbs), "%ld", db);
        const char *argv[] = {"SELECT", dbs};
        size_t argvlen[] = {6, strlen(dbs)};
        if (conn_setup(rc, 2, argv, argvlen, err, errlen) < 0) {
            conn_drop(rc);
            return -1;
        }
    }
    return 0;
}

static struct fcw_kv *kv_redis_open(const struct fcw_binding *b, char *err, size_t errlen)
{
    struct redis_conn *rc = conns;
    while (rc != NULL && strcmp(rc->url, b->url) != 0) {
        rc = rc->next;
    }
    if (rc == NULL) {
        if ((rc = calloc(1, sizeof(*rc))) == NULL || (rc->url = strdup(b->url)) == NULL ||
            (rc->shown = strdup(b->url)) == NULL) {
            if (rc != NULL) {
                free(rc->url);
            }
            free(rc);
            snprintf(err, errlen, "out of memory");
            return NULL;
        }
        /* redis://user:password@host -> redis://host */
        char *at = strchr(rc->shown, '@');
        if (strncmp(rc->shown, "redis://", 8) == 0 && at != NULL && at < rc->shown + 8 + strcspn(rc->shown + 8, "/")) {
            memmove(rc->shown + 8, at + 1, strlen(at + 1) + 1);
        }
        if (strncmp(rc->shown, "unix:", 5) == 0) {
            rc->shown[5 + strcspn(rc->shown + 5, "?")] = '\0';
        }
        rc->timeout_ms = b->timeout_ms ? b->timeout_ms : 5000;
        rc->next = conns;
        conns = rc;
    }
    struct fcw_kv *kv = calloc(1, sizeof(*kv));
    if (kv == NULL || (kv->prefix = strdup(b->prefix ? b->prefix : "")) == NULL) {
        free(kv);
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    kv->conn = rc;
    kv->prefixlen = strlen(kv->prefix);
    return kv;
}

static void kv_redis_close(struct fcw_kv *kv)
{
    if (kv != NULL) {
        free(kv->prefix);
        free(kv);
    }
}

/* prefix + tag + key, in one malloc'ed buffer */
static char *kv_name(const struct fcw_kv *kv, char tag, const char *key, size_t keylen, size_t *len)
{
    char *n = malloc(kv->prefixlen + 2 + keylen + 1);
    if (n != NULL) {
        memcpy(n, kv->prefix, kv->prefixlen);
        n[kv->prefixlen] = tag;
        n[kv->prefixlen + 1] = ':';
        memcpy(n + kv->prefixlen + 2, key, keylen);
        *len = kv->prefixlen + 2 + keylen;
        n[*len] = '\0';
    }
    return n;
}

/* Sends ncmds commands at once and reads their replies into replies[].
 * A connection error drops the connection (the next call reconnects). */
static int kv_pipeline(struct fcw_kv *kv, int ncmds, const int *argc, const char *const *const *argv,
                       const size_t *const *argvlen, redisReply **replies, char *err, size_t errlen)
{
    struct redis_conn *rc = kv->conn;
    for (int i = 0; i < ncmds; i++) {
        replies[i] = NULL;
    }
    if (conn_connect(rc, err, errlen) < 0) {
        return -1;
    }
    for (int i = 0; i < ncmds; i++) {
        if (redisAppendCommandArgv(rc->c, argc[i], (const char **)argv[i], argvlen[i]) != REDIS_OK) {
            snprintf(err, errlen, "out of memory");
            conn_drop(rc);
            return -1;
        }
    }
    for (int i = 0; i < ncmds; i++) {
        void *r = NULL;
        if (redisGetReply(rc->c, &r) != REDIS_OK || r == NULL) {
            int timed_out = rc->c->err == REDIS_ERR_IO && (errno == EAGAIN || errno == EWOULDBLOCK);
            if (timed_out) {
                snprintf(err, errlen, "%s: no answer within %u ms", rc->shown, rc->timeout_ms);
            } else {
                snprintf(err, errlen, "%s: %s", rc->shown,
                         rc->c->err == REDIS_ERR_EOF ? "connection lost" : rc->c->errstr);
            }
            for (int j = 0; j < i; j++) {
                freeReplyObject(replies[j]);
                replies[j] = NULL;
            }
            conn_drop(rc);
            return -1;
        }
        replies[i] = r;
    }
    for (int i = 0; i < ncmds; i++) {
        if (replies[i]->type == REDIS_REPLY_ERROR) {
            snprintf(err, errlen, "%s: %s", rc->shown, replies[i]->str);
            for (int j = 0; j < ncmds; j++) {
                freeReplyObject(replies[j]);
                replies[j] = NULL;
            }
            return -1;
        }
    }
    return 0;
}

static int kv_command(struct fcw_kv *kv, int argc, const char **argv, const size_t *argvlen, redisReply **reply,
                      char *err, size_t errlen)
{
    const char *const *av[1] = {argv};
    const size_t *al[1] = {argvlen};
    return kv_pipeline(kv, 1, &argc, av, al, reply, err, errlen);
}

static char *reply_dup(const redisReply *r)
{
    if (r == NULL || r->type != REDIS_REPLY_STRING) {
        return NULL;
    }
    char *s = malloc(r->len + 1);
    if (s != NULL) {
        memcpy(s, r->str, r->len);
        s[r->len] = '\0';
    }
    return s;
}

static int kv_redis_get(struct fcw_kv *kv, const char *key, size_t keylen, struct fcw_kv_value *out, char *err,
                        size_t errlen)
{
    memset(out, 0, sizeof(*out));
    size_t nlen;
    char *name = kv_name(kv, 'k', key, keylen, &nlen);
    if (name == NULL) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    const char *argv[] = {"HMGET", name, "v", "m", "e"};
    size_t argvlen[] = {5, nlen, 1, 1, 1};
    redisReply *r;
    int rc = kv_command(kv, 5, argv, argvlen, &r, err, errlen);
    free(name);
    if (rc < 0) {
        return -1;
    }
    int found = 0;
    if (r->type == REDIS_REPLY_ARRAY && r->elements == 3 && r->element[0]->type == REDIS_REPLY_STRING) {
        redisReply *v = r->element[0];
        if ((out->data = malloc(v->len ? v->len : 1)) == NULL) {
            snprintf(err, errlen, "out of memory");
            found = -1;
        } else {
            memcpy(out->data, v->str, v->len);
            out->len = v->len;
            out->metadata = reply_dup(r->element[1]);
            out->expiration = r->element[2]->type == REDIS_REPLY_STRING ? strtod(r->element[2]->str, NULL) : 0;
            found = 1;
        }
    }
    freeReplyObject(r);
    return found;
}

static int kv_redis_put(struct fcw_kv *kv, const char *key, size_t keylen, const void *value, size_t len,
                        const char *metadata, double expiration, char *err, size_t errlen)
{
    size_t nlen, ilen;
    char *name = kv_name(kv, 'k', key, keylen, &nlen);
    char *index = kv_name(kv, 'i', "", 0, &ilen);
    if (name == NULL || index == NULL) {
        free(name);
        free(index);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    char exp[32];
    snprintf(exp, sizeof(exp), "%.0f", expiration > 0 ? expiration : 0);
    const char *multi[] = {"MULTI"}, *exec[] = {"EXEC"};
    size_t multil[] = {5}, execl[] = {4};
    const char *del[] = {"DEL", name};
    size_t dell[] = {3, nlen};
    /* e is always written ("0": none), so that an existing hash is told
     * from a missing one by it */
    const char *hset[] = {"HSET", name, "v", len ? value : "", "e", exp, "m", metadata ? metadata : ""};
    size_t hsetl[] = {4, nlen, 1, len, 1, strlen(exp), 1, metadata ? strlen(metadata) : 0};
    int hsetc = metadata ? 8 : 6;
    const char *expat[] = {"EXPIREAT", name, exp};
    size_t expatl[] = {8, nlen, strlen(exp)};
    const char *zadd[] = {"ZADD", index, "0", key};
    size_t zaddl[] = {4, ilen, 1, keylen};
    int argc[7];
    const char *const *argv[7];
    const size_t *argvlen[7];
    int n = 0;
#define CMD(a, l, c) (argc[n] = (c), argv[n] = (a), argvlen[n] = (l), n++)
    CMD(multi, multil, 1);
    CMD(del, dell, 2);
    CMD(hset, hsetl, hsetc);
    if (expiration > 0) {
        CMD(expat, expatl, 3);
    }
    CMD(zadd, zaddl, 4);
    CMD(exec, execl, 1);
#undef CMD
    redisReply *replies[7];
    int rc = kv_pipeline(kv, n, argc, argv, argvlen, replies, err, errlen);
    free(name);
    free(index);
    if (rc == 0 && replies[n - 1]->type != REDIS_REPLY_ARRAY) {
        snprintf(err, errlen, "%s: the write was not applied", kv->conn->shown);
        rc = -1;
    }
    for (int i = 0; rc == 0 && i < n; i++) {
        freeReplyObject(replies[i]);
    }
    return rc;
}

static int kv_redis_del(struct fcw_kv *kv, const char *key, size_t keylen, char *err, size_t errlen)
{
    size_t nlen, ilen;
    char *name = kv_name(kv, 'k', key, keylen, &nlen);
    char *index = kv_name(kv, 'i', "", 0, &ilen);
    if (name == NULL || index == NULL) {
        free(name);
        free(index);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    const char *multi[] = {"MULTI"}, *exec[] = {"EXEC"};
    size_t multil[] = {5}, execl[] = {4};
    const char *del[] = {"DEL", name};
    size_t dell[] = {3, nlen};
    const char *zrem[] = {"ZREM", index, key};
    size_t zreml[] = {4, ilen, keylen};
    int argc[] = {1, 2, 3, 1};
    const char *const *argv[] = {multi, del, zrem, exec};
    const size_t *argvlen[] = {multil, dell, zreml, execl};
    redisReply *replies[4];
    int rc = kv_pipeline(kv, 4, argc, argv, argvlen, replies, err, errlen);
    free(name);
    free(index);
    for (int i = 0; rc == 0 && i < 4; i++) {
        freeReplyObject(replies[i]);
    }
    return rc;
}

/* "[" or "(" followed by bytes, for ZRANGEBYLEX */
static char *lex_bound(char mark, const char *s, size_t len)
{
    char *b = malloc(len + 2);
    if (b != NULL) {
        b[0] = mark;
        memcpy(b + 1, s, len);
        b[len + 1] = '\0';
    }
    return b;
}

/* Keeps the names in batch whose hash still exists; drops the others from
 * the index. Appends to out up to want keys. */
static int list_batch(struct fcw_kv *kv, const char *index, size_t ilen, redisReply *batch, struct fcw_kv_list *out,
                      size_t want, char *err, size_t errlen)
{
    size_t n = batch->elements;
    int *argc = calloc(n, sizeof(int));
    const char *const **argv = calloc(n, sizeof(*argv));
    const size_t **argvlen = calloc(n, sizeof(*argvlen));
    char **names = calloc(n, sizeof(char *));
    const char **cmds = calloc(n * 4, sizeof(char *));
    size_t *lens = calloc(n * 4, sizeof(size_t));
    redisReply **replies = calloc(n, sizeof(*replies));
    int rc = -1;
    if (!argc || !argv || !argvlen || !names || !cmds || !lens || !replies) {
        snprintf(err, errlen, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        size_t nlen;
        if ((names[i] = kv_name(kv, 'k', batch->element[i]->str, batch->element[i]->len, &nlen)) == NULL) {
            snprintf(err, errlen, "out of memory");
            goto done;
        }
        const char **c = cmds + 4 * i;
        size_t *l = lens + 4 * i;
        c[0] = "HMGET", l[0] = 5;
        c[1] = names[i], l[1] = nlen;
        c[2] = "m", l[2] = 1;
        c[3] = "e", l[3] = 1;
        argc[i] = 4;
        argv[i] = c;
        argvlen[i] = l;
    }
    /* HMGET of a missing hash answers nils, like a hash without m and e:
     * the field e is always written, "0" for no expiration */
    if (kv_pipeline(kv, (int)n, argc, argv, argvlen, replies, err, errlen) < 0) {
        goto done;
    }
    rc = 0;
    for (size_t i = 0; i < n; i++) {
        redisReply *r = replies[i];
        redisReply *name = batch->element[i];
        int exists = r->type == REDIS_REPLY_ARRAY && r->elements == 2 && r->element[1]->type == REDIS_REPLY_STRING;
        if (!exists) {
            const char *zrem[] = {"ZREM", index, name->str};
            size_t zreml[] = {4, ilen, name->len};
            redisReply *z;
            if (kv_command(kv, 3, zrem, zreml, &z, err, errlen) == 0) {
                freeReplyObject(z);
            }
            continue;
        }
        if (out->nkeys >= want) {
            continue;
        }
        struct fcw_kv_key *k = &out->keys[out->nkeys];
        if ((k->name = malloc(name->len + 1)) == NULL) {
            snprintf(err, errlen, "out of memory");
            rc = -1;
            break;
        }
        memcpy(k->name, name->str, name->len);
        k->name[name->len] = '\0';
        k->len = name->len;
        k->metadata = reply_dup(r->element[0]);
        k->expiration = strtod(r->element[1]->str, NULL);
        out->nkeys++;
    }
done:
    for (size_t i = 0; names && i < n; i++) {
        free(names[i]);
        if (replies) {
            freeReplyObject(replies[i]);
        }
    }
    free(argc);
    free(argv);
    free(argvlen);
    free(names);
    free(cmds);
    free(lens);
    free(replies);
    return rc;
}

static int kv_redis_list(struct fcw_kv *kv, const char *prefix, size_t prefixlen, unsigned limit, const char *cursor,
                         struct fcw_kv_list *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof(*out));
    size_t afterlen = 0, ilen;
    char *after = NULL;
    if (cursor != NULL && (after = fcw_kv_cursor_decode(cursor, &afterlen)) == NULL) {
        snprintf(err, errlen, "invalid cursor");
        return -1;
    }
    char *index = kv_name(kv, 'i', "", 0, &ilen);
    int after_prefix = 0;
    if (after != NULL) {
        int cmp = memcmp(after, prefix, afterlen < prefixlen ? afterlen : prefixlen);
        after_prefix = cmp > 0 || (cmp == 0 && afterlen >= prefixlen);
    }
    char *min = after_prefix ? lex_bound('(', after, afterlen) : lex_bound('[', prefix, prefixlen);
    size_t minlen = after_prefix ? afterlen + 1 : prefixlen + 1;
    /* above every name starting with prefix: the prefix without its
     * trailing 0xFF bytes, last byte plus one ("+" when there is none) */
    size_t upper = prefixlen;
    while (upper > 0 && (unsigned char)prefix[upper - 1] == 0xFF) {
        upper--;
    }
    char *max = upper > 0 ? lex_bound('(', prefix, upper) : lex_bound('+', "", 0);
    size_t maxlen = upper + 1;
    if (max != NULL && upper > 0) {
        max[upper] = (char)((unsigned char)max[upper] + 1);
    }
    out->keys = calloc((size_t)limit + 1, sizeof(*out->keys));
    int rc = -1;
    if (index == NULL || min == NULL || max == NULL || out->keys == NULL) {
        snprintf(err, errlen, "out of memory");
        goto done;
    }
    size_t want = (size_t)limit + 1;
    for (;;) {
        char count[32];
        snprintf(count, sizeof(count), "%zu", want - out->nkeys);
        const char *zr[] = {"ZRANGEBYLEX", index, min, max, "LIMIT", "0", count};
        size_t zrl[] = {11, ilen, minlen, maxlen, 5, 1, strlen(count)};
        redisReply *batch;
        if (kv_command(kv, 7, zr, zrl, &batch, err, errlen) < 0) {
            goto done;
        }
        size_t got = batch->type == REDIS_REPLY_ARRAY ? batch->elements : 0;
        size_t asked = want - out->nkeys;
        if (got > 0 && list_batch(kv, index, ilen, batch, out, want, err, errlen) < 0) {
            freeReplyObject(batch);
            goto done;
        }
        if (got > 0) {
            redisReply *last = batch->element[got - 1];
            char *next = lex_bound('(', last->str, last->len);
            if (next == NULL) {
                freeReplyObject(batch);
                snprintf(err, errlen, "out of memory");
                goto done;
            }
            free(min);
            min = next;
            minlen = last->len + 1;
        }
        freeReplyObject(batch);
        if (got < asked || out->nkeys >= want) {
            break;
        }
    }
    rc = 0;
    if (out->nkeys > limit) {
        out->nkeys--;
        free(out->keys[limit].name);
        free(out->keys[limit].metadata);
        memset(&out->keys[limit], 0, sizeof(out->keys[limit]));
        struct fcw_kv_key *last = &out->keys[limit - 1];
        if ((out->cursor = fcw_kv_cursor_encode(last->name, last->len)) == NULL) {
            snprintf(err, errlen, "out of memory");
            rc = -1;
        }
    }
done:
    free(after);
    free(index);
    free(min);
    free(max);
    if (rc < 0) {
        fcw_kv_list_free(out);
    }
    return rc;
}

const struct fcw_kv_ops fcw_kv_redis_ops = {
    kv_redis_open, kv_redis_get, kv_redis_put, kv_redis_del, kv_redis_list, kv_redis_close,
};
