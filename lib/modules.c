/* SPDX-License-Identifier: MIT */
/*
 * The assembly of an engine: the table of native modules every engine is
 * made with (their natives on `native`, what they take from the
 * configuration, what they free), and fcw_engine_new, which makes the heap
 * with them (lib/engine.c), loads the runtime's JavaScript into it
 * (lib/script.c) and configures it. The top of lib/: it names the modules,
 * none of them names it, and the engine knows them only through the table.
 */
#include "config.h"

#include "engine.h"

#include "api_crypto.h"
#include "api_regexp.h"

static void cache_configure(struct fcw_engine *engine, const struct fcw_engine_config *config)
{
    (void)engine;
    fcw_cache_configure(config->cache_path, config->cache_max_size);
}

static const struct fcw_module timers = {"timers", fcw_api_timers_init, NULL, NULL};
static const struct fcw_module bytes = {"bytes", fcw_api_bytes_init, NULL, NULL};
static const struct fcw_module respond = {"respond", fcw_api_respond_init, NULL, NULL};
static const struct fcw_module url = {"url", fcw_api_url_init, NULL, NULL};
static const struct fcw_module crypto = {"crypto", fcw_api_crypto_init, NULL, NULL};
static const struct fcw_module crypto_pk = {"crypto_pk", fcw_api_crypto_pk_init, NULL, NULL};
static const struct fcw_module regexp = {"regexp", fcw_api_regexp_init, NULL, fcw_api_regexp_free};
static const struct fcw_module regexp_ops = {"regexp_ops", fcw_api_regexp_ops_init, NULL, NULL};
/* last: its configure forgets the matches made before the worker's script */
static const struct fcw_module regexp_statics = {"regexp_statics", fcw_api_regexp_statics_init,
                                                 fcw_api_regexp_statics_configure, NULL};
static const struct fcw_module builtins = {"builtins", fcw_api_builtins_init, NULL, NULL};
static const struct fcw_module fastpath = {"fastpath", fcw_api_fastpath_init, NULL, NULL};
static const struct fcw_module intl = {"intl", fcw_api_intl_init, NULL, NULL};
static const struct fcw_module bigint = {"bigint", fcw_api_bigint_init, NULL, NULL};
static const struct fcw_module compression = {"compression", fcw_api_compression_init, NULL, NULL};
static const struct fcw_module fetch = {"fetch", fcw_api_fetch_init, NULL, fcw_fetch_free};
static const struct fcw_module kv = {"kv", fcw_api_kv_init, fcw_bindings_install, NULL};
static const struct fcw_module d1 = {"d1", fcw_api_d1_init, NULL, NULL};
static const struct fcw_module assets = {"assets", fcw_api_assets_init, NULL, NULL};
static const struct fcw_module services = {"services", fcw_api_fcgi_init, NULL, NULL};
static const struct fcw_module htmlrewriter = {"htmlrewriter", fcw_api_htmlrewriter_init, NULL, NULL};
static const struct fcw_module cache = {"cache", fcw_api_cache_init, cache_configure, NULL};
static const struct fcw_module encoding = {"encoding", fcw_api_encoding_init, NULL, NULL};

/* In the order their natives are made (and configured); freed in reverse. */
static const struct fcw_module *const modules[] = {
    &timers,   &bytes,    &respond,      &url,    &crypto,      &crypto_pk,      &regexp, &regexp_ops,
    &builtins, &fastpath, &intl,         &bigint, &compression, &fetch,          &kv,     &d1,
    &assets,   &services, &htmlrewriter, &cache,  &encoding,    &regexp_statics,
};

struct fcw_engine *fcw_engine_new(const struct fcw_engine_config *config, char *err, size_t errlen)
{
    struct fcw_engine *e = fcw_engine_create(config, modules, sizeof(modules) / sizeof(modules[0]), err, errlen);
    if (e == NULL) {
        return NULL;
    }
    if (fcw_script_load_runtime(e, err, errlen) < 0) {
        fcw_engine_free(e);
        return NULL;
    }
    /* Loading the runtime leaves cyclic garbage behind (each file's
     * wrapper function, temporary closures, ~500 KB): collect it here,
     * before the master forks children off a preloaded engine, rather than
     * in each child. The collection policy starts from what is alive. (Not
     * DUK_GC_COMPACT: it saved nothing measurable and made each request
     * ~2% slower.) A process for one request skips it: the garbage ends
     * with the process, and the policy counts from the heap with it (from
     * nothing, its first request would collect that garbage: a twentieth
     * of a CGI hello's instructions). */
    if (!fcw_script_single_request()) {
        fcw_engine_collect(e);
    } else {
        fcw_engine_collect_baseline(e);
    }
    fcw_engine_configure(e, config);
    return e;
}
