/*
 * Rendering the status page from one table of fields, as text or JSON.
 */
#include "config.h"

#include "status.h"

#include "request.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The page, grown as needed (?full lists every child). */
struct buf {
    char *data;
    size_t len, cap;
    int oom;
};

static void add(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void add(struct buf *b, const char *fmt, ...)
{
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int n = b->oom ? -1 : vsnprintf(b->data ? b->data + b->len : NULL, b->cap - b->len, fmt, ap);
        va_end(ap);
        if (n < 0) {
            return;
        }
        if ((size_t) n < b->cap - b->len) {
            b->len += (size_t) n;
            return;
        }
        size_t cap = (b->cap ? b->cap * 2 : 8192) + (size_t) n;
        char *nd = realloc(b->data, cap);
        if (nd == NULL) {
            b->oom = 1;
            return;
        }
        b->data = nd;
        b->cap = cap;
    }
}

enum field_kind { FIELD_STR, FIELD_NUM };

struct field {
    const char *name;
    enum field_kind kind;
    const char *str;
    unsigned long long num;
};

static void render(struct buf *b, const struct field *f, size_t n, int json, int first)
{
    if (json) {
        add(b, "%s{", first ? "" : ",");
    }
    for (size_t i = 0; i < n; i++) {
        if (json) {
            add(b, "%s\"%s\":", i ? "," : "", f[i].name);
            if (f[i].kind == FIELD_STR) {
                add(b, "\"");
                for (const char *p = f[i].str; *p; p++) {
                    if (*p == '"' || *p == '\\') {
                        add(b, "\\%c", *p);
                    } else if ((unsigned char) *p < 0x20) {
                        add(b, "\\u%04x", (unsigned char) *p);
                    } else {
                        add(b, "%c", *p);
                    }
                }
                add(b, "\"");
            } else {
                add(b, "%llu", f[i].num);
            }
        } else {
            /* PHP-FPM's text layout: "name:" padded to 21 columns */
            char label[64];
            snprintf(label, sizeof(label), "%s:", f[i].name);
            if (f[i].kind == FIELD_STR) {
                add(b, "%-21s %s\n", label, f[i].str);
            } else {
                add(b, "%-21s %llu\n", label, f[i].num);
            }
        }
    }
    if (json) {
        add(b, "}");
    }
}

void status_serve(const struct conf_pool *pool, struct scoreboard *sb, const struct request *r,
                  const struct fcw_output *out)
{
    static const char *const pm_names[] = { "static", "dynamic", "ondemand" };
    const char *query = strchr(r->path, '?');
    int json = query && strstr(query, "json") != NULL;
    int full = query && strstr(query, "full") != NULL;
    struct buf b = { NULL, 0, 0, 0 };
    char start[64];
    time_t st = (time_t) sb->start_time;
    struct tm tm;
    localtime_r(&st, &tm);
    strftime(start, sizeof(start), "%d/%b/%Y:%H:%M:%S %z", &tm);
    unsigned idle = scoreboard_count(sb, SLOT_IDLE);
    unsigned total = scoreboard_total(sb);
    /* a child still loading its script is neither idle nor serving */
    unsigned active = scoreboard_active(sb);
    const struct field f[] = {
        { "pool", FIELD_STR, pool->name, 0 },
        { "process manager", FIELD_STR, pm_names[pool->pm], 0 },
        /* JSON: seconds since the epoch, as PHP-FPM gives it */
        { "start time", json ? FIELD_NUM : FIELD_STR, start, (unsigned long long) st },
        { "start since", FIELD_NUM, NULL, (unsigned long long) (time(NULL) - st) },
        { "accepted conn", FIELD_NUM, NULL, sb->accepted },
        { "listen queue", FIELD_NUM, NULL, sb->listen_queue },
        { "max listen queue", FIELD_NUM, NULL, sb->max_listen_queue },
        { "listen queue len", FIELD_NUM, NULL, (unsigned long long) pool->listen_backlog },
        { "idle processes", FIELD_NUM, NULL, idle },
        { "active processes", FIELD_NUM, NULL, active },
        { "total processes", FIELD_NUM, NULL, total },
        { "max active processes", FIELD_NUM, NULL, sb->max_active },
        { "max children reached", FIELD_NUM, NULL, sb->max_children_reached },
        { "slow requests", FIELD_NUM, NULL, sb->slow_requests },
    };
    render(&b, f, sizeof(f) / sizeof(f[0]), json, 1);
    if (full) {
        if (json) {
            b.len -= b.len > 0; /* reopen the object for "processes" */
            add(&b, ",\"processes\":[");
        }
        int first = 1;
        for (unsigned i = 0; i < sb->nslots; i++) {
            struct scoreboard_slot *s = &sb->slots[i];
            if (s->state == SLOT_FREE) {
                continue;
            }
            char pstart[64], req[sizeof(s->request)];
            time_t ps = (time_t) s->started_at;
            localtime_r(&ps, &tm);
            strftime(pstart, sizeof(pstart), "%d/%b/%Y:%H:%M:%S %z", &tm);
            memcpy(req, s->request, sizeof(req));
            req[sizeof(req) - 1] = '\0';
            const char *sp = strchr(req, ' ');
            char method[16] = "-";
            if (sp && (size_t) (sp - req) < sizeof(method)) {
                memcpy(method, req, (size_t) (sp - req));
                method[sp - req] = '\0';
            }
            const struct field pf[] = {
                { "pid", FIELD_NUM, NULL, (unsigned long long) s->pid },
                { "state", FIELD_STR, scoreboard_state_name(s->state), 0 },
                { "start time", json ? FIELD_NUM : FIELD_STR, pstart, (unsigned long long) ps },
                { "start since", FIELD_NUM, NULL, (unsigned long long) (time(NULL) - ps) },
                { "requests", FIELD_NUM, NULL, s->requests },
                { "request duration", FIELD_NUM, NULL, (unsigned long long) (s->last_duration_ms * 1000) },
                { "request method", FIELD_STR, method, 0 },
                { "request URI", FIELD_STR, sp ? sp + 1 : "-", 0 },
            };
            if (!json) {
                add(&b, "\n************************\n");
            }
            render(&b, pf, sizeof(pf) / sizeof(pf[0]), json, first);
            first = 0;
        }
        if (json) {
            add(&b, "]}");
        }
    }
    const char *headers[] = { "content-type", json ? "application/json" : "text/plain", "cache-control",
                              "no-store, no-cache, must-revalidate" };
    if (b.oom) {
        fcw_output_error(out, 500, "status page: out of memory");
    } else if (out->head(out->data, 200, "OK", headers, 2, 0) == 0) {
        out->write(out->data, b.data, b.len);
        out->flush(out->data);
    }
    free(b.data);
}
