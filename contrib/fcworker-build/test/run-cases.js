#!/usr/bin/env node
// SPDX-License-Identifier: MIT
/*
 * Runs one built corpus worker (t/modern/NAME, built by fcworker-build) in
 * Node against its cases.json, with Node's own Web APIs (Request, Response,
 * streams, crypto.subtle, fetch) standing in for fcworker's runtime. It checks
 * that the ES5 output of the build tool keeps the meaning of the modern source
 * and that the cases agree with the workers; the real test serves the same
 * files through fcworker (t/modern.t).
 *
 * usage: run-cases.js WORKER_DIR BUILT_SCRIPT
 * Prints one line per case and ends with "N passed, N failed"; exit status 1
 * if a case failed.
 */
'use strict';

const fs = require('fs');
const http = require('http');
const path = require('path');
const vm = require('vm');
const assert = require('assert');
const { isDeepStrictEqual } = require('util');

const EXPORT_DEFAULT = /\nexport default ([A-Za-z_$][\w$]*);\n/;

/* Serves WORKER_DIR/upstream/ on a loopback port for env values that name
 * {upstream}. */
function startUpstream(dir) {
    const server = http.createServer((req, res) => {
        const file = path.join(dir, 'upstream', path.basename(req.url.split('?')[0]));
        fs.readFile(file, (err, data) => {
            if (err) {
                res.writeHead(404, { 'content-type': 'text/plain' });
                res.end('not found\n');
                return;
            }
            res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
            res.end(data);
        });
    });
    return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function bindEnv(meta, upstreamBase) {
    const env = {};
    for (const [name, value] of Object.entries(meta.env || {})) {
        env[name] = value.replace('{upstream}', upstreamBase);
    }
    return env;
}

/* Loads the script as fcworker's loader would: its final
 * `export default NAME;` names the module's default export; a script without
 * one registers a fetch listener. */
function loadWorker(scriptPath) {
    let code = fs.readFileSync(scriptPath, 'utf8');
    /* the runtime helper of lowered `{ __proto__: value }` literals */
    Object.defineProperty(globalThis, '__fcw_withProto', {
        value: (obj) => {
            const proto = obj.__fcw_proto__;
            delete obj.__fcw_proto__;
            if (proto === null || typeof proto === 'object' || typeof proto === 'function') {
                Object.setPrototypeOf(obj, proto);
            }
            return obj;
        },
        configurable: true,
        writable: true
    });
    const listeners = [];
    const exportMatch = EXPORT_DEFAULT.exec(code);
    if (exportMatch) {
        code = code.replace(EXPORT_DEFAULT, `\nglobalThis.__fcwTestExport = ${exportMatch[1]};\n`);
    }
    globalThis.addEventListener = (type, listener) => {
        if (type === 'fetch') {
            listeners.push(listener);
        }
    };
    vm.runInThisContext(code, { filename: scriptPath });
    if (exportMatch) {
        const mod = globalThis.__fcwTestExport;
        return (request, env, ctx) => mod.fetch(request, env, ctx);
    }
    assert.ok(listeners.length > 0, 'script neither exports a default nor listens for fetch');
    return (request) => new Promise((resolve, reject) => {
        listeners[0]({
            request,
            respondWith(r) {
                Promise.resolve(r).then(resolve, reject);
            },
            waitUntil() {}
        });
    });
}

function cookiesFrom(response) {
    return response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

function buildRequest(c, results) {
    const headers = new Headers(c.headers || {});
    if (c.useCookieFrom !== undefined) {
        headers.set('cookie', cookiesFrom(results[c.useCookieFrom].response));
    }
    const init = { method: c.method || 'GET', headers };
    if (c.body !== null && c.body !== undefined) {
        init.body = typeof c.body === 'string' ? c.body : JSON.stringify(c.body);
    }
    return new Request('http://localhost' + c.path, init);
}

function expectEqual(actual, expected, what) {
    if (!isDeepStrictEqual(actual, expected)) {
        throw new Error(`${what}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
    }
}

function checkResponse(expect, response, body, elapsed) {
    if (expect.status !== undefined) {
        expectEqual(response.status, expect.status, 'status');
    }
    for (const [name, value] of Object.entries(expect.headers || {})) {
        expectEqual(response.headers.get(name), value, `header ${name}`);
    }
    if (expect.body !== undefined) {
        expectEqual(body, expect.body, 'body');
    }
    for (const part of [].concat(expect.bodyContains || [])) {
        assert.ok(body.includes(part), `body contains ${JSON.stringify(part)}`);
    }
    if (expect.json !== undefined) {
        expectEqual(JSON.parse(body), expect.json, 'json');
    }
    if (expect.minMs !== undefined) {
        assert.ok(elapsed >= expect.minMs, `took ${elapsed} ms, at least ${expect.minMs} expected`);
    }
}

async function runCases(dir, scriptPath) {
    const meta = JSON.parse(fs.readFileSync(path.join(dir, 'worker.json'), 'utf8'));
    const cases = JSON.parse(fs.readFileSync(path.join(dir, 'cases.json'), 'utf8'));
    const upstream = await startUpstream(dir);
    const env = bindEnv(meta, `http://127.0.0.1:${upstream.address().port}`);
    const handler = loadWorker(scriptPath);
    const results = [];
    let passed = 0;
    for (const [i, c] of cases.entries()) {
        const label = `${path.basename(dir)} #${i} ${c.method || 'GET'} ${c.path}`;
        const started = Date.now();
        try {
            const response = await handler(buildRequest(c, results), env, { waitUntil() {}, passThroughOnException() {} });
            const body = await response.text();
            results.push({ response });
            checkResponse(c.expect || {}, response, body, Date.now() - started);
            passed++;
            console.log(`ok ${label}`);
        } catch (e) {
            results.push({ response: new Response(null) });
            console.log(`not ok ${label}: ${e.message.split('\n')[0]}`);
        }
    }
    upstream.close();
    console.log(`${passed} passed, ${cases.length - passed} failed`);
    return passed === cases.length ? 0 : 1;
}

runCases(path.resolve(process.argv[2]), path.resolve(process.argv[3])).then((status) => {
    process.exit(status);
}, (e) => {
    console.error(e);
    process.exit(1);
});
