// Stable names of the enums of vnie/document.h, as used in JSON.
#include <array>
#include <string_view>

#include "vnie/document.h"

namespace vnie {
namespace {

constexpr std::array<const char*, 10> kMentionNames = {
    "date", "date_range", "time", "number", "percent",
    "money", "ordinal", "award", "organization", "person"};
constexpr std::array<const char*, 7> kQualifierNames = {
    "exact", "approx", "nearly", "over", "under", "at_least", "at_most"};

template <typename Enum, std::size_t N>
bool parse_name(const std::array<const char*, N>& names, std::string_view name, Enum& out) {
  for (std::size_t i = 0; i < N; ++i) {
    if (name == names[i]) {
      out = static_cast<Enum>(i);
      return true;
    }
  }
  return false;
}

}  // namespace

const char* to_string(MentionType t) noexcept {
  return kMentionNames[static_cast<std::size_t>(t)];
}

const char* to_string(Qualifier q) noexcept {
  return kQualifierNames[static_cast<std::size_t>(q)];
}

const char* to_string(PartOfDay p) noexcept {
  switch (p) {
    case PartOfDay::morning: return "morning";
    case PartOfDay::noon: return "noon";
    case PartOfDay::afternoon: return "afternoon";
    case PartOfDay::evening: return "evening";
    case PartOfDay::night: return "night";
  }
  return "unknown";
}

const char* to_string(EventType t) noexcept {
  switch (t) {
    case EventType::meeting: return "meeting";
    case EventType::award: return "award";
    case EventType::funding: return "funding";
  }
  return "unknown";
}

bool parse_mention_type(std::string_view name, MentionType& out) noexcept {
  return parse_name(kMentionNames, name, out);
}

bool parse_qualifier(std::string_view name, Qualifier& out) noexcept {
  return parse_name(kQualifierNames, name, out);
}

}  // namespace vnie
