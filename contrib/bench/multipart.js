// SPDX-License-Identifier: MIT
// The streaming benchmark's multipart row: parses the request body with
// request.formData() and answers with what it found (entries, bytes of
// their values) and how long the parse took, measured in the worker from
// the call to the resolved promise (the body is read from FastCGI and
// parsed in that time).
function now() {
    return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

export default {
    fetch: function (request) {
        var started = now();
        return request.formData().then(function (form) {
            var ms = now() - started;
            var entries = 0;
            var bytes = 0;
            form.forEach(function (value) {
                entries++;
                bytes += typeof value === 'string' ? value.length : value.size;
            });
            return Response.json({ entries: entries, bytes: bytes, ms: ms });
        }, function (e) {
            return Response.json({ error: String(e) }, { status: 400 });
        });
    }
};
