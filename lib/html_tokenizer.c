/*
 * The streaming HTML tokenizer of html_tokenizer.h: one byte at a time
 * through the WHATWG tokenizer states that decide where tokens begin and
 * end. Text is never copied: runs of it are reported as spans of the chunk
 * being fed. The bytes of a tag, comment or DOCTYPE (or of a `</name` in
 * RCDATA that may or may not be the end tag) are appended to `raw` until
 * the token is complete; names, attribute names and values, and comment
 * text go to `tb` (offsets, so that growing it moves nothing we point at
 * until the token is reported). DOCTYPEs always end at the first `>`, so
 * they are read whole and parsed after. Bytes are UTF-8 or anything
 * ASCII-compatible; only ASCII bytes have meaning to the states.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html_tokenizer.h"

enum tz_state {
    S_DATA, S_RCDATA, S_RAWTEXT, S_PLAINTEXT, S_SCRIPT,
    S_SCRIPT_ESC_START, S_SCRIPT_ESC_START_DASH, S_SCRIPT_ESC, S_SCRIPT_ESC_DASH,
    S_SCRIPT_ESC_DASH_DASH, S_SCRIPT_DESC_START, S_SCRIPT_DESC, S_SCRIPT_DESC_DASH,
    S_SCRIPT_DESC_DASH_DASH, S_SCRIPT_DESC_LT, S_SCRIPT_DESC_END,
    /* the states above are text; those below buffer a token */
    S_TEXT_LT,          /* `<` in RCDATA/RAWTEXT/script (data or escaped) */
    S_TEXT_END_OPEN, S_TEXT_END_NAME,
    S_TAG_OPEN, S_END_TAG_OPEN, S_TAG_NAME, S_BEFORE_ATTR_NAME, S_ATTR_NAME,
    S_AFTER_ATTR_NAME, S_BEFORE_ATTR_VALUE, S_ATTR_VALUE_DQ, S_ATTR_VALUE_SQ,
    S_ATTR_VALUE_UQ, S_AFTER_ATTR_VALUE_Q, S_SELF_CLOSING, S_MARKUP_DECL,
    S_BOGUS_COMMENT, S_COMMENT_START, S_COMMENT_START_DASH, S_COMMENT,
    S_COMMENT_END_DASH, S_COMMENT_END, S_COMMENT_END_BANG, S_DOCTYPE
};

struct tz_attr {
    size_t name_off, name_len, value_off, value_len;
    int has_value, dup;
    char quote;
};

struct buf {
    char *p;
    size_t len, cap;
};

struct fcw_html_tokenizer {
    enum tz_state state;
    enum tz_state text_state;   /* where a failed `</x` goes back to */
    int auto_states;
    fcw_html_token_cb cb;
    void *cb_data;
    size_t max_token;
    const char *error;
    struct buf raw, tb;
    /* the tag being read */
    int end_tag, self_closing;
    size_t name_off, name_len;
    struct tz_attr *attrs;
    size_t nattrs, attrs_cap;
    struct fcw_html_attr *out_attrs;
    size_t out_attrs_cap;
    char last_start[16];
    size_t last_start_len;
    char temp[8];           /* script double-escape: "script"? */
    size_t temp_len;
};

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

static int buf_add(struct fcw_html_tokenizer *tz, struct buf *b, const char *s, size_t n)
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

struct fcw_html_tokenizer *fcw_html_tokenizer_new(size_t max_token, fcw_html_token_cb cb, void *data)
{
    struct fcw_html_tokenizer *tz = calloc(1, sizeof(*tz));

    if (tz == NULL) {
        return NULL;
    }
    tz->state = S_DATA;
    tz->text_state = S_DATA;
    tz->auto_states = 1;
    tz->cb = cb;
    tz->cb_data = data;
    tz->max_token = max_token;
    return tz;
}

void fcw_html_tokenizer_free(struct fcw_html_tokenizer *tz)
{
    if (tz != NULL) {
        free(tz->raw.p);
        free(tz->tb.p);
        free(tz->attrs);
        free(tz->out_attrs);
        free(tz);
    }
}

void fcw_html_tokenizer_set_callback_data(struct fcw_html_tokenizer *tz, void *data)
{
    tz->cb_data = data;
}

void fcw_html_tokenizer_set_auto_states(struct fcw_html_tokenizer *tz, int on)
{
    tz->auto_states = on;
}

static void set_last_start(struct fcw_html_tokenizer *tz, const char *name, size_t len)
{
    if (len > sizeof(tz->last_start)) {
        len = 0;    /* no element of interest has so long a name */
    }
    memcpy(tz->last_start, name, len);
    tz->last_start_len = len;
}

void fcw_html_tokenizer_set_state(struct fcw_html_tokenizer *tz, enum fcw_html_text_state st,
                                  const char *last_start_tag)
{
    static const enum tz_state map[] = { S_DATA, S_RCDATA, S_RAWTEXT, S_SCRIPT, S_PLAINTEXT };

    tz->state = tz->text_state = map[st];
    set_last_start(tz, last_start_tag ? last_start_tag : "", last_start_tag ? strlen(last_start_tag) : 0);
}

const char *fcw_html_tokenizer_error(const struct fcw_html_tokenizer *tz)
{
    return tz->error;
}

static int is_ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

static int is_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static unsigned char lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char) (c + 32) : c;
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

static int emit_text(struct fcw_html_tokenizer *tz, const char *p, size_t n)
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
static int raw_as_text(struct fcw_html_tokenizer *tz, size_t keep)
{
    int rc = emit_text(tz, tz->raw.p, tz->raw.len - keep);

    tz->raw.len = 0;
    return rc;
}

static int emit_raw_only(struct fcw_html_tokenizer *tz)
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

static void tag_begin(struct fcw_html_tokenizer *tz, int end_tag)
{
    tz->end_tag = end_tag;
    tz->self_closing = 0;
    tz->tb.len = 0;
    tz->name_off = 0;
    tz->name_len = 0;
    tz->nattrs = 0;
}

static int name_add(struct fcw_html_tokenizer *tz, unsigned char c)
{
    if (c == 0) {
        tz->name_len += 3;
        return buf_add(tz, &tz->tb, "\xEF\xBF\xBD", 3);
    }
    c = lower(c);
    tz->name_len++;
    return buf_add(tz, &tz->tb, (const char *) &c, 1);
}

static int attr_begin(struct fcw_html_tokenizer *tz)
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

static int attr_name_add(struct fcw_html_tokenizer *tz, unsigned char c)
{
    struct tz_attr *a = &tz->attrs[tz->nattrs - 1];

    if (c == 0) {
        a->name_len += 3;
        return buf_add(tz, &tz->tb, "\xEF\xBF\xBD", 3);
    }
    c = lower(c);
    a->name_len++;
    return buf_add(tz, &tz->tb, (const char *) &c, 1);
}

/* the name is complete: a second attribute of the same name is dropped */
static void attr_name_done(struct fcw_html_tokenizer *tz)
{
    struct tz_attr *a = &tz->attrs[tz->nattrs - 1];
    size_t i;

    for (i = 0; i + 1 < tz->nattrs; i++) {
        struct tz_attr *b = &tz->attrs[i];

        if (!b->dup && b->name_len == a->name_len
            && memcmp(tz->tb.p + b->name_off, tz->tb.p + a->name_off, a->name_len) == 0) {
            a->dup = 1;
            break;
        }
    }
    a->value_off = tz->tb.len;
}

static int attr_value_add(struct fcw_html_tokenizer *tz, unsigned char c)
{
    struct tz_attr *a = &tz->attrs[tz->nattrs - 1];

    if (c == 0) {
        a->value_len += 3;
        return buf_add(tz, &tz->tb, "\xEF\xBF\xBD", 3);
    }
    a->value_len++;
    return buf_add(tz, &tz->tb, (const char *) &c, 1);
}

static enum tz_state state_after(const char *name, size_t len)
{
    static const struct {
        const char *name;
        enum tz_state state;
    } switches[] = {
        { "title", S_RCDATA }, { "textarea", S_RCDATA }, { "style", S_RAWTEXT },
        { "xmp", S_RAWTEXT }, { "iframe", S_RAWTEXT }, { "noembed", S_RAWTEXT },
        { "noframes", S_RAWTEXT }, { "script", S_SCRIPT }, { "plaintext", S_PLAINTEXT },
    };
    size_t i;

    for (i = 0; i < sizeof(switches) / sizeof(switches[0]); i++) {
        if (strlen(switches[i].name) == len && memcmp(switches[i].name, name, len) == 0) {
            return switches[i].state;
        }
    }
    return S_DATA;
}

static int emit_tag(struct fcw_html_tokenizer *tz)
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
        set_last_start(tz, t.name, t.name_len);
    }
    tz->text_state = tz->state;
    rc = emit(tz, &t);
    tz->raw.len = 0;
    return rc;
}

static int emit_comment(struct fcw_html_tokenizer *tz)
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
        if (buf_add(tz, &tz->tb, tz->raw.p[*i] ? tz->raw.p + *i : "\xEF\xBF\xBD", tz->raw.p[*i] ? 1 : 3) < 0) {
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
    while (*i < n && is_ws((unsigned char) p[*i])) {
        (*i)++;
    }
}

/* raw is `<!DOCTYPE...` with its `>` (closed) or without it (the end came):
 * the DOCTYPE states run over it, force-quirks set where they set it */
static int emit_doctype(struct fcw_html_tokenizer *tz, int closed)
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
    while (i < n && !is_ws((unsigned char) p[i])) {
        if (name_add(tz, (unsigned char) p[i]) < 0) {
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

static int appropriate_end(const struct fcw_html_tokenizer *tz)
{
    return tz->last_start_len != 0 && tz->name_len == tz->last_start_len
           && memcmp(tz->tb.p + tz->name_off, tz->last_start, tz->name_len) == 0;
}

#define TB_ADD(s, n) \
    do { \
        if (buf_add(tz, &tz->tb, (s), (n)) < 0) { \
            return -1; \
        } \
    } while (0)
#define CHECK(call) \
    do { \
        if ((call) < 0) { \
            return -1; \
        } \
    } while (0)
#define RECONSUME(st) \
    do { \
        tz->state = (st); \
        goto again; \
    } while (0)

/* the text states: c is text unless it starts a token (then 1) */
static int text_byte(struct fcw_html_tokenizer *tz, unsigned char c)
{
    switch (tz->state) {
    case S_DATA:
        if (c == '<') {
            tz->state = S_TAG_OPEN;
            return 1;
        }
        return 0;
    case S_RCDATA:
    case S_RAWTEXT:
    case S_SCRIPT:
        if (c == '<') {
            tz->text_state = tz->state;
            tz->state = S_TEXT_LT;
            return 1;
        }
        return 0;
    case S_PLAINTEXT:
        return 0;
    case S_SCRIPT_ESC_START:
        tz->state = c == '-' ? S_SCRIPT_ESC_START_DASH : S_SCRIPT;
        break;
    case S_SCRIPT_ESC_START_DASH:
        tz->state = c == '-' ? S_SCRIPT_ESC_DASH_DASH : S_SCRIPT;
        break;
    case S_SCRIPT_ESC:
    case S_SCRIPT_ESC_DASH:
    case S_SCRIPT_ESC_DASH_DASH:
        if (c == '<') {
            tz->text_state = S_SCRIPT_ESC;
            tz->state = S_TEXT_LT;
            return 1;
        }
        if (c == '-') {
            tz->state = tz->state == S_SCRIPT_ESC ? S_SCRIPT_ESC_DASH : S_SCRIPT_ESC_DASH_DASH;
        } else if (c == '>' && tz->state == S_SCRIPT_ESC_DASH_DASH) {
            tz->state = S_SCRIPT;
        } else {
            tz->state = S_SCRIPT_ESC;
        }
        return 0;
    case S_SCRIPT_DESC_START:
    case S_SCRIPT_DESC_END:
        if (is_ws(c) || c == '/' || c == '>') {
            int script = tz->temp_len == 6 && memcmp(tz->temp, "script", 6) == 0;

            if (tz->state == S_SCRIPT_DESC_START) {
                tz->state = script ? S_SCRIPT_DESC : S_SCRIPT_ESC;
            } else {
                tz->state = script ? S_SCRIPT_ESC : S_SCRIPT_DESC;
            }
        } else if (is_alpha(c)) {
            if (tz->temp_len < sizeof(tz->temp)) {
                tz->temp[tz->temp_len++] = (char) lower(c);
            }
        } else {
            tz->state = tz->state == S_SCRIPT_DESC_START ? S_SCRIPT_ESC : S_SCRIPT_DESC;
            return text_byte(tz, c);
        }
        return 0;
    case S_SCRIPT_DESC:
    case S_SCRIPT_DESC_DASH:
    case S_SCRIPT_DESC_DASH_DASH:
        if (c == '<') {
            tz->state = S_SCRIPT_DESC_LT;
        } else if (c == '-') {
            tz->state = tz->state == S_SCRIPT_DESC ? S_SCRIPT_DESC_DASH : S_SCRIPT_DESC_DASH_DASH;
        } else if (c == '>' && tz->state == S_SCRIPT_DESC_DASH_DASH) {
            tz->state = S_SCRIPT;
        } else {
            tz->state = S_SCRIPT_DESC;
        }
        return 0;
    case S_SCRIPT_DESC_LT:
        if (c == '/') {
            tz->temp_len = 0;
            tz->state = S_SCRIPT_DESC_END;
            return 0;
        }
        tz->state = S_SCRIPT_DESC;
        return text_byte(tz, c);
    default:
        break;
    }
    /* the two escape-start states fall back to script data, reconsuming */
    if (tz->state == S_SCRIPT) {
        return text_byte(tz, c);
    }
    return 0;
}

int fcw_html_tokenizer_feed(struct fcw_html_tokenizer *tz, const char *p, size_t n)
{
    size_t i, text_start = 0;
    int in_text = 0;

    if (tz->error != NULL) {
        return -1;
    }
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char) p[i];

        if (tz->state < S_TEXT_LT) {
            if (!in_text) {
                in_text = 1;
                text_start = i;
            }
            if (!text_byte(tz, c)) {
                continue;
            }
            /* `<` begins a token: the text so far is done */
            CHECK(emit_text(tz, p + text_start, i - text_start));
            in_text = 0;
            tz->raw.len = 0;
            CHECK(buf_add(tz, &tz->raw, (const char *) &c, 1));
            continue;
        }
        CHECK(buf_add(tz, &tz->raw, (const char *) &c, 1));
    again:
        switch (tz->state) {
        case S_TEXT_LT:
            if (c == '/') {
                tz->state = S_TEXT_END_OPEN;
            } else if (c == '!' && tz->text_state == S_SCRIPT) {
                CHECK(raw_as_text(tz, 0));
                tz->state = S_SCRIPT_ESC_START;
            } else if (is_alpha(c) && tz->text_state == S_SCRIPT_ESC) {
                CHECK(raw_as_text(tz, 1));
                tz->temp_len = 0;
                tz->state = S_SCRIPT_DESC_START;
                in_text = 1;
                text_start = i;
                text_byte(tz, c);
            } else {
                CHECK(raw_as_text(tz, 1));
                tz->state = tz->text_state;
                in_text = 1;
                text_start = i;
                if (text_byte(tz, c)) {
                    in_text = 0;
                    CHECK(buf_add(tz, &tz->raw, (const char *) &c, 1));
                }
            }
            break;
        case S_TEXT_END_OPEN:
            if (is_alpha(c)) {
                tag_begin(tz, 1);
                tz->state = S_TEXT_END_NAME;
                CHECK(name_add(tz, c));
            } else {
                CHECK(raw_as_text(tz, 1));
                tz->state = tz->text_state;
                in_text = 1;
                text_start = i;
                if (text_byte(tz, c)) {
                    in_text = 0;
                    CHECK(buf_add(tz, &tz->raw, (const char *) &c, 1));
                }
            }
            break;
        case S_TEXT_END_NAME:
            if (is_alpha(c)) {
                CHECK(name_add(tz, c));
            } else if ((is_ws(c) || c == '/' || c == '>') && appropriate_end(tz)) {
                RECONSUME(S_TAG_NAME);
            } else {
                CHECK(raw_as_text(tz, 1));
                tz->state = tz->text_state == S_SCRIPT_ESC ? S_SCRIPT_ESC : tz->text_state;
                in_text = 1;
                text_start = i;
                if (text_byte(tz, c)) {
                    in_text = 0;
                    CHECK(buf_add(tz, &tz->raw, (const char *) &c, 1));
                }
            }
            break;
        case S_TAG_OPEN:
            if (c == '!') {
                tz->state = S_MARKUP_DECL;
            } else if (c == '/') {
                tz->state = S_END_TAG_OPEN;
            } else if (is_alpha(c)) {
                tag_begin(tz, 0);
                RECONSUME(S_TAG_NAME);
            } else if (c == '?') {
                tz->tb.len = 0;
                RECONSUME(S_BOGUS_COMMENT);
            } else {
                CHECK(raw_as_text(tz, 1));
                tz->state = S_DATA;
                in_text = 1;
                text_start = i;
                if (text_byte(tz, c)) {
                    in_text = 0;
                    CHECK(buf_add(tz, &tz->raw, (const char *) &c, 1));
                }
            }
            break;
        case S_END_TAG_OPEN:
            if (is_alpha(c)) {
                tag_begin(tz, 1);
                RECONSUME(S_TAG_NAME);
            } else if (c == '>') {
                CHECK(emit_raw_only(tz));
                tz->state = S_DATA;
            } else {
                tz->tb.len = 0;
                RECONSUME(S_BOGUS_COMMENT);
            }
            break;
        case S_TAG_NAME:
            if (is_ws(c)) {
                tz->state = S_BEFORE_ATTR_NAME;
            } else if (c == '/') {
                tz->state = S_SELF_CLOSING;
            } else if (c == '>') {
                CHECK(emit_tag(tz));
            } else {
                CHECK(name_add(tz, c));
            }
            break;
        case S_BEFORE_ATTR_NAME:
            if (is_ws(c)) {
                break;
            }
            if (c == '/' || c == '>') {
                RECONSUME(S_AFTER_ATTR_NAME);
            }
            CHECK(attr_begin(tz));
            if (c == '=') {
                CHECK(attr_name_add(tz, c));
                tz->state = S_ATTR_NAME;
                break;
            }
            RECONSUME(S_ATTR_NAME);
        case S_ATTR_NAME:
            if (is_ws(c) || c == '/' || c == '>') {
                attr_name_done(tz);
                RECONSUME(S_AFTER_ATTR_NAME);
            } else if (c == '=') {
                attr_name_done(tz);
                tz->state = S_BEFORE_ATTR_VALUE;
            } else {
                CHECK(attr_name_add(tz, c));
            }
            break;
        case S_AFTER_ATTR_NAME:
            if (is_ws(c)) {
                break;
            }
            if (c == '/') {
                tz->state = S_SELF_CLOSING;
            } else if (c == '=') {
                tz->state = S_BEFORE_ATTR_VALUE;
            } else if (c == '>') {
                CHECK(emit_tag(tz));
            } else {
                CHECK(attr_begin(tz));
                RECONSUME(S_ATTR_NAME);
            }
            break;
        case S_BEFORE_ATTR_VALUE:
            if (is_ws(c)) {
                break;
            }
            tz->attrs[tz->nattrs - 1].has_value = 1;
            tz->attrs[tz->nattrs - 1].value_off = tz->tb.len;
            if (c == '"' || c == '\'') {
                tz->attrs[tz->nattrs - 1].quote = (char) c;
                tz->state = c == '"' ? S_ATTR_VALUE_DQ : S_ATTR_VALUE_SQ;
            } else if (c == '>') {
                CHECK(emit_tag(tz));
            } else {
                RECONSUME(S_ATTR_VALUE_UQ);
            }
            break;
        case S_ATTR_VALUE_DQ:
        case S_ATTR_VALUE_SQ:
            if (c == (tz->state == S_ATTR_VALUE_DQ ? '"' : '\'')) {
                tz->state = S_AFTER_ATTR_VALUE_Q;
            } else {
                CHECK(attr_value_add(tz, c));
            }
            break;
        case S_ATTR_VALUE_UQ:
            if (is_ws(c)) {
                tz->state = S_BEFORE_ATTR_NAME;
            } else if (c == '>') {
                CHECK(emit_tag(tz));
            } else {
                CHECK(attr_value_add(tz, c));
            }
            break;
        case S_AFTER_ATTR_VALUE_Q:
            if (is_ws(c)) {
                tz->state = S_BEFORE_ATTR_NAME;
            } else if (c == '/') {
                tz->state = S_SELF_CLOSING;
            } else if (c == '>') {
                CHECK(emit_tag(tz));
            } else {
                RECONSUME(S_BEFORE_ATTR_NAME);
            }
            break;
        case S_SELF_CLOSING:
            if (c == '>') {
                tz->self_closing = 1;
                CHECK(emit_tag(tz));
            } else {
                RECONSUME(S_BEFORE_ATTR_NAME);
            }
            break;
        case S_MARKUP_DECL: {
            const char *s = tz->raw.p + 2;
            size_t k = tz->raw.len - 2;

            if (k <= 2 && memcmp(s, "--", k) == 0) {
                if (k == 2) {
                    tz->tb.len = 0;
                    tz->state = S_COMMENT_START;
                }
            } else if (k <= 7 && strncasecmp(s, "doctype", k) == 0) {
                if (k == 7) {
                    tz->state = S_DOCTYPE;
                }
            } else {
                tz->tb.len = 0;
                TB_ADD(s, k - 1);
                RECONSUME(S_BOGUS_COMMENT);
            }
            break;
        }
        case S_BOGUS_COMMENT:
            if (c == '>') {
                CHECK(emit_comment(tz));
            } else if (c == 0) {
                TB_ADD("\xEF\xBF\xBD", 3);
            } else {
                TB_ADD((const char *) &c, 1);
            }
            break;
        case S_COMMENT_START:
            if (c == '-') {
                tz->state = S_COMMENT_START_DASH;
            } else if (c == '>') {
                CHECK(emit_comment(tz));
            } else {
                RECONSUME(S_COMMENT);
            }
            break;
        case S_COMMENT_START_DASH:
            if (c == '-') {
                tz->state = S_COMMENT_END;
            } else if (c == '>') {
                CHECK(emit_comment(tz));
            } else {
                TB_ADD("-", 1);
                RECONSUME(S_COMMENT);
            }
            break;
        case S_COMMENT:
            if (c == '-') {
                tz->state = S_COMMENT_END_DASH;
            } else if (c == 0) {
                TB_ADD("\xEF\xBF\xBD", 3);
            } else {
                TB_ADD((const char *) &c, 1);
            }
            break;
        case S_COMMENT_END_DASH:
            if (c == '-') {
                tz->state = S_COMMENT_END;
            } else {
                TB_ADD("-", 1);
                RECONSUME(S_COMMENT);
            }
            break;
        case S_COMMENT_END:
            if (c == '>') {
                CHECK(emit_comment(tz));
            } else if (c == '!') {
                tz->state = S_COMMENT_END_BANG;
            } else if (c == '-') {
                TB_ADD("-", 1);
            } else {
                TB_ADD("--", 2);
                RECONSUME(S_COMMENT);
            }
            break;
        case S_COMMENT_END_BANG:
            if (c == '-') {
                TB_ADD("--!", 3);
                tz->state = S_COMMENT_END_DASH;
            } else if (c == '>') {
                CHECK(emit_comment(tz));
            } else {
                TB_ADD("--!", 3);
                RECONSUME(S_COMMENT);
            }
            break;
        case S_DOCTYPE:
            if (c == '>') {
                CHECK(emit_doctype(tz, 1));
            }
            break;
        default:
            break;
        }
    }
    if (in_text) {
        CHECK(emit_text(tz, p + text_start, n - text_start));
    }
    return 0;
}

int fcw_html_tokenizer_end(struct fcw_html_tokenizer *tz)
{
    int rc = 0;

    if (tz->error != NULL) {
        return -1;
    }
    switch (tz->state) {
    case S_TEXT_LT:
    case S_TEXT_END_OPEN:
    case S_TEXT_END_NAME:
    case S_TAG_OPEN:
    case S_END_TAG_OPEN:
        rc = raw_as_text(tz, 0);
        break;
    case S_MARKUP_DECL:
        tz->tb.len = 0;
        if (buf_add(tz, &tz->tb, tz->raw.p + 2, tz->raw.len - 2) < 0) {
            return -1;
        }
        rc = emit_comment(tz);
        break;
    case S_BOGUS_COMMENT:
    case S_COMMENT_START:
    case S_COMMENT_START_DASH:
    case S_COMMENT:
    case S_COMMENT_END_DASH:
    case S_COMMENT_END:
    case S_COMMENT_END_BANG:
        rc = emit_comment(tz);
        break;
    case S_DOCTYPE:
        rc = emit_doctype(tz, 0);
        break;
    default:
        if (tz->state > S_TEXT_LT) {
            rc = emit_raw_only(tz);    /* a tag cut by the end makes no token */
        }
        break;
    }
    tz->state = S_DATA;
    return rc;
}
