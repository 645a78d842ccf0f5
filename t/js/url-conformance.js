// SPDX-License-Identifier: MIT
/*
 * Runs the web-platform-tests URL vectors (urltestdata.json and
 * setters_tests.json from env.FCW_CONFORMANCE) against URL, reports each
 * failing case as a comment and asserts the pass rates: at least 98% of
 * urltestdata.json and of setters_tests.json.
 */
var COMPONENTS = ['href', 'protocol', 'username', 'password', 'host', 'hostname',
    'port', 'pathname', 'search', 'hash'];

function loadVectors(name) {
    return JSON.parse(readFile(env.FCW_CONFORMANCE + '/' + name));
}

function show(s) {
    return JSON.stringify(s);
}

/* Returns null when the case passes, else what went wrong. */
function checkParseCase(c) {
    var url, i, name;
    try {
        url = c.base === null || c.base === undefined ? new URL(c.input) : new URL(c.input, c.base);
    } catch (e) {
        return c.failure ? null : 'threw ' + e.message;
    }
    if (c.failure) {
        return 'parsed as ' + url.href + ' but must fail';
    }
    if (c.origin !== undefined && url.origin !== c.origin) {
        return 'origin ' + show(url.origin) + ' != ' + show(c.origin);
    }
    for (i = 0; i < COMPONENTS.length; i++) {
        name = COMPONENTS[i];
        if (url[name] !== c[name]) {
            return name + ' ' + show(url[name]) + ' != ' + show(c[name]);
        }
    }
    if (URL.canParse(c.input, c.base === null ? undefined : c.base) !== true) {
        return 'URL.canParse is not true';
    }
    return null;
}

function checkSetterCase(attribute, c) {
    var url = new URL(c.href), keys = Object.keys(c.expected), i;
    url[attribute] = c.new_value;
    for (i = 0; i < keys.length; i++) {
        if (url[keys[i]] !== c.expected[keys[i]]) {
            return keys[i] + ' ' + show(url[keys[i]]) + ' != ' + show(c.expected[keys[i]]);
        }
    }
    return null;
}

function summarize(t, label, passed, total) {
    var rate = total ? passed / total : 0;
    t.comment(label + ': ' + passed + '/' + total + ' passed (' + (rate * 100).toFixed(1) + '%)');
    t.ok(total > 0 && rate >= 0.98, label + ' pass rate is at least 98%');
}

test('urltestdata.json', function (t) {
    var cases = loadVectors('urltestdata.json'), passed = 0, total = 0, i, c, why;
    for (i = 0; i < cases.length; i++) {
        c = cases[i];
        if (typeof c !== 'object') {
            continue;
        }
        total++;
        why = checkParseCase(c);
        if (why === null) {
            passed++;
        } else {
            t.comment('FAIL ' + show(c.input) + (c.base ? ' on ' + show(c.base) : '') + ': ' + why);
        }
    }
    summarize(t, 'urltestdata', passed, total);
});

test('setters_tests.json', function (t) {
    var data = loadVectors('setters_tests.json'), passed = 0, total = 0, attrs = Object.keys(data), a, i, why;
    for (a = 0; a < attrs.length; a++) {
        if (attrs[a] === 'comment') {
            continue;
        }
        for (i = 0; i < data[attrs[a]].length; i++) {
            total++;
            why = checkSetterCase(attrs[a], data[attrs[a]][i]);
            if (why === null) {
                passed++;
            } else {
                t.comment('FAIL ' + attrs[a] + ' = ' + show(data[attrs[a]][i].new_value) + ' on ' +
                    show(data[attrs[a]][i].href) + ': ' + why);
            }
        }
    }
    summarize(t, 'setters_tests', passed, total);
});
