/* SPDX-License-Identifier: MIT */
/*
 * Which addresses an outgoing fetch() may connect to: loopback, private,
 * link-local and other non-public addresses are refused unless
 * fetch.deny_private is off, or the pool's fetch.allow list names them (as
 * a CIDR block, an address, or a host name, each with an optional port).
 * Checked on every connection libcurl opens, after resolution (a name that
 * resolves or rebinds to a private address is refused like the address),
 * and per redirect hop (each is its own transfer). A leaf of lib/.
 */
#ifndef FCW_FETCH_GUARD_H
#define FCW_FETCH_GUARD_H

#include <stddef.h>
#include <sys/socket.h>

#include "fcw.h"

/* True for addresses that are not public unicast. */
int fcw_fetch_guard_is_private(const struct sockaddr *sa);

/* True when allow (a comma- or space-separated list, may be NULL) names the
 * host of a URL with this port by name ("api.internal", "localhost:8080").
 * host is the URL's hostname (brackets of IPv6 literals removed). */
int fcw_fetch_guard_allows_host(const char *allow, const char *host, size_t hostlen, int port);

/* True when allow names the address (and port) by an IP or CIDR entry
 * ("127.0.0.1", "10.0.0.0/8", "[::1]:9000", "192.168.1.5:443"). */
int fcw_fetch_guard_allows_address(const char *allow, const struct sockaddr *sa);

#endif
