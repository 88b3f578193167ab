// Names said again: a person or an organization found once in a document (with a title, a
// marker, a head) is often written again later without them ("Ông Nguyễn Quang Hải, Chủ tịch
// … Quang Hải cho biết"; "hãng Samsung … Samsung công bố"). docs/entities.md, "Repeated names".
#pragma once

#include <vector>

#include "rules/lexicon.h"
#include "vnie/document.h"
#include "vnie/normalize.h"

namespace vnie::detail::entities {

/// Adds to `mentions` (normalized-view spans, sorted by start, not overlapping) every other
/// occurrence in `nt.text` of the name of a person or organization mention of the document,
/// written exactly so (case included) at word boundaries and overlapping no mention; for a
/// person of three or more words also its last two words ("Quang Hải"), unless the first of
/// them is a middle name (lists/person_middle_names.txt). Person names of one word,
/// organizations written in capitals alone ("UBND": often generic) and bodies of the known
/// list (rule org.known, which decides itself where they stand alone) are not repeated. The new
/// mentions copy the value of the first mention of that name (a person's titles are dropped),
/// with rule id "entities.repeat". Linear in the text (at most six words tried per capital).
void add_repeated_names(const NormalizedText& nt, const Lexicon& lexicon,
                        std::vector<Mention>* mentions);

}  // namespace vnie::detail::entities
