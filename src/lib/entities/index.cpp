#include "entities/index.h"

#include <mutex>
#include <vector>

#include "text/unicode.h"

namespace vnie::detail::entities {
namespace {

/// What identifies the lists an index was built from.
struct Fingerprint {
  const Lexicon* lexicon = nullptr;
  std::size_t sizes[8] = {};
  const void* data[8] = {};
  bool operator==(const Fingerprint&) const = default;
};

const char* const kLists[] = {"org_heads",    "org_heads_cap", "org_named_heads", "org_fields",
                              "org_types",    "provinces",     "org_bridge_stops",
                              "org_abbreviations"};

Fingerprint fingerprint(const Lexicon& lx) {
  Fingerprint f;
  f.lexicon = &lx;
  for (std::size_t i = 0; i < 8; ++i) {
    const auto& es = lx.entries(kLists[i]);
    f.sizes[i] = es.size();
    f.data[i] = es.data();
  }
  return f;
}

}  // namespace

std::string index_key(std::string_view s) { return to_lower(collapse_spaces(s)); }

void ListIndex::add(const Lexicon& lx, const LexEntry& e) {
  IndexEntry ie;
  ie.canonical = e.canonical;
  ie.kind = std::string(e.attr("kind"));
  ie.needs_tail = e.attr("needs") == "tail";
  ie.needs_tail_lower = e.attr("needs") == "tail_lower";
  ie.bare_lower = e.attr("bare") == "lower";
  ie.lower_ok = e.attr("lower") == "1";
  ie.tail_strict = e.attr("tail") == "strict";
  ie.keep_written = e.attr("keep") == "written";
  ie.kind_alone = std::string(e.attr("kind_alone"));
  ie.inherit = e.attr("inherit") == "1";
  ie.generic = e.attr("generic") == "1";
  for (const auto& form : e.forms) {
    std::string key = lx.exact_key(form);
    max_words_ = std::max(max_words_, count_words(key));
    map_.emplace(std::move(key), ie);
  }
}

std::shared_ptr<const EntityIndex> entity_index(const Lexicon& lx) {
  static std::mutex mu;
  static std::vector<std::pair<Fingerprint, std::shared_ptr<const EntityIndex>>> cache;
  thread_local Fingerprint last_fp;
  thread_local std::shared_ptr<const EntityIndex> last;
  Fingerprint fp = fingerprint(lx);
  if (last && last_fp == fp) return last;
  std::lock_guard<std::mutex> lock(mu);
  for (const auto& [f, idx] : cache) {
    if (f == fp) {
      last_fp = fp;
      last = idx;
      return idx;
    }
  }
  auto idx = std::make_shared<EntityIndex>();
  for (const auto& e : lx.entries("org_heads")) idx->heads.add(lx, e);
  for (const auto& e : lx.entries("org_heads_cap")) idx->heads.add(lx, e);
  for (const auto& e : lx.entries("org_named_heads")) idx->named.add(lx, e);
  for (const auto& e : lx.entries("org_fields")) idx->fields.add(lx, e);
  for (const auto& e : lx.entries("org_types")) idx->types.add(lx, e);
  for (const auto& e : lx.entries("provinces")) idx->provinces.add(lx, e);
  for (const auto& e : lx.entries("org_bridge_stops")) idx->bridge_stops.add(lx, e);
  for (const auto& e : lx.entries("org_abbreviations")) idx->abbreviations.add(lx, e);
  if (cache.size() >= 16) cache.erase(cache.begin());
  cache.emplace_back(fp, idx);
  last_fp = fp;
  last = idx;
  return idx;
}

}  // namespace vnie::detail::entities
