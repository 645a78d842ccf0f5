/*
 * The pool's storage bindings: native.installBindings(env, list) is called
 * by fcw_engine_configure with one record per binding ({type: 'kv' | 'd1',
 * name, backend, path, url, prefix, timeout}) and puts each namespace or
 * database on env (module syntax) and on the global object (service-worker
 * syntax, where bindings are globals).
 */
native.installBindings = function (env, list) {
    for (var i = 0; i < list.length; i++) {
        var b = list[i];
        var object = b.type === 'd1' ? native.makeD1(b) : native.makeKV(b);
        env[b.name] = object;
        native.defineGlobal(b.name, object);
    }
};
