// The events of the five seed articles (corpus/000–004), field by field, run
// through the whole pipeline (rules, entities, events) as a user would. These
// are the done criterion: every meeting, award grant and funding
// statement of the seeds, and nothing else.
#include <doctest/doctest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "support.h"
#include "vnie/extractor.h"

namespace {

using namespace vnie;

const Extractor& extractor() {
  static const std::unique_ptr<Extractor> ex = [] {
    std::unique_ptr<Extractor> e;
    const Status st = Extractor::create(Options{}, &e);
    REQUIRE_MESSAGE(st.ok(), st.to_string());
    return e;
  }();
  return *ex;
}

Document seed(const std::string& stem) {
  const std::string text = vnie_test::read_file(vnie_test::source_dir() / "corpus" / (stem + ".txt"));
  Document doc;
  const Status st = extractor().extract(text, {stem, std::nullopt}, &doc);
  REQUIRE_MESSAGE(st.ok(), st.to_string());
  return doc;
}

template <typename T>
std::vector<T> of(const Document& d) {
  std::vector<T> out;
  for (const auto& e : d.events) {
    if (const auto* v = std::get_if<T>(&e.value)) out.push_back(*v);
  }
  return out;
}

DateValue date(std::optional<int> y, std::optional<int> m, std::optional<int> d,
               std::optional<PartOfDay> part = std::nullopt) {
  DateValue v;
  v.year = y;
  v.month = m;
  v.day = d;
  v.part_of_day = part;
  return v;
}

Recipient counted(std::optional<int> n, const char* kind, std::optional<std::string> name = std::nullopt) {
  Recipient r;
  r.count = n;
  r.kind = kind;
  r.name = std::move(name);
  return r;
}

/// Compares only the date fields the gold gives (year, month, day, part of day).
void check_date(const std::optional<DateValue>& got, const DateValue& want) {
  REQUIRE(got);
  CHECK(got->year == want.year);
  CHECK(got->month == want.month);
  CHECK(got->day == want.day);
  if (want.part_of_day) CHECK(got->part_of_day == want.part_of_day);
}

void check_award(const AwardEvent& a, const char* kind, const char* name, const char* issuer,
                 const std::vector<Recipient>& recipients) {
  INFO(name);
  CHECK(a.award_kind == kind);
  CHECK(a.award == name);
  CHECK(a.issuer == issuer);
  CHECK(a.recipients == recipients);
}

}  // namespace

TEST_CASE("seed 000: a review conference, its gift and two awards at it") {
  const Document d = seed("000_9949d86e741c1df8");
  const auto meetings = of<MeetingEvent>(d);
  REQUIRE(meetings.size() == 1);  // not the "hội nghị cán bộ công chức" the CĐCS were told to hold
  CHECK(meetings[0].kind == "tong_ket");
  CHECK(meetings[0].organizer == "Công đoàn Viên chức tỉnh");
  check_date(meetings[0].date, date(2020, 12, 23, PartOfDay::afternoon));
  CHECK(!meetings[0].date_range);
  CHECK(meetings[0].reviewed_period == "năm 2020");
  CHECK(meetings[0].plan_period == "năm 2021");
  CHECK(meetings[0].attendees.empty());

  const auto funding = of<FundingEvent>(d);
  REQUIRE(funding.size() == 1);
  CHECK(funding[0].amount.amount == 13500000);
  CHECK(std::string(to_string(funding[0].amount.qualifier)) == "exact");
  CHECK(!funding[0].amount.per_unit);
  CHECK(funding[0].giver == "Công đoàn Viên chức tỉnh");
  CHECK(funding[0].beneficiary_count == 27);
  CHECK(funding[0].beneficiary_unit == "suất quà");

  // "98% nữ cán bộ … đạt danh hiệu “Giỏi việc nước - Đảm việc nhà”" is a statistic.
  const auto awards = of<AwardEvent>(d);
  REQUIRE(awards.size() == 2);
  const std::vector<Recipient> many = {counted(std::nullopt, "collective"),
                                       counted(std::nullopt, "individual")};
  check_award(awards[0], "bang_khen", "bằng khen", "Liên đoàn Lao động tỉnh", many);
  check_award(awards[1], "giay_khen", "giấy khen", "Công đoàn Viên chức tỉnh", many);
  for (const auto& a : awards) check_date(a.date, date(2020, 12, 23, PartOfDay::afternoon));
}

TEST_CASE("seed 001: the conference, the congress it reports, two gifts, four awards") {
  const Document d = seed("001_2ee7caa0754762cc");
  const auto meetings = of<MeetingEvent>(d);
  REQUIRE(meetings.size() == 2);
  CHECK(meetings[0].kind == "tong_ket");
  CHECK(meetings[0].organizer == "Công đoàn Viên chức tỉnh");
  check_date(meetings[0].date, date(2024, 1, 5, PartOfDay::morning));
  CHECK(meetings[0].reviewed_period == "năm 2023");
  CHECK(meetings[0].plan_period == "năm 2024");
  REQUIRE(meetings[0].attendees.size() == 2);
  CHECK(meetings[0].attendees[0].name == "Đoàn Văn Sự");
  CHECK(meetings[0].attendees[1].name == "Bùi Hồng Mến");
  // "Chỉ đạo các công đoàn cơ sở tổ chức đại hội … và tổ chức thành công Đại
  // hội Công đoàn Viên chức tỉnh lần thứ III, nhiệm kỳ 2023 - 2028."
  CHECK(meetings[1].kind == "dai_hoi");
  CHECK(meetings[1].organizer == "Công đoàn Viên chức tỉnh");
  CHECK(!meetings[1].date);
  CHECK(!meetings[1].date_range);
  CHECK(!meetings[1].reviewed_period);
  CHECK(meetings[1].plan_period == "nhiệm kỳ 2023 - 2028");

  const auto funding = of<FundingEvent>(d);
  REQUIRE(funding.size() == 2);
  CHECK(funding[0].amount.amount == 200000000);
  CHECK(std::string(to_string(funding[0].amount.qualifier)) == "nearly");
  CHECK(funding[0].giver == "công đoàn các cấp");
  CHECK(funding[0].beneficiary_count == 260);
  CHECK(funding[0].beneficiary_unit == "lượt người");
  // "… được CBCCVC, người lao động tích cực tham gia; trong năm, đã đóng góp …"
  CHECK(funding[1].amount.amount == 150000000);
  CHECK(std::string(to_string(funding[1].amount.qualifier)) == "over");
  CHECK(!funding[1].giver);
  CHECK(!funding[1].beneficiary_count);

  const auto awards = of<AwardEvent>(d);
  REQUIRE(awards.size() == 4);
  check_award(awards[0], "bang_khen", "Bằng khen", "Liên đoàn Lao động tỉnh",
              {counted(std::nullopt, "collective", "Công đoàn Viên chức tỉnh")});
  check_date(awards[0].date, date(2023, std::nullopt, std::nullopt));
  check_award(awards[1], "co_thi_dua", "Cờ thi đua", "Liên đoàn Lao động tỉnh",
              {counted(1, "collective", "Công đoàn cơ sở Ủy ban Kiểm tra Tỉnh ủy")});
  check_award(awards[2], "bang_khen", "Bằng khen toàn diện", "Liên đoàn Lao động tỉnh",
              {counted(3, "collective"), counted(13, "individual")});
  check_award(awards[3], "giay_khen", "giấy khen toàn diện", "Công đoàn Viên chức tỉnh",
              {counted(4, "collective"), counted(37, "individual")});
  for (std::size_t k = 1; k < awards.size(); ++k) check_date(awards[k].date, date(2024, 1, 5, PartOfDay::morning));
}

TEST_CASE("seed 002: a lead told twice gives one conference, five awards of a list") {
  const Document d = seed("002_886f1ca231641e4e");
  const auto meetings = of<MeetingEvent>(d);
  REQUIRE(meetings.size() == 1);
  CHECK(meetings[0].kind == "tong_ket");
  CHECK(meetings[0].organizer == "Công đoàn Viên chức tỉnh");
  check_date(meetings[0].date, date(2019, 1, 10));
  CHECK(meetings[0].reviewed_period == "năm 2018");
  CHECK(meetings[0].plan_period == "năm 2019");

  const auto funding = of<FundingEvent>(d);
  REQUIRE(funding.size() == 1);
  CHECK(funding[0].amount.amount == 62000000);
  CHECK(std::string(to_string(funding[0].amount.qualifier)) == "over");
  CHECK(funding[0].giver == "Công đoàn Viên chức tỉnh");
  CHECK(!funding[0].beneficiary_count);
  CHECK(funding[0].purpose == "Quỹ Vì công nhân lao động nghèo");

  const auto awards = of<AwardEvent>(d);
  REQUIRE(awards.size() == 6);
  const char* tong = "Tổng Liên đoàn Lao động Việt Nam";
  const char* tinh = "Liên đoàn Lao động tỉnh";
  check_award(awards[0], "co_thi_dua", "Cờ thi đua", tong, {counted(1, "collective")});
  check_award(awards[1], "bang_khen", "Bằng khen", tong, {counted(1, "collective")});
  check_award(awards[2], "bang_lao_dong_sang_tao", "Bằng Lao động sáng tạo", tong,
              {counted(5, "individual")});
  check_award(awards[3], "co_thi_dua", "Cờ thi đua", tinh, {counted(1, "collective")});
  check_award(awards[4], "bang_khen", "Bằng khen", tinh,
              {counted(9, "collective"), counted(15, "individual")});
  check_award(awards[5], "giay_khen", "Giấy khen", "Công đoàn Viên chức tỉnh",
              {counted(std::nullopt, "collective"), counted(std::nullopt, "individual")});
  for (const auto& a : awards) check_date(a.date, date(2019, 1, 10));
}

TEST_CASE("seed 003: the headline restates the meeting, dated by the sentence before") {
  const Document d = seed("003_b2e70282d8fee054");
  const auto meetings = of<MeetingEvent>(d);
  REQUIRE(meetings.size() == 1);
  CHECK(meetings[0].kind == "giao_ban");
  CHECK(meetings[0].organizer == "Công đoàn Viên chức tỉnh Thái Nguyên");
  CHECK(!meetings[0].date);
  REQUIRE(meetings[0].date_range);
  CHECK(meetings[0].date_range->from == date(2021, 11, 23));
  CHECK(meetings[0].date_range->to == date(2021, 11, 25));
  CHECK(meetings[0].reviewed_period == "năm 2021");  // "hoàn thành xuất sắc nhiệm vụ năm 2021"
  CHECK(!meetings[0].plan_period);
  // "… để đề nghị LĐLĐ tỉnh khen thưởng" is a nomination; gifts without an amount.
  CHECK(of<AwardEvent>(d).empty());
  CHECK(of<FundingEvent>(d).empty());
}

TEST_CASE("seed 004: a review conference and a training in one sentence") {
  const Document d = seed("004_a43bb2428618d498");
  const auto meetings = of<MeetingEvent>(d);
  REQUIRE(meetings.size() == 2);  // not "góp phần tổ chức thành công Đại hội các Đảng bộ"
  DateRangeValue days;
  days.from = date(2020, 7, 13);
  days.to = date(2020, 7, 14);
  CHECK(meetings[0].kind == "so_ket");
  CHECK(meetings[0].organizer == "Công đoàn Viên chức tỉnh");
  CHECK(!meetings[0].date);
  CHECK(meetings[0].date_range == days);
  CHECK(meetings[0].reviewed_period == "6 tháng đầu năm");
  CHECK(meetings[0].plan_period == "6 tháng cuối năm 2020");
  CHECK(meetings[1].kind == "tap_huan");
  CHECK(meetings[1].organizer == "Công đoàn Viên chức tỉnh");
  CHECK(meetings[1].date_range == days);
  CHECK(!meetings[1].reviewed_period);
  CHECK(!meetings[1].plan_period);
  CHECK(of<AwardEvent>(d).empty());
  CHECK(of<FundingEvent>(d).empty());
}
