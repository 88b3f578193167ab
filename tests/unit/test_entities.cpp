// Entities: organizations, awards and people on short phrases (the rule files' own examples
// run in test_rules.cpp; these cover what examples cannot: documents of several lines,
// abbreviations learned in a document, byte offsets, threads).
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "vnie/extractor.h"

namespace {

const vnie::Extractor& extractor() {
  static std::unique_ptr<vnie::Extractor> ex = [] {
    std::unique_ptr<vnie::Extractor> e;
    vnie::Status s = vnie::Extractor::create({}, &e);
    REQUIRE_MESSAGE(s.ok(), s.to_string());
    return e;
  }();
  return *ex;
}

std::vector<vnie::Mention> entities(const std::string& text, vnie::MentionType type) {
  vnie::Document doc;
  REQUIRE(extractor().extract(text, {}, &doc).ok());
  std::vector<vnie::Mention> out;
  for (auto& m : doc.mentions) {
    if (m.type == type) out.push_back(m);
  }
  return out;
}

const vnie::OrganizationValue& org(const vnie::Mention& m) {
  return std::get<vnie::OrganizationValue>(m.value);
}

/// A text with exactly one organization: its span, canonical name and kind.
struct OrgCase {
  std::string text, span, canonical, kind;
};
void check_one_org(const OrgCase& c) {
  CAPTURE(c.text);
  auto orgs = entities(c.text, vnie::MentionType::organization);
  REQUIRE(orgs.size() == 1);
  CHECK(orgs[0].text == c.span);
  CHECK(orgs[0].start == c.text.find(c.span));
  CHECK(org(orgs[0]).canonical == c.canonical);
  CHECK(org(orgs[0]).kind == c.kind);
}

/// The persons of `text` as (span text, name) pairs.
using P = std::vector<std::pair<std::string, std::string>>;
P people(const std::string& text) {
  P out;
  for (auto& m : entities(text, vnie::MentionType::person)) {
    out.emplace_back(m.text, std::get<vnie::PersonValue>(m.value).name);
  }
  return out;
}

}  // namespace

TEST_CASE("entities: an abbreviation defined in brackets is used later in the document") {
  const std::string text =
      "Hội nghị có đại diện Tổng Công ty Xây lắp Dầu khí Việt Nam (PVC).\n"
      "Năm 2017, PVC bị thu hồi Huân chương Lao động hạng Nhất.";
  auto orgs = entities(text, vnie::MentionType::organization);
  REQUIRE(orgs.size() == 2);
  CHECK(org(orgs[0]).abbreviation == "PVC");
  CHECK(orgs[1].text == "PVC");
  CHECK(org(orgs[1]).canonical == org(orgs[0]).canonical);
  CHECK(org(orgs[1]).kind == "enterprise");
  // Not before its definition.
  auto before = entities("PVC bị thu hồi. Tổng Công ty Xây lắp Dầu khí Việt Nam (PVC) nói.",
                         vnie::MentionType::organization);
  for (const auto& m : before) CHECK(m.start > 0);
}

TEST_CASE("entities: spans are bytes of the original input, whatever its tone style") {
  const std::string text = "Uỷ ban nhân dân tỉnh Hà Tĩnh và Công đoàn viên chức tỉnh tặng bằng khen.";
  auto orgs = entities(text, vnie::MentionType::organization);
  REQUIRE(orgs.size() == 2);
  CHECK(orgs[0].text == "Uỷ ban nhân dân tỉnh Hà Tĩnh");
  CHECK(text.substr(orgs[0].start, orgs[0].end - orgs[0].start) == orgs[0].text);
  CHECK(org(orgs[0]).canonical == "Ủy ban nhân dân tỉnh Hà Tĩnh");
  CHECK(org(orgs[1]).canonical == "Công đoàn Viên chức tỉnh");
  auto awards = entities(text, vnie::MentionType::award);
  REQUIRE(awards.size() == 1);
  CHECK(std::get<vnie::AwardValue>(awards[0].value).kind == "bang_khen");
}

TEST_CASE("entities: a name ends before the verb, nested names are one organization") {
  auto orgs = entities("Công đoàn Viên chức tỉnh Thái Nguyên đã tổ chức Hội nghị",
                       vnie::MentionType::organization);
  REQUIRE(orgs.size() == 1);
  CHECK(orgs[0].text == "Công đoàn Viên chức tỉnh Thái Nguyên");
  orgs = entities("trao Cờ thi đua cho CĐCS Ủy Ban Kiểm tra Tỉnh ủy, Bằng khen",
                  vnie::MentionType::organization);
  REQUIRE(orgs.size() == 1);
  CHECK(org(orgs[0]).canonical == "Công đoàn cơ sở Ủy ban Kiểm tra Tỉnh ủy");
}

TEST_CASE("entities: the issuer is not part of the award") {
  const std::string text = "Bằng khen của Thủ tướng Chính phủ và Cờ thi đua của Tổng LĐLĐ Việt Nam";
  auto awards = entities(text, vnie::MentionType::award);
  REQUIRE(awards.size() == 2);
  CHECK(awards[0].text == "Bằng khen");
  CHECK(awards[1].text == "Cờ thi đua");
  auto orgs = entities(text, vnie::MentionType::organization);
  REQUIRE(orgs.size() == 2);
  CHECK(org(orgs[0]).canonical == "Thủ tướng Chính phủ");
  CHECK(org(orgs[1]).canonical == "Tổng Liên đoàn Lao động Việt Nam");
}

TEST_CASE("entities: a person's titles, and the byline at the end of an article") {
  const std::string text =
      "Dự có đồng chí Đoàn Văn Sự, Ủy viên Ban Chấp hành Tổng Liên đoàn Lao động Việt Nam, "
      "Chủ tịch LĐLĐ tỉnh.\nTại hội nghị, 5 tập thể được nhận Bằng khen.\n   Hải Yến\n";
  auto people = entities(text, vnie::MentionType::person);
  REQUIRE(people.size() == 2);
  const auto& p = std::get<vnie::PersonValue>(people[0].value);
  CHECK(p.name == "Đoàn Văn Sự");
  REQUIRE(p.titles.size() == 2);
  CHECK(p.titles[1] == "Chủ tịch LĐLĐ tỉnh");
  CHECK(people[1].text == "Hải Yến");
}

TEST_CASE("entities: a person's name keeps its tone marks as written, in NFC") {
  // Organizations get the normalizer's canonical tone style; a name is the
  // person's own spelling ("Thuý" and "Thúy" are written by different people).
  const std::string text =
      "Dự có đồng chí Nguyễn Thị Thuý, Chủ tịch Công đoàn. Anh Trần Văn Hòa và chị Lê Thị "
      "Hoa\xcc\x80 nhận quà của Uỷ ban nhân dân tỉnh.";  // the last name in NFD: "Hoà"
  auto people = entities(text, vnie::MentionType::person);
  REQUIRE(people.size() == 3);
  CHECK(std::get<vnie::PersonValue>(people[0].value).name == "Nguyễn Thị Thuý");
  CHECK(std::get<vnie::PersonValue>(people[1].value).name == "Trần Văn Hòa");
  CHECK(people[2].text == "Lê Thị Hoa\xcc\x80");                               // the input's bytes
  CHECK(std::get<vnie::PersonValue>(people[2].value).name == "Lê Thị Ho\xc3\xa0");  // NFC "Hoà"
  auto orgs = entities(text, vnie::MentionType::organization);
  REQUIRE(!orgs.empty());
  CHECK(org(orgs.back()).canonical == "Ủy ban nhân dân tỉnh");
}

TEST_CASE("entities: persons of all news (issue 15 class 6)") {

  SUBCASE("a full name standing alone; streets, schools and places named after people") {
    CHECK(people("Nguyễn Văn An phát biểu tại hội nghị.") == P{{"Nguyễn Văn An", "Nguyễn Văn An"}});
    CHECK(people("Trần Long cho biết anh sẽ trở lại.") == P{{"Trần Long", "Trần Long"}});
    CHECK(people("Nhà ở đường Nguyễn Du, phố Trần Hưng Đạo, gần Trường THPT Lê Quý Đôn.").empty());
    CHECK(people("Giới chức Thái Lan cho hay như vậy.").empty());
  }
  SUBCASE("a given name after a kinship or honorific word: the name without the word") {
    const std::string text = "Theo anh Tuấn, chị Thu Hà và cháu Minh đều khỏe.";
    auto ms = entities(text, vnie::MentionType::person);
    REQUIRE(ms.size() == 3);
    CHECK(ms[0].text == "Tuấn");
    CHECK(ms[0].start == text.find("Tuấn"));
    CHECK(ms[0].end == text.find("Tuấn") + std::string("Tuấn").size());
    CHECK(std::get<vnie::PersonValue>(ms[1].value).name == "Thu Hà");
    CHECK(std::get<vnie::PersonValue>(ms[1].value).titles.empty());
    CHECK(ms[2].text == "Minh");
    CHECK(people("Chị Hà cho biết.") == P{{"Hà", "Hà"}});
    CHECK(people("Du lịch Bà Rịa - Vũng Tàu hồi phục.").empty());
    CHECK(people("Các nghệ sĩ Hàn Quốc biểu diễn.").empty());
  }
  SUBCASE("foreign names after a title or role, with the title before as written") {
    const std::string text = "Tổng thống Nga Vladimir Putin và HLV Park Hang-seo.";
    auto ms = entities(text, vnie::MentionType::person);
    REQUIRE(ms.size() == 2);
    const auto& putin = std::get<vnie::PersonValue>(ms[0].value);
    CHECK(putin.name == "Vladimir Putin");
    REQUIRE(putin.titles.size() == 1);
    CHECK(putin.titles[0] == "Tổng thống Nga");
    CHECK(ms[0].start == text.find("Vladimir"));
    CHECK(ms[1].text == "Park Hang-seo");
    CHECK(people("C.Ronaldo lập cú đúp.") == P{{"C.Ronaldo", "C.Ronaldo"}});
    CHECK(people("Tiền đạo Real Madrid Cristiano Ronaldo ghi bàn.") ==
          P{{"Cristiano Ronaldo", "Cristiano Ronaldo"}});
    // a foreign name ends before Vietnamese words
    CHECK(people("Chủ tịch Raul Castro Ruz Huân chương") == P{{"Raul Castro Ruz", "Raul Castro Ruz"}});
    CHECK(people("Chủ tịch Barcelona từ chức. Apple cho biết.").empty());
  }
  SUBCASE("a name in capitals, as written; not in a heading or a place") {
    CHECK(people("Bài và ảnh: NGUYỄN VĂN AN") == P{{"NGUYỄN VĂN AN", "NGUYỄN VĂN AN"}});
    CHECK(people("THÀNH PHỐ HỒ CHÍ MINH").empty());
    CHECK(people("CÔNG TY CAO SU ĐỒNG NAI").empty());
  }
  SUBCASE("the author of a credit line, not a news agency") {
    CHECK(people("Người dân xếp hàng (Ảnh: Toàn Vũ).") == P{{"Toàn Vũ", "Toàn Vũ"}});
    CHECK(people("Tổng thống phát biểu (Ảnh: Getty Images).").empty());
  }
  SUBCASE("a name in brackets after a title takes the title") {
    auto ms = entities("Giám đốc Sở Y tế (ông Nguyễn Văn Hùng) cho biết.", vnie::MentionType::person);
    REQUIRE(ms.size() == 1);
    const auto& p = std::get<vnie::PersonValue>(ms[0].value);
    CHECK(p.name == "Nguyễn Văn Hùng");
    REQUIRE(p.titles.size() == 1);
    CHECK(p.titles[0] == "Giám đốc Sở Y tế");
  }
}

TEST_CASE("entities: not organizations") {
  for (const char* s : {"hoạt động công đoàn năm 2020", "đoàn viên công đoàn",
                        "nổ súng tấn công đoàn xe", "chương trình Mái ấm Công đoàn",
                        "toàn bộ cán bộ, CBCCVC, CNVCLĐ", "phục vụ nhiệm vụ", "thị trường lao động"}) {
    CAPTURE(s);
    CHECK(entities(s, vnie::MentionType::organization).empty());
  }
}

TEST_CASE("entities: many threads share one extractor") {
  const std::string text =
      "Công đoàn Viên chức (CĐVC) tỉnh tặng giấy khen; CĐVC tỉnh và LĐLĐ tỉnh Thái Nguyên. "
      "Ông Nguyễn Văn An, Chủ tịch Công đoàn Công ty TNHH Canon Việt Nam cho biết.";
  vnie::Document ref;
  REQUIRE(extractor().extract(text, {}, &ref).ok());
  std::vector<std::thread> threads;
  std::vector<int> same(8, 0);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        vnie::Document d;
        if (!extractor().extract(text, {}, &d).ok()) return;
        if (d.mentions.size() == ref.mentions.size()) ++same[static_cast<std::size_t>(t)];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int v : same) CHECK(v == 50);
}

TEST_CASE("entities: a counted union level is a figure and an organization, each whole") {
  // corpus/gold/README.md: "45 CĐCS" is a number `45 CĐCS` and an organization `CĐCS`.
  const std::string text = "Công đoàn cơ quan Dân, Đảng quận Long Biên có 3 đồng chí và 2 công đoàn bộ phận.";
  vnie::Document doc;
  REQUIRE(extractor().extract(text, {}, &doc).ok());
  std::vector<std::string> orgs, numbers;
  for (const auto& m : doc.mentions) {
    if (m.type == vnie::MentionType::organization) orgs.push_back(m.text);
    if (m.type == vnie::MentionType::number) {
      const auto& n = std::get<vnie::NumberValue>(m.value);
      REQUIRE(n.unit.has_value());
      numbers.push_back(m.text + "|" + *n.unit);
    }
  }
  CHECK(orgs == std::vector<std::string>{"Công đoàn cơ quan Dân, Đảng quận Long Biên",
                                         "công đoàn bộ phận"});
  CHECK(numbers == std::vector<std::string>{"3 đồng chí|đồng chí",
                                            "2 công đoàn bộ phận|công đoàn bộ phận"});
}

TEST_CASE("entities: the proper name after a zone, and a union named after its enterprise") {
  const std::string text =
      "Công đoàn Khu kinh tế Nghi Sơn và Ban Quản lý Khu công nghiệp Quang Minh cùng Công đoàn "
      "BIDV trao quà; Chủ tịch Công đoàn CAND Nguyễn Văn An phát biểu.";
  std::vector<std::string> canon;
  for (const auto& m : entities(text, vnie::MentionType::organization)) {
    canon.push_back(org(m).canonical);
  }
  CHECK(canon == std::vector<std::string>{"Công đoàn Khu kinh tế Nghi Sơn",
                                          "Ban Quản lý Khu công nghiệp Quang Minh",
                                          "Công đoàn BIDV", "Công đoàn CAND"});
  // the person after the union stays a person
  auto people = entities(text, vnie::MentionType::person);
  REQUIRE(people.size() == 1);
  CHECK(people[0].text == "Nguyễn Văn An");
}

TEST_CASE("entities: organizations of all news, canonical names with abbreviations expanded") {
  const std::vector<OrgCase> cases = {
      {"Thầy giáo Trường THCS số 2 Nam Lý cho biết.", "Trường THCS số 2 Nam Lý",
       "Trường Trung học cơ sở số 2 Nam Lý", "education"},
      {"Bệnh nhân được chuyển đến Bệnh viện Đa khoa khu vực Cẩm Phả điều trị.",
       "Bệnh viện Đa khoa khu vực Cẩm Phả", "Bệnh viện Đa khoa khu vực Cẩm Phả", "health"},
      {"Công ty CP Cao su Sao Vàng tặng quà.", "Công ty CP Cao su Sao Vàng",
       "Công ty Cổ phần Cao su Sao Vàng", "enterprise"},
      {"Đại diện Công ty TNHH MTV Cao su Sao Vàng phát biểu.", "Công ty TNHH MTV Cao su Sao Vàng",
       "Công ty Trách nhiệm hữu hạn Một thành viên Cao su Sao Vàng", "enterprise"},
      {"Phòng CSGT Công an tỉnh Nghệ An cho biết.", "Phòng CSGT Công an tỉnh Nghệ An",
       "Phòng Cảnh sát giao thông Công an tỉnh Nghệ An", "state"},
      {"Theo Bộ GD&ĐT, kỳ thi diễn ra.", "Bộ GD&ĐT", "Bộ Giáo dục và Đào tạo", "state"},
      {"Trường ĐH Bách khoa Hà Nội tuyển sinh.", "Trường ĐH Bách khoa Hà Nội",
       "Trường Đại học Bách khoa Hà Nội", "education"},
      {"Bác sĩ Bệnh viện Nhi Đồng 1 cho biết.", "Bệnh viện Nhi Đồng 1", "Bệnh viện Nhi Đồng 1",
       "health"},
      {"Hôm qua, Vietcombank giảm lãi suất.", "Vietcombank", "Vietcombank", "enterprise"},
      {"Theo WHO, số ca mắc tăng.", "WHO", "WHO", "other"},
      {"Sản phẩm của hãng Yamaha ra mắt.", "Yamaha", "Yamaha", "enterprise"},
      {"Huấn luyện viên đội tuyển Việt Nam cho biết.", "đội tuyển Việt Nam", "Đội tuyển Việt Nam",
       "other"},
  };
  for (const auto& c : cases) check_one_org(c);
  // Generic phrases are no named body.
  for (const std::string t : {"Sinh viên các trường đại học trên cả nước.",
                              "Các doanh nghiệp đã chi trả.", "Công ty đã chi trả lương.",
                              "Các ngân hàng TMCP trong nước.", "Trường THPT trên địa bàn."}) {
    CAPTURE(t);
    CHECK(entities(t, vnie::MentionType::organization).empty());
  }
}

TEST_CASE("entities: commemorative medals and orders named without quotes, titles of the renewal era") {
  auto one = [](const std::string& text) {
    auto awards = entities(text, vnie::MentionType::award);
    REQUIRE(awards.size() == 1);
    return std::get<vnie::AwardValue>(awards[0].value);
  };
  auto v = one("được tặng Kỷ niệm chương Vì sự nghiệp Tư pháp năm 2020");
  CHECK(v.kind == "ky_niem_chuong");
  CHECK(v.name == "Kỷ niệm chương Vì sự nghiệp Tư pháp");
  v = one("nhận Kỷ niệm chương vì sự nghiệp khuyến học của Hội");
  CHECK(v.name == "Kỷ niệm chương vì sự nghiệp khuyến học");
  v = one("được nhận Huân chương Công trạng của Cộng hòa Italia");
  CHECK(v.kind == "huan_chuong");
  CHECK(v.name == "Huân chương Công trạng");
  v = one("danh hiệu Anh hùng Lao động thời kỳ đổi mới năm 2010");
  CHECK(v.kind == "danh_hieu_vinh_du");
  CHECK(v.name == "Anh hùng Lao động thời kỳ đổi mới");
}

TEST_CASE("entities: persons of general news — roles in lower case, initials, after 'tỉnh'") {
  CHECK(people("Trên trang cá nhân, diễn viên Lê Khánh vừa khoe ảnh.") == P{{"Lê Khánh", "Lê Khánh"}});
  CHECK(people("Tiền vệ Đỗ Hùng ghi bàn, thủ môn Bùi Tiến cản phá.") ==
        P{{"Đỗ Hùng", "Đỗ Hùng"}, {"Bùi Tiến", "Bùi Tiến"}});
  CHECK(people("Các cầu thủ Thái Lan và cầu thủ Hà Nội thi đấu.").empty());
  // a given name written as an initial keeps its full stop
  const std::string text = "Công an đã triệu tập Nguyễn Ngọc T. (SN 2005) và đối tượng Hoàng Văn H.";
  auto ms = entities(text, vnie::MentionType::person);
  REQUIRE(ms.size() == 2);
  CHECK(ms[0].text == "Nguyễn Ngọc T.");
  CHECK(ms[0].start == text.find("Nguyễn"));
  CHECK(ms[1].text == "Hoàng Văn H.");
  CHECK(people("Nhà ở đường Nguyễn Văn C. đã sửa.").empty());
  // after "tỉnh" only a province is a place: a full name with a title before is the person
  auto chair = entities("Chủ tịch UBND tỉnh Phan Ngọc Thọ cho rằng như vậy.", vnie::MentionType::person);
  REQUIRE(chair.size() == 1);
  CHECK(chair[0].text == "Phan Ngọc Thọ");
  const auto& v = std::get<vnie::PersonValue>(chair[0].value);
  REQUIRE(v.titles.size() == 1);
  CHECK(v.titles[0] == "Chủ tịch UBND tỉnh");
  CHECK(people("Vụ việc xảy ra tại xã Phạm Văn Hai, huyện Bình Chánh.").empty());
  // the same after huyện / xã: the organization ends at the unit, the person follows
  const std::string local = "Phó Chủ tịch UBND huyện Trần Văn Bình và Chủ tịch UBND xã Lê Thị Thu Hà dự.";
  vnie::Document doc;
  REQUIRE(extractor().extract(local, {}, &doc).ok());
  std::vector<std::string> spans;
  for (const auto& m : doc.mentions) {
    if (m.type == vnie::MentionType::person || m.type == vnie::MentionType::organization) {
      spans.push_back(m.text);
    }
  }
  CHECK(spans == std::vector<std::string>{"UBND huyện", "Trần Văn Bình", "UBND xã", "Lê Thị Thu Hà"});
  // a place named after a person stays the place
  auto place = entities("Chủ tịch UBND huyện Trần Văn Thời cho biết.", vnie::MentionType::organization);
  REQUIRE(place.size() == 1);
  CHECK(org(place[0]).canonical == "Ủy ban nhân dân huyện Trần Văn Thời");
  CHECK(people("Người dân tỉnh Thừa Thiên Huế đón Tết.").empty());
}

TEST_CASE("entities: well-known organizations of general news and governing bodies") {
  const std::vector<OrgCase> cases = {
      {"Messi rời Barcelona vào mùa hè.", "Barcelona", "Barcelona", "other"},
      {"Man Utd thắng 2-0 trên sân khách.", "Man Utd", "Man Utd", "other"},
      {"Lợi nhuận của Samsung tăng mạnh.", "Samsung", "Samsung", "enterprise"},
      {"Theo Reuters, cuộc đàm phán đã kết thúc.", "Reuters", "Reuters", "other"},
      {"Cổ phiếu Hòa Phát tăng trần.", "Hòa Phát", "Hòa Phát", "enterprise"},
      {"Ông được bầu làm Chủ tịch HĐQT nhiệm kỳ mới.", "HĐQT", "Hội đồng quản trị", "enterprise"},
      {"Theo Hiệp hội Bóng đá Anh, trận đấu bị hoãn.", "Hiệp hội Bóng đá Anh",
       "Hiệp hội Bóng đá Anh", "other"},
  };
  for (const auto& c : cases) check_one_org(c);
  // an acronym whose expansion the document wrote before takes that expansion
  auto uefa = entities("Liên đoàn bóng đá châu Âu (UEFA) cho biết. UEFA đang nói.",
                       vnie::MentionType::organization);
  REQUIRE(uefa.size() == 2);
  CHECK(uefa[1].text == "UEFA");
  CHECK(org(uefa[1]).canonical == "Liên đoàn Bóng đá châu Âu");
  // a brand after "ông" is a person's name
  CHECK(entities("Lời cuối cùng, ông Bloomberg khuyên sinh viên.", vnie::MentionType::organization).empty());
  // a brand before a product name is not the body
  for (const std::string t : {"Điện thoại Samsung Galaxy S21 ra mắt.", "Ứng dụng Google Maps cập nhật.",
                              "Đội tuyển dự AFF Cup năm nay.", "Chung cuộc, đội Samsung thắng 2-1."}) {
    CAPTURE(t);
    for (const auto& m : entities(t, vnie::MentionType::organization)) {
      CHECK(m.text != "Samsung");
      CHECK(m.text != "Google");
      CHECK(m.text != "AFF");
    }
  }
}

TEST_CASE("entities: a name found once is found again where the text repeats it") {
  const std::string text =
      "Ông Nguyễn Quang Hải, Giám đốc Công ty TNHH Sao Mai, cho biết công ty sẽ mở rộng. "
      "Theo Quang Hải, năm nay Nguyễn Quang Hải và Công ty TNHH Sao Mai đã tuyển 200 người.";
  const auto persons = entities(text, vnie::MentionType::person);
  std::vector<std::string> names;
  for (const auto& m : persons) names.push_back(m.text + "|" + m.rule);
  CHECK(names == std::vector<std::string>{"Nguyễn Quang Hải|person.name",
                                          "Quang Hải|entities.repeat",
                                          "Nguyễn Quang Hải|person.name"});
  for (const auto& m : persons) CHECK(text.substr(m.start, m.end - m.start) == m.text);
  CHECK(std::get<vnie::PersonValue>(persons[1].value).name == "Quang Hải");
  CHECK(std::get<vnie::PersonValue>(persons[1].value).titles.empty());
  const auto orgs = entities("Sản phẩm mới của hãng Yamaha ra mắt hôm qua. Yamaha cho biết giá "
                             "bán sẽ công bố sau.",
                             vnie::MentionType::organization);
  REQUIRE(orgs.size() == 2);
  CHECK(orgs[0].rule == "org.brand");
  CHECK(orgs[1].rule == "entities.repeat");
  CHECK(org(orgs[1]).canonical == org(orgs[0]).canonical);

  // Not inside a longer name, not a middle name with the given name, not in capitals alone.
  const auto brands = entities("Hãng Samsung vừa ra mắt Samsung Galaxy S21 tại Hà Nội.",
                               vnie::MentionType::organization);
  REQUIRE(brands.size() == 1);
  CHECK(brands[0].rule != "entities.repeat");
  const auto middle = entities("Ông Nguyễn Văn An cho biết. Văn An là tên một con đường.",
                               vnie::MentionType::person);
  REQUIRE(middle.size() == 1);

  // Options::repeat_names = false: only what the rules find.
  vnie::Options opt;
  opt.repeat_names = false;
  std::unique_ptr<vnie::Extractor> ex;
  REQUIRE(vnie::Extractor::create(opt, &ex).ok());
  vnie::Document doc;
  REQUIRE(ex->extract(text, {}, &doc).ok());
  for (const auto& m : doc.mentions) CHECK(m.rule != "entities.repeat");
}
