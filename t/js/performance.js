// SPDX-License-Identifier: MIT
/* performance: timeOrigin, now(), User Timing entries. */
test('performance is a Performance with a monotonic now()', function (t) {
    t.ok(performance instanceof Performance);
    t.throws(function () { return new Performance(); }, TypeError, 'not constructible');
    t.equal(typeof performance.timeOrigin, 'number');
    t.ok(Math.abs(performance.timeOrigin + performance.now() - Date.now()) < 1000, 'now() is relative to timeOrigin');
    var a = performance.now(), b = performance.now();
    t.ok(a >= 0 && b >= a, 'monotonic');
    t.equal(performance.toJSON().timeOrigin, performance.timeOrigin);
});

test('mark, measure, getEntries*, clear*', function (t) {
    performance.clearMarks();
    performance.clearMeasures();
    var m1 = performance.mark('start', { detail: { k: 1 } });
    t.ok(m1 instanceof PerformanceMark && m1 instanceof PerformanceEntry);
    t.equal(m1.entryType, 'mark');
    t.equal(m1.duration, 0);
    t.equal(m1.detail.k, 1);
    performance.mark('end', { startTime: m1.startTime + 10 });
    var ms = performance.measure('span', 'start', 'end');
    t.ok(ms instanceof PerformanceMeasure);
    t.equal(ms.duration, 10);
    t.equal(ms.startTime, m1.startTime);
    var m2 = performance.measure('opts', { start: 'start', duration: 4, detail: 'd' });
    t.equal(m2.duration, 4);
    t.equal(m2.detail, 'd');
    t.equal(performance.getEntries().length, 4);
    t.equal(performance.getEntriesByType('mark').length, 2);
    t.equal(performance.getEntriesByName('span')[0], ms);
    t.equal(performance.getEntriesByName('span', 'mark').length, 0);
    t.throws(function () { performance.measure('x', 'no-such-mark'); }, DOMException, 'unknown mark');
    t.throws(function () { performance.mark('neg', { startTime: -1 }); }, TypeError, 'negative start');
    performance.clearMarks('start');
    t.equal(performance.getEntriesByType('mark').length, 1);
    performance.clearMarks();
    performance.clearMeasures();
    t.equal(performance.getEntries().length, 0);
    var own = new PerformanceMark('own');
    t.equal(own.name, 'own');
    t.equal(performance.getEntries().length, 0, 'a constructed mark is not recorded');
});
