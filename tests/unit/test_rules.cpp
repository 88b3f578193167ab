// The rule engine: rule file loading and its errors, user directories,
// views, word boundaries, overlaps, embedded examples, thread safety.
#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include "extract/production.h"
#include "extract/resolve.h"
#include "rules/ruleset.h"
#include "support.h"
#include "vnie/extractor.h"
#include "vnie/json.h"

namespace fs = std::filesystem;

namespace {

using vnie_test::TempRules;

vnie::Status build(const TempRules& t, std::unique_ptr<vnie::Extractor>* ex,
                   bool defaults = false) {
  vnie::Options opt;
  opt.use_default_rules = defaults;
  opt.rule_dirs = {t.path()};
  return vnie::Extractor::create(opt, ex);
}

vnie::Document run(const vnie::Extractor& ex, std::string_view text) {
  vnie::Document doc;
  REQUIRE(ex.extract(text, {}, &doc).ok());
  return doc;
}

const std::string kNumberRule = R"(rule t.num
  type: number
  production: number
  pattern: (?P<num>\d+)
end
)";

}  // namespace

TEST_CASE("rules: the embedded defaults load and every example holds") {
  std::vector<vnie::RuleInfo> infos;
  vnie::Status s = vnie::check_rules({}, true, &infos);
  INFO(s.to_string());
  CHECK(s.ok());
  CHECK(!infos.empty());
  bool found = false;
  for (const auto& r : infos) {
    found |= r.id == "number.digits";
    CHECK(r.file.rfind("<embedded>/", 0) == 0);
  }
  CHECK(found);
}

TEST_CASE("rules: loading errors name file, line and rule") {
  struct Case {
    const char* name;
    std::string content;
    vnie::ErrorCode code;
    std::size_t line;
    const char* needle;
  };
  const std::vector<Case> cases = {
      {"unknown key", "rule a\n  type: number\n  colour: red\nend\n",
       vnie::ErrorCode::rule_syntax, 3, "unknown key 'colour'"},
      {"no end", "rule a\n  type: number\n", vnie::ErrorCode::rule_syntax, 1, "has no 'end'"},
      {"unknown type", "rule a\n  type: thing\nend\n", vnie::ErrorCode::rule_syntax, 2,
       "unknown type 'thing'"},
      {"missing pattern", "rule a\n  type: number\n  production: number\nend\n",
       vnie::ErrorCode::rule_syntax, 1, "has no 'pattern'"},
      {"bad priority", "rule a\n  priority: high\nend\n", vnie::ErrorCode::rule_syntax, 2,
       "priority is an integer"},
      {"key twice", "rule a\n  type: number\n  type: money\nend\n", vnie::ErrorCode::rule_syntax,
       3, "given twice"},
      {"stray line", "hello\n", vnie::ErrorCode::rule_syntax, 1, "expected 'rule ID'"},
      {"open block",
       "rule a\n  type: number\n  production: number\n  pattern: <<\n  \\d+\nend\n",
       vnie::ErrorCode::rule_syntax, 4, "no closing '>>'"},
      {"duplicate id", kNumberRule + kNumberRule, vnie::ErrorCode::rule_reference, 6,
       "duplicate rule id 't.num'"},
      {"unknown macro",
       "rule a\n  type: number\n  production: number\n  pattern: {{NOPE}}\nend\n",
       vnie::ErrorCode::rule_reference, 4, "unknown macro '{{NOPE}}'"},
      {"macro cycle",
       "macro A = x{{B}}\nmacro B = {{A}}\nrule a\n  type: number\n  production: number\n"
       "  pattern: {{A}}\nend\n",
       vnie::ErrorCode::rule_reference, 6, "macro cycle"},
      {"unknown list",
       "rule a\n  type: number\n  production: number\n  pattern: {{list:nothing}}\nend\n",
       vnie::ErrorCode::rule_reference, 4, "unknown list 'nothing'"},
      {"unknown production",
       "rule a\n  type: number\n  production: nothing\n  pattern: x\nend\n",
       vnie::ErrorCode::rule_reference, 1, "unknown production 'nothing'"},
      {"RE2 error", "rule a\n  type: number\n  production: number\n  pattern: (?P<num>\\d+\nend\n",
       vnie::ErrorCode::rule_compile, 4, "missing )"},
      {"RE2 lookahead", "rule a\n  type: number\n  production: number\n  pattern: a(?=b)\nend\n",
       vnie::ErrorCode::rule_compile, 4, "RE2 cannot compile"},
      {"invalid UTF-8", "rule a\n  type: number\n  pattern: \xC3(\nend\n",
       vnie::ErrorCode::rule_syntax, 3, "not valid UTF-8"},
      {"failing example",
       kNumberRule.substr(0, kNumberRule.size() - 4) + "  example: 12 => {\"value\": 13}\nend\n",
       vnie::ErrorCode::rule_example, 5, "does not have value=13"},
      {"two marked spans",
       kNumberRule.substr(0, kNumberRule.size() - 4) + "  example: «1» và «2»\nend\n",
       vnie::ErrorCode::rule_example, 5, "one balanced pair"},
      {"failing negative",
       kNumberRule.substr(0, kNumberRule.size() - 4) + "  not: có 12 người\nend\n",
       vnie::ErrorCode::rule_example, 5, "must give no number"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    TempRules t;
    t.file("bad.rules", c.content);
    vnie::Status s = vnie::check_rules({t.path()}, false, nullptr);
    CAPTURE(s.to_string());
    CHECK(s.code == c.code);
    CHECK(s.file == (fs::path(t.path()) / "bad.rules").string());
    CHECK(s.line == c.line);
    CHECK(s.message.find(c.needle) != std::string::npos);
  }
}

TEST_CASE("rules: a bad list line is an error with its line") {
  TempRules t;
  t.file("lists/orgs.txt", "# comment\nCông đoàn||CĐ\n");
  vnie::Status s = vnie::check_rules({t.path()}, false, nullptr);
  CHECK(s.code == vnie::ErrorCode::rule_syntax);
  CHECK(s.line == 2);
  CHECK(s.message.find("empty field") != std::string::npos);
  TempRules u;
  u.file("lists/orgs.txt", "Công đoàn|CĐ ; kind\n");
  s = vnie::check_rules({u.path()}, false, nullptr);
  CHECK(s.message.find("not key=value") != std::string::npos);
}

TEST_CASE("rules: list attributes are checked at load: syntax, and the declared ones") {
  struct Case {
    const char* name;
    const char* content;
    std::size_t line;
    const char* needle;
  };
  const Case cases[] = {
      {"attributes separated by ';'", "# days\nhôm qua ; offset=-1; now=0\n", 2, "no ';'"},
      {"a key given twice", "hôm qua ; offset=-1 offset=1\n", 1, "given twice"},
      {"an undeclared key", "# days\n#! attributes: offset=int\nhôm qua ; ofset=-1\n", 3,
       "declared: offset"},
      {"a value of the wrong type", "#! attributes: offset=int\nhôm qua ; offset=một\n", 2,
       "not of type int"},
      {"a bad declaration", "#! attributes: offset=number\nhôm qua ; offset=1\n", 1,
       "key=int|word|words"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    TempRules t;
    t.file("lists/days.txt", c.content);
    vnie::Status s = vnie::check_rules({t.path()}, false, nullptr);
    CAPTURE(s.to_string());
    CHECK(s.code == vnie::ErrorCode::rule_syntax);
    CHECK(s.file == (fs::path(t.path()) / "lists/days.txt").string());
    CHECK(s.line == c.line);
    CHECK(s.message.find(c.needle) != std::string::npos);
  }
  TempRules ok;  // declared and well typed: loads
  ok.file("lists/days.txt",
          "#! attributes: offset=int kind=word ranks=words\nhôm qua ; offset=-1 kind=past "
          "ranks=vàng,bạc\n");
  CHECK(vnie::check_rules({ok.path()}, false, nullptr).ok());
}

TEST_CASE("rules: a missing directory is an io error naming it") {
  vnie::Options opt;
  opt.rule_dirs = {"/nonexistent/vnie-rules"};
  std::unique_ptr<vnie::Extractor> ex;
  vnie::Status s = vnie::Extractor::create(opt, &ex);
  CHECK(s.code == vnie::ErrorCode::io_error);
  CHECK(s.file == "/nonexistent/vnie-rules");
  CHECK(ex == nullptr);
}

TEST_CASE("rules: user directories add rules and override by id") {
  TempRules add;
  add.file("x.rules",
           "rule user.code\n  type: number\n  production: number\n"
           "  pattern: MÃ-(?P<num>\\d+)\n  case: sensitive\n  example: MÃ-42 => {\"value\": 42}\n"
           "  not: «mã»-42\nend\n");
  std::vector<vnie::RuleInfo> infos;
  vnie::Status s = vnie::check_rules({add.path()}, true, &infos);
  INFO(s.to_string());
  REQUIRE(s.ok());
  CHECK(infos.back().id == "user.code");
  CHECK(infos.back().examples == 1);
  CHECK(infos.back().negative_examples == 1);

  // Override the default number rule: only numbers of exactly two digits.
  TempRules over;
  over.file("o.rules",
            "rule number.digits\n  type: number\n  production: number\n"
            "  pattern: (?P<num>\\d\\d)\n  priority: 3\nend\n");
  vnie::Options opt;
  opt.rule_dirs = {over.path()};
  std::unique_ptr<vnie::Extractor> ex;
  REQUIRE(vnie::Extractor::create(opt, &ex).ok());
  std::size_t count = 0;
  for (const auto& r : ex->rules()) {
    if (r.id == "number.digits") {
      ++count;
      CHECK(r.priority == 3);
      CHECK(r.file == (fs::path(over.path()) / "o.rules").string());
    }
  }
  CHECK(count == 1);
  auto doc = run(*ex, "mã 12 và 345 ký hiệu");
  std::vector<std::string> by_rule;
  for (const auto& m : doc.mentions) {
    if (m.rule == "number.digits") by_rule.push_back(m.text);
  }
  CHECK(by_rule == std::vector<std::string>{"12"});
}

TEST_CASE("rules: word boundaries use Unicode letters") {
  TempRules t;
  t.file("w.rules",
         "rule t.vi\n  type: number\n  production: number\n  pattern: Vi(?P<num>\\d+)\nend\n"
         "rule t.any\n  type: number\n  production: number\n  boundary: none\n"
         "  pattern: ệt(?P<num>\\d+)\nend\n");
  std::unique_ptr<vnie::Extractor> ex;
  vnie::Status s = build(t, &ex);
  REQUIRE(s.ok());
  // A match followed or preceded by a Vietnamese letter is inside a word
  // (RE2's ASCII \b would accept "Vi2" in "Vi2ệt").
  for (const char* inside : {"Vi2ệt Nam", "ĐVi2 Nam", "Vi2\u0301 Nam"}) {
    CAPTURE(inside);
    auto doc = run(*ex, inside);
    for (const auto& m : doc.mentions) CHECK(m.rule != "t.vi");
  }
  auto doc = run(*ex, "(Vi2) Nam");
  REQUIRE(doc.mentions.size() == 1);
  CHECK(doc.mentions[0].rule == "t.vi");
  CHECK(doc.mentions[0].text == "Vi2");
  // boundary: none matches inside words.
  doc = run(*ex, "Việt5a");
  REQUIRE(doc.mentions.size() == 1);
  CHECK(doc.mentions[0].text == "ệt5");
}

TEST_CASE("rules: folded-view rules ignore case and diacritics, spans are original bytes") {
  TempRules t;
  t.file("lists/heads.txt", "Công đoàn|CĐ ; kind=trade_union\nỦy ban nhân dân|UBND ; kind=state\n")
      .file("f.rules",
            "rule t.folded\n  type: number\n  production: number\n  view: folded\n"
            "  pattern: (?P<unit>{{list:heads}})\\s(?P<num>\\d+)\nend\n");
  std::unique_ptr<vnie::Extractor> ex;
  vnie::Status s = build(t, &ex);
  INFO(s.to_string());
  REQUIRE(s.ok());
  const std::string input = "Gửi CÔNG ĐOÀN 5 và Uỷ Ban Nhân Dân 7.";
  auto doc = run(*ex, input);
  REQUIRE(doc.mentions.size() == 2);
  CHECK(doc.mentions[0].text == "CÔNG ĐOÀN 5");
  CHECK(input.substr(doc.mentions[0].start, doc.mentions[0].end - doc.mentions[0].start) ==
        "CÔNG ĐOÀN 5");
  CHECK(std::get<vnie::NumberValue>(doc.mentions[0].value).value == 5);
  CHECK(doc.mentions[1].text == "Uỷ Ban Nhân Dân 7");
  CHECK(std::get<vnie::NumberValue>(doc.mentions[1].value).value == 7);
}

TEST_CASE("rules: a production reads folded captures back with their diacritics") {
  vnie::Normalizer n;
  const vnie::NormalizedText nt = n.normalize("Gửi Uỷ Ban Nhân Dân tỉnh");
  REQUIRE(nt.folded == "gui uy ban nhan dan tinh");
  vnie::detail::Match m;
  const std::string_view folded = nt.folded;
  m.captures_.push_back({"unit", folded.substr(4, 15)});  // "uy ban nhan dan"
  m.captures_.push_back({"none", std::string_view()});
  m.whole_ = folded.substr(4);
  m.view_ = vnie::View::folded;
  m.start_ = 4;
  m.end_ = folded.size();
  m.doc_ = &nt;
  CHECK(m.get("unit") == "uy ban nhan dan");
  CHECK(m.normalized("unit") == "Ủy Ban Nhân Dân");  // canonical tone placement
  CHECK(m.whole_normalized() == "Ủy Ban Nhân Dân tỉnh");
  CHECK(!m.has("none"));
  CHECK(!m.get("missing"));
}

TEST_CASE("rules: overlap policy") {
  using vnie::detail::Candidate;
  auto cand = [](std::size_t s, std::size_t e, vnie::MentionType t, int prio, std::size_t order) {
    Candidate c;
    c.start = s;
    c.end = e;
    c.type = t;
    c.priority = prio;
    c.order = order;
    c.rule = order;
    return c;
  };
  using T = vnie::MentionType;
  // A covering span wins over a higher-priority inner one.
  auto out = vnie::detail::resolve_overlaps(
      {cand(0, 4, T::number, 9, 0), cand(0, 12, T::money, 0, 1)});
  REQUIRE(out.size() == 1);
  CHECK(out[0].type == T::money);
  // Crossing spans: priority, then file order.
  out = vnie::detail::resolve_overlaps({cand(0, 6, T::date, 1, 5), cand(4, 12, T::number, 2, 6)});
  REQUIRE(out.size() == 1);
  CHECK(out[0].start == 4);
  out = vnie::detail::resolve_overlaps({cand(0, 6, T::date, 1, 5), cand(4, 12, T::number, 1, 2)});
  REQUIRE(out.size() == 1);
  CHECK(out[0].order == 2);
  // Same span, same priority: the rule loaded first wins.
  out = vnie::detail::resolve_overlaps({cand(3, 6, T::date, 0, 7), cand(3, 6, T::number, 0, 4)});
  REQUIRE(out.size() == 1);
  CHECK(out[0].type == T::number);
  // Layers do not suppress each other; output sorted by start.
  out = vnie::detail::resolve_overlaps(
      {cand(10, 30, T::organization, 0, 1), cand(0, 14, T::number, 0, 2), cand(20, 22, T::number, 0, 3)});
  REQUIRE(out.size() == 3);
  CHECK(out[0].type == T::number);
  CHECK(out[1].type == T::organization);
  CHECK(out[2].start == 20);
}

TEST_CASE("rules: productions may reject, stages see earlier mentions, --types filters") {
  TempRules t;
  t.file("a.rules",
         "rule t.num\n  type: number\n  production: number\n  pattern: (?P<num>\\d+(?:,\\d+)?)\nend\n"
         "rule t.ord\n  type: number\n  production: number\n  stage: 2\n"
         "  pattern: thứ (?P<num>\\d+)\nend\n"
         "rule t.pct\n  type: percent\n  production: percent\n"
         "  pattern: (?P<num>\\d+(?:,\\d+)?)%\nend\n");
  std::unique_ptr<vnie::Extractor> ex;
  REQUIRE(build(t, &ex).ok());
  auto doc = run(*ex, "lần thứ 3 có 4,5 tấn, 7%");
  REQUIRE(doc.mentions.size() == 3);
  CHECK(doc.mentions[0].rule == "t.ord");  // stage 2 covers the "3" of stage 1
  CHECK(doc.mentions[0].text == "thứ 3");
  CHECK(std::get<vnie::NumberValue>(doc.mentions[1].value).value == doctest::Approx(4.5));
  CHECK(doc.mentions[2].type == vnie::MentionType::percent);
  CHECK(std::get<vnie::PercentValue>(doc.mentions[2].value).value == 7);

  vnie::Options opt;
  opt.use_default_rules = false;
  opt.rule_dirs = {t.path()};
  opt.types = {vnie::MentionType::percent};
  REQUIRE(vnie::Extractor::create(opt, &ex).ok());
  doc = run(*ex, "lần thứ 3 có 4,5 tấn, 7%");
  REQUIRE(doc.mentions.size() == 1);
  CHECK(doc.mentions[0].type == vnie::MentionType::percent);
}

TEST_CASE("extractor: oversized documents are refused, empty ones are fine") {
  vnie::Options opt;
  opt.max_document_bytes = 10;
  std::unique_ptr<vnie::Extractor> ex;
  REQUIRE(vnie::Extractor::create(opt, &ex).ok());
  vnie::Document doc;
  vnie::Status s = ex->extract("0123456789A", {}, &doc);
  CHECK(s.code == vnie::ErrorCode::input_too_large);
  s = ex->extract("", {}, &doc);
  CHECK(s.ok());
  CHECK(doc.mentions.empty());
}

TEST_CASE("extractor: spans slice the original input, even with invalid bytes and NFD") {
  std::unique_ptr<vnie::Extractor> ex;
  REQUIRE(vnie::Extractor::create({}, &ex).ok());
  const std::string input =
      "Vie\xCC\xA3\xCC\x82t 12 \xFF ng\xE1\xBB\xA3\xC6\xA1i 4.609 ng\xC6\xB0\xC6\xA1\xCC\x80i";
  vnie::Document doc;
  REQUIRE(ex->extract(input, {}, &doc).ok());
  CHECK(!doc.warnings.empty());
  std::vector<std::string> texts;
  for (const auto& m : doc.mentions) {
    REQUIRE(m.end <= input.size());
    CHECK(input.substr(m.start, m.end - m.start) == m.text);
    texts.push_back(m.text);
  }
  // The default rules find the two figures (possibly with the nouns they count).
  REQUIRE(texts.size() >= 2);
  CHECK(texts[0].rfind("12", 0) == 0);
  CHECK(texts.back().rfind("4.609", 0) == 0);
}

TEST_CASE("extractor: one extractor shared by threads gives the same output") {
  std::unique_ptr<vnie::Extractor> ex;
  REQUIRE(vnie::Extractor::create({}, &ex).ok());
  std::vector<std::string> docs;
  std::mt19937 rng(7);
  for (int i = 0; i < 64; ++i) {
    std::string d;
    for (int k = 0; k < 40; ++k) {
      d += std::to_string(rng() % 100000) + (k % 3 ? " người, " : ",5 tỷ đồng. ");
    }
    docs.push_back(d);
  }
  std::vector<std::string> expected;
  for (const auto& d : docs) {
    vnie::Document doc;
    REQUIRE(ex->extract(d, {}, &doc).ok());
    expected.push_back(vnie::to_json_line(doc));
  }
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (std::size_t i = 0; i < docs.size(); ++i) {
        const std::size_t k = (i + static_cast<std::size_t>(t) * 13) % docs.size();
        vnie::Document doc;
        if (!ex->extract(docs[k], {}, &doc).ok() || vnie::to_json_line(doc) != expected[k]) {
          ++mismatches;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  CHECK(mismatches == 0);
}

TEST_CASE("extractor: the prefilter never changes results") {
  std::vector<std::string> docs;
  for (const auto& e : fs::directory_iterator(vnie_test::source_dir() / "corpus")) {
    if (e.path().extension() == ".txt") docs.push_back(vnie_test::read_file(e.path()));
  }
  REQUIRE(docs.size() >= 5);
  docs.push_back("Công đoàn cơ sở CTY TNHH ABC tặng 5 suất quà, mỗi suất 500.000đ; HÒA BÌNH 20/11.");
  docs.push_back("cong doan tinh tang 13,5 trieu dong cho 03 tap the");
  vnie::Options with, without;
  without.prefilter = false;
  std::unique_ptr<vnie::Extractor> a, b;
  REQUIRE(vnie::Extractor::create(with, &a).ok());
  REQUIRE(vnie::Extractor::create(without, &b).ok());
  for (const auto& d : docs) {
    vnie::Document da, db;
    REQUIRE(a->extract(d, {}, &da).ok());
    REQUIRE(b->extract(d, {}, &db).ok());
    CHECK(vnie::to_json_line(da) == vnie::to_json_line(db));
    CHECK(!da.mentions.empty());
  }
}

TEST_CASE("rules: a gate says yes at the start of every example its rule must find") {
  // A gate (extract/production.h) may only refuse starts where its production refuses every
  // match; the rule examples are matches the production accepts, so the gate must pass them.
  static const vnie::Normalizer normalizer;
  vnie::detail::RuleSet set(&normalizer);
  REQUIRE(vnie::detail::load_rules({}, true, normalizer, &set).ok());
  std::size_t gated = 0, checked = 0;
  auto gate_at = [&](const vnie::detail::CompiledRule& r, const vnie::NormalizedText& nt,
                     std::size_t pos) {
    vnie::detail::Match m;
    m.view_ = vnie::View::normalized;
    m.doc_ = &nt;
    m.lexicon_ = &set.lexicon;
    m.start_ = m.end_ = pos;
    m.rule_id_ = r.spec.id;
    return (*r.gate)(m);
  };
  for (const auto& r : set.rules) {
    if (!r.gate) continue;
    ++gated;
    CHECK_FALSE(r.spec.folded);  // gates read the normalized text
    for (const auto& ex : r.spec.examples) {
      const std::size_t open = ex.text.find("«");
      if (ex.negative || open == std::string::npos) continue;
      std::string plain = ex.text;
      plain.erase(open, std::string("«").size());
      const std::size_t close = plain.find("»");
      if (close != std::string::npos) plain.erase(close, std::string("»").size());
      const vnie::NormalizedText nt = normalizer.normalize(plain);
      if (nt.text != plain) continue;  // offsets moved by normalization: not this test's case
      CAPTURE(r.spec.id);
      CAPTURE(ex.text);
      CHECK(gate_at(r, nt, open));
      ++checked;
    }
  }
  CHECK(gated == 2);  // person.given and person.foreign
  CHECK(checked >= 20);
  // and it refuses the starts it is there to skip
  for (const auto& r : set.rules) {
    if (!r.gate) continue;
    const vnie::NormalizedText nt = normalizer.normalize("Hôm qua Nguyễn Văn An đến Hà Nội");
    CAPTURE(r.spec.id);
    CHECK_FALSE(gate_at(r, nt, nt.text.find("Hà Nội")));  // no marker; a Vietnamese syllable
    CHECK_FALSE(gate_at(r, nt, nt.text.find("Nguyễn")));
  }
}
