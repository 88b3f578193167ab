// Years inferred from the article for dates written without one
// (src/lib/values/years.cpp, docs/values.md "Inferred years"), weekdays with a
// date in brackets, and what a reference date resolves.
#include <doctest/doctest.h>

#include <memory>
#include <optional>
#include <string>

#include "vnie/extractor.h"

namespace {

const vnie::Extractor& extractor() {
  static const std::unique_ptr<vnie::Extractor> ex = [] {
    std::unique_ptr<vnie::Extractor> e;
    REQUIRE(vnie::Extractor::create({}, &e).ok());
    return e;
  }();
  return *ex;
}

/// The value of the date mention spanning `span` in `text`, or nullopt.
std::optional<vnie::DateValue> date_of(const std::string& text, const std::string& span,
                                       std::optional<vnie::DateValue> ref = std::nullopt) {
  vnie::Document doc;
  vnie::DocumentInfo info;
  info.reference_date = ref;
  REQUIRE(extractor().extract(text, info, &doc).ok());
  for (const auto& m : doc.mentions) {
    if (m.type == vnie::MentionType::date && m.text == span) {
      return std::get<vnie::DateValue>(m.value);
    }
  }
  return std::nullopt;
}

const vnie::DateRangeValue* range_in(const vnie::Document& doc, const std::string& span) {
  for (const auto& m : doc.mentions) {
    if (m.type == vnie::MentionType::date_range && m.text == span) {
      return &std::get<vnie::DateRangeValue>(m.value);
    }
  }
  return nullptr;
}

vnie::DateValue day(int y, int m, int d) {
  vnie::DateValue v;
  v.year = y;
  v.month = m;
  v.day = d;
  return v;
}

}  // namespace

TEST_CASE("years: a reviewed period gives the year of a year-less date, by month") {
  auto v = date_of("Chiều 23/12, Công đoàn tỉnh tổ chức hội nghị tổng kết năm 2020, "
                   "triển khai nhiệm vụ 2021.", "Chiều 23/12");
  REQUIRE(v);
  CHECK(v->year == 2020);
  CHECK(v->month == 12);
  CHECK(v->day == 23);
  CHECK(v->year_inferred);

  v = date_of("Sáng 9/1, LĐLĐ tỉnh tổ chức hội nghị tổng kết công tác công đoàn năm 2023.",
              "Sáng 9/1");
  REQUIRE(v);
  CHECK(v->year == 2024);
  CHECK(v->year_inferred);

  // The review in the article's first sentence, the date in a later one.
  v = date_of("Hội nghị sơ kết năm học 2022-2023 của Công đoàn ngành.\n"
              "Ngày 15/1, các đại biểu thảo luận.", "Ngày 15/1");
  REQUIRE(v);
  CHECK(v->year == 2023);

  // April or May after a review of last year: not known.
  v = date_of("Ngày 20/4, hội nghị tổng kết năm 2023 diễn ra.", "Ngày 20/4");
  REQUIRE(v);
  CHECK(!v->year);
  CHECK(!v->year_inferred);
}

TEST_CASE("years: a planned period, one explicit year, month order") {
  auto v = date_of("Ngày 10/12, hội nghị triển khai nhiệm vụ năm 2021.", "Ngày 10/12");
  REQUIRE(v);
  CHECK(v->year == 2020);
  CHECK(v->year_inferred);

  v = date_of("Ngày 5/3 giải khai mạc, đến ngày 10/4/2022 thì bế mạc.", "Ngày 5/3");
  REQUIRE(v);
  CHECK(v->year == 2022);
  v = date_of("Ngày 5/3 hội nghị khai mạc, bế mạc trong tháng 4 năm 2022.", "Ngày 5/3");
  REQUIRE(v);
  CHECK(v->year == 2022);

  // After a full date in December, a January date is the next year.
  v = date_of("Sáng 28/12/2023 hội thao khai mạc, đến ngày 5/1 thì bế mạc.", "ngày 5/1");
  REQUIRE(v);
  CHECK(v->year == 2024);
  CHECK(v->year_inferred);
  // The written date is not marked.
  v = date_of("Sáng 28/12/2023 hội thao khai mạc, đến ngày 5/1 thì bế mạc.", "Sáng 28/12/2023");
  REQUIRE(v);
  CHECK(v->year == 2023);
  CHECK(!v->year_inferred);
}

TEST_CASE("years: no evidence, no year") {
  for (const char* text : {"Ngày 5/3, hội nghị diễn ra tại hội trường.",
                           "Ngày 5/3, doanh thu tăng 5% so với năm 2019.",
                           "Ngày 5/3, Công an tiếp nhận tài xế Lê Văn A (sinh năm 1980).",
                           "Ngày 5/3, Công đoàn tổ chức giải bóng đá công nhân năm 2022.",
                           "Ngày 5/3, từ năm 2018 đến năm 2022 công ty đã tuyển 200 người.",
                           "Ngày 12/12, hội nghị tổng kết năm 2020 và năm 2018."}) {
    CAPTURE(text);
    auto v = date_of(text, "Ngày 5/3");
    if (!v) v = date_of(text, "Ngày 12/12");
    REQUIRE(v);
    CHECK(!v->year);
    CHECK(!v->year_inferred);
  }
}

TEST_CASE("years: a reference date wins over inference and is not marked") {
  auto v = date_of("Chiều 23/12, hội nghị tổng kết năm 2019.", "Chiều 23/12", day(2021, 1, 4));
  REQUIRE(v);
  CHECK(v->year == 2020);  // nearest to the reference, as before
  CHECK(!v->year_inferred);
}

TEST_CASE("years: a weekday with its date in brackets is that date") {
  auto v = date_of("Sáng thứ Hai (6/3), hội nghị diễn ra.", "Sáng thứ Hai (6/3)");
  REQUIRE(v);
  CHECK(!v->year);
  CHECK(v->month == 3);
  CHECK(v->day == 6);
  CHECK(v->weekday == 1);
  CHECK(v->part_of_day == vnie::PartOfDay::morning);

  v = date_of("Chủ nhật (12/5), đoàn đến thăm.", "Chủ nhật (12/5)", day(2024, 5, 14));
  REQUIRE(v);
  CHECK(v->year == 2024);
  CHECK(v->weekday == 7);

  // The weekday checks an inferred year: 6/3/2023 is a Monday.
  v = date_of("Thứ Hai (6/3), hội nghị sơ kết năm 2022 kết thúc.", "Thứ Hai (6/3)");
  REQUIRE(v);
  CHECK(v->year == 2023);
  CHECK(v->year_inferred);
  // … and 6/3/2022 a Sunday: a "tổng kết năm 2021" date would be 2022, the
  // weekday says otherwise, so the year stays unknown.
  v = date_of("Thứ Hai (6/3), hội nghị tổng kết năm 2021 kết thúc.", "Thứ Hai (6/3)");
  REQUIRE(v);
  CHECK(!v->year);
  CHECK(!v->year_inferred);
}

TEST_CASE("years: what a reference date resolves") {
  const auto ref = day(2020, 12, 10);  // a Thursday
  auto v = date_of("Thứ Hai tới, hội nghị sẽ diễn ra.", "Thứ Hai tới", ref);
  REQUIRE(v);
  CHECK((v->year == 2020 && v->month == 12 && v->day == 14));
  v = date_of("Thứ Sáu tuần này đoàn sẽ đến.", "Thứ Sáu tuần này", ref);
  REQUIRE(v);
  CHECK((v->year == 2020 && v->month == 12 && v->day == 11));
  // "bây giờ" with a reference day only (a header date): the day.
  v = date_of("Bây giờ, công nhân đã có việc làm.", "Bây giờ", ref);
  REQUIRE(v);
  CHECK((v->year == 2020 && v->month == 12 && v->day == 10));
  CHECK(!v->hour);
  // … and with a time of day, the time too.
  auto now = ref;
  now.hour = 9;
  now.minute = 30;
  v = date_of("Bây giờ, công nhân đã có việc làm.", "Bây giờ", now);
  REQUIRE(v);
  CHECK((v->hour == 9 && v->minute == 30));
  // No reference date: nothing.
  CHECK(!date_of("Bây giờ, công nhân đã có việc làm.", "Bây giờ"));

  vnie::Document doc;
  vnie::DocumentInfo info;
  info.reference_date = ref;
  REQUIRE(extractor().extract("Trong 3 tháng tới và 2 ngày qua.", info, &doc).ok());
  const auto* r = range_in(doc, "3 tháng tới");
  REQUIRE(r);
  CHECK((r->from.year == 2021 && r->from.month == 1 && r->to.year == 2021 && r->to.month == 3));
  r = range_in(doc, "2 ngày qua");
  REQUIRE(r);
  CHECK((r->from == day(2020, 12, 8) && r->to == day(2020, 12, 9)));
}

TEST_CASE("years: a document number is no year of the article") {
  for (const char* text : {"Ngày 29/4, Bộ tổ chức hội nghị về Nghị định 116/2020/NĐ-CP.",
                           "Ngày 29/4, theo Nghị định 42/2021 của Chính phủ, công an xã ra mắt."}) {
    CAPTURE(text);
    auto v = date_of(text, "Ngày 29/4");
    REQUIRE(v);
    CHECK(!v->year);
  }
}

TEST_CASE("years: an ordinal before a bracketed date stays an ordinal") {
  vnie::Document doc;
  REQUIRE(extractor().extract("Tại hội nghị hiệp thương lần thứ 2 (17/3), ông Trường vắng mặt.",
                              {}, &doc).ok());
  bool ordinal = false, date = false;
  for (const auto& m : doc.mentions) {
    if (m.type == vnie::MentionType::ordinal && m.text == "lần thứ 2") ordinal = true;
    if (m.type == vnie::MentionType::date && m.text == "17/3") date = true;
  }
  CHECK(ordinal);
  CHECK(date);
}

TEST_CASE("years: the year of an anniversary is not the article's") {
  auto v = date_of("Chiều 23/10, Thủ tướng dự lễ kỷ niệm 65 năm ngày truyền thống (25/10/1951) "
                   "của Học viện.", "Chiều 23/10");
  REQUIRE(v);
  CHECK(!v->year);
}

TEST_CASE("years: a plan in a document number, a deadline after 'hết'") {
  auto v = date_of("Ngày 29/4, Bộ tổ chức hội nghị triển khai Nghị định 116/2020/NĐ-CP.",
                   "Ngày 29/4");
  REQUIRE(v);
  CHECK(!v->year);
  v = date_of("Ngày 29/4, cổ phần của công ty bị đóng băng cho tới hết tháng 4/2024.", "Ngày 29/4");
  REQUIRE(v);
  CHECK(!v->year);
}
