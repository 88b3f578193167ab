// JSON building blocks behind vnie/json.h (docs/output-format.md).
//
// Internal to the library (and its tests): the public API is to_json_line()
// and to_json_pretty(). Every object is an nlohmann::ordered_json so that keys
// come out in the documented order.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "vnie/document.h"

namespace vnie::detail {

using ojson = nlohmann::ordered_json;

/// A double as JSON: an integer when it is integral and fits in int64
/// (4609, not 4609.0), a decimal otherwise (13.5); null when not finite.
ojson number_to_json(double x);

/// "YYYY-MM-DD" when year, month and day are all known; null otherwise.
ojson reference_date_to_json(const DateValue& d);

ojson to_json(const DateValue& v);
ojson to_json(const DateRangeValue& v);
ojson to_json(const TimeValue& v);
ojson to_json(const NumberValue& v);
ojson to_json(const PercentValue& v);
ojson to_json(const MoneyValue& v);
ojson to_json(const OrdinalValue& v);
ojson to_json(const AwardValue& v);
ojson to_json(const OrganizationValue& v);
ojson to_json(const PersonValue& v);
ojson to_json(const Recipient& v);
/// The `value` object of a mention: the alternative held; null for monostate.
ojson to_json(const Value& v);

ojson to_json(const Mention& m);
ojson to_json(const Event& e);
ojson to_json(const Warning& w);
ojson to_json(const Document& doc);

/// Serializes without ever throwing on invalid UTF-8: invalid bytes become
/// U+FFFD (nlohmann::json::error_handler_t::replace). indent < 0: one line.
std::string dump(const ojson& j, int indent = -1);

}  // namespace vnie::detail
