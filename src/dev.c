/* SPDX-License-Identifier: MIT */
/*
 * fcworker dev [DIR | wrangler.toml | SCRIPT] [--port N]: the development
 * loop. It writes a configuration with one pool for the project (its
 * wrangler file, or its entry: src/index.ts, index.js...; built with
 * fcworker-build, build = auto) into a private temporary folder, runs the
 * master on it (a child process: the pool and its limits are those of
 * production), and serves http://127.0.0.1:PORT/ (8787 by default) with
 * the small HTTP/1.1 front of dev_http.c, one process per connection, each
 * request relayed to the pool's socket as FastCGI. The master's log (the
 * build's errors with file:line, scripts' errors with source-mapped
 * stacks, console output) goes to the terminal, the front prints one line
 * per request.
 *
 * inotify watches the project's folders (not node_modules, not hidden
 * ones); a change, after 200 ms without another, reloads the master
 * (SIGHUP): it builds and checks the new version, and refuses it when it
 * does not build, leaving the old one serving. When the very first build
 * fails there is no master: the front answers 502 and the next change
 * starts it again.
 */
#include "config.h"

#include "dev.h"

#include "clock.h"

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define DEBOUNCE_MS 200

const char *dev_reason(int status)
{
    static const struct {
        int status;
        const char *reason;
    } reasons[] = {
        {200, "OK"},
        {201, "Created"},
        {202, "Accepted"},
        {204, "No Content"},
        {206, "Partial Content"},
        {301, "Moved Permanently"},
        {302, "Found"},
        {303, "See Other"},
        {304, "Not Modified"},
        {307, "Temporary Redirect"},
        {308, "Permanent Redirect"},
        {400, "Bad Request"},
        {401, "Unauthorized"},
        {403, "Forbidden"},
        {404, "Not Found"},
        {405, "Method Not Allowed"},
        {408, "Request Timeout"},
        {409, "Conflict"},
        {410, "Gone"},
        {413, "Content Too Large"},
        {415, "Unsupported Media Type"},
        {422, "Unprocessable Content"},
        {429, "Too Many Requests"},
        {500, "Internal Server Error"},
        {501, "Not Implemented"},
        {502, "Bad Gateway"},
        {503, "Service Unavailable"},
        {504, "Gateway Timeout"},
    };
    for (size_t i = 0; i < sizeof(reasons) / sizeof(reasons[0]); i++) {
        if (reasons[i].status == status) {
            return reasons[i].reason;
        }
    }
    return "";
}

static volatile sig_atomic_t stopping;

static void on_stop(int sig)
{
    (void)sig;
    stopping = 1;
}

static int is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* The pool's lines for target (a folder, a wrangler file or a script) and
 * the folder to watch. Returns 0, or -1 with a message in err. */
static int find_project(const char *target, char *pool, size_t poolcap, char *dir, size_t dircap, char *err,
                        size_t errlen)
{
    char real[PATH_MAX];
    if (realpath(target, real) == NULL) {
        snprintf(err, errlen, "%s: %s", target, strerror(errno));
        return -1;
    }
    struct stat st;
    if (stat(real, &st) < 0) {
        snprintf(err, errlen, "%s: %s", real, strerror(errno));
        return -1;
    }
    if (S_ISDIR(st.st_mode)) {
        static const char *const wranglers[] = {"wrangler.toml", "wrangler.json", "wrangler.jsonc"};
        static const char *const entries[] = {"src/index.ts",  "src/index.js",  "src/index.mjs",
                                              "src/worker.ts", "src/worker.js", "index.ts",
                                              "index.js",      "index.mjs",     "worker.js"};
        char path[PATH_MAX + 32];
        snprintf(dir, dircap, "%s", real);
        for (size_t i = 0; i < 3; i++) {
            snprintf(path, sizeof(path), "%s/%s", real, wranglers[i]);
            if (is_file(path)) {
                snprintf(pool, poolcap, "wrangler = %s\nbuild = auto\n", path);
                return 0;
            }
        }
        for (size_t i = 0; i < sizeof(entries) / sizeof(entries[0]); i++) {
            snprintf(path, sizeof(path), "%s/%s", real, entries[i]);
            if (is_file(path)) {
                snprintf(pool, poolcap, "script = %s\nbuild = auto\n", path);
                return 0;
            }
        }
        snprintf(err, errlen, "%s: no wrangler.toml, wrangler.json(c), src/index.{ts,js,mjs} or index.{ts,js,mjs}",
                 real);
        return -1;
    }
    char *slash = strrchr(real, '/');
    snprintf(dir, dircap, "%.*s", slash == real ? 1 : (int)(slash - real), real);
    if (ends_with(real, ".toml") || ends_with(real, ".json") || ends_with(real, ".jsonc")) {
        snprintf(pool, poolcap, "wrangler = %s\nbuild = auto\n", real);
    } else {
        snprintf(pool, poolcap, "script = %s\nbuild = auto\n", real);
    }
    return 0;
}

/* Watches dir and its folders (not hidden ones, not node_modules). */
static void watch_tree(int ifd, const char *dir, int depth)
{
    if (inotify_add_watch(ifd, dir, IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_TO | IN_MOVED_FROM) < 0 ||
        depth > 8) {
        return;
    }
    DIR *d = opendir(dir);
    if (d == NULL) {
        return;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || strcmp(e->d_name, "node_modules") == 0) {
            continue;
        }
        char path[PATH_MAX];
        struct stat st;
        if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, e->d_name) < sizeof(path) && lstat(path, &st) == 0 &&
            S_ISDIR(st.st_mode)) {
            watch_tree(ifd, path, depth + 1);
        }
    }
    closedir(d);
}

/* Whether the events in buf touch a file worth a rebuild (not an editor's
 * swap or backup file); a new folder is watched too. */
static int events_matter(int ifd, const char *dir, const char *buf, ssize_t n)
{
    int matter = 0;
    for (const char *p = buf; p < buf + n;) {
        const struct inotify_event *ev = (const struct inotify_event *)p;
        const char *name = ev->len ? ev->name : "";
        if (name[0] != '.' && !ends_with(name, "~") && !ends_with(name, ".swp") && !ends_with(name, ".swx") &&
            strcmp(name, "node_modules") != 0) {
            matter = 1;
            if ((ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_MOVED_TO))) {
                watch_tree(ifd, dir, 0); /* re-adding a watch is harmless */
            }
        }
        p += sizeof(*ev) + ev->len;
    }
    return matter;
}

static pid_t start_master(const char *self, const char *ini)
{
    pid_t pid = fork();
    if (pid == 0) {
        signal(SIGINT, SIG_DFL);
        signal(SIGTERM, SIG_DFL);
        if (geteuid() == 0) {
            execl(self, self, "-R", "-c", ini, (char *)NULL);
        } else {
            execl(self, self, "-c", ini, (char *)NULL);
        }
        _exit(127);
    }
    return pid;
}

static int listen_port(int port)
{
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int one = 1;
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) < 0 ||
        bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 || listen(fd, 64) < 0) {
        if (fd >= 0) {
            close(fd);
        }
        return -1;
    }
    return fd;
}

static void remove_tree(const char *dir)
{
    DIR *d = opendir(dir);
    if (d != NULL) {
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
                continue;
            }
            char path[PATH_MAX];
            struct stat st;
            snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
            if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
                remove_tree(path);
            } else {
                unlink(path);
            }
        }
        closedir(d);
    }
    rmdir(dir);
}

static void usage(FILE *f)
{
    fprintf(f, "usage: fcworker dev [DIR | wrangler.toml | SCRIPT] [--port N]\n"
               "  serves the worker on http://127.0.0.1:N/ (8787), rebuilt and reloaded on every change\n");
}

int dev_main(int argc, char **argv)
{
    int port = 8787, c;
    static const struct option longopts[] = {
        {"port", required_argument, NULL, 'p'}, {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    optind = 1;
    while ((c = getopt_long(argc, argv, "p:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'p': {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (*end != '\0' || v < 1 || v > 65535) {
                fprintf(stderr, "fcworker dev: --port: expected 1 to 65535\n");
                return 2;
            }
            port = (int)v;
            break;
        }
        case 'h': usage(stdout); return 0;
        default: usage(stderr); return 2;
        }
    }
    if (argc - optind > 1) {
        usage(stderr);
        return 2;
    }
    const char *target = optind < argc ? argv[optind] : ".";
    char pool[PATH_MAX + 64], dir[PATH_MAX], err[PATH_MAX + 256];
    if (find_project(target, pool, sizeof(pool), dir, sizeof(dir), err, sizeof(err)) < 0) {
        fprintf(stderr, "fcworker dev: %s\n", err);
        return 1;
    }
    char self[PATH_MAX];
    ssize_t sl = readlink("/proc/self/exe", self, sizeof(self) - 1);
    if (sl <= 0) {
        fprintf(stderr, "fcworker dev: cannot find the fcworker program: %s\n", strerror(errno));
        return 1;
    }
    self[sl] = '\0';
    const char *tmp = getenv("TMPDIR");
    char work[PATH_MAX - 64];
    snprintf(work, sizeof(work), "%s/fcworker-dev-XXXXXX", tmp && tmp[0] ? tmp : "/tmp");
    if (mkdtemp(work) == NULL) {
        fprintf(stderr, "fcworker dev: %s: %s\n", work, strerror(errno));
        return 1;
    }
    chmod(work, 0755);
    struct dev_front front = {.port = port, .client_addr = "127.0.0.1"};
    char ini[PATH_MAX + 16];
    snprintf(front.socket, sizeof(front.socket), "%s/dev.sock", work);
    snprintf(ini, sizeof(ini), "%s/fcworker.ini", work);
    FILE *f = fopen(ini, "w");
    if (f == NULL) {
        fprintf(stderr, "fcworker dev: %s: %s\n", ini, strerror(errno));
        remove_tree(work);
        return 1;
    }
    /* the project's cache of builds is kept between runs, in the default
     * place (build.c) */
    fprintf(f,
            "[global]\nerror_log = stderr\nlog_level = notice\npid = %s/fcworker.pid\n\n"
            "[pool:dev]\nlisten = %s\nlisten.mode = 0600\npm = static\npm.max_children = 2\n"
            "fetch.deny_private = no\n%s",
            work, front.socket, pool);
    fclose(f);

    int lfd = listen_port(port);
    if (lfd < 0) {
        fprintf(stderr, "fcworker dev: cannot listen on 127.0.0.1:%d: %s\n", port, strerror(errno));
        remove_tree(work);
        return 1;
    }
    int ifd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (ifd < 0) {
        fprintf(stderr, "fcworker dev: inotify: %s\n", strerror(errno));
    } else {
        watch_tree(ifd, dir, 0);
    }
    struct sigaction sa = {.sa_handler = on_stop};
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);

    fprintf(stderr, "fcworker dev: watching %s, serving http://127.0.0.1:%d/\n", dir, port);
    pid_t master = start_master(self, ini);
    double due = 0; /* a reload waiting for the changes to settle */
    while (!stopping) {
        struct pollfd p[2] = {{lfd, POLLIN, 0}, {ifd, POLLIN, 0}};
        int timeout = due > 0 ? (int)(due - clock_now_ms()) + 1 : 500;
        int n = poll(p, ifd >= 0 ? 2 : 1, timeout < 0 ? 0 : timeout);
        /* reap: connection handlers, and the master if it exited */
        int status;
        pid_t dead;
        while ((dead = waitpid(-1, &status, WNOHANG)) > 0) {
            if (dead == master) {
                master = 0;
                fprintf(stderr, "fcworker dev: the worker is not running; waiting for a change\n");
            }
        }
        if (n > 0 && (p[0].revents & POLLIN)) {
            struct sockaddr_in peer;
            socklen_t plen = sizeof(peer);
            int cfd = accept4(lfd, (struct sockaddr *)&peer, &plen, SOCK_CLOEXEC);
            if (cfd >= 0) {
                pid_t h = fork();
                if (h == 0) {
                    close(lfd);
                    inet_ntop(AF_INET, &peer.sin_addr, front.client_addr, sizeof(front.client_addr));
                    dev_serve_connection(cfd, &front);
                    _exit(0);
                }
                close(cfd);
            }
        }
        if (n > 0 && ifd >= 0 && (p[1].revents & POLLIN)) {
            char buf[8192] __attribute__((aligned(__alignof__(struct inotify_event))));
            ssize_t r;
            while ((r = read(ifd, buf, sizeof(buf))) > 0) {
                if (events_matter(ifd, dir, buf, r)) {
                    due = clock_now_ms() + DEBOUNCE_MS;
                }
            }
        }
        if (due > 0 && clock_now_ms() >= due) {
            due = 0;
            if (master > 0) {
                fprintf(stderr, "fcworker dev: change seen, rebuilding\n");
                kill(master, SIGHUP);
            } else {
                fprintf(stderr, "fcworker dev: change seen, starting the worker\n");
                master = start_master(self, ini);
            }
        }
    }
    if (master > 0) {
        kill(master, SIGTERM);
        waitpid(master, NULL, 0);
    }
    close(lfd);
    remove_tree(work);
    return 0;
}
