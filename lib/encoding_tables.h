/* SPDX-License-Identifier: MIT */
/*
 * The Encoding Standard's index tables, generated into encoding_tables.c by
 * lib/encoding-gen.pl from the index files in lib/encoding/. CJK indexes are
 * indexed by pointer and hold 0 where the index has no code point; the
 * gb18030 ranges are (pointer, code point) pairs sorted by pointer; labels
 * are sorted by label for binary search.
 */
#ifndef FCW_ENCODING_TABLES_H
#define FCW_ENCODING_TABLES_H

#include <stddef.h>
#include <stdint.h>

struct fcw_enc_single {
    const char *name;
    const uint16_t *high; /* code points of bytes 0x80..0xFF */
};

struct fcw_enc_label {
    const char *label;
    const char *name;
};

extern const struct fcw_enc_single fcw_enc_single_tables[];
extern const uint16_t fcw_enc_jis0208[];
extern const size_t fcw_enc_jis0208_len;
extern const uint16_t fcw_enc_jis0212[];
extern const size_t fcw_enc_jis0212_len;
extern const uint16_t fcw_enc_euc_kr[];
extern const size_t fcw_enc_euc_kr_len;
extern const uint16_t fcw_enc_gb18030[];
extern const size_t fcw_enc_gb18030_len;
extern const uint32_t fcw_enc_big5[];
extern const size_t fcw_enc_big5_len;
extern const uint32_t fcw_enc_gb18030_ranges[][2];
extern const size_t fcw_enc_gb18030_ranges_len;
extern const struct fcw_enc_label fcw_enc_labels[];
extern const size_t fcw_enc_labels_len;

#endif
