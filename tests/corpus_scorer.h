// corpus_scorer.h — loads the hand-annotated gold files of corpus/gold/ and scores
// extracted mentions and events against them (precision, recall, F1 per mention
// type, span-only and value-exact; events found / exact). Header-only, so that a
// future `vnie eval` can reuse it; used by tests/unit/test_corpus_gold.cpp. The
// gold format is described in corpus/gold/README.md.
//
// The one call that does everything:
//
//   std::unique_ptr<vnie::Extractor> ex;  vnie::Extractor::create({}, &ex);
//   vnie_eval::CorpusResult r = vnie_eval::evaluate_corpus("corpus", *ex);
//   // r.problems: missing / invalid gold files; r.scorer.table(), r.scorer.event_table()
//   std::cout << vnie_eval::format_tables(r.scorer);
//
// The parts, for other drivers: load_gold() validates one gold file against its
// article; Scorer::add() scores one extracted document (its JSON form) against it.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "vnie/extractor.h"
#include "vnie/json.h"

namespace vnie_eval {

using nlohmann::json;

// ------------------------------------------------------------ allowed sets

inline const std::set<std::string>& mention_types() {
  static const std::set<std::string> s = {"date",    "date_range", "time",    "number",
                                          "percent", "money",      "ordinal", "award",
                                          "organization", "person"};
  return s;
}
inline const std::set<std::string>& qualifiers() {
  static const std::set<std::string> s = {"exact", "approx", "nearly", "over",
                                          "under", "at_least", "at_most"};
  return s;
}
inline const std::set<std::string>& award_kinds() {
  static const std::set<std::string> s = {
      "huan_chuong",        "huy_chuong",          "danh_hieu_vinh_du",
      "giai_thuong",        "ky_niem_chuong",      "huy_hieu",
      "bang_khen",          "giay_khen",           "co_thi_dua",
      "chien_si_thi_dua",   "lao_dong_tien_tien",  "tap_the_lao_dong_xuat_sac",
      "tap_the_lao_dong_tien_tien", "bang_lao_dong_sang_tao", "danh_hieu"};
  return s;
}
inline const std::set<std::string>& organization_kinds() {
  static const std::set<std::string> s = {"trade_union", "party",     "state",  "mass_organization",
                                          "enterprise",  "education", "health", "other"};
  return s;
}
inline const std::set<std::string>& meeting_kinds() {
  static const std::set<std::string> s = {"tong_ket", "so_ket",  "giao_ban", "dai_hoi",
                                          "tap_huan", "ky_niem", "hoi_nghi"};
  return s;
}
inline const std::set<std::string>& part_of_day_names() {
  static const std::set<std::string> s = {"morning", "noon", "afternoon", "evening", "night"};
  return s;
}

// ------------------------------------------------------------------ gold

struct GoldMention {
  std::string type;
  std::size_t start = 0, end = 0;
  std::string text;
  json value;
};

struct GoldEvent {
  std::string type;
  std::size_t start = 0, end = 0;
  json fields;  ///< the whole event object as written in the gold file
};

struct GoldDoc {
  std::string id;
  std::optional<std::string> reference_date;  ///< "YYYY-MM-DD"
  std::vector<GoldMention> mentions;
  std::vector<GoldEvent> events;
};

/// Byte offset of the `occurrence`-th (1-based) occurrence of `needle` in `hay`;
/// occurrences may overlap (the search restarts one byte after the previous hit).
inline std::optional<std::size_t> find_occurrence(std::string_view hay, std::string_view needle,
                                                  long long occurrence) {
  if (needle.empty() || occurrence < 1) return std::nullopt;
  std::size_t pos = hay.find(needle);
  for (long long k = 1; k < occurrence && pos != std::string_view::npos; ++k)
    pos = hay.find(needle, pos + 1);
  if (pos == std::string_view::npos) return std::nullopt;
  return pos;
}

namespace detail {

inline bool is_int_or_null(const json& j) { return j.is_null() || j.is_number_integer(); }

inline bool check_date(const json& v, std::string* why) {
  if (!v.is_object()) return *why = "date value is not an object", false;
  for (const char* k : {"year", "month", "day"}) {
    if (!v.contains(k)) return *why = std::string("date value lacks '") + k + "'", false;
    if (!is_int_or_null(v[k])) return *why = std::string("date '") + k + "' not int/null", false;
  }
  for (const char* k : {"hour", "minute", "weekday"})
    if (v.contains(k) && !v[k].is_number_integer())
      return *why = std::string("date '") + k + "' not an int", false;
  if (v.contains("part_of_day") &&
      (!v["part_of_day"].is_string() ||
       part_of_day_names().count(v["part_of_day"].get<std::string>()) == 0))
    return *why = "bad part_of_day", false;
  return true;
}

inline bool check_qualifier(const json& v, std::string* why) {
  if (!v.contains("qualifier")) return true;
  if (!v["qualifier"].is_string() || qualifiers().count(v["qualifier"].get<std::string>()) == 0)
    return *why = "bad qualifier", false;
  return true;
}

inline bool check_value(const std::string& type, const json& v, std::string* why) {
  if (!v.is_object()) return *why = "value is not an object", false;
  if (type == "date") return check_date(v, why);
  if (type == "date_range") {
    if (!v.contains("from") || !v.contains("to")) return *why = "date_range lacks from/to", false;
    return check_date(v["from"], why) && check_date(v["to"], why);
  }
  if (type == "time") {
    if (!v.contains("hour") || !v["hour"].is_number_integer())
      return *why = "time lacks an int hour", false;
    return true;
  }
  if (type == "number" || type == "percent") {
    if (!v.contains("value") || !v["value"].is_number()) return *why = "value not a number", false;
    if (type == "number" && v.contains("unit") && !v["unit"].is_null() && !v["unit"].is_string())
      return *why = "unit not a string", false;
    return check_qualifier(v, why);
  }
  if (type == "money") {
    if (!v.contains("amount") || !(v["amount"].is_null() || v["amount"].is_number()))
      return *why = "money amount not a number/null", false;
    if (!v.contains("currency") || !v["currency"].is_string())
      return *why = "money lacks a currency", false;
    if (v["amount"].is_null() && !(v.contains("min") && v.contains("max")))
      return *why = "money without amount needs min and max", false;
    return check_qualifier(v, why);
  }
  if (type == "ordinal") {
    if (!v.contains("value") || !v["value"].is_number_integer())
      return *why = "ordinal value not an int", false;
    return true;
  }
  if (type == "award") {
    if (!v.contains("kind") || !v["kind"].is_string() ||
        award_kinds().count(v["kind"].get<std::string>()) == 0)
      return *why = "bad award kind", false;
    if (!v.contains("name") || !v["name"].is_string()) return *why = "award lacks a name", false;
    return true;
  }
  if (type == "organization") {
    if (!v.contains("canonical") || !v["canonical"].is_string())
      return *why = "organization lacks canonical", false;
    if (!v.contains("kind") || !v["kind"].is_string() ||
        organization_kinds().count(v["kind"].get<std::string>()) == 0)
      return *why = "bad organization kind", false;
    return true;
  }
  if (type == "person") {
    if (!v.contains("name") || !v["name"].is_string()) return *why = "person lacks a name", false;
    if (v.contains("titles") && !v["titles"].is_array()) return *why = "titles not an array", false;
    return true;
  }
  return *why = "unknown type", false;
}

inline bool check_event(const json& e, std::string* why) {
  const std::string type = e.value("type", "");
  if (type == "meeting") {
    if (!e.contains("kind") || !e["kind"].is_string() ||
        meeting_kinds().count(e["kind"].get<std::string>()) == 0)
      return *why = "bad meeting kind", false;
    if (e.contains("date") && !e["date"].is_null() && !check_date(e["date"], why)) return false;
    if (e.contains("date_range") && !e["date_range"].is_null() &&
        !check_value("date_range", e["date_range"], why))
      return false;
    return true;
  }
  if (type == "award") {
    if (!e.contains("award_kind") || !e["award_kind"].is_string() ||
        award_kinds().count(e["award_kind"].get<std::string>()) == 0)
      return *why = "bad award_kind", false;
    if (!e.contains("recipients") || !e["recipients"].is_array())
      return *why = "award lacks recipients", false;
    for (const json& r : e["recipients"]) {
      if (!r.is_object()) return *why = "recipient not an object", false;
      const json k = r.value("kind", json());
      if (!k.is_null() && k != "collective" && k != "individual")
        return *why = "bad recipient kind", false;
      if (!is_int_or_null(r.value("count", json()))) return *why = "bad recipient count", false;
    }
    if (e.contains("date") && !e["date"].is_null() && !check_date(e["date"], why)) return false;
    return true;
  }
  if (type == "funding") {
    if (!e.contains("amount") || !check_value("money", e["amount"], why)) {
      if (why->empty()) *why = "funding lacks an amount";
      return false;
    }
    return true;
  }
  return *why = "bad event type '" + type + "'", false;
}

}  // namespace detail

/// Parses and validates one gold file against its article. On failure returns
/// false and says why in *error (naming the annotation).
inline bool load_gold(const json& j, std::string_view text, GoldDoc* out, std::string* error) {
  *out = GoldDoc{};
  auto fail = [&](const std::string& m) { return *error = m, false; };
  if (!j.is_object()) return fail("not a JSON object");
  if (!j.contains("id") || !j["id"].is_string()) return fail("no string 'id'");
  out->id = j["id"].get<std::string>();
  if (j.contains("reference_date") && !j["reference_date"].is_null()) {
    if (!j["reference_date"].is_string() || j["reference_date"].get<std::string>().size() != 10)
      return fail("reference_date is not YYYY-MM-DD");
    out->reference_date = j["reference_date"].get<std::string>();
  }
  if (!j.contains("mentions") || !j["mentions"].is_array()) return fail("no 'mentions' array");
  std::size_t i = 0;
  for (const json& m : j["mentions"]) {
    const std::string where = "mention #" + std::to_string(i++);
    if (!m.is_object() || !m.contains("type") || !m["type"].is_string() || !m.contains("text") ||
        !m["text"].is_string() || !m.contains("value"))
      return fail(where + ": needs type, text, value");
    GoldMention g;
    g.type = m["type"].get<std::string>();
    g.text = m["text"].get<std::string>();
    if (mention_types().count(g.type) == 0) return fail(where + ": unknown type " + g.type);
    const long long occ = m.value("occurrence", 1LL);
    const auto pos = find_occurrence(text, g.text, occ);
    if (!pos)
      return fail(where + " (" + g.type + " \"" + g.text + "\"): occurrence " +
                  std::to_string(occ) + " not in the article");
    g.start = *pos;
    g.end = *pos + g.text.size();
    g.value = m["value"];
    std::string why;
    if (!detail::check_value(g.type, g.value, &why))
      return fail(where + " (" + g.type + " \"" + g.text + "\"): " + why);
    out->mentions.push_back(std::move(g));
  }
  if (j.contains("events")) {
    if (!j["events"].is_array()) return fail("'events' is not an array");
    i = 0;
    for (const json& e : j["events"]) {
      const std::string where = "event #" + std::to_string(i++);
      if (!e.is_object() || !e.contains("text") || !e["text"].is_string())
        return fail(where + ": needs type and text");
      std::string why;
      if (!detail::check_event(e, &why)) return fail(where + ": " + why);
      const std::string t = e["text"].get<std::string>();
      const auto pos = find_occurrence(text, t, e.value("occurrence", 1LL));
      if (!pos) return fail(where + ": evidence text not in the article: " + t);
      out->events.push_back(GoldEvent{e["type"].get<std::string>(), *pos, *pos + t.size(), e});
    }
  }
  return true;
}

// --------------------------------------------------------------- scoring

/// True when every key of `gold` equals the same key of `got` (recursively;
/// numbers compared numerically; a missing key in `got` equals a gold null).
/// Keys only in `got` are ignored.
inline bool value_matches(const json& gold, const json& got) {
  if (gold.is_number() && got.is_number()) {
    const double a = gold.get<double>(), b = got.get<double>();
    return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(a));
  }
  if (gold.is_object()) {
    if (!got.is_object()) return false;
    for (auto it = gold.begin(); it != gold.end(); ++it) {
      if (!got.contains(it.key())) {
        if (!it.value().is_null()) return false;
        continue;
      }
      if (!value_matches(it.value(), got[it.key()])) return false;
    }
    return true;
  }
  if (gold.is_array()) {
    if (!got.is_array() || gold.size() != got.size()) return false;
    for (std::size_t k = 0; k < gold.size(); ++k)
      if (!value_matches(gold[k], got[k])) return false;
    return true;
  }
  return gold == got;
}

struct Counts {
  std::size_t gold = 0, extracted = 0, span_tp = 0, value_tp = 0;
};

struct Prf {
  double precision = 0, recall = 0, f1 = 0;
};

inline Prf prf(std::size_t tp, std::size_t extracted, std::size_t gold) {
  Prf r;
  // Nothing to find and nothing found is perfect; otherwise the usual ratios.
  r.precision = extracted ? static_cast<double>(tp) / static_cast<double>(extracted) : (gold ? 0 : 1);
  r.recall = gold ? static_cast<double>(tp) / static_cast<double>(gold) : (extracted ? 0 : 1);
  r.f1 = r.precision + r.recall > 0 ? 2 * r.precision * r.recall / (r.precision + r.recall) : 0;
  return r;
}

struct Row {
  std::string type;
  Counts counts;
  Prf span, value;
};

/// One error, for listings: a gold mention not found (miss), found with another
/// value (wrong value), or an extracted mention not in the gold (false positive).
struct Error {
  std::string doc, type, kind;  ///< kind: "miss", "value", "fp"
  std::size_t start = 0;
  std::string text, detail;
};

class Scorer {
 public:
  /// Adds one document: `got` is the extracted result in the JSON form of
  /// docs/output-format.md (an object with a "mentions" array).
  void add(const GoldDoc& gold, const json& got) {
    std::map<std::pair<std::size_t, std::size_t>, std::vector<const json*>> by_span;
    for (const json& m : got.at("mentions")) {
      const std::string type = m.at("type").get<std::string>();
      counts_[type].extracted++;
      by_span[{m.at("start").get<std::size_t>(), m.at("end").get<std::size_t>()}].push_back(&m);
    }
    std::set<const json*> matched;
    for (const GoldMention& g : gold.mentions) {
      Counts& c = counts_[g.type];
      c.gold++;
      const json* hit = nullptr;
      auto it = by_span.find({g.start, g.end});
      if (it != by_span.end())
        for (const json* m : it->second)
          if (m->at("type") == g.type && matched.count(m) == 0) {
            hit = m;
            break;
          }
      if (!hit) {
        errors_.push_back({gold.id, g.type, "miss", g.start, g.text, g.value.dump()});
        continue;
      }
      matched.insert(hit);
      c.span_tp++;
      if (value_matches(g.value, hit->at("value")))
        c.value_tp++;
      else
        errors_.push_back({gold.id, g.type, "value", g.start, g.text,
                           "gold " + g.value.dump() + " got " + hit->at("value").dump()});
    }
    for (const json& m : got.at("mentions"))
      if (matched.count(&m) == 0)
        errors_.push_back({gold.id, m.at("type").get<std::string>(), "fp",
                           m.at("start").get<std::size_t>(), m.at("text").get<std::string>(),
                           m.value("rule", "") + " " + m.at("value").dump()});
    score_events(gold, got);
  }

  /// One row per mention type (the ten types, in contract order), then "all".
  std::vector<Row> table() const {
    static const char* order[] = {"date",  "date_range", "time",    "number",       "percent",
                                  "money", "ordinal",    "award",   "organization", "person"};
    std::vector<Row> rows;
    Counts total;
    for (const char* t : order) {
      auto it = counts_.find(t);
      const Counts c = it == counts_.end() ? Counts{} : it->second;
      rows.push_back(make_row(t, c));
      total.gold += c.gold;
      total.extracted += c.extracted;
      total.span_tp += c.span_tp;
      total.value_tp += c.value_tp;
    }
    rows.push_back(make_row("all", total));
    return rows;
  }

  const std::vector<Error>& errors() const { return errors_; }

  /// Events: an extracted event of the gold's type whose evidence span overlaps
  /// the gold evidence is "found"; it is "exact" when every compared field
  /// (event_fields()) equals the gold's. Totals over all event types.
  Counts event_counts() const {
    Counts t;
    for (const auto& [type, c] : event_counts_) {
      t.gold += c.gold;
      t.extracted += c.extracted;
      t.span_tp += c.span_tp;
      t.value_tp += c.value_tp;
    }
    return t;
  }

  /// One row per event type (meeting, award, funding): span = found, value = exact.
  std::vector<Row> event_table() const {
    std::vector<Row> rows;
    for (const char* t : {"meeting", "award", "funding"}) {
      auto it = event_counts_.find(t);
      rows.push_back(make_row(t, it == event_counts_.end() ? Counts{} : it->second));
    }
    return rows;
  }

  /// Per event type and field: {equal, compared} over the found events.
  const std::map<std::string, std::map<std::string, std::pair<std::size_t, std::size_t>>>&
  event_field_agreement() const {
    return fields_;
  }

  /// The fields compared for an event type (free-text fields — purpose, attendees —
  /// are not compared).
  static const std::vector<std::string>& event_fields(const std::string& type) {
    static const std::map<std::string, std::vector<std::string>> f = {
        {"meeting", {"kind", "organizer", "date", "date_range", "reviewed_period", "plan_period"}},
        {"award", {"award_kind", "award", "issuer", "recipients", "date"}},
        {"funding", {"amount", "giver", "beneficiaries"}}};
    static const std::vector<std::string> none;
    auto it = f.find(type);
    return it == f.end() ? none : it->second;
  }

 private:
  static Row make_row(const std::string& type, const Counts& c) {
    return Row{type, c, prf(c.span_tp, c.extracted, c.gold), prf(c.value_tp, c.extracted, c.gold)};
  }

  static std::size_t equal_fields(const json& gold, const json& got) {
    std::size_t n = 0;
    for (const std::string& k : event_fields(gold.value("type", "")))
      if (gold.contains(k) && value_matches(gold[k], got.contains(k) ? got[k] : json()))
        ++n;
    return n;
  }

  void score_events(const GoldDoc& gold, const json& got) {
    for (const GoldEvent& g : gold.events) event_counts_[g.type].gold++;
    if (!got.contains("events") || !got["events"].is_array()) return;
    const json& evs = got["events"];
    for (const json& e : evs) event_counts_[e.value("type", "")].extracted++;
    std::set<std::size_t> used;
    for (const GoldEvent& g : gold.events) {
      // Among the unused overlapping events of the same type, the one agreeing on
      // the most fields.
      std::optional<std::size_t> best;
      std::size_t best_eq = 0;
      for (std::size_t k = 0; k < evs.size(); ++k) {
        const json& e = evs[k];
        if (used.count(k) || e.value("type", "") != g.type) continue;
        const std::size_t s = e.value("start", std::size_t{0}), t = e.value("end", std::size_t{0});
        if (!(s < g.end && g.start < t)) continue;
        const std::size_t eq = equal_fields(g.fields, e);
        if (!best || eq > best_eq) best = k, best_eq = eq;
      }
      if (!best) {
        errors_.push_back({gold.id, "event:" + g.type, "miss", g.start,
                           g.fields.value("text", ""), ""});
        continue;
      }
      used.insert(*best);
      Counts& c = event_counts_[g.type];
      c.span_tp++;
      bool all = true;
      for (const std::string& k : event_fields(g.type)) {
        if (!g.fields.contains(k)) continue;
        const bool eq = value_matches(g.fields[k], evs[*best].contains(k) ? evs[*best][k] : json());
        auto& cell = fields_[g.type][k];
        cell.second++;
        if (eq)
          cell.first++;
        else
          errors_.push_back({gold.id, "event:" + g.type, "field", g.start, k,
                             "gold " + g.fields[k].dump() + " got " +
                                 (evs[*best].contains(k) ? evs[*best][k].dump() : "(none)")});
        all = all && eq;
      }
      if (all) c.value_tp++;
    }
    for (std::size_t k = 0; k < evs.size(); ++k)
      if (used.count(k) == 0)
        errors_.push_back({gold.id, "event:" + evs[k].value("type", ""), "fp",
                           evs[k].value("start", std::size_t{0}), "", evs[k].dump()});
  }

  std::map<std::string, Counts> counts_;
  std::vector<Error> errors_;
  std::map<std::string, Counts> event_counts_;
  std::map<std::string, std::map<std::string, std::pair<std::size_t, std::size_t>>> fields_;
};

/// Floors `x` to 2 decimals (for baselines).
inline double floor2(double x) { return std::floor(x * 100.0 + 1e-9) / 100.0; }

// ------------------------------------------------------------- the corpus

/// One article of a corpus directory with its gold annotation.
struct Article {
  std::string id;  ///< file stem, "005_ldld_quang_ninh_tong_ket"
  std::string text;
  GoldDoc gold;
};

inline std::string read_whole_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Loads every `DIR/*.txt` with its `DIR/gold/<stem>.json`, in file-name order.
/// Articles whose gold file is missing or invalid are left out and described in
/// *problems; so is a gold file without an article.
inline std::vector<Article> load_corpus(const std::filesystem::path& dir,
                                        std::vector<std::string>* problems) {
  namespace fs = std::filesystem;
  std::vector<fs::path> txts, golds;
  if (fs::exists(dir))
    for (const auto& e : fs::directory_iterator(dir))
      if (e.is_regular_file() && e.path().extension() == ".txt") txts.push_back(e.path());
  if (fs::exists(dir / "gold"))
    for (const auto& e : fs::directory_iterator(dir / "gold"))
      if (e.is_regular_file() && e.path().extension() == ".json" &&
          e.path().filename() != "baseline.json")
        golds.push_back(e.path());
  std::sort(txts.begin(), txts.end());
  std::sort(golds.begin(), golds.end());
  for (const fs::path& g : golds)
    if (!fs::exists(dir / (g.stem().string() + ".txt")))
      problems->push_back("gold file without an article: " + g.string());
  std::vector<Article> out;
  for (const fs::path& txt : txts) {
    Article a;
    a.id = txt.stem().string();
    a.text = read_whole_file(txt);
    const fs::path gp = dir / "gold" / (a.id + ".json");
    if (!fs::exists(gp)) {
      problems->push_back(a.id + ": no gold file " + gp.string());
      continue;
    }
    const json j = json::parse(read_whole_file(gp), nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) {
      problems->push_back(a.id + ": gold file is not valid JSON");
      continue;
    }
    std::string err;
    if (!load_gold(j, a.text, &a.gold, &err)) {
      problems->push_back(a.id + ": " + err);
      continue;
    }
    if (a.gold.id != a.id) {
      problems->push_back(a.id + ": gold id \"" + a.gold.id + "\" differs from the file name");
      continue;
    }
    out.push_back(std::move(a));
  }
  return out;
}

/// Parses "YYYY-MM-DD" (as validated by load_gold) into a DateValue.
inline std::optional<vnie::DateValue> parse_ymd(const std::optional<std::string>& s) {
  if (!s) return std::nullopt;
  vnie::DateValue d;
  d.year = std::stoi(s->substr(0, 4));
  d.month = std::stoi(s->substr(5, 2));
  d.day = std::stoi(s->substr(8, 2));
  return d;
}

struct CorpusResult {
  std::size_t articles = 0;           ///< articles scored
  std::vector<std::string> problems;  ///< missing or invalid gold files, extraction failures
  Scorer scorer;
};

/// Runs `ex` over every article of `dir` that has a valid gold file (the gold's
/// reference_date, when set, is passed as DocumentInfo::reference_date) and scores
/// the results.
inline CorpusResult evaluate_corpus(const std::filesystem::path& dir, const vnie::Extractor& ex) {
  CorpusResult r;
  for (const Article& a : load_corpus(dir, &r.problems)) {
    vnie::DocumentInfo info;
    info.id = a.id;
    info.reference_date = parse_ymd(a.gold.reference_date);
    vnie::Document doc;
    const vnie::Status st = ex.extract(a.text, info, &doc);
    if (!st.ok()) {
      r.problems.push_back(a.id + ": " + st.to_string());
      continue;
    }
    r.scorer.add(a.gold, json::parse(vnie::to_json_line(doc)));
    r.articles++;
  }
  return r;
}

/// The mention and event tables and the event field agreement, as text.
inline std::string format_tables(const Scorer& scorer) {
  auto fmt = [](double x) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.2f", x);
    return std::string(buf);
  };
  auto pad = [](std::string s, std::size_t w) {
    if (s.size() < w) s.append(w - s.size(), ' ');
    return s;
  };
  auto rows = [&](std::ostringstream& os, const std::vector<Row>& table) {
    for (const Row& r : table)
      os << pad(r.type, 13) << pad(std::to_string(r.counts.gold), 7)
         << pad(std::to_string(r.counts.extracted), 5) << "| " << fmt(r.span.precision) << " "
         << fmt(r.span.recall) << "  " << fmt(r.span.f1) << " | " << fmt(r.value.precision) << " "
         << fmt(r.value.recall) << "  " << fmt(r.value.f1) << "\n";
  };
  std::ostringstream os;
  os << "type          gold   got  | span P  R     F1   | value P  R     F1\n";
  rows(os, scorer.table());
  os << "event         gold   got  | found P R  F1   | exact P R  F1  (found: same type, evidence"
        " overlaps; exact: compared fields equal)\n";
  rows(os, scorer.event_table());
  os << "event fields equal among found events:";
  for (const auto& [type, fields] : scorer.event_field_agreement()) {
    os << "\n  " << type << ":";
    for (const auto& [f, n] : fields) os << " " << f << " " << n.first << "/" << n.second;
  }
  return os.str();
}

}  // namespace vnie_eval
