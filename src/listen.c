/* SPDX-License-Identifier: MIT */
/*
 * Opening listen sockets. A unix socket path that already exists is removed
 * only when it is a socket nobody accepts on, so a second fcworker cannot
 * steal the socket of a running one.
 */
#include "config.h"

#include "listen.h"

#include <arpa/inet.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
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
    int rc = connect(fd, (const struct sockaddr *)sa, sizeof(*sa));
    close(fd);
    return rc == 0;
}

static int open_unix(const struct conf_pool *p)
{
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
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
            fcw_log(FCW_LOG_ERROR, "[pool %s] listen %s: another process is accepting on it", p->name, p->listen);
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
    int rc = bind(fd, (struct sockaddr *)&sa, sizeof(sa));
    umask(old);
    if (rc < 0) {
        fcw_log(FCW_LOG_ERROR | FCW_LOG_ERRNO, "[pool %s] failed to bind %s: bind()", p->name, p->listen);
        close(fd);
        return -1;
    }
    if (chmod(p->listen, p->listen_mode) < 0) {
        fcw_log(FCW_LOG_WARNING | FCW_LOG_ERRNO, "[pool %s] failed to set the mode of %s: chmod()", p->name, p->listen);
    }
    if (p->listen_owner || p->listen_group) {
        uid_t uid = (uid_t)-1;
        gid_t gid = (gid_t)-1;
        char err[256];
        if ((p->listen_owner && users_find_user(p->listen_owner, &uid, NULL, err, sizeof(err)) < 0) ||
            (p->listen_group && users_find_group(p->listen_group, &gid, err, sizeof(err)) < 0)) {
            fcw_log(FCW_LOG_ERROR, "[pool %s] %s: %s", p->name,
                    p->listen_owner && uid == (uid_t)-1 ? "listen.owner" : "listen.group", err);
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

/* Splits "127.0.0.1:9000", "[::1]:9000", "localhost:9000" or "9000" (all
 * addresses) into host (empty for all) and port; checks the port is a
 * number from 1 to 65535. Returns 0, or -1 with a message in err. */
static int split_inet(const char *listen_addr, char *host, size_t hostlen, const char **port, char *err, size_t errlen)
{
    const char *colon = strrchr(listen_addr, ':');
    host[0] = '\0';
    if (listen_addr[0] == '[') {
        const char *close_br = strchr(listen_addr, ']');
        if (close_br == NULL || close_br[1] != ':' || (size_t)(close_br - listen_addr - 1) >= hostlen) {
            snprintf(err, errlen, "bad listen address %s", listen_addr);
            return -1;
        }
        memcpy(host, listen_addr + 1, (size_t)(close_br - listen_addr - 1));
        host[close_br - listen_addr - 1] = '\0';
        *port = close_br + 2;
    } else if (colon != NULL) {
        if ((size_t)(colon - listen_addr) >= hostlen) {
            snprintf(err, errlen, "bad listen address %s", listen_addr);
            return -1;
        }
        memcpy(host, listen_addr, (size_t)(colon - listen_addr));
        host[colon - listen_addr] = '\0';
        *port = colon + 1;
    } else {
        *port = listen_addr;
    }
    char *end;
    long n = strtol(*port, &end, 10);
    if (**port == '\0' || *end != '\0' || n < 1 || n > 65535) {
        snprintf(err, errlen, "listen %s: the port must be a number from 1 to 65535", listen_addr);
        return -1;
    }
    return 0;
}

static int open_inet(const struct conf_pool *p)
{
    char host[256], err[300];
    const char *port;
    if (split_inet(p->listen, host, sizeof(host), &port, err, sizeof(err)) < 0) {
        fcw_log(FCW_LOG_ERROR, "[pool %s] %s", p->name, err);
        return -1;
    }
    struct addrinfo hints = {.ai_flags = AI_PASSIVE | AI_NUMERICSERV, .ai_socktype = SOCK_STREAM};
    struct addrinfo *res = NULL;
    int gai = getaddrinfo(host[0] && strcmp(host, "*") != 0 ? host : NULL, port, &hints, &res);
    if (gai != 0) {
        fcw_log(FCW_LOG_ERROR, "[pool %s] cannot resolve listen address %s: %s", p->name, p->listen, gai_strerror(gai));
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

/* listen.allowed_clients: every entry must be an IPv4 or IPv6 address. */
static int check_allowed_clients(const char *list, char *err, size_t errlen)
{
    for (const char *p = list; *p;) {
        p += strspn(p, ", \t");
        size_t n = strcspn(p, ", \t");
        if (n == 0) {
            break;
        }
        char addr[INET6_ADDRSTRLEN + 1];
        unsigned char raw[sizeof(struct in6_addr)];
        if (n >= sizeof(addr)) {
            snprintf(err, errlen, "listen.allowed_clients: %.*s... is not an IP address", 40, p);
            return -1;
        }
        memcpy(addr, p, n);
        addr[n] = '\0';
        if (inet_pton(AF_INET, addr, raw) != 1 && inet_pton(AF_INET6, addr, raw) != 1) {
            snprintf(err, errlen, "listen.allowed_clients: %s is not an IP address", addr);
            return -1;
        }
        p += n;
    }
    return 0;
}

int listen_check(const struct conf_pool *p, char *err, size_t errlen)
{
    if (p->listen[0] == '/') {
        struct sockaddr_un sun;
        if (strlen(p->listen) >= sizeof(sun.sun_path)) {
            snprintf(err, errlen, "listen %s: a unix socket path must be shorter than %zu bytes", p->listen,
                     sizeof(sun.sun_path));
            return -1;
        }
        char dir[sizeof(sun.sun_path)];
        snprintf(dir, sizeof(dir), "%s", p->listen);
        char *slash = strrchr(dir, '/');
        if (slash == dir) {
            slash[1] = '\0';
        } else {
            *slash = '\0';
        }
        struct stat st;
        if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode)) {
            snprintf(err, errlen, "listen %s: the directory %s does not exist", p->listen, dir);
            return -1;
        }
    } else {
        char host[256];
        const char *port;
        if (split_inet(p->listen, host, sizeof(host), &port, err, errlen) < 0) {
            return -1;
        }
        struct addrinfo hints = {.ai_flags = AI_PASSIVE | AI_NUMERICSERV, .ai_socktype = SOCK_STREAM};
        struct addrinfo *res = NULL;
        int gai = getaddrinfo(host[0] && strcmp(host, "*") != 0 ? host : NULL, port, &hints, &res);
        if (gai != 0) {
            snprintf(err, errlen, "cannot resolve listen address %s: %s", p->listen, gai_strerror(gai));
            return -1;
        }
        freeaddrinfo(res);
    }
    uid_t uid;
    gid_t gid;
    if (p->listen_owner && users_find_user(p->listen_owner, &uid, NULL, err, errlen) < 0) {
        return -1;
    }
    if (p->listen_group && users_find_group(p->listen_group, &gid, err, errlen) < 0) {
        return -1;
    }
    if (p->listen_allowed_clients && check_allowed_clients(p->listen_allowed_clients, err, errlen) < 0) {
        return -1;
    }
    return 0;
}

int listen_open(const struct conf_pool *p)
{
    int fd = p->listen[0] == '/' ? open_unix(p) : open_inet(p);
    if (fd < 0) {
        return -1;
    }
    if (listen(fd, p->listen_backlog > 0 ? p->listen_backlog : SOMAXCONN) < 0) {
        fcw_log(FCW_LOG_ERROR | FCW_LOG_ERRNO, "[pool %s] failed to listen on %s: listen()", p->name, p->listen);
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

/* A unix socket's pending connections, from the kernel's sock_diag
 * interface (UNIX_DIAG_RQLEN: for a listening socket, the first number is
 * its accept queue). */
static int unix_queue_length(int fd, unsigned *len)
{
    struct stat st;
    if (fstat(fd, &st) < 0) {
        return -1;
    }
    int nl = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
    if (nl < 0) {
        return -1;
    }
    struct {
        struct nlmsghdr nlh;
        struct unix_diag_req req;
    } msg;
    memset(&msg, 0, sizeof(msg));
    msg.nlh.nlmsg_len = sizeof(msg);
    msg.nlh.nlmsg_type = SOCK_DIAG_BY_FAMILY;
    msg.nlh.nlmsg_flags = NLM_F_REQUEST;
    msg.req.sdiag_family = AF_UNIX;
    msg.req.udiag_states = 1u << 10; /* TCP_LISTEN */
    msg.req.udiag_ino = (unsigned)st.st_ino;
    msg.req.udiag_show = UDIAG_SHOW_RQLEN;
    msg.req.udiag_cookie[0] = msg.req.udiag_cookie[1] = ~0u;
    long reply[1024];
    ssize_t n = -1;
    if (send(nl, &msg, sizeof(msg), 0) == (ssize_t)sizeof(msg)) {
        n = recv(nl, reply, sizeof(reply), 0);
    }
    close(nl);
    int found = -1;
    for (struct nlmsghdr *h = (struct nlmsghdr *)reply; n > 0 && NLMSG_OK(h, (size_t)n); h = NLMSG_NEXT(h, n)) {
        if (h->nlmsg_type != SOCK_DIAG_BY_FAMILY) {
            break;
        }
        struct unix_diag_msg *d = NLMSG_DATA(h);
        int alen = (int)(h->nlmsg_len - NLMSG_LENGTH(sizeof(*d)));
        for (struct rtattr *a = (struct rtattr *)(d + 1); RTA_OK(a, alen); a = RTA_NEXT(a, alen)) {
            if (a->rta_type == UNIX_DIAG_RQLEN && RTA_PAYLOAD(a) >= sizeof(struct unix_diag_rqlen)) {
                *len = ((struct unix_diag_rqlen *)RTA_DATA(a))->udiag_rqueue;
                found = 0;
            }
        }
    }
    return found;
}

int listen_queue_length(int fd, unsigned *len)
{
    struct sockaddr_storage sa;
    socklen_t salen = sizeof(sa);
    if (getsockname(fd, (struct sockaddr *)&sa, &salen) < 0) {
        return -1;
    }
    if (sa.ss_family == AF_UNIX) {
        return unix_queue_length(fd, len);
    }
    /* a listening TCP socket reports its accept queue as tcpi_unacked */
    struct tcp_info ti;
    socklen_t tlen = sizeof(ti);
    if (getsockopt(fd, IPPROTO_TCP, TCP_INFO, &ti, &tlen) < 0) {
        return -1;
    }
    *len = ti.tcpi_unacked;
    return 0;
}
