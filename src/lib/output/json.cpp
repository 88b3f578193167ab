// The JSON form of results: docs/output-format.md is the contract.
#include "vnie/json.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <type_traits>
#include <variant>

#include "output/json_internal.h"

namespace vnie::detail {
namespace {

/// An empty object with room for `n` keys: ordered_json objects are vectors,
/// and growing them one key at a time dominates the cost of small objects.
ojson object(std::size_t n) {
  ojson j = ojson::object();
  j.get_ref<ojson::object_t&>().reserve(n);
  return j;
}

ojson array(std::size_t n) {
  ojson j = ojson::array();
  j.get_ref<ojson::array_t&>().reserve(n);
  return j;
}

template <typename T>
ojson optional_to_json(const std::optional<T>& v) {
  if (!v) return nullptr;
  return ojson(*v);
}

ojson optional_double_to_json(const std::optional<double>& v) {
  if (!v) return nullptr;
  return number_to_json(*v);
}

template <typename T>
ojson optional_value_to_json(const std::optional<T>& v) {
  if (!v) return nullptr;
  return to_json(*v);
}

}  // namespace

ojson number_to_json(double x) {
  if (!std::isfinite(x)) return nullptr;
  // [-2^63, 2^63): every integral double in it converts exactly to int64.
  constexpr double kLimit = 9223372036854775808.0;
  if (x >= -kLimit && x < kLimit && std::trunc(x) == x) {
    return static_cast<std::int64_t>(x);
  }
  return x;
}

ojson reference_date_to_json(const DateValue& d) {
  if (!d.year || !d.month || !d.day) return nullptr;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", *d.year, *d.month, *d.day);
  return std::string(buf);
}

ojson to_json(const DateValue& v) {
  ojson j = object(7);
  j["year"] = optional_to_json(v.year);
  j["month"] = optional_to_json(v.month);
  j["day"] = optional_to_json(v.day);
  if (v.hour) j["hour"] = *v.hour;
  if (v.minute) j["minute"] = *v.minute;
  if (v.part_of_day) j["part_of_day"] = to_string(*v.part_of_day);
  if (v.weekday) j["weekday"] = *v.weekday;
  return j;
}

ojson to_json(const DateRangeValue& v) {
  ojson j = object(2);
  j["from"] = to_json(v.from);
  j["to"] = to_json(v.to);
  return j;
}

ojson to_json(const TimeValue& v) {
  ojson j = object(2);
  j["hour"] = v.hour;
  j["minute"] = v.minute;
  return j;
}

ojson to_json(const NumberValue& v) {
  ojson j = object(3);
  j["value"] = number_to_json(v.value);
  j["unit"] = optional_to_json(v.unit);
  j["qualifier"] = to_string(v.qualifier);
  return j;
}

ojson to_json(const PercentValue& v) {
  ojson j = object(2);
  j["value"] = number_to_json(v.value);
  j["qualifier"] = to_string(v.qualifier);
  return j;
}

ojson to_json(const MoneyValue& v) {
  ojson j = object(6);
  j["amount"] = optional_double_to_json(v.amount);
  j["currency"] = v.currency;
  j["qualifier"] = to_string(v.qualifier);
  if (v.min) j["min"] = number_to_json(*v.min);
  if (v.max) j["max"] = number_to_json(*v.max);
  if (v.per_unit) j["per_unit"] = *v.per_unit;
  return j;
}

ojson to_json(const OrdinalValue& v) {
  ojson j = object(1);
  j["value"] = v.value;
  return j;
}

ojson to_json(const AwardValue& v) {
  ojson j = object(2);
  j["kind"] = v.kind;
  j["name"] = v.name;
  return j;
}

ojson to_json(const OrganizationValue& v) {
  ojson j = object(4);
  j["name"] = v.name;
  j["canonical"] = v.canonical;
  j["abbreviation"] = optional_to_json(v.abbreviation);
  j["kind"] = v.kind;
  return j;
}

ojson to_json(const PersonValue& v) {
  ojson j = object(2);
  j["name"] = v.name;
  j["titles"] = ojson::array();
  for (const auto& t : v.titles) j["titles"].push_back(t);
  return j;
}

ojson to_json(const Recipient& v) {
  ojson j = object(3);
  j["count"] = optional_to_json(v.count);
  j["kind"] = optional_to_json(v.kind);
  j["name"] = optional_to_json(v.name);
  return j;
}

ojson to_json(const Value& v) {
  return std::visit(
      [](const auto& alt) -> ojson {
        using T = std::decay_t<decltype(alt)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return nullptr;
        } else {
          return to_json(alt);
        }
      },
      v);
}

ojson to_json(const Mention& m) {
  ojson j = object(6);
  j["type"] = to_string(m.type);
  j["start"] = m.start;
  j["end"] = m.end;
  j["text"] = m.text;
  j["value"] = to_json(m.value);
  j["rule"] = m.rule;
  return j;
}

namespace {

void add_fields(ojson& j, const MeetingEvent& e) {
  j["kind"] = e.kind;
  j["organizer"] = optional_to_json(e.organizer);
  j["date"] = optional_value_to_json(e.date);
  j["date_range"] = optional_value_to_json(e.date_range);
  j["reviewed_period"] = optional_to_json(e.reviewed_period);
  j["plan_period"] = optional_to_json(e.plan_period);
  j["attendees"] = ojson::array();
  for (const auto& p : e.attendees) j["attendees"].push_back(to_json(p));
}

void add_fields(ojson& j, const AwardEvent& e) {
  j["award_kind"] = e.award_kind;
  j["award"] = e.award;
  j["issuer"] = optional_to_json(e.issuer);
  j["recipients"] = ojson::array();
  for (const auto& r : e.recipients) j["recipients"].push_back(to_json(r));
  j["date"] = optional_value_to_json(e.date);
}

void add_fields(ojson& j, const FundingEvent& e) {
  j["amount"] = to_json(e.amount);
  j["giver"] = optional_to_json(e.giver);
  j["purpose"] = optional_to_json(e.purpose);
  if (e.beneficiary_count || e.beneficiary_unit) {
    ojson b = object(2);
    b["count"] = optional_to_json(e.beneficiary_count);
    b["unit"] = optional_to_json(e.beneficiary_unit);
    j["beneficiaries"] = std::move(b);
  } else {
    j["beneficiaries"] = nullptr;
  }
}

}  // namespace

ojson to_json(const Event& e) {
  ojson j = object(12);
  j["type"] = to_string(e.type);
  j["start"] = e.start;
  j["end"] = e.end;
  std::visit([&j](const auto& alt) { add_fields(j, alt); }, e.value);
  return j;
}

ojson to_json(const Warning& w) {
  ojson j = object(4);
  j["code"] = to_string(w.code);
  j["message"] = w.message;
  j["byte_offset"] = w.byte_offset;
  j["length"] = w.length;
  return j;
}

ojson to_json(const Document& doc) {
  ojson j = object(5);
  j["id"] = doc.id;
  j["reference_date"] =
      doc.reference_date ? reference_date_to_json(*doc.reference_date) : ojson(nullptr);
  ojson mentions = array(doc.mentions.size());
  for (const auto& m : doc.mentions) mentions.push_back(to_json(m));
  j["mentions"] = std::move(mentions);
  ojson events = array(doc.events.size());
  for (const auto& e : doc.events) events.push_back(to_json(e));
  j["events"] = std::move(events);
  ojson warnings = array(doc.warnings.size());
  for (const auto& w : doc.warnings) warnings.push_back(to_json(w));
  j["warnings"] = std::move(warnings);
  if (doc.warnings_truncated > 0) j["warnings_truncated"] = doc.warnings_truncated;
  if (!doc.encoding.empty()) j["encoding"] = doc.encoding;
  return j;
}

std::string dump(const ojson& j, int indent) {
  return j.dump(indent, ' ', /*ensure_ascii=*/false, ojson::error_handler_t::replace);
}

}  // namespace vnie::detail

namespace vnie {

std::string to_json_line(const Document& doc) { return detail::dump(detail::to_json(doc)); }

std::string to_json_pretty(const Document& doc, int indent) {
  return detail::dump(detail::to_json(doc), indent < 0 ? 0 : indent);
}

}  // namespace vnie
