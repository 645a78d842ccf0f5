// SPDX-License-Identifier: MIT
/*
 * Service bindings: native.makeService({name, url}) makes the object that
 * env.NAME is. Its fetch(input, init) takes the arguments of fetch() and
 * answers with the other service's Response:
 *   url "unix:/path" or "tcp:host:port": a FastCGI request to that pool
 *   (lib/fcgi_client.c, through the records of 60-fetch.js), the request's
 *   URL, method, headers and body as they are; redirects come back as
 *   responses, the body streams as it arrives;
 *   an http(s) URL: fetch() of the request with its origin (and a leading
 *   path of the base) replaced by the base's.
 */
var kServiceTarget = Symbol('service');

function ServiceBinding(target) {
    this[kServiceTarget] = target;
}

function rebase(base, url) {
    var b = new URL(base);
    var u = new URL(url);
    var prefix = b.pathname.replace(/\/$/, '');
    return b.origin + prefix + u.pathname + u.search;
}

ServiceBinding.prototype.fetch = function fetch(input, init) {
    var target = this !== null && typeof this === 'object' ? this[kServiceTarget] : void 0;
    if (typeof target !== 'string') {
        return Promise.reject(new TypeError('Illegal invocation'));
    }
    if (/^https?:/.test(target)) {
        try {
            var request = new Request(input, init);
            return global.fetch(new Request(rebase(target, request.url), request));
        } catch (e) {
            return Promise.reject(e);
        }
    }
    return native.serviceFetch(input, init, target);
};

native.makeService = function (binding) {
    return new ServiceBinding(String(binding.url));
};
