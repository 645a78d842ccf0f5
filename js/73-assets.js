// SPDX-License-Identifier: MIT
/*
 * Static assets: a folder of files served as Workers serves its assets.
 * native.makeAssets({path, htmlHandling, notFoundHandling}) makes the
 * object that env.ASSETS is (its fetch(request) answers from the folder)
 * and native.assets the one 90-dispatch.js serves ahead of the worker.
 *
 * A request's path is decoded (%2F and friends included) before it is
 * looked up; lib/api_assets.c refuses ".." segments and anything whose real
 * path leaves the folder. Answers carry Content-Type (by extension), ETag,
 * Last-Modified and Cache-Control; If-None-Match and If-Modified-Since give
 * 304, a single byte Range 206 (416 when it cannot be satisfied), HEAD the
 * headers alone. html_handling decides which file a path names and which
 * paths redirect (307) to their canonical form; not_found_handling what a
 * path naming no file gets.
 */
var assetTypes = {
    html: 'text/html; charset=utf-8', htm: 'text/html; charset=utf-8', css: 'text/css; charset=utf-8',
    js: 'text/javascript; charset=utf-8', mjs: 'text/javascript; charset=utf-8',
    json: 'application/json; charset=utf-8', map: 'application/json; charset=utf-8',
    txt: 'text/plain; charset=utf-8', md: 'text/markdown; charset=utf-8', csv: 'text/csv; charset=utf-8',
    xml: 'application/xml; charset=utf-8', svg: 'image/svg+xml', png: 'image/png', jpg: 'image/jpeg',
    jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif', ico: 'image/x-icon',
    bmp: 'image/bmp', woff: 'font/woff', woff2: 'font/woff2', ttf: 'font/ttf', otf: 'font/otf',
    eot: 'application/vnd.ms-fontobject', pdf: 'application/pdf', zip: 'application/zip',
    gz: 'application/gzip', tar: 'application/x-tar', wasm: 'application/wasm', mp3: 'audio/mpeg',
    ogg: 'audio/ogg', wav: 'audio/wav', mp4: 'video/mp4', webm: 'video/webm',
    webmanifest: 'application/manifest+json', manifest: 'application/manifest+json',
    ics: 'text/calendar; charset=utf-8', yaml: 'application/yaml', yml: 'application/yaml'
};
var ASSET_CHUNK = 65536;
var htmlModes = { 'auto-trailing-slash': 1, 'force-trailing-slash': 1, 'drop-trailing-slash': 1, 'none': 1 };
var notFoundModes = { 'single-page-application': 1, '404-page': 1, 'none': 1 };

function assetType(path) {
    var slash = path.lastIndexOf('/');
    var dot = path.lastIndexOf('.');
    var t = dot > slash + 1 ? assetTypes[path.slice(dot + 1).toLowerCase()] : void 0;
    return t || 'application/octet-stream';
}

function endsWith(s, suffix) {
    return s.length >= suffix.length && s.slice(s.length - suffix.length) === suffix;
}

/* What a decoded path names: {file, stat} to serve, {redirect} to send, or
 * null. */
function assetLookup(root, mode, p) {
    function has(f) {
        return native.assetsStat(root, f);
    }
    function serve(f) {
        var st = has(f);
        return st ? { file: f, stat: st } : null;
    }
    var base;
    if (mode === 'none') {
        return serve(p);
    }
    if (endsWith(p, '/index.html') && has(p)) {
        base = p.slice(0, -'index.html'.length);
        if (mode === 'drop-trailing-slash' && base !== '/') {
            base = base.slice(0, -1);
        }
        return { redirect: base };
    }
    if (endsWith(p, '.html') && p.length > 6 && p.charAt(p.length - 6) !== '/' && has(p)) {
        base = p.slice(0, -'.html'.length);
        return { redirect: mode === 'force-trailing-slash' ? base + '/' : base };
    }
    if (endsWith(p, '/')) {
        var index = serve(p + 'index.html');
        if (p === '/') {
            return index;
        }
        var bare = p.slice(0, -1);
        if (mode === 'force-trailing-slash') {
            return index || serve(bare + '.html');
        }
        if (mode === 'drop-trailing-slash') {
            return index || has(bare + '.html') ? { redirect: bare } : null;
        }
        return index || (has(bare + '.html') ? { redirect: bare } : null);
    }
    var exact = serve(p);
    if (exact) {
        return exact;
    }
    if (mode === 'force-trailing-slash') {
        return has(p + '.html') || has(p + '/index.html') ? { redirect: p + '/' } : null;
    }
    var html = serve(p + '.html');
    if (html) {
        return html;
    }
    if (mode === 'drop-trailing-slash') {
        return serve(p + '/index.html');
    }
    return has(p + '/index.html') ? { redirect: p + '/' } : null;
}

/* The nearest 404.html from the path's folder up to the root. */
function notFoundPage(root, p) {
    var dir = p.slice(0, p.lastIndexOf('/') + 1);
    for (;;) {
        var st = native.assetsStat(root, dir + '404.html');
        if (st) {
            return { file: dir + '404.html', stat: st };
        }
        if (dir === '/') {
            return null;
        }
        dir = dir.slice(0, dir.lastIndexOf('/', dir.length - 2) + 1);
    }
}

function assetBody(root, file, start, length) {
    if (length <= ASSET_CHUNK) {
        return native.assetsRead(root, file, start, length);
    }
    var offset = start;
    var end = start + length;
    return new ReadableStream({
        pull: function (controller) {
            var n = Math.min(ASSET_CHUNK, end - offset);
            controller.enqueue(native.assetsRead(root, file, offset, n));
            offset += n;
            if (offset >= end) {
                controller.close();
            }
        }
    }, { highWaterMark: 0 });
}

function etagMatches(header, etag) {
    var weak = etag.replace(/^W\//, '');
    var list = header.split(',');
    for (var i = 0; i < list.length; i++) {
        var t = list[i].replace(/^\s+|\s+$/g, '');
        if (t === '*' || t.replace(/^W\//, '') === weak) {
            return true;
        }
    }
    return false;
}

/* A single "bytes=" range as [start, length]; null to ignore the header
 * (not bytes, or several ranges), false when it cannot be satisfied. */
function parseRange(header, size) {
    var m = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
    if (!m || (m[1] === '' && m[2] === '')) {
        return /^\s*bytes\s*=/i.test(header) && header.indexOf(',') < 0 ? false : null;
    }
    var start;
    var last;
    if (m[1] === '') {
        var suffix = Number(m[2]);
        if (suffix === 0 || size === 0) {
            return false;
        }
        start = Math.max(0, size - suffix);
        last = size - 1;
    } else {
        start = Number(m[1]);
        last = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
        if (m[2] !== '' && Number(m[2]) < start) {
            return null;
        }
        if (start >= size) {
            return false;
        }
    }
    return [start, last - start + 1];
}

function serveAsset(root, request, found, status) {
    var st = found.stat;
    var headers = new Headers();
    headers.set('Content-Type', assetType(found.file));
    headers.set('ETag', st.etag);
    headers.set('Last-Modified', new Date(Math.floor(st.mtime / 1000) * 1000).toUTCString());
    headers.set('Cache-Control', 'public, max-age=0, must-revalidate');
    headers.set('Accept-Ranges', 'bytes');
    var head = request.method === 'HEAD';
    if (status === 200) {
        var inm = request.headers.get('If-None-Match');
        var ims = request.headers.get('If-Modified-Since');
        var notModified = inm !== null ? etagMatches(inm, st.etag) :
            ims !== null && Math.floor(st.mtime / 1000) * 1000 <= native.spec.parseHttpDate(ims);
        if (notModified) {
            headers['delete']('Content-Type');
            headers['delete']('Accept-Ranges');
            return new Response(null, { status: 304, headers: headers });
        }
        var rangeHeader = request.headers.get('Range');
        var ifRange = request.headers.get('If-Range');
        if (rangeHeader !== null && (ifRange === null || ifRange === st.etag)) {
            var range = parseRange(rangeHeader, st.size);
            if (range === false) {
                headers.set('Content-Range', 'bytes */' + st.size);
                headers['delete']('Content-Type');
                return new Response(null, { status: 416, headers: headers });
            }
            if (range) {
                headers.set('Content-Range', 'bytes ' + range[0] + '-' + (range[0] + range[1] - 1) + '/' + st.size);
                headers.set('Content-Length', String(range[1]));
                return new Response(head ? null : assetBody(root, found.file, range[0], range[1]),
                    { status: 206, headers: headers });
            }
        }
    }
    headers.set('Content-Length', String(st.size));
    return new Response(head ? null : assetBody(root, found.file, 0, st.size), { status: status, headers: headers });
}

function decodePath(pathname) {
    try {
        return decodeURIComponent(pathname);
    } catch (e) {
        return null;
    }
}

/* The answer of the folder for request, or null when no file matched and
 * not_found_handling is none (and fallback is set: the worker answers). */
function assetsAnswer(config, request, fallback) {
    var url = new URL(request.url);
    var method = request.method;
    var p = decodePath(url.pathname);
    var found = p === null || p.indexOf('\0') >= 0 ? null : assetLookup(config.path, config.htmlHandling, p);
    if (found && found.redirect !== void 0) {
        return new Response(null, { status: 307, headers: { Location: found.redirect + url.search } });
    }
    var status = 200;
    if (!found) {
        if (fallback) {
            return null;
        }
        if (config.notFoundHandling === 'single-page-application') {
            found = assetLookup(config.path, 'none', '/index.html');
        } else if (config.notFoundHandling === '404-page' && p !== null) {
            found = notFoundPage(config.path, p);
            status = 404;
        }
        if (!found) {
            return new Response(null, { status: 404 });
        }
    }
    if (method !== 'GET' && method !== 'HEAD') {
        return new Response(null, { status: 405, headers: { Allow: 'GET, HEAD' } });
    }
    return serveAsset(config.path, request, found, status);
}

function Fetcher(config) {
    this[kAssetsConfig] = config;
}
var kAssetsConfig = Symbol('assets');

Fetcher.prototype.fetch = function fetch(input, init) {
    var config = this !== null && typeof this === 'object' ? this[kAssetsConfig] : void 0;
    if (config === void 0) {
        return Promise.reject(new TypeError('Illegal invocation'));
    }
    try {
        var request = new Request(input instanceof URL ? String(input) : input, init);
        return Promise.resolve(assetsAnswer(config, request, false));
    } catch (e) {
        return Promise.reject(e);
    }
};

native.makeAssets = function (binding) {
    var config = {
        path: String(binding.path),
        htmlHandling: binding.htmlHandling || 'auto-trailing-slash',
        notFoundHandling: binding.notFoundHandling || 'none'
    };
    if (!htmlModes[config.htmlHandling]) {
        throw new TypeError('assets: unknown html_handling ' + config.htmlHandling);
    }
    if (!notFoundModes[config.notFoundHandling]) {
        throw new TypeError('assets: unknown not_found_handling ' + config.notFoundHandling);
    }
    native.assets = config;
    return new Fetcher(config);
};

/* Used by 90-dispatch.js ahead of the worker: an answer, or null for the
 * worker to answer (no file matched a GET/HEAD and the worker exists). */
native.assetsServe = function (request, hasWorker) {
    if (hasWorker && request.method !== 'GET' && request.method !== 'HEAD') {
        return null;
    }
    return assetsAnswer(native.assets, request, hasWorker);
};
