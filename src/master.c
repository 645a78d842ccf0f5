/* SPDX-License-Identifier: MIT */
/*
 * The master process. Its loop waits in poll() on the signal self-pipe (and,
 * for ondemand pools, on their listen sockets) at most a second at a time,
 * then reaps children and keeps each pool at its target size.
 *
 * A reload loads the new configuration and checks every script in a
 * throw-away child first; only then are new children forked (a listen
 * socket whose address did not change is kept, so no connection is
 * refused) and the old ones asked to finish their request and exit. A
 * script that fails to load keeps the old children serving.
 *
 * The children themselves are forked and reaped by children.c; how many
 * each pool wants, and the time limits enforced from outside, by pm.c.
 */
#include "config.h"

#include "master.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bindings.h"
#include "build.h"
#include "children.h"
#include "clock.h"
#include "listen.h"
#include "log.h"
#include "pm.h"
#include "proc.h"
#include "scoreboard.h"
#include "signals.h"
#include "systemd.h"
#include "triggers.h"
#include "users.h"
#include "worker.h"

#define MASTER_TICK_MS 1000

/* ---- checking scripts ---- */

/* Keeps the pool's script in the configuration, read once by the master,
 * so that every child forked from this configuration runs exactly what was
 * checked (for build = auto, the build's output: the check child built it,
 * so this is a cache hit). */
static int keep_pool_script(struct conf_pool *p, char *err, size_t errlen)
{
    char built[PATH_MAX];
    const char *path = p->script;
    if (path == NULL) {
        return 0;
    }
    if (fcw_build_wanted(p)) {
        if (fcw_build_script(p, built, sizeof(built), err, errlen) < 0) {
            return -1;
        }
        path = built;
    }
    char why[512];
    size_t len = 0;
    char *text = fcw_read_file(path, &len, why, sizeof(why));
    if (text == NULL || (p->script_loaded = strdup(path)) == NULL) {
        snprintf(err, errlen, "[pool %s] %s", p->name, text == NULL ? why : "out of memory");
        free(text);
        return -1;
    }
    free(p->script_text);
    p->script_text = text;
    p->script_len = len;
    return 0;
}

/* The pool's user and group exist. */
static int users_switch_check(const struct conf_pool *p, char *err, size_t errlen)
{
    uid_t uid;
    gid_t gid;
    if (users_find_user(p->user, &uid, &gid, err, errlen) < 0 ||
        (p->group && users_find_group(p->group, &gid, err, errlen) < 0)) {
        return -1;
    }
    return 0;
}

struct check_args {
    struct conf_pool *pool; /* the check child's own copy */
    int image_fd;           /* where the child writes the script's bytecode image, or -1 */
};

/* Compiles the script into the bytecode image the children will load and
 * writes it to fd (a script that cannot be imaged is still served, compiled
 * by each child); 0, or -1 with the reason in why (logged by the caller once
 * the script loaded: a script that does not compile fails the check with
 * its own error). */
static int write_image(struct conf_pool *pool, int fd, char *why, size_t whylen)
{
    unsigned char *image = NULL;
    size_t len = 0;
    why[0] = '\0';
    if (worker_compile_image(pool, &image, &len, why, whylen) < 0 || fcw_write_all(fd, image, len) < 0) {
        /* a partial image would be refused by its check anyway */
        if (why[0] == '\0') {
            snprintf(why, whylen, "writing it: %s", strerror(errno));
        }
        int rc = ftruncate(fd, 0);
        (void)rc;
        free(image);
        return -1;
    }
    if (pool->script_text != NULL) {
        /* the check loads it as the children will */
        free(pool->script_image);
        pool->script_image = image;
        pool->script_image_len = len;
    } else {
        free(image);
    }
    return 0;
}

/* Loads the worker as the pool's children will: as the pool's user, from
 * the bytecode image it first makes of the script (see write_image). */
static void check_pool_child(void *arg, int fd)
{
    const struct check_args *a = arg;
    struct conf_pool *pool = a->pool;
    char msg[1024] = "";
    if (users_switch(pool->user, pool->group, msg, sizeof(msg)) < 0) {
        dprintf(fd, "[pool %s] %s", pool->name, msg);
        _exit(1);
    }
    if (bindings_check_access(pool, msg, sizeof(msg)) < 0) {
        ssize_t wr = write(fd, msg, strlen(msg));
        (void)wr;
        _exit(1);
    }
    /* the master read the script; its user must be able to as well */
    int sfd = pool->script_loaded ? open(pool->script_loaded, O_RDONLY | O_CLOEXEC) : -2;
    if (sfd == -1) {
        dprintf(fd, "%s: cannot open: %s", pool->script_loaded, strerror(errno));
        _exit(1);
    }
    if (sfd >= 0) {
        close(sfd);
    }
    /* a plain script's image is made first, so that the check loads it as
     * the children will; a built one's after the build (worker_new) */
    char why[1024] = "";
    int imaged = a->image_fd >= 0 && pool->script_text != NULL ? write_image(pool, a->image_fd, why, sizeof(why)) : 0;
    struct worker *w = worker_new(pool, NULL, NULL, msg, sizeof(msg));
    if (w == NULL) {
        ssize_t wr = write(fd, msg, strlen(msg));
        (void)wr;
        _exit(1);
    }
    if (a->image_fd >= 0 && pool->script_text == NULL) {
        imaged = write_image(pool, a->image_fd, why, sizeof(why));
    }
    if (imaged < 0) {
        fcw_log(FCW_LOG_WARNING, "[pool %s] the script is compiled by every child: no bytecode image (%s)", pool->name,
                why);
    }
    worker_free(w);
    _exit(0);
}

/* Keeps the image the check child wrote to fd (empty: none). */
static void keep_pool_image(struct conf_pool *p, int fd)
{
    struct stat st;
    free(p->script_image);
    p->script_image = NULL;
    p->script_image_len = 0;
    if (fd < 0 || fstat(fd, &st) < 0 || st.st_size <= 0) {
        return;
    }
    unsigned char *image = malloc((size_t)st.st_size);
    size_t got = 0;
    while (image != NULL && got < (size_t)st.st_size) {
        ssize_t n = pread(fd, image + got, (size_t)st.st_size - got, (off_t)got);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        got += (size_t)n;
    }
    if (image == NULL || got != (size_t)st.st_size) {
        fcw_log(FCW_LOG_WARNING, "[pool %s] the script's bytecode image could not be read: each child compiles it",
                p->name);
        free(image);
        return;
    }
    p->script_image = image;
    p->script_image_len = got;
    fcw_log(FCW_LOG_NOTICE, "[pool %s] script compiled once: %zu bytes of bytecode for the children", p->name, got);
}

/* Loads the pool's worker in a throw-away child, and keeps the bytecode
 * image of a script pool's script it made. The image travels in an
 * anonymous file rather than the output pipe: it may be megabytes, written
 * before the child exits. */
static int check_pool(struct conf_pool *pool, char *err, size_t errlen)
{
    int status;
    struct check_args a = {pool, -1};
    if (pool->script != NULL) {
        a.image_fd = memfd_create("fcworker-script-image", MFD_CLOEXEC);
        if (a.image_fd < 0) {
            fcw_log(FCW_LOG_WARNING | FCW_LOG_ERRNO, "[pool %s] no bytecode image of the script: memfd_create()",
                    pool->name);
        }
    }
    if (proc_capture(check_pool_child, &a, "the script check", 0, err, errlen, &status) < 0) {
        if (a.image_fd >= 0) {
            close(a.image_fd);
        }
        return -1;
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        keep_pool_image(pool, a.image_fd);
        if (a.image_fd >= 0) {
            close(a.image_fd);
        }
        return 0;
    }
    if (a.image_fd >= 0) {
        close(a.image_fd);
    }
    if (err[0] == '\0') {
        snprintf(err, errlen, "[pool %s] loading the worker failed (%s %d)", pool->name,
                 WIFSIGNALED(status) ? "signal" : "exit status",
                 WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
    }
    return -1;
}

/* A log (what names the directive) can be opened for appending, without
 * creating it here. */
static int check_log_path(const char *what, const char *path, char *err, size_t errlen)
{
    if (path == NULL || strcmp(path, "stderr") == 0) {
        return 0;
    }
    if (access(path, F_OK) == 0) {
        if (access(path, W_OK) < 0) {
            snprintf(err, errlen, "%s %s: not writable: %s", what, path, strerror(errno));
            return -1;
        }
        return 0;
    }
    char dir[4096];
    snprintf(dir, sizeof(dir), "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash == NULL) {
        snprintf(dir, sizeof(dir), ".");
    } else if (slash == dir) {
        slash[1] = '\0';
    } else {
        *slash = '\0';
    }
    if (access(dir, W_OK | X_OK) < 0) {
        snprintf(err, errlen, "%s %s: cannot create it in %s: %s", what, path, dir, strerror(errno));
        return -1;
    }
    return 0;
}

int master_check(const struct conf *conf, char *err, size_t errlen)
{
    if (check_log_path("error_log", conf->global.error_log, err, errlen) < 0) {
        return -1;
    }
    for (struct conf_pool *p = conf->pools; p; p = p->next) {
        char why[512];
        if (geteuid() == 0 && p->user == NULL && !conf->global.allow_root) {
            snprintf(err, errlen,
                     "%s:%d: [pool:%s]: its children would run as root: set user = NAME "
                     "(or start fcworker with -R to allow it)",
                     p->file, p->line, p->name);
            return -1;
        }
        if (listen_check(p, why, sizeof(why)) < 0 || (p->user && users_switch_check(p, why, sizeof(why)) < 0) ||
            check_log_path("access.log", p->access_log, why, sizeof(why)) < 0) {
            snprintf(err, errlen, "%s:%d: [pool:%s]: %s", p->file, p->line, p->name, why);
            return -1;
        }
        /* a plain script is read first and the check loads that text, so
         * what is kept is what was checked even if the file changes in
         * between; a built one is read after the check child built it (the
         * build's output is named by the hash of its sources) */
        int built = fcw_build_wanted(p);
        if (bindings_prepare(p, err, errlen) < 0 || (!built && keep_pool_script(p, err, errlen) < 0) ||
            check_pool(p, err, errlen) < 0 || (built && keep_pool_script(p, err, errlen) < 0)) {
            return -1;
        }
    }
    return 0;
}

/* ---- pools ---- */

/* The master opens each pool's access log (as root, before the children
 * drop to the pool's user), and the children write to the descriptor they
 * inherit: a log the pool's user could not open still works, and rotation
 * (SIGUSR1) is the master's job alone. */
static void master_open_access_log(struct conf_pool *p)
{
    if (p->access_log == NULL) {
        return;
    }
    int fd = open(p->access_log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
    if (fd < 0) {
        fcw_log(FCW_LOG_ERROR | FCW_LOG_ERRNO, "[pool %s] failed to open the access log %s: open()", p->name,
                p->access_log);
        return;
    }
    if (p->access_log_fd >= 0) {
        close(p->access_log_fd);
    }
    p->access_log_fd = fd;
}

/* SIGUSR1: the error log and every access log are opened again (after a
 * rotation moved them), and the children are replaced gracefully — each
 * finishes its request — so that the new ones write to the new files. */
static void reopen_logs(struct master *m)
{
    fcw_log_reopen();
    for (size_t i = 0; i < m->npools; i++) {
        master_open_access_log(m->pools[i].cfg);
    }
    fcw_log(FCW_LOG_NOTICE, "logs reopened: replacing the children");
    for (struct child *c = m->children; c; c = c->next) {
        if (c->pool != NULL) {
            children_stop(c, m->conf->global.process_control_timeout_ms);
        }
    }
}

static int pools_open(struct master *m, struct conf *conf, struct pool_rt *old, size_t nold)
{
    struct pool_rt *pools = calloc(conf->npools, sizeof(*pools));
    if (pools == NULL) {
        return -1;
    }
    size_t i = 0;
    for (struct conf_pool *p = conf->pools; p; p = p->next, i++) {
        pools[i].cfg = p;
        pools[i].fd = -1;
        for (size_t k = 0; k < nold; k++) {
            if (old[k].fd >= 0 && strcmp(old[k].cfg->listen, p->listen) == 0) {
                pools[i].fd = old[k].fd;
                pools[i].passed = old[k].passed;
                old[k].fd = -1;
            }
        }
        if (pools[i].fd < 0 && (pools[i].fd = systemd_listen_fd(p->name)) >= 0) {
            pools[i].passed = 1;
            fcw_log(FCW_LOG_NOTICE, "[pool %s] using the listen socket passed by systemd", p->name);
        }
        if (pools[i].fd < 0) {
            pools[i].fd = listen_open(p);
        }
        master_open_access_log(p);
        pools[i].sb = pools[i].fd >= 0 ? scoreboard_new(p->max_children) : NULL;
        if (pools[i].sb == NULL) {
            for (size_t k = 0; k <= i; k++) {
                if (pools[k].fd >= 0) {
                    listen_close(pools[k].fd, NULL);
                }
                scoreboard_free(pools[k].sb);
            }
            free(pools);
            return -1;
        }
        fcw_log(FCW_LOG_NOTICE, "[pool %s] listening on %s (pm %s, %u children)", p->name, p->listen,
                p->pm == PM_STATIC    ? "static"
                : p->pm == PM_DYNAMIC ? "dynamic"
                                      : "ondemand",
                p->pm == PM_STATIC    ? p->max_children
                : p->pm == PM_DYNAMIC ? p->start_servers
                                      : 0);
    }
    m->pools = pools;
    m->npools = conf->npools;
    return 0;
}

/* Closes what the old generation had and the new one did not keep. */
static void pools_retire(struct master *m, struct pool_rt *old, size_t nold)
{
    for (size_t k = 0; k < nold; k++) {
        for (struct child *c = m->children; c; c = c->next) {
            if (c->pool == &old[k]) {
                c->pool = NULL;
                children_stop(c, m->conf->global.process_control_timeout_ms);
            }
        }
        if (old[k].fd >= 0) {
            listen_close(old[k].fd, old[k].passed ? NULL : old[k].cfg->listen);
        }
        struct scoreboard **r = realloc(m->retired, (m->nretired + 1) * sizeof(*r));
        if (r != NULL) {
            m->retired = r;
            m->retired[m->nretired++] = old[k].sb;
        }
    }
    free(old);
    children_free_retired(m);
}

/* The service manager hears READY=1 once every pool can answer: a child
 * idle and waiting (an ondemand pool forks on the first connection). */
static void notify_state(struct master *m)
{
    unsigned idle = 0, active = 0, total = 0;
    int ready = 1;
    uint64_t accepted = 0;
    for (size_t i = 0; i < m->npools; i++) {
        struct pool_rt *p = &m->pools[i];
        unsigned pi = scoreboard_count(p->sb, SLOT_IDLE);
        idle += pi;
        active += scoreboard_active(p->sb);
        total += scoreboard_total(p->sb);
        accepted += p->sb->accepted;
        if (pi == 0 && p->cfg->pm != PM_ONDEMAND && scoreboard_active(p->sb) == 0) {
            ready = 0;
        }
    }
    char msg[256];
    snprintf(msg, sizeof(msg), "%sSTATUS=%zu pool%s, %u children (%u idle, %u active), %llu requests",
             ready && !m->ready_sent ? "READY=1\n" : "", m->npools, m->npools == 1 ? "" : "s", total, idle, active,
             (unsigned long long)accepted);
    if (ready && !m->ready_sent) {
        m->ready_sent = 1;
        systemd_notify(msg);
    } else if (strcmp(msg, m->last_status) != 0) {
        systemd_notify(msg);
    }
    snprintf(m->last_status, sizeof(m->last_status), "%s", msg);
}

static void reload(struct master *m)
{
    char err[1024];
    fcw_log(FCW_LOG_NOTICE, "reloading %s", m->conf_path);
    systemd_notify("RELOADING=1");
    m->ready_sent = 0;
    struct conf *conf = conf_load(m->conf_path, err, sizeof(err));
    if (conf != NULL) {
        conf->global.allow_root = m->allow_root;
    }
    if (conf == NULL || master_check(conf, err, sizeof(err)) < 0) {
        fcw_log(FCW_LOG_ERROR, "reload refused, the running configuration stays: %s", err);
        conf_free(conf);
        return;
    }
    struct pool_rt *old = m->pools;
    size_t nold = m->npools;
    struct conf *old_conf = m->conf;
    if (pools_open(m, conf, old, nold) < 0) {
        fcw_log(FCW_LOG_ERROR, "reload refused: cannot open the new listen sockets");
        conf_free(conf);
        return;
    }
    m->conf = conf;
    fcw_log_open(conf->global.error_log, conf->global.log_level);
    fcw_log_set_json(conf->global.log_json);
    for (size_t i = 0; i < m->npools; i++) {
        pm_maintain(m, &m->pools[i]);
    }
    pools_retire(m, old, nold);
    /* old children's configuration lives in their own address space */
    conf_free(old_conf);
    fcw_log(FCW_LOG_NOTICE, "reloaded: %zu pool(s)", m->npools);
}

static void begin_stop(struct master *m)
{
    if (m->stopping) {
        return;
    }
    m->stopping = 1;
    systemd_notify("STOPPING=1");
    m->stop_deadline = clock_now_ms() + m->conf->global.process_control_timeout_ms;
    fcw_log(FCW_LOG_NOTICE, "stopping: letting %s finish their requests", m->children ? "children" : "nothing");
    for (struct child *c = m->children; c; c = c->next) {
        children_stop(c, m->conf->global.process_control_timeout_ms);
    }
}

static int write_pid_file(const char *path)
{
    if (path == NULL) {
        return 0;
    }
    FILE *f = fopen(path, "we");
    if (f == NULL) {
        fcw_log(FCW_LOG_ERROR | FCW_LOG_ERRNO, "failed to write the pid file %s: fopen()", path);
        return -1;
    }
    fprintf(f, "%ld\n", (long)getpid());
    fclose(f);
    return 0;
}

/* Detaches from the terminal; standard error stays open only when it is
 * the error log. */
static int daemonize_now(int keep_stderr)
{
    pid_t pid = fork();
    if (pid < 0) {
        return -1;
    }
    if (pid > 0) {
        _exit(0);
    }
    setsid();
    int fd = open("/dev/null", O_RDWR);
    if (fd >= 0) {
        dup2(fd, 0);
        dup2(fd, 1);
        if (!keep_stderr) {
            dup2(fd, 2);
        }
        if (fd > 2) {
            close(fd);
        }
    }
    return 0;
}

int master_run(const char *conf_path, int daemonize, int allow_root)
{
    char err[1024];
    struct master m = {0};
    m.conf_path = conf_path;
    m.allow_root = allow_root;
    m.conf = conf_load(conf_path, err, sizeof(err));
    if (m.conf == NULL) {
        fprintf(stderr, "fcworker: %s\n", err);
        return 1;
    }
    m.conf->global.allow_root = allow_root;
    fcw_log_set_json(m.conf->global.log_json);
    if (fcw_log_open(m.conf->global.error_log, m.conf->global.log_level) < 0) {
        fprintf(stderr, "fcworker: cannot open the error log %s: %s\n", m.conf->global.error_log, strerror(errno));
        conf_free(m.conf);
        return 1;
    }
    if (worker_preload(err, sizeof(err)) < 0 || master_check(m.conf, err, sizeof(err)) < 0) {
        fcw_log(FCW_LOG_ERROR, "%s", err);
        fprintf(stderr, "fcworker: %s\n", err);
        conf_free(m.conf);
        return 1;
    }
    int sigfd = triggers_init_main() < 0 ? -1 : signals_init_main();
    systemd_listen_fds_init();
    if (sigfd < 0 || pools_open(&m, m.conf, NULL, 0) < 0) {
        conf_free(m.conf);
        return 1;
    }
    systemd_listen_fds_close_unused();
    const char *elog = m.conf->global.error_log;
    if (daemonize && daemonize_now(elog == NULL || strcmp(elog, "stderr") == 0) < 0) {
        fcw_log(FCW_LOG_ERROR | FCW_LOG_ERRNO, "failed to daemonize: fork()");
        return 1;
    }
    write_pid_file(m.conf->global.pid_file);
    fcw_log(FCW_LOG_NOTICE, "fcworker %s ready (pid %ld)", fcw_version(), (long)getpid());

    struct pollfd pfds[64];
    for (;;) {
        if (!m.stopping) {
            for (size_t i = 0; i < m.npools; i++) {
                pm_maintain(&m, &m.pools[i]);
            }
        } else if (m.children == NULL) {
            break;
        }
        pm_enforce_timeouts(&m);
        if (!m.stopping) {
            notify_state(&m);
        }
        for (size_t i = 0; i < m.npools; i++) {
            unsigned queued;
            if (listen_queue_length(m.pools[i].fd, &queued) == 0) {
                m.pools[i].sb->listen_queue = queued;
                scoreboard_raise_max(&m.pools[i].sb->max_listen_queue, queued);
            }
        }
        size_t n = 0;
        pfds[n++] = (struct pollfd){.fd = sigfd, .events = POLLIN};
        for (size_t i = 0; !m.stopping && i < m.npools && n < 64; i++) {
            struct pool_rt *p = &m.pools[i];
            /* ondemand: wake on a waiting connection when no child is idle */
            if (p->cfg->pm == PM_ONDEMAND && scoreboard_count(p->sb, SLOT_IDLE) == 0 &&
                scoreboard_count(p->sb, SLOT_STARTING) == 0 && children_count(&m, p, 0) < p->cfg->max_children &&
                clock_now_ms() >= p->next_spawn) {
                pfds[n++] = (struct pollfd){.fd = p->fd, .events = POLLIN};
            }
        }
        int rc = poll(pfds, (nfds_t)n, m.stopping ? 100 : MASTER_TICK_MS / 4);
        if (rc < 0 && errno != EINTR) {
            fcw_log(FCW_LOG_ERROR | FCW_LOG_ERRNO, "failed to wait: poll()");
            break;
        }
        for (size_t k = 1; rc > 0 && k < n; k++) {
            if (pfds[k].revents & POLLIN) {
                for (size_t i = 0; i < m.npools; i++) {
                    if (m.pools[i].fd == pfds[k].fd) {
                        m.pools[i].want_spawn = 1;
                    }
                }
            }
        }
        int sig;
        while ((sig = signals_next()) != 0) {
            switch (sig) {
            case SIGCHLD: children_reap(&m); break;
            case SIGTERM:
            case SIGQUIT:
            case SIGINT: begin_stop(&m); break;
            case SIGHUP:
            case SIGUSR2:
                if (!m.stopping) {
                    reload(&m);
                }
                break;
            case SIGUSR1:
                if (!m.stopping) {
                    reopen_logs(&m);
                }
                break;
            }
        }
        children_reap(&m);
        triggers_tick(&m);
        if (m.stopping && clock_now_ms() > m.stop_deadline + 5000) {
            fcw_log(FCW_LOG_WARNING, "children did not stop in time");
            break;
        }
    }
    for (size_t i = 0; i < m.npools; i++) {
        listen_close(m.pools[i].fd, m.pools[i].passed ? NULL : m.pools[i].cfg->listen);
        scoreboard_free(m.pools[i].sb);
    }
    free(m.pools);
    for (size_t i = 0; i < m.nretired; i++) {
        scoreboard_free(m.retired[i]);
    }
    free(m.retired);
    if (m.conf->global.pid_file) {
        unlink(m.conf->global.pid_file);
    }
    fcw_log(FCW_LOG_NOTICE, "stopped");
    conf_free(m.conf);
    return 0;
}
