#include "extract/resolve.h"

#include <algorithm>
#include <map>

namespace vnie::detail {

int layer_of(MentionType t) noexcept {
  switch (t) {
    case MentionType::organization:
    case MentionType::award:
    case MentionType::person:
      return 1;
    default:
      return 0;
  }
}

namespace {

/// Step 1: drops candidates strictly inside another one of the same layer.
std::vector<Candidate> drop_covered(std::vector<Candidate> cands) {
  std::sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) {
    if (a.start != b.start) return a.start < b.start;
    return a.end > b.end;
  });
  std::vector<Candidate> kept;
  std::size_t max_end = 0;
  bool any = false;
  for (std::size_t i = 0; i < cands.size();) {
    std::size_t j = i;  // [i, j) = the group with this exact span
    while (j < cands.size() && cands[j].start == cands[i].start && cands[j].end == cands[i].end) ++j;
    const bool covered = any && max_end >= cands[i].end;
    if (!covered) {
      for (std::size_t k = i; k < j; ++k) kept.push_back(std::move(cands[k]));
    }
    max_end = any ? std::max(max_end, cands[i].end) : cands[i].end;
    any = true;
    i = j;
  }
  return kept;
}

/// Step 2: priority, file order, length, position; greedy non-overlapping.
std::vector<Candidate> settle(std::vector<Candidate> cands) {
  std::sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) {
    if (a.priority != b.priority) return a.priority > b.priority;
    if (a.order != b.order) return a.order < b.order;
    if (a.end - a.start != b.end - b.start) return a.end - a.start > b.end - b.start;
    return a.start < b.start;
  });
  std::map<std::size_t, std::size_t> taken;  // start → end of accepted spans
  std::vector<Candidate> out;
  for (auto& c : cands) {
    auto next = taken.lower_bound(c.start);
    if (next != taken.end() && next->first < c.end) continue;
    if (next != taken.begin() && std::prev(next)->second > c.start) continue;
    // Zero-width spans never occur (the engine skips empty matches).
    taken.emplace(c.start, c.end);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

std::vector<Candidate> resolve_overlaps(std::vector<Candidate> candidates) {
  std::vector<Candidate> by_layer[2];
  for (auto& c : candidates) by_layer[layer_of(c.type)].push_back(std::move(c));
  std::vector<Candidate> out;
  for (auto& layer : by_layer) {
    for (auto& c : settle(drop_covered(std::move(layer)))) out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
    if (a.start != b.start) return a.start < b.start;
    return a.end < b.end;
  });
  return out;
}

}  // namespace vnie::detail
