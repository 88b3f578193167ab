// The value mentions of the five seed articles (corpus/000…004), written by hand
// from reading the articles: every date, time, range, figure, percent, money
// amount, ordinal and bare number, with its exact text and value, in order.
// Anything else of a value type is a distractor and fails the test.
#include <doctest/doctest.h>

#include <sstream>

#include "support.h"
#include "vnie/extractor.h"

namespace {

using namespace vnie;

struct Want {
  MentionType type;
  std::string text;
  Value value;
};

std::optional<int> opt(int v) { return v == 0 ? std::nullopt : std::optional<int>(v); }

DateValue dv(int y, int m, int d) {
  DateValue v;
  v.year = opt(y);
  v.month = opt(m);
  v.day = opt(d);
  return v;
}

Want D(std::string text, int y, int m = 0, int d = 0) {
  return {MentionType::date, std::move(text), dv(y, m, d)};
}
Want Dpod(std::string text, int y, int m, int d, PartOfDay pod) {
  DateValue v = dv(y, m, d);
  v.part_of_day = pod;
  return {MentionType::date, std::move(text), v};
}
/// The same date with its year inferred from the article (year_inferred).
Want Inferred(Want w) {
  std::get<DateValue>(w.value).year_inferred = true;
  return w;
}
Want Dtime(std::string text, int y, int m, int d, int hh, int mi, int weekday = 0) {
  DateValue v = dv(y, m, d);
  v.hour = hh;
  v.minute = mi;
  v.weekday = opt(weekday);
  return {MentionType::date, std::move(text), v};
}
Want R(std::string text, DateValue from, DateValue to) {
  return {MentionType::date_range, std::move(text), DateRangeValue{from, to}};
}
Want N(std::string text, double value, std::string unit = "",
       Qualifier q = Qualifier::exact) {
  NumberValue v;
  v.value = value;
  if (!unit.empty()) v.unit = unit;
  v.qualifier = q;
  return {MentionType::number, std::move(text), v};
}
Want P(std::string text, double value) {
  PercentValue v;
  v.value = value;
  return {MentionType::percent, std::move(text), v};
}
Want M(std::string text, double amount, Qualifier q = Qualifier::exact) {
  MoneyValue v;
  v.amount = amount;
  v.qualifier = q;
  return {MentionType::money, std::move(text), v};
}
Want O(std::string text, std::int64_t n) {
  return {MentionType::ordinal, std::move(text), OrdinalValue{n}};
}

bool is_value_type(MentionType t) {
  return t != MentionType::organization && t != MentionType::award && t != MentionType::person;
}

std::string show(const Mention& m) {
  std::ostringstream o;
  o << to_string(m.type) << " '" << m.text << "' (" << m.rule << ")";
  return o.str();
}

struct Tally {
  int expected = 0, found = 0, extracted = 0;
};

/// Checks the article's value mentions against `want`, in order; returns
/// the counts for the accuracy figure.
Tally check_article(const std::string& file, const std::vector<Want>& want) {
  Tally t;
  std::unique_ptr<Extractor> ex;
  REQUIRE(Extractor::create({}, &ex).ok());
  const std::string text = vnie_test::read_file(vnie_test::source_dir() / "corpus" / file);
  REQUIRE(!text.empty());
  Document doc;
  REQUIRE(ex->extract(text, {}, &doc).ok());
  std::vector<Mention> got;
  for (const auto& m : doc.mentions) {
    if (is_value_type(m.type)) got.push_back(m);
  }
  t.expected = static_cast<int>(want.size());
  t.extracted = static_cast<int>(got.size());
  std::size_t g = 0;
  for (const auto& w : want) {
    CAPTURE(file);
    CAPTURE(w.text);
    // Skip (and report) unexpected mentions before the wanted one.
    while (g < got.size() && !(got[g].text == w.text && got[g].type == w.type)) {
      bool later = false;
      for (const auto& w2 : want) later |= w2.text == got[g].text && w2.type == got[g].type;
      if (later) break;
      FAIL_CHECK("distractor: " << show(got[g]));
      ++g;
    }
    if (g >= got.size() || got[g].text != w.text || got[g].type != w.type) {
      FAIL_CHECK("missing: " << to_string(w.type) << " '" << w.text << "'");
      continue;
    }
    CAPTURE(got[g].rule);
    const bool same = got[g].value == w.value;
    CHECK(same);
    if (same) ++t.found;
    ++g;
  }
  for (; g < got.size(); ++g) FAIL_CHECK("distractor: " << show(got[g]));
  return t;
}

const auto afternoon = PartOfDay::afternoon;
const auto morning = PartOfDay::morning;

}  // namespace

TEST_CASE("values corpus: hand-checked value mentions of the seed articles") {
  Tally total;
  auto add = [&](const Tally& t) {
    total.expected += t.expected;
    total.found += t.found;
    total.extracted += t.extracted;
  };

  // 000: no header date; "Chiều 23/12" takes its year from "tổng kết … năm 2020"
  // (year_inferred).
  add(check_article(
      "000_9949d86e741c1df8.txt",
      {
          Inferred(Dpod("Chiều 23/12", 2020, 12, 23, afternoon)),
          D("năm 2020", 2020),
          D("năm 2021", 2021),
          D("Năm 2020", 2020),
          N("542 người", 542, "người"),
          N("35 người", 35, "người"),
          N("65 người", 65, "người"),
          N("612 người", 612, "người"),
          D("2020", 2020),  // "Tết Canh Tý 2020": a year standing alone (date.year_alone)
          N("27 suất quà", 27, "suất quà"),
          M("13,5 triệu đồng", 13500000),
          D("Năm 2020", 2020),
          N("385 người", 385, "người"),
          P("98%", 98),
          D("năm 2020", 2020),
          P("100%", 100),
          D("Năm 2021", 2021),
      }));

  // 001: no header; "Sáng ngày 05/01/2024" is the event date, not a header.
  add(check_article("001_2ee7caa0754762cc.txt",
                    {
                        Dpod("Sáng ngày 05/01/2024", 2024, 1, 5, morning),
                        D("năm 2023", 2023),
                        D("năm 2024", 2024),
                        D("Năm 2023", 2023),
                        N("260 lượt người", 260, "lượt người"),
                        M("gần 200 triệu đồng", 200000000, Qualifier::nearly),
                        R("nhiệm kỳ 2023 - 2028", dv(2023, 0, 0), dv(2028, 0, 0)),
                        O("lần thứ III", 3),
                        R("nhiệm kỳ 2023 - 2028", dv(2023, 0, 0), dv(2028, 0, 0)),
                        M("trên 150 triệu đồng", 150000000, Qualifier::over),
                        D("năm 2023", 2023),
                        D("Năm 2023", 2023),
                        D("năm 2024", 2024),
                        N("95 năm", 95, "năm"),
                        R("28/7/1929 -28/7/2024", dv(1929, 7, 28), dv(2024, 7, 28)),
                        N("01", 1),  // "01 Cờ thi đua": awards are not counted nouns
                        N("03 tập thể", 3, "tập thể"),
                        N("13 cá nhân", 13, "cá nhân"),
                        N("04 tập thể", 4, "tập thể"),
                        N("37 cá nhân", 37, "cá nhân"),
                        D("năm 2023", 2023),
                    }));

  // 002: header "09:01 | 11/01/2019" (the reference date).
  add(check_article("002_886f1ca231641e4e.txt",
                    {
                        Dtime("09:01 | 11/01/2019", 2019, 1, 11, 9, 1),
                        D("Ngày 10/1/2019", 2019, 1, 10),
                        D("năm 2018", 2018),
                        D("năm 2019", 2019),
                        D("Ngày 10/1/2019", 2019, 1, 10),
                        D("năm 2018", 2018),
                        D("năm 2019", 2019),
                        N("84 công đoàn cơ sở", 84, "công đoàn cơ sở"),
                        N("4.609 cán bộ", 4609, "cán bộ"),
                        D("năm 2018", 2018),
                        M("hơn 62.000.000 đồng", 62000000, Qualifier::over),
                        N("gần 800 CBCCVC", 800, "CBCCVC", Qualifier::nearly),
                        N("8 giờ", 8, "giờ"),  // "ngày làm việc 8 giờ": a duration
                        D("năm 2018", 2018),
                        N("115 đoàn viên", 115, "đoàn viên"),
                        N("117 đoàn viên", 117, "đoàn viên"),
                        N("120 đoàn viên", 120, "đoàn viên"),
                        N("45 CĐCS", 45, "CĐCS"),
                        P("53,5%", 53.5),
                        N("34 CĐCS", 34, "CĐCS"),
                        P("40,4%", 40.4),
                        N("5 CĐCS", 5, "CĐCS"),
                        P("0,59%", 0.59),
                        D("Năm 2019", 2019),
                        O("Đại hội XII", 12),
                        N("1 tập thể", 1, "tập thể"),
                        N("1 tập thể", 1, "tập thể"),
                        N("5 cá nhân", 5, "cá nhân"),
                        N("1 tập thể", 1, "tập thể"),
                        N("9 tập thể", 9, "tập thể"),
                        N("15 cá nhân", 15, "cá nhân"),
                    }));

  // 003: header "15:26 - 25/11/2021"; "COVID -19" is no number.
  add(check_article("003_b2e70282d8fee054.txt",
                    {
                        D("2022", 2022),  // "năm mới 2022!": a year standing alone
                        D("năm 2021", 2021),
                        Dtime("15:26 - 25/11/2021", 2021, 11, 25, 15, 26),
                        R("Từ ngày 23/11 đến ngày 25/11/2021", dv(2021, 11, 23),
                          dv(2021, 11, 25)),
                        N("5 Khối thi đua", 5, "Khối thi đua"),
                        D("năm 2021", 2021),
                        D("năm 2021", 2021),
                        O("Đại hội XIII", 13),
                        O("khóa XV", 15),
                        R("nhiệm kỳ 2021 -2026", dv(2021, 0, 0), dv(2026, 0, 0)),
                        P("100%", 100),
                        D("năm 2021", 2021),
                        N("05 đơn vị", 5, "đơn vị"),
                        N("05 khối thi đua", 5, "khối thi đua"),
                    }));

  // 004: header "Cập nhật lúc20:08, Thứ Tư, 15/07/2020": year-less periods are 2020.
  add(check_article("004_a43bb2428618d498.txt",
                    {
                        R("6 tháng cuối năm", dv(2020, 7, 1), dv(2020, 12, 31)),
                        Dtime("lúc20:08, Thứ Tư, 15/07/2020", 2020, 7, 15, 20, 8, 3),
                        N("2", 2),  // "Trong 2 ngày 13 và 14-7": "ngày" starts the range
                        R("ngày 13 và 14-7", dv(2020, 7, 13), dv(2020, 7, 14)),
                        R("6 tháng đầu năm", dv(2020, 1, 1), dv(2020, 6, 30)),
                        R("6 tháng cuối năm 2020", dv(2020, 7, 1), dv(2020, 12, 31)),
                        O("khóa XII", 12),
                        D("năm 2020", 2020),  // "Những tháng đầu năm 2020"
                        O("lần thứ XX", 20),
                        O("lần thứ XIII", 13),
                        R("nhiệm kỳ 2020-2025", dv(2020, 0, 0), dv(2025, 0, 0)),
                        R("6 tháng đầu năm 2020", dv(2020, 1, 1), dv(2020, 6, 30)),
                        D("năm 2020", 2020),  // "Những tháng cuối năm 2020"
                        N("91 năm", 91, "năm"),
                        D("28-7-2020", 2020, 7, 28),
                        R("nhiệm kỳ 2020-2025", dv(2020, 0, 0), dv(2025, 0, 0)),
                        O("lần thứ XX", 20),
                        O("Đại hội XIII", 13),
                        D("năm 2019", 2019),
                    }));

  const double recall = total.expected ? 1.0 * total.found / total.expected : 0;
  const double precision = total.extracted ? 1.0 * total.found / total.extracted : 0;
  MESSAGE("values corpus: " << total.found << "/" << total.expected << " expected mentions found with "
                            << "their value (recall " << recall << "), " << total.extracted
                            << " extracted (precision " << precision << ")");
  CHECK(recall == 1.0);
  CHECK(precision == 1.0);
}

TEST_CASE("values corpus: reference dates from the article headers") {
  std::unique_ptr<Extractor> ex;
  REQUIRE(Extractor::create({}, &ex).ok());
  struct Case {
    const char* file;
    std::optional<DateValue> ref;
  };
  const Case cases[] = {
      {"000_9949d86e741c1df8.txt", std::nullopt},
      {"001_2ee7caa0754762cc.txt", std::nullopt},
      {"002_886f1ca231641e4e.txt", dv(2019, 1, 11)},
      {"003_b2e70282d8fee054.txt", dv(2021, 11, 25)},
      {"004_a43bb2428618d498.txt", dv(2020, 7, 15)},
  };
  for (const auto& c : cases) {
    CAPTURE(c.file);
    Document doc;
    REQUIRE(ex->extract(vnie_test::read_file(vnie_test::source_dir() / "corpus" / c.file), {},
                        &doc)
                .ok());
    CHECK(doc.reference_date == c.ref);
  }
}
