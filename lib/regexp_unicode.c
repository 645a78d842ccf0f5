/* SPDX-License-Identifier: MIT */
/*
 * Unicode for the regular-expression engine, on libunistring: the
 * spec's Canonicalize (simple case folding under u/v, the single-unit
 * toUppercase otherwise) from tables built once per process, the case
 * closure of a set, and \p{...}: General_Category values and their
 * aliases, Script and Script_Extensions (libunistring knows one script a
 * character, so Script_Extensions is answered by Script; scripts newer
 * than its data are known names without characters), and the binary
 * properties ECMAScript lists. A property's set is built once by scanning
 * the code points and kept for the process. The data is libunistring's
 * Unicode version (14.0 for libunistring 1.0).
 */
#include "regexp_int.h"

#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>

/* --- case --------------------------------------------------------------- */

struct canon_pair {
    uint32_t c, k;
};

struct canon_table {
    int built;
    struct canon_pair *by_c, *by_k;
    uint8_t *k_self; /* by_k[i].k is its own canonical form */
    int n;
};

static struct canon_table tables[2];

static uint32_t canon_upper(uint32_t c)
{
    uint32_t buf[4], *r;
    size_t n = 4;
    uint32_t k;

    if (uc_toupper(c) == c)
        return c;
    r = u32_toupper(&c, 1, NULL, NULL, buf, &n);
    if (!r)
        return c;
    k = n == 1 ? r[0] : c;
    if (r != buf)
        free(r);
    if (k > 0xFFFF || (c >= 128 && k < 128))
        return c;
    return k;
}

static uint32_t canon_fold(uint32_t c)
{
    uint32_t buf[4], *r;
    size_t n = 4;
    uint32_t k;

    if (c == 0x130)
        return c; /* only full and Turkic foldings */
    if (uc_toupper(c) == c && uc_tolower(c) == c)
        return c;
    r = u32_casefold(&c, 1, NULL, NULL, buf, &n);
    if (!r)
        return c;
    k = n == 1 ? r[0] : uc_tolower(c);
    if (r != buf)
        free(r);
    return k;
}

static int cmp_c(const void *a, const void *b)
{
    const struct canon_pair *x = a, *y = b;
    return x->c < y->c ? -1 : x->c > y->c;
}

static int cmp_k(const void *a, const void *b)
{
    const struct canon_pair *x = a, *y = b;
    if (x->k != y->k)
        return x->k < y->k ? -1 : 1;
    return x->c < y->c ? -1 : x->c > y->c;
}

static struct canon_table *canon_table(int unicode)
{
    struct canon_table *t = &tables[unicode ? 1 : 0];
    uint32_t c, lim = unicode ? 0x1FFFF : 0xFFFF;
    int cap = 0, i;

    if (t->built)
        return t;
    t->built = 1;
    for (c = 0; c <= lim; c++) {
        uint32_t k = unicode ? canon_fold(c) : canon_upper(c);
        if (k == c)
            continue;
        if (t->n == cap) {
            struct canon_pair *p;
            cap = cap ? cap * 2 : 1024;
            p = realloc(t->by_c, (size_t)cap * sizeof(*p));
            if (!p) {
                t->n = 0;
                return t;
            }
            t->by_c = p;
        }
        t->by_c[t->n].c = c;
        t->by_c[t->n].k = k;
        t->n++;
    }
    t->by_k = malloc((size_t)(t->n ? t->n : 1) * sizeof(*t->by_k));
    if (!t->by_k) {
        t->n = 0;
        return t;
    }
    if (t->n)
        memcpy(t->by_k, t->by_c, (size_t)t->n * sizeof(*t->by_k));
    qsort(t->by_c, (size_t)t->n, sizeof(*t->by_c), cmp_c);
    qsort(t->by_k, (size_t)t->n, sizeof(*t->by_k), cmp_k);
    t->k_self = malloc((size_t)(t->n ? t->n : 1));
    if (!t->k_self) {
        t->n = 0;
        return t;
    }
    for (i = 0; i < t->n; i++)
        t->k_self[i] = re_canon(t->by_k[i].k, unicode) == t->by_k[i].k;
    return t;
}

void fcw_re_init_main(void)
{
    canon_table(0);
    canon_table(1);
}

uint32_t re_canon(uint32_t c, int unicode)
{
    struct canon_table *t;
    int lo, hi;

    if (c < 128) {
        if (unicode)
            return c >= 'A' && c <= 'Z' ? c + 32 : c;
        return c >= 'a' && c <= 'z' ? c - 32 : c;
    }
    t = canon_table(unicode);
    lo = 0;
    hi = t->n - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (c < t->by_c[mid].c)
            hi = mid - 1;
        else if (c > t->by_c[mid].c)
            lo = mid + 1;
        else
            return t->by_c[mid].k;
    }
    return c;
}

int re_canon_inverse(uint32_t k, int unicode, uint32_t *out, int max)
{
    struct canon_table *t = canon_table(unicode);
    int lo = 0, hi = t->n - 1, first = t->n, n = 0;

    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (t->by_k[mid].k >= k) {
            first = mid;
            hi = mid - 1;
        } else {
            lo = mid + 1;
        }
    }
    for (; first < t->n && t->by_k[first].k == k && n < max; first++)
        out[n++] = t->by_k[first].c;
    return n;
}

/* The closure walks the groups of the table (characters with a case
 * relative) rather than the set, so that big sets cost no more than
 * small ones. */
void re_cset_case_close(struct re_cset *s, int unicode)
{
    struct canon_table *t = canon_table(unicode);
    struct re_cset add;
    uint32_t size = 0;
    int i = 0;

    re_cset_init(&add);
    for (i = 0; i < s->n && size <= 256; i++)
        size += s->r[2 * i + 1] - s->r[2 * i] + 1;
    if (size <= 256) {
        /* a small set: the relatives of each member */
        for (i = 0; i < s->n; i++) {
            uint32_t c;
            for (c = s->r[2 * i];; c++) {
                uint32_t k = re_canon(c, unicode), rel[8];
                int j, n = re_canon_inverse(k, unicode, rel, 8);
                if (re_canon(k, unicode) == k)
                    re_cset_add(&add, k, k);
                for (j = 0; j < n; j++)
                    re_cset_add(&add, rel[j], rel[j]);
                if (c == s->r[2 * i + 1])
                    break;
            }
        }
        re_cset_add_set(s, &add);
        re_cset_free(&add);
        return;
    }
    /* a big set: the groups that meet it, added in one sorted pass */
    {
        uint32_t *pts = NULL;
        int np = 0, cap = 0;
        i = 0;
        while (i < t->n) {
            uint32_t k = t->by_k[i].k;
            int j, meets = t->k_self[i] && re_cset_has(s, k);
            for (j = i; j < t->n && t->by_k[j].k == k; j++)
                meets = meets || re_cset_has(s, t->by_k[j].c);
            if (meets) {
                if (np + (j - i) + 1 > cap) {
                    uint32_t *p;
                    cap = cap ? cap * 2 : 256;
                    while (cap < np + (j - i) + 1)
                        cap *= 2;
                    p = realloc(pts, (size_t)cap * sizeof(*p));
                    if (!p) {
                        free(pts);
                        s->oom = 1;
                        return;
                    }
                    pts = p;
                }
                if (t->k_self[i] && !re_cset_has(s, k))
                    pts[np++] = k;
                for (; i < j; i++)
                    if (!re_cset_has(s, t->by_k[i].c))
                        pts[np++] = t->by_k[i].c;
            }
            i = j;
        }
        re_cset_add_points(s, pts, np);
        free(pts);
    }
}

/* --- properties --------------------------------------------------------- */

int re_is_id_start(uint32_t c)
{
    if (c < 128)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '$' || c == '_';
    return uc_is_property_id_start(c);
}

int re_is_id_continue(uint32_t c)
{
    if (c < 128)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '$' || c == '_';
    return c == 0x200C || c == 0x200D || uc_is_property_id_continue(c);
}

static const char *const gc_names[][3] = {
    {"Cased_Letter", "LC", NULL},
    {"Close_Punctuation", "Pe", NULL},
    {"Connector_Punctuation", "Pc", NULL},
    {"Control", "Cc", "cntrl"},
    {"Currency_Symbol", "Sc", NULL},
    {"Dash_Punctuation", "Pd", NULL},
    {"Decimal_Number", "Nd", "digit"},
    {"Enclosing_Mark", "Me", NULL},
    {"Final_Punctuation", "Pf", NULL},
    {"Format", "Cf", NULL},
    {"Initial_Punctuation", "Pi", NULL},
    {"Letter", "L", NULL},
    {"Letter_Number", "Nl", NULL},
    {"Line_Separator", "Zl", NULL},
    {"Lowercase_Letter", "Ll", NULL},
    {"Mark", "M", "Combining_Mark"},
    {"Math_Symbol", "Sm", NULL},
    {"Modifier_Letter", "Lm", NULL},
    {"Modifier_Symbol", "Sk", NULL},
    {"Nonspacing_Mark", "Mn", NULL},
    {"Number", "N", NULL},
    {"Open_Punctuation", "Ps", NULL},
    {"Other", "C", NULL},
    {"Other_Letter", "Lo", NULL},
    {"Other_Number", "No", NULL},
    {"Other_Punctuation", "Po", NULL},
    {"Other_Symbol", "So", NULL},
    {"Paragraph_Separator", "Zp", NULL},
    {"Private_Use", "Co", NULL},
    {"Punctuation", "P", "punct"},
    {"Separator", "Z", NULL},
    {"Space_Separator", "Zs", NULL},
    {"Spacing_Mark", "Mc", NULL},
    {"Surrogate", "Cs", NULL},
    {"Symbol", "S", NULL},
    {"Titlecase_Letter", "Lt", NULL},
    {"Unassigned", "Cn", NULL},
    {"Uppercase_Letter", "Lu", NULL},
};

/* ISO 15924 codes of libunistring's script names (PropertyValueAliases) */
static const char *const script_codes[][2] = {
    {"Adlam", "Adlm"},
    {"Ahom", "Ahom"},
    {"Anatolian_Hieroglyphs", "Hluw"},
    {"Arabic", "Arab"},
    {"Armenian", "Armn"},
    {"Avestan", "Avst"},
    {"Balinese", "Bali"},
    {"Bamum", "Bamu"},
    {"Bassa_Vah", "Bass"},
    {"Batak", "Batk"},
    {"Bengali", "Beng"},
    {"Bhaiksuki", "Bhks"},
    {"Bopomofo", "Bopo"},
    {"Brahmi", "Brah"},
    {"Braille", "Brai"},
    {"Buginese", "Bugi"},
    {"Buhid", "Buhd"},
    {"Canadian_Aboriginal", "Cans"},
    {"Carian", "Cari"},
    {"Caucasian_Albanian", "Aghb"},
    {"Chakma", "Cakm"},
    {"Cham", "Cham"},
    {"Cherokee", "Cher"},
    {"Chorasmian", "Chrs"},
    {"Common", "Zyyy"},
    {"Coptic", "Copt"},
    {"Cuneiform", "Xsux"},
    {"Cypriot", "Cprt"},
    {"Cypro_Minoan", "Cpmn"},
    {"Cyrillic", "Cyrl"},
    {"Deseret", "Dsrt"},
    {"Devanagari", "Deva"},
    {"Dives_Akuru", "Diak"},
    {"Dogra", "Dogr"},
    {"Duployan", "Dupl"},
    {"Egyptian_Hieroglyphs", "Egyp"},
    {"Elbasan", "Elba"},
    {"Elymaic", "Elym"},
    {"Ethiopic", "Ethi"},
    {"Georgian", "Geor"},
    {"Glagolitic", "Glag"},
    {"Gothic", "Goth"},
    {"Grantha", "Gran"},
    {"Greek", "Grek"},
    {"Gujarati", "Gujr"},
    {"Gunjala_Gondi", "Gong"},
    {"Gurmukhi", "Guru"},
    {"Han", "Hani"},
    {"Hangul", "Hang"},
    {"Hanifi_Rohingya", "Rohg"},
    {"Hanunoo", "Hano"},
    {"Hatran", "Hatr"},
    {"Hebrew", "Hebr"},
    {"Hiragana", "Hira"},
    {"Imperial_Aramaic", "Armi"},
    {"Inherited", "Zinh"},
    {"Inscriptional_Pahlavi", "Phli"},
    {"Inscriptional_Parthian", "Prti"},
    {"Javanese", "Java"},
    {"Kaithi", "Kthi"},
    {"Kannada", "Knda"},
    {"Katakana", "Kana"},
    {"Kayah_Li", "Kali"},
    {"Kharoshthi", "Khar"},
    {"Khitan_Small_Script", "Kits"},
    {"Khmer", "Khmr"},
    {"Khojki", "Khoj"},
    {"Khudawadi", "Sind"},
    {"Lao", "Laoo"},
    {"Latin", "Latn"},
    {"Lepcha", "Lepc"},
    {"Limbu", "Limb"},
    {"Linear_A", "Lina"},
    {"Linear_B", "Linb"},
    {"Lisu", "Lisu"},
    {"Lycian", "Lyci"},
    {"Lydian", "Lydi"},
    {"Mahajani", "Mahj"},
    {"Makasar", "Maka"},
    {"Malayalam", "Mlym"},
    {"Mandaic", "Mand"},
    {"Manichaean", "Mani"},
    {"Marchen", "Marc"},
    {"Masaram_Gondi", "Gonm"},
    {"Medefaidrin", "Medf"},
    {"Meetei_Mayek", "Mtei"},
    {"Mende_Kikakui", "Mend"},
    {"Meroitic_Cursive", "Merc"},
    {"Meroitic_Hieroglyphs", "Mero"},
    {"Miao", "Plrd"},
    {"Modi", "Modi"},
    {"Mongolian", "Mong"},
    {"Mro", "Mroo"},
    {"Multani", "Mult"},
    {"Myanmar", "Mymr"},
    {"Nabataean", "Nbat"},
    {"Nandinagari", "Nand"},
    {"New_Tai_Lue", "Talu"},
    {"Newa", "Newa"},
    {"Nko", "Nkoo"},
    {"Nushu", "Nshu"},
    {"Nyiakeng_Puachue_Hmong", "Hmnp"},
    {"Ogham", "Ogam"},
    {"Ol_Chiki", "Olck"},
    {"Old_Hungarian", "Hung"},
    {"Old_Italic", "Ital"},
    {"Old_North_Arabian", "Narb"},
    {"Old_Permic", "Perm"},
    {"Old_Persian", "Xpeo"},
    {"Old_Sogdian", "Sogo"},
    {"Old_South_Arabian", "Sarb"},
    {"Old_Turkic", "Orkh"},
    {"Old_Uyghur", "Ougr"},
    {"Oriya", "Orya"},
    {"Osage", "Osge"},
    {"Osmanya", "Osma"},
    {"Pahawh_Hmong", "Hmng"},
    {"Palmyrene", "Palm"},
    {"Pau_Cin_Hau", "Pauc"},
    {"Phags_Pa", "Phag"},
    {"Phoenician", "Phnx"},
    {"Psalter_Pahlavi", "Phlp"},
    {"Rejang", "Rjng"},
    {"Runic", "Runr"},
    {"Samaritan", "Samr"},
    {"Saurashtra", "Saur"},
    {"Sharada", "Shrd"},
    {"Shavian", "Shaw"},
    {"Siddham", "Sidd"},
    {"SignWriting", "Sgnw"},
    {"Sinhala", "Sinh"},
    {"Sogdian", "Sogd"},
    {"Sora_Sompeng", "Sora"},
    {"Soyombo", "Soyo"},
    {"Sundanese", "Sund"},
    {"Syloti_Nagri", "Sylo"},
    {"Syriac", "Syrc"},
    {"Tagalog", "Tglg"},
    {"Tagbanwa", "Tagb"},
    {"Tai_Le", "Tale"},
    {"Tai_Tham", "Lana"},
    {"Tai_Viet", "Tavt"},
    {"Takri", "Takr"},
    {"Tamil", "Taml"},
    {"Tangsa", "Tnsa"},
    {"Tangut", "Tang"},
    {"Telugu", "Telu"},
    {"Thaana", "Thaa"},
    {"Thai", "Thai"},
    {"Tibetan", "Tibt"},
    {"Tifinagh", "Tfng"},
    {"Tirhuta", "Tirh"},
    {"Toto", "Toto"},
    {"Ugaritic", "Ugar"},
    {"Unknown", "Zzzz"},
    {"Vai", "Vaii"},
    {"Vithkuqi", "Vith"},
    {"Wancho", "Wcho"},
    {"Warang_Citi", "Wara"},
    {"Yezidi", "Yezi"},
    {"Yi", "Yiii"},
    {"Zanabazar_Square", "Zanb"},
    /* newer than libunistring's data: names known, no characters */
    {"Garay", "Gara"},
    {"Gurung_Khema", "Gukh"},
    {"Kawi", "Kawi"},
    {"Kirat_Rai", "Krai"},
    {"Nag_Mundari", "Nagm"},
    {"Ol_Onal", "Onao"},
    {"Sunuwar", "Sunu"},
    {"Todhri", "Todr"},
    {"Tulu_Tigalari", "Tutg"},
};

static bool is_ascii(ucs4_t c)
{
    return c < 128;
}

static bool is_any(ucs4_t c)
{
    return 1;
}

static bool is_assigned(ucs4_t c)
{
    return !uc_is_general_category(c, UC_CATEGORY_Cn);
}

static bool is_mirrored(ucs4_t c)
{
    ucs4_t m;
    return uc_mirror_char(c, &m);
}

/* Changes_When_NFKC_Casefolded: default ignorables (which NFKC_Casefold
 * removes), and characters that NFKC after case folding changes. Most
 * characters have neither a case mapping nor a decomposition. */
static bool is_cwkcf(ucs4_t c)
{
    ucs4_t dec[UC_DECOMPOSITION_MAX_LENGTH], buf[8], *r;
    size_t n = 8;
    int tag;
    bool changed;

    if (uc_is_property_default_ignorable_code_point(c))
        return 1;
    if (!uc_is_property_changes_when_casefolded(c) && uc_decomposition(c, &tag, dec) < 0)
        return 0;
    r = u32_casefold(&c, 1, NULL, UNINORM_NFKC, buf, &n);
    if (!r)
        return 0;
    changed = n != 1 || r[0] != c;
    if (r != buf)
        free(r);
    return changed;
}

static const struct binprop {
    const char *name, *alias;
    bool (*fn)(ucs4_t);
} binprops[] = {
    {"ASCII", NULL, is_ascii},
    {"ASCII_Hex_Digit", "AHex", uc_is_property_ascii_hex_digit},
    {"Alphabetic", "Alpha", uc_is_property_alphabetic},
    {"Any", NULL, is_any},
    {"Assigned", NULL, is_assigned},
    {"Bidi_Control", "Bidi_C", uc_is_property_bidi_control},
    {"Bidi_Mirrored", "Bidi_M", is_mirrored},
    {"Case_Ignorable", "CI", uc_is_property_case_ignorable},
    {"Cased", NULL, uc_is_property_cased},
    {"Changes_When_Casefolded", "CWCF", uc_is_property_changes_when_casefolded},
    {"Changes_When_Casemapped", "CWCM", uc_is_property_changes_when_casemapped},
    {"Changes_When_Lowercased", "CWL", uc_is_property_changes_when_lowercased},
    {"Changes_When_NFKC_Casefolded", "CWKCF", is_cwkcf},
    {"Changes_When_Titlecased", "CWT", uc_is_property_changes_when_titlecased},
    {"Changes_When_Uppercased", "CWU", uc_is_property_changes_when_uppercased},
    {"Dash", NULL, uc_is_property_dash},
    {"Default_Ignorable_Code_Point", "DI", uc_is_property_default_ignorable_code_point},
    {"Deprecated", "Dep", uc_is_property_deprecated},
    {"Diacritic", "Dia", uc_is_property_diacritic},
    {"Emoji", NULL, uc_is_property_emoji},
    {"Emoji_Component", "EComp", uc_is_property_emoji_component},
    {"Emoji_Modifier", "EMod", uc_is_property_emoji_modifier},
    {"Emoji_Modifier_Base", "EBase", uc_is_property_emoji_modifier_base},
    {"Emoji_Presentation", "EPres", uc_is_property_emoji_presentation},
    {"Extended_Pictographic", "ExtPict", uc_is_property_extended_pictographic},
    {"Extender", "Ext", uc_is_property_extender},
    {"Grapheme_Base", "Gr_Base", uc_is_property_grapheme_base},
    {"Grapheme_Extend", "Gr_Ext", uc_is_property_grapheme_extend},
    {"Hex_Digit", "Hex", uc_is_property_hex_digit},
    {"IDS_Binary_Operator", "IDSB", uc_is_property_ids_binary_operator},
    {"IDS_Trinary_Operator", "IDST", uc_is_property_ids_trinary_operator},
    {"ID_Continue", "IDC", uc_is_property_id_continue},
    {"ID_Start", "IDS", uc_is_property_id_start},
    {"Ideographic", "Ideo", uc_is_property_ideographic},
    {"Join_Control", "Join_C", uc_is_property_join_control},
    {"Logical_Order_Exception", "LOE", uc_is_property_logical_order_exception},
    {"Lowercase", "Lower", uc_is_property_lowercase},
    {"Math", NULL, uc_is_property_math},
    {"Noncharacter_Code_Point", "NChar", uc_is_property_not_a_character},
    {"Pattern_Syntax", "Pat_Syn", uc_is_property_pattern_syntax},
    {"Pattern_White_Space", "Pat_WS", uc_is_property_pattern_white_space},
    {"Quotation_Mark", "QMark", uc_is_property_quotation_mark},
    {"Radical", NULL, uc_is_property_radical},
    {"Regional_Indicator", "RI", uc_is_property_regional_indicator},
    {"Sentence_Terminal", "STerm", uc_is_property_sentence_terminal},
    {"Soft_Dotted", "SD", uc_is_property_soft_dotted},
    {"Terminal_Punctuation", "Term", uc_is_property_terminal_punctuation},
    {"Unified_Ideograph", "UIdeo", uc_is_property_unified_ideograph},
    {"Uppercase", "Upper", uc_is_property_uppercase},
    {"Variation_Selector", "VS", uc_is_property_variation_selector},
    {"White_Space", "space", uc_is_property_white_space},
    {"XID_Continue", "XIDC", uc_is_property_xid_continue},
    {"XID_Start", "XIDS", uc_is_property_xid_start},
};

/* What a property tests: one of the three kinds, with its argument. */
struct prop_test {
    int kind; /* 0 general category, 1 script (NULL: Unknown), 2 binary, 3 none */
    uc_general_category_t gc;
    const uc_script_t *script;
    bool (*fn)(ucs4_t);
};

static int prop_has(const struct prop_test *t, uint32_t c)
{
    switch (t->kind) {
    case 0: return (uc_general_category(c).bitmask & t->gc.bitmask) != 0;
    case 1: return uc_script(c) == t->script;
    case 2: return t->fn(c);
    default: return 0;
    }
}

/* Scans the code points. From 0x32400 on, what lies in each plane before
 * its two noncharacters holds no assigned character (planes 3 to 14, but
 * the tags and selectors of E0000..E0FFF) or private use only (15 and 16),
 * so one probe answers for the whole block. */
static void prop_build(struct re_cset *s, const struct prop_test *t)
{
    uint32_t c = 0, start = 0;
    int in = 0;

    while (c <= RE_MAX_CP) {
        uint32_t last = c;
        int has;
        if (c >= 0x32400 && (c & 0xFFFF) < 0xFFFE && (c < 0xE0000 || c > 0xE0FFF))
            last = (c & ~0xFFFFu) | 0xFFFD;
        has = prop_has(t, c);
        if (has && !in) {
            start = c;
            in = 1;
        } else if (!has && in) {
            re_cset_add(s, start, c - 1);
            in = 0;
        }
        c = last + 1;
    }
    if (in)
        re_cset_add(s, start, RE_MAX_CP);
}

static int find_gc(const char *v, uc_general_category_t *gc)
{
    size_t i;

    for (i = 0; i < sizeof(gc_names) / sizeof(gc_names[0]); i++) {
        if (strcmp(v, gc_names[i][0]) == 0 || strcmp(v, gc_names[i][1]) == 0 ||
            (gc_names[i][2] && strcmp(v, gc_names[i][2]) == 0)) {
            if (strcmp(gc_names[i][1], "LC") == 0)
                *gc = uc_general_category_or(uc_general_category_or(UC_CATEGORY_Lu, UC_CATEGORY_Ll), UC_CATEGORY_Lt);
            else
                *gc = uc_general_category_byname(gc_names[i][1]);
            return 0;
        }
    }
    return -1;
}

static int find_script(const char *v, const uc_script_t **sc)
{
    size_t i;

    for (i = 0; i < sizeof(script_codes) / sizeof(script_codes[0]); i++) {
        if (strcmp(v, script_codes[i][0]) == 0 || strcmp(v, script_codes[i][1]) == 0 ||
            (strcmp(script_codes[i][0], "Inherited") == 0 && strcmp(v, "Qaai") == 0) ||
            (strcmp(script_codes[i][0], "Coptic") == 0 && strcmp(v, "Qaac") == 0)) {
            if (strcmp(script_codes[i][0], "Unknown") == 0) {
                *sc = NULL;
                return 0;
            }
            *sc = uc_script_byname(script_codes[i][0]);
            return *sc ? 0 : 1;
        }
    }
    return -1;
}

/* Built sets, kept for the process, keyed by "name=value". */
struct prop_cache {
    char *key;
    struct re_cset set;
    struct prop_cache *next;
};
static struct prop_cache *cache;

int re_unicode_property(struct re_cset *s, const char *name, const char *value)
{
    struct prop_test t;
    struct prop_cache *e;
    size_t i, kl;

    memset(&t, 0, sizeof(t));
    if (value) {
        if (strcmp(name, "General_Category") == 0 || strcmp(name, "gc") == 0) {
            if (find_gc(value, &t.gc) < 0)
                return -1;
            t.kind = 0;
        } else if (strcmp(name, "Script") == 0 || strcmp(name, "sc") == 0 || strcmp(name, "Script_Extensions") == 0 ||
                   strcmp(name, "scx") == 0) {
            int r = find_script(value, &t.script);
            if (r < 0)
                return -1;
            t.kind = r ? 3 : 1;
        } else {
            return -1;
        }
    } else if (find_gc(name, &t.gc) == 0) {
        t.kind = 0;
    } else {
        for (i = 0; i < sizeof(binprops) / sizeof(binprops[0]); i++)
            if (strcmp(name, binprops[i].name) == 0 || (binprops[i].alias && strcmp(name, binprops[i].alias) == 0))
                break;
        if (i == sizeof(binprops) / sizeof(binprops[0]))
            return -1;
        t.kind = 2;
        t.fn = binprops[i].fn;
    }
    kl = strlen(name) + (value ? strlen(value) : 0) + 2;
    for (e = cache; e; e = e->next)
        if (strncmp(e->key, name, strlen(name)) == 0 && e->key[strlen(name)] == '=' &&
            strcmp(e->key + strlen(name) + 1, value ? value : "") == 0)
            break;
    if (!e) {
        e = calloc(1, sizeof(*e));
        if (!e)
            return -2;
        e->key = malloc(kl);
        if (!e->key) {
            free(e);
            return -2;
        }
        strcpy(e->key, name);
        strcat(e->key, "=");
        strcat(e->key, value ? value : "");
        re_cset_init(&e->set);
        prop_build(&e->set, &t);
        if (e->set.oom) {
            re_cset_free(&e->set);
            free(e->key);
            free(e);
            return -2;
        }
        e->next = cache;
        cache = e;
    }
    re_cset_add_set(s, &e->set);
    return s->oom ? -2 : 0;
}
