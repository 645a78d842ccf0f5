/* SPDX-License-Identifier: MIT */
/*
 * Rendering the status page from one table of fields, as text or JSON, and
 * in the OpenMetrics text format (?openmetrics): PHP-FPM's figures under
 * the names its Prometheus exporters give them (phpfpm_accepted_connections
 * as fcworker_accepted_connections_total, ...), then fcworker's own:
 * requests by outcome, limit hits, subrequests, body bytes, heap sizes.
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
        if ((size_t)n < b->cap - b->len) {
            b->len += (size_t)n;
            return;
        }
        size_t cap = (b->cap ? b->cap * 2 : 8192) + (size_t)n;
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
                    } else if ((unsigned char)*p < 0x20) {
                        add(b, "\\u%04x", (unsigned char)*p);
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

/* A label value as OpenMetrics quotes it: \\, \" and \n escaped. */
static void add_label(struct buf *b, const char *v)
{
    for (; *v; v++) {
        if (*v == '\\' || *v == '"') {
            add(b, "\\%c", *v);
        } else if (*v == '\n') {
            add(b, "\\n");
        } else {
            add(b, "%c", *v);
        }
    }
}

/* A metric family's header: "# TYPE" and "# HELP". */
static void family(struct buf *b, const char *name, const char *type, const char *help)
{
    add(b, "# TYPE %s %s\n# HELP %s %s\n", name, type, name, help);
}

/* One sample of the pool: NAME{pool="..."[,EXTRA]} VALUE. */
static void sample(struct buf *b, const char *pool, const char *name, const char *extra, unsigned long long v)
{
    add(b, "%s{pool=\"", name);
    add_label(b, pool);
    add(b, "\"%s%s} %llu\n", extra ? "," : "", extra ? extra : "", v);
}

/* A family of one sample. */
static void metric(struct buf *b, const char *pool, const char *name, const char *type, const char *help,
                   unsigned long long v)
{
    char sname[128];
    family(b, name, type, help);
    snprintf(sname, sizeof(sname), "%s%s", name, strcmp(type, "counter") == 0 ? "_total" : "");
    sample(b, pool, sname, NULL, v);
}

static void render_openmetrics(struct buf *b, const struct conf_pool *pool, struct scoreboard *sb, unsigned idle,
                               unsigned active, unsigned total)
{
    const char *p = pool->name;
#define LOAD(x) __atomic_load_n(&(x), __ATOMIC_RELAXED)
    metric(b, p, "fcworker_up", "gauge", "Whether the pool answered the scrape.", 1);
    metric(b, p, "fcworker_start_since_seconds", "gauge", "Seconds since the pool started.",
           (unsigned long long)(time(NULL) - (time_t)sb->start_time));
    metric(b, p, "fcworker_accepted_connections", "counter", "Connections accepted by the pool.", LOAD(sb->accepted));
    metric(b, p, "fcworker_listen_queue", "gauge", "Connections waiting in the listen queue.", LOAD(sb->listen_queue));
    metric(b, p, "fcworker_max_listen_queue", "gauge", "The most connections seen waiting in the listen queue.",
           LOAD(sb->max_listen_queue));
    metric(b, p, "fcworker_listen_queue_length", "gauge", "The size of the listen queue (listen.backlog).",
           (unsigned long long)pool->listen_backlog);
    metric(b, p, "fcworker_idle_processes", "gauge", "Children waiting for a request.", idle);
    metric(b, p, "fcworker_active_processes", "gauge", "Children serving a request.", active);
    metric(b, p, "fcworker_total_processes", "gauge", "Children of the pool.", total);
    metric(b, p, "fcworker_max_active_processes", "gauge", "The most children seen serving at once.",
           LOAD(sb->max_active));
    metric(b, p, "fcworker_max_children_reached", "counter",
           "Times a request waited because pm.max_children were busy.", LOAD(sb->max_children_reached));
    metric(b, p, "fcworker_slow_requests", "counter", "Requests that ran longer than request_slowlog_timeout.",
           LOAD(sb->slow_requests));

    static const char *const outcomes[] = {"1xx", "2xx", "3xx", "4xx", "5xx", "limited"};
    family(b, "fcworker_requests", "counter",
           "Requests answered, by outcome: the status class, or limited when a limit ended the request.");
    for (int i = 0; i < 6; i++) {
        char label[32];
        snprintf(label, sizeof(label), "outcome=\"%s\"", outcomes[i]);
        sample(b, p, "fcworker_requests_total", label, LOAD(sb->outcomes[i]));
    }
    static const char *const limits[] = {"cpu", "wall", "memory"};
    family(b, "fcworker_limit_hits", "counter", "Requests ended by limits.cpu_ms, limits.wall_ms or limits.memory_mb.");
    for (int i = 0; i < 3; i++) {
        char label[32];
        snprintf(label, sizeof(label), "limit=\"%s\"", limits[i]);
        sample(b, p, "fcworker_limit_hits_total", label, LOAD(sb->limit_hits[i]));
    }
    metric(b, p, "fcworker_fetch_subrequests", "counter", "fetch() calls and service binding requests made by scripts.",
           LOAD(sb->subrequests));
    metric(b, p, "fcworker_response_body_bytes", "counter", "Response body bytes sent to the front server.",
           LOAD(sb->bytes_sent));
    metric(b, p, "fcworker_idle_releases", "counter",
           "Times an idle child collected its heaps or gave free memory back (pm.idle_release).",
           LOAD(sb->idle_releases));
    metric(b, p, "fcworker_idle_released_bytes", "counter", "Bytes of pages idle children gave back to the system.",
           LOAD(sb->idle_released_bytes));
    metric(b, p, "fcworker_heap_limit_bytes", "gauge", "limits.memory_mb per child, in bytes (0: none).",
           (unsigned long long)pool->limits.memory_bytes);

    /* per child, as PHP-FPM's exporters give phpfpm_process_* */
    static const struct {
        const char *name, *type, *help;
    } per[] = {
        {"fcworker_process_requests", "counter", "Requests the child has served."},
        {"fcworker_process_request_duration_seconds", "gauge", "How long the child's last request took."},
        {"fcworker_process_heap_bytes", "gauge", "The child's JavaScript heaps after its last request or idle work."},
    };
    for (size_t k = 0; k < sizeof(per) / sizeof(per[0]); k++) {
        family(b, per[k].name, per[k].type, per[k].help);
        for (unsigned i = 0; i < sb->nslots; i++) {
            struct scoreboard_slot *s = &sb->slots[i];
            pid_t pid = s->pid;
            if (s->state == SLOT_FREE || pid <= 0) {
                continue;
            }
            char label[64];
            /* no state label: a series per state would come and go */
            snprintf(label, sizeof(label), "pid=\"%ld\"", (long)pid);
            if (k == 0) {
                sample(b, p, "fcworker_process_requests_total", label, (unsigned long long)s->requests);
            } else if (k == 1) {
                add(b, "%s{pool=\"", per[k].name);
                add_label(b, p);
                add(b, "\",%s} %.6f\n", label, s->last_duration_ms / 1000.0);
            } else {
                sample(b, p, per[k].name, label, (unsigned long long)s->heap_bytes);
            }
        }
    }
#undef LOAD
    add(b, "# EOF\n");
}

void status_serve(const struct conf_pool *pool, struct scoreboard *sb, const struct request *r,
                  const struct fcw_output *out)
{
    static const char *const pm_names[] = {"static", "dynamic", "ondemand"};
    const char *query = strchr(r->path, '?');
    int json = query && strstr(query, "json") != NULL;
    int full = query && strstr(query, "full") != NULL;
    int openmetrics = query && strstr(query, "openmetrics") != NULL;
    struct buf b = {NULL, 0, 0, 0};
    char start[64];
    time_t st = (time_t)sb->start_time;
    struct tm tm;
    localtime_r(&st, &tm);
    strftime(start, sizeof(start), "%d/%b/%Y:%H:%M:%S %z", &tm);
    unsigned idle = scoreboard_count(sb, SLOT_IDLE);
    unsigned total = scoreboard_total(sb);
    /* a child still loading its script is neither idle nor serving */
    unsigned active = scoreboard_active(sb);
    if (openmetrics) {
        json = full = 0;
        render_openmetrics(&b, pool, sb, idle, active, total);
    }
    const struct field f[] = {
        {"pool", FIELD_STR, pool->name, 0},
        {"process manager", FIELD_STR, pm_names[pool->pm], 0},
        /* JSON: seconds since the epoch, as PHP-FPM gives it */
        {"start time", json ? FIELD_NUM : FIELD_STR, start, (unsigned long long)st},
        {"start since", FIELD_NUM, NULL, (unsigned long long)(time(NULL) - st)},
        {"accepted conn", FIELD_NUM, NULL, sb->accepted},
        {"listen queue", FIELD_NUM, NULL, sb->listen_queue},
        {"max listen queue", FIELD_NUM, NULL, sb->max_listen_queue},
        {"listen queue len", FIELD_NUM, NULL, (unsigned long long)pool->listen_backlog},
        {"idle processes", FIELD_NUM, NULL, idle},
        {"active processes", FIELD_NUM, NULL, active},
        {"total processes", FIELD_NUM, NULL, total},
        {"max active processes", FIELD_NUM, NULL, sb->max_active},
        {"max children reached", FIELD_NUM, NULL, sb->max_children_reached},
        {"slow requests", FIELD_NUM, NULL, sb->slow_requests},
    };
    if (!openmetrics) {
        render(&b, f, sizeof(f) / sizeof(f[0]), json, 1);
    }
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
            time_t ps = (time_t)s->started_at;
            localtime_r(&ps, &tm);
            strftime(pstart, sizeof(pstart), "%d/%b/%Y:%H:%M:%S %z", &tm);
            memcpy(req, s->request, sizeof(req));
            req[sizeof(req) - 1] = '\0';
            const char *sp = strchr(req, ' ');
            char method[16] = "-";
            if (sp && (size_t)(sp - req) < sizeof(method)) {
                memcpy(method, req, (size_t)(sp - req));
                method[sp - req] = '\0';
            }
            const struct field pf[] = {
                {"pid", FIELD_NUM, NULL, (unsigned long long)s->pid},
                {"state", FIELD_STR, scoreboard_state_name(s->state), 0},
                {"start time", json ? FIELD_NUM : FIELD_STR, pstart, (unsigned long long)ps},
                {"start since", FIELD_NUM, NULL, (unsigned long long)(time(NULL) - ps)},
                {"requests", FIELD_NUM, NULL, s->requests},
                {"request duration", FIELD_NUM, NULL, (unsigned long long)(s->last_duration_ms * 1000)},
                {"request method", FIELD_STR, method, 0},
                {"request URI", FIELD_STR, sp ? sp + 1 : "-", 0},
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
    const char *headers[] = {"content-type",
                             openmetrics ? "application/openmetrics-text; version=1.0.0; charset=utf-8"
                             : json      ? "application/json"
                                         : "text/plain",
                             "cache-control", "no-store, no-cache, must-revalidate"};
    if (b.oom) {
        fcw_output_error(out, 500, "status page: out of memory");
    } else if (out->head(out->data, 200, "OK", headers, 2, 0) == 0) {
        out->write(out->data, b.data, b.len);
        out->flush(out->data);
    }
    free(b.data);
}
