// Event assembly (meeting, award, funding) from mentions: not written yet
// (issue "Events, the annotated corpus, and the example extractors").
#include "extract/hooks.h"

namespace vnie::detail {

void assemble_events(const NormalizedText&, const std::vector<Mention>&,
                     const std::optional<DateValue>&, std::vector<Event>* out) {
  out->clear();
}

}  // namespace vnie::detail
