/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for lib/html_tokenizer.c. The first input byte picks a
 * chunk size (1..64) and a start state; the rest is a document, tokenized
 * once whole and once in chunks of that size. Invariants: the source bytes
 * of all tokens, in order, are the document (nothing lost or repeated, as
 * rewriting needs); both runs give the same tokens once adjacent text is
 * joined; a tag's names hold no ASCII upper case letter. A broken
 * invariant aborts, which libFuzzer reports as a crash.
 */
#include "html_tokenizer.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct fuzz_html_out {
    char *raw, *toks;
    size_t raw_len, toks_len, cap_raw, cap_toks;
    int in_text;
};

static void fuzz_html_add(char **p, size_t *len, size_t *cap, const char *s, size_t n)
{
    if (*len + n > *cap) {
        *cap = (*len + n) * 2 + 64;
        *p = realloc(*p, *cap);
        if (*p == NULL) {
            abort();
        }
    }
    if (n) {
        memcpy(*p + *len, s, n);
    }
    *len += n;
}

static void fuzz_html_field(struct fuzz_html_out *o, const char *s, size_t n)
{
    char sep = 0x1f;

    fuzz_html_add(&o->toks, &o->toks_len, &o->cap_toks, &sep, 1);
    fuzz_html_add(&o->toks, &o->toks_len, &o->cap_toks, s, n);
}

static void fuzz_html_no_upper(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] >= 'A' && s[i] <= 'Z') {
            fprintf(stderr, "fuzz_html_tokenizer: upper case in a name\n");
            abort();
        }
    }
}

static int fuzz_html_cb(void *data, const struct fcw_html_token *t)
{
    struct fuzz_html_out *o = data;
    char kind = (char)('0' + t->type);

    fuzz_html_add(&o->raw, &o->raw_len, &o->cap_raw, t->raw, t->raw_len);
    if (t->type == FCW_HTML_TEXT) {
        if (!o->in_text) {
            fuzz_html_field(o, &kind, 1);
            o->in_text = 1;
        }
        fuzz_html_add(&o->toks, &o->toks_len, &o->cap_toks, t->raw, t->raw_len);
        return 0;
    }
    o->in_text = 0;
    fuzz_html_field(o, &kind, 1);
    fuzz_html_field(o, t->name, t->name_len);
    fuzz_html_field(o, t->data, t->data_len);
    if (t->type == FCW_HTML_START_TAG || t->type == FCW_HTML_END_TAG) {
        fuzz_html_no_upper(t->name, t->name_len);
    }
    for (size_t i = 0; i < t->nattrs; i++) {
        fuzz_html_no_upper(t->attrs[i].name, t->attrs[i].name_len);
        fuzz_html_field(o, t->attrs[i].name, t->attrs[i].name_len);
        fuzz_html_field(o, t->attrs[i].value, t->attrs[i].value_len);
    }
    return 0;
}

static void fuzz_html_run(struct fuzz_html_out *o, const char *doc, size_t len, size_t step, int state)
{
    struct fcw_html_tokenizer *tz = fcw_html_tokenizer_new(0, fuzz_html_cb, o);

    if (tz == NULL) {
        abort();
    }
    fcw_html_tokenizer_set_state(tz, (enum fcw_html_text_state)state, "script");
    for (size_t i = 0; i < len; i += step) {
        if (fcw_html_tokenizer_feed(tz, doc + i, len - i < step ? len - i : step) < 0) {
            abort();
        }
    }
    if (fcw_html_tokenizer_end(tz) < 0) {
        abort();
    }
    fcw_html_tokenizer_free(tz);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fuzz_html_out whole, split;
    const char *doc = (const char *)data + 1;
    size_t len, step;
    int state;

    if (size < 1) {
        return 0;
    }
    len = size - 1;
    step = (size_t)(data[0] & 63) + 1;
    state = (data[0] >> 6) % 5;
    memset(&whole, 0, sizeof(whole));
    memset(&split, 0, sizeof(split));
    fuzz_html_run(&whole, doc, len, len ? len : 1, state);
    fuzz_html_run(&split, doc, len, step, state);
    if (whole.raw_len != len || (len && memcmp(whole.raw, doc, len) != 0)) {
        fprintf(stderr, "fuzz_html_tokenizer: the tokens' bytes are not the document\n");
        abort();
    }
    if (split.raw_len != len || (len && memcmp(split.raw, doc, len) != 0)) {
        fprintf(stderr, "fuzz_html_tokenizer: in chunks, the tokens' bytes are not the document\n");
        abort();
    }
    if (whole.toks_len != split.toks_len || (whole.toks_len && memcmp(whole.toks, split.toks, whole.toks_len) != 0)) {
        fprintf(stderr, "fuzz_html_tokenizer: chunks of %zu give other tokens\n", step);
        abort();
    }
    free(whole.raw);
    free(whole.toks);
    free(split.raw);
    free(split.toks);
    return 0;
}
