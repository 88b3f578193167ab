// `vnie extract --format csv`: one row per event, fixed columns (csv_columns(),
// documented in docs/cli.md), RFC 4180: a header row, fields quoted when they
// hold a comma, a quote, CR or LF (quotes doubled), rows ended by CRLF.
#include <string>
#include <variant>

#include "common.h"
#include "formats.h"

namespace vnie_cli {

const std::vector<std::string>& csv_columns() {
  static const std::vector<std::string> kColumns = {
      "doc_id",          "event_no",          "type",          "kind",
      "date",            "agent",             "award",         "recipients",
      "recipient_count", "amount",            "amount_min",    "amount_max",
      "currency",        "qualifier",         "per_unit",      "purpose",
      "beneficiary_count", "beneficiary_unit", "reviewed_period", "plan_period",
      "attendees",       "start",             "end",           "evidence",
      "error"};
  return kColumns;
}

namespace {

enum Col : std::size_t {
  kDocId, kEventNo, kType, kKind, kDate, kAgent, kAward, kRecipients, kRecipientCount, kAmount,
  kAmountMin, kAmountMax, kCurrency, kQualifier, kPerUnit, kPurpose, kBeneficiaryCount,
  kBeneficiaryUnit, kReviewedPeriod, kPlanPeriod, kAttendees, kStart, kEnd, kEvidence, kError,
  kColumnCount
};

/// Valid UTF-8 (invalid bytes → U+FFFD), tabs and line breaks as spaces:
/// one spreadsheet cell per field, one physical line per row. A text that
/// starts with '=', '+', '-' or '@' would be read as a formula by a
/// spreadsheet (formula injection, and "- Trao tặng …" shows as #NAME?): it
/// gets a leading apostrophe, which spreadsheets hide. Numbers and dates are
/// not texts and never get one.
std::string clean(std::string_view s) {
  std::string t = cell_text(s, static_cast<std::size_t>(-1) / 2);
  if (!t.empty() && (t[0] == '=' || t[0] == '+' || t[0] == '-' || t[0] == '@')) t.insert(0, 1, '\'');
  return t;
}

void append_field(std::string* row, const std::string& f) {
  if (f.find_first_of(",\"\r\n") == std::string::npos) {
    *row += f;
    return;
  }
  *row += '"';
  for (char c : f) {
    if (c == '"') *row += '"';
    *row += c;
  }
  *row += '"';
}

std::string render_row(const std::vector<std::string>& fields) {
  std::string row;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) row += ',';
    append_field(&row, fields[i]);
  }
  row += "\r\n";
  return row;
}

std::string opt(const std::optional<std::string>& s) { return s ? clean(*s) : std::string(); }

std::string person(const vnie::PersonValue& p) {
  std::string s = p.name;
  if (!p.titles.empty()) {
    s += " (";
    for (std::size_t i = 0; i < p.titles.size(); ++i) s += (i ? ", " : "") + p.titles[i];
    s += ")";
  }
  return clean(s);
}

class CsvFormatter : public Formatter {
 public:
  explicit CsvFormatter(bool bom) : bom_(bom) {}

  std::string begin() const override {
    return std::string(bom_ ? "\xEF\xBB\xBF" : "") + render_row(csv_columns());
  }

  std::string document(const vnie::Document& doc, std::string_view text,
                       vnie::Encoding encoding) const override {
    std::string out;
    std::size_t no = 0;
    for (const auto& e : doc.events) {
      std::vector<std::string> f(kColumnCount);
      f[kDocId] = clean(doc.id);
      f[kEventNo] = std::to_string(++no);
      f[kType] = vnie::to_string(e.type);
      f[kStart] = std::to_string(e.start);
      f[kEnd] = std::to_string(e.end);
      f[kEvidence] = clean(span_utf8(text, e.start, e.end, encoding));
      if (const auto* m = std::get_if<vnie::MeetingEvent>(&e.value)) {
        f[kKind] = m->kind;
        if (m->date) {
          f[kDate] = iso_date(*m->date);
        } else if (m->date_range) {
          f[kDate] = iso_date(m->date_range->from) + "/" + iso_date(m->date_range->to);
        }
        f[kAgent] = opt(m->organizer);
        f[kReviewedPeriod] = opt(m->reviewed_period);
        f[kPlanPeriod] = opt(m->plan_period);
        for (std::size_t i = 0; i < m->attendees.size(); ++i) {
          f[kAttendees] += (i ? "; " : "") + person(m->attendees[i]);
        }
      } else if (const auto* a = std::get_if<vnie::AwardEvent>(&e.value)) {
        f[kKind] = a->award_kind;
        f[kAward] = clean(a->award);
        f[kAgent] = opt(a->issuer);
        if (a->date) f[kDate] = iso_date(*a->date);
        long long count = 0;
        bool any_count = false;
        for (std::size_t i = 0; i < a->recipients.size(); ++i) {
          const auto& r = a->recipients[i];
          std::string s;
          if (r.count) {
            s = std::to_string(*r.count);
            count += *r.count;
            any_count = true;
          }
          if (r.kind) s += (s.empty() ? "" : " ") + *r.kind;
          if (r.name) s += (s.empty() ? "" : " ") + *r.name;
          f[kRecipients] += (i ? "; " : "") + clean(s);
        }
        if (any_count) f[kRecipientCount] = std::to_string(count);
      } else if (const auto* g = std::get_if<vnie::FundingEvent>(&e.value)) {
        if (g->amount.amount) f[kAmount] = number_text(*g->amount.amount);
        if (g->amount.min) f[kAmountMin] = number_text(*g->amount.min);
        if (g->amount.max) f[kAmountMax] = number_text(*g->amount.max);
        f[kCurrency] = clean(g->amount.currency);
        f[kQualifier] = vnie::to_string(g->amount.qualifier);
        f[kPerUnit] = opt(g->amount.per_unit);
        f[kAgent] = opt(g->giver);
        f[kPurpose] = opt(g->purpose);
        if (g->beneficiary_count) f[kBeneficiaryCount] = std::to_string(*g->beneficiary_count);
        f[kBeneficiaryUnit] = opt(g->beneficiary_unit);
      }
      out += render_row(f);
    }
    return out;
  }

  std::string error(const ErrorRecord& e) const override {
    std::vector<std::string> f(kColumnCount);
    f[kDocId] = clean(e.id);
    f[kError] = clean(e.code + " at " + e.input + ": " + e.message);
    return render_row(f);
  }

 private:
  bool bom_;
};

}  // namespace

std::unique_ptr<Formatter> make_csv_formatter(bool bom) {
  return std::make_unique<CsvFormatter>(bom);
}

}  // namespace vnie_cli
