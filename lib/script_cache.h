/* SPDX-License-Identifier: MIT */
/*
 * The bytecode cache of a process that serves one request (CGI): a worker
 * script's image (lib/script_image.h) kept in a folder between processes,
 * one file per script, so that the next request loads its bytecode instead
 * of compiling the source (lib/script_cache.c). Internal to lib/ (and tests).
 *
 * A cache file, integers 32- and 64-bit big-endian:
 *
 *   "FCWCACH1"  stamp-length stamp  checksum(64-bit)  image-length image
 *
 * where stamp names the build (fcworker's version and Duktape's build, as
 * the caller gives it) and checksum is FNV-1a of the image. The file's name
 * comes from the script's path, device and inode; what it holds is checked
 * against the script's text again by fcw_script_image_check (the text's
 * length and hash), so a script that changed gets a new image.
 */
#ifndef FCW_SCRIPT_CACHE_H
#define FCW_SCRIPT_CACHE_H

#include <stddef.h>
#include <sys/stat.h>

#define FCW_SCRIPT_CACHE_MAGIC "FCWCACH1"
#define FCW_SCRIPT_CACHE_MAGIC_LEN 8

/* Opens the cache folder dir, making it (mode 0700) when missing: a file
 * descriptor, or -1 when it cannot be used (a symbolic link, not a folder,
 * not owned by this process's user, writable by group or others, or not
 * creatable). */
int fcw_script_cache_open(const char *dir);

/* The image cached for the script (path, and st from stat() of it) by a
 * build with this stamp: malloc'd, its length in *len; NULL when there is
 * none, or it is not a regular file of this user, not well formed, from
 * another build or damaged (its checksum). */
unsigned char *fcw_script_cache_read(int dirfd, const char *path, const struct stat *st, const char *stamp,
                                     size_t *len);

/* Writes the script's image into the cache (a new file renamed over the
 * old one, so that a reader sees the one or the other): 0, or -1 when it
 * cannot (the folder is read-only, full). */
int fcw_script_cache_write(int dirfd, const char *path, const struct stat *st, const char *stamp,
                           const unsigned char *image, size_t len);

#endif
