/* SPDX-License-Identifier: MIT */
/*
 * The benchmark's floor for a FastCGI backend: the least a libfcgi
 * responder can do. It answers every request with the same text and
 * headers as contrib/examples/hello.js, from a prefork pool that shares one listen
 * socket the way fcworker's and PHP-FPM's children do. The parent only
 * forks the children and, on SIGTERM, SIGINT or SIGQUIT, stops them and
 * removes the socket. libfcgi keeps a connection open when the front server
 * asks for it (FCGI_KEEP_CONN), so the keep-alive rows need nothing extra.
 *
 *   bare-responder SOCKET_PATH [CHILDREN]     (CHILDREN defaults to 4)
 *
 * Built by contrib/bench/run: cc -O2 -Wall -Wextra bare-responder.c -lfcgi
 */
#include <errno.h>
#include <fcgiapp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_CHILDREN 64

static const char response[] =
    "Content-Type: text/plain; charset=utf-8\r\n"
    "\r\n"
    "Hello from fcworker!\n";

static volatile sig_atomic_t stopping;

static void on_stop(int sig)
{
    (void) sig;
    stopping = 1;
}

/* A child: accept and answer until the parent's SIGTERM ends it. */
static void serve(int listen_fd)
{
    FCGX_Request req;
    if (FCGX_InitRequest(&req, listen_fd, 0) != 0) {
        _exit(1);
    }
    while (FCGX_Accept_r(&req) >= 0) {
        FCGX_PutStr(response, (int) sizeof(response) - 1, req.out);
        FCGX_Finish_r(&req);
    }
    _exit(0);
}

static int install_stop_handlers(void)
{
    struct sigaction sa = { 0 };
    sa.sa_handler = on_stop;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGTERM, &sa, NULL) < 0 || sigaction(SIGINT, &sa, NULL) < 0
        || sigaction(SIGQUIT, &sa, NULL) < 0) {
        return -1;
    }
    return 0;
}

static int fork_children(int listen_fd, pid_t *pids, int n)
{
    for (int i = 0; i < n; i++) {
        pids[i] = fork();
        if (pids[i] < 0) {
            perror("bare-responder: fork");
            return -1;
        }
        if (pids[i] == 0) {
            signal(SIGTERM, SIG_DFL);
            signal(SIGINT, SIG_DFL);
            signal(SIGQUIT, SIG_DFL);
            serve(listen_fd);
        }
    }
    return 0;
}

/* A child that ended on its own is not signalled later: its PID may be reused. */
static void forget_child(pid_t *pids, int n, pid_t done)
{
    for (int i = 0; i < n; i++) {
        if (done > 0 && pids[i] == done) {
            pids[i] = 0;
        }
    }
}

static void stop_children(const pid_t *pids, int n)
{
    for (int i = 0; i < n; i++) {
        if (pids[i] > 0) {
            kill(pids[i], SIGTERM);
        }
    }
    for (int i = 0; i < n; i++) {
        if (pids[i] > 0) {
            waitpid(pids[i], NULL, 0);
        }
    }
}

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: bare-responder SOCKET_PATH [CHILDREN]\n");
        return 2;
    }
    int n = argc == 3 ? atoi(argv[2]) : 4;
    if (n < 1 || n > MAX_CHILDREN) {
        fprintf(stderr, "bare-responder: CHILDREN must be 1..%d\n", MAX_CHILDREN);
        return 2;
    }
    if (FCGX_Init() != 0) {
        fprintf(stderr, "bare-responder: FCGX_Init failed\n");
        return 1;
    }
    /* the front server's workers may run as another user */
    umask(0);
    unlink(argv[1]);
    int listen_fd = FCGX_OpenSocket(argv[1], 511);
    if (listen_fd < 0) {
        fprintf(stderr, "bare-responder: cannot listen on %s\n", argv[1]);
        return 1;
    }
    if (install_stop_handlers() < 0) {
        perror("bare-responder: sigaction");
        return 1;
    }
    pid_t pids[MAX_CHILDREN] = { 0 };
    int rc = fork_children(listen_fd, pids, n) < 0;
    while (!rc && !stopping) {
        pid_t done = wait(NULL);
        if (done < 0 && errno != EINTR) {
            break;
        }
        forget_child(pids, n, done);
    }
    stop_children(pids, n);
    unlink(argv[1]);
    return rc;
}
