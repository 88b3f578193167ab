// The annotated evaluation sets: the corpus (corpus/*.txt, corpus/gold/*.json, tuned
// on) and the real-text gold (tests/gold-real/, 320 dantri paragraphs never tuned
// on, issue 15). For each, every gold file is valid against its text, and the
// extractor's per-type F1 does not fall below <dir>/gold/baseline.json; the two are
// reported separately. Loading and scoring live in
// tests/corpus_scorer.h (reusable by a `vnie eval`); the gold format in
// corpus/gold/README.md.
//
// Environment:
//   VNIE_CORPUS_ERRORS=1          print every miss / wrong value / false positive
//   VNIE_CORPUS_WRITE_BASELINE=1  rewrite the baseline.json of the set(s) run with the scores
//                                 measured now, floored to 2 decimals
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
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

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

fs::path corpus_dir() { return vnie_test::source_dir() / "corpus"; }

bool env_flag(const char* name) {
  const char* v = std::getenv(name);
  return v && *v && std::string(v) != "0";
}

std::string fmt(double x) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", x);
  return buf;
}

// Checks every gold file of `dir` (at least `min_docs` articles) and reports the counts.
void check_gold_files(const fs::path& dir, std::size_t min_docs) {
  std::size_t txts = 0;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".txt") ++txts;
  REQUIRE(txts >= min_docs);

  std::vector<std::string> problems;
  const auto articles = vnie_eval::load_corpus(dir, &problems);
  for (const std::string& p : problems) CHECK_MESSAGE(false, p);
  CHECK(articles.size() == txts);

  std::map<std::string, std::size_t> per_type;
  std::size_t events = 0;
  for (const auto& a : articles) {
    for (const auto& m : a.gold.mentions) per_type[m.type]++;
    events += a.gold.events.size();
    // No two gold mentions of one type share a span.
    std::set<std::tuple<std::string, std::size_t, std::size_t>> seen;
    for (const auto& m : a.gold.mentions)
      CHECK_MESSAGE(seen.insert({m.type, m.start, m.end}).second, a.id,
                    ": duplicate gold mention ", m.type, " \"", m.text, "\"");
  }
  std::ostringstream os;
  os << dir.filename().string() << " gold annotations:";
  for (const auto& [t, n] : per_type) os << " " << t << "=" << n;
  os << " events=" << events;
  MESSAGE(os.str());
}

// Scores the default extractor on `dir` and checks the scores against
// `dir`/gold/baseline.json (rewritten with VNIE_CORPUS_WRITE_BASELINE=1).
void check_scores(const fs::path& dir) {
  std::unique_ptr<vnie::Extractor> ex;
  const vnie::Status st = vnie::Extractor::create({}, &ex);
  REQUIRE_MESSAGE(st.ok(), st.to_string());

  const vnie_eval::CorpusResult res = vnie_eval::evaluate_corpus(dir, *ex);
  for (const std::string& p : res.problems) CHECK_MESSAGE(false, p);
  REQUIRE(res.articles > 0);
  const vnie_eval::Scorer& scorer = res.scorer;
  MESSAGE(dir.filename().string(), ": ", res.articles, " articles\n",
          vnie_eval::format_tables(scorer));
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
  if (env_flag("VNIE_CORPUS_ERRORS")) {
    std::ostringstream all;
    for (const auto& e : scorer.errors())
      all << e.doc << "\t" << e.type << "\t" << e.kind << "\t" << e.start << "\t" << e.text
          << "\t" << e.detail << "\n";
    MESSAGE(all.str());
  }

  const auto rows = scorer.table();
  const auto erows = scorer.event_table();
  const fs::path bp = dir / "gold" / "baseline.json";
  if (env_flag("VNIE_CORPUS_WRITE_BASELINE")) {
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

}  // namespace

TEST_CASE("corpus gold: every article has a valid gold file") { check_gold_files(corpus_dir(), 30); }

TEST_CASE("corpus gold: extraction scores do not fall below the baseline") {
  check_scores(corpus_dir());
}

// The real-text gold set: paragraphs of the dantri news file (GPLv3, see
// tests/gold-real/README.md), chosen by scripts/select-gold-real.py and annotated by hand.
TEST_CASE("gold-real: every paragraph has a valid gold file") {
  check_gold_files(vnie_test::source_dir() / "tests" / "gold-real", 300);
}

TEST_CASE("gold-real: extraction scores do not fall below the baseline") {
  check_scores(vnie_test::source_dir() / "tests" / "gold-real");
}
