/* SPDX-License-Identifier: MIT */
/*
 * The directive tables of fcworker.ini, shared by the reader (conf.c) and
 * the printer of the effective configuration (conf_dump.c): each row is a
 * key, the kind of value it takes and where the value goes.
 */
#ifndef FCW_CONF_TABLE_H
#define FCW_CONF_TABLE_H

#include <stddef.h>

enum conf_kind {
    CK_STRING,    /* text, unset (NULL) unless written */
    CK_UINT,      /* 0 .. UINT_MAX */
    CK_INT,       /* INT_MIN .. INT_MAX */
    CK_SIZE,      /* size_t bytes: 512k, 16m, 1g */
    CK_MEGABYTES, /* size_t bytes, written as a number of megabytes */
    CK_SECONDS,   /* unsigned ms; a plain number is seconds */
    CK_MS,        /* unsigned ms; a plain number is milliseconds */
    CK_MODE,      /* unsigned, octal */
    CK_BOOL,      /* int 0 or 1 */
    CK_PM,        /* enum conf_pm */
    CK_BUILD,     /* enum conf_build */
    CK_LEVEL,     /* a log level */
    CK_HEADER,    /* a header name (letters, digits, '-'), or empty */
    CK_LOG_FORMAT /* int: 0 text, 1 json */
};

struct conf_directive {
    const char *name;
    enum conf_kind kind;
    size_t offset;
};

/* NULL-terminated */
extern const struct conf_directive conf_global_directives[];
extern const struct conf_directive conf_pool_directives[];

#endif
