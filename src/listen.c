/*
 * Opening listen sockets. A unix socket path that already exists is removed
 * only when it is a socket nobody accepts on, so a second fcworker cannot
 * steal the socket of a running one.
 */
#include "config.h"

#include "listen.h"

#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "log.h"
#include "users.h"

static int unix_in_use(const struct sockaddr_un *sa)
{
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return 0;
    }
    int rc = connect(fd, (const struct sockaddr *) sa, sizeof(*sa));
    close(fd);
    return rc == 0;
}

static int open_unix(const struct conf_pool *p)
{
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    if (strlen(p->listen) >= sizeof(sa.sun_path)) {
        fcw_log(FCW_LOG_ERROR, "[pool %s] listen path too long: %s", p->name, p->listen);
        return -1;
    }
    strcpy(sa.sun_path, p->listen);
    struct stat st;
    if (lstat(p->listen, &st) == 0) {
        if (!S_ISSOCK(st.st_mode)) {
            fcw_log(FCW_LOG_ERROR, "[pool %s] listen %s exists and is not a socket", p->name, p->listen);
            return -1;
        }
        if (unix_in_use(&sa)) {
            fcw_log(FCW_LOG_ERROR, "[pool %s] listen %s: another process is accepting on it", p->name,
                    p->listen);
            return -1;
        }
        unlink(p->listen);
    }
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        fcw_log(FCW_LOG_ERROR | FCW_LOG_ERRNO, "[pool %s] failed to create a socket: socket()", p->name);
        return -1;
    }
    mode_t old = umask(0777 & ~p->listen_mode);
    int rc = bind(fd, (struct sockaddr *) &sa, sizeof(sa));
    umask(old);
    if (rc < 0) {
        fcw_log(FCW_LOG_ERROR | FCW_LOG_ERRNO, "[pool %s] failed to bind %s: bind()", p->name, p->listen);
        close(fd);
        return -1;
    }
    if (chmod(p->listen, p->listen_mode) < 0) {
        fcw_log(FCW_LOG_WARNING | FCW_LOG_ERRNO, "[pool %s] failed to set the mode of %s: chmod()", p->name,
                p->listen);
    }
    if (p->listen_owner || p->listen_group) {
        uid_t uid = (uid_t) -1;
        gid_t gid = (gid_t) -1;
        char err[256];
        if ((p->listen_owner && users_find_user(p->listen_owner, &uid, NULL, err, sizeof(err)) < 0) ||
            (p->listen_group && users_find_group(p->listen_group, &gid, err, sizeof(err)) < 0)) {
            fcw_log(FCW_LOG_ERROR, "[pool %s] %s: %s", p->name, p->listen_owner && uid == (uid_t) -1 ?
                    "listen.owner" : "listen.group", err);
            listen_close(fd, p->listen);
            return -1;
        }
        if (chown(p->listen, uid, gid) < 0) {
            fcw_log(FCW_LOG_ERROR | FCW_LOG_ERRNO, "[pool %s] failed to set the owner of %s: chown()", p->name,
                    p->listen);
            listen_close(fd, p->listen);
            return -1;
        }
    }
    return fd;
}

/* "127.0.0.1:9000", "[::1]:9000", "localhost:9000", or "9000" (all addresses) */
static int open_inet(const struct conf_pool *p)
{
    char host[256] = "";
    const char *port;
    const char *colon = strrchr(p->listen, ':');
    if (p->listen[0] == '[') {
        const char *close_br = strchr(p->listen, ']');
        if (close_br == NULL || close_br[1] != ':' || (size_t) (close_br - p->listen - 1) >= sizeof(host)) {
            fcw_log(FCW_LOG_ERROR, "[pool %s] bad listen address %s", p->name, p->listen);
            return -1;
        }
        memcpy(host, p->listen + 1, (size_t) (close_br - p->listen - 1));
        host[close_br - p->listen - 1] = '\0';
        port = close_br + 2;
    } else if (colon != NULL) {
        if ((size_t) (colon - p->listen) >= sizeof(host)) {
            fcw_log(FCW_LOG_ERROR, "[pool %s] bad listen address %s", p->name, p->listen);
            return -1;
        }
        memcpy(host, p->listen, (size_t) (colon - p->listen));
        host[colon - p->listen] = '\0';
        port = colon + 1;
    } else {
        port = p->listen;
    }
    struct addrinfo hints = { .ai_flags = AI_PASSIVE | AI_NUMERICSERV, .ai_socktype = SOCK_STREAM };
    struct addrinfo *res = NULL;
    int gai = getaddrinfo(host[0] && strcmp(host, "*") != 0 ? host : NULL, port, &hints, &res);
    if (gai != 0) {
        fcw_log(FCW_LOG_ERROR, "[pool %s] cannot resolve listen address %s: %s", p->name, p->listen,
                gai_strerror(gai));
        return -1;
    }
    int fd = -1;
    for (struct addrinfo *ai = res; ai; ai = ai->ai_next) {
        fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
        if (fd < 0) {
            continue;
        }
        int one = 1;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
        if (bind(fd, ai->ai_addr, ai->ai_addrlen) == 0) {
            break;
        }
        fcw_log(FCW_LOG_ERROR | FCW_LOG_ERRNO, "[pool %s] failed to bind %s: bind()", p->name, p->listen);
        close(fd);
        fd = -1;
    }
    freeaddrinfo(res);
    return fd;
}

int listen_open(const struct conf_pool *p)
{
    int fd = p->listen[0] == '/' ? open_unix(p) : open_inet(p);
    if (fd < 0) {
        return -1;
    }
    if (listen(fd, p->listen_backlog > 0 ? p->listen_backlog : SOMAXCONN) < 0) {
        fcw_log(FCW_LOG_ERROR | FCW_LOG_ERRNO, "[pool %s] failed to listen on %s: listen()", p->name,
                p->listen);
        listen_close(fd, p->listen);
        return -1;
    }
    return fd;
}

void listen_close(int fd, const char *address)
{
    if (fd >= 0) {
        close(fd);
    }
    if (address && address[0] == '/') {
        unlink(address);
    }
}

int listen_is_socket(int fd)
{
    int accepting = 0;
    socklen_t len = sizeof(accepting);
    return getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &accepting, &len) == 0 && accepting;
}
