// SPDX-License-Identifier: MIT
// Serves one benchmark app (an ES module bundle whose default export has
// fetch(request, env)) with @hono/node-server, as Node apps are run in
// production: node's cluster module, one worker process per CPU (or
// BENCH_NODE_WORKERS), all sharing one listening socket.
//
//   node node-server.mjs BUNDLE PORT [NAME=VALUE ...]   (NAME=VALUE: env vars of the app)
import cluster from 'node:cluster';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';

const [bundle, port, ...vars] = process.argv.slice(2);
if (!bundle || !port) {
    console.error('usage: node node-server.mjs BUNDLE PORT [NAME=VALUE ...]');
    process.exit(2);
}

if (cluster.isPrimary) {
    const workers = Number(process.env.BENCH_NODE_WORKERS) || os.availableParallelism();
    for (let i = 0; i < workers; i++) cluster.fork();
    cluster.on('exit', (worker, code, signal) => {
        if (shuttingDown) return;
        console.error(`worker ${worker.process.pid} exited (${signal || code})`);
        // with no worker left the primary would end with status 0, as if
        // asked to: say that the server failed instead
        if (Object.keys(cluster.workers).length === 0) {
            console.error('node-server: every worker exited; stopping');
            process.exit(1);
        }
    });
    let shuttingDown = false;
    process.on('SIGTERM', () => {
        shuttingDown = true;
        for (const id in cluster.workers) cluster.workers[id].process.kill('SIGTERM');
        setTimeout(() => process.exit(0), 200).unref();
        cluster.on('exit', () => {
            if (Object.keys(cluster.workers).length === 0) process.exit(0);
        });
    });
} else {
    const env = {};
    for (const v of vars) {
        const eq = v.indexOf('=');
        env[v.slice(0, eq)] = v.slice(eq + 1);
    }
    const app = (await import(pathToFileURL(path.resolve(bundle)).href)).default;
    serve({ fetch: (request) => app.fetch(request, env), port: Number(port), hostname: '127.0.0.1' });
}
