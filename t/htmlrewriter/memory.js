// SPDX-License-Identifier: MIT
/*
 * Run by t/htmlrewriter-memory.t: FCW_HTMLREWRITER_MB megabytes (100 by
 * default) of HTML stream from a pulled ReadableStream through
 * HTMLRewriter.transform() (an element handler rewrites every <p>, a
 * comment handler removes every comment) into a counting WritableStream, with
 * chunks cut in the middle of tags and characters. The output must have
 * exactly the expected size, and the process's resident size must stay
 * flat after the first tenth (grow by less than 24 MB), which it would not
 * if the rewriter buffered the document.
 */
var total = Number(env.FCW_HTMLREWRITER_MB || 100) * 1024 * 1024;
var enc = new TextEncoder();

function rssKb() {
    var m = /VmRSS:\s+(\d+) kB/.exec(readFile('/proc/self/status'));
    return m ? Number(m[1]) : -1;
}

var TEXT = new Array(400).join('caf\u00e9 text ');
var UNIT = '<p class="x">' + TEXT + '</p><!--c-->\n';
var OUT_UNIT = '<p class="x" n="1">' + TEXT + '</p>\n';
var BLOCK = enc.encode(new Array(17).join(UNIT));
var OUT_BLOCK = enc.encode(new Array(17).join(OUT_UNIT)).length;
var CUT = 4099;   /* inside a <p ...> tag and, often, an é */

test('a ' + (total >> 20) + ' MB document through HTMLRewriter in flat memory', function (t) {
    var blocks = Math.ceil(total / BLOCK.length), sent = 0, half = false, received = 0;
    var baseline = -1, peak = 0, samples = 0, nextSample = blocks * OUT_BLOCK / 10, elements = 0;
    var source = new ReadableStream({
        pull: function (controller) {
            if (sent === blocks) {
                controller.close();
                return;
            }
            if (!half) {
                controller.enqueue(BLOCK.slice(0, CUT));
            } else {
                controller.enqueue(BLOCK.slice(CUT));
                sent++;
            }
            half = !half;
        }
    }, { highWaterMark: 2 });
    var res = new HTMLRewriter()
        .on('p.x', { element: function (e) { elements++; e.setAttribute('n', '1'); } })
        .onDocument({ comments: function (c) { c.remove(); } })
        .transform(new Response(source));
    var sink = new WritableStream({
        write: function (chunk) {
            received += chunk.length;
            if (received >= nextSample) {
                nextSample += blocks * OUT_BLOCK / 20;
                var rss = rssKb();
                samples++;
                if (baseline < 0) {
                    baseline = rss;
                }
                peak = Math.max(peak, rss);
                if (env.FCW_HTMLREWRITER_TRACE) {
                    t.comment(received + ' ' + rss);
                }
            }
        }
    });
    return res.body.pipeTo(sink).then(function () {
        t.equal(received, blocks * OUT_BLOCK, 'the rewritten document has the expected size');
        t.equal(elements, blocks * 16, 'every <p> went through the element handler');
        t.ok(samples >= 10, samples + ' samples');
        t.comment('resident: ' + baseline + ' kB after a tenth, peak ' + peak + ' kB');
        t.ok(baseline > 0 && peak - baseline < 24 * 1024,
            'resident size grew by ' + (peak - baseline) + ' kB after the first tenth');
    });
});
