#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
// libxml2's headers, for the C target CXML only (Swift does not import this module: the headers pull in ICU's).
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#endif
