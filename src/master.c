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
 * A child that exits soon after its start is spawned again after a delay
 * that doubles each time (up to 10 s): a broken script never becomes a
 * crash loop.
 */
#include "config.h"

#include "master.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "child.h"
#include "listen.h"
#include "log.h"
#include "scoreboard.h"
#include "signals.h"

#define MASTER_TICK_MS 1000
#define MASTER_MAX_BACKOFF_MS 10000

struct pool_rt {
    struct conf_pool *cfg;
    int fd;
    struct scoreboard *sb;
    double next_spawn;
    unsigned backoff_ms;
    int want_spawn; /* ondemand: a connection is waiting */
};

struct child {
    pid_t pid;
    struct pool_rt *pool; /* NULL once the pool was replaced by a reload */
    struct scoreboard *sb;
    struct scoreboard_slot *slot;
    double started;
    int stopping;
    double kill_at;
    struct child *next;
};

struct master {
    struct conf *conf;
    const char *conf_path;
    struct pool_rt *pools;
    size_t npools;
    struct child *children;
    struct scoreboard **retired; /* scoreboards of replaced pools, freed when unused */
    size_t nretired;
    int stopping;
    double stop_deadline;
};

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double) ts.tv_sec * 1000.0 + (double) ts.tv_nsec / 1e6;
}

/* ---- checking scripts ---- */

static int check_pool(const struct conf_pool *pool, char *err, size_t errlen)
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) < 0) {
        snprintf(err, errlen, "failed to create a pipe: %s", strerror(errno));
        return -1;
    }
    pid_t pid = fork();
    if (pid < 0) {
        snprintf(err, errlen, "failed to fork: %s", strerror(errno));
        close(fds[0]);
        close(fds[1]);
        return -1;
    }
    if (pid == 0) {
        close(fds[0]);
        char msg[1024] = "";
        struct worker *w = worker_new(pool, NULL, NULL, msg, sizeof(msg));
        if (w == NULL) {
            ssize_t wr = write(fds[1], msg, strlen(msg));
            (void) wr;
            _exit(1);
        }
        worker_free(w);
        _exit(0);
    }
    close(fds[1]);
    size_t n = 0;
    ssize_t r;
    while (n + 1 < errlen && (r = read(fds[0], err + n, errlen - n - 1)) > 0) {
        n += (size_t) r;
    }
    err[n] = '\0';
    close(fds[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        return 0;
    }
    if (n == 0) {
        snprintf(err, errlen, "[pool %s] loading the worker failed (%s %d)", pool->name,
                 WIFSIGNALED(status) ? "signal" : "exit status",
                 WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
    }
    return -1;
}

int master_check(const struct conf *conf, char *err, size_t errlen)
{
    for (struct conf_pool *p = conf->pools; p; p = p->next) {
        if (check_pool(p, err, errlen) < 0) {
            return -1;
        }
    }
    return 0;
}

/* ---- children ---- */

static unsigned pool_children(const struct master *m, const struct pool_rt *pool, int include_stopping)
{
    unsigned n = 0;
    for (struct child *c = m->children; c; c = c->next) {
        n += c->pool == pool && (include_stopping || !c->stopping);
    }
    return n;
}

static int spawn(struct master *m, struct pool_rt *pool)
{
    struct scoreboard_slot *slot = scoreboard_claim(pool->sb);
    if (slot == NULL) {
        return -1;
    }
    struct child *c = calloc(1, sizeof(*c));
    if (c == NULL) {
        scoreboard_release(slot);
        return -1;
    }
    sigset_t old;
    signals_block(&old);
    pid_t pid = fork();
    if (pid == 0) {
        for (size_t i = 0; i < m->npools; i++) {
            if (&m->pools[i] != pool) {
                close(m->pools[i].fd);
            }
        }
        slot->pid = getpid();
        child_main(m->conf, pool->cfg, pool->fd, pool->sb, slot);
    }
    signals_restore(&old);
    if (pid < 0) {
        fcw_log(FCW_LOG_ERROR | FCW_LOG_ERRNO, "[pool %s] failed to fork a child: fork()", pool->cfg->name);
        scoreboard_release(slot);
        free(c);
        return -1;
    }
    slot->pid = pid;
    c->pid = pid;
    c->pool = pool;
    c->sb = pool->sb;
    c->slot = slot;
    c->started = now_ms();
    c->next = m->children;
    m->children = c;
    fcw_log(FCW_LOG_DEBUG, "[pool %s] child %ld started", pool->cfg->name, (long) pid);
    return 0;
}

static void stop_child(struct child *c, double timeout_ms)
{
    if (!c->stopping) {
        c->stopping = 1;
        c->kill_at = now_ms() + timeout_ms;
        kill(c->pid, SIGQUIT);
    }
}

static int scoreboard_in_use(const struct master *m, const struct scoreboard *sb)
{
    for (struct child *c = m->children; c; c = c->next) {
        if (c->sb == sb) {
            return 1;
        }
    }
    return 0;
}

static void free_retired(struct master *m)
{
    size_t k = 0;
    for (size_t i = 0; i < m->nretired; i++) {
        if (scoreboard_in_use(m, m->retired[i])) {
            m->retired[k++] = m->retired[i];
        } else {
            scoreboard_free(m->retired[i]);
        }
    }
    m->nretired = k;
}

static void reap(struct master *m)
{
    int status;
    pid_t pid;
    while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
        struct child **pp = &m->children, *c;
        while ((c = *pp) != NULL && c->pid != pid) {
            pp = &c->next;
        }
        if (c == NULL) {
            continue;
        }
        *pp = c->next;
        /* a child that got as far as accepting died of a request, not of
         * its script: no backoff for that */
        int was_ready = c->slot->state != SLOT_STARTING;
        scoreboard_release(c->slot);
        struct pool_rt *pool = c->pool;
        const char *name = pool ? pool->cfg->name : "(old)";
        double lived = now_ms() - c->started;
        if (WIFSIGNALED(status)) {
            fcw_log(c->stopping ? FCW_LOG_NOTICE : FCW_LOG_WARNING, "[pool %s] child %ld exited on signal %d (%s)",
                    name, (long) pid, WTERMSIG(status), strsignal(WTERMSIG(status)));
        } else if (WEXITSTATUS(status) != 0) {
            fcw_log(FCW_LOG_WARNING, "[pool %s] child %ld exited with code %d after %.0f ms", name, (long) pid,
                    WEXITSTATUS(status), lived);
        } else {
            fcw_log(FCW_LOG_DEBUG, "[pool %s] child %ld exited", name, (long) pid);
        }
        if (pool && !c->stopping) {
            int failed = (WIFEXITED(status) && WEXITSTATUS(status) != 0) || WIFSIGNALED(status);
            if (failed && !was_ready && lived < 1000 && !(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)) {
                pool->backoff_ms = pool->backoff_ms ? pool->backoff_ms * 2 : 100;
                if (pool->backoff_ms > MASTER_MAX_BACKOFF_MS) {
                    pool->backoff_ms = MASTER_MAX_BACKOFF_MS;
                }
                pool->next_spawn = now_ms() + pool->backoff_ms;
                fcw_log(FCW_LOG_WARNING, "[pool %s] child died %.0f ms after its start: next one in %u ms", name,
                        lived, pool->backoff_ms);
            } else if (!failed || lived >= 1000) {
                pool->backoff_ms = 0;
            }
        }
        free(c);
    }
    free_retired(m);
}

static unsigned target_size(const struct master *m, struct pool_rt *pool)
{
    const struct conf_pool *cfg = pool->cfg;
    unsigned total = pool_children(m, pool, 0);
    switch (cfg->pm) {
    case PM_STATIC:
        return cfg->max_children;
    case PM_DYNAMIC: {
        unsigned idle = scoreboard_count(pool->sb, SLOT_IDLE) + scoreboard_count(pool->sb, SLOT_STARTING);
        if (total == 0) {
            return cfg->start_servers;
        }
        if (idle < cfg->min_spare_servers) {
            return total + (cfg->min_spare_servers - idle);
        }
        return total;
    }
    case PM_ONDEMAND:
        return pool->want_spawn ? total + 1 : total;
    }
    return total;
}

/* Spawns up to the pool's target; retires spare idle children. */
static void maintain(struct master *m, struct pool_rt *pool)
{
    const struct conf_pool *cfg = pool->cfg;
    double now = now_ms();
    unsigned total = pool_children(m, pool, 0);
    unsigned want = target_size(m, pool);
    if (want > cfg->max_children) {
        if (cfg->pm != PM_STATIC && total >= cfg->max_children && pool->want_spawn) {
            pool->sb->max_children_reached++;
        }
        want = cfg->max_children;
    }
    pool->want_spawn = 0;
    if (now >= pool->next_spawn) {
        for (unsigned i = total; i < want; i++) {
            if (spawn(m, pool) < 0) {
                break;
            }
        }
    }
    if (cfg->pm == PM_DYNAMIC) {
        unsigned idle = scoreboard_count(pool->sb, SLOT_IDLE);
        for (struct child *c = m->children; c && idle > cfg->max_spare_servers; c = c->next) {
            if (c->pool == pool && !c->stopping && c->slot->state == SLOT_IDLE) {
                stop_child(c, m->conf->global.process_control_timeout_ms);
                idle--;
            }
        }
    } else if (cfg->pm == PM_ONDEMAND) {
        for (struct child *c = m->children; c; c = c->next) {
            if (c->pool == pool && !c->stopping && c->slot->state == SLOT_IDLE &&
                now - c->slot->idle_since > cfg->process_idle_timeout_ms) {
                stop_child(c, m->conf->global.process_control_timeout_ms);
            }
        }
    }
}

/* request_terminate_timeout, from outside: what the engine could not
 * interrupt (a catastrophic regex, a long native call) ends here. */
static void enforce_timeouts(struct master *m)
{
    double now = now_ms();
    for (struct child *c = m->children; c; c = c->next) {
        unsigned limit = c->pool ? c->pool->cfg->request_terminate_timeout_ms : 0;
        unsigned slow = c->pool ? c->pool->cfg->request_slowlog_timeout_ms : 0;
        double started = c->slot->request_started;
        if (slow && started > 0 && now - started > slow && c->slot->slow_logged != started) {
            c->slot->slow_logged = started;
            c->sb->slow_requests++;
            fcw_log(FCW_LOG_WARNING, "[pool %s] child %ld: request \"%s\" is slow: running for %.0f ms "
                    "(request_slowlog_timeout %u ms)", c->pool->cfg->name, (long) c->pid, c->slot->request,
                    now - started, slow);
        }
        if (limit && started > 0 && now - started > limit && !c->slot->terminating) {
            c->slot->terminating = 1;
            fcw_log(FCW_LOG_WARNING, "[pool %s] child %ld: request \"%s\" ran %.0f ms, over "
                    "request_terminate_timeout (%u ms): killing it",
                    c->pool->cfg->name, (long) c->pid, c->slot->request, now - started, limit);
            kill(c->pid, SIGKILL);
        }
        if (c->stopping && now > c->kill_at) {
            fcw_log(FCW_LOG_WARNING, "child %ld did not stop in time: killing it", (long) c->pid);
            kill(c->pid, SIGKILL);
            c->kill_at = now + 1e9;
        }
    }
}

/* ---- pools ---- */

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
                old[k].fd = -1;
            }
        }
        if (pools[i].fd < 0) {
            pools[i].fd = listen_open(p);
        }
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
                p->pm == PM_STATIC ? "static" : p->pm == PM_DYNAMIC ? "dynamic" : "ondemand",
                p->pm == PM_STATIC ? p->max_children : p->pm == PM_DYNAMIC ? p->start_servers : 0);
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
                stop_child(c, m->conf->global.process_control_timeout_ms);
            }
        }
        if (old[k].fd >= 0) {
            listen_close(old[k].fd, old[k].cfg->listen);
        }
        struct scoreboard **r = realloc(m->retired, (m->nretired + 1) * sizeof(*r));
        if (r != NULL) {
            m->retired = r;
            m->retired[m->nretired++] = old[k].sb;
        }
    }
    free(old);
    free_retired(m);
}

static void reload(struct master *m)
{
    char err[1024];
    fcw_log(FCW_LOG_NOTICE, "reloading %s", m->conf_path);
    struct conf *conf = conf_load(m->conf_path, err, sizeof(err));
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
    for (size_t i = 0; i < m->npools; i++) {
        maintain(m, &m->pools[i]);
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
    m->stop_deadline = now_ms() + m->conf->global.process_control_timeout_ms;
    fcw_log(FCW_LOG_NOTICE, "stopping: letting %s finish their requests",
            m->children ? "children" : "nothing");
    for (struct child *c = m->children; c; c = c->next) {
        stop_child(c, m->conf->global.process_control_timeout_ms);
    }
}

static void notify_children(struct master *m, int sig)
{
    for (struct child *c = m->children; c; c = c->next) {
        kill(c->pid, sig);
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
    fprintf(f, "%ld\n", (long) getpid());
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

int master_run(const char *conf_path, int daemonize)
{
    char err[1024];
    struct master m = { 0 };
    m.conf_path = conf_path;
    m.conf = conf_load(conf_path, err, sizeof(err));
    if (m.conf == NULL) {
        fprintf(stderr, "fcworker: %s\n", err);
        return 1;
    }
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
    int sigfd = signals_init_main();
    if (sigfd < 0 || pools_open(&m, m.conf, NULL, 0) < 0) {
        conf_free(m.conf);
        return 1;
    }
    const char *elog = m.conf->global.error_log;
    if (daemonize && daemonize_now(elog == NULL || strcmp(elog, "stderr") == 0) < 0) {
        fcw_log(FCW_LOG_ERROR | FCW_LOG_ERRNO, "failed to daemonize: fork()");
        return 1;
    }
    write_pid_file(m.conf->global.pid_file);
    fcw_log(FCW_LOG_NOTICE, "fcworker %s ready (pid %ld)", fcw_version(), (long) getpid());

    struct pollfd pfds[64];
    for (;;) {
        if (!m.stopping) {
            for (size_t i = 0; i < m.npools; i++) {
                maintain(&m, &m.pools[i]);
            }
        } else if (m.children == NULL) {
            break;
        }
        enforce_timeouts(&m);
        size_t n = 0;
        pfds[n++] = (struct pollfd){ .fd = sigfd, .events = POLLIN };
        for (size_t i = 0; !m.stopping && i < m.npools && n < 64; i++) {
            struct pool_rt *p = &m.pools[i];
            /* ondemand: wake on a waiting connection when no child is idle */
            if (p->cfg->pm == PM_ONDEMAND && scoreboard_count(p->sb, SLOT_IDLE) == 0 &&
                scoreboard_count(p->sb, SLOT_STARTING) == 0 && pool_children(&m, p, 0) < p->cfg->max_children &&
                now_ms() >= p->next_spawn) {
                pfds[n++] = (struct pollfd){ .fd = p->fd, .events = POLLIN };
            }
        }
        int rc = poll(pfds, (nfds_t) n, m.stopping ? 100 : MASTER_TICK_MS / 4);
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
            case SIGCHLD:
                reap(&m);
                break;
            case SIGTERM:
            case SIGQUIT:
            case SIGINT:
                begin_stop(&m);
                break;
            case SIGHUP:
            case SIGUSR2:
                if (!m.stopping) {
                    reload(&m);
                }
                break;
            case SIGUSR1:
                fcw_log_reopen();
                notify_children(&m, SIGUSR1);
                break;
            }
        }
        reap(&m);
        if (m.stopping && now_ms() > m.stop_deadline + 5000) {
            fcw_log(FCW_LOG_WARNING, "children did not stop in time");
            break;
        }
    }
    for (size_t i = 0; i < m.npools; i++) {
        listen_close(m.pools[i].fd, m.pools[i].cfg->listen);
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
