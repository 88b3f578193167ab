// The annotated evaluation corpus (corpus/*.txt, corpus/gold/*.json): every gold
// file is valid against its article, and the extractor's per-type F1 on the corpus
// does not fall below corpus/gold/baseline.json. Loading and scoring live in
// tests/corpus_scorer.h (reusable by a `vnie eval`); the gold format in
// corpus/gold/README.md.
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

}  // namespace

TEST_CASE("corpus gold: every article has a valid gold file") {
  std::size_t txts = 0;
  for (const auto& e : fs::directory_iterator(corpus_dir()))
    if (e.path().extension() == ".txt") ++txts;
  REQUIRE(txts >= 30);

  std::vector<std::string> problems;
  const auto articles = vnie_eval::load_corpus(corpus_dir(), &problems);
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
  os << "gold annotations:";
  for (const auto& [t, n] : per_type) os << " " << t << "=" << n;
  os << " events=" << events;
  MESSAGE(os.str());
}

TEST_CASE("corpus gold: extraction scores do not fall below the baseline") {
  std::unique_ptr<vnie::Extractor> ex;
  const vnie::Status st = vnie::Extractor::create({}, &ex);
  REQUIRE_MESSAGE(st.ok(), st.to_string());

  const vnie_eval::CorpusResult res = vnie_eval::evaluate_corpus(corpus_dir(), *ex);
  for (const std::string& p : res.problems) CHECK_MESSAGE(false, p);
  REQUIRE(res.articles > 0);
  const vnie_eval::Scorer& scorer = res.scorer;
  MESSAGE("corpus: ", res.articles, " articles\n", vnie_eval::format_tables(scorer));

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
  const fs::path bp = corpus_dir() / "gold" / "baseline.json";
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
