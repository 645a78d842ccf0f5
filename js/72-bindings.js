/*
 * The pool's storage bindings: native.installBindings(env, list) is called
 * by fcw_engine_configure with one record per binding ({type: 'kv' | 'd1',
 * name, backend, path, url, prefix, timeout}) and puts each namespace or
 * database on env (module syntax) and on the global object (service-worker
 * syntax, where bindings are globals), unless that would hide a global of
 * the runtime (a binding named fetch or URL stays in env only).
 */
native.installBindings = function (env, list) {
    for (var i = 0; i < list.length; i++) {
        var b = list[i];
        var object = b.type === 'd1' ? native.makeD1(b) : native.makeKV(b);
        env[b.name] = object;
        if (Object.prototype.hasOwnProperty.call(global, b.name)) {
            native.log('warning', 'the binding ' + b.name + ' is in env only: a global of that name exists');
        } else {
            native.defineGlobal(b.name, object);
        }
    }
};
