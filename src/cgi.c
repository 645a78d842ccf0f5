/* SPDX-License-Identifier: MIT */
/*
 * CGI and inherited-socket modes: no master, no pool manager, one process.
 * A CGI process keeps its script's bytecode in a cache folder for the next
 * one (cache_init).
 */
#include "config.h"

#include "cgi.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "child.h"
#include "conf.h"
#include "log.h"
#include "request.h"
#include "worker.h"

extern char **environ;

/* what the one request of a CGI process leaves for the process's end
 * (volatile: kept, and so reachable for leak checkers, though never read) */
static struct worker *volatile cgi_worker;
static struct conf *volatile cgi_conf;

static int stdio_read(void *s, char *buf, int n)
{
    size_t got = fread(buf, 1, (size_t)n, s);
    return got == 0 && ferror((FILE *)s) ? -1 : (int)got;
}

static int stdio_write(void *s, const char *buf, int n)
{
    return fwrite(buf, 1, (size_t)n, s) == (size_t)n ? 0 : -1;
}

static int stdio_flush(void *s)
{
    return fflush(s) == 0 ? 0 : -1;
}

static void abandon_request(void *data)
{
    (void)data;
    fflush(stdout);
    _exit(1);
}

/* The bytecode cache (fcw_engine_script_cache): the folder FCW_CGI_CACHE
 * names ("off": none), by default fcworker-cgi-UID in TMPDIR or /tmp, made
 * on first use. A folder that cannot be used costs only the compile; one
 * named on purpose says why not. */
static void cache_init(void)
{
    const char *dir = getenv("FCW_CGI_CACHE");
    char def[4096];
    if (dir != NULL && strcmp(dir, "off") == 0) {
        return;
    }
    if (dir == NULL || dir[0] == '\0') {
        const char *tmp = getenv("TMPDIR");
        int n = snprintf(def, sizeof(def), "%s/fcworker-cgi-%lu", tmp != NULL && tmp[0] == '/' ? tmp : "/tmp",
                         (unsigned long)geteuid());
        if (n < 0 || (size_t)n >= sizeof(def)) {
            return;
        }
        (void)fcw_engine_script_cache(def);
        return;
    }
    if (fcw_engine_script_cache(dir) < 0) {
        fcw_log(FCW_LOG_WARNING,
                "FCW_CGI_CACHE=%s cannot be used (not a folder of this user that only it can "
                "write, nor one it can make): compiling the script",
                dir);
    }
}

int cgi_main(const char *script)
{
    char err[1024];
    fcw_log_open("stderr", FCW_LOG_WARNING);
    fcw_engine_single_request();
    cache_init();
    struct conf *conf = conf_for_script(script, err, sizeof(err));
    struct worker *w = conf ? worker_new(conf->pools, abandon_request, NULL, err, sizeof(err)) : NULL;
    if (w == NULL) {
        fcw_log(FCW_LOG_ERROR, "%s", err);
        fputs("Status: 500 Internal Server Error\r\nContent-Type: text/plain\r\n\r\nInternal Server Error\n", stdout);
        conf_free(conf);
        return 1;
    }
    struct request r;
    struct request_stream in = {stdio_read, NULL, NULL, stdin, NULL, NULL};
    struct request_stream out = {NULL, stdio_write, stdio_flush, stdout, NULL, NULL};
    int rc = 0;
    if (request_build(&r, environ) < 0) {
        fcw_log(FCW_LOG_ERROR, "failed to build the request: out of memory");
        rc = 1;
    } else {
        worker_serve(w, &r, environ, &in, &out, NULL, NULL);
    }
    fflush(stdout);
    request_free(&r);
    worker_profile_flush(w);
    /* One request per process: the engine's heap (tens of thousands of
     * objects, a sixth of a CGI hello's instructions to free one by one) is
     * left for the process's end to take, still referenced; exit() flushes
     * and closes the access log. */
    cgi_worker = w;
    cgi_conf = conf;
    return rc;
}

int cgi_fastcgi_on_stdin(const char *script)
{
    char err[1024];
    struct conf *conf = NULL;
    fcw_log_open("stderr", FCW_LOG_NOTICE);
    if (script != NULL) {
        conf = conf_for_script(script, err, sizeof(err));
    } else {
        const char *root = getenv("FCW_ROOT");
        if (root == NULL || root[0] == '\0') {
            fcw_log(FCW_LOG_ERROR, "no script given and FCW_ROOT is not set: refusing to serve the whole "
                                   "file system; name a script or set FCW_ROOT to the document root");
            return 1;
        }
        conf = conf_for_script("-", err, sizeof(err));
        if (conf) {
            free(conf->pools->script);
            conf->pools->script = NULL;
            conf->pools->root = strdup(root);
            conf->pools->limit_extensions = strdup(".sjs");
        }
    }
    struct scoreboard *sb = conf ? scoreboard_new(1) : NULL;
    if (sb == NULL) {
        fcw_log(FCW_LOG_ERROR, "%s", conf ? "failed to create the scoreboard" : err);
        conf_free(conf);
        return 1;
    }
    struct scoreboard_slot *slot = scoreboard_claim(sb);
    slot->pid = getpid();
    child_main(conf, conf->pools, 0, sb, slot);
}
