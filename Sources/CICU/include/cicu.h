#ifndef CICU_H
#define CICU_H

/*
 * A narrow, unversioned C interface to the system ICU.
 *
 * Swift cannot call ICU's versioned entry points (ubrk_open is a macro for
 * ubrk_open_72), and a Swift module that sees ICU headers next to Foundation
 * clashes with Foundation's own ICU module. So this header uses plain C types
 * only, and ICU headers is included by cicu.c alone.
 *
 * Text crosses this boundary as UTF-8; offsets are UTF-8 byte offsets.
 */

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Simple (one code point to one code point) default case folding. */
int32_t cicu_fold_case(int32_t c);

/* The Unicode script of a code point (ICU's UScriptCode: 0 Common, 1 Inherited, 17 Han, 25 Latin, ...), or -1. */
int32_t cicu_script(int32_t c);
/* The scripts a language is written in ("zh-Hans" → Han; "ja" → Katakana, Hiragana, Han), into out; returns how
   many (0 when unknown). */
int32_t cicu_language_scripts(const char *locale, int32_t *out, int32_t capacity);
/* The script's long name ("Han", "Latin"). */
const char *cicu_script_name(int32_t code);

/* Not ICU, but plain C the hot path needs: the offset of the first `needle` in `haystack` (memmem), or -1. */
int64_t cicu_find_bytes(const uint8_t *haystack, int64_t length, const uint8_t *needle, int64_t needle_length);

/** 1 when `c` is in a script written without spaces between words (Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar). */
int cicu_is_unspaced_script(int32_t c);

/** 1 when `c` can end a sentence or separate paragraphs by UAX #29 (Sentence_Break STerm, ATerm or Sep). */
int cicu_is_sentence_terminal(int32_t c);

/** Columns a terminal gives `c`: 0 for combining and control characters, 2 for East Asian wide and fullwidth, else 1. */
int cicu_display_width(int32_t c);

/**
 * Locale-aware full case mapping of UTF-8 text. `mode` 0 upper, 1 lower.
 * Returns the length of the result in bytes (which may exceed `cap`: call
 * again with a larger buffer), or -1 on error.
 */
int32_t cicu_map_case(int mode, const char *locale, const char *src, int32_t len, char *dst, int32_t cap);

/**
 * Converts `len` bytes of `src` from charset `from` to charset `to` (ICU converter names: "ISO-8859-1",
 * "EUC-JP", "UTF-8"…). Returns the length of the result (call again with a larger `cap` when it exceeds it),
 * or -1 when a charset is unknown or the text is not valid in `from` (no substitution: a lossy conversion
 * is an error).
 */
int32_t cicu_convert(const char *to, const char *from, const char *src, int32_t len, char *dst, int32_t cap);

typedef struct cicu_segmenter cicu_segmenter;

enum { CICU_WORD = 0, CICU_SENTENCE = 1 };

/** A reusable break iterator of `kind` for `locale` (e.g. "en@ss=standard"); NULL on failure. Not thread-safe: one per thread. */
cicu_segmenter *cicu_segmenter_open(int kind, const char *locale);
void cicu_segmenter_close(cicu_segmenter *seg);

/**
 * All boundaries of `utf8` (including 0 and len) as UTF-8 offsets, ascending.
 * With `join_lines`, a single line break inside a paragraph is read as a space, so that
 * hard-wrapped prose is segmented as prose; a blank line still separates paragraphs.
 * `status`, when not NULL, receives ICU's rule status of the segment ending at each boundary
 * (word break: 0 none, 100 number, 200 letter, 300 kana, 400 ideographic).
 * Returns the number of boundaries (call again with a larger `cap` when it exceeds it), or -1 on error.
 */
int32_t cicu_boundaries(cicu_segmenter *seg, const char *utf8, int32_t len, int join_lines,
                        int32_t *offsets, int32_t *status, int32_t cap);

/** 1 when UTF-8 offset `offset` of `utf8` is a boundary, 0 when not, -1 on error. */
int cicu_is_boundary(cicu_segmenter *seg, const char *utf8, int32_t len, int32_t offset);

#ifdef __cplusplus
}
#endif


/** An ICU rule-based number formatter that spells numbers out (URBNF spellout) in one locale. Not thread-safe. */
typedef struct cicu_spellout cicu_spellout;
cicu_spellout *cicu_spellout_open(const char *locale);
void cicu_spellout_close(cicu_spellout *spellout);
/** The formatter's public rule sets, `;`-separated ("%spellout-numbering;%spellout-ordinal;…"), as UTF-8. */
int32_t cicu_spellout_rulesets(cicu_spellout *spellout, char *dst, int32_t cap);
/** `value` spelled out with `ruleset` (NULL: the default one), as UTF-8; the length, or -1. */
int32_t cicu_spellout_format(cicu_spellout *spellout, const char *ruleset, double value, char *dst, int32_t cap);
/** The locale's decimal and grouping separators, NUL-terminated UTF-8 (at most `cap` bytes each); 0, 1 when ICU
    has no data for the locale and gave the root locale's, or -1. */
int32_t cicu_number_symbols(const char *locale, char *decimal, char *grouping, int32_t cap);
/** `value` as the locale writes it in digits (grouping and decimal separators), as UTF-8; the length, or -1. */
int32_t cicu_format_decimal(const char *locale, double value, char *dst, int32_t cap);
/** How many of the integers 0...`upto` the locale's cardinal plural rules put in the category `keyword` ("one",
 * "few", "other"…); -1 when ICU has no rules for the locale. */
int32_t cicu_plural_category_size(const char *locale, const char *keyword, int32_t upto);
#endif
