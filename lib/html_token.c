/* SPDX-License-Identifier: MIT */
/*
 * The tokens of the streaming HTML tokenizer (html_tokenizer_int.h): the
 * buffers a token is read into, capped at the tokenizer's limit; tag names
 * and attributes (duplicates marked) and the text state a start tag
 * switches to; comments; DOCTYPEs, which are read whole up to their `>`
 * and run through the DOCTYPE states here; and the callback each token
 * goes to.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html_tokenizer_int.h"

static const char *const TZ_NOMEM = "out of memory";

static int buf_reserve(struct fcw_html_tokenizer *tz, struct buf *b, size_t more)
{
    size_t cap;
    char *p;

    if (tz->max_token != 0 && b->len + more > tz->max_token) {
        tz->error = "a tag, comment or DOCTYPE is longer than the limit";
        return -1;
    }
    if (b->len + more <= b->cap) {
        return 0;
    }
    cap = b->cap ? b->cap * 2 : 256;
    while (cap < b->len + more) {
        cap *= 2;
    }
    p = realloc(b->p, cap);
    if (p == NULL) {
        tz->error = TZ_NOMEM;
        return -1;
    }
    b->p = p;
    b->cap = cap;
    return 0;
}

int fcw_htz_buf_add(struct fcw_html_tokenizer *tz, struct buf *b, const char *s, size_t n)
{
    if (n == 0) {
        return 0;
    }
    if (buf_reserve(tz, b, n) < 0) {
        return -1;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    return 0;
}
void fcw_htz_set_last_start(struct fcw_html_tokenizer *tz, const char *name, size_t len)
{
    if (len > sizeof(tz->last_start)) {
        len = 0; /* no element of interest has so long a name */
    }
    memcpy(tz->last_start, name, len);
    tz->last_start_len = len;
}

static int emit(struct fcw_html_tokenizer *tz, struct fcw_html_token *t)
{
    if (tz->cb(tz->cb_data, t) < 0) {
        if (tz->error == NULL) {
            tz->error = "stopped";
        }
        return -1;
    }
    return 0;
}

int fcw_htz_emit_text(struct fcw_html_tokenizer *tz, const char *p, size_t n)
{
    struct fcw_html_token t;

    if (n == 0) {
        return 0;
    }
    memset(&t, 0, sizeof(t));
    t.type = FCW_HTML_TEXT;
    t.raw = p;
    t.raw_len = n;
    return emit(tz, &t);
}

/* the raw bytes but the last `keep` as text, then a fresh token */
int fcw_htz_raw_as_text(struct fcw_html_tokenizer *tz, size_t keep)
{
    int rc = fcw_htz_emit_text(tz, tz->raw.p, tz->raw.len - keep);

    tz->raw.len = 0;
    return rc;
}

int fcw_htz_emit_raw_only(struct fcw_html_tokenizer *tz)
{
    struct fcw_html_token t;
    int rc;

    memset(&t, 0, sizeof(t));
    t.type = FCW_HTML_RAW;
    t.raw = tz->raw.p;
    t.raw_len = tz->raw.len;
    rc = tz->raw.len ? emit(tz, &t) : 0;
    tz->raw.len = 0;
    return rc;
}

void fcw_htz_tag_begin(struct fcw_html_tokenizer *tz, int end_tag)
{
    tz->end_tag = end_tag;
    tz->self_closing = 0;
    tz->tb.len = 0;
    tz->name_off = 0;
    tz->name_len = 0;
    tz->nattrs = 0;
}

int fcw_htz_name_add(struct fcw_html_tokenizer *tz, unsigned char c)
{
    if (c == 0) {
        tz->name_len += 3;
        return fcw_htz_buf_add(tz, &tz->tb, "\xEF\xBF\xBD", 3);
    }
    c = lower(c);
    tz->name_len++;
    return fcw_htz_buf_add(tz, &tz->tb, (const char *)&c, 1);
}

int fcw_htz_attr_begin(struct fcw_html_tokenizer *tz)
{
    struct tz_attr *a;

    if (tz->nattrs == tz->attrs_cap) {
        size_t cap = tz->attrs_cap ? tz->attrs_cap * 2 : 8;

        a = realloc(tz->attrs, cap * sizeof(*a));
        if (a == NULL) {
            tz->error = TZ_NOMEM;
            return -1;
        }
        tz->attrs = a;
        tz->attrs_cap = cap;
    }
    a = &tz->attrs[tz->nattrs++];
    memset(a, 0, sizeof(*a));
    a->name_off = tz->tb.len;
    return 0;
}

int fcw_htz_attr_name_add(struct fcw_html_tokenizer *tz, unsigned char c)
{
    struct tz_attr *a = &tz->attrs[tz->nattrs - 1];

    if (c == 0) {
        a->name_len += 3;
        return fcw_htz_buf_add(tz, &tz->tb, "\xEF\xBF\xBD", 3);
    }
    c = lower(c);
    a->name_len++;
    return fcw_htz_buf_add(tz, &tz->tb, (const char *)&c, 1);
}

/* the name is complete: a second attribute of the same name is dropped */
void fcw_htz_attr_name_done(struct fcw_html_tokenizer *tz)
{
    struct tz_attr *a = &tz->attrs[tz->nattrs - 1];
    size_t i;

    for (i = 0; i + 1 < tz->nattrs; i++) {
        struct tz_attr *b = &tz->attrs[i];

        if (!b->dup && b->name_len == a->name_len &&
            memcmp(tz->tb.p + b->name_off, tz->tb.p + a->name_off, a->name_len) == 0) {
            a->dup = 1;
            break;
        }
    }
    a->value_off = tz->tb.len;
}

int fcw_htz_attr_value_add(struct fcw_html_tokenizer *tz, unsigned char c)
{
    struct tz_attr *a = &tz->attrs[tz->nattrs - 1];

    if (c == 0) {
        a->value_len += 3;
        return fcw_htz_buf_add(tz, &tz->tb, "\xEF\xBF\xBD", 3);
    }
    a->value_len++;
    return fcw_htz_buf_add(tz, &tz->tb, (const char *)&c, 1);
}

static enum tz_state state_after(const char *name, size_t len)
{
    static const struct {
        const char *name;
        enum tz_state state;
    } switches[] = {
        {"title", S_RCDATA},     {"textarea", S_RCDATA}, {"style", S_RAWTEXT},
        {"xmp", S_RAWTEXT},      {"iframe", S_RAWTEXT},  {"noembed", S_RAWTEXT},
        {"noframes", S_RAWTEXT}, {"script", S_SCRIPT},   {"plaintext", S_PLAINTEXT},
    };
    size_t i;

    for (i = 0; i < sizeof(switches) / sizeof(switches[0]); i++) {
        if (strlen(switches[i].name) == len && memcmp(switches[i].name, name, len) == 0) {
            return switches[i].state;
        }
    }
    return S_DATA;
}

int fcw_htz_emit_tag(struct fcw_html_tokenizer *tz)
{
    struct fcw_html_token t;
    size_t i, n = 0;
    int rc;

    if (tz->out_attrs_cap < tz->nattrs) {
        struct fcw_html_attr *o = realloc(tz->out_attrs, tz->nattrs * sizeof(*o));

        if (o == NULL) {
            tz->error = TZ_NOMEM;
            return -1;
        }
        tz->out_attrs = o;
        tz->out_attrs_cap = tz->nattrs;
    }
    for (i = 0; i < tz->nattrs; i++) {
        struct tz_attr *a = &tz->attrs[i];

        if (a->dup) {
            continue;
        }
        tz->out_attrs[n].name = tz->tb.p + a->name_off;
        tz->out_attrs[n].name_len = a->name_len;
        tz->out_attrs[n].value = a->has_value ? tz->tb.p + a->value_off : "";
        tz->out_attrs[n].value_len = a->has_value ? a->value_len : 0;
        tz->out_attrs[n].has_value = a->has_value;
        tz->out_attrs[n].quote = a->quote;
        n++;
    }
    memset(&t, 0, sizeof(t));
    t.type = tz->end_tag ? FCW_HTML_END_TAG : FCW_HTML_START_TAG;
    t.raw = tz->raw.p;
    t.raw_len = tz->raw.len;
    t.name = tz->tb.p ? tz->tb.p + tz->name_off : "";
    t.name_len = tz->name_len;
    t.attrs = tz->out_attrs;
    t.nattrs = n;
    t.self_closing = tz->self_closing;
    tz->state = S_DATA;
    if (!tz->end_tag && tz->auto_states) {
        tz->state = state_after(t.name, t.name_len);
    }
    if (!tz->end_tag) {
        fcw_htz_set_last_start(tz, t.name, t.name_len);
    }
    tz->text_state = tz->state;
    rc = emit(tz, &t);
    tz->raw.len = 0;
    return rc;
}

int fcw_htz_emit_comment(struct fcw_html_tokenizer *tz)
{
    struct fcw_html_token t;
    int rc;

    memset(&t, 0, sizeof(t));
    t.type = FCW_HTML_COMMENT;
    t.raw = tz->raw.p;
    t.raw_len = tz->raw.len;
    t.data = tz->tb.p ? tz->tb.p : "";
    t.data_len = tz->tb.len;
    tz->state = S_DATA;
    rc = emit(tz, &t);
    tz->raw.len = 0;
    tz->tb.len = 0;
    return rc;
}

/* an identifier after PUBLIC/SYSTEM, copied to tb (NUL made U+FFFD) from
 * its offset *off: 1 if read to its quote, 0 if `>` or the end came first */
static int doctype_id(struct fcw_html_tokenizer *tz, size_t n, size_t *i, size_t *off, size_t *len)
{
    char q = tz->raw.p[(*i)++];

    *off = tz->tb.len;
    while (*i < n && tz->raw.p[*i] != q) {
        if (fcw_htz_buf_add(tz, &tz->tb, tz->raw.p[*i] ? tz->raw.p + *i : "\xEF\xBF\xBD", tz->raw.p[*i] ? 1 : 3) < 0) {
            return -1;
        }
        (*i)++;
    }
    *len = tz->tb.len - *off;
    if (*i < n) {
        (*i)++;
        return 1;
    }
    return 0;
}

static void skip_ws(const char *p, size_t n, size_t *i)
{
    while (*i < n && is_ws((unsigned char)p[*i])) {
        (*i)++;
    }
}

/* raw is `<!DOCTYPE...` with its `>` (closed) or without it (the end came):
 * the DOCTYPE states run over it, force-quirks set where they set it */
int fcw_htz_emit_doctype(struct fcw_html_tokenizer *tz, int closed)
{
    struct fcw_html_token t;
    const char *p = tz->raw.p;
    size_t n = tz->raw.len - (closed ? 1 : 0), i = 9, pub_off = 0, pub_len = 0, sys_off = 0, sys_len = 0;
    int rc;

    memset(&t, 0, sizeof(t));
    t.type = FCW_HTML_DOCTYPE;
    tz->tb.len = 0;
    tz->name_len = 0;
    skip_ws(p, n, &i);
    if (i == n) {
        t.force_quirks = 1;
        goto done;
    }
    while (i < n && !is_ws((unsigned char)p[i])) {
        if (fcw_htz_name_add(tz, (unsigned char)p[i]) < 0) {
            return -1;
        }
        i++;
    }
    t.has_name = 1;
    skip_ws(p, n, &i);
    if (i == n) {
        t.force_quirks = !closed;
        goto done;
    }
    if (n - i >= 6 && (strncasecmp(p + i, "public", 6) == 0 || strncasecmp(p + i, "system", 6) == 0)) {
        int public = strncasecmp(p + i, "public", 6) == 0;

        i += 6;
        skip_ws(p, n, &i);
        if (i == n || (p[i] != '"' && p[i] != '\'')) {
            t.force_quirks = 1;
            goto done;
        }
        if (public) {
            t.has_public_id = 1;
            rc = doctype_id(tz, n, &i, &pub_off, &pub_len);
            if (rc <= 0) {
                t.force_quirks = 1;
                if (rc < 0) {
                    return -1;
                }
                goto done;
            }
            skip_ws(p, n, &i);
            if (i == n) {
                t.force_quirks = !closed;
                goto done;
            }
            if (p[i] != '"' && p[i] != '\'') {
                t.force_quirks = 1;
                goto done;
            }
        }
        t.has_system_id = 1;
        rc = doctype_id(tz, n, &i, &sys_off, &sys_len);
        if (rc < 0) {
            return -1;
        }
        skip_ws(p, n, &i);
        /* after the identifier, anything but `>` is bogus (no quirks) */
        t.force_quirks = rc == 0 || (i == n && !closed);
    } else {
        t.force_quirks = 1;
    }
done:
    t.raw = tz->raw.p;
    t.raw_len = tz->raw.len;
    t.name = tz->tb.p ? tz->tb.p : "";
    t.name_len = tz->name_len;
    t.public_id = tz->tb.p ? tz->tb.p + pub_off : "";
    t.public_id_len = pub_len;
    t.system_id = tz->tb.p ? tz->tb.p + sys_off : "";
    t.system_id_len = sys_len;
    tz->state = S_DATA;
    rc = emit(tz, &t);
    tz->raw.len = 0;
    tz->tb.len = 0;
    return rc;
}
