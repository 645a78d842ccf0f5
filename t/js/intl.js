// SPDX-License-Identifier: MIT
/*
 * Intl and the toLocale* methods against what node (full ICU) prints for
 * en-US: t/data/intl-expected.json, written by contrib/intl/expectations.js
 * from t/data/intl-cases.json. Each case is [kind, locales, options, value];
 * null stands for undefined. Then the errors ECMA-402 asks for.
 */
var CASES = JSON.parse(readFile(env.FCW_CONFORMANCE + '/../intl-expected.json'));

function run(c) {
    var kind = c[0];
    var locales = c[1] === null ? void 0 : c[1];
    var options = c[2] === null ? void 0 : c[2];
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
    }
    throw new Error('unknown case kind ' + kind);
}

/* Resolved options are compared as sorted [key, value] lists: the order
 * of their properties is checked by the tests below. */
function normalizeResult(x) {
    if (x === null || typeof x !== 'object' || Array.isArray(x)) {
        return x;
    }
    return Object.keys(x).sort().map(function (k) { return [k, x[k]]; });
}

test('Intl: results match node for en-US', function (t) {
    for (var i = 0; i < CASES.length; i++) {
        var c = CASES[i];
        var got;
        try {
            got = run(c.input);
        } catch (e) {
            got = 'threw ' + e.name;
        }
        t.deepEqual(normalizeResult(got), normalizeResult(c.expected), JSON.stringify(c.input));
    }
});

test('Intl: the default locale and the en-US defaults', function (t) {
    t.equal(new Date(2020, 0, 2).toLocaleDateString(), '1/2/2020');
    t.equal(new Date(2020, 0, 2, 13, 5).toLocaleTimeString(), '1:05:00 PM');
    t.equal((1234567.891).toLocaleString(), '1,234,567.891');
    t.equal((1234.5).toLocaleString('en-US', { style: 'currency', currency: 'USD' }), '$1,234.50');
    t.equal('a'.localeCompare('b'), -1);
    t.equal('a'.localeCompare('a'), 0);
    t.equal(new Intl.NumberFormat().resolvedOptions().locale, 'en-US');
    t.equal(new Intl.NumberFormat('fr-FR').resolvedOptions().locale, 'en-US', 'an unsupported locale falls back');
    t.equal(new Intl.NumberFormat('en-GB').resolvedOptions().locale, 'en');
    t.deepEqual(Object.keys(new Intl.DateTimeFormat('en-US', { timeZone: 'UTC' }).resolvedOptions()),
        ['locale', 'calendar', 'numberingSystem', 'timeZone', 'year', 'month', 'day']);
    t.equal(Object.prototype.toString.call(Intl), '[object Intl]');
    t.equal(Object.prototype.toString.call(new Intl.Collator()), '[object Intl.Collator]');
    t.equal(typeof Intl.DateTimeFormat.prototype.formatToParts, 'function');
    t.equal(Intl.NumberFormat.length, 0);
    t.equal(Intl.NumberFormat.name, 'NumberFormat');
    t.ok(Intl.DateTimeFormat() instanceof Intl.DateTimeFormat, 'callable without new');
    var f = new Intl.NumberFormat('en-US').format;
    t.equal(f(1e3), '1,000', 'format is bound');
    var nf = new Intl.NumberFormat('en-US');
    t.equal(nf.format, nf.format, 'the bound format is made once');
    t.equal(new Intl.NumberFormat().format(-0), '-0');
    t.equal(new Intl.NumberFormat('en', { signDisplay: 'exceptZero' }).format(-0), '0');
    t.equal(new Intl.NumberFormat('en', { style: 'currency', currency: 'USD', currencySign: 'accounting' }).format(-0),
        '($0.00)');
    t.deepEqual(Intl.NumberFormat.supportedLocalesOf(['fr', 'en-GB', 'de']), ['en-GB'], 'only English is available');
    t.equal(new Date(Date.UTC(2020, 0, 2)).toLocaleDateString('de-DE', { timeZone: 'UTC' }), '1/2/2020',
        'other locales format as en-US');
    t.equal(new Intl.DateTimeFormat('de-DE').resolvedOptions().locale, 'en-US');
    t.equal(new Intl.DateTimeFormat('en', { timeZone: 'asia/kolkata' }).resolvedOptions().timeZone, 'Asia/Kolkata');
    t.equal(['c', 'a', 'b'].map(new Intl.Collator().compare.bind(null, 'b')).join(), '-1,1,0');
});

test('Intl: bad input throws what ECMA-402 says', function (t) {
    t.throws(function () { Intl.getCanonicalLocales('en_US'); }, RangeError);
    t.throws(function () { Intl.getCanonicalLocales(['en', 5]); }, TypeError);
    t.throws(function () { Intl.getCanonicalLocales(null); }, TypeError);
    t.throws(function () { new Intl.NumberFormat('en', { style: 'currency' }); }, TypeError);
    t.throws(function () { new Intl.NumberFormat('en', { style: 'currency', currency: 'US' }); }, RangeError);
    t.throws(function () { new Intl.NumberFormat('en', { style: 'bogus' }); }, RangeError);
    t.throws(function () { new Intl.NumberFormat('en', { maximumFractionDigits: 101 }); }, RangeError);
    t.throws(function () { new Intl.NumberFormat('en', { minimumFractionDigits: 3, maximumFractionDigits: 1 }); },
        RangeError);
    t.throws(function () { new Intl.NumberFormat('en', null); }, TypeError);
    t.throws(function () { new Intl.DateTimeFormat('en', { timeZone: 'Mars/Olympus' }); }, RangeError);
    t.throws(function () { new Intl.DateTimeFormat('en', { timeZone: '../../etc/passwd' }); }, RangeError);
    t.throws(function () { new Intl.DateTimeFormat('en', { dateStyle: 'short', year: 'numeric' }); }, TypeError);
    t.throws(function () { new Intl.DateTimeFormat('en', { hourCycle: 'h25' }); }, RangeError);
    t.throws(function () { new Intl.DateTimeFormat('en').format(NaN); }, RangeError);
    t.throws(function () { new Date(0).toLocaleDateString('en', { timeStyle: 'short' }); }, TypeError);
    t.throws(function () { new Date(0).toLocaleTimeString('en', { dateStyle: 'short' }); }, TypeError);
    t.equal(new Date(NaN).toLocaleString(), 'Invalid Date');
    t.throws(function () { Intl.PluralRules('en'); }, TypeError);
    t.throws(function () { Intl.Collator.prototype.resolvedOptions.call({}); }, TypeError);
    t.throws(function () { new Intl.Collator('en', { sensitivity: 'all' }); }, RangeError);
    t.throws(function () { String.prototype.localeCompare.call(null, 'a'); }, TypeError);
});

/* Two ASCII strings of up to 256 bytes are compared in C
 * (native.collateAscii, lib/api_builtins.c), longer ones by the weights of
 * js/18-intl.js. A common prefix of letters changes no comparison under
 * those weights (its primaries and tertiaries are the same on both sides
 * and come first), so each pair is also compared after 300 'a's, which
 * sends it to the JavaScript: both must agree, for 6,000 random pairs
 * under every option. */
test('Collator: ASCII strings compared in C as by the weights of the JavaScript', function (t) {
    var seed = 5, alphabet = 'aAbBmzZ0917 _-.,!?\'"()@#$%^&*~`|\\/<>[]{}:;+=\t\x01\x7f00';
    function random(n) {
        /* Park and Miller's generator, exact in doubles; the high bits */
        seed = seed * 48271 % 2147483647;
        return Math.floor(seed / 2147483647 * n);
    }
    function str() {
        var s = '';
        for (var n = random(9); n > 0; n--) {
            s += alphabet.charAt(random(alphabet.length));
        }
        return s;
    }
    var sensitivities = ['base', 'accent', 'case', 'variant'], bad = [], prefix = new Array(301).join('a');
    for (var i = 0; i < 6000 && bad.length < 3; i++) {
        var options = { numeric: random(2) === 1, ignorePunctuation: random(3) === 0,
            sensitivity: sensitivities[random(4)], caseFirst: random(3) === 0 ? 'upper' : 'false' };
        var x = str(), y = random(4) === 0 ? x.toUpperCase() : str();
        var collator = new Intl.Collator('en', options);
        var got = Math.sign(collator.compare(x, y));
        var want = Math.sign(collator.compare(prefix + x, prefix + y));
        if (got !== want) {
            bad.push(JSON.stringify([x, y, options, got, want]));
        }
    }
    t.equal(bad.join('; '), '', 'every pair');
    t.equal(['b10', 'B2', 'a', 'A', 'b2'].sort(new Intl.Collator('en', { numeric: true }).compare).join(), 'a,A,b2,B2,b10',
        'numeric, case after the letter');
});
