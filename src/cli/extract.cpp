// `vnie extract`: documents in, one JSON line (or a table) per document out.
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "vnie/json.h"

namespace vnie_cli {
namespace {

using ojson = nlohmann::ordered_json;

// ------------------------------------------------------------- table view

std::string number_text(double x) {
  if (!std::isfinite(x)) return "?";
  if (x >= -9.2e18 && x <= 9.2e18 && std::trunc(x) == x) {
    return std::to_string(static_cast<std::int64_t>(x));
  }
  return ojson(x).dump();  // shortest form that reads back the same
}

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

// ------------------------------------------------------------------- sinks

/// Where results go: JSON lines or the table view.
class Sink {
 public:
  virtual ~Sink() = default;
  virtual void document(const vnie::Document& doc) = 0;
  virtual void error(const std::string& id, const std::string& code, const std::string& message,
                     const std::string& input) = 0;
};

class JsonSink : public Sink {
 public:
  void document(const vnie::Document& doc) override {
    std::string line = vnie::to_json_line(doc);
    line += '\n';
    write_out(line);
    std::fflush(stdout);
  }
  void error(const std::string& id, const std::string& code, const std::string& message,
             const std::string& input) override {
    ojson err = ojson::object();
    err["code"] = code;
    err["message"] = message;
    err["input"] = input;
    ojson j = ojson::object();
    j["id"] = id;
    j["error"] = std::move(err);
    std::string line = j.dump(-1, ' ', false, ojson::error_handler_t::replace);
    line += '\n';
    write_out(line);
    std::fflush(stdout);
  }
};

class TableSink : public Sink {
 public:
  void document(const vnie::Document& doc) override {
    std::string head = "== " + cell_text(doc.id, 200);
    if (doc.reference_date) head += "  (reference date " + date_text(*doc.reference_date) + ")";
    head += "  " + std::to_string(doc.mentions.size()) + " mentions, " +
            std::to_string(doc.events.size()) + " events\n";
    write_out(head);
    if (!doc.mentions.empty()) {
      std::vector<std::vector<std::string>> rows;
      rows.push_back({"TYPE", "SPAN", "TEXT", "VALUE", "RULE"});
      for (const auto& m : doc.mentions) {
        rows.push_back({vnie::to_string(m.type), span_text(m.start, m.end),
                        cell_text(m.text, kTextColumns),
                        cell_text(std::visit(ValueText{}, m.value), 1000), cell_text(m.rule, 200)});
      }
      print_table(stdout, rows, "  ");
    }
    if (!doc.events.empty()) {
      std::vector<std::vector<std::string>> rows;
      rows.push_back({"EVENT", "SPAN", "FIELDS"});
      for (const auto& e : doc.events) {
        rows.push_back({vnie::to_string(e.type), span_text(e.start, e.end),
                        cell_text(std::visit(EventText{}, e.value), 2000)});
      }
      print_table(stdout, rows, "  ");
    }
    if (!doc.warnings.empty()) {
      std::vector<std::vector<std::string>> rows;
      rows.push_back({"WARNING", "BYTE", "MESSAGE"});
      for (const auto& w : doc.warnings) {
        rows.push_back({vnie::to_string(w.code), std::to_string(w.byte_offset),
                        cell_text(w.message, 1000)});
      }
      print_table(stdout, rows, "  ");
    }
    write_out("\n");
    std::fflush(stdout);
  }
  void error(const std::string& id, const std::string& code, const std::string& message,
             const std::string& input) override {
    write_out("== " + cell_text(id, 200) + "\n  error " + code + " at " + cell_text(input, 200) +
              ": " + cell_text(message, 1000) + "\n\n");
    std::fflush(stdout);
  }
};

// --------------------------------------------------------------- processing

class Processor {
 public:
  Processor(const vnie::Extractor& ex, std::optional<vnie::DateValue> ref_date, Sink& sink)
      : ex_(ex), ref_date_(std::move(ref_date)), sink_(sink) {}

  bool any_failed() const { return failed_; }

  void process(std::string_view text, std::string id, const std::optional<vnie::DateValue>& date,
               const std::string& input) {
    vnie::DocumentInfo info;
    info.id = std::move(id);
    info.reference_date = date ? date : ref_date_;
    vnie::Status st;
    try {
      st = ex_.extract(text, info, &doc_);
    } catch (const std::exception& e) {
      st = vnie::Status::error(vnie::ErrorCode::internal, e.what());
    }
    if (!st.ok()) {
      fail(info.id, vnie::to_string(st.code), st.to_string(), input);
      return;
    }
    doc_.id = info.id;
    if (!doc_.reference_date) doc_.reference_date = info.reference_date;
    sink_.document(doc_);
  }

  void fail(const std::string& id, const std::string& code, const std::string& message,
            const std::string& input) {
    failed_ = true;
    sink_.error(id, code, message, input);
  }

  std::size_t max_bytes() const { return ex_.options().max_document_bytes; }

 private:
  const vnie::Extractor& ex_;
  std::optional<vnie::DateValue> ref_date_;
  Sink& sink_;
  vnie::Document doc_;
  bool failed_ = false;
};

std::string location(const InputSource& src, std::size_t line) {
  return src.name + ":" + std::to_string(line);
}

/// Strips nlohmann's "[json.exception.parse_error.101] " prefix.
std::string json_error_text(const char* what) {
  std::string s = what;
  if (!s.empty() && s[0] == '[') {
    auto pos = s.find("] ");
    if (pos != std::string::npos) s.erase(0, pos + 2);
  }
  return s;
}

void process_jsonl_line(Processor& proc, const InputSource& src, std::size_t line_no,
                        const std::string& line) {
  const std::string loc = location(src, line_no);
  std::string id = loc;
  nlohmann::json j;  // std::map objects: lookups stay O(log n) on hostile input
  try {
    j = nlohmann::json::parse(line);
  } catch (const nlohmann::json::exception& e) {
    proc.fail(id, "invalid_argument", "invalid JSON: " + json_error_text(e.what()), loc);
    return;
  }
  if (!j.is_object()) {
    proc.fail(id, "invalid_argument", "a line must be a JSON object", loc);
    return;
  }
  if (auto it = j.find("id"); it != j.end() && !it->is_null()) {
    if (!it->is_string()) {
      proc.fail(id, "invalid_argument", "\"id\" must be a string", loc);
      return;
    }
    id = it->get<std::string>();
  }
  auto text = j.find("text");
  if (text == j.end() || !text->is_string()) {
    proc.fail(id, "invalid_argument", "missing string field \"text\"", loc);
    return;
  }
  std::optional<vnie::DateValue> date;
  if (auto it = j.find("date"); it != j.end() && !it->is_null()) {
    vnie::DateValue d;
    std::string why;
    if (!it->is_string()) {
      proc.fail(id, "invalid_argument", "\"date\" must be a string YYYY-MM-DD", loc);
      return;
    }
    if (!parse_iso_date(it->get_ref<const std::string&>(), &d, &why)) {
      proc.fail(id, "invalid_argument", "invalid \"date\": " + why, loc);
      return;
    }
    date = d;
  }
  proc.process(text->get_ref<const std::string&>(), std::move(id), date, loc);
}

/// Processes one input; false when it could not be read.
bool process_input(Processor& proc, const InputSource& src, const std::string& mode) {
  auto in = InputStream::open(src);
  if (!in) return false;
  if (mode == "text") {
    std::string text;
    bool over = false;
    if (!in->read_all(&text, proc.max_bytes(), &over)) {
      error_message("cannot read " + src.name + ": read error");
      return false;
    }
    if (over) {
      proc.fail(src.name, vnie::to_string(vnie::ErrorCode::input_too_large),
                "document larger than the limit of " + std::to_string(proc.max_bytes()) +
                    " bytes (--max-doc-bytes)",
                location(src, 1));
      return true;
    }
    proc.process(text, src.name, std::nullopt, location(src, 1));
    return true;
  }
  std::string line;
  std::size_t line_no = 0;
  while (!output_failed() && in->next_line(&line)) {
    ++line_no;
    if (is_blank(line)) continue;
    if (mode == "lines") {
      proc.process(line, location(src, line_no), std::nullopt, location(src, line_no));
    } else {
      process_jsonl_line(proc, src, line_no, line);
    }
  }
  if (in->failed()) {
    error_message("cannot read " + src.name + ": read error after line " + std::to_string(line_no));
    return false;
  }
  return true;
}

}  // namespace

CLI::App* setup_extract(CLI::App& app, ExtractArgs* args) {
  CLI::App* cmd = app.add_subcommand(
      "extract",
      "Extract mentions and events; print one JSON object per document per line "
      "(docs/output-format.md)");
  cmd->add_option("inputs", args->inputs,
                  "Files or directories to read; stdin when none or '-'. Directories are walked "
                  "recursively for *.txt (*.jsonl with --input jsonl) in sorted order")
      ->type_name("FILE|DIR");
  cmd->add_option("--input", args->input_mode,
                  "text: a file is one document, id = its path; lines: each non-blank line is a "
                  "document, id = FILE:LINE; jsonl: each line is {\"id\", \"text\", \"date\"?}")
      ->type_name("MODE")
      ->check(CLI::IsMember({"text", "lines", "jsonl"}))
      ->capture_default_str();
  cmd->add_option("--format", args->format,
                  "jsonl: one JSON object per line; table: an aligned view for reading")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"jsonl", "table"}))
      ->capture_default_str();
  cmd->add_option("--ref-date", args->ref_date,
                  "Reference date for year-less and relative dates (default: the article's "
                  "publication date when its header gives one)")
      ->type_name("YYYY-MM-DD")
      ->check(date_validator());
  cmd->add_option("--types", args->extractor.types,
                  "Report only these mention types (comma-separated): date, date_range, time, "
                  "number, percent, money, ordinal, award, organization, person")
      ->type_name("TYPE,...")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->check(mention_type_validator());
  add_rule_options(cmd, &args->extractor);
  cmd->add_option("--style", args->extractor.style,
                  "Tone mark placement for oa/oe/uy in the normalized text")
      ->type_name("STYLE")
      ->check(tone_style_validator())
      ->capture_default_str();
  cmd->add_option("--max-doc-bytes", args->extractor.max_doc_bytes,
                  "Refuse larger documents with an error line (default: 67108864)")
      ->type_name("N")
      ->check(byte_count_validator());
  return cmd;
}

int run_extract(const ExtractArgs& args) {
  std::optional<vnie::DateValue> ref_date;
  if (!args.ref_date.empty()) {
    vnie::DateValue d;
    std::string why;
    if (!parse_iso_date(args.ref_date, &d, &why)) {
      error_message("--ref-date: invalid date '" + args.ref_date + "': " + why);
      return kExitUsage;
    }
    ref_date = d;
  }
  auto ex = make_extractor(args.extractor);
  if (!ex) return kExitUsage;

  std::vector<InputSource> inputs;
  bool io_ok = expand_inputs(args.inputs, args.input_mode == "jsonl" ? ".jsonl" : ".txt", &inputs);

  JsonSink json_sink;
  TableSink table_sink;
  Sink& sink = args.format == "table" ? static_cast<Sink&>(table_sink) : json_sink;
  Processor proc(*ex, ref_date, sink);
  for (const auto& src : inputs) {
    if (output_failed()) break;  // e.g. a closed pipe with SIGPIPE ignored
    if (!process_input(proc, src, args.input_mode)) io_ok = false;
  }
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    error_message("error writing the output");
    return kExitUsage;
  }
  if (!io_ok) return kExitUsage;
  return proc.any_failed() ? kExitDocumentFailed : kExitOk;
}

}  // namespace vnie_cli
