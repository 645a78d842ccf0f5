// SPDX-License-Identifier: MIT
/*
 * The `cloudflare:workers` module: fcworker-build resolves an import of it
 * to this object (the hidden global __fcw_cloudflare_workers). A default
 * export that is a class extending WorkerEntrypoint is made per request
 * with (ctx, env) and its fetch(request) or scheduled(controller) called
 * (js/90-dispatch.js), as workerd does; `env` is the pool's bindings (the
 * handlers' env), `waitUntil(promise)` extends the current request as
 * ctx.waitUntil does. DurableObject, WorkflowEntrypoint and RpcTarget are
 * there to be extended (a worker that exports such a class loads), but
 * fcworker serves no Durable Object, Workflow or RPC binding.
 */
'use strict';

function WorkerEntrypoint(ctx, env) {
    this.ctx = ctx;
    this.env = env;
}

function DurableObject(ctx, env) {
    this.ctx = ctx;
    this.env = env;
}

function WorkflowEntrypoint(ctx, env) {
    this.ctx = ctx;
    this.env = env;
}

function RpcTarget() {}

function waitUntil(promise) {
    native.waitUntilCurrent(promise);
}

var workersModule = {
    WorkerEntrypoint: WorkerEntrypoint,
    DurableObject: DurableObject,
    WorkflowEntrypoint: WorkflowEntrypoint,
    RpcTarget: RpcTarget,
    waitUntil: waitUntil
};
Object.defineProperty(workersModule, 'env', {
    get: function env() {
        return native.env;
    },
    enumerable: true,
    configurable: false
});

/* Whether the default export d is a WorkerEntrypoint class. */
native.isEntrypointClass = function (d) {
    return typeof d === 'function' && d.prototype !== null && typeof d.prototype === 'object' &&
        WorkerEntrypoint.prototype.isPrototypeOf(d.prototype);
};

native.defineGlobal('__fcw_cloudflare_workers', workersModule);
