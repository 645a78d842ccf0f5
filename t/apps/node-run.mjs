#!/usr/bin/env node
// SPDX-License-Identifier: MIT
/*
 * Runs the apps of t/apps in Node (20 or later), whose Request, Response,
 * streams, crypto.subtle and CompressionStream stand in for the Workers
 * runtime: each app's entry is bundled from source with the build tool's
 * esbuild (ES2022, no lowering), imported, and given the requests of its
 * cases.json through `fetch(request, env, ctx)` (or a `fetch` event for
 * Service Worker syntax), one instance per app, cases in order. This is how
 * the expectations of cases.json were produced and how they are re-checked;
 * t/apps.t sends the same cases to fcworker through nginx.
 *
 * usage: node node-run.mjs [--fill] [--show] [APP...]
 *   (default)  check every case's expect; "N passed, N failed" at the end
 *   --show     print each response (status, headers, body)
 *   --fill     write the actual status, content-type and body (or json) into
 *              cases that have no "expect" yet (review them by hand after)
 */
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { bindingsFor } from './node-bindings.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
// esbuild comes from the build tool's packages ($FCW_TOOL_DIR overrides where)
const toolDir = process.env.FCW_TOOL_DIR || path.join(here, '../../contrib/fcworker-build');
const require = createRequire(path.join(toolDir, 'package.json'));
const esbuild = require('esbuild');

const args = process.argv.slice(2);
const show = args.includes('--show');
const fill = args.includes('--fill');
let apps = args.filter((a) => !a.startsWith('--'));
if (apps.length === 0) {
  apps = fs.readdirSync(here).filter((d) => fs.existsSync(path.join(here, d, 'worker.json'))).sort();
}

// Workers' navigator.userAgent, which libraries tell the runtime by (Hono's
// getRuntimeKey() and env(c)); Node 20 has no navigator
Object.defineProperty(globalThis, 'navigator', {
  value: { userAgent: 'Cloudflare-Workers' }, configurable: true, writable: true,
});

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fcw-apps-node-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));

async function load(app, meta) {
  const out = path.join(tmp, `${app}.mjs`);
  await esbuild.build({
    entryPoints: [path.join(here, app, meta.entry)],
    outfile: out,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    mainFields: ['browser', 'module', 'main'],
    conditions: ['workerd', 'worker', 'browser'],
    define: { 'process.env.NODE_ENV': '"production"' },
    // the one Node.js module the Workers runtime (and fcworker) gives apps
    external: ['node:async_hooks', 'async_hooks'],
    logLevel: 'error',
  });
  const listeners = [];
  globalThis.addEventListener = (type, fn) => type === 'fetch' && listeners.push(fn);
  const mod = await import(pathToFileURL(out).href);
  if (mod.default && typeof mod.default.fetch === 'function') {
    return (req, env, ctx) => mod.default.fetch(req, env, ctx);
  }
  if (!listeners.length) throw new Error(`${app}: no default export with fetch and no fetch listener`);
  const listener = listeners[0];
  return (request) =>
    new Promise((resolve, reject) => {
      listener({ request, respondWith: (r) => Promise.resolve(r).then(resolve, reject), waitUntil() {} });
    });
}

function cookieHeader(res) {
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

function headerValues(res, name) {
  if (name === 'set-cookie') return res.headers.getSetCookie();
  const v = res.headers.get(name);
  return v === null ? [] : [v];
}

export function check(expect, res, body) {
  const bad = [];
  if (expect.status !== undefined && res.status !== expect.status) bad.push(`status ${res.status}, expected ${expect.status}`);
  for (const [name, want] of Object.entries(expect.headers || {})) {
    const got = headerValues(res, name);
    if (!got.includes(want) && got.join(', ') !== want) bad.push(`header ${name}: got ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  }
  for (const [name, re] of Object.entries(expect.headerMatch || {})) {
    const got = headerValues(res, name).join(', ');
    if (!new RegExp(re).test(got)) bad.push(`header ${name}: got ${JSON.stringify(got)}, expected to match /${re}/`);
  }
  for (const name of expect.absentHeaders || []) {
    if (res.headers.has(name)) bad.push(`header ${name} should be absent, got ${JSON.stringify(res.headers.get(name))}`);
  }
  if (expect.body !== undefined && body !== expect.body) bad.push(`body ${JSON.stringify(body)}, expected ${JSON.stringify(expect.body)}`);
  if (expect.bodyMatch !== undefined && !new RegExp(expect.bodyMatch).test(body)) bad.push(`body ${JSON.stringify(body)} does not match /${expect.bodyMatch}/`);
  for (const part of [].concat(expect.bodyContains || [])) {
    if (!body.includes(part)) bad.push(`body lacks ${JSON.stringify(part)}`);
  }
  if (expect.json !== undefined) {
    let got;
    try {
      got = JSON.parse(body);
    } catch {
      got = Symbol('not JSON');
    }
    if (!isDeepStrictEqual(got, expect.json)) bad.push(`json ${body}, expected ${JSON.stringify(expect.json)}`);
  }
  return bad;
}

async function bodyOf(res, expect) {
  const bytes = Buffer.from(await res.arrayBuffer());
  if (expect.gunzip) {
    // Node's fetch does not decode a Response made in-process
    return res.headers.get('content-encoding') === 'gzip' ? zlib.gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
  }
  return bytes.toString('utf8');
}

let passed = 0;
let failed = 0;
for (const app of apps) {
  const dir = path.join(here, app);
  const meta = JSON.parse(fs.readFileSync(path.join(dir, 'worker.json'), 'utf8'));
  const casesFile = path.join(dir, 'cases.json');
  const cases = JSON.parse(fs.readFileSync(casesFile, 'utf8'));
  let handler;
  try {
    handler = await load(app, meta);
  } catch (e) {
    console.log(`not ok - ${app}: load: ${e.message}`);
    failed += cases.length;
    continue;
  }
  const responses = [];
  const captured = {};
  let changed = false;
  // one env for all the cases of an app: KV and D1 keep their state
  const env = await bindingsFor(dir, meta);
  for (const [i, raw] of cases.entries()) {
    const c = substitute(raw, captured);
    const headers = new Headers(c.headers || {});
    if (c.useCookieFrom !== undefined) headers.set('cookie', cookieHeader(responses[c.useCookieFrom]));
    const init = { method: c.method || 'GET', headers };
    if (c.body !== null && c.body !== undefined) init.body = c.body;
    const req = new Request(`http://${app}.test${c.path}`, init);
    const label = `${app}: case ${i}: ${c.method || 'GET'} ${c.path}${c.name ? ` (${c.name})` : ''}`;
    let res;
    let body;
    try {
      res = await handler(req, env, { waitUntil() {}, passThroughOnException() {} });
      body = await bodyOf(res, c.expect || {});
      for (const [name, re] of Object.entries(c.capture || {})) {
        const m = new RegExp(re).exec(body);
        if (m) captured[name] = m[1];
      }
    } catch (e) {
      res = new Response(null, { status: 599 });
      body = `exception: ${e.stack}`;
    }
    responses.push(res);
    if (show) {
      console.log(`# ${label}\n#   ${res.status} ${JSON.stringify([...res.headers])}\n#   ${JSON.stringify(body.slice(0, 1500))}`);
    }
    if (!raw.expect && fill) {
      const expect = { status: res.status };
      const type = res.headers.get('content-type');
      if (type) expect.headers = { 'content-type': type };
      try {
        expect.json = JSON.parse(body);
      } catch {
        expect.body = body;
      }
      raw.expect = expect;
      c.expect = expect;
      changed = true;
    }
    const bad = c.expect ? check(c.expect, res, body) : ['no expect'];
    if (bad.length) {
      failed++;
      console.log(`not ok - ${label}\n${bad.map((b) => `#   ${b}`).join('\n')}`);
    } else {
      passed++;
      console.log(`ok - ${label}`);
    }
  }
  if (changed) fs.writeFileSync(casesFile, formatCases(cases));
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

// {{NAME}} anywhere in a case: the value an earlier case's "capture" took
// (its regular expression's first group, from that response's body).
export function substitute(c, captured) {
  return JSON.parse(
    JSON.stringify(c).replace(/\{\{(\w+)\}\}/g, (all, name) => (name in captured ? JSON.stringify(captured[name]).slice(1, -1) : all)),
  );
}

// One case per line group: the request on one line, its expect on the next.
export function formatCases(cases) {
  return `[\n${cases
    .map((c) => {
      const { expect, ...req } = c;
      return `  ${JSON.stringify(req).slice(0, -1)},\n   "expect": ${JSON.stringify(expect)}}`;
    })
    .join(',\n')}\n]\n`;
}
