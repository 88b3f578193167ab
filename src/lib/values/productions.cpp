// Value productions: numbers (more to come: money, percent, dates, …).
#include <charconv>
#include <cmath>
#include <string>

#include "extract/hooks.h"
#include "extract/production.h"

namespace vnie::detail {
namespace {

/// "4.609" → 4609, "13,5" → 13.5, "62.000.000" → 62000000, "01" → 1.
bool parse_vi_number(std::string_view s, double* out) {
  std::string plain;
  for (char c : s) {
    if (c == '.') continue;  // thousands separator
    plain += c == ',' ? '.' : c;
  }
  if (plain.empty()) return false;
  auto [p, ec] = std::from_chars(plain.data(), plain.data() + plain.size(), *out);
  return ec == std::errc() && p == plain.data() + plain.size() && std::isfinite(*out);
}

bool number(const Match& m, Value* out) {
  auto num = m.get("num");
  if (!num) return false;
  NumberValue v;
  if (!parse_vi_number(*num, &v.value)) return false;
  if (auto unit = m.normalized("unit")) v.unit = std::string(*unit);
  *out = v;
  return true;
}

bool percent(const Match& m, Value* out) {
  auto num = m.get("num");
  if (!num) return false;
  PercentValue v;
  if (!parse_vi_number(*num, &v.value)) return false;
  *out = v;
  return true;
}

}  // namespace

void register_value_productions(ProductionRegistry& r) {
  r.add("number", number);
  r.add("percent", percent);
}

std::optional<DateValue> find_reference_date(const NormalizedText&) { return std::nullopt; }

}  // namespace vnie::detail
