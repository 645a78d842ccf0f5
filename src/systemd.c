/* SPDX-License-Identifier: MIT */
/*
 * sd_notify and socket activation, as systemd documents them
 * (sd_notify(3), sd_listen_fds(3)); see systemd.h.
 */
#include "config.h"

#include "systemd.h"

#include <errno.h>
#include <stddef.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "log.h"

#define SD_LISTEN_FDS_START 3
#define SYSTEMD_MAX_FDS 64

struct passed_fd {
    int fd;
    char name[256];
};

static struct passed_fd passed[SYSTEMD_MAX_FDS];
static int npassed;

int systemd_notify(const char *state)
{
    const char *path = getenv("NOTIFY_SOCKET");
    if (path == NULL || path[0] == '\0') {
        return 0;
    }
    struct sockaddr_un sa;
    memset(&sa, 0, sizeof(sa));
    sa.sun_family = AF_UNIX;
    size_t len = strlen(path);
    if ((path[0] != '/' && path[0] != '@') || len >= sizeof(sa.sun_path)) {
        return -1;
    }
    memcpy(sa.sun_path, path, len);
    if (path[0] == '@') {
        sa.sun_path[0] = '\0'; /* an abstract socket */
    }
    int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return -1;
    }
    socklen_t salen = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + len);
    ssize_t n = sendto(fd, state, strlen(state), MSG_NOSIGNAL, (struct sockaddr *)&sa, salen);
    close(fd);
    return n < 0 ? -1 : 0;
}

void systemd_listen_fds_init(void)
{
    const char *pid = getenv("LISTEN_PID");
    const char *fds = getenv("LISTEN_FDS");
    const char *names = getenv("LISTEN_FDNAMES");
    if (pid == NULL || fds == NULL || strtol(pid, NULL, 10) != (long)getpid()) {
        return;
    }
    long n = strtol(fds, NULL, 10);
    if (n < 0 || n > SYSTEMD_MAX_FDS) {
        fcw_log(FCW_LOG_WARNING, "LISTEN_FDS=%s: ignored (at most %d sockets)", fds, SYSTEMD_MAX_FDS);
        n = 0;
    }
    const char *p = names ? names : "";
    for (int i = 0; i < (int)n; i++) {
        size_t k = strcspn(p, ":");
        passed[i].fd = SD_LISTEN_FDS_START + i;
        snprintf(passed[i].name, sizeof(passed[i].name), "%.*s", (int)k, p);
        p += k + (p[k] == ':');
        fcntl(passed[i].fd, F_SETFD, FD_CLOEXEC);
    }
    npassed = (int)n;
    unsetenv("LISTEN_PID");
    unsetenv("LISTEN_FDS");
    unsetenv("LISTEN_FDNAMES");
}

int systemd_listen_fd(const char *name)
{
    for (int i = 0; i < npassed; i++) {
        if (passed[i].fd >= 0 && strcmp(passed[i].name, name) == 0) {
            int fd = passed[i].fd;
            passed[i].fd = -1;
            return fd;
        }
    }
    return -1;
}

void systemd_listen_fds_close_unused(void)
{
    for (int i = 0; i < npassed; i++) {
        if (passed[i].fd >= 0) {
            fcw_log(FCW_LOG_WARNING, "socket %d passed by systemd (name \"%s\") matches no pool: closed", passed[i].fd,
                    passed[i].name);
            close(passed[i].fd);
            passed[i].fd = -1;
        }
    }
}
