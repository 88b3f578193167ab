// Warnings that cannot flood (issue 17): a run of adjacent undecodable bytes
// is one warning with a length, and a Document keeps at most kMaxWarnings.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "vnie/document.h"

namespace vnie::detail {

/// Records that the bytes input[offset, offset + len) do not decode (each
/// maximal ill-formed sequence becomes U+FFFD). When the last warning is an
/// invalid_utf8 run that ends at `offset`, that run grows to take them in and
/// its message becomes WHAT: N bytes HEX… replaced by U+FFFD; otherwise a new
/// invalid_utf8 warning with `message` and length `len` is added.
void add_undecodable(std::vector<Warning>& warnings, std::string_view input, std::size_t offset,
                     std::size_t len, std::string message, std::string_view what);

/// Keeps the first kMaxWarnings warnings of `doc` and adds the number of the
/// others to doc->warnings_truncated.
void cap_warnings(Document* doc);

}  // namespace vnie::detail
