/* SPDX-License-Identifier: MIT */
/*
 * User and group lookup (see users.h).
 */
#include "config.h"

#include "users.h"

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* getpwnam(3): these mean "no such entry", not a failed look-up. */
static int not_found(int e)
{
    return e == 0 || e == ENOENT || e == ESRCH || e == EBADF || e == EPERM;
}

int users_find_user(const char *name, uid_t *uid, gid_t *gid, char *err, size_t errlen)
{
    errno = 0;
    struct passwd *pw = getpwnam(name);
    if (pw == NULL) {
        if (!not_found(errno)) {
            snprintf(err, errlen, "cannot look up user %s: %s", name, strerror(errno));
        } else {
            snprintf(err, errlen, "user %s does not exist", name);
        }
        return -1;
    }
    *uid = pw->pw_uid;
    if (gid != NULL) {
        *gid = pw->pw_gid;
    }
    return 0;
}

int users_find_group(const char *name, gid_t *gid, char *err, size_t errlen)
{
    errno = 0;
    struct group *gr = getgrnam(name);
    if (gr == NULL) {
        if (!not_found(errno)) {
            snprintf(err, errlen, "cannot look up group %s: %s", name, strerror(errno));
        } else {
            snprintf(err, errlen, "group %s does not exist", name);
        }
        return -1;
    }
    *gid = gr->gr_gid;
    return 0;
}

int users_switch(const char *user, const char *group, char *err, size_t errlen)
{
    if (geteuid() != 0 || user == NULL) {
        return 0;
    }
    uid_t uid;
    gid_t gid;
    if (users_find_user(user, &uid, &gid, err, errlen) < 0 ||
        (group && users_find_group(group, &gid, err, errlen) < 0)) {
        return -1;
    }
    if (setgid(gid) < 0 || initgroups(user, gid) < 0 || setuid(uid) < 0) {
        snprintf(err, errlen, "failed to become user %s: %s", user, strerror(errno));
        return -1;
    }
    return 0;
}
