// Points where later pipeline steps plug into the extractor.
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

/// Assembles events from the accepted mentions (normalized-view spans).
/// Event spans are left in the normalized view; the caller maps them.
/// Implemented in src/lib/events.
void assemble_events(const NormalizedText& nt, const std::vector<Mention>& mentions,
                     const std::optional<DateValue>& reference_date, std::vector<Event>* out);

}  // namespace vnie::detail
