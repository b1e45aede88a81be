// The one file that includes <libxml/*.h> (they pull in ICU headers, which Swift cannot see next to Foundation).
#include "cxml.h"
#include <string.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/SAX2.h>


static void translint_xml_record(translint_xml_result *result, int line, int column, const char *message) {
    if (result->line != 0) return;
    result->line = line > 0 ? line : 1;
    result->column = column;
    strncpy(result->message, message ? message : "not well-formed", sizeof result->message - 1);
    result->message[sizeof result->message - 1] = 0;
    size_t n = strlen(result->message);
    while (n > 0 && (result->message[n - 1] == '\n' || result->message[n - 1] == ' ')) result->message[--n] = 0;
}

/// Errors reach this handler instead of stderr. XML 1.0 errors count (an undefined entity too, which libxml2
/// reports as an error even when an external DTD that it never loads might declare it); namespace errors and
/// warnings do not.
static void translint_xml_error(void *data, xmlErrorPtr error) {
    translint_xml_result *result = (translint_xml_result *)data;
    if (error == NULL || error->level < XML_ERR_ERROR || error->domain == XML_FROM_NAMESPACE) return;
    translint_xml_record(result, error->line, error->int2, error->message);
}

static void translint_xml_entity(void *data, const xmlChar *name, int type, const xmlChar *publicId,
                                 const xmlChar *systemId, xmlChar *content) {
    (void)type; (void)publicId; (void)systemId; (void)content; (void)name;
    translint_xml_result *result = (translint_xml_result *)data;
    translint_xml_record(result, xmlSAX2GetLineNumber(result->parser),
                         0, "an entity declaration: DOCTYPE internal subsets and entities are refused");
}

void translint_xml_init(void) { xmlInitParser(); }

/// Checks that `bytes` is well-formed XML 1.0, in 64 KiB pieces through a push parser that builds nothing, so
/// memory stays small for any size. Never reads a file or the network: external DTDs and entities are not
/// loaded (no XML_PARSE_DTDLOAD, no XML_PARSE_NOENT, XML_PARSE_NONET), and no entity is substituted.
translint_xml_result translint_xml_check(const char *bytes, long length) {
    translint_xml_result result;
    memset(&result, 0, sizeof result);
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.serror = translint_xml_error;
    sax.entityDecl = translint_xml_entity;
    // The first bytes go in at creation, so that libxml2 sees the byte order mark or <?xml to detect the encoding.
    int first = length < 4 ? (int)length : 4;
    xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(&sax, &result, bytes, first, NULL);
    if (ctxt == NULL) {
        translint_xml_record(&result, 1, 0, "libxml2 could not start a parser");
        return result;
    }
    result.parser = ctxt;
    // translint reads the bytes as UTF-8 (a file in another encoding is converted first, its declaration kept):
    // the declaration's encoding is not the bytes'.
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_IGNORE_ENC);
    const long piece = 1 << 16;
    long offset = first;
    while (result.line == 0 && offset < length) {
        long n = length - offset < piece ? length - offset : piece;
        xmlParseChunk(ctxt, bytes + offset, (int)n, 0);
        offset += n;
    }
    if (result.line == 0) xmlParseChunk(ctxt, NULL, 0, 1);
    if (result.line == 0 && !ctxt->wellFormed) translint_xml_record(&result, xmlSAX2GetLineNumber(ctxt), 0, "not well-formed");
    xmlFreeParserCtxt(ctxt);
    result.parser = NULL;
    return result;
}

