/* SPDX-License-Identifier: MIT */
/*
 * A streaming HTML tokenizer after the WHATWG tokenization rules, for
 * rewriting: it is fed a document chunk by chunk and reports data, start
 * and end tags (attributes in every quoting style), comments and DOCTYPEs,
 * each with the exact source bytes it came from, so that whatever is not
 * changed can be written out unchanged. Text is reported as it arrives
 * (a text node may come in several pieces); only the token being read is
 * buffered, so memory is bounded by the largest tag, comment or DOCTYPE.
 * After <title>/<textarea> (RCDATA), <style>/<xmp>/<iframe>/<noembed>/
 * <noframes> (RAWTEXT), <script> (script data, with its escape states) and
 * <plaintext> it switches state by itself, as a tree builder would tell it.
 * Character references are left as they are (a rewriter passes them on).
 * No Duktape here: lib/api_htmlrewriter.c is the JavaScript glue.
 */
#ifndef FCW_HTML_TOKENIZER_H
#define FCW_HTML_TOKENIZER_H

#include <stddef.h>

enum fcw_html_token_type {
    FCW_HTML_TEXT,
    FCW_HTML_START_TAG,
    FCW_HTML_END_TAG,
    FCW_HTML_COMMENT,
    FCW_HTML_DOCTYPE,
    FCW_HTML_RAW /* source bytes that make no token (`</>`, a tag cut by the end) */
};

/* the states a caller may start in (html5lib's initialStates) */
enum fcw_html_text_state {
    FCW_HTML_STATE_DATA,
    FCW_HTML_STATE_RCDATA,
    FCW_HTML_STATE_RAWTEXT,
    FCW_HTML_STATE_SCRIPT_DATA,
    FCW_HTML_STATE_PLAINTEXT
};

struct fcw_html_attr {
    const char *name; /* lower-cased */
    size_t name_len;
    const char *value; /* without its quotes, references not decoded */
    size_t value_len;
    int has_value;
    char quote; /* '"', '\'' or 0 */
};

struct fcw_html_token {
    enum fcw_html_token_type type;
    const char *raw; /* the source bytes */
    size_t raw_len;
    const char *name; /* tag name (lower-cased), DOCTYPE name */
    size_t name_len;
    const char *data; /* comment text */
    size_t data_len;
    const struct fcw_html_attr *attrs; /* tags; duplicates dropped */
    size_t nattrs;
    int self_closing;
    /* DOCTYPE */
    int has_name, force_quirks, has_public_id, has_system_id;
    const char *public_id, *system_id;
    size_t public_id_len, system_id_len;
};

/* returns 0 to go on, -1 to stop the tokenizer (feed/end then return -1) */
typedef int (*fcw_html_token_cb)(void *data, const struct fcw_html_token *tok);

struct fcw_html_tokenizer;

/* max_token: the most bytes one tag/comment/DOCTYPE may take (0: no limit) */
struct fcw_html_tokenizer *fcw_html_tokenizer_new(size_t max_token, fcw_html_token_cb cb, void *data);
void fcw_html_tokenizer_free(struct fcw_html_tokenizer *tz);
void fcw_html_tokenizer_set_callback_data(struct fcw_html_tokenizer *tz, void *data);
/* whether start tags switch the state (on by default) */
void fcw_html_tokenizer_set_auto_states(struct fcw_html_tokenizer *tz, int on);
/* start in another state; last_start_tag: for the "appropriate end tag" */
void fcw_html_tokenizer_set_state(struct fcw_html_tokenizer *tz, enum fcw_html_text_state st,
                                  const char *last_start_tag);
/* 0, or -1: the callback stopped it, a token went over max_token or out of
 * memory (fcw_html_tokenizer_error says which) */
int fcw_html_tokenizer_feed(struct fcw_html_tokenizer *tz, const char *p, size_t n);
int fcw_html_tokenizer_end(struct fcw_html_tokenizer *tz);
const char *fcw_html_tokenizer_error(const struct fcw_html_tokenizer *tz);

#endif
