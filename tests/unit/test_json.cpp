// The JSON form of results (vnie/json.h, docs/output-format.md), on
// documents built by hand: independent of the rules.
#include <doctest/doctest.h>

#include <limits>
#include <nlohmann/json.hpp>
#include <string>

#include "output/json_internal.h"
#include "vnie/json.h"

namespace {

using nlohmann::json;

vnie::Mention mention(vnie::MentionType type, std::size_t start, std::string text,
                      vnie::Value value, std::string rule = "r") {
  vnie::Mention m;
  m.type = type;
  m.start = start;
  m.end = start + text.size();
  m.text = std::move(text);
  m.value = std::move(value);
  m.rule = std::move(rule);
  return m;
}

json parse_line(const vnie::Document& doc) {
  std::string line = vnie::to_json_line(doc);
  REQUIRE(line.find('\n') == std::string::npos);
  return json::parse(line);
}

}  // namespace

TEST_CASE("json: empty document, exact line and key order") {
  vnie::Document doc;
  doc.id = "a.txt";
  CHECK(vnie::to_json_line(doc) ==
        R"({"id":"a.txt","reference_date":null,"mentions":[],"events":[],"warnings":[]})");
  doc.reference_date = vnie::DateValue{2020, 12, 3, {}, {}, {}, {}};
  CHECK(vnie::to_json_line(doc) ==
        R"({"id":"a.txt","reference_date":"2020-12-03","mentions":[],"events":[],"warnings":[]})");
  // A partial reference date is not a date: null.
  doc.reference_date = vnie::DateValue{2020, {}, {}, {}, {}, {}, {}};
  CHECK(parse_line(doc)["reference_date"].is_null());
}

TEST_CASE("json: numbers print as integers when integral") {
  using vnie::detail::dump;
  using vnie::detail::number_to_json;
  CHECK(dump(number_to_json(4609.0)) == "4609");
  CHECK(dump(number_to_json(-3.0)) == "-3");
  CHECK(dump(number_to_json(0.0)) == "0");
  CHECK(dump(number_to_json(-0.0)) == "0");
  CHECK(dump(number_to_json(13.5)) == "13.5");
  CHECK(dump(number_to_json(0.1)) == "0.1");
  CHECK(dump(number_to_json(5e12)) == "5000000000000");
  CHECK(dump(number_to_json(1e18)) == "1000000000000000000");
  CHECK(dump(number_to_json(1e300)) == "1e+300");
  CHECK(dump(number_to_json(std::numeric_limits<double>::infinity())) == "null");
  CHECK(dump(number_to_json(std::numeric_limits<double>::quiet_NaN())) == "null");
}

TEST_CASE("json: mention values") {
  vnie::Document doc;
  doc.id = "d";
  vnie::DateValue date{2020, 12, 23, 14, 30, vnie::PartOfDay::afternoon, 3};
  doc.mentions.push_back(mention(vnie::MentionType::date, 0, "Chiều 23/12", date, "date.dm"));
  doc.mentions.push_back(mention(vnie::MentionType::date, 20, "tháng 5",
                                 vnie::DateValue{{}, 5, {}, {}, {}, {}, {}}));
  doc.mentions.push_back(mention(
      vnie::MentionType::date_range, 30, "từ 1 đến 3/5",
      vnie::DateRangeValue{{2021, 5, 1, {}, {}, {}, {}}, {2021, 5, 3, {}, {}, {}, {}}}));
  doc.mentions.push_back(mention(vnie::MentionType::time, 50, "8 giờ", vnie::TimeValue{8, 0}));
  doc.mentions.push_back(mention(vnie::MentionType::number, 60, "hơn 542 người",
                                 vnie::NumberValue{542, "người", vnie::Qualifier::over}));
  doc.mentions.push_back(mention(vnie::MentionType::number, 80, "3,5",
                                 vnie::NumberValue{3.5, {}, vnie::Qualifier::exact}));
  doc.mentions.push_back(mention(vnie::MentionType::percent, 90, "53,5%",
                                 vnie::PercentValue{53.5, vnie::Qualifier::approx}));
  vnie::MoneyValue money;
  money.amount = 13.5e9;
  doc.mentions.push_back(mention(vnie::MentionType::money, 100, "13,5 tỷ đồng", money));
  vnie::MoneyValue range;
  range.currency = "USD";
  range.min = 2e6;
  range.max = 3.25e6;
  range.per_unit = "suất";
  range.qualifier = vnie::Qualifier::at_most;
  doc.mentions.push_back(mention(vnie::MentionType::money, 120, "2-3,25 triệu USD/suất", range));
  doc.mentions.push_back(mention(vnie::MentionType::ordinal, 150, "thứ 3", vnie::OrdinalValue{3}));
  doc.mentions.push_back(mention(vnie::MentionType::award, 160, "Bằng khen",
                                 vnie::AwardValue{"bang_khen", "Bằng khen"}));
  doc.mentions.push_back(mention(
      vnie::MentionType::organization, 180, "CĐVC tỉnh",
      vnie::OrganizationValue{"CĐVC tỉnh", "Công đoàn Viên chức tỉnh", "CĐVC", "trade_union"}));
  doc.mentions.push_back(mention(vnie::MentionType::organization, 200, "Sở Y tế",
                                 vnie::OrganizationValue{"Sở Y tế", "Sở Y tế", {}, "state"}));
  doc.mentions.push_back(mention(vnie::MentionType::person, 220, "ông Nguyễn Văn A",
                                 vnie::PersonValue{"Nguyễn Văn A", {"Chủ tịch"}}));
  doc.mentions.push_back(mention(vnie::MentionType::person, 240, "Lê B",
                                 vnie::PersonValue{"Lê B", {}}));
  doc.mentions.push_back(mention(vnie::MentionType::number, 260, "x", std::monostate{}));

  json j = parse_line(doc);
  const json& ms = j["mentions"];
  REQUIRE(ms.size() == doc.mentions.size());
  CHECK(ms[0] == json::parse(R"({"type":"date","start":0,"end":13,"text":"Chiều 23/12",
      "value":{"year":2020,"month":12,"day":23,"hour":14,"minute":30,
               "part_of_day":"afternoon","weekday":3},"rule":"date.dm"})"));
  // Unknown year/day: null; optional keys absent.
  CHECK(ms[1]["value"] == json::parse(R"({"year":null,"month":5,"day":null})"));
  CHECK(ms[2]["type"] == "date_range");
  CHECK(ms[2]["value"] == json::parse(R"({"from":{"year":2021,"month":5,"day":1},
                                          "to":{"year":2021,"month":5,"day":3}})"));
  CHECK(ms[3]["value"] == json::parse(R"({"hour":8,"minute":0})"));
  CHECK(ms[4]["value"] == json::parse(R"({"value":542,"unit":"người","qualifier":"over"})"));
  CHECK(ms[5]["value"] == json::parse(R"({"value":3.5,"unit":null,"qualifier":"exact"})"));
  CHECK(ms[6]["value"] == json::parse(R"({"value":53.5,"qualifier":"approx"})"));
  CHECK(ms[7]["value"] ==
        json::parse(R"({"amount":13500000000,"currency":"VND","qualifier":"exact"})"));
  CHECK(ms[7]["value"]["amount"].is_number_integer());
  CHECK(ms[8]["value"] == json::parse(R"({"amount":null,"currency":"USD","qualifier":"at_most",
      "min":2000000,"max":3250000,"per_unit":"suất"})"));
  CHECK(ms[9]["value"] == json::parse(R"({"value":3})"));
  CHECK(ms[10]["value"] == json::parse(R"({"kind":"bang_khen","name":"Bằng khen"})"));
  CHECK(ms[11]["value"] == json::parse(R"({"name":"CĐVC tỉnh",
      "canonical":"Công đoàn Viên chức tỉnh","abbreviation":"CĐVC","kind":"trade_union"})"));
  CHECK(ms[12]["value"]["abbreviation"].is_null());
  CHECK(ms[13]["value"] == json::parse(R"({"name":"Nguyễn Văn A","titles":["Chủ tịch"]})"));
  CHECK(ms[14]["value"]["titles"] == json::array());
  CHECK(ms[15]["value"].is_null());

  // Integral amounts are written as integers in the text itself.
  std::string line = vnie::to_json_line(doc);
  CHECK(line.find("\"amount\":13500000000,") != std::string::npos);
  CHECK(line.find("\"value\":542,") != std::string::npos);
  CHECK(line.find("542.0") == std::string::npos);
}

TEST_CASE("json: every mention type name") {
  for (int t = 0; t <= static_cast<int>(vnie::MentionType::person); ++t) {
    vnie::Document doc;
    auto type = static_cast<vnie::MentionType>(t);
    doc.mentions.push_back(mention(type, 0, "x", std::monostate{}));
    vnie::MentionType back{};
    std::string name = parse_line(doc)["mentions"][0]["type"].get<std::string>();
    CHECK(vnie::parse_mention_type(name, back));
    CHECK(back == type);
  }
}

TEST_CASE("json: events") {
  vnie::Document doc;
  doc.id = "e";

  vnie::MeetingEvent meeting;
  meeting.kind = "tong_ket";
  meeting.organizer = "Công đoàn Viên chức tỉnh";
  meeting.date = vnie::DateValue{2020, 12, 23, {}, {}, vnie::PartOfDay::afternoon, {}};
  meeting.reviewed_period = "năm 2020";
  meeting.attendees.push_back(vnie::PersonValue{"Nguyễn Văn A", {"Chủ tịch"}});
  doc.events.push_back(vnie::Event{vnie::EventType::meeting, 0, 100, meeting});

  vnie::AwardEvent award;
  award.award_kind = "bang_khen";
  award.award = "Bằng khen của Tổng Liên đoàn";
  award.recipients.push_back(vnie::Recipient{3, "collective", {}});
  award.recipients.push_back(vnie::Recipient{{}, {}, "Công đoàn ngành Y tế"});
  doc.events.push_back(vnie::Event{vnie::EventType::award, 120, 200, award});

  vnie::MoneyValue gift;
  gift.amount = 5e8;
  gift.qualifier = vnie::Qualifier::over;
  // Aggregate initialization: GCC 12 at -O2 sees a false "maybe uninitialized"
  // in optional<string> assignments on a default-constructed FundingEvent.
  vnie::FundingEvent funding{gift, std::string("Công đoàn tỉnh"), std::nullopt, 100,
                             std::string("suất quà")};
  doc.events.push_back(vnie::Event{vnie::EventType::funding, 210, 300, funding});
  doc.events.push_back(vnie::Event{vnie::EventType::funding, 310, 320, vnie::FundingEvent{}});

  json j = parse_line(doc);
  REQUIRE(j["events"].size() == 4);
  CHECK(j["events"][0] == json::parse(R"({"type":"meeting","start":0,"end":100,
      "kind":"tong_ket","organizer":"Công đoàn Viên chức tỉnh",
      "date":{"year":2020,"month":12,"day":23,"part_of_day":"afternoon"},
      "date_range":null,"reviewed_period":"năm 2020","plan_period":null,
      "attendees":[{"name":"Nguyễn Văn A","titles":["Chủ tịch"]}]})"));
  CHECK(j["events"][1] == json::parse(R"({"type":"award","start":120,"end":200,
      "award_kind":"bang_khen","award":"Bằng khen của Tổng Liên đoàn","issuer":null,
      "recipients":[{"count":3,"kind":"collective","name":null},
                    {"count":null,"kind":null,"name":"Công đoàn ngành Y tế"}],
      "date":null})"));
  CHECK(j["events"][2] == json::parse(R"({"type":"funding","start":210,"end":300,
      "amount":{"amount":500000000,"currency":"VND","qualifier":"over"},
      "giver":"Công đoàn tỉnh","purpose":null,
      "beneficiaries":{"count":100,"unit":"suất quà"}})"));
  CHECK(j["events"][3]["beneficiaries"].is_null());
  CHECK(j["events"][3]["amount"]["amount"].is_null());
  // Key order: type, start, end first.
  std::string line = vnie::to_json_line(doc);
  CHECK(line.find(R"({"type":"meeting","start":0,"end":100,"kind":"tong_ket")") !=
        std::string::npos);
}

TEST_CASE("json: warnings") {
  vnie::Document doc;
  doc.warnings.push_back(
      vnie::Warning{vnie::ErrorCode::invalid_utf8, "invalid UTF-8 sequence replaced", 7, 3});
  json j = parse_line(doc);
  CHECK(j["warnings"] == json::parse(R"([{"code":"invalid_utf8",
      "message":"invalid UTF-8 sequence replaced","byte_offset":7,"length":3}])"));
  CHECK(!j.contains("warnings_truncated"));  // only when some were left out
  doc.warnings_truncated = 12;
  CHECK(parse_line(doc)["warnings_truncated"] == 12);
  CHECK(vnie::to_json_line(doc).find(R"("length":3}],"warnings_truncated":12)") !=
        std::string::npos);
}

TEST_CASE("json: invalid UTF-8 in text never throws and becomes U+FFFD") {
  vnie::Document doc;
  doc.id = "bad";
  std::string text = "a\xff\xc3 b\xe1\xba";  // stray byte, truncated sequences
  doc.mentions.push_back(mention(vnie::MentionType::number, 0, text, vnie::NumberValue{}));
  std::string line;
  REQUIRE_NOTHROW(line = vnie::to_json_line(doc));
  json j = json::parse(line);  // throws if the output were not valid UTF-8
  std::string out = j["mentions"][0]["text"].get<std::string>();
  CHECK(out.rfind("a\xEF\xBF\xBD", 0) == 0);
  CHECK(out.find(" b") != std::string::npos);
  CHECK(out.find('\xff') == std::string::npos);
  // Offsets are still the input's.
  CHECK(j["mentions"][0]["end"] == text.size());
  REQUIRE_NOTHROW(vnie::to_json_pretty(doc));
}

TEST_CASE("json: escaping and non-ASCII output") {
  vnie::Document doc;
  doc.id = "q\"\\\n\t\x01";
  doc.mentions.push_back(mention(vnie::MentionType::person, 0, "Đặng Thị Ánh", vnie::PersonValue{}));
  std::string line = vnie::to_json_line(doc);
  CHECK(line.find('\n') == std::string::npos);
  CHECK(line.find(R"("id":"q\"\\\n\t\u0001")") != std::string::npos);
  // UTF-8 is written as is, not \u-escaped.
  CHECK(line.find("Đặng Thị Ánh") != std::string::npos);
  CHECK(json::parse(line)["id"] == doc.id);
}

TEST_CASE("json: pretty form is the same object") {
  vnie::Document doc;
  doc.id = "p";
  doc.reference_date = vnie::DateValue{2021, 1, 2, {}, {}, {}, {}};
  doc.mentions.push_back(mention(vnie::MentionType::percent, 3, "5%",
                                 vnie::PercentValue{5, vnie::Qualifier::exact}));
  std::string pretty = vnie::to_json_pretty(doc);
  CHECK(pretty.find("\n  \"id\": \"p\"") != std::string::npos);
  CHECK(json::parse(pretty) == json::parse(vnie::to_json_line(doc)));
  std::string four = vnie::to_json_pretty(doc, 4);
  CHECK(four.find("\n    \"id\": \"p\"") != std::string::npos);
}
