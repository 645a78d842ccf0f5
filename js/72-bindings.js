// SPDX-License-Identifier: MIT
/*
 * The pool's bindings: native.installBindings(env, list) is called by
 * fcw_engine_configure with one record per binding ({type: 'kv' | 'd1' |
 * 'assets' | 'service' | 'json', name, backend, path, url, prefix, timeout, htmlHandling,
 * notFoundHandling}) and puts each namespace, database or assets Fetcher on
 * env (module syntax) and on the global object (service-worker syntax,
 * where bindings are globals; assets without a name are served ahead of
 * the worker only), unless that would hide a global of
 * the runtime (a binding named fetch or URL stays in env only). The files
 * of the KV, D1 and assets bindings are loaded for the first binding of
 * their kind.
 */
/* native[name], a maker of a file loaded on first use (lib/runtime_lazy.c:
 * 70-kv.js, 71-d1.js and 73-assets.js, under their keys), loaded now. */
function maker(name, key) {
    if (native[name] === void 0) {
        native.loadLazy(key);
    }
    return native[name];
}

native.installBindings = function (env, list) {
    for (var i = 0; i < list.length; i++) {
        var b = list[i];
        var object = b.type === 'd1' ? maker('makeD1', '.d1')(b) :
            b.type === 'assets' ? maker('makeAssets', '.assets')(b) :
            b.type === 'service' ? native.makeService(b) :
            b.type === 'json' ? JSON.parse(b.url) : maker('makeKV', '.kv')(b);
        if (b.name === void 0) {
            continue;
        }
        env[b.name] = object;
        if (Object.prototype.hasOwnProperty.call(global, b.name)) {
            native.log('warning', 'the binding ' + b.name + ' is in env only: a global of that name exists');
        } else {
            native.defineGlobal(b.name, object);
        }
    }
};
