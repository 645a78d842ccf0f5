/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the multipart/form-data parser behind formData()
 * (js/44-body.js), run inside the real runtime. Each input is the body of
 * `new Response(bytes, {headers: {'content-type':
 * 'multipart/form-data; boundary=X'}})`; formData() must either fulfil with
 * a FormData whose entries are string names with string or File values
 * (every File is read to its end and must hold .size bytes) or reject with
 * a TypeError (Fetch: "if that fails for some reason, throw a TypeError").
 * The same bytes sent as a two-chunk ReadableStream body must give the
 * same outcome and the same entries: the body's source does not matter.
 */
#include "fuzz_js.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char fuzz_multipart_harness[] =
    "(function (fail) {\n"
    "    var pending = 0;\n"
    "    var TYPE = { 'content-type': 'multipart/form-data; boundary=X' };\n"
    "    function describe(e) {\n"
    "        return e && e.name ? e.name + ': ' + e.message : String(e);\n"
    "    }\n"
    "    function streamOf(bytes) {\n"
    "        var half = bytes.length >> 1;\n"
    "        return new ReadableStream({ start: function (c) {\n"
    "            c.enqueue(new Uint8Array(bytes.subarray(0, half)));\n"
    "            c.enqueue(new Uint8Array(bytes.subarray(half)));\n"
    "            c.close();\n"
    "        } });\n"
    "    }\n"
    /* [outcome, name, 'string'|'file', value-or-name, type, size, ...] */
    "    function summary(form) {\n"
    "        if (!(form instanceof FormData)) {\n"
    "            fail('formData() fulfilled with something else than a FormData');\n"
    "        }\n"
    "        var out = ['ok'], reads = [];\n"
    "        form.forEach(function (value, name) {\n"
    "            if (typeof name !== 'string') {\n"
    "                fail('an entry name is not a string');\n"
    "            }\n"
    "            if (typeof value === 'string') {\n"
    "                out.push(name, 'string', value);\n"
    "                return;\n"
    "            }\n"
    "            if (!(value instanceof File) || typeof value.name !== 'string' || typeof value.type !== 'string') {\n"
    "                fail('an entry value is neither a string nor a File');\n"
    "            }\n"
    "            out.push(name, 'file', value.name, value.type, value.size);\n"
    "            reads.push(value.arrayBuffer().then(function (buffer) {\n"
    "                if (buffer.byteLength !== value.size) {\n"
    "                    fail('a File holds ' + buffer.byteLength + ' bytes, its size says ' + value.size);\n"
    "                }\n"
    "            }));\n"
    "        });\n"
    "        return Promise.all(reads).then(function () { return out; });\n"
    "    }\n"
    "    function refused(e) {\n"
    "        if (!(e instanceof TypeError)) {\n"
    "            fail('formData() rejected with ' + describe(e) + ' instead of a TypeError');\n"
    "        }\n"
    "        return ['TypeError'];\n"
    "    }\n"
    "    function parse(body) {\n"
    "        return new Response(body, { headers: TYPE }).formData().then(summary, refused);\n"
    "    }\n"
    "    function compare(results) {\n"
    "        var a = JSON.stringify(results[0]), b = JSON.stringify(results[1]);\n"
    "        if (a !== b) {\n"
    "            fail('bytes and stream bodies disagree: ' + a + ' vs ' + b);\n"
    "        }\n"
    "        pending--;\n"
    "    }\n"
    "    return {\n"
    "        run: function (bytes) {\n"
    "            pending++;\n"
    "            Promise.all([parse(bytes), parse(streamOf(bytes))]).then(compare, function (e) {\n"
    "                fail('reading the FormData failed: ' + describe(e));\n"
    "            });\n"
    "        },\n"
    "        check: function () {\n"
    "            if (pending !== 0) {\n"
    "                fail('formData() never settled');\n"
    "            }\n"
    "        }\n"
    "    };\n"
    "})";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_js_run(fuzz_multipart_harness, data, size);
    return 0;
}
