// vnie/json.h — the JSON form of results (docs/output-format.md).
#pragma once

#include <string>

#include "vnie/document.h"
#include "vnie/export.h"

namespace vnie {

/// One document as a single-line JSON object, without a trailing newline,
/// exactly as `vnie extract --format jsonl` prints it. Never throws but
/// std::bad_alloc. Strings are valid UTF-8 (the input views are).
VNIE_API std::string to_json_line(const Document& doc);

/// The same object pretty-printed with `indent` spaces.
VNIE_API std::string to_json_pretty(const Document& doc, int indent = 2);

}  // namespace vnie
