/* SPDX-License-Identifier: MIT */
/*
 * Building a pool's source entry with fcworker-build (`build = auto`, or a
 * script ending in .ts, .tsx, .mts or .mjs). The project is the entry's
 * folder, or the nearest of its three parents that holds a package.json;
 * its sources (.js .mjs .cjs .jsx .ts .mts .cts .tsx .json, outside hidden
 * folders and node_modules, plus node_modules/.package-lock.json, which npm
 * rewrites on every install) are hashed with SHA-256 together with the
 * entry's name and the tool's path, size and mtime. The output lives in
 * CACHE/HASH/NAME.js (and NAME.js.map): a hit loads it directly, a miss
 * runs the tool (node) with its output going to a private temporary
 * folder, which is also its working folder (so that it names sources by
 * their absolute paths), then renamed into place, so concurrent
 * builds of the same project never see a half-written file. The cache is
 * build.cache_dir, else /var/cache/fcworker when it is writable, else
 * $TMPDIR/fcworker-build-cache; a cache folder is only trusted when it
 * belongs to root or to the current user and others cannot write to it.
 * The tool is FCW_BUILD_TOOL from the environment, else the installed
 * fcworker-build. A build that fails reports the tool's own message, which
 * names the source file, line and column.
 */
#include "config.h"

#include "build.h"
#include "clock.h"
#include "log.h"
#include "proc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <openssl/evp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef FCWORKER_BUILD
#define FCWORKER_BUILD "fcworker-build"
#endif

#define BUILD_TIMEOUT_MS 120000
#define BUILD_MAX_FILES 20000
#define BUILD_MAX_DEPTH 32
#define BUILD_PROJECT_LEVELS 3
#define BUILD_SYSTEM_CACHE "/var/cache/fcworker"
#define BUILD_HASH_HEX 65

static const char *const source_extensions[] = {".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts", ".tsx", ".json"};
static const char *const entry_extensions[] = {".ts", ".tsx", ".mts", ".mjs"};

static int has_extension(const char *name, const char *const *list, size_t n)
{
    const char *dot = strrchr(name, '.');
    for (size_t i = 0; dot != NULL && i < n; i++) {
        if (strcmp(dot, list[i]) == 0) {
            return 1;
        }
    }
    return 0;
}

int fcw_build_wanted(const struct conf_pool *pool)
{
    if (pool->script == NULL || pool->build == BUILD_OFF) {
        return 0;
    }
    return pool->build == BUILD_AUTO ||
           has_extension(pool->script, entry_extensions, sizeof(entry_extensions) / sizeof(entry_extensions[0]));
}

static const char *tool_path(void)
{
    const char *env = getenv("FCW_BUILD_TOOL");
    return env != NULL && env[0] != '\0' ? env : FCWORKER_BUILD;
}

/* ---- the project and its hash ---- */

static int file_exists(const char *dir, const char *name)
{
    char path[PATH_MAX];
    struct stat st;
    return snprintf(path, sizeof(path), "%s/%s", dir, name) < (int)sizeof(path) && stat(path, &st) == 0;
}

/* The entry's folder, or the nearest parent (up to BUILD_PROJECT_LEVELS
 * up) with a package.json. */
static void project_root(const char *entry, char *root, size_t len)
{
    char dir[PATH_MAX];
    snprintf(dir, sizeof(dir), "%s", entry);
    *strrchr(dir, '/') = '\0';
    snprintf(root, len, "%s", dir[0] ? dir : "/");
    for (int level = 0; level <= BUILD_PROJECT_LEVELS && dir[0] != '\0'; level++) {
        if (file_exists(dir, "package.json")) {
            snprintf(root, len, "%s", dir);
            return;
        }
        *strrchr(dir, '/') = '\0';
    }
}

struct tree_hash {
    EVP_MD_CTX *md;
    size_t files;
    char *err;
    size_t errlen;
};

static int hash_file(struct tree_hash *th, const char *path, const char *rel)
{
    if (++th->files > BUILD_MAX_FILES) {
        snprintf(th->err, th->errlen, "more than %d source files to hash under the project of the entry",
                 BUILD_MAX_FILES);
        return -1;
    }
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(th->err, th->errlen, "%s: cannot open: %s", path, strerror(errno));
        return -1;
    }
    EVP_DigestUpdate(th->md, rel, strlen(rel) + 1);
    char buf[65536];
    ssize_t n;
    while ((n = read(fd, buf, sizeof(buf))) > 0) {
        EVP_DigestUpdate(th->md, buf, (size_t)n);
    }
    int failed = n < 0;
    close(fd);
    EVP_DigestUpdate(th->md, "", 1);
    if (failed) {
        snprintf(th->err, th->errlen, "%s: cannot read: %s", path, strerror(errno));
        return -1;
    }
    return 0;
}

static int hash_tree(struct tree_hash *th, const char *dir, const char *rel, int depth);

static int hash_entry(struct tree_hash *th, const char *dir, const char *rel, const char *name, int depth)
{
    char path[PATH_MAX], sub[PATH_MAX];
    struct stat st;
    if (snprintf(path, sizeof(path), "%s/%s", dir, name) >= (int)sizeof(path) ||
        snprintf(sub, sizeof(sub), "%s%s%s", rel, rel[0] ? "/" : "", name) >= (int)sizeof(sub) || stat(path, &st) < 0) {
        return 0;
    }
    if (S_ISDIR(st.st_mode)) {
        if (strcmp(name, "node_modules") == 0) {
            return file_exists(path, ".package-lock.json") ? hash_entry(th, path, sub, ".package-lock.json", depth) : 0;
        }
        return hash_tree(th, path, sub, depth + 1);
    }
    if (S_ISREG(st.st_mode) &&
        has_extension(name, source_extensions, sizeof(source_extensions) / sizeof(source_extensions[0]))) {
        return hash_file(th, path, sub);
    }
    return 0;
}

static int hash_tree(struct tree_hash *th, const char *dir, const char *rel, int depth)
{
    struct dirent **names;
    if (depth > BUILD_MAX_DEPTH) {
        return 0;
    }
    int n = scandir(dir, &names, NULL, alphasort);
    if (n < 0) {
        snprintf(th->err, th->errlen, "%s: cannot list: %s", dir, strerror(errno));
        return -1;
    }
    int rc = 0;
    for (int i = 0; i < n; i++) {
        const char *name = names[i]->d_name;
        if (rc == 0 && name[0] != '.') {
            rc = hash_entry(th, dir, rel, name, depth);
        }
        free(names[i]);
    }
    free(names);
    return rc;
}

/* SHA-256 of the project's sources, the entry's place in it and the tool,
 * in hex. */
static int project_hash(const char *root, const char *entry, const char *tool, char *hex, char *err, size_t errlen)
{
    struct tree_hash th = {EVP_MD_CTX_new(), 0, err, errlen};
    if (th.md == NULL || EVP_DigestInit_ex(th.md, EVP_sha256(), NULL) != 1) {
        EVP_MD_CTX_free(th.md);
        snprintf(err, errlen, "cannot hash the sources: out of memory");
        return -1;
    }
    struct stat st;
    char meta[PATH_MAX * 2 + 64];
    int have_tool = stat(tool, &st) == 0;
    int len = snprintf(meta, sizeof(meta), "fcworker-build 1\n%s\n%s\n%lld %lld.%09ld\n", entry, tool,
                       have_tool ? (long long)st.st_size : -1LL, have_tool ? (long long)st.st_mtim.tv_sec : 0LL,
                       have_tool ? st.st_mtim.tv_nsec : 0L);
    EVP_DigestUpdate(th.md, meta, (size_t)len < sizeof(meta) ? (size_t)len : sizeof(meta));
    int rc = hash_tree(&th, root, "", 0);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int dlen = 0;
    EVP_DigestFinal_ex(th.md, digest, &dlen);
    EVP_MD_CTX_free(th.md);
    for (unsigned int i = 0; i < dlen && 2 * i + 2 < BUILD_HASH_HEX; i++) {
        snprintf(hex + 2 * i, 3, "%02x", digest[i]);
    }
    return rc;
}

/* ---- the cache ---- */

/* A cache folder is trusted when root or this user owns it and others
 * cannot write to it: anyone who can plant a file there runs code. */
static int cache_trusted(const char *dir)
{
    struct stat st;
    return stat(dir, &st) == 0 && S_ISDIR(st.st_mode) && (st.st_uid == 0 || st.st_uid == geteuid()) &&
           (st.st_mode & S_IWOTH) == 0;
}

/* The cache folders to look in, best first: the pool's, or the system one
 * and the one under $TMPDIR. */
static size_t cache_candidates(const struct conf_pool *pool, char dirs[2][PATH_MAX])
{
    if (pool->build_cache_dir != NULL) {
        snprintf(dirs[0], PATH_MAX, "%s", pool->build_cache_dir);
        return 1;
    }
    const char *tmp = getenv("TMPDIR");
    snprintf(dirs[0], PATH_MAX, "%s", BUILD_SYSTEM_CACHE);
    snprintf(dirs[1], PATH_MAX, "%s/fcworker-build-cache", tmp != NULL && tmp[0] == '/' ? tmp : "/tmp");
    return 2;
}

static int cached_output(const char *cache, const char *hash, const char *name, char *out, size_t outlen)
{
    char dir[PATH_MAX];
    struct stat st;
    if (!cache_trusted(cache) || snprintf(dir, sizeof(dir), "%s/%s", cache, hash) >= (int)sizeof(dir) ||
        !cache_trusted(dir) || snprintf(out, outlen, "%s/%s", dir, name) >= (int)outlen) {
        return 0;
    }
    return stat(out, &st) == 0 && S_ISREG(st.st_mode);
}

/* The first cache folder that exists or can be made, and can be written. */
static const char *writable_cache(char dirs[2][PATH_MAX], size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if ((mkdir(dirs[i], 0755) == 0 || errno == EEXIST) && cache_trusted(dirs[i]) &&
            access(dirs[i], W_OK | X_OK) == 0) {
            return dirs[i];
        }
    }
    return NULL;
}

/* Removes a temporary output folder and what the tool wrote into it. */
static void remove_tree(const char *dir)
{
    struct dirent **names;
    int n = scandir(dir, &names, NULL, NULL);
    for (int i = 0; i < n; i++) {
        char path[PATH_MAX];
        if (strcmp(names[i]->d_name, ".") != 0 && strcmp(names[i]->d_name, "..") != 0 &&
            snprintf(path, sizeof(path), "%s/%s", dir, names[i]->d_name) < (int)sizeof(path) && unlink(path) < 0 &&
            errno == EISDIR) {
            remove_tree(path);
        }
        free(names[i]);
    }
    if (n >= 0) {
        free(names);
    }
    rmdir(dir);
}

/* ---- running the tool ---- */

static void exec_tool(const char *tool, const char *cwd, const char *entry, const char *out, int fd)
{
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    signal(SIGPIPE, SIG_DFL);
    setpgid(0, 0);
    int null = open("/dev/null", O_RDONLY);
    if (null < 0 || dup2(null, 0) < 0 || dup2(fd, 1) < 0 || dup2(fd, 2) < 0 || chdir(cwd) < 0) {
        dprintf(fd, "cannot prepare to run %s: %s\n", tool, strerror(errno));
        _exit(127);
    }
    execl(tool, tool, entry, "-o", out, "--sourcemap", (char *)NULL);
    dprintf(2, "cannot run %s: %s (set FCW_BUILD_TOOL or install fcworker-build)\n", tool, strerror(errno));
    _exit(127);
}

struct tool_run {
    const char *tool, *cwd, *entry, *out;
};

static void run_tool_child(void *arg, int fd)
{
    const struct tool_run *t = arg;
    exec_tool(t->tool, t->cwd, t->entry, t->out, fd);
}

/* Runs TOOL ENTRY -o OUT --sourcemap in cwd with its stdout and stderr in
 * output. Returns the exit status, or -1 with output explaining. */
static int run_tool(const char *tool, const char *cwd, const char *entry, const char *out, char *output, size_t outlen)
{
    struct tool_run t = {tool, cwd, entry, out};
    int status;
    if (proc_capture(run_tool_child, &t, tool, BUILD_TIMEOUT_MS, output, outlen, &status) < 0) {
        return -1;
    }
    if (!WIFEXITED(status)) {
        size_t n = strlen(output);
        snprintf(output + n, outlen - n, "%s%s ended by signal %d", n ? "\n" : "", tool, WTERMSIG(status));
        return -1;
    }
    return WEXITSTATUS(status);
}

static void trim_end(char *s)
{
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == ' ')) {
        s[--n] = '\0';
    }
}

/* Builds ENTRY into CACHE/HASH/NAME; out is the output's path. */
static int build_into(const char *cache, const char *hash, const char *name, const char *entry, char *out,
                      size_t outlen, char *err, size_t errlen)
{
    char tmp[PATH_MAX], tmp_out[PATH_MAX], final[PATH_MAX], output[4096];
    const char *tool = tool_path();
    if (snprintf(tmp, sizeof(tmp), "%s/%s.tmp-%ld", cache, hash, (long)getpid()) >= (int)sizeof(tmp) ||
        snprintf(tmp_out, sizeof(tmp_out), "%s/%s", tmp, name) >= (int)sizeof(tmp_out) ||
        snprintf(final, sizeof(final), "%s/%s", cache, hash) >= (int)sizeof(final) ||
        snprintf(out, outlen, "%s/%s", final, name) >= (int)outlen) {
        snprintf(err, errlen, "%s: cache path too long", cache);
        return -1;
    }
    remove_tree(tmp);
    if (mkdir(tmp, 0755) < 0) {
        snprintf(err, errlen, "%s: cannot create: %s", tmp, strerror(errno));
        return -1;
    }
    fcw_log(FCW_LOG_NOTICE, "building %s with %s", entry, tool);
    double start = clock_now_ms();
    /* run in the empty output folder, so the tool names sources by their
     * absolute paths */
    int rc = run_tool(tool, tmp, entry, tmp_out, output, sizeof(output));
    trim_end(output);
    if (rc != 0) {
        remove_tree(tmp);
        snprintf(err, errlen, "%s", output[0] ? output : "fcworker-build failed without a message");
        return -1;
    }
    /* readable by the pool's children whatever the umask */
    chmod(tmp, 0755);
    chmod(tmp_out, 0644);
    strncat(tmp_out, ".map", sizeof(tmp_out) - strlen(tmp_out) - 1);
    chmod(tmp_out, 0644);
    if (output[0]) {
        fcw_log(FCW_LOG_WARNING, "fcworker-build %s: %s", entry, output);
    }
    if (rename(tmp, final) < 0) {
        int saved = errno;
        remove_tree(tmp);
        if (saved != EEXIST && saved != ENOTEMPTY) {
            snprintf(err, errlen, "%s: cannot rename to %s: %s", tmp, final, strerror(saved));
            return -1;
        }
    }
    fcw_log(FCW_LOG_NOTICE, "built %s into %s in %.1f s", entry, out, (clock_now_ms() - start) / 1000.0);
    return 0;
}

int fcw_build_script(const struct conf_pool *pool, char *out, size_t outlen, char *err, size_t errlen)
{
    char entry[PATH_MAX], root[PATH_MAX], hash[BUILD_HASH_HEX] = "", name[NAME_MAX + 1];
    char dirs[2][PATH_MAX];
    if (realpath(pool->script, entry) == NULL) {
        snprintf(err, errlen, "%s: %s", pool->script, strerror(errno));
        return -1;
    }
    project_root(entry, root, sizeof(root));
    snprintf(name, sizeof(name), "%s", strrchr(entry, '/') + 1);
    char *dot = strrchr(name, '.');
    if (dot != NULL && dot != name) {
        *dot = '\0';
    }
    strncat(name, ".js", sizeof(name) - strlen(name) - 1);
    if (project_hash(root, entry, tool_path(), hash, err, errlen) < 0) {
        return -1;
    }
    size_t ndirs = cache_candidates(pool, dirs);
    for (size_t i = 0; i < ndirs; i++) {
        if (cached_output(dirs[i], hash, name, out, outlen)) {
            fcw_log(FCW_LOG_INFO, "%s: built output %s is up to date", entry, out);
            return 0;
        }
    }
    const char *cache = writable_cache(dirs, ndirs);
    if (cache == NULL) {
        snprintf(err, errlen,
                 "no usable build cache (build.cache_dir = %s%s%s): it must be writable and not "
                 "writable by others",
                 dirs[0], ndirs > 1 ? ", or " : "", ndirs > 1 ? dirs[1] : "");
        return -1;
    }
    return build_into(cache, hash, name, entry, out, outlen, err, errlen);
}
