/* SPDX-License-Identifier: MIT */
/*
 * The Encoding Standard's legacy decoders for TextDecoder: the single-byte
 * encodings, gb18030 (and GBK, which decodes the same way), Big5, EUC-JP,
 * ISO-2022-JP, Shift_JIS, EUC-KR, x-user-defined and replacement, with the
 * index tables generated from the standard's index files
 * (lib/encoding_tables.c). UTF-8 and UTF-16 stay in js/40-encoding.js.
 *
 * Each decoder is the standard's handler, one byte (or end-of-queue) per
 * step, with its state in a struct fcw_decoder that JS keeps as a plain
 * buffer between decode() calls, so that { stream: true } carries a
 * partial sequence across chunks. Bytes the standard "prepends to the
 * queue" go to a small push-back stack in that state. Output is written as
 * Duktape's internal CESU-8 (code points above U+FFFF as surrogate pairs).
 *
 *   native.encodingForLabel(label)        -> canonical name or null
 *   native.decoderNew(name, fatal)        -> state buffer (TypeError if unknown)
 *   native.decoderDecode(state, bytes, flush) -> string (TypeError if fatal
 *       and the input is malformed; the state is then reset)
 *
 * And HTML's atob() and btoa() (forgiving-base64), whole in C:
 *   native.atob(data), native.btoa(data)   the globals themselves (their
 *       name and length are set by js/40-encoding.js); an invalid input
 *       throws what native.invalidCharacter(message) throws (a DOMException).
 */
#include "config.h"

#include "engine.h"
#include "encoding_tables.h"
#include "text.h"

#include <stdint.h>
#include <string.h>

#define DEC_MAGIC 0x66636564u

enum dec_kind {
    DEC_SINGLE,
    DEC_GB18030,
    DEC_BIG5,
    DEC_EUC_JP,
    DEC_ISO_2022_JP,
    DEC_SHIFT_JIS,
    DEC_EUC_KR,
    DEC_USER_DEFINED,
    DEC_REPLACEMENT,
    DEC_KINDS
};

enum iso_state { ISO_ASCII, ISO_ROMAN, ISO_KATAKANA, ISO_LEAD, ISO_TRAIL, ISO_ESC_START, ISO_ESC, ISO_STATES };

struct fcw_decoder {
    uint32_t magic;
    uint8_t kind;
    uint8_t table; /* DEC_SINGLE: index into fcw_enc_single_tables */
    uint8_t fatal;
    uint8_t first, second, third;   /* gb18030; first is the lead elsewhere */
    uint8_t jis0212;                /* EUC-JP */
    uint8_t iso, iso_out, iso_flag; /* ISO-2022-JP states and output flag */
    uint8_t replaced;               /* replacement: the error was returned */
    uint8_t nback;
    uint8_t back[4]; /* push-back stack, top last */
};

#define STEP_CONTINUE 0
#define STEP_ERROR (-1)
#define STEP_FINISHED (-2)
#define EOQ (-1)

static size_t single_count(void)
{
    size_t n = 0;
    while (fcw_enc_single_tables[n].name) {
        n++;
    }
    return n;
}

static int is_ascii(int b)
{
    return b >= 0 && b < 0x80;
}

static void push_back(struct fcw_decoder *d, int b)
{
    if (b >= 0 && d->nback < sizeof d->back) {
        d->back[d->nback++] = (uint8_t)b;
    }
}

static uint32_t lookup16(const uint16_t *table, size_t len, long pointer)
{
    return pointer >= 0 && (size_t)pointer < len ? table[pointer] : 0;
}

/* The index gb18030 ranges code point of pointer, or 0 for null. */
static uint32_t gb18030_ranges(long pointer)
{
    if ((pointer > 39419 && pointer < 189000) || pointer > 1237575 || pointer < 0) {
        return 0;
    }
    if (pointer >= 189000) {
        return 0x10000 + (uint32_t)(pointer - 189000);
    }
    if (pointer == 7457) {
        return 0xE7C7;
    }
    size_t lo = 0, hi = fcw_enc_gb18030_ranges_len;
    while (hi - lo > 1) { /* the last entry whose pointer is <= pointer */
        size_t mid = lo + (hi - lo) / 2;
        if (fcw_enc_gb18030_ranges[mid][0] <= (uint32_t)pointer) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    return fcw_enc_gb18030_ranges[lo][1] + (uint32_t)pointer - fcw_enc_gb18030_ranges[lo][0];
}

static int step_gb18030(struct fcw_decoder *d, int b, uint32_t *out)
{
    if (b == EOQ) {
        if (d->first == 0 && d->second == 0 && d->third == 0) {
            return STEP_FINISHED;
        }
        d->first = d->second = d->third = 0;
        return STEP_ERROR;
    }
    if (d->third != 0) {
        if (b < 0x30 || b > 0x39) {
            push_back(d, b);
            push_back(d, d->third);
            push_back(d, d->second);
            d->first = d->second = d->third = 0;
            return STEP_ERROR;
        }
        long pointer = ((long)d->first - 0x81) * (10 * 126 * 10) + ((long)d->second - 0x30) * (10 * 126) +
                       ((long)d->third - 0x81) * 10 + b - 0x30;
        d->first = d->second = d->third = 0;
        out[0] = gb18030_ranges(pointer);
        return out[0] ? 1 : STEP_ERROR;
    }
    if (d->second != 0) {
        if (b >= 0x81 && b <= 0xFE) {
            d->third = (uint8_t)b;
            return STEP_CONTINUE;
        }
        push_back(d, b);
        push_back(d, d->second);
        d->first = d->second = 0;
        return STEP_ERROR;
    }
    if (d->first != 0) {
        if (b >= 0x30 && b <= 0x39) {
            d->second = (uint8_t)b;
            return STEP_CONTINUE;
        }
        long lead = d->first, pointer = -1;
        int offset = b < 0x7F ? 0x40 : 0x41;
        d->first = 0;
        if ((b >= 0x40 && b <= 0x7E) || (b >= 0x80 && b <= 0xFE)) {
            pointer = (lead - 0x81) * 190 + (b - offset);
        }
        out[0] = lookup16(fcw_enc_gb18030, fcw_enc_gb18030_len, pointer);
        if (out[0]) {
            return 1;
        }
        if (is_ascii(b)) {
            push_back(d, b);
        }
        return STEP_ERROR;
    }
    if (is_ascii(b)) {
        out[0] = (uint32_t)b;
        return 1;
    }
    if (b == 0x80) {
        out[0] = 0x20AC;
        return 1;
    }
    if (b >= 0x81 && b <= 0xFE) {
        d->first = (uint8_t)b;
        return STEP_CONTINUE;
    }
    return STEP_ERROR;
}

static int step_big5(struct fcw_decoder *d, int b, uint32_t *out)
{
    if (b == EOQ) {
        if (d->first == 0) {
            return STEP_FINISHED;
        }
        d->first = 0;
        return STEP_ERROR;
    }
    if (d->first != 0) {
        long lead = d->first, pointer = -1;
        int offset = b < 0x7F ? 0x40 : 0x62;
        d->first = 0;
        if ((b >= 0x40 && b <= 0x7E) || (b >= 0xA1 && b <= 0xFE)) {
            pointer = (lead - 0x81) * 157 + (b - offset);
        }
        switch (pointer) {
        case 1133:
            out[0] = 0xCA;
            out[1] = 0x304;
            return 2;
        case 1135:
            out[0] = 0xCA;
            out[1] = 0x30C;
            return 2;
        case 1164:
            out[0] = 0xEA;
            out[1] = 0x304;
            return 2;
        case 1166:
            out[0] = 0xEA;
            out[1] = 0x30C;
            return 2;
        default: break;
        }
        out[0] = pointer >= 0 && (size_t)pointer < fcw_enc_big5_len ? fcw_enc_big5[pointer] : 0;
        if (out[0]) {
            return 1;
        }
        if (is_ascii(b)) {
            push_back(d, b);
        }
        return STEP_ERROR;
    }
    if (is_ascii(b)) {
        out[0] = (uint32_t)b;
        return 1;
    }
    if (b >= 0x81 && b <= 0xFE) {
        d->first = (uint8_t)b;
        return STEP_CONTINUE;
    }
    return STEP_ERROR;
}

static int step_euc_jp(struct fcw_decoder *d, int b, uint32_t *out)
{
    if (b == EOQ) {
        if (d->first == 0) {
            return STEP_FINISHED;
        }
        d->first = 0;
        return STEP_ERROR;
    }
    if (d->first == 0x8E && b >= 0xA1 && b <= 0xDF) {
        d->first = 0;
        out[0] = 0xFF61 - 0xA1 + (uint32_t)b;
        return 1;
    }
    if (d->first == 0x8F && b >= 0xA1 && b <= 0xFE) {
        d->jis0212 = 1;
        d->first = (uint8_t)b;
        return STEP_CONTINUE;
    }
    if (d->first != 0) {
        long lead = d->first;
        d->first = 0;
        out[0] = 0;
        if (lead >= 0xA1 && lead <= 0xFE && b >= 0xA1 && b <= 0xFE) {
            long pointer = (lead - 0xA1) * 94 + b - 0xA1;
            out[0] = d->jis0212 ? lookup16(fcw_enc_jis0212, fcw_enc_jis0212_len, pointer)
                                : lookup16(fcw_enc_jis0208, fcw_enc_jis0208_len, pointer);
        }
        d->jis0212 = 0;
        if (out[0]) {
            return 1;
        }
        if (is_ascii(b)) {
            push_back(d, b);
        }
        return STEP_ERROR;
    }
    if (is_ascii(b)) {
        out[0] = (uint32_t)b;
        return 1;
    }
    if (b == 0x8E || b == 0x8F || (b >= 0xA1 && b <= 0xFE)) {
        d->first = (uint8_t)b;
        return STEP_CONTINUE;
    }
    return STEP_ERROR;
}

/* ISO-2022-JP: an ASCII byte other than SO, SI and ESC. */
static int iso_plain(int b)
{
    return is_ascii(b) && b != 0x0E && b != 0x0F && b != 0x1B;
}

static int step_iso_2022_jp(struct fcw_decoder *d, int b, uint32_t *out)
{
    switch (d->iso) {
    case ISO_ASCII:
    case ISO_ROMAN:
    case ISO_KATAKANA:
    case ISO_LEAD:
        if (b == 0x1B) {
            d->iso = ISO_ESC_START;
            return STEP_CONTINUE;
        }
        if (b == EOQ) {
            return STEP_FINISHED;
        }
        d->iso_flag = 0;
        if (d->iso == ISO_ASCII && iso_plain(b)) {
            out[0] = (uint32_t)b;
            return 1;
        }
        if (d->iso == ISO_ROMAN && iso_plain(b)) {
            out[0] = b == 0x5C ? 0xA5 : b == 0x7E ? 0x203E : (uint32_t)b;
            return 1;
        }
        if (d->iso == ISO_KATAKANA && b >= 0x21 && b <= 0x5F) {
            out[0] = 0xFF61 - 0x21 + (uint32_t)b;
            return 1;
        }
        if (d->iso == ISO_LEAD && b >= 0x21 && b <= 0x7E) {
            d->first = (uint8_t)b;
            d->iso = ISO_TRAIL;
            return STEP_CONTINUE;
        }
        return STEP_ERROR;
    case ISO_TRAIL:
        if (b == 0x1B) {
            d->iso = ISO_ESC_START;
            return STEP_ERROR;
        }
        d->iso = ISO_LEAD;
        if (b >= 0x21 && b <= 0x7E) {
            out[0] = lookup16(fcw_enc_jis0208, fcw_enc_jis0208_len, ((long)d->first - 0x21) * 94 + b - 0x21);
            return out[0] ? 1 : STEP_ERROR;
        }
        return STEP_ERROR; /* end-of-queue too: back in the lead state, an error */
    case ISO_ESC_START:
        if (b == 0x24 || b == 0x28) {
            d->first = (uint8_t)b;
            d->iso = ISO_ESC;
            return STEP_CONTINUE;
        }
        push_back(d, b);
        d->iso = d->iso_out;
        return STEP_ERROR;
    default: {
        int lead = d->first, state = -1;
        d->first = 0;
        if (lead == 0x28 && b == 0x42) {
            state = ISO_ASCII;
        } else if (lead == 0x28 && b == 0x4A) {
            state = ISO_ROMAN;
        } else if (lead == 0x28 && b == 0x49) {
            state = ISO_KATAKANA;
        } else if (lead == 0x24 && (b == 0x40 || b == 0x42)) {
            state = ISO_LEAD;
        }
        if (state >= 0) {
            int was_set = d->iso_flag;
            d->iso = d->iso_out = (uint8_t)state;
            d->iso_flag = 1;
            return was_set ? STEP_ERROR : STEP_CONTINUE;
        }
        push_back(d, b);
        push_back(d, lead);
        d->iso = d->iso_out;
        return STEP_ERROR;
    }
    }
}

static int step_shift_jis(struct fcw_decoder *d, int b, uint32_t *out)
{
    if (b == EOQ) {
        if (d->first == 0) {
            return STEP_FINISHED;
        }
        d->first = 0;
        return STEP_ERROR;
    }
    if (d->first != 0) {
        long lead = d->first, pointer = -1;
        int offset = b < 0x7F ? 0x40 : 0x41, lead_offset = lead < 0xA0 ? 0x81 : 0xC1;
        d->first = 0;
        if ((b >= 0x40 && b <= 0x7E) || (b >= 0x80 && b <= 0xFC)) {
            pointer = (lead - lead_offset) * 188 + b - offset;
        }
        if (pointer >= 8836 && pointer <= 10715) {
            out[0] = 0xE000 - 8836 + (uint32_t)pointer;
            return 1;
        }
        out[0] = lookup16(fcw_enc_jis0208, fcw_enc_jis0208_len, pointer);
        if (out[0]) {
            return 1;
        }
        if (is_ascii(b)) {
            push_back(d, b);
        }
        return STEP_ERROR;
    }
    if (is_ascii(b) || b == 0x80) {
        out[0] = (uint32_t)b;
        return 1;
    }
    if (b >= 0xA1 && b <= 0xDF) {
        out[0] = 0xFF61 - 0xA1 + (uint32_t)b;
        return 1;
    }
    if ((b >= 0x81 && b <= 0x9F) || (b >= 0xE0 && b <= 0xFC)) {
        d->first = (uint8_t)b;
        return STEP_CONTINUE;
    }
    return STEP_ERROR;
}

static int step_euc_kr(struct fcw_decoder *d, int b, uint32_t *out)
{
    if (b == EOQ) {
        if (d->first == 0) {
            return STEP_FINISHED;
        }
        d->first = 0;
        return STEP_ERROR;
    }
    if (d->first != 0) {
        long lead = d->first, pointer = -1;
        d->first = 0;
        if (b >= 0x41 && b <= 0xFE) {
            pointer = (lead - 0x81) * 190 + (b - 0x41);
        }
        out[0] = lookup16(fcw_enc_euc_kr, fcw_enc_euc_kr_len, pointer);
        if (out[0]) {
            return 1;
        }
        if (is_ascii(b)) {
            push_back(d, b);
        }
        return STEP_ERROR;
    }
    if (is_ascii(b)) {
        out[0] = (uint32_t)b;
        return 1;
    }
    if (b >= 0x81 && b <= 0xFE) {
        d->first = (uint8_t)b;
        return STEP_CONTINUE;
    }
    return STEP_ERROR;
}

static int step(struct fcw_decoder *d, int b, uint32_t *out)
{
    switch (d->kind) {
    case DEC_SINGLE:
        if (b == EOQ) {
            return STEP_FINISHED;
        }
        out[0] = b < 0x80 ? (uint32_t)b : fcw_enc_single_tables[d->table].high[b - 0x80];
        return out[0] || b == 0 ? 1 : STEP_ERROR;
    case DEC_GB18030: return step_gb18030(d, b, out);
    case DEC_BIG5: return step_big5(d, b, out);
    case DEC_EUC_JP: return step_euc_jp(d, b, out);
    case DEC_ISO_2022_JP: return step_iso_2022_jp(d, b, out);
    case DEC_SHIFT_JIS: return step_shift_jis(d, b, out);
    case DEC_EUC_KR: return step_euc_kr(d, b, out);
    case DEC_USER_DEFINED:
        if (b == EOQ) {
            return STEP_FINISHED;
        }
        out[0] = b < 0x80 ? (uint32_t)b : 0xF780 + (uint32_t)b - 0x80;
        return 1;
    default: /* replacement */
        if (b == EOQ || d->replaced) {
            return STEP_FINISHED;
        }
        d->replaced = 1;
        return STEP_ERROR;
    }
}

static void reset(struct fcw_decoder *d)
{
    struct fcw_decoder fresh;
    memset(&fresh, 0, sizeof fresh);
    fresh.magic = DEC_MAGIC;
    fresh.kind = d->kind;
    fresh.table = d->table;
    fresh.fatal = d->fatal;
    *d = fresh;
}

static struct fcw_decoder *require_decoder(duk_context *ctx, duk_idx_t idx)
{
    duk_size_t len = 0;
    struct fcw_decoder *d = duk_get_buffer(ctx, idx, &len);
    if (!d || len != sizeof *d || d->magic != DEC_MAGIC || d->kind >= DEC_KINDS || d->table >= single_count() ||
        d->nback > sizeof d->back || d->iso >= ISO_STATES || d->iso_out >= ISO_STATES) {
        (void)duk_error(ctx, DUK_ERR_TYPE_ERROR, "not a decoder state");
    }
    return d;
}

/* native.decoderDecode(state, bytes, flush) */
static duk_ret_t native_decoder_decode(duk_context *ctx)
{
    struct fcw_decoder *d = require_decoder(ctx, 0);
    duk_size_t n = 0, i = 0;
    const unsigned char *in = duk_require_buffer_data(ctx, 1, &n);
    int flush = duk_to_boolean(ctx, 2);
    size_t cap = n + 64, len = 0;
    unsigned char *buf = duk_push_dynamic_buffer(ctx, cap);

    for (;;) {
        int b;
        uint32_t cps[2];
        if (d->nback > 0) {
            b = d->back[--d->nback];
        } else if (i < n) {
            b = in[i++];
        } else if (!flush) {
            break;
        } else {
            b = EOQ;
        }
        int r = step(d, b, cps);
        if (r == STEP_FINISHED) {
            break;
        }
        if (r == STEP_CONTINUE) {
            continue;
        }
        if (cap - len < 16) {
            cap = cap * 2;
            buf = duk_resize_buffer(ctx, -1, cap);
        }
        if (r == STEP_ERROR) {
            if (d->fatal) {
                reset(d);
                (void)duk_error(ctx, DUK_ERR_TYPE_ERROR,
                                "Failed to execute 'decode' on 'TextDecoder': The encoded data was not valid.");
            }
            len += fcw_utf8_put(0xFFFD, buf + len);
        } else {
            for (int k = 0; k < r; k++) {
                len += fcw_cesu8_put(cps[k], buf + len);
            }
        }
    }
    if (flush) {
        reset(d);
    }
    duk_push_lstring(ctx, (const char *)buf, len);
    return 1;
}

static const struct {
    const char *name;
    enum dec_kind kind;
} multi_byte[] = {
    {"gb18030", DEC_GB18030},
    {"gbk", DEC_GB18030},
    {"big5", DEC_BIG5},
    {"euc-jp", DEC_EUC_JP},
    {"iso-2022-jp", DEC_ISO_2022_JP},
    {"shift_jis", DEC_SHIFT_JIS},
    {"euc-kr", DEC_EUC_KR},
    {"x-user-defined", DEC_USER_DEFINED},
    {"replacement", DEC_REPLACEMENT},
};

/* native.decoderNew(name, fatal) */
static duk_ret_t native_decoder_new(duk_context *ctx)
{
    const char *name = duk_require_string(ctx, 0);
    struct fcw_decoder d;
    memset(&d, 0, sizeof d);
    d.magic = DEC_MAGIC;
    d.kind = DEC_KINDS;
    d.fatal = (uint8_t)duk_to_boolean(ctx, 1);
    for (size_t k = 0; k < sizeof multi_byte / sizeof multi_byte[0]; k++) {
        if (strcmp(name, multi_byte[k].name) == 0) {
            d.kind = (uint8_t)multi_byte[k].kind;
        }
    }
    for (size_t k = 0; d.kind == DEC_KINDS && fcw_enc_single_tables[k].name; k++) {
        if (strcmp(name, fcw_enc_single_tables[k].name) == 0) {
            d.kind = DEC_SINGLE;
            d.table = (uint8_t)k;
        }
    }
    if (d.kind == DEC_KINDS) {
        return duk_error(ctx, DUK_ERR_TYPE_ERROR, "no decoder for encoding '%s'", name);
    }
    memcpy(duk_push_fixed_buffer(ctx, sizeof d), &d, sizeof d);
    return 1;
}

/* native.encodingForLabel(label): the standard's "get an encoding": ASCII
 * whitespace around the label stripped, ASCII case folded. */
static duk_ret_t native_encoding_for_label(duk_context *ctx)
{
    duk_size_t len = 0;
    const char *s = duk_to_lstring(ctx, 0, &len);
    char key[64];
    if (memchr(s, '\0', len)) {
        duk_push_null(ctx);
        return 1;
    }
    while (len > 0 && strchr("\t\n\f\r ", *s)) {
        s++;
        len--;
    }
    while (len > 0 && strchr("\t\n\f\r ", s[len - 1])) {
        len--;
    }
    if (len == 0 || len >= sizeof key) {
        duk_push_null(ctx);
        return 1;
    }
    for (size_t k = 0; k < len; k++) {
        char c = s[k];
        key[k] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
    }
    key[len] = '\0';
    size_t lo = 0, hi = fcw_enc_labels_len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int cmp = strcmp(key, fcw_enc_labels[mid].label);
        if (cmp == 0) {
            duk_push_string(ctx, fcw_enc_labels[mid].name);
            return 1;
        }
        if (cmp < 0) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    duk_push_null(ctx);
    return 1;
}

/* ---- atob() and btoa() ---- */

/* Throws native.invalidCharacter(message)'s exception. */
static duk_ret_t throw_invalid_character(duk_context *ctx, const char *message)
{
    fcw_engine_push_native(ctx);
    duk_get_prop_literal(ctx, -1, "invalidCharacter");
    duk_push_string(ctx, message);
    duk_call(ctx, 1);
    return duk_throw(ctx);
}

/* the value of a base64 digit of the standard alphabet (url: of
 * base64url's), or -1 */
static int base64_value(unsigned char c, int url)
{
    if (c >= 'A' && c <= 'Z') {
        return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
        return c - '0' + 52;
    }
    if (c == (url ? '-' : '+')) {
        return 62;
    }
    return c == (url ? '_' : '/') ? 63 : -1;
}

/* The argument of atob or btoa (name) as a string, its length in *len,
 * and a scratch buffer of that length at least (on the value stack) in
 * *scratch; a TypeError without an argument, as WebIDL's. */
static const unsigned char *base64_argument(duk_context *ctx, const char *name, duk_size_t *len,
                                            unsigned char **scratch)
{
    if (duk_get_top(ctx) < 1) {
        (void)duk_type_error(ctx, "Failed to execute '%s': 1 argument required, but only 0 present.", name);
    }
    *len = 0;
    const unsigned char *s = (const unsigned char *)duk_to_lstring(ctx, 0, len);
    *scratch = duk_push_buffer_raw(ctx, *len ? *len : 1, DUK_BUF_FLAG_NOZERO);
    return s;
}

/* atob(data): forgiving-base64 decode (ASCII whitespace removed, one or
 * two trailing "=" of a length that divides by 4 dropped, a length of 1
 * modulo 4 or a character outside the alphabet refused; the bits left
 * after the last byte are ignored), each byte as one character. */
static duk_ret_t native_atob(duk_context *ctx)
{
    static const char bad[] = "Failed to execute 'atob': The string to be decoded is not correctly encoded.";
    duk_size_t len;
    unsigned char *sig;
    const unsigned char *s = base64_argument(ctx, "atob", &len, &sig);
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = s[i];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\f' && c != '\r') {
            sig[n++] = c;
        }
    }
    if (n % 4 == 0 && n > 0 && sig[n - 1] == '=') {
        n--;
        if (sig[n - 1] == '=') {
            n--;
        }
    }
    if (n % 4 == 1) {
        return throw_invalid_character(ctx, bad);
    }
    /* the decoded bytes, in place over the characters (never ahead of
     * them), then their length as UTF-8 (bytes from 0x80 take two) */
    size_t out = 0, utf8 = 0;
    uint32_t acc = 0;
    int bits = 0;
    for (size_t i = 0; i < n; i++) {
        int v = base64_value(sig[i], 0);
        if (v < 0) {
            return throw_invalid_character(ctx, bad);
        }
        acc = (acc << 6) | (uint32_t)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            unsigned char b = (unsigned char)(acc >> bits);
            sig[out++] = b;
            utf8 += b < 0x80 ? 1 : 2;
        }
    }
    unsigned char *text = duk_push_buffer_raw(ctx, utf8 ? utf8 : 1, DUK_BUF_FLAG_NOZERO);
    size_t k = 0;
    for (size_t i = 0; i < out; i++) {
        unsigned char b = sig[i];
        if (b < 0x80) {
            text[k++] = b;
        } else {
            text[k++] = (unsigned char)(0xC0 | (b >> 6));
            text[k++] = (unsigned char)(0x80 | (b & 0x3F));
        }
    }
    duk_push_lstring(ctx, (const char *)text, utf8);
    return 1;
}

/* btoa(data): the characters of data, each one byte (a character above
 * U+00FF is refused), in base64 with padding. */
static const char b64_standard[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static const char b64_url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/* The base64 of n bytes in the alphabet, padded with '=' when pad is set,
 * written to out ((n + 2) / 3 * 4 bytes at most); returns its length. */
static size_t base64_encode(const unsigned char *in, size_t n, const char *alphabet, int pad, char *out)
{
    size_t k = 0, i = 0;
    for (; i + 2 < n; i += 3) {
        uint32_t v = (uint32_t)in[i] << 16 | (uint32_t)in[i + 1] << 8 | in[i + 2];
        out[k++] = alphabet[v >> 18];
        out[k++] = alphabet[(v >> 12) & 63];
        out[k++] = alphabet[(v >> 6) & 63];
        out[k++] = alphabet[v & 63];
    }
    if (i < n) {
        uint32_t v = (uint32_t)in[i] << 16 | (i + 1 < n ? (uint32_t)in[i + 1] << 8 : 0);
        out[k++] = alphabet[v >> 18];
        out[k++] = alphabet[(v >> 12) & 63];
        if (i + 1 < n) {
            out[k++] = alphabet[(v >> 6) & 63];
        } else if (pad) {
            out[k++] = '=';
        }
        if (pad) {
            out[k++] = '=';
        }
    }
    return k;
}

static duk_ret_t native_btoa(duk_context *ctx)
{
    duk_size_t len;
    unsigned char *bytes;
    const unsigned char *s = base64_argument(ctx, "btoa", &len, &bytes);
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = s[i];
        if (c < 0x80) {
            bytes[n++] = c;
        } else if ((c == 0xC2 || c == 0xC3) && i + 1 < len && (s[i + 1] & 0xC0) == 0x80) {
            bytes[n++] = (unsigned char)(((c & 0x03) << 6) | (s[i + 1] & 0x3F));
            i++;
        } else {
            return throw_invalid_character(
                ctx,
                "Failed to execute 'btoa': The string to be encoded contains characters outside of the Latin1 range.");
        }
    }
    size_t outlen = (n + 2) / 3 * 4;
    char *out = duk_push_buffer_raw(ctx, outlen ? outlen : 1, DUK_BUF_FLAG_NOZERO);
    duk_push_lstring(ctx, out, base64_encode(bytes, n, b64_standard, 1, out));
    return 1;
}

/* ---- Uint8Array's base64 and hex methods (ES2026): the algorithms on
 * the bytes (ToBase64, FromBase64, FromHex); their options, argument
 * checks and results are js/14-uint8-base64.js's. ---- */

/* base64Encode(bytes, url, omitPadding): bytes a Uint8Array */
static duk_ret_t native_base64_encode(duk_context *ctx)
{
    duk_size_t n;
    const unsigned char *in = duk_require_buffer_data(ctx, 0, &n);
    const char *alphabet = duk_to_boolean(ctx, 1) ? b64_url : b64_standard;
    size_t outlen = (n + 2) / 3 * 4;
    char *out = duk_push_fixed_buffer(ctx, outlen ? outlen : 1);
    duk_push_lstring(ctx, out, base64_encode(in, n, alphabet, !duk_to_boolean(ctx, 2), out));
    return 1;
}

/* hexEncode(bytes): lower-case hex digits */
static duk_ret_t native_hex_encode(duk_context *ctx)
{
    static const char digits[] = "0123456789abcdef";
    duk_size_t n;
    const unsigned char *in = duk_require_buffer_data(ctx, 0, &n);
    char *out = duk_push_fixed_buffer(ctx, n ? 2 * n : 1);
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = digits[in[i] >> 4];
        out[2 * i + 1] = digits[in[i] & 15];
    }
    duk_push_lstring(ctx, out, 2 * n);
    return 1;
}

static int is_ascii_whitespace(unsigned char c)
{
    return c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D || c == 0x20;
}

/* DecodeBase64Chunk: the bytes of k (2 to 4) values written to out; their
 * number, or -1 when check is set and the bits past the last byte are not
 * zero */
static int base64_chunk(const int *v, int k, int check, unsigned char *out)
{
    uint32_t x =
        (uint32_t)v[0] << 18 | (uint32_t)v[1] << 12 | (k > 2 ? (uint32_t)v[2] << 6 : 0) | (k > 3 ? (uint32_t)v[3] : 0);
    if (check && ((k == 2 && (x & 0xFFFF) != 0) || (k == 3 && (x & 0xFF) != 0)))
        return -1;
    out[0] = (unsigned char)(x >> 16);
    if (k > 2)
        out[1] = (unsigned char)(x >> 8);
    if (k > 3)
        out[2] = (unsigned char)x;
    return k - 1;
}

enum { LAST_CHUNK_LOOSE, LAST_CHUNK_STRICT, LAST_CHUNK_STOP };

/* FromBase64 of the string s (len bytes: its characters up to the first
 * that is not ASCII, where decoding stops with an error anyway, are its
 * code units) into out (at most max bytes): the code units read, the
 * bytes written and whether it ended in an error. */
static void from_base64(const unsigned char *s, size_t len, int url, int last, unsigned char *out, size_t max,
                        size_t *read_out, size_t *written_out, int *error_out)
{
    size_t i = 0, read = 0, written = 0;
    int chunk[4], clen = 0, error = 0;

    if (max == 0)
        goto done;
    for (;;) {
        unsigned char c;
        int v;
        while (i < len && is_ascii_whitespace(s[i]))
            i++;
        if (i == len) {
            if (clen > 0) {
                if (last == LAST_CHUNK_STOP)
                    goto done;
                if (last == LAST_CHUNK_STRICT || clen == 1) {
                    error = 1;
                    goto done;
                }
                written += (size_t)base64_chunk(chunk, clen, 0, out + written);
            }
            read = len;
            goto done;
        }
        c = s[i++];
        if (c == '=') {
            int k;
            if (clen < 2) {
                error = 1;
                goto done;
            }
            while (i < len && is_ascii_whitespace(s[i]))
                i++;
            if (clen == 2) {
                if (i == len) {
                    if (last != LAST_CHUNK_STOP)
                        error = 1;
                    goto done;
                }
                if (s[i] == '=') {
                    i++;
                    while (i < len && is_ascii_whitespace(s[i]))
                        i++;
                }
            }
            if (i < len) {
                error = 1;
                goto done;
            }
            k = base64_chunk(chunk, clen, last == LAST_CHUNK_STRICT, out + written);
            if (k < 0) {
                error = 1;
                goto done;
            }
            written += (size_t)k;
            read = len;
            goto done;
        }
        v = base64_value(c, url);
        if (v < 0) {
            error = 1;
            goto done;
        }
        if ((max - written == 1 && clen == 2) || (max - written == 2 && clen == 3))
            goto done;
        chunk[clen++] = v;
        if (clen == 4) {
            written += (size_t)base64_chunk(chunk, 4, 0, out + written);
            clen = 0;
            read = i;
            if (written == max)
                goto done;
        }
    }
done:
    *read_out = read;
    *written_out = written;
    *error_out = error;
}

static int hex_value(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* FromHex of s (an even number of code units: the caller checks) into out,
 * as from_base64 */
static void from_hex(const unsigned char *s, size_t len, unsigned char *out, size_t max, size_t *read_out,
                     size_t *written_out, int *error_out)
{
    size_t read = 0, written = 0;
    int error = 0;
    while (read + 1 < len && written < max) {
        int hi = hex_value(s[read]), lo = hex_value(s[read + 1]);
        if (hi < 0 || lo < 0) {
            error = 1;
            break;
        }
        out[written++] = (unsigned char)(hi << 4 | lo);
        read += 2;
    }
    if (!error && read < len && written < max)
        error = 1; /* a last code unit alone: not ASCII (the length is even) */
    *read_out = read;
    *written_out = written;
    *error_out = error;
}

/* base64Decode(string, url, lastChunk, target) and hexDecode(string,
 * target) (magic 1): [read, written, error, bytes]: decoded into target (a
 * Uint8Array, at most its length), or into a new Uint8Array, bytes, when
 * target is undefined. */
static duk_ret_t native_binary_decode(duk_context *ctx)
{
    int hex = duk_get_current_magic(ctx) == 1;
    duk_idx_t target = hex ? 1 : 3;
    duk_size_t len, max;
    const unsigned char *s;
    unsigned char *out;
    size_t read, written;
    int error;

    duk_set_top(ctx, target + 1);
    s = (const unsigned char *)duk_require_lstring(ctx, 0, &len);
    if (duk_is_undefined(ctx, target)) {
        max = hex ? len / 2 : len / 4 * 3 + 3;
        out = duk_push_fixed_buffer(ctx, max ? max : 1); /* target + 1 */
    } else {
        out = duk_require_buffer_data(ctx, target, &max);
    }
    if (hex)
        from_hex(s, len, out, max, &read, &written, &error);
    else
        from_base64(s, len, duk_to_boolean(ctx, 1), duk_to_int(ctx, 2), out, max, &read, &written, &error);
    duk_push_array(ctx);
    duk_push_number(ctx, (double)read);
    duk_put_prop_index(ctx, -2, 0);
    duk_push_number(ctx, (double)written);
    duk_put_prop_index(ctx, -2, 1);
    duk_push_boolean(ctx, error);
    duk_put_prop_index(ctx, -2, 2);
    if (duk_is_undefined(ctx, target)) {
        void *bytes = duk_push_fixed_buffer(ctx, written ? written : 1);
        if (written > 0)
            memcpy(bytes, out, written);
        duk_push_buffer_object(ctx, -1, 0, written, DUK_BUFOBJ_UINT8ARRAY);
        duk_remove(ctx, -2);
        duk_put_prop_index(ctx, -2, 3);
    }
    return 1;
}

void fcw_api_encoding_init(duk_context *ctx, duk_idx_t native_idx)
{
    duk_push_c_function(ctx, native_base64_encode, 3);
    duk_put_prop_literal(ctx, native_idx, "base64Encode");
    duk_push_c_function(ctx, native_hex_encode, 1);
    duk_put_prop_literal(ctx, native_idx, "hexEncode");
    duk_push_c_function(ctx, native_binary_decode, 4);
    duk_put_prop_literal(ctx, native_idx, "base64Decode");
    duk_push_c_function(ctx, native_binary_decode, 2);
    duk_set_magic(ctx, -1, 1);
    duk_put_prop_literal(ctx, native_idx, "hexDecode");
    duk_push_c_function(ctx, native_atob, DUK_VARARGS);
    duk_put_prop_literal(ctx, native_idx, "atob");
    duk_push_c_function(ctx, native_btoa, DUK_VARARGS);
    duk_put_prop_literal(ctx, native_idx, "btoa");
    duk_push_c_function(ctx, native_encoding_for_label, 1);
    duk_put_prop_literal(ctx, native_idx, "encodingForLabel");
    duk_push_c_function(ctx, native_decoder_new, 2);
    duk_put_prop_literal(ctx, native_idx, "decoderNew");
    duk_push_c_function(ctx, native_decoder_decode, 3);
    duk_put_prop_literal(ctx, native_idx, "decoderDecode");
}
