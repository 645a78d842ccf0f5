/* SPDX-License-Identifier: MIT */
/*
 * Timers for JavaScript: native.setTimer(ms, id) schedules a loop timer that
 * calls native.fireTimer(id); native.clearTimer(handle) cancels it. The
 * callbacks and their arguments stay on the JS side (js/05-timers.js), keyed
 * by the id, so C holds no JS value.
 */
#include "config.h"

#include "engine.h"

#include <stdint.h>

static void timer_fired(struct fcw_loop *loop, uint64_t handle, void *data)
{
    (void)handle;
    struct fcw_engine *e = fcw_loop_owner(loop);
    duk_push_number(fcw_engine_ctx(e), (double)(uintptr_t)data);
    fcw_engine_call_native(e, "fireTimer", 1, "uncaught exception in timer callback");
}

static duk_ret_t native_set_timer(duk_context *ctx)
{
    double ms = duk_to_number(ctx, 0);
    duk_uint_t id = duk_require_uint(ctx, 1);
    struct fcw_engine *e = fcw_engine_of(ctx);
    fcw_engine_mark_dirty(e);
    if (ms != ms || ms < 0) {
        ms = 0;
    }
    uint64_t handle = fcw_loop_add_timer(fcw_engine_loop(e), ms, timer_fired, (void *)(uintptr_t)id);
    if (handle == 0) {
        return duk_error(ctx, DUK_ERR_RANGE_ERROR, "cannot add a timer: out of memory");
    }
    duk_push_number(ctx, (double)handle);
    return 1;
}

static duk_ret_t native_clear_timer(duk_context *ctx)
{
    uint64_t handle = (uint64_t)duk_require_number(ctx, 0);
    fcw_loop_del_timer(fcw_engine_loop(fcw_engine_of(ctx)), handle);
    return 0;
}

void fcw_api_timers_init(duk_context *ctx, duk_idx_t native_idx)
{
    duk_push_c_function(ctx, native_set_timer, 2);
    duk_put_prop_literal(ctx, native_idx, "setTimer");
    duk_push_c_function(ctx, native_clear_timer, 1);
    duk_put_prop_literal(ctx, native_idx, "clearTimer");
}
