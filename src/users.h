/* SPDX-License-Identifier: MIT */
/*
 * User and group lookup for the pools' `user`/`group` and
 * `listen.owner`/`listen.group`: one place that turns a name into ids and
 * says what is wrong when it cannot.
 */
#ifndef FCW_USERS_H
#define FCW_USERS_H

#include <stddef.h>
#include <sys/types.h>

/* The uid and primary gid of user name; 0, or -1 with a message in err. */
int users_find_user(const char *name, uid_t *uid, gid_t *gid, char *err, size_t errlen);
/* The gid of group name; 0, or -1 with a message in err. */
int users_find_group(const char *name, gid_t *gid, char *err, size_t errlen);

/* Becomes user (and group, or the user's primary group) when running as
 * root; does nothing otherwise or when user is NULL. 0, or -1 with err. */
int users_switch(const char *user, const char *group, char *err, size_t errlen);

#endif
