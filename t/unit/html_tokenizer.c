/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of lib/html_tokenizer.c: the html5lib tokenizer tests that
 * apply to a rewriting tokenizer (the .test files of t/data/html5lib, MIT licence),
 * each fed whole and one byte at a time (both must give the html5lib
 * tokens, and the source bytes of all tokens must add up to the input),
 * then cases of our own: tokens split across chunks, raw bytes kept, the
 * token size limit. Tests that need character references decoded, a CDATA
 * section start state or double-escaped input are skipped and counted.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html_tokenizer.h"
#include "tap.h"

/* ---- a small JSON reader, enough for the html5lib files ---- */

enum { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR, J_OBJ };

struct jv {
    int type;
    int b;
    char *s; /* J_STR: UTF-8 */
    size_t slen;
    struct jv *items; /* J_ARR, J_OBJ (values) */
    char **keys;      /* J_OBJ */
    size_t n;
};

static const char *jp;

static void j_ws(void)
{
    while (*jp == ' ' || *jp == '\n' || *jp == '\r' || *jp == '\t') {
        jp++;
    }
}

static void put_utf8(char **o, size_t *len, size_t *cap, unsigned long cp)
{
    unsigned char b[4];
    size_t n, i;

    if (cp < 0x80) {
        b[0] = (unsigned char)cp, n = 1;
    } else if (cp < 0x800) {
        b[0] = (unsigned char)(0xC0 | (cp >> 6)), b[1] = (unsigned char)(0x80 | (cp & 63)), n = 2;
    } else if (cp < 0x10000) {
        b[0] = (unsigned char)(0xE0 | (cp >> 12)), b[1] = (unsigned char)(0x80 | ((cp >> 6) & 63));
        b[2] = (unsigned char)(0x80 | (cp & 63)), n = 3;
    } else {
        b[0] = (unsigned char)(0xF0 | (cp >> 18)), b[1] = (unsigned char)(0x80 | ((cp >> 12) & 63));
        b[2] = (unsigned char)(0x80 | ((cp >> 6) & 63)), b[3] = (unsigned char)(0x80 | (cp & 63)), n = 4;
    }
    if (*len + n + 1 > *cap) {
        *cap = (*len + n + 1) * 2;
        *o = realloc(*o, *cap);
    }
    for (i = 0; i < n; i++) {
        (*o)[(*len)++] = (char)b[i];
    }
    (*o)[*len] = 0;
}

static unsigned long hex4(const char *p)
{
    char h[5];

    memcpy(h, p, 4);
    h[4] = 0;
    return strtoul(h, NULL, 16);
}

static void j_value(struct jv *v);

static char *j_string(size_t *out_len)
{
    char *o = malloc(16);
    size_t len = 0, cap = 16;

    o[0] = 0;
    jp++;
    while (*jp && *jp != '"') {
        unsigned long cp;

        if (*jp != '\\') {
            put_utf8(&o, &len, &cap, 0); /* make room */
            len--;
            o[len++] = *jp++;
            o[len] = 0;
            continue;
        }
        jp++;
        switch (*jp) {
        case 'u':
            cp = hex4(jp + 1);
            jp += 5;
            if (cp >= 0xD800 && cp < 0xDC00 && jp[0] == '\\' && jp[1] == 'u') {
                unsigned long lo = hex4(jp + 2);

                if (lo >= 0xDC00 && lo < 0xE000) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    jp += 6;
                }
            }
            put_utf8(&o, &len, &cap, cp);
            continue;
        case 'n': cp = '\n'; break;
        case 't': cp = '\t'; break;
        case 'r': cp = '\r'; break;
        case 'f': cp = '\f'; break;
        case 'b': cp = '\b'; break;
        default: cp = (unsigned char)*jp; break;
        }
        jp++;
        put_utf8(&o, &len, &cap, cp);
    }
    jp++;
    *out_len = len;
    return o;
}

static void j_value(struct jv *v)
{
    memset(v, 0, sizeof(*v));
    j_ws();
    if (*jp == '"') {
        v->type = J_STR;
        v->s = j_string(&v->slen);
    } else if (*jp == '[' || *jp == '{') {
        int obj = *jp == '{';

        v->type = obj ? J_OBJ : J_ARR;
        jp++;
        for (;;) {
            j_ws();
            if (*jp == ']' || *jp == '}') {
                jp++;
                break;
            }
            if (*jp == ',') {
                jp++;
                continue;
            }
            v->items = realloc(v->items, (v->n + 1) * sizeof(*v->items));
            v->keys = realloc(v->keys, (v->n + 1) * sizeof(*v->keys));
            v->keys[v->n] = NULL;
            if (obj) {
                size_t kl;

                v->keys[v->n] = j_string(&kl);
                j_ws();
                jp++; /* : */
            }
            j_value(&v->items[v->n]);
            v->n++;
        }
    } else if (strncmp(jp, "true", 4) == 0 || strncmp(jp, "false", 5) == 0) {
        v->type = J_BOOL;
        v->b = *jp == 't';
        jp += v->b ? 4 : 5;
    } else if (strncmp(jp, "null", 4) == 0) {
        v->type = J_NULL;
        jp += 4;
    } else {
        v->type = J_NUM;
        strtod(jp, (char **)&jp);
    }
}

static void j_free(struct jv *v)
{
    size_t i;

    for (i = 0; i < v->n; i++) {
        j_free(&v->items[i]);
        free(v->keys[i]);
    }
    free(v->items);
    free(v->keys);
    free(v->s);
}

static const struct jv *j_get(const struct jv *o, const char *key)
{
    size_t i;

    for (i = 0; o->type == J_OBJ && i < o->n; i++) {
        if (strcmp(o->keys[i], key) == 0) {
            return &o->items[i];
        }
    }
    return NULL;
}

/* ---- tokens as one comparable string ---- */

struct out {
    char *p;
    size_t len, cap;
    int last_char; /* the last token was Character: append to it */
    char *raw;     /* the source bytes of every token, in order */
    size_t raw_len, raw_cap;
};

static void out_add(struct out *o, const char *s, size_t n)
{
    if (o->len + n + 1 > o->cap) {
        o->cap = (o->len + n + 1) * 2;
        o->p = realloc(o->p, o->cap);
    }
    memcpy(o->p + o->len, s, n);
    o->len += n;
    o->p[o->len] = 0;
}

static void out_str(struct out *o, const char *s)
{
    out_add(o, s, strlen(s));
}

static void out_token(struct out *o, const char *kind)
{
    o->last_char = 0;
    out_str(o, "\x1e");
    out_str(o, kind);
}

static void out_field(struct out *o, const char *s, size_t n)
{
    out_str(o, "\x1f");
    out_add(o, s, n);
}

static void out_chars(struct out *o, const char *s, size_t n)
{
    if (!o->last_char) {
        out_token(o, "Character");
        out_str(o, "\x1f");
        o->last_char = 1;
    }
    out_add(o, s, n);
}

static int collect(void *data, const struct fcw_html_token *t)
{
    struct out *o = data;
    size_t i;

    if (o->raw_len + t->raw_len + 1 > o->raw_cap) {
        o->raw_cap = (o->raw_len + t->raw_len + 1) * 2;
        o->raw = realloc(o->raw, o->raw_cap);
    }
    memcpy(o->raw + o->raw_len, t->raw, t->raw_len);
    o->raw_len += t->raw_len;
    switch (t->type) {
    case FCW_HTML_TEXT: out_chars(o, t->raw, t->raw_len); break;
    case FCW_HTML_START_TAG:
        out_token(o, "StartTag");
        out_field(o, t->name, t->name_len);
        for (i = 0; i < t->nattrs; i++) {
            out_field(o, t->attrs[i].name, t->attrs[i].name_len);
            out_field(o, t->attrs[i].value, t->attrs[i].value_len);
        }
        if (t->self_closing) {
            out_field(o, "/", 1);
        }
        break;
    case FCW_HTML_END_TAG:
        out_token(o, "EndTag");
        out_field(o, t->name, t->name_len);
        break;
    case FCW_HTML_COMMENT:
        out_token(o, "Comment");
        out_field(o, t->data, t->data_len);
        break;
    case FCW_HTML_DOCTYPE:
        out_token(o, "DOCTYPE");
        out_field(o, t->has_name ? t->name : "(null)", t->has_name ? t->name_len : 6);
        out_field(o, t->has_public_id ? t->public_id : "(null)", t->has_public_id ? t->public_id_len : 6);
        out_field(o, t->has_system_id ? t->system_id : "(null)", t->has_system_id ? t->system_id_len : 6);
        out_field(o, t->force_quirks ? "0" : "1", 1);
        break;
    case FCW_HTML_RAW: break;
    }
    return 0;
}

static void expected(struct out *o, const struct jv *tokens)
{
    size_t i, k;

    for (i = 0; i < tokens->n; i++) {
        const struct jv *t = &tokens->items[i];
        const char *kind = t->items[0].s;

        if (strcmp(kind, "Character") == 0) {
            out_chars(o, t->items[1].s, t->items[1].slen);
            continue;
        }
        out_token(o, kind);
        if (strcmp(kind, "DOCTYPE") == 0) {
            for (k = 1; k <= 3; k++) {
                if (t->items[k].type == J_STR) {
                    out_field(o, t->items[k].s, t->items[k].slen);
                } else {
                    out_field(o, "(null)", 6);
                }
            }
            out_field(o, t->items[4].b ? "1" : "0", 1);
            continue;
        }
        out_field(o, t->items[1].s, t->items[1].slen);
        if (strcmp(kind, "StartTag") == 0) {
            const struct jv *attrs = &t->items[2];

            for (k = 0; k < attrs->n; k++) {
                out_field(o, attrs->keys[k], strlen(attrs->keys[k]));
                out_field(o, attrs->items[k].s, attrs->items[k].slen);
            }
            if (t->n > 3 && t->items[3].b) {
                out_field(o, "/", 1);
            }
        }
    }
}

static void run(struct out *o, const char *in, size_t len, enum fcw_html_text_state st, const char *last, size_t step,
                int auto_states)
{
    struct fcw_html_tokenizer *tz = fcw_html_tokenizer_new(0, collect, o);
    size_t i;

    fcw_html_tokenizer_set_auto_states(tz, auto_states);
    fcw_html_tokenizer_set_state(tz, st, last);
    for (i = 0; i < len; i += step) {
        fcw_html_tokenizer_feed(tz, in + i, len - i < step ? len - i : step);
    }
    fcw_html_tokenizer_end(tz);
    fcw_html_tokenizer_free(tz);
}

static void out_free(struct out *o)
{
    free(o->p);
    free(o->raw);
    memset(o, 0, sizeof(*o));
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *s;
    long n;

    if (f == NULL) {
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    s = malloc((size_t)n + 1);
    if (fread(s, 1, (size_t)n, f) != (size_t)n) {
        n = 0;
    }
    s[n] = 0;
    fclose(f);
    return s;
}

static int passed, skipped, failed_cases;

static void one_case(const char *file, const struct jv *t, const char *state_name)
{
    static const struct {
        const char *name;
        enum fcw_html_text_state st;
    } states[] = {
        {"Data state", FCW_HTML_STATE_DATA},           {"RCDATA state", FCW_HTML_STATE_RCDATA},
        {"RAWTEXT state", FCW_HTML_STATE_RAWTEXT},     {"Script data state", FCW_HTML_STATE_SCRIPT_DATA},
        {"PLAINTEXT state", FCW_HTML_STATE_PLAINTEXT},
    };
    const struct jv *input = j_get(t, "input"), *last = j_get(t, "lastStartTag");
    const struct jv *de = j_get(t, "doubleEscaped");
    struct out want, whole, bytes;
    char *in;
    size_t i, n, len;
    int st = -1, good;

    for (i = 0; i < sizeof(states) / sizeof(states[0]); i++) {
        if (strcmp(states[i].name, state_name) == 0) {
            st = (int)states[i].st;
        }
    }
    if (st < 0 || (de != NULL && de->b)) {
        skipped++;
        return;
    }
    /* references are decoded in data and RCDATA, NUL replaced in text states */
    if (((st == FCW_HTML_STATE_DATA || st == FCW_HTML_STATE_RCDATA) && memchr(input->s, '&', input->slen)) ||
        (st != FCW_HTML_STATE_DATA && memchr(input->s, 0, input->slen))) {
        skipped++;
        return;
    }
    /* the input stream's newline normalisation comes before tokenizing */
    in = malloc(input->slen + 1);
    for (i = 0, n = 0; i < input->slen; i++) {
        if (input->s[i] == '\r') {
            in[n++] = '\n';
            if (i + 1 < input->slen && input->s[i + 1] == '\n') {
                i++;
            }
        } else {
            in[n++] = input->s[i];
        }
    }
    len = n;
    memset(&want, 0, sizeof(want));
    memset(&whole, 0, sizeof(whole));
    memset(&bytes, 0, sizeof(bytes));
    expected(&want, j_get(t, "output"));
    run(&whole, in, len, (enum fcw_html_text_state)st, last ? last->s : NULL, len ? len : 1, 0);
    run(&bytes, in, len, (enum fcw_html_text_state)st, last ? last->s : NULL, 1, 0);
    good = want.len == whole.len && (want.len == 0 || memcmp(want.p, whole.p, want.len) == 0) &&
           want.len == bytes.len && (want.len == 0 || memcmp(want.p, bytes.p, want.len) == 0) && whole.raw_len == len &&
           (len == 0 || memcmp(whole.raw, in, len) == 0) && bytes.raw_len == len &&
           (len == 0 || memcmp(bytes.raw, in, len) == 0);
    if (good) {
        passed++;
    } else {
        failed_cases++;
        ok(0, "html5lib %s: %s [%s]", file, j_get(t, "description")->s, state_name);
        for (i = 0; i < want.len; i++) {
            if (want.p[i] < 32)
                want.p[i] = want.p[i] == 0x1e ? '|' : want.p[i] == 0x1f ? '^' : '.';
        }
        for (i = 0; i < whole.len; i++) {
            if (whole.p[i] < 32)
                whole.p[i] = whole.p[i] == 0x1e ? '|' : whole.p[i] == 0x1f ? '^' : '.';
        }
        printf("#   want %s\n#   got  %s\n", want.p ? want.p : "", whole.p ? whole.p : "");
    }
    free(in);
    out_free(&want);
    out_free(&whole);
    out_free(&bytes);
}

static void html5lib_file(const char *dir, const char *name)
{
    char path[4200];
    char *text;
    struct jv root;
    const struct jv *tests;
    size_t i, k;

    snprintf(path, sizeof(path), "%s/%s.test", dir, name);
    text = read_file(path);
    if (!ok(text != NULL, "read %s", path)) {
        return;
    }
    jp = text;
    j_value(&root);
    tests = j_get(&root, "tests");
    for (i = 0; tests != NULL && i < tests->n; i++) {
        const struct jv *t = &tests->items[i], *states = j_get(t, "initialStates");

        if (states == NULL) {
            one_case(name, t, "Data state");
            continue;
        }
        for (k = 0; k < states->n; k++) {
            one_case(name, t, states->items[k].s);
        }
    }
    j_free(&root);
    free(text);
}

/* ---- our own cases ---- */

static void feed_steps(struct out *o, const char *in, size_t step, size_t max_token, int *rc)
{
    struct fcw_html_tokenizer *tz = fcw_html_tokenizer_new(max_token, collect, o);
    size_t i, len = strlen(in);

    *rc = 0;
    for (i = 0; i < len && *rc == 0; i += step) {
        *rc = fcw_html_tokenizer_feed(tz, in + i, len - i < step ? len - i : step);
    }
    if (*rc == 0) {
        *rc = fcw_html_tokenizer_end(tz);
    }
    fcw_html_tokenizer_free(tz);
}

static void own_cases(void)
{
    static const char *doc = "<!DOCTYPE html><html><head><title>a <b> &amp; </tit</title>"
                             "<script>if (a<b) document.write('<!--<script></script>-->');</script>"
                             "<style>p > a { color: red }</style></head>"
                             "<body class=\"x y\" data-a='1' data-b=2 hidden><!-- c -- --><p>t&eacute;xt</p><br/>"
                             "<textarea></textarea ></body></html>\n";
    struct out ref, o;
    size_t step;
    int rc, same = 1, raw = 1;

    memset(&ref, 0, sizeof(ref));
    feed_steps(&ref, doc, strlen(doc), 0, &rc);
    ok(rc == 0 && ref.raw_len == strlen(doc) && memcmp(ref.raw, doc, ref.raw_len) == 0,
       "the source bytes of the tokens are the document");
    ok(strstr(ref.p, "Character\x1f"
                     "a <b> &amp; </tit\x1e"
                     "EndTag\x1ftitle") != NULL,
       "RCDATA in <title>");
    ok(strstr(ref.p, "Character\x1f"
                     "if (a<b) document.write('<!--<script></script>-->');\x1e"
                     "EndTag\x1fscript") != NULL,
       "script data with a double-escaped <script>");
    ok(strstr(ref.p, "StartTag\x1f"
                     "body\x1f"
                     "class\x1fx y\x1f"
                     "data-a\x1f"
                     "1\x1f"
                     "data-b\x1f"
                     "2\x1fhidden\x1f\x1e") != NULL,
       "attributes in every quoting style");
    ok(strstr(ref.p, "Comment\x1f c -- \x1e") != NULL, "comment data");
    ok(strstr(ref.p, "StartTag\x1f"
                     "br\x1f/") != NULL,
       "self-closing flag");
    for (step = 1; step < 40; step++) {
        memset(&o, 0, sizeof(o));
        feed_steps(&o, doc, step, 0, &rc);
        same = same && rc == 0 && o.len == ref.len && memcmp(o.p, ref.p, o.len) == 0;
        raw = raw && o.raw_len == ref.raw_len && memcmp(o.raw, ref.raw, o.raw_len) == 0;
        out_free(&o);
    }
    ok(same, "chunks of 1..39 bytes give the same tokens");
    ok(raw, "chunks of 1..39 bytes give the same source bytes");
    out_free(&ref);

    memset(&o, 0, sizeof(o));
    feed_steps(&o, "<p>ok</p><!-- a long comment that goes over the limit -->", 7, 32, &rc);
    ok(rc == -1, "a comment over the token limit stops the tokenizer");
    ok(o.p != NULL && strstr(o.p, "EndTag\x1fp") != NULL, "tokens before it came out");
    out_free(&o);

    memset(&o, 0, sizeof(o));
    feed_steps(&o, "x<div a=\"1", 3, 0, &rc);
    ok(rc == 0 && o.raw_len == 10 && memcmp(o.raw, "x<div a=\"1", 10) == 0 && strstr(o.p, "StartTag") == NULL,
       "a tag cut by the end gives its bytes, not a tag");
    out_free(&o);

    memset(&o, 0, sizeof(o));
    feed_steps(&o, "<title></p></title><p>", 1, 0, &rc);
    ok(strstr(o.p, "Character\x1f</p>\x1e"
                   "EndTag\x1ftitle\x1eStartTag\x1fp") != NULL,
       "auto states: </p> is text in <title>");
    out_free(&o);
}

int main(void)
{
    static const char *files[] = {"test1",      "test2", "test3",       "test4", "contentModelFlags",
                                  "escapeFlag", "domjs", "unicodeChars"};
    const char *top = getenv("FCW_TOP");
    char dir[4096];
    size_t i;

    snprintf(dir, sizeof(dir), "%s/t/data/html5lib", top ? top : ".");
    for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
        html5lib_file(dir, files[i]);
    }
    ok(failed_cases == 0, "html5lib tokenizer tests: %d passed, %d failed, %d skipped", passed, failed_cases, skipped);
    own_cases();
    return done_testing();
}
