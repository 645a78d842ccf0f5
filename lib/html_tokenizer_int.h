/* SPDX-License-Identifier: MIT */
/*
 * What the two halves of the HTML tokenizer share: the tokenizer's state
 * (html_tokenizer.c runs the states over the input; html_token.c builds
 * and reports the tokens: tag names and attributes, comments, DOCTYPEs),
 * the growable buffers tokens are read into, and the byte classes.
 */
#ifndef FCW_HTML_TOKENIZER_INT_H
#define FCW_HTML_TOKENIZER_INT_H

#include <stddef.h>

#include "html_tokenizer.h"

enum tz_state {
    S_DATA,
    S_RCDATA,
    S_RAWTEXT,
    S_PLAINTEXT,
    S_SCRIPT,
    S_SCRIPT_ESC_START,
    S_SCRIPT_ESC_START_DASH,
    S_SCRIPT_ESC,
    S_SCRIPT_ESC_DASH,
    S_SCRIPT_ESC_DASH_DASH,
    S_SCRIPT_DESC_START,
    S_SCRIPT_DESC,
    S_SCRIPT_DESC_DASH,
    S_SCRIPT_DESC_DASH_DASH,
    S_SCRIPT_DESC_LT,
    S_SCRIPT_DESC_END,
    /* the states above are text; those below buffer a token */
    S_TEXT_LT, /* `<` in RCDATA/RAWTEXT/script (data or escaped) */
    S_TEXT_END_OPEN,
    S_TEXT_END_NAME,
    S_TAG_OPEN,
    S_END_TAG_OPEN,
    S_TAG_NAME,
    S_BEFORE_ATTR_NAME,
    S_ATTR_NAME,
    S_AFTER_ATTR_NAME,
    S_BEFORE_ATTR_VALUE,
    S_ATTR_VALUE_DQ,
    S_ATTR_VALUE_SQ,
    S_ATTR_VALUE_UQ,
    S_AFTER_ATTR_VALUE_Q,
    S_SELF_CLOSING,
    S_MARKUP_DECL,
    S_BOGUS_COMMENT,
    S_COMMENT_START,
    S_COMMENT_START_DASH,
    S_COMMENT,
    S_COMMENT_END_DASH,
    S_COMMENT_END,
    S_COMMENT_END_BANG,
    S_DOCTYPE
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
    enum tz_state text_state; /* where a failed `</x` goes back to */
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
    char temp[8]; /* script double-escape: "script"? */
    size_t temp_len;
};

static inline int is_ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

static inline int is_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline unsigned char lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

/* ---- html_token.c: each returns -1 with tz->error set when the token
 * cannot be kept (out of memory, over the limit) or the callback stops ---- */

int fcw_htz_buf_add(struct fcw_html_tokenizer *tz, struct buf *b, const char *s, size_t n);
void fcw_htz_set_last_start(struct fcw_html_tokenizer *tz, const char *name, size_t len);
int fcw_htz_emit_text(struct fcw_html_tokenizer *tz, const char *p, size_t n);
int fcw_htz_raw_as_text(struct fcw_html_tokenizer *tz, size_t keep);
int fcw_htz_emit_raw_only(struct fcw_html_tokenizer *tz);
void fcw_htz_tag_begin(struct fcw_html_tokenizer *tz, int end_tag);
int fcw_htz_name_add(struct fcw_html_tokenizer *tz, unsigned char c);
int fcw_htz_attr_begin(struct fcw_html_tokenizer *tz);
int fcw_htz_attr_name_add(struct fcw_html_tokenizer *tz, unsigned char c);
void fcw_htz_attr_name_done(struct fcw_html_tokenizer *tz);
int fcw_htz_attr_value_add(struct fcw_html_tokenizer *tz, unsigned char c);
int fcw_htz_emit_tag(struct fcw_html_tokenizer *tz);
int fcw_htz_emit_comment(struct fcw_html_tokenizer *tz);
int fcw_htz_emit_doctype(struct fcw_html_tokenizer *tz, int closed);

#endif
