#define _GNU_SOURCE   /* memmem */
#include "cicu.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/unum.h>
#include <unicode/ures.h>
#include <unicode/upluralrules.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/uversion.h>
#include <unicode/utf8.h>
#include <unicode/utf16.h>

struct cicu_segmenter {
    UBreakIterator *iterator;
    UChar *buffer;       /* the text being segmented, as UTF-16 */
    int32_t capacity;    /* in UChars */
};

int32_t cicu_fold_case(int32_t c) { return u_foldCase(c, U_FOLD_CASE_DEFAULT); }

int cicu_is_unspaced_script(int32_t c) {
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &status);
    if (U_FAILURE(status)) return 0;
    switch (script) {
    case USCRIPT_HAN: case USCRIPT_HIRAGANA: case USCRIPT_KATAKANA:
    case USCRIPT_THAI: case USCRIPT_LAO: case USCRIPT_KHMER: case USCRIPT_MYANMAR:
        return 1;
    default:
        return 0;
    }
}

int cicu_is_sentence_terminal(int32_t c) {
    int value = u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK);
    return value == U_SB_STERM || value == U_SB_ATERM || value == U_SB_SEP;
}

int cicu_display_width(int32_t c) {
    if (c == 0) return 0;
    int8_t type = u_charType(c);
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_CONTROL_CHAR || type == U_FORMAT_CHAR)
        return 0;
    int width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    return (width == U_EA_WIDE || width == U_EA_FULLWIDTH) ? 2 : 1;
}

/* Converts UTF-8 to UTF-16 into a malloc'ed buffer; returns NULL on invalid input. */
static UChar *to_utf16(const char *src, int32_t len, int32_t *out_len) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t needed = 0;
    u_strFromUTF8(NULL, 0, &needed, src, len, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return NULL;
    status = U_ZERO_ERROR;
    UChar *buffer = malloc(sizeof(UChar) * (size_t)(needed + 1));
    if (!buffer) return NULL;
    u_strFromUTF8(buffer, needed + 1, out_len, src, len, &status);
    if (U_FAILURE(status)) { free(buffer); return NULL; }
    return buffer;
}

int32_t cicu_map_case(int mode, const char *locale, const char *src, int32_t len, char *dst, int32_t cap) {
    int32_t length16 = 0;
    UChar *text = to_utf16(src, len, &length16);
    if (!text) return -1;
    UErrorCode status = U_ZERO_ERROR;
    int32_t mapped_cap = length16 * 3 + 8; /* full case mapping grows text at most threefold */
    UChar *mapped = malloc(sizeof(UChar) * (size_t)mapped_cap);
    if (!mapped) { free(text); return -1; }
    int32_t mapped_len = mode == 0
        ? u_strToUpper(mapped, mapped_cap, text, length16, locale, &status)
        : u_strToLower(mapped, mapped_cap, text, length16, locale, &status);
    free(text);
    if (U_FAILURE(status)) { free(mapped); return -1; }
    int32_t out_len = 0;
    status = U_ZERO_ERROR;
    u_strToUTF8(dst, cap, &out_len, mapped, mapped_len, &status);
    free(mapped);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) return out_len;
    if (U_FAILURE(status)) return -1;
    return out_len;
}

cicu_segmenter *cicu_segmenter_open(int kind, const char *locale) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open(kind == CICU_SENTENCE ? UBRK_SENTENCE : UBRK_WORD, locale, NULL, 0, &status);
    if (U_FAILURE(status) || !iterator) return NULL;
    cicu_segmenter *seg = calloc(1, sizeof(cicu_segmenter));
    if (!seg) { ubrk_close(iterator); return NULL; }
    seg->iterator = iterator;
    return seg;
}

void cicu_segmenter_close(cicu_segmenter *seg) {
    if (!seg) return;
    ubrk_close(seg->iterator);
    free(seg->buffer);
    free(seg);
}

/* Puts `utf8` into the segmenter's UTF-16 buffer and sets it as the iterator's text. */
static int load_text(cicu_segmenter *seg, const char *utf8, int32_t len, int32_t *length16) {
    if (len < 0) return 0;
    if (seg->capacity < len + 1) {
        int32_t capacity = len + 1 > 64 ? len + 1 : 64;
        UChar *buffer = realloc(seg->buffer, sizeof(UChar) * (size_t)capacity);
        if (!buffer) return 0;
        seg->buffer = buffer;
        seg->capacity = capacity;
    }
    UErrorCode status = U_ZERO_ERROR;
    /* UTF-16 never needs more units than UTF-8 has bytes. */
    u_strFromUTF8(seg->buffer, seg->capacity, length16, utf8, len, &status);
    if (U_FAILURE(status)) return 0;
    return 1;
}

static int is_horizontal_space(UChar c) { return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0; }

/* A lone line break inside a paragraph becomes a space; runs with two or more breaks stay. Length is unchanged. */
static void join_single_line_breaks(UChar *text, int32_t length) {
    int32_t i = 0;
    while (i < length) {
        if (text[i] != '\n' && text[i] != '\r') { i++; continue; }
        int32_t start = i, breaks = 0;
        while (i < length && (text[i] == '\n' || text[i] == '\r' || is_horizontal_space(text[i]))) {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= length || text[i + 1] != '\n'))) breaks++;
            i++;
        }
        if (breaks < 2) {
            for (int32_t j = start; j < i; j++) if (text[j] == '\n' || text[j] == '\r') text[j] = ' ';
        }
    }
}

int32_t cicu_boundaries(cicu_segmenter *seg, const char *utf8, int32_t len, int join_lines,
                        int32_t *offsets, int32_t *status_out, int32_t cap) {
    int32_t length16 = 0;
    if (!load_text(seg, utf8, len, &length16)) return -1;
    if (join_lines) join_single_line_breaks(seg->buffer, length16);
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(seg->iterator, seg->buffer, length16, &status);
    if (U_FAILURE(status)) return -1;

    /* Boundaries come in ascending order, so UTF-16 indices map to UTF-8 offsets in one forward walk. */
    int32_t count = 0, index16 = 0, offset8 = 0;
    for (int32_t b = ubrk_first(seg->iterator); b != UBRK_DONE; b = ubrk_next(seg->iterator)) {
        while (index16 < b && offset8 < len) {
            UChar32 c;
            U8_NEXT(utf8, offset8, len, c);
            index16 += U16_LENGTH(c < 0 ? 0xFFFD : c);
        }
        if (count < cap) {
            offsets[count] = offset8;
            if (status_out) status_out[count] = ubrk_getRuleStatus(seg->iterator);
        }
        count++;
    }
    return count;
}

int cicu_is_boundary(cicu_segmenter *seg, const char *utf8, int32_t len, int32_t offset) {
    if (offset <= 0 || offset >= len) return 1;
    int32_t length16 = 0;
    if (!load_text(seg, utf8, len, &length16)) return -1;
    /* The UTF-16 index of `offset`: count the units of the bytes before it. */
    int32_t index16 = 0, offset8 = 0;
    while (offset8 < offset) {
        UChar32 c;
        U8_NEXT(utf8, offset8, len, c);
        index16 += U16_LENGTH(c < 0 ? 0xFFFD : c);
    }
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(seg->iterator, seg->buffer, length16, &status);
    if (U_FAILURE(status)) return -1;
    return ubrk_isBoundary(seg->iterator, index16) ? 1 : 0;
}

int64_t cicu_find_bytes(const uint8_t *haystack, int64_t length, const uint8_t *needle, int64_t needle_length) {
    const void *hit = memmem(haystack, (size_t)length, needle, (size_t)needle_length);
    return hit ? (int64_t)((const uint8_t *)hit - haystack) : -1;
}

int32_t cicu_script(int32_t c) {
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode code = uscript_getScript(c, &status);
    return U_SUCCESS(status) ? (int32_t)code : -1;
}

const char *cicu_script_name(int32_t code) {
    const char *name = uscript_getName((UScriptCode)code);
    return name ? name : "Unknown";
}

int32_t cicu_language_scripts(const char *locale, int32_t *out, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode codes[8];
    int32_t n = uscript_getCode(locale, codes, 8, &status);
    if (U_FAILURE(status) || n <= 0) return 0;
    int32_t k = 0;
    for (; k < n && k < capacity; k++) out[k] = (int32_t)codes[k];
    return k;
}

int32_t cicu_convert(const char *to, const char *from, const char *src, int32_t len, char *dst, int32_t cap) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *source = ucnv_open(from, &status);
    if (U_FAILURE(status)) return -1;
    UConverter *target = ucnv_open(to, &status);
    if (U_FAILURE(status)) { ucnv_close(source); return -1; }
    /* A byte the charset does not define, or a character the other cannot hold, is an error, not a '?'. */
    ucnv_setToUCallBack(source, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    ucnv_setFromUCallBack(target, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    if (U_FAILURE(status)) { ucnv_close(source); ucnv_close(target); return -1; }
    char *out = dst;
    const char *in = src;
    ucnv_convertEx(target, source, &out, dst + cap, &in, src + len, NULL, NULL, NULL, NULL, 1, 1, &status);
    ucnv_close(source);
    ucnv_close(target);
    if (status == U_BUFFER_OVERFLOW_ERROR) return -2;
    if (U_FAILURE(status)) return -1;
    return (int32_t)(out - dst);
}

/* UTF-16 to UTF-8 into dst; the length (which may exceed cap), or -1. */
static int32_t from_utf16(const UChar *src, int32_t len, char *dst, int32_t cap) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t out_len = 0;
    u_strToUTF8(dst, cap, &out_len, src, len, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) return out_len;
    if (U_FAILURE(status)) return -1;
    return out_len;
}

cicu_spellout *cicu_spellout_open(const char *locale) {
    UErrorCode status = U_ZERO_ERROR;
    UNumberFormat *format = unum_open(UNUM_SPELLOUT, NULL, 0, locale, NULL, &status);
    if (U_FAILURE(status)) return NULL;
    return (cicu_spellout *)format;
}

void cicu_spellout_close(cicu_spellout *spellout) {
    if (spellout) unum_close((UNumberFormat *)spellout);
}

int32_t cicu_spellout_rulesets(cicu_spellout *spellout, char *dst, int32_t cap) {
    UErrorCode status = U_ZERO_ERROR;
    UChar buffer[2048];
    int32_t len = unum_getTextAttribute((UNumberFormat *)spellout, UNUM_PUBLIC_RULESETS, buffer, 2048, &status);
    if (U_FAILURE(status)) return -1;
    return from_utf16(buffer, len, dst, cap);
}

int32_t cicu_spellout_format(cicu_spellout *spellout, const char *ruleset, double value, char *dst, int32_t cap) {
    UNumberFormat *format = (UNumberFormat *)spellout;
    UErrorCode status = U_ZERO_ERROR;
    if (ruleset && *ruleset) {
        int32_t name_len = 0;
        UChar *name = to_utf16(ruleset, (int32_t)strlen(ruleset), &name_len);
        if (!name) return -1;
        unum_setTextAttribute(format, UNUM_DEFAULT_RULESET, name, name_len, &status);
        free(name);
        if (U_FAILURE(status)) return -1;
    }
    UChar buffer[512];
    int32_t len = unum_formatDouble(format, value, buffer, 512, NULL, &status);
    if (U_FAILURE(status) || len > 512) return -1;
    return from_utf16(buffer, len, dst, cap);
}

int32_t cicu_number_symbols(const char *locale, char *decimal, char *grouping, int32_t cap) {
    UErrorCode status = U_ZERO_ERROR;
    UNumberFormat *format = unum_open(UNUM_DECIMAL, NULL, 0, locale, NULL, &status);
    if (U_FAILURE(status)) return -1;
    // unum_open warns of the root locale for every language whose symbols are root's; ICU's own data for the
    // language is what says whether it knows it.
    UErrorCode bundleStatus = U_ZERO_ERROR;
    UResourceBundle *bundle = ures_open(NULL, locale, &bundleStatus);
    int32_t unknown = bundleStatus == U_USING_DEFAULT_WARNING;
    if (bundle) ures_close(bundle);
    UChar buffer[16];
    int32_t len = unum_getSymbol(format, UNUM_DECIMAL_SEPARATOR_SYMBOL, buffer, 16, &status);
    int32_t ok = U_SUCCESS(status) ? from_utf16(buffer, len, decimal, cap) : -1;
    status = U_ZERO_ERROR;
    len = unum_getSymbol(format, UNUM_GROUPING_SEPARATOR_SYMBOL, buffer, 16, &status);
    int32_t ok2 = U_SUCCESS(status) ? from_utf16(buffer, len, grouping, cap) : -1;
    unum_close(format);
    return ok < 0 || ok2 < 0 || ok >= cap || ok2 >= cap ? -1 : unknown;
}

int32_t cicu_format_decimal(const char *locale, double value, char *dst, int32_t cap) {
    UErrorCode status = U_ZERO_ERROR;
    UNumberFormat *format = unum_open(UNUM_DECIMAL, NULL, 0, locale, NULL, &status);
    if (U_FAILURE(status)) return -1;
    UChar buffer[128];
    int32_t len = unum_formatDouble(format, value, buffer, 128, NULL, &status);
    unum_close(format);
    if (U_FAILURE(status) || len > 128) return -1;
    return from_utf16(buffer, len, dst, cap);
}

int32_t cicu_plural_category_size(const char *locale, const char *keyword, int32_t upto) {
    UErrorCode status = U_ZERO_ERROR;
    UPluralRules *rules = uplrules_openForType(locale, UPLURAL_TYPE_CARDINAL, &status);
    if (U_FAILURE(status)) return -1;
    UChar wanted[32];
    int32_t wantedLength = 0;
    u_strFromUTF8(wanted, 32, &wantedLength, keyword, -1, &status);
    if (U_FAILURE(status) || wantedLength >= 32) { uplrules_close(rules); return -1; }
    int32_t count = 0;
    for (int32_t n = 0; n <= upto; n++) {
        UChar buffer[32];
        status = U_ZERO_ERROR;
        int32_t length = uplrules_select(rules, (double)n, buffer, 32, &status);
        if (U_SUCCESS(status) && length == wantedLength && u_strncmp(buffer, wanted, length) == 0) count++;
    }
    uplrules_close(rules);
    return count;
}
