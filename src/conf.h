/* SPDX-License-Identifier: MIT */
/*
 * The configuration: one [global] section and one [pool:NAME] section per
 * pool (plus an optional [pool:NAME.vars] section of env bindings), read
 * with inih. Directives are described by two tables in conf.c; every bad
 * line is reported as "file:line: message".
 */
#ifndef FCW_CONF_H
#define FCW_CONF_H

#include "cron.h"
#include "fcw.h"

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

enum conf_pm { PM_STATIC, PM_DYNAMIC, PM_ONDEMAND };

/* One kv.NAME or d1.NAME binding, or the pool's assets.* keys, as written
 * (see bindings.c). */
struct conf_binding {
    enum fcw_binding_type type;
    char *name; /* assets: "" until assets.binding names it */
    int line;
    char *location;  /* kv.NAME / d1.NAME */
    char *namespace; /* kv.NAME.namespace */
    unsigned timeout_ms;
    char *path;               /* derived: the SQLite file */
    char *prefix;             /* derived: the Redis key prefix */
    char *html_handling;      /* assets.html_handling */
    char *not_found_handling; /* assets.not_found_handling */
    char *migrations;         /* d1.NAME.migrations: the folder of .sql files */
    char *migrations_table;   /* d1.NAME.migrations_table (default d1_migrations) */
};

/* build: by the script's extension (.ts, .tsx, .mts, .mjs), always, never */
enum conf_build { BUILD_BY_EXTENSION, BUILD_AUTO, BUILD_OFF };

struct conf_global {
    char *error_log;
    int log_level;
    int log_json; /* log_format = json */
    char *pid_file;
    unsigned process_control_timeout_ms;
    int allow_root; /* -R: pools without a user may run their children as root */
};

struct conf_pool {
    char *name;
    const char *file; /* where its [pool:NAME] section is (one of conf->files) */
    int line;
    int declared; /* its [pool:NAME] section was read (not only [pool:NAME.vars]) */

    char *listen;
    char *listen_owner;
    char *listen_group;
    unsigned listen_mode;
    int listen_backlog;
    char *listen_allowed_clients;
    char *user;
    char *group;

    char *script;
    char *root;
    char *limit_extensions;
    enum conf_build build;
    char *build_cache_dir;
    char *wrangler_data; /* wrangler.data: where a Wrangler file's KV and D1 files go */
    int wrangler_read;   /* a wrangler = line was applied */
    char *cache_path;
    size_t cache_max_size;

    enum conf_pm pm;
    unsigned max_children;
    unsigned start_servers;
    unsigned min_spare_servers;
    unsigned max_spare_servers;
    unsigned process_idle_timeout_ms;
    unsigned idle_release_ms; /* pm.idle_release: 0 off */
    unsigned max_requests;
    unsigned request_terminate_timeout_ms;
    unsigned request_read_timeout_ms;
    unsigned request_slowlog_timeout_ms;

    struct fcw_limits limits;
    size_t params_max; /* limits.params_max: the FastCGI params of a request */

    char *access_log;
    int access_log_fd; /* opened by the master (as root) for the children; -1 */
    /* script pools: the script as the master checked it (after a build, the
     * built file), which every child of this configuration loads, so that a
     * file changed on disk after a refused reload never reaches a child */
    char *script_text;
    size_t script_len;
    char *script_loaded; /* the path it was read from */
    /* the script_text compiled by the check child (lib/script_image.h),
     * loaded by every child instead of compiling the text; NULL: none */
    unsigned char *script_image;
    size_t script_image_len;
    char *status_path;
    char *ping_path;
    char *ping_response;
    char *client_ip_header; /* REMOTE_ADDR's header; NULL: cf-connecting-ip, "": none */
    int console_level;      /* console.* lines up to this level are logged */

    char **vars; /* name, value pairs */
    size_t nvars;

    struct conf_binding *conf_bindings; /* kv.* and d1.* keys (bindings.c) */
    struct fcw_binding *bindings;       /* the same, for libfcw, after the check */
    size_t nbindings;

    char **crons;            /* triggers.crons, as written (triggers.c) */
    struct cron *cron_specs; /* the same, parsed */
    time_t *cron_due;        /* the master's next firing of each (0: not yet computed) */
    size_t ncrons;
    int crons_line;

    struct conf_pool *next;
};

struct conf {
    char *file;
    char **files; /* every file read: the main one, then the included ones */
    size_t nfiles;
    struct conf_global global;
    struct conf_pool *pools;
    size_t npools;
};

/* Reads and validates file. On error returns NULL and writes
 * "file:line: message" to err. */
struct conf *conf_load(const char *file, char *err, size_t errlen);
void conf_free(struct conf *conf);

/* A configuration with one pool for one script (CGI mode). */
struct conf *conf_for_script(const char *script, char *err, size_t errlen);

/* Writes the effective configuration (every pool and key, defaults
 * included) in INI syntax that reads back to the same configuration:
 * fcworker -tt. */
int conf_print(FILE *out, const struct conf *conf);

#endif
