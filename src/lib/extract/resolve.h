// The overlap policy of docs/rules.md ("Overlaps").
#pragma once

#include <cstddef>
#include <vector>

#include "vnie/document.h"

namespace vnie::detail {

/// A mention before overlap resolution; spans in the normalized view.
struct Candidate {
  std::size_t start = 0, end = 0;
  MentionType type = MentionType::number;
  int priority = 0;
  std::size_t order = 0;  ///< the rule's load order: lower wins ties
  std::size_t rule = 0;   ///< index into the rule set
  Value value;
};

/// values (date … ordinal) = 0, entities (organization, award, person) = 1.
int layer_of(MentionType t) noexcept;

/// Keeps the candidates that win under the overlap policy, sorted by start
/// then end. Candidates of different layers never suppress each other.
std::vector<Candidate> resolve_overlaps(std::vector<Candidate> candidates);

}  // namespace vnie::detail
