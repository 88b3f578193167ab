// The annotated evaluation corpus (corpus/*.txt, corpus/gold/*.json): every gold
// file is valid against its article, and the extractor's per-type F1 on the corpus
// does not fall below corpus/gold/baseline.json. Scoring lives in
// tests/corpus_scorer.h; the gold format in corpus/gold/README.md.
//
// Environment:
//   VNIE_CORPUS_ERRORS=1          print every miss / wrong value / false positive
//   VNIE_CORPUS_WRITE_BASELINE=1  rewrite corpus/gold/baseline.json with the scores
//                                 measured now, floored to 2 decimals
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "corpus_scorer.h"
#include "support.h"
#include "vnie/extractor.h"
#include "vnie/json.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

fs::path corpus_dir() { return vnie_test::source_dir() / "corpus"; }
fs::path gold_dir() { return corpus_dir() / "gold"; }

struct Article {
  std::string id;  ///< file stem, "005_ldld_quang_ninh_tong_ket"
  std::string text;
  vnie_eval::GoldDoc gold;
};

std::vector<fs::path> sorted_files(const fs::path& dir, const std::string& ext) {
  std::vector<fs::path> out;
  if (!fs::exists(dir)) return out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ext) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// Loads every article with its gold file; reports each problem with CHECK.
std::vector<Article> load_articles() {
  std::vector<Article> out;
  for (const fs::path& txt : sorted_files(corpus_dir(), ".txt")) {
    Article a;
    a.id = txt.stem().string();
    a.text = vnie_test::read_file(txt);
    const fs::path gp = gold_dir() / (a.id + ".json");
    INFO("article ", a.id);
    if (!fs::exists(gp)) {
      CHECK_MESSAGE(false, "no gold file ", gp.string());
      continue;
    }
    json j = json::parse(vnie_test::read_file(gp), nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) {
      CHECK_MESSAGE(false, "gold file is not valid JSON: ", gp.string());
      continue;
    }
    std::string err;
    const bool ok = vnie_eval::load_gold(j, a.text, &a.gold, &err);
    CHECK_MESSAGE(ok, gp.filename().string(), ": ", err);
    if (!ok) continue;
    CHECK_MESSAGE(a.gold.id == a.id, "gold id ", a.gold.id, " differs from the file name");
    out.push_back(std::move(a));
  }
  return out;
}

std::optional<vnie::DateValue> parse_ymd(const std::optional<std::string>& s) {
  if (!s) return std::nullopt;
  vnie::DateValue d;
  d.year = std::stoi(s->substr(0, 4));
  d.month = std::stoi(s->substr(5, 2));
  d.day = std::stoi(s->substr(8, 2));
  return d;
}

std::string fmt(double x) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", x);
  return buf;
}

std::string pad(std::string s, std::size_t w) {
  if (s.size() < w) s.append(w - s.size(), ' ');
  return s;
}

}  // namespace

TEST_CASE("corpus gold: every article has a valid gold file") {
  const auto txts = sorted_files(corpus_dir(), ".txt");
  REQUIRE(txts.size() >= 30);
  const auto articles = load_articles();
  CHECK(articles.size() == txts.size());
  // Every gold file belongs to an article.
  for (const fs::path& g : sorted_files(gold_dir(), ".json")) {
    if (g.filename() == "baseline.json") continue;
    CHECK_MESSAGE(fs::exists(corpus_dir() / (g.stem().string() + ".txt")),
                  "gold file without an article: ", g.string());
  }
  std::map<std::string, std::size_t> per_type;
  std::size_t events = 0;
  for (const Article& a : articles) {
    for (const auto& m : a.gold.mentions) per_type[m.type]++;
    events += a.gold.events.size();
    // No two gold mentions of one type share a span.
    std::set<std::tuple<std::string, std::size_t, std::size_t>> seen;
    for (const auto& m : a.gold.mentions)
      CHECK_MESSAGE(seen.insert({m.type, m.start, m.end}).second, a.id,
                    ": duplicate gold mention ", m.type, " \"", m.text, "\"");
  }
  std::ostringstream os;
  os << "gold annotations:";
  for (const auto& [t, n] : per_type) os << " " << t << "=" << n;
  os << " events=" << events;
  MESSAGE(os.str());
}

TEST_CASE("corpus gold: extraction scores do not fall below the baseline") {
  const auto articles = load_articles();
  REQUIRE(!articles.empty());
  std::unique_ptr<vnie::Extractor> ex;
  const vnie::Status st = vnie::Extractor::create({}, &ex);
  REQUIRE_MESSAGE(st.ok(), st.to_string());

  vnie_eval::Scorer scorer;
  for (const Article& a : articles) {
    vnie::DocumentInfo info;
    info.id = a.id;
    info.reference_date = parse_ymd(a.gold.reference_date);
    vnie::Document doc;
    const vnie::Status s = ex->extract(a.text, info, &doc);
    REQUIRE_MESSAGE(s.ok(), a.id, ": ", s.to_string());
    scorer.add(a.gold, json::parse(vnie::to_json_line(doc)));
  }

  const auto rows = scorer.table();
  std::ostringstream os;
  os << "corpus: " << articles.size() << " articles\n"
     << "type          gold   got  | span P  R     F1   | value P  R     F1\n";
  for (const auto& r : rows)
    os << pad(r.type, 13) << pad(std::to_string(r.counts.gold), 7)
       << pad(std::to_string(r.counts.extracted), 5) << "| " << fmt(r.span.precision) << " "
       << fmt(r.span.recall) << "  " << fmt(r.span.f1) << " | " << fmt(r.value.precision)
       << " " << fmt(r.value.recall) << "  " << fmt(r.value.f1) << "\n";
  const auto erows = scorer.event_table();
  os << "event         gold   got  | found P R  F1   | exact P R  F1  (found: same type, evidence overlaps;"
        " exact: compared fields equal)\n";
  for (const auto& r : erows)
    os << pad(r.type, 13) << pad(std::to_string(r.counts.gold), 7)
       << pad(std::to_string(r.counts.extracted), 5) << "| " << fmt(r.span.precision) << " "
       << fmt(r.span.recall) << "  " << fmt(r.span.f1) << " | " << fmt(r.value.precision)
       << " " << fmt(r.value.recall) << "  " << fmt(r.value.f1) << "\n";
  os << "event fields equal among found events:";
  for (const auto& [type, fields] : scorer.event_field_agreement()) {
    os << "\n  " << type << ":";
    for (const auto& [f, n] : fields) os << " " << f << " " << n.first << "/" << n.second;
  }
  MESSAGE(os.str());

  // The most frequent error patterns (same type, kind and text), for rule writers.
  std::map<std::string, std::size_t> patterns;
  for (const auto& e : scorer.errors()) patterns[e.type + " " + e.kind + " \"" + e.text + "\""]++;
  std::vector<std::pair<std::size_t, std::string>> top;
  for (const auto& [k, n] : patterns) top.emplace_back(n, k);
  std::stable_sort(top.begin(), top.end(),
                   [](const auto& x, const auto& y) { return x.first > y.first; });
  std::ostringstream es;
  es << "errors: " << scorer.errors().size() << "; most frequent:";
  for (std::size_t k = 0; k < top.size() && k < 25; ++k)
    es << "\n  " << top[k].first << "x " << top[k].second;
  MESSAGE(es.str());
  if (const char* v = std::getenv("VNIE_CORPUS_ERRORS"); v && *v && std::string(v) != "0") {
    std::ostringstream all;
    for (const auto& e : scorer.errors())
      all << e.doc << "\t" << e.type << "\t" << e.kind << "\t" << e.start << "\t" << e.text
          << "\t" << e.detail << "\n";
    MESSAGE(all.str());
  }

  const fs::path bp = gold_dir() / "baseline.json";
  if (const char* v = std::getenv("VNIE_CORPUS_WRITE_BASELINE"); v && *v && std::string(v) != "0") {
    json b = json::object();
    for (const auto& r : rows)
      if (r.type != "all")
        b["mentions"][r.type] = {{"span_f1", vnie_eval::floor2(r.span.f1)},
                                 {"value_f1", vnie_eval::floor2(r.value.f1)}};
    for (const auto& r : erows)
      b["events"][r.type] = {{"span_f1", vnie_eval::floor2(r.span.f1)},
                             {"value_f1", vnie_eval::floor2(r.value.f1)}};
    std::ofstream(bp) << b.dump(2) << "\n";
    MESSAGE("wrote ", bp.string());
  }

  REQUIRE_MESSAGE(fs::exists(bp), "no baseline ", bp.string());
  const json base = json::parse(vnie_test::read_file(bp), nullptr, false);
  REQUIRE_MESSAGE(!base.is_discarded(), "baseline.json is not valid JSON");
  REQUIRE(base.contains("mentions"));
  // Mentions (required) and events (when the baseline lists them).
  auto check = [&](const std::vector<vnie_eval::Row>& table, const char* section) {
    if (!base.contains(section)) return;
    for (const auto& r : table) {
      if (!base[section].contains(r.type)) continue;
      const json& b = base[section][r.type];
      const double span_min = b.value("span_f1", 0.0), value_min = b.value("value_f1", 0.0);
      CHECK_MESSAGE(r.span.f1 + 1e-9 >= span_min, section, " ", r.type, ": span F1 ",
                    fmt(r.span.f1), " fell below the baseline ", fmt(span_min));
      CHECK_MESSAGE(r.value.f1 + 1e-9 >= value_min, section, " ", r.type, ": value F1 ",
                    fmt(r.value.f1), " fell below the baseline ", fmt(value_min));
    }
  };
  check(rows, "mentions");
  check(erows, "events");
}
