#!/usr/bin/env node
// SPDX-License-Identifier: MIT
/*
 * Prepares the test262 subset in t/test262/test for fcworker's runtime: for
 * every test file under the folders named on the command line, reads its
 * front matter, joins the harness files it includes with the test, lowers
 * the whole script with fcworker-build's lowerScript (as worker scripts are
 * lowered) and writes it to OUTDIR. Prints one JSON line per test to stdout:
 *   {"id", "file" (the lowered script, or null), "negative": {phase, type},
 *    "async", "features", "skip" (why it is not run), "lowerError"}
 * Usage: prepare.js OUTDIR DIR...   (DIRs relative to t/test262/test)
 */
'use strict';

const fs = require('fs');
const path = require('path');

const here = __dirname;
const { lowerScript } = require(path.join(here, '..', '..', 'contrib', 'fcworker-build', 'lib', 'lower.js'));

/* What the runtime offers in place of a second realm or an agent: tests that
 * need them cannot run in one Duktape heap. */
const PRELUDE = `var $262 = {
  global: this,
  gc: function () {},
  evalScript: function (src) { return (0, eval)(src); },
  detachArrayBuffer: function () { throw new Test262Error('detachArrayBuffer is not available'); },
  createRealm: function () { throw new Test262Error('createRealm is not available'); },
  agent: {}
};
`;

function listTests(dir, out) {
    for (const name of fs.readdirSync(dir).sort()) {
        const p = path.join(dir, name);
        if (fs.statSync(p).isDirectory()) {
            listTests(p, out);
        } else if (name.endsWith('.js') && !name.includes('_FIXTURE')) {
            out.push(p);
        }
    }
    return out;
}

/* The few shapes of YAML that test262's front matter uses: "key: value",
 * "key: [a, b]", "key:" followed by "  - item" lines or "  sub: value". */
function frontMatter(text) {
    const m = /\/\*---([\s\S]*?)---\*\//.exec(text);
    const meta = { includes: [], flags: [], features: [], negative: null };
    if (!m) {
        return meta;
    }
    let key = null;
    for (const raw of m[1].split(/\r?\n/)) {
        const top = /^([A-Za-z_]+):\s*(.*)$/.exec(raw);
        if (top) {
            key = top[1];
            const value = top[2].trim();
            if (value.startsWith('[')) {
                meta[key] = value.replace(/^\[|\]$/g, '').split(',').map((s) => s.trim()).filter(Boolean);
            } else if (key === 'negative') {
                meta.negative = {};
            } else if (value !== '' && value !== '|' && value !== '>') {
                meta[key] = value;
            } else if (Array.isArray(meta[key])) {
                meta[key] = [];
            }
            continue;
        }
        const item = /^\s+-\s+(.*)$/.exec(raw);
        if (item && Array.isArray(meta[key])) {
            meta[key].push(item[1].trim());
            continue;
        }
        const sub = /^\s+([A-Za-z_]+):\s*(.*)$/.exec(raw);
        if (sub && key === 'negative') {
            meta.negative[sub[1]] = sub[2].trim();
        }
    }
    return meta;
}

const harnessCache = new Map();
function harness(name) {
    if (!harnessCache.has(name)) {
        harnessCache.set(name, fs.readFileSync(path.join(here, 'harness', name), 'utf8'));
    }
    return harnessCache.get(name);
}

async function prepare(outDir, file, root) {
    const id = path.relative(root, file);
    const text = fs.readFileSync(file, 'utf8');
    const meta = frontMatter(text);
    const flags = meta.flags;
    const rec = {
        id,
        file: null,
        negative: meta.negative,
        async: flags.includes('async'),
        features: meta.features,
        skip: null,
        lowerError: null
    };
    if (flags.includes('module')) {
        rec.skip = 'module code';
        return rec;
    }
    let source = '';
    if (!flags.includes('raw')) {
        const includes = ['assert.js', 'sta.js'];
        if (rec.async) {
            includes.push('doneprintHandle.js');
        }
        for (const inc of meta.includes) {
            if (!includes.includes(inc)) {
                includes.push(inc);
            }
        }
        source = PRELUDE + includes.map(harness).join('\n') + '\n';
        if (flags.includes('onlyStrict')) {
            source = '"use strict";\n' + source;
        }
    }
    source += text;
    try {
        const code = await lowerScript(source, id);
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
    const root = path.join(here, 'test');
    for (const dir of dirs) {
        for (const file of listTests(path.join(root, dir), [])) {
            process.stdout.write(JSON.stringify(await prepare(outDir, file, root)) + '\n');
        }
    }
}

main().catch((e) => {
    process.stderr.write(`prepare.js: ${e && e.stack || e}\n`);
    process.exit(1);
});
