#ifndef CXML_H
#define CXML_H
// XML well-formedness through libxml2, in plain C types: Swift never sees <libxml/*.h>, which include ICU's headers
// (Foundation ships its own ICU module with the same names, as for CICU).

/// What `translint_xml_check` found: `line` is 0 when the text is well-formed, else the line of the first error
/// and its message (NUL-terminated, cut to fit).
typedef struct {
    int line;
    int column;
    char message[512];
    /// The parser while it runs (an xmlParserCtxtPtr), for the line of a declaration.
    void *parser;
} translint_xml_result;

/// libxml2's global set-up; call once before any check (it must not race).
void translint_xml_init(void);

/// Checks that `bytes` is well-formed XML 1.0. Builds nothing, reads no file and no network.
translint_xml_result translint_xml_check(const char *bytes, long length);

#endif
