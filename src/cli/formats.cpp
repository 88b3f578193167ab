// The output formats of `vnie extract` but CSV (format_csv.cpp): JSON
// Lines, one pretty-printed JSON array, and the table view.
#include "formats.h"

#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <variant>

#include <nlohmann/json.hpp>

#include "common.h"
#include "vnie/json.h"

namespace vnie_cli {

using ojson = nlohmann::ordered_json;

std::string number_text(double x) {
  if (!std::isfinite(x)) return "";
  if (x >= -9.2e18 && x <= 9.2e18 && std::trunc(x) == x) {
    return std::to_string(static_cast<std::int64_t>(x));
  }
  return ojson(x).dump();  // shortest form that reads back the same
}

std::string span_utf8(std::string_view text, std::size_t start, std::size_t end,
                      vnie::Encoding encoding) {
  if (start > end || end > text.size()) return {};
  const std::string_view bytes = text.substr(start, end - start);
  if (encoding == vnie::Encoding::utf8 || encoding == vnie::Encoding::auto_detect) {
    return std::string(bytes);
  }
  vnie::Decoded d;  // spans lie on character boundaries: the span decodes alone
  if (!vnie::decode(bytes, encoding, &d).ok()) return {};
  return d.text;
}

std::string iso_date(const vnie::DateValue& d) {
  // ISO 8601 forms: 2020-12-23, 2020-12, 2020, --12-23 (no year), ---23
  // (day only); a time of day as T08:30. A year and a day without a month
  // give the year only.
  char buf[64];
  std::string s;
  if (d.year) {
    std::snprintf(buf, sizeof buf, "%04d", *d.year);
    s = buf;
    if (d.month) {
      std::snprintf(buf, sizeof buf, "-%02d", *d.month);
      s += buf;
      if (d.day) {
        std::snprintf(buf, sizeof buf, "-%02d", *d.day);
        s += buf;
      }
    }
  } else if (d.month) {
    std::snprintf(buf, sizeof buf, "--%02d", *d.month);
    s = buf;
    if (d.day) {
      std::snprintf(buf, sizeof buf, "-%02d", *d.day);
      s += buf;
    }
  } else if (d.day) {
    std::snprintf(buf, sizeof buf, "---%02d", *d.day);
    s = buf;
  }
  if (d.hour) {
    std::snprintf(buf, sizeof buf, "T%02d:%02d", *d.hour, d.minute.value_or(0));
    s += buf;
  }
  return s;
}

namespace {

// ------------------------------------------------------------- table view

std::string two(int v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

std::string qualified(vnie::Qualifier q, const std::string& s) {
  if (q == vnie::Qualifier::exact) return s;
  return std::string(vnie::to_string(q)) + " " + s;
}

std::string date_text(const vnie::DateValue& d) {
  static const char* const kWeekdays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  char year[16] = "????";
  if (d.year) std::snprintf(year, sizeof year, "%04d", *d.year);
  std::string s = std::string(year) + "-" + (d.month ? two(*d.month) : "??") + "-" +
                  (d.day ? two(*d.day) : "??");
  if (d.hour) s += " " + two(*d.hour) + ":" + two(d.minute.value_or(0));
  if (d.part_of_day) s += std::string(" ") + vnie::to_string(*d.part_of_day);
  if (d.weekday) {
    int w = *d.weekday;
    if (w >= 1 && w <= 7) {
      s += std::string(" ") + kWeekdays[w - 1];
    } else {
      s += " weekday " + std::to_string(w);
    }
  }
  if (d.year_inferred) s += " (year inferred)";
  return s;
}

std::string person_text(const vnie::PersonValue& p) {
  std::string s = p.name;
  if (!p.titles.empty()) {
    s += " (";
    for (std::size_t i = 0; i < p.titles.size(); ++i) s += (i ? ", " : "") + p.titles[i];
    s += ")";
  }
  return s;
}

std::string money_text(const vnie::MoneyValue& m) {
  std::string s;
  if (m.amount) {
    s = number_text(*m.amount);
  } else if (m.min || m.max) {
    s = (m.min ? number_text(*m.min) : "?") + ".." + (m.max ? number_text(*m.max) : "?");
  } else {
    s = "?";
  }
  s += " " + m.currency;
  if (m.per_unit) s += "/" + *m.per_unit;
  return qualified(m.qualifier, s);
}

struct ValueText {
  std::string operator()(std::monostate) const { return "-"; }
  std::string operator()(const vnie::DateValue& v) const { return date_text(v); }
  std::string operator()(const vnie::DateRangeValue& v) const {
    return date_text(v.from) + " .. " + date_text(v.to);
  }
  std::string operator()(const vnie::TimeValue& v) const { return two(v.hour) + ":" + two(v.minute); }
  std::string operator()(const vnie::NumberValue& v) const {
    return qualified(v.qualifier, number_text(v.value) + (v.unit ? " " + *v.unit : ""));
  }
  std::string operator()(const vnie::PercentValue& v) const {
    return qualified(v.qualifier, number_text(v.value) + "%");
  }
  std::string operator()(const vnie::MoneyValue& v) const { return money_text(v); }
  std::string operator()(const vnie::OrdinalValue& v) const { return "#" + std::to_string(v.value); }
  std::string operator()(const vnie::AwardValue& v) const { return v.kind + ": " + v.name; }
  std::string operator()(const vnie::OrganizationValue& v) const {
    std::string s = v.canonical.empty() ? v.name : v.canonical;
    if (v.abbreviation) s += " (" + *v.abbreviation + ")";
    return s + " [" + v.kind + "]";
  }
  std::string operator()(const vnie::PersonValue& v) const { return person_text(v); }
};

void add_field(std::string* s, const char* key, const std::optional<std::string>& v) {
  if (v) *s += std::string(s->empty() ? "" : " ") + key + "=" + *v;
}

struct EventText {
  std::string operator()(const vnie::MeetingEvent& e) const {
    std::string s = "kind=" + e.kind;
    add_field(&s, "organizer", e.organizer);
    if (e.date) s += " date=" + date_text(*e.date);
    if (e.date_range) s += " dates=" + date_text(e.date_range->from) + ".." + date_text(e.date_range->to);
    add_field(&s, "reviewed", e.reviewed_period);
    add_field(&s, "plan", e.plan_period);
    for (const auto& p : e.attendees) s += " attendee=" + person_text(p);
    return s;
  }
  std::string operator()(const vnie::AwardEvent& e) const {
    std::string s = "award=" + e.award_kind + ": " + e.award;
    add_field(&s, "issuer", e.issuer);
    for (const auto& r : e.recipients) {
      s += " recipient=";
      if (r.count) s += std::to_string(*r.count) + " ";
      if (r.kind) s += *r.kind + " ";
      if (r.name) s += *r.name;
      if (s.back() == ' ') s.pop_back();
    }
    if (e.date) s += " date=" + date_text(*e.date);
    return s;
  }
  std::string operator()(const vnie::FundingEvent& e) const {
    std::string s = "amount=" + money_text(e.amount);
    add_field(&s, "giver", e.giver);
    add_field(&s, "purpose", e.purpose);
    if (e.beneficiary_count || e.beneficiary_unit) {
      s += " beneficiaries=";
      if (e.beneficiary_count) s += std::to_string(*e.beneficiary_count);
      if (e.beneficiary_count && e.beneficiary_unit) s += " ";
      if (e.beneficiary_unit) s += *e.beneficiary_unit;
    }
    return s;
  }
};

constexpr std::size_t kTextColumns = 40;

std::string span_text(std::size_t start, std::size_t end) {
  return std::to_string(start) + "-" + std::to_string(end);
}


// ------------------------------------------------------------------ formats

std::string error_object(const ErrorRecord& e, int indent) {
  ojson err = ojson::object();
  err["code"] = e.code;
  err["message"] = e.message;
  err["input"] = e.input;
  ojson j = ojson::object();
  j["id"] = e.id;
  j["error"] = std::move(err);
  return j.dump(indent, ' ', false, ojson::error_handler_t::replace);
}

class JsonlFormatter : public Formatter {
 public:
  std::string document(const vnie::Document& doc, std::string_view,
                       vnie::Encoding) const override {
    std::string line = vnie::to_json_line(doc);
    line += '\n';
    return line;
  }
  std::string error(const ErrorRecord& e) const override { return error_object(e, -1) + "\n"; }
};

/// Indents every line after the first by two spaces (JSON strings hold no
/// raw newline, so every newline is layout).
std::string indent_lines(std::string s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  out += "  ";
  for (char c : s) {
    out += c;
    if (c == '\n') out += "  ";
  }
  return out;
}

class JsonArrayFormatter : public Formatter {
 public:
  std::string begin() const override { return "[\n"; }
  std::string document(const vnie::Document& doc, std::string_view,
                       vnie::Encoding) const override {
    return indent_lines(vnie::to_json_pretty(doc, 2));
  }
  std::string error(const ErrorRecord& e) const override {
    return indent_lines(error_object(e, 2));
  }
  std::string separator() const override { return ",\n"; }
  std::string end(bool any) const override { return any ? "\n]\n" : "]\n"; }
};

class TableFormatter : public Formatter {
 public:
  std::string document(const vnie::Document& doc, std::string_view,
                       vnie::Encoding) const override {
    std::string out = "== " + cell_text(doc.id, 200);
    if (doc.reference_date) out += "  (reference date " + date_text(*doc.reference_date) + ")";
    out += "  " + std::to_string(doc.mentions.size()) + " mentions, " +
           std::to_string(doc.events.size()) + " events\n";
    if (!doc.mentions.empty()) {
      std::vector<std::vector<std::string>> rows;
      rows.push_back({"TYPE", "SPAN", "TEXT", "VALUE", "RULE"});
      for (const auto& m : doc.mentions) {
        rows.push_back({vnie::to_string(m.type), span_text(m.start, m.end),
                        cell_text(m.text, kTextColumns),
                        cell_text(std::visit(ValueText{}, m.value), 1000), cell_text(m.rule, 200)});
      }
      out += format_table(rows, "  ");
    }
    if (!doc.events.empty()) {
      std::vector<std::vector<std::string>> rows;
      rows.push_back({"EVENT", "SPAN", "FIELDS"});
      for (const auto& e : doc.events) {
        rows.push_back({vnie::to_string(e.type), span_text(e.start, e.end),
                        cell_text(std::visit(EventText{}, e.value), 2000)});
      }
      out += format_table(rows, "  ");
    }
    if (!doc.warnings.empty()) {
      std::vector<std::vector<std::string>> rows;
      rows.push_back({"WARNING", "BYTE", "MESSAGE"});
      for (const auto& w : doc.warnings) {
        rows.push_back({vnie::to_string(w.code), std::to_string(w.byte_offset),
                        cell_text(w.message, 1000)});
      }
      out += format_table(rows, "  ");
    }
    out += "\n";
    return out;
  }
  std::string error(const ErrorRecord& e) const override {
    return "== " + cell_text(e.id, 200) + "\n  error " + e.code + " at " + cell_text(e.input, 200) +
           ": " + cell_text(e.message, 1000) + "\n\n";
  }
};

}  // namespace

std::unique_ptr<Formatter> make_formatter(const std::string& format, bool bom) {
  if (format == "json") return std::make_unique<JsonArrayFormatter>();
  if (format == "table") return std::make_unique<TableFormatter>();
  if (format == "csv") return make_csv_formatter(bom);
  if (format == "html") return make_html_formatter();
  return std::make_unique<JsonlFormatter>();
}

}  // namespace vnie_cli
