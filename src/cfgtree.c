/* SPDX-License-Identifier: MIT */
/*
 * Configuration trees from TOML and JSON text (wrangler.toml,
 * wrangler.json, wrangler.jsonc). Both readers are recursive-descent over
 * a NUL-terminated buffer, track line numbers for messages, and build
 * struct cfg_node values: TOML's integers and floats are both numbers, its
 * bare dates and times strings. TOML tables may not be defined twice, keys
 * may not repeat; arrays of tables append a table per header. JSON accepts
 * // and slash-star comments and trailing commas (JSONC), which plain JSON
 * files simply do not use.
 */
#include "config.h"

#include "cfgtree.h"

#include <ctype.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CFG_MAX_DEPTH 64

struct sbuf {
    char *s;
    size_t len, cap;
};

struct reader {
    const char *p;
    int line;
    int depth;
    struct cfg_node *made;         /* every node made, freed one by one after a failure */
    struct sbuf *open;             /* the string being read, freed after a failure */
    char *keys[CFG_MAX_DEPTH + 2]; /* the keys whose values are being read, likewise */
    int nkeys;
    char *err;
    size_t errlen;
    jmp_buf fail;
};

__attribute__((format(printf, 2, 3), noreturn)) static void fail(struct reader *r, const char *fmt, ...)
{
    va_list ap;
    int n = snprintf(r->err, r->errlen, "line %d: ", r->line);
    va_start(ap, fmt);
    if (n >= 0 && (size_t)n < r->errlen) {
        vsnprintf(r->err + n, r->errlen - (size_t)n, fmt, ap);
    }
    va_end(ap);
    longjmp(r->fail, 1);
}

static void *xcalloc(struct reader *r, size_t n)
{
    void *p = calloc(1, n);
    if (p == NULL) {
        fail(r, "out of memory");
    }
    return p;
}

static struct cfg_node *node_new(struct reader *r, enum cfg_type type)
{
    struct cfg_node *n = xcalloc(r, sizeof(*n));
    n->type = type;
    n->line = r->line;
    n->made_next = r->made;
    r->made = n;
    return n;
}

static void append(struct cfg_node *parent, struct cfg_node *n)
{
    if (parent->last) {
        parent->last->next = n;
    } else {
        parent->child = n;
    }
    parent->last = n;
}

struct cfg_node *cfg_get(const struct cfg_node *table, const char *key)
{
    if (table == NULL || table->type != CFG_TABLE) {
        return NULL;
    }
    for (struct cfg_node *n = table->child; n; n = n->next) {
        if (strcmp(n->key, key) == 0) {
            return n;
        }
    }
    return NULL;
}

void cfg_free(struct cfg_node *n)
{
    while (n != NULL) {
        struct cfg_node *next = n->next;
        cfg_free(n->child);
        free(n->key);
        free(n->str);
        free(n);
        n = next;
    }
}

/* After a failure: every node made, whether or not it was linked. */
static void free_made(struct reader *r)
{
    if (r->open != NULL) {
        free(r->open->s);
        r->open = NULL;
    }
    while (r->nkeys > 0) {
        free(r->keys[--r->nkeys]);
    }
    while (r->made != NULL) {
        struct cfg_node *n = r->made;
        r->made = n->made_next;
        free(n->key);
        free(n->str);
        free(n);
    }
}

const char *cfg_type_name(enum cfg_type t)
{
    static const char *const names[] = {"a table", "an array", "a string", "a number", "a boolean", "null"};
    return names[t];
}

static void sb_put(struct reader *r, struct sbuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = (b->cap ? b->cap * 2 : 64) + n;
        char *p = realloc(b->s, cap);
        if (p == NULL) {
            fail(r, "out of memory");
        }
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void sb_utf8(struct reader *r, struct sbuf *b, unsigned long cp)
{
    char u[4];
    size_t n;
    if (cp < 0x80) {
        u[0] = (char)cp, n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6)), u[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12)), u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
    } else if (cp <= 0x10FFFF) {
        u[0] = (char)(0xF0 | (cp >> 18)), u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), u[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
    } else {
        fail(r, "bad \\U escape");
    }
    sb_put(r, b, u, n);
}

static unsigned long hex_digits(struct reader *r, int n)
{
    unsigned long v = 0;
    for (int i = 0; i < n; i++, r->p++) {
        char c = *r->p;
        if (!isxdigit((unsigned char)c)) {
            fail(r, "bad escape: expected %d hex digits", n);
        }
        v = v * 16 + (unsigned long)(isdigit((unsigned char)c) ? c - '0' : (tolower((unsigned char)c) - 'a' + 10));
    }
    return v;
}

/* One backslash escape (r->p after the backslash); json: \/ and \u pairs */
static void escape(struct reader *r, struct sbuf *b, int json)
{
    char c = *r->p++;
    static const char from[] = "btnfr\"\\", to[] = "\b\t\n\f\r\"\\";
    const char *k = c ? strchr(from, c) : NULL;
    if (k != NULL) {
        sb_put(r, b, &to[k - from], 1);
    } else if (json && c == '/') {
        sb_put(r, b, "/", 1);
    } else if (c == 'u' || (!json && c == 'U')) {
        unsigned long cp = hex_digits(r, c == 'u' ? 4 : 8);
        if (json && cp >= 0xD800 && cp < 0xDC00 && r->p[0] == '\\' && r->p[1] == 'u') {
            r->p += 2;
            unsigned long lo = hex_digits(r, 4);
            if (lo < 0xDC00 || lo > 0xDFFF) {
                fail(r, "bad surrogate pair");
            }
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        } else if (cp >= 0xD800 && cp < 0xE000) {
            fail(r, "a lone surrogate in a string");
        }
        sb_utf8(r, b, cp);
    } else {
        fail(r, "unknown escape \\%c", c ? c : '0');
    }
}

/* ---- TOML */

static void toml_space(struct reader *r)
{
    while (*r->p == ' ' || *r->p == '\t') {
        r->p++;
    }
}

/* whitespace, comments and newlines (inside arrays) */
static void toml_gap(struct reader *r)
{
    for (;;) {
        toml_space(r);
        if (*r->p == '#') {
            while (*r->p && *r->p != '\n') {
                r->p++;
            }
        }
        if (*r->p == '\r' && r->p[1] == '\n') {
            r->p++;
        }
        if (*r->p != '\n') {
            return;
        }
        r->p++;
        r->line++;
    }
}

static void toml_line_end(struct reader *r)
{
    toml_space(r);
    if (*r->p == '#') {
        while (*r->p && *r->p != '\n') {
            r->p++;
        }
    }
    if (*r->p == '\r') {
        r->p++;
    }
    if (*r->p == '\n') {
        r->p++;
        r->line++;
    } else if (*r->p != '\0') {
        fail(r, "unexpected '%c' after a value (one key = value per line)", *r->p);
    }
}

static char *toml_string(struct reader *r)
{
    struct sbuf b = {0};
    char q = *r->p;
    int multi = r->p[1] == q && r->p[2] == q;
    r->p += multi ? 3 : 1;
    if (multi && (*r->p == '\n' || (*r->p == '\r' && r->p[1] == '\n'))) {
        r->p += *r->p == '\r' ? 2 : 1; /* a newline right after the opening quotes is trimmed */
        r->line++;
    }
    r->open = &b;
    sb_put(r, &b, "", 0);
    for (;;) {
        char c = *r->p;
        if (c == '\0' || (!multi && c == '\n')) {
            fail(r, "unterminated string");
        }
        if (c == q && (!multi || (r->p[1] == q && r->p[2] == q))) {
            r->p += multi ? 3 : 1;
            r->open = NULL;
            return b.s;
        }
        if (c == '\\' && q == '"') {
            r->p++;
            if (multi && (*r->p == '\n' || *r->p == ' ' || *r->p == '\t' || *r->p == '\r')) {
                while (isspace((unsigned char)*r->p)) {
                    r->line += *r->p++ == '\n';
                }
                continue;
            }
            escape(r, &b, 0);
            continue;
        }
        r->line += c == '\n';
        sb_put(r, &b, &c, 1);
        r->p++;
    }
}

static char *toml_key_part(struct reader *r)
{
    toml_space(r);
    if (*r->p == '"' || *r->p == '\'') {
        if (r->p[1] == *r->p && r->p[2] == *r->p) {
            fail(r, "a key cannot be a multi-line string");
        }
        return toml_string(r);
    }
    const char *s = r->p;
    while (isalnum((unsigned char)*r->p) || *r->p == '_' || *r->p == '-') {
        r->p++;
    }
    if (r->p == s) {
        fail(r, "expected a key");
    }
    char *k = strndup(s, (size_t)(r->p - s));
    if (k == NULL) {
        fail(r, "out of memory");
    }
    return k;
}

/* The table at a dotted key's part inside t, made when missing. */
static struct cfg_node *child_table(struct reader *r, struct cfg_node *t, char *key, int array_last)
{
    struct cfg_node *n = cfg_get(t, key);
    if (n == NULL) {
        n = node_new(r, CFG_TABLE);
        n->key = key;
        append(t, n);
        return n;
    }
    free(key);
    if (n->type == CFG_ARRAY && array_last && n->last && n->last->type == CFG_TABLE) {
        return n->last;
    }
    if (n->type != CFG_TABLE) {
        fail(r, "\"%s\" is already %s", n->key, cfg_type_name(n->type));
    }
    return n;
}

static struct cfg_node *toml_value(struct reader *r);

static struct cfg_node *toml_inline_table(struct reader *r);

static struct cfg_node *toml_array(struct reader *r)
{
    struct cfg_node *a = node_new(r, CFG_ARRAY);
    r->p++;
    for (;;) {
        toml_gap(r);
        if (*r->p == ']') {
            r->p++;
            return a;
        }
        append(a, toml_value(r));
        toml_gap(r);
        if (*r->p == ',') {
            r->p++;
        } else if (*r->p != ']') {
            fail(r, "expected ',' or ']' in an array");
        }
    }
}

static struct cfg_node *toml_scalar(struct reader *r)
{
    const char *s = r->p;
    while (*r->p && strchr(" \t\r\n,]}#", *r->p) == NULL) {
        r->p++;
    }
    /* a date and time may have one space between them */
    if (r->p - s == 10 && s[4] == '-' && *r->p == ' ' && isdigit((unsigned char)r->p[1])) {
        r->p++;
        while (*r->p && strchr(" \t\r\n,]}#", *r->p) == NULL) {
            r->p++;
        }
    }
    size_t n = (size_t)(r->p - s);
    char tok[128];
    if (n == 0 || n >= sizeof(tok)) {
        fail(r, "expected a value");
    }
    memcpy(tok, s, n);
    tok[n] = '\0';
    struct cfg_node *v;
    if (strcmp(tok, "true") == 0 || strcmp(tok, "false") == 0) {
        v = node_new(r, CFG_BOOL);
        v->num = tok[0] == 't';
        return v;
    }
    if (isdigit((unsigned char)tok[0]) && n >= 8 && (tok[4] == '-' || tok[2] == ':')) {
        v = node_new(r, CFG_STRING);
        if ((v->str = strdup(tok)) == NULL) {
            free(v);
            fail(r, "out of memory");
        }
        return v;
    }
    char clean[128];
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (tok[i] == '_') {
            if (i == 0 || i + 1 == n || !isxdigit((unsigned char)tok[i - 1]) || !isxdigit((unsigned char)tok[i + 1])) {
                fail(r, "bad number \"%s\"", tok);
            }
            continue;
        }
        clean[k++] = tok[i];
    }
    clean[k] = '\0';
    char *end;
    double d;
    const char *digits = clean + (clean[0] == '+' || clean[0] == '-');
    if (strcmp(digits, "inf") == 0 || strcmp(digits, "nan") == 0) {
        d = strtod(clean, &end);
    } else if (digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'o' || digits[1] == 'b')) {
        d = (double)strtoll(digits + 2, &end, digits[1] == 'x' ? 16 : digits[1] == 'o' ? 8 : 2);
        if (digits == clean + 1 || end == digits + 2) {
            fail(r, "bad number \"%s\"", tok);
        }
    } else {
        if (!isdigit((unsigned char)digits[0]) || (digits[0] == '0' && isdigit((unsigned char)digits[1]))) {
            fail(r, "bad value \"%s\" (strings need quotes)", tok);
        }
        d = strtod(clean, &end);
    }
    if (*end != '\0') {
        fail(r, "bad value \"%s\" (strings need quotes)", tok);
    }
    v = node_new(r, CFG_NUMBER);
    v->num = d;
    return v;
}

static struct cfg_node *toml_value(struct reader *r)
{
    if (++r->depth > CFG_MAX_DEPTH) {
        fail(r, "nested too deeply");
    }
    struct cfg_node *v;
    if (*r->p == '"' || *r->p == '\'') {
        int line = r->line;
        char *s = toml_string(r);
        v = node_new(r, CFG_STRING);
        v->str = s;
        v->line = line;
    } else if (*r->p == '[') {
        v = toml_array(r);
    } else if (*r->p == '{') {
        v = toml_inline_table(r);
    } else {
        v = toml_scalar(r);
    }
    r->depth--;
    return v;
}

/* key = value into table t (dotted keys make tables) */
static void toml_keyval(struct reader *r, struct cfg_node *t)
{
    int line = r->line;
    char *key = toml_key_part(r);
    toml_space(r);
    while (*r->p == '.') {
        r->p++;
        t = child_table(r, t, key, 0);
        t->defined = 1;
        key = toml_key_part(r);
        toml_space(r);
    }
    if (*r->p != '=') {
        free(key);
        fail(r, "expected '=' after a key");
    }
    r->p++;
    toml_space(r);
    if (cfg_get(t, key) != NULL) {
        char copy[128];
        snprintf(copy, sizeof(copy), "%s", key);
        free(key);
        fail(r, "the key \"%s\" is defined twice", copy);
    }
    r->keys[r->nkeys++] = key;
    struct cfg_node *v = toml_value(r);
    r->nkeys--;
    v->key = key;
    v->line = line;
    append(t, v);
}

static struct cfg_node *toml_inline_table(struct reader *r)
{
    struct cfg_node *t = node_new(r, CFG_TABLE);
    t->defined = 1;
    r->p++;
    toml_space(r);
    if (*r->p == '}') {
        r->p++;
        return t;
    }
    for (;;) {
        toml_keyval(r, t);
        toml_space(r);
        if (*r->p == '}') {
            r->p++;
            return t;
        }
        if (*r->p != ',') {
            fail(r, "expected ',' or '}' in an inline table (on one line)");
        }
        r->p++;
    }
}

static struct cfg_node *toml_document(struct reader *r, struct cfg_node *root)
{
    struct cfg_node *current = root;
    for (;;) {
        toml_gap(r);
        if (*r->p == '\0') {
            return root;
        }
        if (*r->p == '[') {
            int array = r->p[1] == '[';
            r->p += array ? 2 : 1;
            struct cfg_node *t = root;
            char *key = toml_key_part(r);
            toml_space(r);
            while (*r->p == '.') {
                r->p++;
                t = child_table(r, t, key, 1);
                key = toml_key_part(r);
                toml_space(r);
            }
            if (*r->p != ']' || (array && r->p[1] != ']')) {
                free(key);
                fail(r, "expected '%s' after a table name", array ? "]]" : "]");
            }
            r->p += array ? 2 : 1;
            if (array) {
                struct cfg_node *a = cfg_get(t, key);
                if (a == NULL) {
                    a = node_new(r, CFG_ARRAY);
                    a->key = key;
                    append(t, a);
                } else if (a->type != CFG_ARRAY) {
                    free(key);
                    fail(r, "\"%s\" is already %s", a->key, cfg_type_name(a->type));
                } else {
                    free(key);
                }
                current = node_new(r, CFG_TABLE);
                current->defined = 1;
                append(a, current);
            } else {
                struct cfg_node *existing = cfg_get(t, key);
                if (existing != NULL && existing->type == CFG_TABLE && existing->defined) {
                    free(key);
                    fail(r, "the table [%s] is defined twice", existing->key);
                }
                current = child_table(r, t, key, 0);
                current->defined = 1;
            }
            toml_line_end(r);
            continue;
        }
        toml_keyval(r, current);
        toml_line_end(r);
    }
}

struct cfg_node *cfg_parse_toml(const char *text, char *err, size_t errlen)
{
    struct reader r = {.p = text, .line = 1, .err = err, .errlen = errlen};
    if (setjmp(r.fail) != 0) {
        free_made(&r);
        return NULL;
    }
    struct cfg_node *root = node_new(&r, CFG_TABLE);
    root->defined = 1;
    return toml_document(&r, root);
}

/* ---- JSON (and JSONC) */

static void json_gap(struct reader *r)
{
    for (;;) {
        while (isspace((unsigned char)*r->p)) {
            r->line += *r->p++ == '\n';
        }
        if (r->p[0] == '/' && r->p[1] == '/') {
            while (*r->p && *r->p != '\n') {
                r->p++;
            }
        } else if (r->p[0] == '/' && r->p[1] == '*') {
            const char *end = strstr(r->p + 2, "*/");
            if (end == NULL) {
                fail(r, "unterminated comment");
            }
            for (; r->p < end; r->p++) {
                r->line += *r->p == '\n';
            }
            r->p += 2;
        } else {
            return;
        }
    }
}

static char *json_string(struct reader *r)
{
    struct sbuf b = {0};
    r->p++;
    r->open = &b;
    sb_put(r, &b, "", 0);
    for (;;) {
        char c = *r->p;
        if (c == '"') {
            r->p++;
            r->open = NULL;
            return b.s;
        }
        if (c == '\0' || (unsigned char)c < 0x20) {
            fail(r, c ? "a control character in a string" : "unterminated string");
        }
        r->p++;
        if (c == '\\') {
            escape(r, &b, 1);
        } else {
            sb_put(r, &b, &c, 1);
        }
    }
}

static struct cfg_node *json_value(struct reader *r)
{
    json_gap(r);
    if (++r->depth > CFG_MAX_DEPTH) {
        fail(r, "nested too deeply");
    }
    struct cfg_node *v;
    char c = *r->p;
    if (c == '{' || c == '[') {
        v = node_new(r, c == '{' ? CFG_TABLE : CFG_ARRAY);
        r->p++;
        for (;;) {
            json_gap(r);
            if (*r->p == (c == '{' ? '}' : ']')) {
                r->p++;
                break;
            }
            char *key = NULL;
            if (c == '{') {
                if (*r->p != '"') {
                    fail(r, "expected a quoted key");
                }
                key = json_string(r);
                json_gap(r);
                if (*r->p != ':' || cfg_get(v, key) != NULL) {
                    int dup = *r->p == ':';
                    free(key);
                    fail(r, dup ? "a key is defined twice" : "expected ':' after a key");
                }
                r->p++;
            }
            if (key != NULL) {
                r->keys[r->nkeys++] = key;
            }
            struct cfg_node *item = json_value(r);
            if (key != NULL) {
                r->nkeys--;
            }
            item->key = key;
            append(v, item);
            json_gap(r);
            if (*r->p == ',') {
                r->p++;
            } else if (*r->p != (c == '{' ? '}' : ']')) {
                fail(r, "expected ',' or '%c'", c == '{' ? '}' : ']');
            }
        }
    } else if (c == '"') {
        char *s = json_string(r);
        v = node_new(r, CFG_STRING);
        v->str = s;
    } else if (strncmp(r->p, "true", 4) == 0 || strncmp(r->p, "false", 5) == 0) {
        v = node_new(r, CFG_BOOL);
        v->num = c == 't';
        r->p += c == 't' ? 4 : 5;
    } else if (strncmp(r->p, "null", 4) == 0) {
        v = node_new(r, CFG_NULL);
        r->p += 4;
    } else if (c == '-' || isdigit((unsigned char)c)) {
        char *end;
        double d = strtod(r->p, &end);
        if (end == r->p || (c == '0' && isdigit((unsigned char)r->p[1]))) {
            fail(r, "bad number");
        }
        v = node_new(r, CFG_NUMBER);
        v->num = d;
        r->p = end;
    } else {
        if (c == '\0') {
            fail(r, "unexpected end of the file");
        }
        fail(r, "unexpected '%c'", c);
    }
    r->depth--;
    return v;
}

struct cfg_node *cfg_parse_json(const char *text, char *err, size_t errlen)
{
    struct reader r = {.p = text, .line = 1, .err = err, .errlen = errlen};
    if (setjmp(r.fail) != 0) {
        free_made(&r);
        return NULL;
    }
    struct cfg_node *root = json_value(&r);
    json_gap(&r);
    if (*r.p != '\0') {
        fail(&r, "text after the value");
    }
    if (root->type != CFG_TABLE) {
        fail(&r, "expected an object");
    }
    return root;
}

/* ---- back to JSON */

static void json_quote(struct reader *r, struct sbuf *b, const char *s)
{
    sb_put(r, b, "\"", 1);
    for (; *s; s++) {
        char esc[8];
        if (*s == '"' || *s == '\\') {
            esc[0] = '\\', esc[1] = *s;
            sb_put(r, b, esc, 2);
        } else if ((unsigned char)*s < 0x20) {
            snprintf(esc, sizeof(esc), "\\u%04x", (unsigned char)*s);
            sb_put(r, b, esc, 6);
        } else {
            sb_put(r, b, s, 1);
        }
    }
    sb_put(r, b, "\"", 1);
}

static void to_json(struct reader *r, struct sbuf *b, const struct cfg_node *n)
{
    char num[64];
    switch (n->type) {
    case CFG_STRING: json_quote(r, b, n->str); break;
    case CFG_NUMBER:
        snprintf(num, sizeof(num), "%.17g", n->num);
        sb_put(r, b, num, strlen(num));
        break;
    case CFG_BOOL: sb_put(r, b, n->num ? "true" : "false", n->num ? 4 : 5); break;
    case CFG_NULL: sb_put(r, b, "null", 4); break;
    default:
        sb_put(r, b, n->type == CFG_TABLE ? "{" : "[", 1);
        for (const struct cfg_node *c = n->child; c; c = c->next) {
            if (c != n->child) {
                sb_put(r, b, ",", 1);
            }
            if (n->type == CFG_TABLE) {
                json_quote(r, b, c->key);
                sb_put(r, b, ":", 1);
            }
            to_json(r, b, c);
        }
        sb_put(r, b, n->type == CFG_TABLE ? "}" : "]", 1);
    }
}

char *cfg_to_json(const struct cfg_node *n)
{
    char err[64];
    struct reader r = {.err = err, .errlen = sizeof(err)};
    struct sbuf b = {0};
    if (setjmp(r.fail) != 0) {
        return NULL;
    }
    to_json(&r, &b, n);
    return b.s;
}
