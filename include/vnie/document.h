// vnie/document.h — the result model: mentions, typed values, events.
//
// Every mention and event carries `start`/`end`: UTF-8 byte offsets
// [start, end) into the caller's ORIGINAL input, so that
// `input.substr(start, end - start) == text`. The JSON form of these types is
// specified in docs/output-format.md and produced by vnie/json.h.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "vnie/export.h"
#include "vnie/status.h"

namespace vnie {

// ---------------------------------------------------------------- values

/// How a figure relates to the true quantity, from the words before it.
enum class Qualifier {
  exact,     ///< no qualifying word
  approx,    ///< khoảng, xấp xỉ, tầm, chừng
  nearly,    ///< gần
  over,      ///< hơn, trên
  under,     ///< dưới
  at_least,  ///< ít nhất, tối thiểu, từ … trở lên
  at_most,   ///< tối đa, không quá
};

enum class PartOfDay { morning, noon, afternoon, evening, night };

/// A calendar date, possibly partial, possibly with a time of day.
/// Unknown fields are empty; `year` is empty when nothing gives it.
struct DateValue {
  std::optional<int> year, month, day;
  std::optional<int> hour, minute;
  std::optional<PartOfDay> part_of_day;
  std::optional<int> weekday;  ///< 1 = Monday … 7 = Sunday
  /// True when `year` was not written with the date nor given by a reference
  /// date or dated header, but inferred from the article: its reviewed or
  /// planned period ("tổng kết năm 2020" → "Chiều 23/12" is 2020-12-23,
  /// "Sáng 9/1" 2024-01-09 in a "tổng kết năm 2023" article) or one full
  /// date written in the same sentence (docs/values.md, "Inferred years").
  bool year_inferred = false;
  bool operator==(const DateValue&) const = default;
};

/// An inclusive range of dates.
struct DateRangeValue {
  DateValue from, to;
  bool operator==(const DateRangeValue&) const = default;
};

/// A clock time not attached to a date.
struct TimeValue {
  int hour = 0, minute = 0;
  bool operator==(const TimeValue&) const = default;
};

/// A number, with the noun it counts when one follows ("542 người").
struct NumberValue {
  double value = 0;
  std::optional<std::string> unit;  ///< the counted noun as written, NFC
  Qualifier qualifier = Qualifier::exact;
  bool operator==(const NumberValue&) const = default;
};

struct PercentValue {
  double value = 0;  ///< 53.5 for "53,5%"
  Qualifier qualifier = Qualifier::exact;
  bool operator==(const PercentValue&) const = default;
};

/// An amount of money. `amount` is in currency units (đồng for VND); a range
/// ("từ 2 đến 3 triệu đồng") has `min`/`max` and no `amount`.
struct MoneyValue {
  std::optional<double> amount;
  std::string currency = "VND";  ///< ISO 4217 code, or "$" for an unspecified dollar
  Qualifier qualifier = Qualifier::exact;
  std::optional<double> min, max;
  std::optional<std::string> per_unit;  ///< "suất" for "2,5 triệu đồng/suất"
  bool operator==(const MoneyValue&) const = default;
};

struct OrdinalValue {
  std::int64_t value = 0;
  bool operator==(const OrdinalValue&) const = default;
};

/// A form of commendation. `kind` is one of the award kinds of
/// docs/output-format.md (huan_chuong, bang_khen, …); `name` is as written, NFC.
struct AwardValue {
  std::string kind, name;
  bool operator==(const AwardValue&) const = default;
};

/// An organization name. `kind` is one of trade_union, party, state,
/// mass_organization, enterprise, education, health, other.
struct OrganizationValue {
  std::string name;       ///< as written, NFC
  std::string canonical;  ///< full name, abbreviations expanded
  std::optional<std::string> abbreviation;
  std::string kind;
  bool operator==(const OrganizationValue&) const = default;
};

struct PersonValue {
  std::string name;
  std::vector<std::string> titles;
  bool operator==(const PersonValue&) const = default;
};

using Value = std::variant<std::monostate, DateValue, DateRangeValue, TimeValue, NumberValue,
                           PercentValue, MoneyValue, OrdinalValue, AwardValue,
                           OrganizationValue, PersonValue>;

// -------------------------------------------------------------- mentions

enum class MentionType {
  date, date_range, time, number, percent, money, ordinal, award, organization, person,
};

/// One extracted expression.
struct Mention {
  MentionType type = MentionType::number;
  std::size_t start = 0, end = 0;  ///< byte offsets into the original input
  std::string text;                ///< original input bytes [start, end)
  Value value;                     ///< the alternative matching `type`
  std::string rule;                ///< id of the rule that produced it
};

// ---------------------------------------------------------------- events

struct Recipient {
  std::optional<int> count;   ///< "03 tập thể" → 3; "nhiều tập thể" → empty
  std::optional<std::string> kind;  ///< "collective" | "individual"
  std::optional<std::string> name;  ///< a named recipient, canonical when an organization
  bool operator==(const Recipient&) const = default;
};

struct MeetingEvent {
  std::string kind;  ///< tong_ket, so_ket, giao_ban, dai_hoi, tap_huan, ky_niem, hoi_nghi
  std::optional<std::string> organizer;  ///< canonical organization name
  std::optional<DateValue> date;
  std::optional<DateRangeValue> date_range;
  std::optional<std::string> reviewed_period, plan_period;
  std::vector<PersonValue> attendees;
};

struct AwardEvent {
  std::string award_kind, award;
  std::optional<std::string> issuer;  ///< canonical organization or office
  std::vector<Recipient> recipients;
  std::optional<DateValue> date;
};

struct FundingEvent {
  MoneyValue amount;
  std::optional<std::string> giver, purpose;
  std::optional<int> beneficiary_count;
  std::optional<std::string> beneficiary_unit;
};

enum class EventType { meeting, award, funding };

struct Event {
  EventType type = EventType::meeting;
  std::size_t start = 0, end = 0;  ///< evidence span, original byte offsets
  std::variant<MeetingEvent, AwardEvent, FundingEvent> value;
};

// -------------------------------------------------------------- document

/// The most warnings a Document keeps (Document::warnings_truncated counts the rest).
inline constexpr std::size_t kMaxWarnings = 100;

/// The result of extracting one document.
struct Document {
  std::string id;
  std::optional<DateValue> reference_date;  ///< year, month, day set when known
  std::vector<Mention> mentions;            ///< sorted by start, then end
  std::vector<Event> events;                ///< sorted by start
  /// In input order; at most kMaxWarnings: the first ones.
  std::vector<Warning> warnings;
  /// Warnings left out beyond the first kMaxWarnings (0 when none was).
  std::size_t warnings_truncated = 0;
  /// The encoding the input was decoded from ("cp1258", "tcvn3", "vni",
  /// "viqr", "utf-8": the one chosen by auto-detection) when the document went
  /// through extract_encoded() (vnie/encoding.h); empty for extract().
  std::string encoding;
};

/// Stable names used in JSON ("date_range", "over", "afternoon", "award", …).
VNIE_API const char* to_string(MentionType t) noexcept;
VNIE_API const char* to_string(Qualifier q) noexcept;
VNIE_API const char* to_string(PartOfDay p) noexcept;
VNIE_API const char* to_string(EventType t) noexcept;
/// Parses a mention type name; false when unknown.
VNIE_API bool parse_mention_type(std::string_view name, MentionType& out) noexcept;
/// Parses a qualifier name; false when unknown.
VNIE_API bool parse_qualifier(std::string_view name, Qualifier& out) noexcept;

}  // namespace vnie
