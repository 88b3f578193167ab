// The JSON form of results: docs/output-format.md is the contract.
#include "vnie/json.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <concepts>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "normalize/utf8.h"
#include "output/json_internal.h"

namespace vnie::detail {
namespace {

void append_escape(std::string* out, unsigned char c) {
  switch (c) {
    case '"': *out += "\\\""; return;
    case '\\': *out += "\\\\"; return;
    case '\b': *out += "\\b"; return;
    case '\t': *out += "\\t"; return;
    case '\n': *out += "\\n"; return;
    case '\f': *out += "\\f"; return;
    case '\r': *out += "\\r"; return;
    default: {
      static constexpr char kHex[] = "0123456789abcdef";
      const char esc[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
      out->append(esc, sizeof esc);
    }
  }
}

template <std::integral T>
void append_integer(std::string* out, T v) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out->append(buf, static_cast<std::size_t>(r.ptr - buf));
}

}  // namespace

void append_json_string(std::string* out, std::string_view s) {
  const std::size_t start = out->size();
  out->reserve(start + s.size() + 2);
  *out += '"';
  std::size_t copied = 0;  // s[copied, i) is still to be appended
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      const auto* p = reinterpret_cast<const unsigned char*>(s.data());
      char32_t cp = 0;
      const int n = norm::decode_utf8(p + i, p + s.size(), cp);  // Unicode table 3-7
      if (n < 0) {
        // Rare: leave the replacement of invalid UTF-8 (how many U+FFFD, which
        // bytes are read again) to the serializer this output must match.
        out->resize(start);
        *out += nlohmann::json(std::string(s)).dump(-1, ' ', false,
                                                    nlohmann::json::error_handler_t::replace);
        return;
      }
      i += static_cast<std::size_t>(n);
    } else if (c < 0x20 || c == '"' || c == '\\') {
      out->append(s.data() + copied, i - copied);
      append_escape(out, c);
      copied = ++i;
    } else {
      ++i;
    }
  }
  out->append(s.data() + copied, s.size() - copied);
  *out += '"';
}

void append_json_number(std::string* out, double x) {
  if (!std::isfinite(x)) {
    *out += "null";
    return;
  }
  // [-2^63, 2^63): every integral double in it converts exactly to int64.
  constexpr double kLimit = 9223372036854775808.0;
  if (x >= -kLimit && x < kLimit && std::trunc(x) == x) {
    append_integer(out, static_cast<std::int64_t>(x));
    return;
  }
  char buf[64];  // nlohmann's own number buffer size; to_chars needs <= 25
  const char* end = nlohmann::detail::to_chars(buf, buf + sizeof buf, x);
  out->append(buf, static_cast<std::size_t>(end - buf));
}

// ------------------------------------------------------------------ writer

void JsonWriter::key(std::string_view name) {
  after_key_ = true;
  const bool first = out_->back() == '{';
  char buf[64];  // the one-line form in one append: ,"name":
  if (indent_ < 0 && name.size() + 4 <= sizeof buf) {
    char* p = buf;
    if (!first) *p++ = ',';
    *p++ = '"';
    p = std::copy(name.begin(), name.end(), p);
    *p++ = '"';
    *p++ = ':';
    out_->append(buf, static_cast<std::size_t>(p - buf));
    return;
  }
  if (!first) *out_ += ',';
  new_line();
  *out_ += '"';
  *out_ += name;
  *out_ += indent_ >= 0 ? "\": " : "\":";
}

void JsonWriter::integer(std::int64_t v) {
  value_prefix();
  append_integer(out_, v);
}

void JsonWriter::unsigned_integer(std::uint64_t v) {
  value_prefix();
  append_integer(out_, v);
}

void JsonWriter::open(char c) {
  value_prefix();
  *out_ += c;
  ++depth_;
}

void JsonWriter::close(char c, char open) {
  --depth_;
  if (out_->back() != open) new_line();  // an empty {} or [] stays on its line
  *out_ += c;
}

void JsonWriter::value_prefix() {
  if (after_key_) {
    after_key_ = false;
  } else if (depth_ > 0) {  // an array element
    if (out_->back() != '[') *out_ += ',';
    new_line();
  }
}

void JsonWriter::new_line() {
  if (indent_ < 0) return;
  *out_ += '\n';
  out_->append(static_cast<std::size_t>(depth_) * static_cast<std::size_t>(indent_), ' ');
}

// ------------------------------------------------------------- the fields
//
// put(w, v) writes one value; field(w, key, v) a key and its value. The key
// names and their order below are the format's (docs/output-format.md).

namespace {

void put(JsonWriter& w, std::string_view s) { w.string(s); }
void put(JsonWriter& w, double x) { w.number(x); }
// Exactly bool: a plain overload would also take every `const char*`.
template <class B>
  requires std::is_same_v<B, bool>
void put(JsonWriter& w, B b) {
  w.boolean(b);
}
template <std::integral T>
  requires(!std::is_same_v<T, bool>)
void put(JsonWriter& w, T v) {
  if constexpr (std::is_signed_v<T>) {
    w.integer(v);
  } else {
    w.unsigned_integer(v);
  }
}
void put(JsonWriter& w, const DateValue& v);
void put(JsonWriter& w, const DateRangeValue& v);
void put(JsonWriter& w, const TimeValue& v);
void put(JsonWriter& w, const NumberValue& v);
void put(JsonWriter& w, const PercentValue& v);
void put(JsonWriter& w, const MoneyValue& v);
void put(JsonWriter& w, const OrdinalValue& v);
void put(JsonWriter& w, const AwardValue& v);
void put(JsonWriter& w, const OrganizationValue& v);
void put(JsonWriter& w, const PersonValue& v);
void put(JsonWriter& w, const Recipient& v);
void put(JsonWriter& w, const Value& v);
void put(JsonWriter& w, const Mention& m);
void put(JsonWriter& w, const Event& e);
void put(JsonWriter& w, const Warning& v);

/// null when absent.
template <typename T>
void put(JsonWriter& w, const std::optional<T>& v) {
  if (v) {
    put(w, *v);
  } else {
    w.null();
  }
}

template <typename T>
void put(JsonWriter& w, const std::vector<T>& v) {
  w.begin_array();
  for (const auto& x : v) put(w, x);
  w.end_array();
}

template <typename T>
void field(JsonWriter& w, std::string_view key, const T& v) {
  w.key(key);
  put(w, v);
}

/// "YYYY-MM-DD" when year, month and day are all known; null otherwise.
void put_reference_date(JsonWriter& w, const DateValue& d) {
  if (!d.year || !d.month || !d.day) {
    w.null();
    return;
  }
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", *d.year, *d.month, *d.day);
  w.string(buf);
}

void put(JsonWriter& w, const DateValue& v) {
  w.begin_object();
  field(w, "year", v.year);
  field(w, "month", v.month);
  field(w, "day", v.day);
  if (v.hour) field(w, "hour", *v.hour);
  if (v.minute) field(w, "minute", *v.minute);
  if (v.part_of_day) field(w, "part_of_day", to_string(*v.part_of_day));
  if (v.weekday) field(w, "weekday", *v.weekday);
  if (v.year_inferred) field(w, "year_inferred", true);
  w.end_object();
}

void put(JsonWriter& w, const DateRangeValue& v) {
  w.begin_object();
  field(w, "from", v.from);
  field(w, "to", v.to);
  w.end_object();
}

void put(JsonWriter& w, const TimeValue& v) {
  w.begin_object();
  field(w, "hour", v.hour);
  field(w, "minute", v.minute);
  w.end_object();
}

void put(JsonWriter& w, const NumberValue& v) {
  w.begin_object();
  field(w, "value", v.value);
  field(w, "unit", v.unit);
  field(w, "qualifier", to_string(v.qualifier));
  w.end_object();
}

void put(JsonWriter& w, const PercentValue& v) {
  w.begin_object();
  field(w, "value", v.value);
  field(w, "qualifier", to_string(v.qualifier));
  w.end_object();
}

void put(JsonWriter& w, const MoneyValue& v) {
  w.begin_object();
  field(w, "amount", v.amount);
  field(w, "currency", v.currency);
  field(w, "qualifier", to_string(v.qualifier));
  if (v.min) field(w, "min", *v.min);
  if (v.max) field(w, "max", *v.max);
  if (v.per_unit) field(w, "per_unit", *v.per_unit);
  w.end_object();
}

void put(JsonWriter& w, const OrdinalValue& v) {
  w.begin_object();
  field(w, "value", v.value);
  w.end_object();
}

void put(JsonWriter& w, const AwardValue& v) {
  w.begin_object();
  field(w, "kind", v.kind);
  field(w, "name", v.name);
  w.end_object();
}

void put(JsonWriter& w, const OrganizationValue& v) {
  w.begin_object();
  field(w, "name", v.name);
  field(w, "canonical", v.canonical);
  field(w, "abbreviation", v.abbreviation);
  field(w, "kind", v.kind);
  w.end_object();
}

void put(JsonWriter& w, const PersonValue& v) {
  w.begin_object();
  field(w, "name", v.name);
  field(w, "titles", v.titles);
  w.end_object();
}

void put(JsonWriter& w, const Recipient& v) {
  w.begin_object();
  field(w, "count", v.count);
  field(w, "kind", v.kind);
  field(w, "name", v.name);
  w.end_object();
}

/// The `value` object of a mention: the alternative held; null for monostate.
void put(JsonWriter& w, const Value& v) {
  std::visit(
      [&w](const auto& alt) {
        if constexpr (std::is_same_v<std::decay_t<decltype(alt)>, std::monostate>) {
          w.null();
        } else {
          put(w, alt);
        }
      },
      v);
}

void put(JsonWriter& w, const Mention& m) {
  w.begin_object();
  field(w, "type", to_string(m.type));
  field(w, "start", m.start);
  field(w, "end", m.end);
  field(w, "text", m.text);
  field(w, "value", m.value);
  field(w, "rule", m.rule);
  w.end_object();
}

void put_fields(JsonWriter& w, const MeetingEvent& e) {
  field(w, "kind", e.kind);
  field(w, "organizer", e.organizer);
  field(w, "date", e.date);
  field(w, "date_range", e.date_range);
  field(w, "reviewed_period", e.reviewed_period);
  field(w, "plan_period", e.plan_period);
  field(w, "attendees", e.attendees);
}

void put_fields(JsonWriter& w, const AwardEvent& e) {
  field(w, "award_kind", e.award_kind);
  field(w, "award", e.award);
  field(w, "issuer", e.issuer);
  field(w, "recipients", e.recipients);
  field(w, "date", e.date);
}

void put_fields(JsonWriter& w, const FundingEvent& e) {
  field(w, "amount", e.amount);
  field(w, "giver", e.giver);
  field(w, "purpose", e.purpose);
  w.key("beneficiaries");
  if (e.beneficiary_count || e.beneficiary_unit) {
    w.begin_object();
    field(w, "count", e.beneficiary_count);
    field(w, "unit", e.beneficiary_unit);
    w.end_object();
  } else {
    w.null();
  }
}

void put(JsonWriter& w, const Event& e) {
  w.begin_object();
  field(w, "type", to_string(e.type));
  field(w, "start", e.start);
  field(w, "end", e.end);
  std::visit([&w](const auto& alt) { put_fields(w, alt); }, e.value);
  w.end_object();
}

void put(JsonWriter& w, const Warning& v) {
  w.begin_object();
  field(w, "code", to_string(v.code));
  field(w, "message", v.message);
  field(w, "byte_offset", v.byte_offset);
  field(w, "length", v.length);
  w.end_object();
}

}  // namespace

void write_json(JsonWriter& w, const Document& doc) {
  w.begin_object();
  field(w, "id", doc.id);
  w.key("reference_date");
  if (doc.reference_date) {
    put_reference_date(w, *doc.reference_date);
  } else {
    w.null();
  }
  field(w, "mentions", doc.mentions);
  field(w, "events", doc.events);
  field(w, "warnings", doc.warnings);
  if (doc.warnings_truncated > 0) field(w, "warnings_truncated", doc.warnings_truncated);
  if (!doc.encoding.empty()) field(w, "encoding", doc.encoding);
  w.end_object();
}

}  // namespace vnie::detail

namespace vnie {

std::string to_json_line(const Document& doc) {
  std::string out;
  // About what a line takes, to spare most of the string's regrowth.
  out.reserve(128 + 192 * (doc.mentions.size() + doc.events.size()) + 128 * doc.warnings.size());
  detail::JsonWriter w(&out);
  detail::write_json(w, doc);
  return out;
}

std::string to_json_pretty(const Document& doc, int indent) {
  std::string out;
  detail::JsonWriter w(&out, indent < 0 ? 0 : indent);
  detail::write_json(w, doc);
  return out;
}

}  // namespace vnie
