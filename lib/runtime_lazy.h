/* SPDX-License-Identifier: MIT */
/*
 * Runtime files loaded on first use of their globals, in a process that
 * serves one request (lib/runtime_lazy.c). Internal to lib/.
 */
#ifndef FCW_RUNTIME_LAZY_H
#define FCW_RUNTIME_LAZY_H

#include "duktape.h"

/* Runs the runtime file of that name now (throws if it fails). */
typedef void (*fcw_runtime_lazy_run_cb)(duk_context *ctx, const char *name);

/* 1 if the runtime file of that name is loaded on first use. */
int fcw_runtime_lazy_file(const char *name);

/* Before the runtime's files: native.loadLazy(global), which runs the group
 * of that global through run (native is at native_idx). */
void fcw_runtime_lazy_prepare(duk_context *ctx, duk_idx_t native_idx, fcw_runtime_lazy_run_cb run);

/* After them: defines the lazy files' globals as accessors that run them
 * when first read or written. */
void fcw_runtime_lazy_install(duk_context *ctx, duk_idx_t native_idx);

#endif
