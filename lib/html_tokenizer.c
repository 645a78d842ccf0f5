/* SPDX-License-Identifier: MIT */
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
 * ASCII-compatible; only ASCII bytes have meaning to the states. This file
 * runs the states; html_token.c builds and reports the tokens.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html_tokenizer_int.h"

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

void fcw_html_tokenizer_set_state(struct fcw_html_tokenizer *tz, enum fcw_html_text_state st,
                                  const char *last_start_tag)
{
    static const enum tz_state map[] = {S_DATA, S_RCDATA, S_RAWTEXT, S_SCRIPT, S_PLAINTEXT};

    tz->state = tz->text_state = map[st];
    fcw_htz_set_last_start(tz, last_start_tag ? last_start_tag : "", last_start_tag ? strlen(last_start_tag) : 0);
}

const char *fcw_html_tokenizer_error(const struct fcw_html_tokenizer *tz)
{
    return tz->error;
}

static int appropriate_end(const struct fcw_html_tokenizer *tz)
{
    return tz->last_start_len != 0 && tz->name_len == tz->last_start_len &&
           memcmp(tz->tb.p + tz->name_off, tz->last_start, tz->name_len) == 0;
}

#define TB_ADD(s, n)                                                                                                   \
    do {                                                                                                               \
        if (fcw_htz_buf_add(tz, &tz->tb, (s), (n)) < 0) {                                                              \
            return -1;                                                                                                 \
        }                                                                                                              \
    } while (0)
#define CHECK(call)                                                                                                    \
    do {                                                                                                               \
        if ((call) < 0) {                                                                                              \
            return -1;                                                                                                 \
        }                                                                                                              \
    } while (0)
#define RECONSUME(st)                                                                                                  \
    do {                                                                                                               \
        tz->state = (st);                                                                                              \
        goto again;                                                                                                    \
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
    case S_PLAINTEXT: return 0;
    case S_SCRIPT_ESC_START: tz->state = c == '-' ? S_SCRIPT_ESC_START_DASH : S_SCRIPT; break;
    case S_SCRIPT_ESC_START_DASH: tz->state = c == '-' ? S_SCRIPT_ESC_DASH_DASH : S_SCRIPT; break;
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
                tz->temp[tz->temp_len++] = (char)lower(c);
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
    default: break;
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
        unsigned char c = (unsigned char)p[i];

        if (tz->state < S_TEXT_LT) {
            if (!in_text) {
                in_text = 1;
                text_start = i;
            }
            if (!text_byte(tz, c)) {
                continue;
            }
            /* `<` begins a token: the text so far is done */
            CHECK(fcw_htz_emit_text(tz, p + text_start, i - text_start));
            in_text = 0;
            tz->raw.len = 0;
            CHECK(fcw_htz_buf_add(tz, &tz->raw, (const char *)&c, 1));
            continue;
        }
        CHECK(fcw_htz_buf_add(tz, &tz->raw, (const char *)&c, 1));
    again:
        switch (tz->state) {
        case S_TEXT_LT:
            if (c == '/') {
                tz->state = S_TEXT_END_OPEN;
            } else if (c == '!' && tz->text_state == S_SCRIPT) {
                CHECK(fcw_htz_raw_as_text(tz, 0));
                tz->state = S_SCRIPT_ESC_START;
            } else if (is_alpha(c) && tz->text_state == S_SCRIPT_ESC) {
                CHECK(fcw_htz_raw_as_text(tz, 1));
                tz->temp_len = 0;
                tz->state = S_SCRIPT_DESC_START;
                in_text = 1;
                text_start = i;
                text_byte(tz, c);
            } else {
                CHECK(fcw_htz_raw_as_text(tz, 1));
                tz->state = tz->text_state;
                in_text = 1;
                text_start = i;
                if (text_byte(tz, c)) {
                    in_text = 0;
                    CHECK(fcw_htz_buf_add(tz, &tz->raw, (const char *)&c, 1));
                }
            }
            break;
        case S_TEXT_END_OPEN:
            if (is_alpha(c)) {
                fcw_htz_tag_begin(tz, 1);
                tz->state = S_TEXT_END_NAME;
                CHECK(fcw_htz_name_add(tz, c));
            } else {
                CHECK(fcw_htz_raw_as_text(tz, 1));
                tz->state = tz->text_state;
                in_text = 1;
                text_start = i;
                if (text_byte(tz, c)) {
                    in_text = 0;
                    CHECK(fcw_htz_buf_add(tz, &tz->raw, (const char *)&c, 1));
                }
            }
            break;
        case S_TEXT_END_NAME:
            if (is_alpha(c)) {
                CHECK(fcw_htz_name_add(tz, c));
            } else if ((is_ws(c) || c == '/' || c == '>') && appropriate_end(tz)) {
                RECONSUME(S_TAG_NAME);
            } else {
                CHECK(fcw_htz_raw_as_text(tz, 1));
                tz->state = tz->text_state == S_SCRIPT_ESC ? S_SCRIPT_ESC : tz->text_state;
                in_text = 1;
                text_start = i;
                if (text_byte(tz, c)) {
                    in_text = 0;
                    CHECK(fcw_htz_buf_add(tz, &tz->raw, (const char *)&c, 1));
                }
            }
            break;
        case S_TAG_OPEN:
            if (c == '!') {
                tz->state = S_MARKUP_DECL;
            } else if (c == '/') {
                tz->state = S_END_TAG_OPEN;
            } else if (is_alpha(c)) {
                fcw_htz_tag_begin(tz, 0);
                RECONSUME(S_TAG_NAME);
            } else if (c == '?') {
                tz->tb.len = 0;
                RECONSUME(S_BOGUS_COMMENT);
            } else {
                CHECK(fcw_htz_raw_as_text(tz, 1));
                tz->state = S_DATA;
                in_text = 1;
                text_start = i;
                if (text_byte(tz, c)) {
                    in_text = 0;
                    CHECK(fcw_htz_buf_add(tz, &tz->raw, (const char *)&c, 1));
                }
            }
            break;
        case S_END_TAG_OPEN:
            if (is_alpha(c)) {
                fcw_htz_tag_begin(tz, 1);
                RECONSUME(S_TAG_NAME);
            } else if (c == '>') {
                CHECK(fcw_htz_emit_raw_only(tz));
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
                CHECK(fcw_htz_emit_tag(tz));
            } else {
                CHECK(fcw_htz_name_add(tz, c));
            }
            break;
        case S_BEFORE_ATTR_NAME:
            if (is_ws(c)) {
                break;
            }
            if (c == '/' || c == '>') {
                RECONSUME(S_AFTER_ATTR_NAME);
            }
            CHECK(fcw_htz_attr_begin(tz));
            if (c == '=') {
                CHECK(fcw_htz_attr_name_add(tz, c));
                tz->state = S_ATTR_NAME;
                break;
            }
            RECONSUME(S_ATTR_NAME);
        case S_ATTR_NAME:
            if (is_ws(c) || c == '/' || c == '>') {
                fcw_htz_attr_name_done(tz);
                RECONSUME(S_AFTER_ATTR_NAME);
            } else if (c == '=') {
                fcw_htz_attr_name_done(tz);
                tz->state = S_BEFORE_ATTR_VALUE;
            } else {
                CHECK(fcw_htz_attr_name_add(tz, c));
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
                CHECK(fcw_htz_emit_tag(tz));
            } else {
                CHECK(fcw_htz_attr_begin(tz));
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
                tz->attrs[tz->nattrs - 1].quote = (char)c;
                tz->state = c == '"' ? S_ATTR_VALUE_DQ : S_ATTR_VALUE_SQ;
            } else if (c == '>') {
                CHECK(fcw_htz_emit_tag(tz));
            } else {
                RECONSUME(S_ATTR_VALUE_UQ);
            }
            break;
        case S_ATTR_VALUE_DQ:
        case S_ATTR_VALUE_SQ:
            if (c == (tz->state == S_ATTR_VALUE_DQ ? '"' : '\'')) {
                tz->state = S_AFTER_ATTR_VALUE_Q;
            } else {
                CHECK(fcw_htz_attr_value_add(tz, c));
            }
            break;
        case S_ATTR_VALUE_UQ:
            if (is_ws(c)) {
                tz->state = S_BEFORE_ATTR_NAME;
            } else if (c == '>') {
                CHECK(fcw_htz_emit_tag(tz));
            } else {
                CHECK(fcw_htz_attr_value_add(tz, c));
            }
            break;
        case S_AFTER_ATTR_VALUE_Q:
            if (is_ws(c)) {
                tz->state = S_BEFORE_ATTR_NAME;
            } else if (c == '/') {
                tz->state = S_SELF_CLOSING;
            } else if (c == '>') {
                CHECK(fcw_htz_emit_tag(tz));
            } else {
                RECONSUME(S_BEFORE_ATTR_NAME);
            }
            break;
        case S_SELF_CLOSING:
            if (c == '>') {
                tz->self_closing = 1;
                CHECK(fcw_htz_emit_tag(tz));
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
                CHECK(fcw_htz_emit_comment(tz));
            } else if (c == 0) {
                TB_ADD("\xEF\xBF\xBD", 3);
            } else {
                TB_ADD((const char *)&c, 1);
            }
            break;
        case S_COMMENT_START:
            if (c == '-') {
                tz->state = S_COMMENT_START_DASH;
            } else if (c == '>') {
                CHECK(fcw_htz_emit_comment(tz));
            } else {
                RECONSUME(S_COMMENT);
            }
            break;
        case S_COMMENT_START_DASH:
            if (c == '-') {
                tz->state = S_COMMENT_END;
            } else if (c == '>') {
                CHECK(fcw_htz_emit_comment(tz));
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
                TB_ADD((const char *)&c, 1);
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
                CHECK(fcw_htz_emit_comment(tz));
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
                CHECK(fcw_htz_emit_comment(tz));
            } else {
                TB_ADD("--!", 3);
                RECONSUME(S_COMMENT);
            }
            break;
        case S_DOCTYPE:
            if (c == '>') {
                CHECK(fcw_htz_emit_doctype(tz, 1));
            }
            break;
        default: break;
        }
    }
    if (in_text) {
        CHECK(fcw_htz_emit_text(tz, p + text_start, n - text_start));
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
    case S_END_TAG_OPEN: rc = fcw_htz_raw_as_text(tz, 0); break;
    case S_MARKUP_DECL:
        tz->tb.len = 0;
        if (fcw_htz_buf_add(tz, &tz->tb, tz->raw.p + 2, tz->raw.len - 2) < 0) {
            return -1;
        }
        rc = fcw_htz_emit_comment(tz);
        break;
    case S_BOGUS_COMMENT:
    case S_COMMENT_START:
    case S_COMMENT_START_DASH:
    case S_COMMENT:
    case S_COMMENT_END_DASH:
    case S_COMMENT_END:
    case S_COMMENT_END_BANG: rc = fcw_htz_emit_comment(tz); break;
    case S_DOCTYPE: rc = fcw_htz_emit_doctype(tz, 0); break;
    default:
        if (tz->state > S_TEXT_LT) {
            rc = fcw_htz_emit_raw_only(tz); /* a tag cut by the end makes no token */
        }
        break;
    }
    tz->state = S_DATA;
    return rc;
}
