// The JSON form of results (vnie/json.h, docs/output-format.md), on
// documents built by hand: independent of the rules.
#include <doctest/doctest.h>

#include <cstdint>
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

std::string number_text(double x) {
  std::string s;
  vnie::detail::append_json_number(&s, x);
  return s;
}

/// The JSON text of `s` as the document id prints it.
std::string string_text(const std::string& s) {
  vnie::Document doc;
  doc.id = s;
  const std::string line = vnie::to_json_line(doc);
  const std::string head = R"({"id":)";
  const std::string tail = R"(,"reference_date":null,"mentions":[],"events":[],"warnings":[]})";
  REQUIRE(line.size() >= head.size() + tail.size());
  REQUIRE(line.compare(0, head.size(), head) == 0);
  REQUIRE(line.compare(line.size() - tail.size(), tail.size(), tail) == 0);
  std::string direct;
  vnie::detail::append_json_string(&direct, s);
  const std::string text = line.substr(head.size(), line.size() - head.size() - tail.size());
  CHECK(direct == text);
  return text;
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
  CHECK(number_text(4609.0) == "4609");
  CHECK(number_text(-3.0) == "-3");
  CHECK(number_text(0.0) == "0");
  CHECK(number_text(-0.0) == "0");
  CHECK(number_text(13.5) == "13.5");
  CHECK(number_text(0.1) == "0.1");
  CHECK(number_text(5e12) == "5000000000000");
  CHECK(number_text(1e18) == "1000000000000000000");
  CHECK(number_text(1e300) == "1e+300");
  CHECK(number_text(std::numeric_limits<double>::infinity()) == "null");
  CHECK(number_text(std::numeric_limits<double>::quiet_NaN()) == "null");
}

// The expected texts below are what the nlohmann DOM serializer printed before
// the streaming writer replaced it (json.dump() with error_handler_t::replace).
TEST_CASE("json: doubles as nlohmann's dump() prints them") {
  CHECK(number_text(12.5) == "12.5");
  CHECK(number_text(-3.25) == "-3.25");
  CHECK(number_text(1.0 / 3) == "0.3333333333333333");
  CHECK(number_text(0.001) == "0.001");
  CHECK(number_text(1e-5) == "1e-05");
  CHECK(number_text(1e-7) == "1e-07");
  CHECK(number_text(1.5e-7) == "1.5e-07");
  CHECK(number_text(5e-324) == "5e-324");
  CHECK(number_text(1e21) == "1e+21");
  CHECK(number_text(1e15 + 0.5) == "1.0000000000000005e+15");
  CHECK(number_text(123456789012345.6) == "123456789012345.6");
  CHECK(number_text(std::numeric_limits<double>::max()) == "1.7976931348623157e+308");
  CHECK(number_text(-std::numeric_limits<double>::infinity()) == "null");
  // Integral doubles inside [-2^63, 2^63) are int64; outside, doubles.
  CHECK(number_text(9007199254740993.0) == "9007199254740992");  // 2^53+1 rounds to 2^53
  CHECK(number_text(1.2345678901234567e16) == "12345678901234568");
  CHECK(number_text(4611686018427387904.0) == "4611686018427387904");  // 2^62
  CHECK(number_text(-9223372036854775808.0) == "-9223372036854775808");  // -2^63
  CHECK(number_text(9223372036854775808.0) == "9.223372036854776e+18");  // 2^63
  CHECK(number_text(-9223372036854777856.0) == "-9.223372036854778e+18");
  CHECK(number_text(9.3e18) == "9.3e+18");
  CHECK(number_text(1e19) == "1e+19");
  CHECK(number_text(-1e19) == "-1e+19");
}

TEST_CASE("json: integers of every width") {
  vnie::Document doc;
  doc.warnings.push_back(vnie::Warning{vnie::ErrorCode::invalid_utf8, "m",
                                       std::numeric_limits<std::size_t>::max(), 0});
  doc.mentions.push_back(mention(vnie::MentionType::ordinal, 0, "x",
                                 vnie::OrdinalValue{std::numeric_limits<std::int64_t>::min()}));
  const std::string line = vnie::to_json_line(doc);
  CHECK(line.find(R"("byte_offset":18446744073709551615,"length":0})") != std::string::npos);
  CHECK(line.find(R"("value":{"value":-9223372036854775808})") != std::string::npos);
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

TEST_CASE("json: string escaping as nlohmann's dump() does it") {
  using namespace std::string_literals;
  CHECK(string_text("") == R"("")");
  // Control characters: short escapes where JSON has them, else lowercase
  // \u00xx; DEL (0x7f) and '/' are kept.
  CHECK(string_text("a\x00\x01\x07\x08\x09\x0a\x0b\x0c\x0d\x1b\x1f\x7f z"s) ==
        "\"a\\u0000\\u0001\\u0007\\b\\t\\n\\u000b\\f\\r\\u001b\\u001f\x7f z\"");
  CHECK(string_text(R"("q" \ / </script>)") == R"("\"q\" \\ / </script>")");
  // Well-formed UTF-8, up to U+10FFFF and noncharacters, is kept as is.
  const std::string utf8 =
      "Đặng Thị Ánh \xe2\x82\xac \xf0\x9f\x98\x80 \xef\xbf\xbd \xef\xbf\xbe \xf4\x8f\xbf\xbf";
  CHECK(string_text(utf8) == "\"" + utf8 + "\"");
}

TEST_CASE("json: invalid UTF-8 replaced exactly as error_handler_t::replace does") {
  const std::string r = "\xEF\xBF\xBD";  // U+FFFD
  CHECK(string_text("a\xff" "b") == "\"a" + r + "b\"");
  CHECK(string_text("a\x80" "b") == "\"a" + r + "b\"");
  CHECK(string_text("a\xc3") == "\"a" + r + "\"");       // truncated at the end
  CHECK(string_text("a\xe1\xba") == "\"a" + r + "\"");
  CHECK(string_text("a\xe1\xba" "b") == "\"a" + r + "b\"");
  // The byte that breaks a sequence is read again on its own.
  CHECK(string_text("a\xe1\xc3\xa1" "b") == "\"a" + r + "\xc3\xa1" "b\"");
  CHECK(string_text("\xe1\x22x") == "\"" + r + "\\\"x\"");
  CHECK(string_text("\xe1\x0ax") == "\"" + r + "\\nx\"");
  // Overlong forms, surrogates, code points above U+10FFFF, stray bytes.
  CHECK(string_text("\xc0\xaf" "x") == "\"" + r + r + "x\"");
  CHECK(string_text("\xe0\x80\xaf" "x") == "\"" + r + r + r + "x\"");
  CHECK(string_text("\xed\xa0\x80" "x") == "\"" + r + r + r + "x\"");
  CHECK(string_text("\xf4\x90\x80\x80" "x") == "\"" + r + r + r + r + "x\"");
  CHECK(string_text("\xf5\x80" "x") == "\"" + r + r + "x\"");
  CHECK(string_text("\xc3\xa1\x80\x80" "x") == "\"\xc3\xa1" + r + r + "x\"");
  CHECK(string_text("a\xff\xc3 b\xe1\xba") == "\"a" + r + r + " b" + r + "\"");
}
