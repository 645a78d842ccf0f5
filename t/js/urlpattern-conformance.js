// SPDX-License-Identifier: MIT
/*
 * Runs every entry of the web-platform-tests URLPattern vectors
 * (urlpatterntestdata.json from env.FCW_CONFORMANCE) against URLPattern,
 * reports each failing entry as a comment and asserts the pass rate.
 * An entry checks: construction (or its TypeError), every component's
 * pattern string (expected_obj's, else the value the WPT harness derives
 * from the constructor's arguments), test() and exec() on the inputs (or their
 * TypeError), the inputs echoed back, and every component's input and groups
 * (a component not listed must be the empty wildcard match; a null group in
 * the data stands for undefined). An entry without inputs (newer entries
 * on hostname canonicalization) checks that each component of
 * expected_match is the pattern's canonical string, and derives no others.
 */
var COMPONENTS = ['protocol', 'username', 'password', 'hostname', 'port', 'pathname', 'search', 'hash'];

function show(s) {
    return JSON.stringify(s);
}

function construct(args) {
    var P = URLPattern;
    switch (args.length) {
    case 0: return new P();
    case 1: return new P(args[0]);
    case 2: return new P(args[0], args[1]);
    default: return new P(args[0], args[1], args[2]);
    }
}

function sameGroups(actual, expected) {
    var a = Object.keys(actual).sort(), e = Object.keys(expected).sort(), i, want;
    if (a.join('\u0000') !== e.join('\u0000')) {
        return false;
    }
    for (i = 0; i < e.length; i++) {
        want = expected[e[i]] === null ? undefined : expected[e[i]];
        if (actual[e[i]] !== want) {
            return false;
        }
    }
    return true;
}

function sameValue(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
}

/* Components whose presence in an init stops later ones inheriting from
 * the base URL (they become wildcards). */
var EARLIER = {
    protocol: [], username: [], password: [], hostname: ['protocol'], port: ['protocol', 'hostname'],
    pathname: ['protocol', 'hostname', 'port'], search: ['protocol', 'hostname', 'port', 'pathname'],
    hash: ['protocol', 'hostname', 'port', 'pathname', 'search']
};

/* A component's expected pattern string: expected_obj's if listed, else
 * '' for an exactly empty component, the init's own value, a wildcard when
 * an earlier component is given, the base URL's part, or a wildcard. */
function expectedPatternString(entry, name) {
    var init = entry.pattern[0], base = null, value;
    if (entry.expected_obj && entry.expected_obj[name] !== undefined) {
        return entry.expected_obj[name];
    }
    if (entry.exactly_empty_components && entry.exactly_empty_components.indexOf(name) >= 0) {
        return '';
    }
    if (init !== null && typeof init === 'object') {
        if (init[name]) {
            return init[name];
        }
        if (EARLIER[name].some(function (c) { return c in init; })) {
            return '*';
        }
        if (init.baseURL) {
            base = new URL(init.baseURL);
        }
    } else if (entry.pattern.length > 1 && typeof entry.pattern[1] === 'string') {
        base = new URL(entry.pattern[1]);
    }
    if (base && name !== 'username' && name !== 'password') {
        value = base[name];
        if (name === 'protocol') {
            return value.slice(0, -1);
        }
        return name === 'search' || name === 'hash' ? value.slice(1) : value;
    }
    return '*';
}

/* Returns null when the entry passes, else what went wrong. */
function checkEntry(entry) {
    var pattern, i, name, inputs = entry.inputs, result, tested, expected, actual, want;
    try {
        pattern = construct(entry.pattern);
    } catch (e) {
        if (entry.expected_obj === 'error' && e instanceof TypeError) {
            return null;
        }
        return 'constructor threw ' + e;
    }
    if (entry.expected_obj === 'error') {
        return 'constructor did not throw';
    }
    for (i = 0; i < COMPONENTS.length; i++) {
        name = COMPONENTS[i];
        want = expectedPatternString(entry, name);
        if ((inputs || (entry.expected_obj && entry.expected_obj[name] !== undefined)) && pattern[name] !== want) {
            return name + ' ' + show(pattern[name]) + ' != ' + show(want);
        }
    }
    if (!inputs) {
        for (name in entry.expected_match || {}) {
            if (pattern[name] !== entry.expected_match[name].input) {
                return name + ' ' + show(pattern[name]) + ' != ' + show(entry.expected_match[name].input);
            }
        }
        return null;
    }
    if (entry.expected_match === 'error') {
        try {
            pattern.exec.apply(pattern, inputs);
        } catch (e) {
            if (!(e instanceof TypeError)) {
                return 'exec threw ' + e;
            }
            try {
                pattern.test.apply(pattern, inputs);
            } catch (e2) {
                return e2 instanceof TypeError ? null : 'test threw ' + e2;
            }
            return 'test did not throw';
        }
        return 'exec did not throw';
    }
    try {
        result = pattern.exec.apply(pattern, inputs);
        tested = pattern.test.apply(pattern, inputs);
    } catch (e) {
        return 'exec threw ' + e;
    }
    if (tested !== !!entry.expected_match) {
        return 'test() is ' + tested;
    }
    if (!entry.expected_match) {
        return result === null ? null : 'exec() matched';
    }
    if (!result) {
        return 'exec() is null';
    }
    want = entry.expected_match.inputs || inputs;
    if (!sameValue(result.inputs, want)) {
        return 'inputs ' + show(result.inputs) + ' != ' + show(want);
    }
    for (i = 0; i < COMPONENTS.length; i++) {
        name = COMPONENTS[i];
        expected = entry.expected_match[name];
        if (!expected) {
            expected = { input: '', groups: {} };
            if (!entry.exactly_empty_components || entry.exactly_empty_components.indexOf(name) < 0) {
                expected.groups['0'] = '';
            }
        }
        actual = result[name];
        if (actual.input !== expected.input || !sameGroups(actual.groups, expected.groups)) {
            return name + ' ' + show(actual) + ' != ' + show(expected);
        }
    }
    return null;
}

test('WPT urlpatterntestdata.json', function (t) {
    var entries = JSON.parse(readFile(env.FCW_CONFORMANCE + '/urlpatterntestdata.json'));
    var passed = 0, i, problem, rate;
    for (i = 0; i < entries.length; i++) {
        try {
            problem = checkEntry(entries[i]);
        } catch (e) {
            problem = 'threw ' + e;
        }
        if (problem === null) {
            passed++;
        } else {
            t.comment('entry ' + i + ' ' + show(entries[i].pattern) + ' ' + show(entries[i].inputs) + ': ' + problem);
        }
    }
    rate = passed / entries.length;
    t.comment('urlpatterntestdata.json: ' + passed + '/' + entries.length + ' passed (' + (rate * 100).toFixed(1) + '%)');
    t.ok(entries.length === 340, 'all 340 entries read');
    t.ok(rate >= 0.99, 'pass rate is at least 99%');
});
