// SPDX-License-Identifier: MIT
/*
 * The source-map decoder of js/15-sourcemap.js (Source Map Revision 3):
 * native.registerSourceMap(script, mapText) and native.mapStack(text), with
 * hand-written maps. The runtime's `native` object is only visible when
 * t/jsrun runs with FCW_TEST_NATIVE set, as t/modern.t does; under t/js.t
 * the file reports that it was skipped.
 *
 * The main map, for /srv/app/dist/worker.js with sources ../src/a.ts and
 * ../src/b.ts, one group of segments per generated line:
 *   1 ""        unmapped
 *   2 "AAAA"    a.ts line 1 (all fields 0)
 *   3 "AACA"    a.ts line 2 (original line +1)
 *   4 "A,ECEA"  a column-only segment, then b.ts line 4 (source +1, line +2)
 *   5 "ADAA"    a.ts line 4 (source -1)
 *   6 "AAoGA"   a.ts line 104 (line +100: "oG", two VLQ digits)
 *   7 "AAlDA"   a.ts line 54 (line -50: "lD", a negative number)
 *   8 "AACAC"   a.ts line 55 (a 5-field segment with a name index)
 *   9 "AACA,EACA,EAAA"  a.ts lines 56, 57, 57: the line stands for 57
 *  10 "AAEA,EACA"       a.ts lines 59, 60: a tie, the first wins
 */
if (typeof native === 'object' && native !== null) {
    native.loadLazy('.sourcemap'); /* (loaded for a script's first map, lib/script.c) */
}
var visible = typeof native === 'object' && native !== null && typeof native.registerSourceMap === 'function';
var SCRIPT = '/srv/app/dist/worker.js';

function mapText(fields) {
    var map = { version: 3, file: 'worker.js', sources: ['../src/a.ts', '../src/b.ts'], names: ['x'],
        mappings: ';AAAA;AACA;A,ECEA;ADAA;AAoGA;AAlDA;AACAC;AACA,EACA,EAAA;AAEA,EACA' };
    for (var k in fields) {
        map[k] = fields[k];
    }
    return JSON.stringify(map);
}

function at(path, line) {
    return '    at f (' + path + ':' + line + ') strict';
}

if (!visible) {
    test('source maps: skipped (run by t/modern.t with FCW_TEST_NATIVE)', function (t) {
        t.comment('the runtime\'s native object is not visible to this test');
    });
} else {
    native.registerSourceMap(SCRIPT, mapText({}));

    test('source maps: generated lines map to the original line of their segments', function (t) {
        t.equal(native.mapStack(at(SCRIPT, 2)), at('/srv/app/src/a.ts', 1), 'all-zero segment');
        t.equal(native.mapStack(at(SCRIPT, 3)), at('/srv/app/src/a.ts', 2), 'relative original line');
        t.equal(native.mapStack(at(SCRIPT, 4)), at('/srv/app/src/b.ts', 4),
            'a 1-field segment names no source; the next one does');
        t.equal(native.mapStack(at(SCRIPT, 5)), at('/srv/app/src/a.ts', 4), 'negative source delta');
        t.equal(native.mapStack(at(SCRIPT, 6)), at('/srv/app/src/a.ts', 104), 'multi-digit VLQ');
        t.equal(native.mapStack(at(SCRIPT, 7)), at('/srv/app/src/a.ts', 54), 'negative multi-digit VLQ');
        t.equal(native.mapStack(at(SCRIPT, 8)), at('/srv/app/src/a.ts', 55), '5-field segment');
    });

    test('source maps: a line stands for the original line most of its segments name', function (t) {
        t.equal(native.mapStack(at(SCRIPT, 9)), at('/srv/app/src/a.ts', 57), 'two segments against one');
        t.equal(native.mapStack(at(SCRIPT, 10)), at('/srv/app/src/a.ts', 59), 'a tie goes to the first');
    });

    test('source maps: what is not mapped stays as it was', function (t) {
        t.equal(native.mapStack(at(SCRIPT, 1)), at(SCRIPT, 1), 'a line without segments');
        t.equal(native.mapStack(at(SCRIPT, 40)), at(SCRIPT, 40), 'a line past the mappings');
        t.equal(native.mapStack(at(SCRIPT + '.bak', 2)), at(SCRIPT + '.bak', 2), 'another file');
        t.equal(native.mapStack(at('/other' + SCRIPT, 2)), at('/other' + SCRIPT, 2), 'a longer path');
        t.equal(native.mapStack('no positions here'), 'no positions here');
    });

    test('source maps: every frame of a stack is rewritten', function (t) {
        var stack = 'TypeError: boom\n' + at(SCRIPT, 6) + '\n' + at(SCRIPT, 1) + '\n' + at(SCRIPT, 4) +
            '\n    at [anon] (native) strict preventsyield';
        t.equal(native.mapStack(stack), 'TypeError: boom\n' + at('/srv/app/src/a.ts', 104) + '\n' +
            at(SCRIPT, 1) + '\n' + at('/srv/app/src/b.ts', 4) + '\n    at [anon] (native) strict preventsyield');
    });

    test('source maps: sourceRoot, absolute sources and URLs', function (t) {
        native.registerSourceMap('/srv/x/out.js', mapText({ sourceRoot: '../lib/', sources: ['a.ts', 'b.ts'] }));
        t.equal(native.mapStack(at('/srv/x/out.js', 2)), at('/srv/lib/a.ts', 1),
            'sources are resolved against the script folder through sourceRoot');
        native.registerSourceMap('/srv/y/out.js',
            mapText({ sources: ['/abs/a.ts', 'webpack:///./src/b.ts'] }));
        t.equal(native.mapStack(at('/srv/y/out.js', 2)), at('/abs/a.ts', 1), 'an absolute path is kept');
        t.equal(native.mapStack(at('/srv/y/out.js', 4)), at('webpack:///./src/b.ts', 4), 'a URL is kept');
        native.registerSourceMap('rel/out.js', mapText({}));
        t.equal(native.mapStack(at('rel/out.js', 3)), at('src/a.ts', 2), 'a relative script gives relative paths');
    });

    test('source maps: a second map for a script replaces the first', function (t) {
        native.registerSourceMap('/srv/z/out.js', mapText({}));
        native.registerSourceMap('/srv/z/out.js', mapText({ mappings: 'AAKA' }));
        t.equal(native.mapStack(at('/srv/z/out.js', 1)), at('/srv/src/a.ts', 6));
    });

    test('source maps: maps that are not v3 line maps are refused', function (t) {
        t.throws(function () { native.registerSourceMap('/a.js', 'not json'); }, SyntaxError, 'not JSON');
        t.throws(function () { native.registerSourceMap('/a.js', mapText({ version: 2 })); }, TypeError,
            'version 2');
        t.throws(function () {
            native.registerSourceMap('/a.js', JSON.stringify({ version: 3, sections: [] }));
        }, TypeError, 'an index map');
        t.throws(function () { native.registerSourceMap('/a.js', mapText({ mappings: 1 })); }, TypeError,
            'mappings not a string');
    });

    test('source maps: malformed mappings leave the stack as it was', function (t) {
        native.registerSourceMap('/bad/two.js', mapText({ mappings: 'AA' }));
        t.equal(native.mapStack(at('/bad/two.js', 1)), at('/bad/two.js', 1), 'a 2-field segment');
        native.registerSourceMap('/bad/digit.js', mapText({ mappings: 'AA!A' }));
        t.equal(native.mapStack(at('/bad/digit.js', 1)), at('/bad/digit.js', 1), 'not a Base64 digit');
        native.registerSourceMap('/bad/cut.js', mapText({ mappings: 'AAg' }));
        t.equal(native.mapStack(at('/bad/cut.js', 1)), at('/bad/cut.js', 1), 'a VLQ cut short');
    });

    test('source maps: errorText rewrites a real stack trace', function (t) {
        var e = new Error('mapped');
        var m = /at (?:[^()]*\()?([^()]*sourcemap\.js):(\d+):1\)?$/m.exec(e.stack); /* V8's frame format */
        t.ok(m !== null, 'the stack names this file: ' + e.stack);
        var line = Number(m[2]);
        var groups = [];
        for (var i = 1; i < line; i++) {
            groups.push('');
        }
        groups.push('AAMA');
        native.registerSourceMap(m[1],
            JSON.stringify({ version: 3, sources: ['orig.ts'], mappings: groups.join(';') }));
        var text = native.errorText(e);
        t.ok(text.indexOf('orig.ts:7') >= 0, 'the frame points at orig.ts:7: ' + text);
        t.ok(text.indexOf('Error: mapped') === 0, 'the message is kept');
    });
}
