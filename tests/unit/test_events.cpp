// Event assembly, tested on hand-built mentions so that it does not depend
// on the value and entity rules: meetings, awards, funding, sentences.
#include <doctest/doctest.h>

#include "events/assembler.h"
#include "events/sentences.h"
#include "rules/ruleset.h"

namespace {

using namespace vnie;

/// The embedded word lists, loaded once.
const detail::RuleSet& defaults() {
  static const Normalizer normalizer;
  static const detail::RuleSet set = [] {
    detail::RuleSet s(&normalizer);
    REQUIRE(detail::load_rules({}, true, normalizer, &s).ok());
    return s;
  }();
  return set;
}

/// A sentence with mentions placed by their text.
struct Doc {
  explicit Doc(std::string text) : nt(Normalizer().normalize(text)) {}
  NormalizedText nt;
  std::vector<Mention> ms;

  Doc& add(MentionType type, const std::string& text, Value value, int occurrence = 1) {
    std::size_t pos = std::string::npos;
    for (int k = 0; k < occurrence; ++k) pos = nt.text.find(text, pos + 1);
    REQUIRE_MESSAGE(pos != std::string::npos, text);
    Mention m;
    m.type = type;
    m.start = pos;
    m.end = pos + text.size();
    m.text = text;
    m.value = std::move(value);
    ms.push_back(std::move(m));
    std::sort(ms.begin(), ms.end(), [](const Mention& a, const Mention& b) { return a.start < b.start; });
    return *this;
  }
  Doc& org(const std::string& text, const std::string& canonical, int occurrence = 1) {
    OrganizationValue v;
    v.name = text;
    v.canonical = canonical;
    v.kind = "trade_union";
    return add(MentionType::organization, text, v, occurrence);
  }
  Doc& award(const std::string& text, const std::string& kind, int occurrence = 1) {
    return add(MentionType::award, text, AwardValue{kind, text}, occurrence);
  }
  Doc& count(const std::string& text, double n, const std::string& unit, int occurrence = 1) {
    NumberValue v;
    v.value = n;
    v.unit = unit;
    return add(MentionType::number, text, v, occurrence);
  }
  Doc& date(const std::string& text, std::optional<int> y, std::optional<int> m,
            std::optional<int> d) {
    DateValue v;
    v.year = y;
    v.month = m;
    v.day = d;
    return add(MentionType::date, text, v);
  }
  Doc& money(const std::string& text, double amount) {
    MoneyValue v;
    v.amount = amount;
    return add(MentionType::money, text, v);
  }
  std::vector<Event> events() const {
    detail::EventAssembler a(defaults().lexicon);
    std::vector<Event> out;
    a.assemble(nt, ms, &out);
    return out;
  }
};

template <typename T>
std::vector<T> of(const std::vector<Event>& evs) {
  std::vector<T> out;
  for (const auto& e : evs) {
    if (const auto* v = std::get_if<T>(&e.value)) out.push_back(*v);
  }
  return out;
}

Recipient counted(int n, const char* kind) {
  Recipient r;
  r.count = n;
  r.kind = kind;
  return r;
}

}  // namespace

TEST_CASE("events: sentences split at ends, not after TP. or ThS.") {
  detail::SentenceSplitter sp({"TP.", "ThS."});
  const std::string text =
      "Hội nghị diễn ra tại TP. Hồ Chí Minh. Sau đó ThS. Nguyễn Văn A phát biểu!\nDòng mới";
  auto spans = sp.split(text);
  REQUIRE(spans.size() == 3);
  CHECK(text.substr(spans[0].first, spans[0].second - spans[0].first) ==
        "Hội nghị diễn ra tại TP. Hồ Chí Minh.");
  CHECK(text.substr(spans[1].first, spans[1].second - spans[1].first) ==
        "Sau đó ThS. Nguyễn Văn A phát biểu!");
  CHECK(text.substr(spans[2].first, spans[2].second - spans[2].first) == "Dòng mới");
  CHECK(sp.split("").empty());
  CHECK(sp.split("   \n ").empty());
}

TEST_CASE("events: a meeting takes its date from the sentence before") {
  Doc d("Từ ngày 23/11 đến ngày 25/11/2021. Công đoàn Viên chức tỉnh đã tổ chức Hội nghị giao "
        "ban công tác công đoàn.");
  DateRangeValue r;
  r.from.year = 2021, r.from.month = 11, r.from.day = 23;
  r.to.year = 2021, r.to.month = 11, r.to.day = 25;
  d.add(MentionType::date_range, "Từ ngày 23/11 đến ngày 25/11/2021", r);
  d.org("Công đoàn Viên chức tỉnh", "Công đoàn Viên chức tỉnh");
  auto evs = d.events();
  auto meetings = of<MeetingEvent>(evs);
  REQUIRE(meetings.size() == 1);
  CHECK(meetings[0].kind == "giao_ban");
  CHECK(meetings[0].organizer == "Công đoàn Viên chức tỉnh");
  REQUIRE(meetings[0].date_range);
  CHECK(*meetings[0].date_range == r);
  CHECK(evs[0].start == 0);  // the evidence includes the sentence with the date
}

TEST_CASE("events: a review meeting with its periods") {
  Doc d("Chiều 23/12, Công đoàn Viên chức (CĐVC) tỉnh tổ chức hội nghị tổng kết phong trào và "
        "hoạt động công đoàn năm 2020, triển khai nhiệm vụ trọng tâm năm 2021.");
  d.date("Chiều 23/12", std::nullopt, 12, 23)
      .org("Công đoàn Viên chức (CĐVC) tỉnh", "Công đoàn Viên chức tỉnh")
      .date("năm 2020", 2020, std::nullopt, std::nullopt)
      .date("năm 2021", 2021, std::nullopt, std::nullopt);
  auto meetings = of<MeetingEvent>(d.events());
  REQUIRE(meetings.size() == 1);
  CHECK(meetings[0].kind == "tong_ket");
  CHECK(meetings[0].organizer == "Công đoàn Viên chức tỉnh");
  REQUIRE(meetings[0].date);
  CHECK(meetings[0].date->day == 23);
  CHECK(meetings[0].reviewed_period == "năm 2020");  // as written (docs/output-format.md)
  CHECK(meetings[0].plan_period == "năm 2021");
}

TEST_CASE("events: awards in a list share the issuer written once") {
  Doc d("Dịp này, 1 tập thể được nhận Cờ thi đua, 1 tập thể được nhận Bằng khen của Tổng Liên "
        "đoàn Lao động Việt Nam.");
  d.count("1 tập thể", 1, "tập thể", 1)
      .award("Cờ thi đua", "co_thi_dua")
      .count("1 tập thể", 1, "tập thể", 2)
      .award("Bằng khen", "bang_khen")
      .org("Tổng Liên đoàn Lao động Việt Nam", "Tổng Liên đoàn Lao động Việt Nam");
  auto awards = of<AwardEvent>(d.events());
  REQUIRE(awards.size() == 2);
  CHECK(awards[0].award_kind == "co_thi_dua");
  CHECK(awards[1].award_kind == "bang_khen");
  for (const auto& a : awards) {
    CHECK(a.issuer == "Tổng Liên đoàn Lao động Việt Nam");
    REQUIRE(a.recipients.size() == 1);
    CHECK(a.recipients[0] == counted(1, "collective"));
  }
}

TEST_CASE("events: the issuer after 'của' may be an office: of a body, or one that needs none") {
  Doc minister("Dịp này, 10 cá nhân nhận Bằng khen của Bộ trưởng Bộ Quốc phòng.");
  minister.count("10 cá nhân", 10, "cá nhân").award("Bằng khen", "bang_khen").org("Bộ Quốc phòng", "Bộ Quốc phòng");
  auto a = of<AwardEvent>(minister.events());
  REQUIRE(a.size() == 1);
  CHECK(a[0].issuer == "Bộ trưởng Bộ Quốc phòng");
  REQUIRE(a[0].recipients.size() == 1);
  CHECK(a[0].recipients[0] == counted(10, "individual"));

  Doc chair("Anh Ba được tặng Bằng khen của Chủ tịch UBND tỉnh Nghệ An.");
  chair.award("Bằng khen", "bang_khen").org("UBND tỉnh Nghệ An", "Ủy ban nhân dân tỉnh Nghệ An");
  a = of<AwardEvent>(chair.events());
  REQUIRE(a.size() == 1);
  CHECK(a[0].issuer == "Chủ tịch Ủy ban nhân dân tỉnh Nghệ An");

  // rules/lists/event_issuer_offices.txt: "Thủ tướng" alone is the Prime Minister.
  Doc pm("Chị B được truy tặng Bằng khen của Thủ tướng vì đã dũng cảm cứu người. Ông C được "
         "tặng Bằng khen do Chủ tịch nước ký.");
  pm.award("Bằng khen", "bang_khen", 1).award("Bằng khen", "bang_khen", 2);
  a = of<AwardEvent>(pm.events());
  REQUIRE(a.size() == 2);
  CHECK(a[0].issuer == "Thủ tướng Chính phủ");
  CHECK(a[1].issuer == "Chủ tịch nước");

  // An office of no named body, and a word that only begins like one, give no issuer.
  Doc unit("Ông được tặng Bằng khen của thủ trưởng đơn vị. Bà được tặng Bằng khen của Thủ "
           "tướngx.");
  unit.award("Bằng khen", "bang_khen", 1).award("Bằng khen", "bang_khen", 2);
  a = of<AwardEvent>(unit.events());
  REQUIRE(a.size() == 2);
  CHECK_FALSE(a[0].issuer.has_value());
  CHECK_FALSE(a[1].issuer.has_value());
}

TEST_CASE("events: an award handed over on behalf of a body has that body as its issuer") {
  Doc president("Thừa uỷ quyền của Chủ tịch nước, Đại tá Lê Như Cương, Chính uỷ BĐBP tỉnh Nghệ An "
                "đã trao Huân chương Chiến công hạng Nhất cho 2 cá nhân.");
  president.org("Chủ tịch nước", "Chủ tịch nước")
      .org("BĐBP tỉnh Nghệ An", "Bộ đội Biên phòng tỉnh Nghệ An")
      .award("Huân chương Chiến công hạng Nhất", "huan_chuong")
      .count("2 cá nhân", 2, "cá nhân");
  auto a = of<AwardEvent>(president.events());
  REQUIRE(a.size() == 1);
  CHECK(a[0].issuer == "Chủ tịch nước");
  REQUIRE(a[0].recipients.size() == 1);
  CHECK(a[0].recipients[0] == counted(2, "individual"));

  // An office named alone (event_issuer_offices.txt), written "ủy" or "uỷ".
  Doc pm("Thừa ủy quyền của Thủ tướng, Bộ trưởng Nguyễn Văn Thể trao Bằng khen cho 5 tập thể.");
  pm.award("Bằng khen", "bang_khen").count("5 tập thể", 5, "tập thể");
  a = of<AwardEvent>(pm.events());
  REQUIRE(a.size() == 1);
  CHECK(a[0].issuer == "Thủ tướng Chính phủ");

  // "thay mặt X nhận": X receives; the issuer is read as before.
  Doc receive("Ông Tư thay mặt Công ty Điện lực Hà Nội nhận Bằng khen của UBND thành phố.");
  receive.org("Công ty Điện lực Hà Nội", "Công ty Điện lực Hà Nội")
      .award("Bằng khen", "bang_khen")
      .org("UBND thành phố", "Ủy ban nhân dân thành phố");
  a = of<AwardEvent>(receive.events());
  REQUIRE(a.size() == 1);
  CHECK(a[0].issuer == "Ủy ban nhân dân thành phố");
}

TEST_CASE("events: persons named after 'cho' are individual recipients") {
  auto person = [](const char* name) {
    PersonValue v;
    v.name = name;
    return v;
  };
  Doc d("Bộ trưởng Đào Ngọc Dung đã trao Bằng khen cho anh Nguyễn Văn Bình và chị Lê Thị Hoa.");
  d.add(MentionType::person, "Đào Ngọc Dung", person("Đào Ngọc Dung"))
      .award("Bằng khen", "bang_khen")
      .add(MentionType::person, "Nguyễn Văn Bình", person("Nguyễn Văn Bình"))
      .add(MentionType::person, "Lê Thị Hoa", person("Lê Thị Hoa"));
  auto a = of<AwardEvent>(d.events());
  REQUIRE(a.size() == 1);
  REQUIRE(a[0].recipients.size() == 2);
  CHECK(a[0].recipients[0].name == "Nguyễn Văn Bình");
  CHECK(a[0].recipients[0].kind == "individual");
  CHECK_FALSE(a[0].recipients[0].count.has_value());
  CHECK(a[0].recipients[1].name == "Lê Thị Hoa");

  // The giver before the award, and a person not after "cho", receive nothing.
  Doc g("Ông Trần Văn Tư trao Bằng khen cho Công đoàn Điện lực theo đề nghị của anh Võ Văn Kiệt.");
  g.add(MentionType::person, "Trần Văn Tư", person("Trần Văn Tư"))
      .award("Bằng khen", "bang_khen")
      .org("Công đoàn Điện lực", "Công đoàn Điện lực")
      .add(MentionType::person, "Võ Văn Kiệt", person("Võ Văn Kiệt"));
  a = of<AwardEvent>(g.events());
  REQUIRE(a.size() == 1);
  REQUIRE(a[0].recipients.size() == 1);
  CHECK(a[0].recipients[0].name == "Công đoàn Điện lực");
  CHECK(a[0].recipients[0].kind == "collective");
}

TEST_CASE("events: active and passive grants, named recipients, nominations") {
  Doc active("LĐLĐ tỉnh tặng Bằng khen cho 03 tập thể, 13 cá nhân có thành tích xuất sắc.");
  active.org("LĐLĐ tỉnh", "Liên đoàn Lao động tỉnh")
      .award("Bằng khen", "bang_khen")
      .count("03 tập thể", 3, "tập thể")
      .count("13 cá nhân", 13, "cá nhân");
  auto a = of<AwardEvent>(active.events());
  REQUIRE(a.size() == 1);
  CHECK(a[0].issuer == "Liên đoàn Lao động tỉnh");
  REQUIRE(a[0].recipients.size() == 2);
  CHECK(a[0].recipients[0] == counted(3, "collective"));
  CHECK(a[0].recipients[1] == counted(13, "individual"));

  Doc passive("Năm 2023, CĐCS Ủy ban Kiểm tra Tỉnh ủy được LĐLĐ tỉnh tặng Bằng khen.");
  passive.date("Năm 2023", 2023, std::nullopt, std::nullopt)
      .org("CĐCS Ủy ban Kiểm tra Tỉnh ủy", "Công đoàn cơ sở Ủy ban Kiểm tra Tỉnh ủy")
      .org("LĐLĐ tỉnh", "Liên đoàn Lao động tỉnh")
      .award("Bằng khen", "bang_khen");
  auto p = of<AwardEvent>(passive.events());
  REQUIRE(p.size() == 1);
  CHECK(p[0].issuer == "Liên đoàn Lao động tỉnh");
  REQUIRE(p[0].recipients.size() == 1);
  CHECK(p[0].recipients[0].name == "Công đoàn cơ sở Ủy ban Kiểm tra Tỉnh ủy");
  REQUIRE(p[0].date);
  CHECK(p[0].date->year == 2023);

  Doc nominated("Hội nghị đề nghị Tổng LĐLĐ Việt Nam tặng Bằng khen cho 2 tập thể.");
  nominated.org("Tổng LĐLĐ Việt Nam", "Tổng Liên đoàn Lao động Việt Nam")
      .award("Bằng khen", "bang_khen")
      .count("2 tập thể", 2, "tập thể");
  CHECK(of<AwardEvent>(nominated.events()).empty());

  Doc many("Nhiều tập thể và cá nhân được tặng Giấy khen của Công đoàn ngành.");
  many.award("Giấy khen", "giay_khen").org("Công đoàn ngành", "Công đoàn ngành");
  auto m = of<AwardEvent>(many.events());
  REQUIRE(m.size() == 1);
  CHECK(m[0].issuer == "Công đoàn ngành");
  REQUIRE(m[0].recipients.size() == 2);
  CHECK(!m[0].recipients[0].count);
  CHECK(m[0].recipients[0].kind == "collective");
  CHECK(m[0].recipients[1].kind == "individual");
}

TEST_CASE("events: funding with giver, beneficiaries and purpose, salaries are not funding") {
  Doc d("Nhân dịp Tết, CĐVC tỉnh tặng 27 suất quà cho đoàn viên có hoàn cảnh khó khăn, tổng số "
        "tiền 13,5 triệu đồng.");
  d.org("CĐVC tỉnh", "Công đoàn Viên chức tỉnh")
      .count("27 suất quà", 27, "suất quà")
      .money("13,5 triệu đồng", 13500000);
  auto f = of<FundingEvent>(d.events());
  REQUIRE(f.size() == 1);
  CHECK(f[0].amount.amount == 13500000);
  CHECK(f[0].giver == "Công đoàn Viên chức tỉnh");
  CHECK(f[0].beneficiary_count == 27);
  CHECK(f[0].beneficiary_unit == "suất quà");
  CHECK(f[0].purpose == "cho đoàn viên có hoàn cảnh khó khăn");

  Doc fund("LĐLĐ huyện trao 50 triệu đồng từ Quỹ Vì công nhân lao động nghèo cho 10 hộ.");
  fund.org("LĐLĐ huyện", "Liên đoàn Lao động huyện")
      .money("50 triệu đồng", 50000000)
      .count("10 hộ", 10, "hộ");
  auto g = of<FundingEvent>(fund.events());
  REQUIRE(g.size() == 1);
  CHECK(g[0].purpose == "Quỹ Vì công nhân lao động nghèo");
  CHECK(g[0].beneficiary_count == 10);

  Doc salary("Thu nhập bình quân của người lao động đạt 8 triệu đồng mỗi tháng.");
  salary.money("8 triệu đồng", 8000000);
  CHECK(of<FundingEvent>(salary.events()).empty());
  Doc saving("Sáng kiến giúp tiết kiệm 200 triệu đồng, được tặng thưởng.");
  saving.money("200 triệu đồng", 200000000);
  CHECK(of<FundingEvent>(saving.events()).empty());
}

TEST_CASE("events: a paragraph repeated verbatim gives its events once") {
  const std::string p = "LĐLĐ tỉnh tặng Bằng khen cho 03 tập thể.";
  Doc d(p + "\n" + p);
  for (int k = 1; k <= 2; ++k) {
    d.org("LĐLĐ tỉnh", "Liên đoàn Lao động tỉnh", k)
        .award("Bằng khen", "bang_khen", k)
        .count("03 tập thể", 3, "tập thể", k);
  }
  CHECK(of<AwardEvent>(d.events()).size() == 1);
}

TEST_CASE("events: a congress opens a term, periods as written, grants dated by the ceremony") {
  Doc congress("Ngày 8/6/2023, Liên đoàn Lao động huyện tổ chức Đại hội Công đoàn huyện lần thứ "
               "XXII, nhiệm kỳ 2023 - 2028.");
  DateRangeValue term;
  term.from.year = 2023;
  term.to.year = 2028;
  congress.date("Ngày 8/6/2023", 2023, 6, 8)
      .org("Liên đoàn Lao động huyện", "Liên đoàn Lao động huyện")
      .add(MentionType::date_range, "nhiệm kỳ 2023 - 2028", term);
  auto c = of<MeetingEvent>(congress.events());
  REQUIRE(c.size() == 1);
  CHECK(c[0].kind == "dai_hoi");
  CHECK(c[0].plan_period == "nhiệm kỳ 2023 - 2028");
  CHECK(!c[0].reviewed_period);

  Doc half("Chiều 25/7/2022, LĐLĐ huyện tổ chức hội nghị sơ kết 6 tháng đầu năm.");
  DateRangeValue h;
  h.from.month = 1, h.from.day = 1;
  h.to.month = 6, h.to.day = 30;
  half.date("Chiều 25/7/2022", 2022, 7, 25)
      .org("LĐLĐ huyện", "Liên đoàn Lao động huyện")
      .add(MentionType::date_range, "6 tháng đầu năm", h);
  auto s = of<MeetingEvent>(half.events());
  REQUIRE(s.size() == 1);
  CHECK(s[0].kind == "so_ket");
  CHECK(s[0].reviewed_period == "6 tháng đầu năm");

  Doc grant("Sáng 5/1/2024, LĐLĐ tỉnh tổ chức hội nghị tổng kết. Hội nghị trao Bằng khen của "
            "LĐLĐ tỉnh cho 3 tập thể.");
  grant.date("Sáng 5/1/2024", 2024, 1, 5)
      .org("LĐLĐ tỉnh", "Liên đoàn Lao động tỉnh", 1)
      .award("Bằng khen", "bang_khen")
      .org("LĐLĐ tỉnh", "Liên đoàn Lao động tỉnh", 2)
      .count("3 tập thể", 3, "tập thể");
  auto g = of<AwardEvent>(grant.events());
  REQUIRE(g.size() == 1);
  REQUIRE(g[0].date);
  CHECK(g[0].date->day == 5);
  CHECK(g[0].date->year == 2024);
}

TEST_CASE("events: per-unit amounts and the article's organization as the giver") {
  Doc d("Công đoàn Viên chức tỉnh tổ chức hội nghị tổng kết. Công đoàn trao tặng 68 suất quà cho "
        "nữ đoàn viên, mỗi suất 300.000 đồng; ủng hộ Quỹ Vì người nghèo số tiền 120 triệu đồng.");
  d.org("Công đoàn Viên chức tỉnh", "Công đoàn Viên chức tỉnh")
      .org("Công đoàn", "Công đoàn", 2)
      .count("68 suất quà", 68, "suất quà")
      .money("300.000 đồng", 300000)
      .money("120 triệu đồng", 120000000);
  auto f = of<FundingEvent>(d.events());
  REQUIRE(f.size() == 2);
  CHECK(f[0].amount.per_unit == "suất");
  CHECK(f[0].giver == "Công đoàn Viên chức tỉnh");  // "Công đoàn" alone stands for it
  CHECK(f[0].beneficiary_count == 68);
  CHECK(!f[1].amount.per_unit);
  CHECK(f[1].giver == "Công đoàn Viên chức tỉnh");
  CHECK(!f[1].beneficiary_count);  // the count is in the other clause
  CHECK(f[1].purpose == "Quỹ Vì người nghèo");
}

TEST_CASE("events: an office grants in its body's name, chained named recipients, clauses") {
  Doc d("Chủ tịch UBND tỉnh tặng Bằng khen cho 10 tập thể; Tổng LĐLĐ Việt Nam tặng Cờ thi đua "
        "cho Công đoàn Bệnh viện A và Công đoàn Bệnh viện B; 5 cá nhân được trao Kỷ niệm chương.");
  d.org("UBND tỉnh", "Ủy ban nhân dân tỉnh")
      .award("Bằng khen", "bang_khen")
      .count("10 tập thể", 10, "tập thể")
      .org("Tổng LĐLĐ Việt Nam", "Tổng Liên đoàn Lao động Việt Nam")
      .award("Cờ thi đua", "co_thi_dua")
      .org("Công đoàn Bệnh viện A", "Công đoàn Bệnh viện A")
      .org("Công đoàn Bệnh viện B", "Công đoàn Bệnh viện B")
      .count("5 cá nhân", 5, "cá nhân")
      .award("Kỷ niệm chương", "ky_niem_chuong");
  auto a = of<AwardEvent>(d.events());
  REQUIRE(a.size() == 3);
  CHECK(a[0].issuer == "Chủ tịch Ủy ban nhân dân tỉnh");
  CHECK(a[1].issuer == "Tổng Liên đoàn Lao động Việt Nam");
  REQUIRE(a[1].recipients.size() == 2);
  CHECK(a[1].recipients[0].name == "Công đoàn Bệnh viện A");
  CHECK(a[1].recipients[1].name == "Công đoàn Bệnh viện B");
  CHECK(!a[2].issuer);  // another clause's issuer is not shared
  REQUIRE(a[2].recipients.size() == 1);
  CHECK(a[2].recipients[0] == counted(5, "individual"));
}

TEST_CASE("events: the person or pronoun before a receiving verb is the recipient") {
  auto person = [](const char* name) {
    PersonValue v;
    v.name = name;
    return v;
  };
  auto one = [](Doc& d) {
    auto a = of<AwardEvent>(d.events());
    REQUIRE(a.size() == 1);
    return a[0];
  };
  Doc p("Ông Nguyễn Văn An được tặng Huân chương Lao động hạng Ba.");
  p.add(MentionType::person, "Nguyễn Văn An", person("Nguyễn Văn An"))
      .award("Huân chương Lao động hạng Ba", "huan_chuong");
  AwardEvent e = one(p);
  REQUIRE(e.recipients.size() == 1);
  CHECK(e.recipients[0].name == "Nguyễn Văn An");
  CHECK(e.recipients[0].kind == "individual");
  CHECK_FALSE(e.recipients[0].count.has_value());

  // Other award verbs between the name and the award: "vinh dự nhận".
  Doc v("Năm nay, bà Lê Thị Hoa vinh dự nhận Bằng khen của Tổng Liên đoàn.");
  v.add(MentionType::person, "Lê Thị Hoa", person("Lê Thị Hoa"))
      .award("Bằng khen", "bang_khen")
      .org("Tổng Liên đoàn", "Tổng Liên đoàn Lao động Việt Nam");
  e = one(v);
  REQUIRE(e.recipients.size() == 1);
  CHECK(e.recipients[0].name == "Lê Thị Hoa");
  CHECK(e.recipients[0].kind == "individual");
  CHECK(e.issuer == "Tổng Liên đoàn Lao động Việt Nam");

  // "được truy tặng": posthumous, still a receiving verb.
  Doc t("Liệt sĩ Trần Văn Tư được truy tặng Huân chương Bảo vệ Tổ quốc.");
  t.add(MentionType::person, "Trần Văn Tư", person("Trần Văn Tư"))
      .award("Huân chương Bảo vệ Tổ quốc", "huan_chuong");
  e = one(t);
  REQUIRE(e.recipients.size() == 1);
  CHECK(e.recipients[0].name == "Trần Văn Tư");

  // A pronoun alone ("Ông được tặng …"): one individual, no name.
  Doc o("Ông được tặng Bằng khen của Thủ tướng.");
  o.award("Bằng khen", "bang_khen");
  e = one(o);
  REQUIRE(e.recipients.size() == 1);
  CHECK(e.recipients[0].count == 1);
  CHECK(e.recipients[0].kind == "individual");
  CHECK_FALSE(e.recipients[0].name.has_value());

  // The giver is no recipient, nor a person with words between them and the verb.
  Doc g("Ông Trần Văn Tư trao Bằng khen cho các cá nhân.");
  g.add(MentionType::person, "Trần Văn Tư", person("Trần Văn Tư")).award("Bằng khen", "bang_khen");
  e = one(g);
  for (const auto& r : e.recipients) CHECK(r.name != "Trần Văn Tư");
  Doc w("Ông Trần Văn Tư cho biết đơn vị được tặng Bằng khen.");
  w.add(MentionType::person, "Trần Văn Tư", person("Trần Văn Tư")).award("Bằng khen", "bang_khen");
  for (const auto& ev : of<AwardEvent>(w.events())) {
    for (const auto& r : ev.recipients) CHECK(r.name != "Trần Văn Tư");
  }
}

TEST_CASE("events: a recipient before the award starts no chain after it") {
  auto person = [](const char* name) {
    PersonValue v;
    v.name = name;
    return v;
  };
  Doc d("Trong đó, Trần Hữu Bình đạt huy chương Bạc và em Phan Tuấn Linh đạt bằng khen.");
  d.add(MentionType::person, "Trần Hữu Bình", person("Trần Hữu Bình"))
      .award("huy chương Bạc", "huy_chuong")
      .add(MentionType::person, "Phan Tuấn Linh", person("Phan Tuấn Linh"))
      .award("bằng khen", "bang_khen");
  auto a = of<AwardEvent>(d.events());
  REQUIRE(a.size() == 2);
  REQUIRE(a[0].recipients.size() == 1);
  CHECK(a[0].recipients[0].name == "Trần Hữu Bình");
  REQUIRE(a[1].recipients.size() == 1);
  CHECK(a[1].recipients[0].name == "Phan Tuấn Linh");
  CHECK(a[1].recipients[0].kind == "individual");
}

TEST_CASE("events: meetings of all news: sessions, the paragraph's date, 'của X'") {
  Doc d("Sáng 12/4, kỳ họp thứ 5 HĐND tỉnh khóa XVIII đã khai mạc.");
  d.date("Sáng 12/4", std::nullopt, 4, 12).org("HĐND tỉnh", "Hội đồng nhân dân tỉnh");
  auto m = of<MeetingEvent>(d.events());
  REQUIRE(m.size() == 1);
  CHECK(m[0].kind == "hoi_nghi");
  CHECK(m[0].organizer == "Hội đồng nhân dân tỉnh");
  REQUIRE(m[0].date);
  CHECK(m[0].date->day == 12);

  // The meeting sentence names no date: the paragraph's first one; "của X"
  // names the organizer; a sentence without mentions still reports one.
  Doc p("Ngày 9/1, nhiều đại biểu có mặt tại Hà Nội. Trời mưa to. Hội nghị tổng kết của Bộ Y tế diễn "
        "ra trong một ngày.\nHội nghị tập huấn diễn ra sau đó.");
  p.date("Ngày 9/1", std::nullopt, 1, 9).org("Bộ Y tế", "Bộ Y tế");
  auto pm = of<MeetingEvent>(p.events());
  // The next paragraph has no mention and no date: one activity of a
  // report, no meeting reported.
  REQUIRE(pm.size() == 1);
  CHECK(pm[0].kind == "tong_ket");
  CHECK(pm[0].organizer == "Bộ Y tế");
  REQUIRE(pm[0].date);
  CHECK(pm[0].date->day == 9);

  // A date after the meeting sentence ("Nhân dịp … 8/3") is not its date.
  Doc after("Công đoàn phối hợp tổ chức Hội nghị người lao động. Nhân dịp ngày 8/3, Công đoàn tặng quà.");
  after.org("Công đoàn", "Công đoàn").date("ngày 8/3", std::nullopt, 3, 8);
  auto am = of<MeetingEvent>(after.events());
  REQUIRE(am.size() == 1);
  CHECK(am[0].kind == "hoi_nghi");
  CHECK(!am[0].date);
}

TEST_CASE("events: 'phát biểu tại hội nghị' reports a meeting once, plans are none") {
  Doc d("Chủ tịch UBND tỉnh Nguyễn Văn An phát biểu tại Hội nghị sơ kết của Sở Tư pháp tỉnh.");
  d.org("UBND tỉnh", "Ủy ban nhân dân tỉnh").org("Sở Tư pháp tỉnh", "Sở Tư pháp tỉnh");
  auto m = of<MeetingEvent>(d.events());
  REQUIRE(m.size() == 1);
  CHECK(m[0].kind == "so_ket");
  CHECK(m[0].organizer == "Sở Tư pháp tỉnh");

  Doc twice("Ngày 5/3, Sở Y tế tổ chức Hội nghị tổng kết năm 2023. Phát biểu tại hội nghị tổng kết, "
            "Giám đốc Sở Y tế nêu rõ kết quả.");
  twice.date("Ngày 5/3", std::nullopt, 3, 5).org("Sở Y tế", "Sở Y tế").org("Sở Y tế", "Sở Y tế", 2);
  auto t = of<MeetingEvent>(twice.events());
  REQUIRE(t.size() == 1);  // the second sentence refers to the first meeting
  CHECK(t[0].kind == "tong_ket");
  CHECK(t[0].date->day == 5);

  // "tại hội nghị" with no meeting reported before: the meeting where it
  // happened (docs/events.md), without an organizer.
  Doc at("Ngày 5/3, tại hội nghị, các đại biểu đã thảo luận.");
  at.date("Ngày 5/3", std::nullopt, 3, 5);
  auto atm = of<MeetingEvent>(at.events());
  REQUIRE(atm.size() == 1);
  CHECK(atm[0].kind == "hoi_nghi");
  CHECK(!atm[0].organizer);
  REQUIRE(atm[0].date);
  CHECK(atm[0].date->day == 5);
  Doc plan("Ngày 5/3, Sở Y tế sẽ tổ chức hội thảo về bệnh sốt xuất huyết.");
  plan.date("Ngày 5/3", std::nullopt, 3, 5).org("Sở Y tế", "Sở Y tế");
  CHECK(of<MeetingEvent>(plan.events()).empty());
}

TEST_CASE("events: a gift in parts is one event of its total, worth, fines and budgets are no gift") {
  Doc d("Công đoàn Công ty trao 30 suất quà, mỗi suất 500.000 đồng, tổng trị giá 15 triệu đồng.");
  d.org("Công đoàn Công ty", "Công đoàn Công ty")
      .count("30 suất quà", 30, "suất quà")
      .money("500.000 đồng", 500000)
      .money("15 triệu đồng", 15000000);
  auto f = of<FundingEvent>(d.events());
  REQUIRE(f.size() == 1);
  CHECK(f[0].amount.amount == 15000000);
  CHECK(!f[0].amount.per_unit);
  CHECK(f[0].giver == "Công đoàn Công ty");
  CHECK(f[0].beneficiary_count == 30);
  CHECK(f[0].beneficiary_unit == "suất quà");

  Doc worth("Lô hàng trị giá 2 tỷ đồng bị thu giữ.");
  worth.money("2 tỷ đồng", 2e9);
  CHECK(of<FundingEvent>(worth.events()).empty());
  Doc budget("Dự án có tổng kinh phí 500 tỷ đồng.");
  budget.money("500 tỷ đồng", 5e11);
  CHECK(of<FundingEvent>(budget.events()).empty());
  Doc fine("Doanh nghiệp từng được hỗ trợ nhưng vẫn bị xử phạt 20 triệu đồng.");
  fine.money("20 triệu đồng", 2e7);
  CHECK(of<FundingEvent>(fine.events()).empty());
  // A value word with a giving word before it still gives.
  Doc gift("LĐLĐ huyện thăm hỏi 5 gia đình, tổng số tiền 10 triệu đồng.");
  gift.org("LĐLĐ huyện", "Liên đoàn Lao động huyện").count("5 gia đình", 5, "gia đình").money("10 triệu đồng", 1e7);
  auto g = of<FundingEvent>(gift.events());
  REQUIRE(g.size() == 1);
  CHECK(g[0].giver == "Liên đoàn Lao động huyện");
  CHECK(g[0].beneficiary_count == 5);
}

TEST_CASE("events: award recipients listed after a colon, chained by ',', 'và' or ',', and before the verb") {
  auto person = [](const char* name) {
    PersonValue v;
    v.name = name;
    return v;
  };
  // "cho 3 tập thể: A, B và C": the count and each named body.
  Doc d("LĐLĐ tỉnh tặng Bằng khen cho 3 tập thể: Công đoàn Điện lực, Công đoàn Giáo dục và Công đoàn Y tế.");
  d.org("LĐLĐ tỉnh", "Liên đoàn Lao động tỉnh")
      .award("Bằng khen", "bang_khen")
      .count("3 tập thể", 3, "tập thể")
      .org("Công đoàn Điện lực", "Công đoàn Điện lực")
      .org("Công đoàn Giáo dục", "Công đoàn Giáo dục")
      .org("Công đoàn Y tế", "Công đoàn Y tế");
  auto a = of<AwardEvent>(d.events());
  REQUIRE(a.size() == 1);
  CHECK(a[0].issuer == "Liên đoàn Lao động tỉnh");
  REQUIRE(a[0].recipients.size() == 4);
  CHECK(a[0].recipients[0].name == "Công đoàn Điện lực");
  CHECK(a[0].recipients[1].name == "Công đoàn Giáo dục");
  CHECK(a[0].recipients[2].name == "Công đoàn Y tế");
  CHECK(a[0].recipients[3] == counted(3, "collective"));

  // Persons after "cho các dịch giả:" (a marker before one of them), ";" between.
  Doc p("Đại sứ trao Huân chương Công trạng cho các dịch giả: Tạ Minh Châu; Lê Bá Thự và ông Hồ Chí Hưng.");
  p.award("Huân chương Công trạng", "huan_chuong")
      .add(MentionType::person, "Tạ Minh Châu", person("Tạ Minh Châu"))
      .add(MentionType::person, "Lê Bá Thự", person("Lê Bá Thự"))
      .add(MentionType::person, "Hồ Chí Hưng", person("Hồ Chí Hưng"));
  a = of<AwardEvent>(p.events());
  REQUIRE(a.size() == 1);
  REQUIRE(a[0].recipients.size() == 3);
  CHECK(a[0].recipients[0].name == "Tạ Minh Châu");
  CHECK(a[0].recipients[1].name == "Lê Bá Thự");
  CHECK(a[0].recipients[2].name == "Hồ Chí Hưng");
  CHECK(a[0].recipients[2].kind == "individual");

  // Bodies chained before a passive grant all receive it.
  Doc b("Công đoàn Điện lực và Công đoàn Giáo dục được tặng Cờ thi đua của Tổng LĐLĐ Việt Nam.");
  b.org("Công đoàn Điện lực", "Công đoàn Điện lực")
      .org("Công đoàn Giáo dục", "Công đoàn Giáo dục")
      .award("Cờ thi đua", "co_thi_dua")
      .org("Tổng LĐLĐ Việt Nam", "Tổng Liên đoàn Lao động Việt Nam");
  a = of<AwardEvent>(b.events());
  REQUIRE(a.size() == 1);
  CHECK(a[0].issuer == "Tổng Liên đoàn Lao động Việt Nam");
  REQUIRE(a[0].recipients.size() == 2);
  CHECK(a[0].recipients[0].name == "Công đoàn Điện lực");
  CHECK(a[0].recipients[1].name == "Công đoàn Giáo dục");

  // Persons chained before the receiving verb, markers between.
  Doc q("Ông Nguyễn Văn An và bà Lê Thị Hoa được tặng Huân chương Lao động hạng Ba.");
  q.add(MentionType::person, "Nguyễn Văn An", person("Nguyễn Văn An"))
      .add(MentionType::person, "Lê Thị Hoa", person("Lê Thị Hoa"))
      .award("Huân chương Lao động hạng Ba", "huan_chuong");
  a = of<AwardEvent>(q.events());
  REQUIRE(a.size() == 1);
  REQUIRE(a[0].recipients.size() == 2);
  CHECK(a[0].recipients[0].name == "Nguyễn Văn An");
  CHECK(a[0].recipients[1].name == "Lê Thị Hoa");

  // The issuer right after the award, without "của".
  Doc u("Ông Tư được tặng Bằng khen UBND tỉnh Nghệ An.");
  u.award("Bằng khen", "bang_khen").org("UBND tỉnh Nghệ An", "Ủy ban nhân dân tỉnh Nghệ An");
  a = of<AwardEvent>(u.events());
  REQUIRE(a.size() == 1);
  CHECK(a[0].issuer == "Ủy ban nhân dân tỉnh Nghệ An");
  Doc t("Bà Hoa được tặng Bằng khen Thủ tướng Chính phủ.");
  t.award("Bằng khen", "bang_khen");
  a = of<AwardEvent>(t.events());
  REQUIRE(a.size() == 1);
  CHECK(a[0].issuer == "Thủ tướng Chính phủ");
}

namespace {
vnie::PersonValue person_value(const std::string& name) {
  vnie::PersonValue p;
  p.name = name;
  return p;
}
}  // namespace

TEST_CASE("events: real-news meetings: 'Sáng 5/3, tại Hà Nội, X tổ chức …', a bracketed parent body") {
  Doc d("Sáng 5/3, tại Hà Nội, Bộ Y tế tổ chức Hội nghị tổng kết năm 2023.");
  d.date("Sáng 5/3", std::nullopt, 3, 5).org("Bộ Y tế", "Bộ Y tế").date("năm 2023", 2023, std::nullopt, std::nullopt);
  auto m = of<MeetingEvent>(d.events());
  REQUIRE(m.size() == 1);
  CHECK(m[0].kind == "tong_ket");
  CHECK(m[0].organizer == "Bộ Y tế");
  REQUIRE(m[0].date);
  CHECK(m[0].date->month == 3);
  CHECK(m[0].date->day == 5);
  CHECK(m[0].reviewed_period == "năm 2023");

  // "X (Y) tổ chức": X organizes, Y in brackets is its parent.
  Doc b("Ngày 9/4, Tổng cục Giáo dục nghề nghiệp (Bộ LĐ-TB&XH) đã tổ chức tọa đàm khoa học.");
  b.date("Ngày 9/4", std::nullopt, 4, 9)
      .org("Tổng cục Giáo dục nghề nghiệp", "Tổng cục Giáo dục nghề nghiệp")
      .org("Bộ LĐ-TB&XH", "Bộ Lao động - Thương binh và Xã hội");
  auto bm = of<MeetingEvent>(b.events());
  REQUIRE(bm.size() == 1);
  CHECK(bm[0].kind == "hoi_nghi");
  CHECK(bm[0].organizer == "Tổng cục Giáo dục nghề nghiệp");
  CHECK(bm[0].date->day == 9);

  // "X khai mạc kỳ họp thứ N"; a shareholders' meeting written short (ĐHĐCĐ).
  Doc k("Sáng 24/3, Quốc hội khai mạc kỳ họp thứ 11.");
  k.date("Sáng 24/3", std::nullopt, 3, 24).org("Quốc hội", "Quốc hội");
  auto km = of<MeetingEvent>(k.events());
  REQUIRE(km.size() == 1);
  CHECK(km[0].organizer == "Quốc hội");
  CHECK(km[0].date->day == 24);
  Doc s("Sáng 26/4, Eximbank tổ chức họp ĐHĐCĐ thường niên.");
  s.date("Sáng 26/4", std::nullopt, 4, 26).org("Eximbank", "Eximbank");
  auto sm = of<MeetingEvent>(s.events());
  REQUIRE(sm.size() == 1);
  CHECK(sm[0].kind == "dai_hoi");
  CHECK(sm[0].organizer == "Eximbank");
}

TEST_CASE("events: a meeting named after 'tại' or by a speaker: reported once, no speaker's body as organizer") {
  // "Tại cuộc họp báo …, ông A, Chủ tịch UBND TP …": a meeting reported; the
  // speaker's body is not its organizer.
  Doc d("Tại cuộc họp báo chiều 26/4, ông Lê Trung Chinh, Chủ tịch UBND TP Đà Nẵng cho biết thành phố "
        "tạm dừng các lễ hội.");
  d.date("chiều 26/4", std::nullopt, 4, 26)
      .add(MentionType::person, "Lê Trung Chinh", person_value("Lê Trung Chinh"))
      .org("UBND TP Đà Nẵng", "Ủy ban nhân dân Thành phố Đà Nẵng");
  auto m = of<MeetingEvent>(d.events());
  REQUIRE(m.size() == 1);
  CHECK(m[0].kind == "hoi_nghi");
  CHECK(!m[0].organizer);
  REQUIRE(m[0].date);
  CHECK(m[0].date->day == 26);

  // "Phát biểu khai mạc hội thảo, Thượng tướng A - Thứ trưởng Bộ Quốc phòng …".
  Doc sp("Phát biểu tại hội thảo, Thứ trưởng Bộ Quốc phòng Nguyễn Tân Cương nhấn mạnh ý nghĩa của chiến dịch.");
  sp.org("Bộ Quốc phòng", "Bộ Quốc phòng").add(MentionType::person, "Nguyễn Tân Cương",
                                              person_value("Nguyễn Tân Cương"));
  auto spm = of<MeetingEvent>(sp.events());
  REQUIRE(spm.size() == 1);
  CHECK(!spm[0].organizer);

  // "tại hội nghị do X tổ chức": X's.
  Doc by("Ông Nguyễn Văn An phát biểu tại hội nghị do Sở Y tế tổ chức ngày 5/3.");
  by.add(MentionType::person, "Nguyễn Văn An", person_value("Nguyễn Văn An"))
      .org("Sở Y tế", "Sở Y tế")
      .date("ngày 5/3", std::nullopt, 3, 5);
  auto bym = of<MeetingEvent>(by.events());
  REQUIRE(bym.size() == 1);
  CHECK(bym[0].organizer == "Sở Y tế");
  CHECK(bym[0].date->day == 5);

  // After a meeting reported, "Tại hội nghị, …" is that one: no second event.
  Doc twice("Ngày 5/3, Sở Y tế tổ chức hội thảo về bệnh sốt xuất huyết. Tại hội thảo, các đại biểu "
            "đã tiến hành thảo luận ngày 5/3.");
  twice.date("Ngày 5/3", std::nullopt, 3, 5).org("Sở Y tế", "Sở Y tế").date("ngày 5/3", std::nullopt, 3, 5);
  auto t = of<MeetingEvent>(twice.events());
  REQUIRE(t.size() == 1);
  CHECK(t[0].organizer == "Sở Y tế");
}

TEST_CASE("events: meetings planned, put off or many are no meeting reported") {
  Doc planned("Ngày 5/3, tổ chức này sẽ biểu quyết tại Hội nghị thường niên của UNESCO.");
  planned.date("Ngày 5/3", std::nullopt, 3, 5).org("UNESCO", "UNESCO");
  CHECK(of<MeetingEvent>(planned.events()).empty());
  Doc later("Ngày 5/3, tại Hội nghị thường niên dự kiến tổ chức vào cuối năm, UNESCO biểu quyết.");
  later.date("Ngày 5/3", std::nullopt, 3, 5).org("UNESCO", "UNESCO");
  CHECK(of<MeetingEvent>(later.events()).empty());
  Doc many("Ngày 5/3, các cuộc họp đều được tổ chức trực tuyến.");
  many.date("Ngày 5/3", std::nullopt, 3, 5);
  CHECK(of<MeetingEvent>(many.events()).empty());
  Doc off("Ngày 27/4, Tỉnh ủy quyết định tạm dừng tổ chức lễ khai mạc lễ hội du lịch biển.");
  off.date("Ngày 27/4", std::nullopt, 4, 27).org("Tỉnh ủy", "Tỉnh ủy");
  CHECK(of<MeetingEvent>(off.events()).empty());
}

TEST_CASE("events: a meeting only referred to is dated in its own part of the sentence") {
  Doc own("Tại cuộc họp Thường trực Chính phủ về phòng, chống dịch diễn ra sáng 26/4, Thủ tướng Phạm Minh "
          "Chính lưu ý tình hình.");
  own.org("Chính phủ", "Chính phủ")
      .date("sáng 26/4", std::nullopt, 4, 26)
      .add(MentionType::person, "Phạm Minh Chính", person_value("Phạm Minh Chính"));
  auto o = of<MeetingEvent>(own.events());
  REQUIRE(o.size() == 1);
  REQUIRE(o[0].date);
  CHECK(o[0].date->day == 26);
  CHECK(!o[0].organizer);  // "cuộc họp Thường trực Chính phủ": no body written as organizer

  // The day of what is told there is not the meeting's: after a verb of
  // saying, or more than 200 bytes after the meeting word.
  Doc told("Tại buổi họp, đại diện các sở, ngành, địa phương đã tập trung thảo luận và đưa nhiều ý kiến về "
           "việc thực hiện đồng bộ các giải pháp phòng, chống dịch Covid-19 trên địa bàn tỉnh trong thời gian "
           "tới, đặc biệt là vào dịp nghỉ lễ 30/4.");
  told.date("30/4", std::nullopt, 4, 30);
  auto t = of<MeetingEvent>(told.events());
  REQUIRE(t.size() == 1);
  CHECK(!t[0].date);
  Doc said("Cũng tại cuộc họp báo, ông Nguyễn Hưng Thịnh cho biết luật có hiệu lực từ ngày 1/1/2022.");
  said.add(MentionType::person, "Nguyễn Hưng Thịnh", person_value("Nguyễn Hưng Thịnh"))
      .date("ngày 1/1/2022", 2022, 1, 1);
  auto sd = of<MeetingEvent>(said.events());
  REQUIRE(sd.size() == 1);
  CHECK(!sd[0].date);
  // A date that opens the sentence is the meeting's.
  Doc lead("Chiều 26/4, tại buổi họp về công tác phòng dịch, ông Hoàng Đức Hạnh cho biết tình hình.");
  lead.date("Chiều 26/4", std::nullopt, 4, 26)
      .add(MentionType::person, "Hoàng Đức Hạnh", person_value("Hoàng Đức Hạnh"));
  auto l = of<MeetingEvent>(lead.events());
  REQUIRE(l.size() == 1);
  REQUIRE(l[0].date);
  CHECK(l[0].date->day == 26);
}

TEST_CASE("events: one who chairs tells the meeting whole: its day and the chair's body") {
  Doc d("Cũng về dự án này, chiều ngày 28/10, Thủ tướng Nguyễn Xuân Phúc đã chủ trì cuộc họp về tình hình "
        "triển khai.");
  d.date("chiều ngày 28/10", std::nullopt, 10, 28)
      .add(MentionType::person, "Nguyễn Xuân Phúc", person_value("Nguyễn Xuân Phúc"));
  auto m = of<MeetingEvent>(d.events());
  REQUIRE(m.size() == 1);
  REQUIRE(m[0].date);
  CHECK(m[0].date->day == 28);

  Doc c("Thứ trưởng Bộ GD&ĐT Nguyễn Hữu Độ chủ trì Hội nghị diễn ra tại Đà Nẵng ngày 23/4.");
  c.org("Bộ GD&ĐT", "Bộ Giáo dục và Đào tạo")
      .add(MentionType::person, "Nguyễn Hữu Độ", person_value("Nguyễn Hữu Độ"))
      .date("ngày 23/4", std::nullopt, 4, 23);
  auto cm = of<MeetingEvent>(c.events());
  REQUIRE(cm.size() == 1);
  CHECK(cm[0].organizer == "Bộ Giáo dục và Đào tạo");
  CHECK(cm[0].date->day == 23);
}

TEST_CASE("events: recipients after a title, a long gap, 'tặng', numbered lists, persons before 'đã được'") {
  auto person = [](const char* name, std::vector<std::string> titles = {}) {
    PersonValue v;
    v.name = name;
    v.titles = std::move(titles);
    return v;
  };
  auto one = [](const Doc& d) {
    auto a = of<AwardEvent>(d.events());
    REQUIRE(a.size() == 1);
    return a[0];
  };
  // The person's own title between "cho" and the name.
  Doc t("Tổng bí thư trao Huân chương Sao vàng cho Chủ tịch Raul Castro.");
  t.award("Huân chương Sao vàng", "huan_chuong").add(MentionType::person, "Raul Castro", person("Raul Castro", {"Chủ tịch"}));
  AwardEvent e = one(t);
  REQUIRE(e.recipients.size() == 1);
  CHECK(e.recipients[0].name == "Raul Castro");
  CHECK(e.recipients[0].kind == "individual");
  // A marker written with its dot ("PGS.").
  Doc g("Đại sứ Italia trao tặng huân chương cho PGS. Tạ Hải Tùng ngày 14/4.");
  g.award("huân chương", "huan_chuong").add(MentionType::person, "Tạ Hải Tùng", person("Tạ Hải Tùng"));
  e = one(g);
  REQUIRE(e.recipients.size() == 1);
  CHECK(e.recipients[0].name == "Tạ Hải Tùng");
  // Prize money between the award and "cho".
  Doc m("Ông Lê Văn Trung trao giấy khen và tiền thưởng 2 triệu đồng cho anh Hùng.");
  m.add(MentionType::person, "Lê Văn Trung", person("Lê Văn Trung"))
      .award("giấy khen", "giay_khen")
      .add(MentionType::person, "Hùng", person("Hùng"));
  e = one(m);
  REQUIRE(e.recipients.size() == 1);
  CHECK(e.recipients[0].name == "Hùng");
  // "… tặng các học sinh đoạt giải": a quantified recipient after "tặng".
  Doc q("Thứ trưởng trao Bằng khen của Bộ trưởng Bộ Giáo dục và Đào tạo tặng các học sinh đoạt giải.");
  q.award("Bằng khen", "bang_khen").org("Bộ Giáo dục và Đào tạo", "Bộ Giáo dục và Đào tạo");
  e = one(q);
  CHECK(e.issuer == "Bộ trưởng Bộ Giáo dục và Đào tạo");
  REQUIRE(e.recipients.size() == 1);
  CHECK(e.recipients[0].kind == "individual");
  CHECK_FALSE(e.recipients[0].count.has_value());
  CHECK_FALSE(e.recipients[0].name.has_value());
  // "tặng" after the award opens a named recipient.
  Doc n("Tổng Liên đoàn trao Kỷ niệm chương tặng Công đoàn Thông tấn xã.");
  n.org("Tổng Liên đoàn", "Tổng Liên đoàn Lao động Việt Nam")
      .award("Kỷ niệm chương", "ky_niem_chuong")
      .org("Công đoàn Thông tấn xã", "Công đoàn Thông tấn xã");
  e = one(n);
  CHECK(e.issuer == "Tổng Liên đoàn Lao động Việt Nam");
  REQUIRE(e.recipients.size() == 1);
  CHECK(e.recipients[0].name == "Công đoàn Thông tấn xã");
  // A list after "cho:" with its items marked ("- ", "a) ", "2) "; "1. " ends a sentence).
  Doc l("LĐLĐ tỉnh tặng Bằng khen cho: - Công đoàn Điện lực; b) Công đoàn Giáo dục; 3) ông Lê Văn Tám.");
  l.org("LĐLĐ tỉnh", "Liên đoàn Lao động tỉnh")
      .award("Bằng khen", "bang_khen")
      .org("Công đoàn Điện lực", "Công đoàn Điện lực")
      .org("Công đoàn Giáo dục", "Công đoàn Giáo dục")
      .add(MentionType::person, "Lê Văn Tám", person("Lê Văn Tám"));
  e = one(l);
  REQUIRE(e.recipients.size() == 3);
  CHECK(e.recipients[0].name == "Công đoàn Điện lực");
  CHECK(e.recipients[1].name == "Công đoàn Giáo dục");
  CHECK(e.recipients[2].name == "Lê Văn Tám");
  CHECK(e.recipients[2].kind == "individual");
  // Adverbs between the person and the receiving verb.
  Doc a("Cựu đại sứ Võ Văn Sung đã được tặng thưởng Huân chương Độc lập hạng nhất.");
  a.add(MentionType::person, "Võ Văn Sung", person("Võ Văn Sung")).award("Huân chương Độc lập hạng nhất", "huan_chuong");
  e = one(a);
  REQUIRE(e.recipients.size() == 1);
  CHECK(e.recipients[0].name == "Võ Văn Sung");
  // "X đã được Nhà nước tặng …": X receives, the body after "được" grants.
  Doc p("GS Nguyễn Cảnh Toàn đã được Nhà nước tặng Huân chương Lao động hạng Nhất.");
  p.add(MentionType::person, "Nguyễn Cảnh Toàn", person("Nguyễn Cảnh Toàn"))
      .org("Nhà nước", "Nhà nước")
      .award("Huân chương Lao động hạng Nhất", "huan_chuong");
  e = one(p);
  CHECK(e.issuer == "Nhà nước");
  REQUIRE(e.recipients.size() == 1);
  CHECK(e.recipients[0].name == "Nguyễn Cảnh Toàn");
  // Named before the verb and again after "tặng": one recipient.
  Doc d("Người thân phóng viên Đinh Hữu Dư nhận bằng khen từ tỉnh Yên Bái khen tặng phóng viên Đinh Hữu Dư.");
  d.add(MentionType::person, "Đinh Hữu Dư", person("Đinh Hữu Dư"))
      .award("bằng khen", "bang_khen")
      .add(MentionType::person, "Đinh Hữu Dư", person("Đinh Hữu Dư"), 2);
  e = one(d);
  REQUIRE(e.recipients.size() == 1);
  CHECK(e.recipients[0].name == "Đinh Hữu Dư");
  // Several bodies grant a person: the person before "được" receives.
  Doc c("Bà Dương Thị Tuyết đã được Thủ tướng Chính phủ, Hội Chữ thập đỏ Việt Nam tặng nhiều bằng khen.");
  c.add(MentionType::person, "Dương Thị Tuyết", person("Dương Thị Tuyết"))
      .org("Thủ tướng Chính phủ", "Thủ tướng Chính phủ")
      .org("Hội Chữ thập đỏ Việt Nam", "Hội Chữ thập đỏ Việt Nam")
      .award("bằng khen", "bang_khen");
  e = one(c);
  REQUIRE(e.recipients.size() == 1);
  CHECK(e.recipients[0].name == "Dương Thị Tuyết");
  // A marker alone before "được X tặng" or after "cho": one individual.
  Doc o("Ông được Đảng và Nhà nước tặng thưởng Huân chương Độc lập hạng nhất.");
  o.org("Đảng", "Đảng").org("Nhà nước", "Nhà nước").award("Huân chương Độc lập hạng nhất", "huan_chuong");
  e = one(o);
  CHECK(e.issuer == "Nhà nước");
  REQUIRE(e.recipients.size() == 1);
  CHECK(e.recipients[0] == counted(1, "individual"));
  Doc em("Hội đồng Đội Trung ương đã quyết định trao tặng bằng khen cho em.");
  em.org("Hội đồng Đội Trung ương", "Hội đồng Đội Trung ương").award("bằng khen", "bang_khen");
  e = one(em);
  REQUIRE(e.recipients.size() == 1);
  CHECK(e.recipients[0] == counted(1, "individual"));
  // A title, not a marker alone: "tặng PGS,TS Phạm Viết Nhung" is no unnamed individual.
  Doc ts("Phó thủ tướng trao Huân chương Lao động hạng nhì tặng PGS,TS Phạm Viết Nhung.");
  ts.award("Huân chương Lao động hạng nhì", "huan_chuong");
  e = one(ts);
  for (const auto& r : e.recipients) CHECK_FALSE(r == counted(1, "individual"));
  // Not a recipient: a person across a clause break after the award.
  Doc x("Công đoàn Điện lực trao Bằng khen cho các tập thể; sau đó ông Lê Văn Tám cho biết thêm.");
  x.org("Công đoàn Điện lực", "Công đoàn Điện lực")
      .award("Bằng khen", "bang_khen")
      .add(MentionType::person, "Lê Văn Tám", person("Lê Văn Tám"));
  e = one(x);
  for (const auto& r : e.recipients) CHECK(r.name != "Lê Văn Tám");
}

TEST_CASE("events: issuers after 'từ', offices as subjects, partners, counts of one kind nest") {
  auto one = [](const Doc& d) {
    auto a = of<AwardEvent>(d.events());
    REQUIRE(a.size() == 1);
    return a[0];
  };
  Doc f("Ba cô gái nhận được bằng khen từ Cảnh sát Tokyo.");
  f.award("bằng khen", "bang_khen").org("Cảnh sát Tokyo", "Cảnh sát Tokyo");
  CHECK(one(f).issuer == "Cảnh sát Tokyo");
  // An office alone right before the granting verb, after "được".
  Doc o("Công ty 3 lần được Chủ tịch nước tặng Huân chương Lao động.");
  o.award("Huân chương Lao động", "huan_chuong");
  CHECK(one(o).issuer == "Chủ tịch nước");
  // Not when a name stands between the office and the verb.
  Doc n("Thủ tướng Nguyễn Xuân Phúc trao Huân chương Quân công cho Bộ đội Biên phòng.");
  n.award("Huân chương Quân công", "huan_chuong").org("Bộ đội Biên phòng", "Bộ đội Biên phòng");
  AwardEvent e = one(n);
  CHECK_FALSE(e.issuer.has_value());
  REQUIRE(e.recipients.size() == 1);
  CHECK(e.recipients[0].name == "Bộ đội Biên phòng");
  // "X phối hợp cùng Y, đã trao tặng …": X leads.
  Doc p("Công an tỉnh An Giang phối hợp cùng Công an huyện Tri Tôn, đã trao tặng giấy khen cho 2 phụ nữ.");
  p.org("Công an tỉnh An Giang", "Công an tỉnh An Giang")
      .org("Công an huyện Tri Tôn", "Công an huyện Tri Tôn")
      .award("giấy khen", "giay_khen");
  CHECK(one(p).issuer == "Công an tỉnh An Giang");
  // "332 học sinh, trong đó 16 học sinh đạt …": the nearer count receives.
  Doc c("Việt Nam có 332 học sinh, trong đó có 16 học sinh xuất sắc nhận huy chương vàng.");
  c.count("332 học sinh", 332, "học sinh").count("16 học sinh", 16, "học sinh xuất sắc").award("huy chương vàng", "huy_chuong");
  e = one(c);
  REQUIRE(e.recipients.size() == 1);
  CHECK(e.recipients[0] == counted(16, "individual"));
  // Counts of two kinds both receive; a counted noun with its qualifier counts.
  Doc k("15 tập thể và 30 cá nhân được tặng Bằng khen.");
  k.count("15 tập thể", 15, "tập thể").count("30 cá nhân", 30, "cá nhân").award("Bằng khen", "bang_khen");
  e = one(k);
  REQUIRE(e.recipients.size() == 2);
  CHECK(e.recipients[0] == counted(15, "collective"));
  CHECK(e.recipients[1] == counted(30, "individual"));
  Doc u("UBND huyện Lộc Hà tặng giấy khen cho 7 công dân dũng cảm cứu người.");
  u.org("UBND huyện Lộc Hà", "Ủy ban nhân dân huyện Lộc Hà")
      .award("giấy khen", "giay_khen")
      .count("7 công dân dũng cảm", 7, "công dân dũng cảm");
  e = one(u);
  CHECK(e.issuer == "Ủy ban nhân dân huyện Lộc Hà");
  REQUIRE(e.recipients.size() == 1);
  CHECK(e.recipients[0] == counted(7, "individual"));
}

TEST_CASE("events: givers lead, receive or give back, money lost or found is no gift") {
  Doc p("Sở Y tế phối hợp với Công đoàn ngành Y tế trao 100 suất quà trị giá 50 triệu đồng.");
  p.org("Sở Y tế", "Sở Y tế").org("Công đoàn ngành Y tế", "Công đoàn ngành Y tế").money("50 triệu đồng", 50e6);
  auto f = of<FundingEvent>(p.events());
  REQUIRE(f.size() == 1);
  CHECK(f[0].giver == "Sở Y tế");
  // Those who received the certificate gave the money.
  Doc t("UBND tỉnh Khánh Hòa trao tặng bằng khen cho 25 doanh nghiệp đã tài trợ hơn 18 tỷ đồng.");
  t.org("UBND tỉnh Khánh Hòa", "Ủy ban nhân dân tỉnh Khánh Hòa").money("hơn 18 tỷ đồng", 18e9);
  f = of<FundingEvent>(t.events());
  REQUIRE(f.size() == 1);
  CHECK_FALSE(f[0].giver.has_value());
  // Money found and handed back is no gift.
  Doc r("Nhà trường tặng giấy khen cho em Dung vì trả lại người đánh rơi hơn 450 triệu đồng.");
  r.money("hơn 450 triệu đồng", 450e6);
  CHECK(of<FundingEvent>(r.events()).empty());
  // A body after "cho" received: not the giver.
  Doc c("Công đoàn tỉnh trao tặng cho Công đoàn Bệnh viện số tiền hỗ trợ 20 triệu đồng.");
  c.org("Công đoàn tỉnh", "Công đoàn tỉnh").org("Công đoàn Bệnh viện", "Công đoàn Bệnh viện").money("20 triệu đồng", 20e6);
  f = of<FundingEvent>(c.events());
  REQUIRE(f.size() == 1);
  CHECK(f[0].giver == "Công đoàn tỉnh");
  // "chi" (spend) gives only with a giving word near; "chi phí" is a cost.
  Doc s("Ca sĩ chi 13,8 triệu USD tậu biệt thự.");
  s.money("13,8 triệu USD", 13.8e6);
  CHECK(of<FundingEvent>(s.events()).empty());
  Doc k("Khách phải thanh toán 32 triệu đồng cho chi phí cách ly.");
  k.money("32 triệu đồng", 32e6);
  CHECK(of<FundingEvent>(k.events()).empty());
  Doc h("Công đoàn Điện lực đã chi 2 tỷ đồng thăm hỏi đoàn viên.");
  h.org("Công đoàn Điện lực", "Công đoàn Điện lực").money("2 tỷ đồng", 2e9);
  f = of<FundingEvent>(h.events());
  REQUIRE(f.size() == 1);
  CHECK(f[0].giver == "Công đoàn Điện lực");
  // A cost paid by the body after "do" is its gift.
  Doc d("Toàn bộ chi phí khoảng 2,7 tỷ đồng do LĐLĐ tỉnh và 35 doanh nghiệp đồng hành chi trả.");
  d.org("LĐLĐ tỉnh", "Liên đoàn Lao động tỉnh").money("khoảng 2,7 tỷ đồng", 2.7e9);
  f = of<FundingEvent>(d.events());
  REQUIRE(f.size() == 1);
  CHECK(f[0].giver == "Liên đoàn Lao động tỉnh");
}

TEST_CASE("events: 'X chủ trì, phối hợp với Y tổ chức …' is X's meeting, as 'X phối hợp với Y' is X's gift") {
  Doc d("Tối 20/4, UBND tỉnh Ninh Bình chủ trì phối hợp với Bộ VH-TT&DL tổ chức Lễ khai mạc Năm Du lịch.");
  d.date("Tối 20/4", std::nullopt, 4, 20)
      .org("UBND tỉnh Ninh Bình", "Ủy ban nhân dân tỉnh Ninh Bình")
      .org("Bộ VH-TT&DL", "Bộ Văn hóa, Thể thao và Du lịch");
  auto m = of<MeetingEvent>(d.events());
  REQUIRE(m.size() == 1);
  CHECK(m[0].organizer == "Ủy ban nhân dân tỉnh Ninh Bình");
}
