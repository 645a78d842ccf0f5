#!/usr/bin/env node
/*
 * Prepares the WPT files in t/wpt/tests for fcworker's runtime: for every
 * *.any.js file under the folders named on the command line (relative to
 * t/wpt/tests, as in the WPT repository), reads its "// META: script=..."
 * lines, joins t/wpt/harness/testharness.js and those scripts (a path
 * starting with / is from the WPT root, others from the test's folder),
 * lowers them and the test with fcworker-build's lowerScript (as worker
 * scripts are lowered) and writes to OUTDIR one script that runs the
 * harness and scripts, then the test in an indirect eval (an exception
 * while it loads is a harness error, as in testharness.js). Prints one JSON line per file:
 *   {"id", "file" (the lowered script, or null), "lowerError"}
 * Usage: prepare.js OUTDIR DIR...
 */
'use strict';

const fs = require('fs');
const path = require('path');

const here = __dirname;
const root = path.join(here, 'tests');
const { lowerScript } = require(path.join(here, '..', '..', 'contrib', 'fcworker-build', 'lib', 'lower.js'));
const harness = fs.readFileSync(path.join(here, 'harness', 'testharness.js'), 'utf8');

function listTests(dir, out) {
    for (const name of fs.readdirSync(dir).sort()) {
        const p = path.join(dir, name);
        if (fs.statSync(p).isDirectory()) {
            if (name !== 'resources') {
                listTests(p, out);
            }
        } else if (name.endsWith('.any.js')) {
            out.push(p);
        }
    }
    return out;
}

async function prepare(outDir, file) {
    const id = path.relative(root, file).split(path.sep).join('/');
    const rec = { id, file: null, lowerError: null };
    const text = fs.readFileSync(file, 'utf8');
    const parts = [
        `var WPT_FILE = ${JSON.stringify(id)};\nvar WPT_DIR = ${JSON.stringify(path.dirname(file))};\n`,
        harness,
    ];
    for (const m of text.matchAll(/^\/\/ META: script=(\S+)\s*$/gm)) {
        const src = m[1].startsWith('/') ? path.join(root, m[1]) : path.join(path.dirname(file), m[1]);
        try {
            parts.push(fs.readFileSync(src, 'utf8'));
        } catch (e) {
            rec.lowerError = `META script ${m[1]}: ${e.code || e.message}`;
            return rec;
        }
    }
    try {
        // The test runs in an indirect eval: an exception while it loads is
        // reported as a harness error (as testharness.js does) and the
        // subtests it registered before still report.
        const prefix = await lowerScript(parts.join('\n'), id + ' (harness)');
        const body = await lowerScript(text, id);
        const code = `${prefix}\ntry {\n    (0, eval)(${JSON.stringify(body)});\n} catch (e) {\n    __wpt_uncaught(e);\n}\n__wpt_loaded();\n`;
        const out = path.join(outDir, id.replace(/[\/\\]/g, '__'));
        fs.writeFileSync(out, code);
        rec.file = out;
    } catch (e) {
        rec.lowerError = String(e && e.name ? `${e.name}: ${e.message}` : e).split('\n')[0];
    }
    return rec;
}

async function main() {
    const [outDir, ...dirs] = process.argv.slice(2);
    if (!outDir || dirs.length === 0) {
        process.stderr.write('usage: prepare.js OUTDIR DIR...\n');
        process.exit(2);
    }
    fs.mkdirSync(outDir, { recursive: true });
    for (const dir of dirs) {
        for (const file of listTests(path.join(root, dir), [])) {
            process.stdout.write(JSON.stringify(await prepare(outDir, file)) + '\n');
        }
    }
}

main().catch((e) => {
    process.stderr.write(`prepare.js: ${e && e.stack || e}\n`);
    process.exit(1);
});
