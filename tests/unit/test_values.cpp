// The value productions' parsing helpers (src/lib/values/parse.h) and a few
// end-to-end value cases that the rule examples do not show.
#include <doctest/doctest.h>

#include "values/parse.h"
#include "vnie/extractor.h"

using namespace vnie::detail::values;

namespace {

double num(std::string_view s) {
  double v = -12345;
  CAPTURE(s);
  CHECK(parse_number(s, &v));
  return v;
}

bool not_num(std::string_view s) {
  double v = 0;
  return !parse_number(s, &v);
}

}  // namespace

TEST_CASE("values: digits, Vietnamese and English grouping") {
  double v = 0;
  CHECK((parse_digits("4.609", &v) && v == 4609));
  CHECK((parse_digits("13,5", &v) && v == 13.5));
  CHECK((parse_digits("62.000.000", &v) && v == 62000000));
  CHECK((parse_digits("01", &v) && v == 1));
  CHECK((parse_digits(",77", &v) && v == doctest::Approx(0.77)));
  CHECK((parse_digits("1.200,5", &v) && v == doctest::Approx(1200.5)));
  CHECK((parse_digits("1,200,000", &v) && v == 1200000));
  CHECK((parse_digits("1 200 000", &v) && v == 1200000));
  CHECK((parse_digits("100K", &v) && v == 100000));
  CHECK((parse_digits("1,2M", &v) && v == doctest::Approx(1200000)));
  CHECK((parse_digits(",0012G", &v) && v == doctest::Approx(1200000)));
  CHECK((parse_digits("1,2", &v) && v == doctest::Approx(1.2)));  // one comma: a decimal
  CHECK(!parse_digits("1.20", &v));        // a dot groups exactly three digits
  CHECK(!parse_digits("12.3456", &v));
  CHECK(!parse_digits("1,200,00", &v));
  CHECK(!parse_digits("1 20 000", &v));
  CHECK(!parse_digits("", &v));
  CHECK(!parse_digits("1,", &v));
  CHECK(!parse_digits("1.000,5,5", &v));
}

TEST_CASE("values: number words") {
  CHECK(num("không") == 0);
  CHECK(num("một") == 1);
  CHECK(num("mười") == 10);
  CHECK(num("mười một") == 11);
  CHECK(num("mười lăm") == 15);
  CHECK(num("mười bốn") == 14);
  CHECK(num("hai mươi") == 20);
  CHECK(num("hai mươi mốt") == 21);
  CHECK(num("hai mươi tư") == 24);
  CHECK(num("hai mươi lăm") == 25);
  CHECK(num("ba mươi ba") == 33);
  CHECK(num("hai chục") == 20);
  CHECK(num("trăm") == 100);
  CHECK(num("một trăm lẻ ba") == 103);
  CHECK(num("một trăm linh năm") == 105);
  CHECK(num("hai trăm rưỡi") == 250);
  CHECK(num("năm trăm năm mươi") == 550);
  CHECK(num("năm nghìn") == 5000);
  CHECK(num("năm ngàn") == 5000);
  CHECK(num("hai trăm nghìn") == 200000);
  CHECK(num("một tỷ") == 1e9);
  CHECK(num("một tỉ") == 1e9);
  CHECK(num("hai mươi mốt nghìn không trăm mười một") == 21011);
  CHECK(num("bảy trăm hai mươi mốt nghìn không trăm mười hai") == 721012);
  CHECK(num("một tỷ hai trăm triệu") == 1.2e9);
  CHECK(num("hai nghìn tỷ") == 2e12);
  CHECK(num("hai vạn") == 20000);
  CHECK(num("Hai Mươi") == 20);  // case does not matter
}

TEST_CASE("values: digits mixed with scale words, decimals, halves") {
  CHECK(num("5 nghìn") == 5000);
  CHECK(num("13,5 triệu") == 13500000);
  CHECK(num("1,2 tỷ") == 1.2e9);
  CHECK(num("3 triệu 500 nghìn") == 3500000);
  CHECK(num("2 triệu rưỡi") == 2500000);
  CHECK(num("1 triệu 2") == 1200000);  // spoken: one million two (hundred thousand)
  CHECK(num("hai trăm triệu") == 2e8);
  CHECK(num("trăm triệu") == 1e8);
  CHECK(num("hai phẩy 23") == doctest::Approx(2.23));
  CHECK(num("2 chấm 23") == doctest::Approx(2.23));
  CHECK(num("một chấm ba") == doctest::Approx(1.3));
  CHECK(num("hai phẩy năm triệu") == 2500000);
  CHECK(num("4.609") == 4609);
}

TEST_CASE("values: what is not a number") {
  CHECK(not_num("ba năm"));       // three years
  CHECK(not_num("mười năm"));     // ten years (15 is mười lăm)
  CHECK(not_num("hai mươi năm"));  // twenty years
  CHECK(not_num("trăm năm"));     // a hundred years
  CHECK(not_num("lăm"));
  CHECK(not_num("tư"));
  CHECK(not_num("một mươi"));
  CHECK(not_num("hai nghìn ba nghìn"));
  CHECK(not_num("năm 2020"));
  CHECK(not_num("2020 100"));
  CHECK(not_num("hai ba"));
  CHECK(not_num(""));
  CHECK(not_num("xin chào"));
}

TEST_CASE("values: number info flags bare words") {
  NumberInfo info;
  REQUIRE(parse_number_info("một", &info));
  CHECK(info.bare_word);
  CHECK(info.tokens == 1);
  REQUIRE(parse_number_info("hai mươi", &info));
  CHECK(!info.bare_word);
  CHECK(info.has_words);
  CHECK(!info.has_scale);
  REQUIRE(parse_number_info("5 triệu", &info));
  CHECK(info.has_scale);
  CHECK(!info.bare_word);
}

TEST_CASE("values: Roman numerals, canonical forms only") {
  int v = 0;
  CHECK((parse_roman("I", &v) && v == 1));
  CHECK((parse_roman("III", &v) && v == 3));
  CHECK((parse_roman("IV", &v) && v == 4));
  CHECK((parse_roman("XII", &v) && v == 12));
  CHECK((parse_roman("XIII", &v) && v == 13));
  CHECK((parse_roman("XV", &v) && v == 15));
  CHECK((parse_roman("XX", &v) && v == 20));
  CHECK((parse_roman("XLIX", &v) && v == 49));
  CHECK((parse_roman("MCMXCIX", &v) && v == 1999));
  CHECK(!parse_roman("IIII", &v));
  CHECK(!parse_roman("IC", &v));
  CHECK(!parse_roman("VX", &v));
  CHECK(!parse_roman("xii", &v));
  CHECK(!parse_roman("", &v));
  CHECK(!parse_roman("XIIA", &v));
}

TEST_CASE("values: calendar") {
  CHECK(valid_date(2020, 2, 29));
  CHECK(!valid_date(2019, 2, 29));
  CHECK(valid_date(std::nullopt, 2, 29));  // year unknown: 29/2 may be valid
  CHECK(!valid_date(std::nullopt, 2, 30));
  CHECK(!valid_date(2020, 2, 31));
  CHECK(!valid_date(2020, 13, 1));
  CHECK(!valid_date(2020, 4, 31));
  CHECK(!valid_date(2020, 0, 1));
  CHECK(!valid_date(2020, 1, 0));
  CHECK(valid_date(2000, 2, 29));
  CHECK(!valid_date(1900, 2, 29));
  CHECK(weekday_of(2017, 2, 2) == 4);   // Thursday
  CHECK(weekday_of(2020, 7, 15) == 3);  // Wednesday ("Thứ Tư, 15/07/2020")
  CHECK(weekday_of(2017, 2, 5) == 7);   // Sunday
  vnie::DateValue d;
  d.year = 2017;
  d.month = 2;
  d.day = 2;
  auto e = add_days(d, -3);
  CHECK((e.year == 2017 && e.month == 1 && e.day == 30));
  e = add_days(d, 365);
  CHECK((e.year == 2018 && e.month == 2 && e.day == 2));
  CHECK(expand_year(17) == 2017);
  CHECK(expand_year(91) == 1991);
}

TEST_CASE("values: the year of a year-less date is the nearest one") {
  vnie::DateValue ref;
  ref.year = 2020;
  ref.month = 1;
  ref.day = 5;
  CHECK(nearest_year(ref, 12, 28) == 2019);  // an article of early January about late December
  CHECK(nearest_year(ref, 1, 3) == 2020);
  CHECK(nearest_year(ref, 6, 30) == 2020);
  ref.month = 12;
  ref.day = 28;
  CHECK(nearest_year(ref, 1, 5) == 2021);  // late December announcing early January
  CHECK(nearest_year(ref, 7, 1) == 2020);
  ref.month = 2;
  ref.day = 2;
  ref.year = 2017;
  CHECK(nearest_year(ref, 10, 12) == 2016);
  CHECK(nearest_year(ref, 6, 0) == 2017);
}

TEST_CASE("values: relative dates need a reference date, year-less dates keep a null year") {
  std::unique_ptr<vnie::Extractor> ex;
  REQUIRE(vnie::Extractor::create({}, &ex).ok());
  vnie::Document doc;
  REQUIRE(ex->extract("Hôm qua, ngày 5/3, hội nghị họp.", {}, &doc).ok());
  bool saw_date = false;
  for (const auto& m : doc.mentions) {
    CHECK(m.text != "Hôm qua");  // no reference date: no guess
    if (m.text == "ngày 5/3") {
      saw_date = true;
      const auto& v = std::get<vnie::DateValue>(m.value);
      CHECK(!v.year);
      CHECK(v.month == 3);
      CHECK(v.day == 5);
    }
  }
  CHECK(saw_date);

  vnie::DocumentInfo info;
  vnie::DateValue ref;
  ref.year = 2024;
  ref.month = 1;
  ref.day = 6;
  info.reference_date = ref;
  REQUIRE(ex->extract("Hôm qua, ngày 28/12, hội nghị họp.", info, &doc).ok());
  int seen = 0;
  for (const auto& m : doc.mentions) {
    if (m.type != vnie::MentionType::date) continue;
    const auto& v = std::get<vnie::DateValue>(m.value);
    if (m.text == "Hôm qua") {
      ++seen;
      CHECK((v.year == 2024 && v.month == 1 && v.day == 5));
    }
    if (m.text == "ngày 28/12") {
      ++seen;
      CHECK(v.year == 2023);
    }
  }
  CHECK(seen == 2);
}

TEST_CASE("values: weekdays and ordinals are told apart by context") {
  std::unique_ptr<vnie::Extractor> ex;
  REQUIRE(vnie::Extractor::create({}, &ex).ok());
  struct Case {
    const char* text;
    const char* span;
    vnie::MentionType type;
  };
  const Case cases[] = {
      {"Đại hội lần thứ hai của Công đoàn", "lần thứ hai", vnie::MentionType::ordinal},
      {"Đội đứng thứ ba toàn giải", "đứng thứ ba", vnie::MentionType::ordinal},
      {"Hội nghị diễn ra vào thứ Hai", "vào thứ Hai", vnie::MentionType::date},
      {"Sáng thứ Bảy, đoàn viên ra quân", "Sáng thứ Bảy", vnie::MentionType::date},
      {"Thứ nhất, tăng cường tuyên truyền", "Thứ nhất", vnie::MentionType::ordinal},
  };
  for (const auto& c : cases) {
    const std::string text = c.text;
    CAPTURE(text);
    vnie::Document doc;
    REQUIRE(ex->extract(c.text, {}, &doc).ok());
    bool found = false;
    for (const auto& m : doc.mentions) found |= m.text == c.span && m.type == c.type;
    CHECK(found);
  }
  // "Thứ hai, ..." opening an enumeration is neither a weekday nor (without a noun) an ordinal.
  vnie::Document doc;
  REQUIRE(ex->extract("Thứ hai, đẩy mạnh phong trào thi đua.", {}, &doc).ok());
  for (const auto& m : doc.mentions) CHECK(m.type != vnie::MentionType::date);
}

TEST_CASE("values: reference date from the header lines") {
  std::unique_ptr<vnie::Extractor> ex;
  REQUIRE(vnie::Extractor::create({}, &ex).ok());
  struct Case {
    const char* text;
    int y, m, d;
  };
  const Case cases[] = {
      {"Tiêu đề bài báo\n\n09:01 | 11/01/2019\n|\nNgày 10/1/2019, hội nghị.", 2019, 1, 11},
      {"chúc mừng năm mới!\nTiêu đề\n15:26 - 25/11/2021\n\nTừ ngày 23/11.", 2021, 11, 25},
      {"Tiêu đề\nCập nhật lúc20:08, Thứ Tư, 15/07/2020 (GMT+7)\n\nNội dung.", 2020, 7, 15},
      {"Thứ Năm, 02/02/2017\nNội dung bài.", 2017, 2, 2},
      {"Tiêu đề\n11/01/2019 09:01\nNội dung.", 2019, 1, 11},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    vnie::Document doc;
    REQUIRE(ex->extract(c.text, {}, &doc).ok());
    REQUIRE(doc.reference_date);
    CHECK(doc.reference_date->year == c.y);
    CHECK(doc.reference_date->month == c.m);
    CHECK(doc.reference_date->day == c.d);
  }
  for (const char* none : {"Sáng ngày 05/01/2024, Công đoàn Viên chức tỉnh tổ chức hội nghị.",
                           "Không có ngày nào ở đây.", "31/02/2020 10:00\n"}) {
    CAPTURE(none);
    vnie::Document doc;
    REQUIRE(ex->extract(none, {}, &doc).ok());
    CHECK(!doc.reference_date);
  }
}

TEST_CASE("values: counted nouns are read by grammar, blanks of any kind between words") {
  std::unique_ptr<vnie::Extractor> ex;
  REQUIRE(vnie::Extractor::create({}, &ex).ok());
  struct Case {
    const char* text;
    const char* span;  // the number mention expected
    const char* unit;  // nullptr: a bare number
  };
  const Case cases[] = {
      {"Có 20 công dân tham gia.", "20 công dân", "công dân"},
      {"Có 20 công\tdân tham gia.", "20 công\tdân", "công dân"},  // a tab splits words too
      {"Em giành 3 huy chương Bạc.", "3 huy chương Bạc", "huy chương Bạc"},
      {"Đội đoạt 2 giải Ba.", "2", nullptr},
      {"Theo Điều 5 quy định mới.", "5", nullptr},
      {"Xe điều 5 xe khách.", "5 xe khách", "xe khách"},
      {"Với tổng số 50 công dân.", "50 công dân", "công dân"},
      {"Hai bên, 2 bên đã ký.", "2 bên", "bên"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    vnie::Document doc;
    REQUIRE(ex->extract(c.text, {}, &doc).ok());
    const vnie::NumberValue* found = nullptr;
    for (const auto& m : doc.mentions) {
      if (m.type == vnie::MentionType::number && m.text == c.span)
        found = std::get_if<vnie::NumberValue>(&m.value);
    }
    REQUIRE(found);
    if (c.unit) {
      REQUIRE(found->unit);
      CHECK(*found->unit == c.unit);
    } else {
      CHECK(!found->unit);
    }
  }
}
