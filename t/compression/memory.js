// SPDX-License-Identifier: MIT
/*
 * Run by t/compression-memory.t: FCW_COMPRESSION_MB megabytes (200 by
 * default) stream from a pulled ReadableStream through CompressionStream
 * and DecompressionStream into a counting WritableStream, 64 KiB at a time.
 * The process's resident size is sampled along the way: after the first
 * tenth it must stay flat (grow by less than 24 MB), which it would not if
 * any stage buffered the body.
 */
var total = Number(env.FCW_COMPRESSION_MB || 200) * 1024 * 1024;
var CHUNK = 65536;

function rssKb() {
    var m = /VmRSS:\s+(\d+) kB/.exec(readFile('/proc/self/status'));
    return m ? Number(m[1]) : -1;
}

/* a chunk of varied text, so the compressor has work to do */
var pattern = new Uint8Array(CHUNK);
(function () {
    var seed = 12345;
    for (var i = 0; i < CHUNK; i++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        pattern[i] = 97 + (seed >> 16) % 20;
    }
})();

test('a ' + (total >> 20) + ' MB body through gzip and back in flat memory', function (t) {
    var sent = 0, received = 0, baseline = -1, peak = 0, samples = 0, nextSample = total / 10;
    var source = new ReadableStream({
        pull: function (controller) {
            if (sent >= total) {
                controller.close();
                return;
            }
            var chunk = new Uint8Array(pattern);
            chunk[0] = sent / CHUNK & 255;
            sent += CHUNK;
            controller.enqueue(chunk);
        }
    }, { highWaterMark: 2 });
    var sink = new WritableStream({
        write: function (chunk) {
            received += chunk.length;
            if (received >= nextSample) {
                nextSample += total / 20;
                var rss = rssKb();
                samples++;
                if (baseline < 0) {
                    baseline = rss;
                }
                peak = Math.max(peak, rss);
                if (env.FCW_COMPRESSION_TRACE) { t.comment(received + " " + rss); }
            }
        }
    });
    return source.pipeThrough(new CompressionStream('gzip'))
        .pipeThrough(new DecompressionStream('gzip'))
        .pipeTo(sink).then(function () {
            t.equal(received, total, 'every byte came back');
            t.ok(samples >= 10, samples + ' samples');
            t.comment('resident: ' + baseline + ' kB after a tenth, peak ' + peak + ' kB');
            t.ok(baseline > 0 && peak - baseline < 24 * 1024,
                'resident size grew by ' + (peak - baseline) + ' kB after the first tenth');
        });
});
