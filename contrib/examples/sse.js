// SPDX-License-Identifier: MIT
// Server-Sent Events: a clock that sends one event every 100 ms, ?n= of
// them (default 10, at most 1000), from a ReadableStream fed by a timer.
// Each event is written to the client as soon as it is enqueued.
export default {
    fetch: function (request) {
        var n = Math.floor(Number(new URL(request.url).searchParams.get('n')));
        var count = n >= 1 && n <= 1000 ? n : 10;
        var encoder = new TextEncoder();
        var sent = 0;
        var timer = null;
        var stream = new ReadableStream({
            start: function (controller) {
                timer = setInterval(function () {
                    sent++;
                    controller.enqueue(encoder.encode('id: ' + sent + '\nevent: tick\ndata: ' +
                        new Date().toISOString() + '\n\n'));
                    if (sent >= count) {
                        clearInterval(timer);
                        controller.close();
                    }
                }, 100);
            },
            cancel: function () {
                clearInterval(timer);
            }
        });
        return new Response(stream, {
            headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' }
        });
    }
};
