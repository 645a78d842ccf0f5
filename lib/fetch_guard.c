/* SPDX-License-Identifier: MIT */
/*
 * The address guard of outgoing fetch() (see fetch_guard.h).
 */
#include "config.h"

#include "fetch_guard.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int fcw_fetch_guard_is_private(const struct sockaddr *sa)
{
    if (sa->sa_family == AF_INET) {
        uint32_t a = ntohl(((const struct sockaddr_in *)sa)->sin_addr.s_addr);
        return (a >> 24) == 0 || (a >> 24) == 10 || (a >> 24) == 127 || (a >> 16) == 0xA9FE || (a >> 20) == 0xAC1 ||
               (a >> 16) == 0xC0A8 || (a >> 22) == (100u << 2 | 1) || a >= 0xE0000000u;
    }
    if (sa->sa_family == AF_INET6) {
        const struct in6_addr *a6 = &((const struct sockaddr_in6 *)sa)->sin6_addr;
        if (IN6_IS_ADDR_V4MAPPED(a6) || IN6_IS_ADDR_V4COMPAT(a6)) {
            struct sockaddr_in v4 = {.sin_family = AF_INET};
            memcpy(&v4.sin_addr, a6->s6_addr + 12, 4);
            return fcw_fetch_guard_is_private((const struct sockaddr *)&v4);
        }
        return IN6_IS_ADDR_UNSPECIFIED(a6) || IN6_IS_ADDR_LOOPBACK(a6) || IN6_IS_ADDR_LINKLOCAL(a6) ||
               IN6_IS_ADDR_SITELOCAL(a6) || IN6_IS_ADDR_MULTICAST(a6) || (a6->s6_addr[0] & 0xFE) == 0xFC;
    }
    return 1;
}

/* One entry of an allow list, split: an address with a prefix length
 * (family 0 for a host name), the name, and the port (0: any). */
struct entry {
    int family;
    unsigned char addr[16];
    int prefix;
    char name[256];
    int port;
};

/* Parses text[0..len) as an entry; 0, or -1 when it is not one. */
static int parse_entry(const char *text, size_t len, struct entry *e)
{
    char buf[300];
    if (len == 0 || len >= sizeof(buf)) {
        return -1;
    }
    memcpy(buf, text, len);
    buf[len] = '\0';
    memset(e, 0, sizeof(*e));
    e->prefix = -1;
    char *host = buf, *port = NULL, *slash = strchr(buf, '/');
    if (buf[0] == '[') {
        char *close = strchr(buf, ']');
        if (close == NULL || (close[1] != '\0' && close[1] != ':')) {
            return -1;
        }
        *close = '\0';
        host = buf + 1;
        port = close[1] == ':' ? close + 2 : NULL;
    } else if (slash == NULL && strchr(buf, ':') == strrchr(buf, ':') && strchr(buf, ':') != NULL) {
        port = strchr(buf, ':');
        *port++ = '\0';
    }
    if (port != NULL) {
        char *end;
        long p = strtol(port, &end, 10);
        if (*port == '\0' || *end != '\0' || p < 1 || p > 65535) {
            return -1;
        }
        e->port = (int)p;
    }
    if (slash != NULL) {
        char *end;
        *slash = '\0';
        long p = strtol(slash + 1, &end, 10);
        if (slash[1] == '\0' || *end != '\0' || p < 0) {
            return -1;
        }
        e->prefix = (int)p;
    }
    if (inet_pton(AF_INET, host, e->addr) == 1) {
        e->family = AF_INET;
    } else if (inet_pton(AF_INET6, host, e->addr) == 1) {
        e->family = AF_INET6;
    } else {
        if (e->prefix >= 0 || host[0] == '\0' || strlen(host) >= sizeof(e->name)) {
            return -1;
        }
        for (const char *c = host; *c; c++) {
            if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') || *c == '-' ||
                  *c == '.' || *c == '_')) {
                return -1;
            }
        }
        snprintf(e->name, sizeof(e->name), "%s", host);
        return 0;
    }
    int bits = e->family == AF_INET ? 32 : 128;
    if (e->prefix > bits) {
        return -1;
    }
    if (e->prefix < 0) {
        e->prefix = bits;
    }
    return 0;
}

/* Calls fn for each entry of allow until it returns nonzero; returns that,
 * or -1 at a malformed entry (whose text is in *bad), or 0. */
static int each_entry(const char *allow, int (*fn)(const struct entry *e, const void *arg), const void *arg,
                      const char **bad, size_t *badlen)
{
    for (const char *p = allow ? allow : ""; *p;) {
        p += strspn(p, ", \t");
        size_t n = strcspn(p, ", \t");
        if (n == 0) {
            break;
        }
        struct entry e;
        if (parse_entry(p, n, &e) < 0) {
            if (bad != NULL) {
                *bad = p;
                *badlen = n;
            }
            return -1;
        }
        int r = fn(&e, arg);
        if (r) {
            return r;
        }
        p += n;
    }
    return 0;
}

struct host_query {
    const char *host;
    size_t len;
    int port;
};

static int match_host(const struct entry *e, const void *arg)
{
    const struct host_query *q = arg;
    return e->family == 0 && strlen(e->name) == q->len && strncasecmp(e->name, q->host, q->len) == 0 &&
           (e->port == 0 || e->port == q->port);
}

int fcw_fetch_guard_allows_host(const char *allow, const char *host, size_t hostlen, int port)
{
    struct host_query q = {host, hostlen, port};
    return each_entry(allow, match_host, &q, NULL, NULL) == 1;
}

static int match_address(const struct entry *e, const void *arg)
{
    const struct sockaddr *sa = arg;
    unsigned char addr[16];
    int family = sa->sa_family, port;
    if (family == AF_INET) {
        memcpy(addr, &((const struct sockaddr_in *)sa)->sin_addr, 4);
        port = ntohs(((const struct sockaddr_in *)sa)->sin_port);
    } else if (family == AF_INET6) {
        memcpy(addr, &((const struct sockaddr_in6 *)sa)->sin6_addr, 16);
        port = ntohs(((const struct sockaddr_in6 *)sa)->sin6_port);
    } else {
        return 0;
    }
    if (e->family != family || (e->port != 0 && e->port != port)) {
        return 0;
    }
    int full = e->prefix / 8, rest = e->prefix % 8;
    if (memcmp(addr, e->addr, (size_t)full) != 0) {
        return 0;
    }
    return rest == 0 || ((addr[full] ^ e->addr[full]) & (0xFF << (8 - rest))) == 0;
}

int fcw_fetch_guard_allows_address(const char *allow, const struct sockaddr *sa)
{
    return each_entry(allow, match_address, sa, NULL, NULL) == 1;
}

static int match_none(const struct entry *e, const void *arg)
{
    (void)e;
    (void)arg;
    return 0;
}

int fcw_fetch_guard_check(const char *allow, char *err, size_t errlen)
{
    const char *bad = NULL;
    size_t badlen = 0;
    if (each_entry(allow, match_none, NULL, &bad, &badlen) < 0) {
        snprintf(err, errlen, "\"%.*s\" is not a host[:port], an address[:port] or a CIDR block", (int)badlen, bad);
        return -1;
    }
    return 0;
}
