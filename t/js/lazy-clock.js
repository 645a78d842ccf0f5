// SPDX-License-Identifier: MIT
/* performance (js/49-performance.js) is loaded on first use of its globals
 * (lib/runtime_lazy.c); its clock is js/41-events.js's, which
 * Event.timeStamp and console.time read without loading it. The first
 * test runs before anything here touches performance. */
test('performance shares its clock with Event.timeStamp', function (t) {
    var before = new Event('a').timeStamp;
    console.time('lazy-clock');
    console.timeEnd('lazy-clock');
    if (typeof lazyPending === 'function') {
        t.ok(lazyPending('performance'), 'an Event and console.time do not load js/49-performance.js');
    }
    var p = performance.now();
    if (typeof lazyPending === 'function') {
        t.ok(!lazyPending('performance'), 'performance does');
    }
    var after = new Event('b').timeStamp;
    t.ok(before <= p && p <= after, 'performance.now() lies between the timeStamps of Events made before and after it');
    t.ok(Math.abs(performance.timeOrigin + p - Date.now()) < 1000, 'and counts from performance.timeOrigin');
    t.ok(performance instanceof Performance, 'performance is a Performance');
    t.equal(typeof PerformanceMeasure, 'function', 'PerformanceMeasure is there');
});
