/* SPDX-License-Identifier: MIT */
/*
 * Forking a piece of work and capturing its output (see proc.h).
 */
#include "config.h"

#include "proc.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "clock.h"

/* Reads fd until it is closed or the deadline (0: none) passes; returns 0,
 * or -1 on a timeout. */
static int read_output(int fd, char *output, size_t outlen, double deadline)
{
    size_t n = 0;
    char discard[4096];
    for (;;) {
        int wait_ms = -1;
        if (deadline > 0) {
            double left = deadline - clock_now_ms();
            if (left <= 0) {
                output[n] = '\0';
                return -1;
            }
            wait_ms = (int)left + 1;
        }
        struct pollfd p = {fd, POLLIN, 0};
        int ready = poll(&p, 1, wait_ms);
        if (ready < 0 && errno == EINTR) {
            continue;
        }
        ssize_t got = ready > 0
                          ? (n + 1 < outlen ? read(fd, output + n, outlen - n - 1) : read(fd, discard, sizeof(discard)))
                          : 0;
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (ready != 0 && got <= 0) {
            break;
        }
        if (got > 0 && n + 1 < outlen) {
            n += (size_t)got;
        }
    }
    output[n] = '\0';
    return 0;
}

int proc_capture(void (*fn)(void *arg, int fd), void *arg, const char *what, unsigned timeout_ms, char *output,
                 size_t outlen, int *status)
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) < 0) {
        snprintf(output, outlen, "failed to create a pipe for %s: %s", what, strerror(errno));
        return -1;
    }
    pid_t pid = fork();
    if (pid < 0) {
        snprintf(output, outlen, "failed to fork for %s: %s", what, strerror(errno));
        close(fds[0]);
        close(fds[1]);
        return -1;
    }
    if (pid == 0) {
        close(fds[0]);
        fn(arg, fds[1]);
        _exit(127);
    }
    close(fds[1]);
    double deadline = timeout_ms ? clock_now_ms() + timeout_ms : 0;
    int timed_out = read_output(fds[0], output, outlen, deadline) < 0;
    close(fds[0]);
    if (timed_out) {
        kill(-pid, SIGKILL);
        kill(pid, SIGKILL);
    }
    *status = 0;
    while (waitpid(pid, status, 0) < 0 && errno == EINTR) {
    }
    if (timed_out) {
        snprintf(output, outlen, "%s did not finish within %u s", what, timeout_ms / 1000);
        return -1;
    }
    return 0;
}
