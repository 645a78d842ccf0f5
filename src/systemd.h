/* SPDX-License-Identifier: MIT */
/*
 * systemd integration without libsystemd: the sd_notify datagram protocol
 * (READY=1, RELOADING=1, STOPPING=1, STATUS=..., sent to $NOTIFY_SOCKET when
 * the service runs with Type=notify) and socket activation (listen sockets
 * passed as fds 3... with $LISTEN_FDS, $LISTEN_PID and $LISTEN_FDNAMES; a
 * pool takes the one whose FileDescriptorName= is the pool's name). Both do
 * nothing when the variables are not set.
 */
#ifndef FCW_SYSTEMD_H
#define FCW_SYSTEMD_H

/* Sends one notification ("READY=1", "STATUS=..."); 0, or -1 (ignored by
 * callers: a missing manager is not an error). */
int systemd_notify(const char *state);

/* Reads the passed sockets once (and unsets the variables so that children
 * do not see them). */
void systemd_listen_fds_init(void);
/* The passed socket named name, or -1; taken at most once. */
int systemd_listen_fd(const char *name);
/* Closes the passed sockets no pool took. */
void systemd_listen_fds_close_unused(void);

#endif
