#!/usr/bin/env node
// SPDX-License-Identifier: MIT
/*
 * Writes t/data/intl-expected.json: each case of t/data/intl-cases.json
 * with the result node (full ICU) gives for it, which t/js/intl.js checks
 * the runtime against. Run from the top of the tree after changing the
 * cases: node contrib/intl/expectations.js
 */
'use strict';
var fs = require('fs');
var cases = JSON.parse(fs.readFileSync('t/data/intl-cases.json', 'utf8'));

function run(c) {
    var kind = c[0], locales = c[1] === null ? undefined : c[1], options = c[2] === null ? undefined : c[2];
    var v = c[3];
    switch (kind) {
    case 'dtf': return new Intl.DateTimeFormat(locales, options).format(v);
    case 'dtfParts': return new Intl.DateTimeFormat(locales, options).formatToParts(v);
    case 'dtfResolved': return new Intl.DateTimeFormat(locales, options).resolvedOptions();
    case 'toLocaleString': return new Date(v).toLocaleString(locales, options);
    case 'toLocaleDateString': return new Date(v).toLocaleDateString(locales, options);
    case 'toLocaleTimeString': return new Date(v).toLocaleTimeString(locales, options);
    case 'nf': return new Intl.NumberFormat(locales, options).format(v);
    case 'nfParts': return new Intl.NumberFormat(locales, options).formatToParts(v);
    case 'nfResolved': return new Intl.NumberFormat(locales, options).resolvedOptions();
    case 'pr': return new Intl.PluralRules(locales, options).select(v);
    case 'prResolved': return new Intl.PluralRules(locales, options).resolvedOptions();
    case 'sort': return v.slice().sort(new Intl.Collator(locales, options).compare);
    case 'compare': return Math.sign(new Intl.Collator(locales, options).compare(v[0], v[1]));
    case 'colResolved': return new Intl.Collator(locales, options).resolvedOptions();
    case 'canonical': return Intl.getCanonicalLocales(v);
    case 'supported': return Intl[options].supportedLocalesOf(v);
    case 'rtf': return new Intl.RelativeTimeFormat(locales, options).format(v[0], v[1]);
    case 'rtfParts': return new Intl.RelativeTimeFormat(locales, options).formatToParts(v[0], v[1]);
    case 'rtfResolved': return new Intl.RelativeTimeFormat(locales, options).resolvedOptions();
    case 'lf': return new Intl.ListFormat(locales, options).format(v);
    case 'lfParts': return new Intl.ListFormat(locales, options).formatToParts(v);
    case 'lfResolved': return new Intl.ListFormat(locales, options).resolvedOptions();
    case 'prRange': return new Intl.PluralRules(locales, options).selectRange(v[0], v[1]);
    default: throw new Error('unknown case kind ' + kind);
    }
}

/* A case that throws expects an error of the same kind (its message is
 * the engine's own). */
var out = cases.map(function (c) {
    var expected;
    try {
        expected = run(c);
    } catch (e) {
        expected = 'threw ' + e.name;
    }
    return { input: c, expected: expected };
});
fs.writeFileSync('t/data/intl-expected.json', JSON.stringify(out, null, 0).replace(/\},\{"input"/g, '},\n{"input"') + '\n');
