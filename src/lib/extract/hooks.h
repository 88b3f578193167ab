// Points where the value productions plug into the extractor.
// (Events: src/lib/events/assembler.h.)
#pragma once

#include <optional>
#include <vector>

#include "vnie/document.h"
#include "vnie/normalize.h"

namespace vnie::detail {

/// The publication date found in an article's header lines ("09:01 |
/// 11/01/2019", "Cập nhật lúc 20:08, Thứ Tư, 15/07/2020"), or nullopt.
/// Implemented with the value productions (src/lib/values).
std::optional<DateValue> find_reference_date(const NormalizedText& nt);

}  // namespace vnie::detail
