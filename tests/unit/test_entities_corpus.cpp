// Entities on the five corpus articles: every organization, award and person mention,
// annotated by hand from the articles (docs/entities.md gives the annotation guidelines), then
// precision and recall per type.
#include <doctest/doctest.h>

#include <filesystem>
#include <memory>

#include "support.h"
#include "test_entities_scoring.h"
#include "vnie/extractor.h"

using vnie_test::award;
using vnie_test::Expect;
using vnie_test::org;
using vnie_test::person;

namespace {

const char* const kTU = "trade_union";
const char* const kParty = "party";
const char* const kState = "state";

const std::string kCdvc = "Công đoàn Viên chức tỉnh";
const std::string kLdld = "Liên đoàn Lao động tỉnh";
const std::string kCdcs = "công đoàn cơ sở";

std::vector<Expect> repeat(int n, const Expect& e) { return std::vector<Expect>(static_cast<std::size_t>(n), e); }

void append(std::vector<Expect>* a, const std::vector<Expect>& b) { a->insert(a->end(), b.begin(), b.end()); }

struct Article {
  const char* file;
  std::vector<Expect> expected;
};

std::vector<Article> articles() {
  std::vector<Article> out;
  {  // 000: CĐVC tỉnh, year-end conference 2020
    std::vector<Expect> e = {
        org("Công đoàn Viên chức (CĐVC) tỉnh", kCdvc, kTU),
        org("công đoàn cơ sở (CĐCS)", kCdcs, kTU),
        org("LĐLĐ tỉnh", kLdld, kTU),
        award("“Giỏi việc nước - Đảm việc nhà”", "danh_hieu"),
        award("bằng khen", "bang_khen"),
        award("giấy khen", "giay_khen"),
        person("Hải Yến", "Hải Yến"),
    };
    append(&e, repeat(5, org("CĐVC tỉnh", kCdvc, kTU)));
    append(&e, repeat(4, org("CĐCS", kCdcs, kTU)));
    out.push_back({"000_9949d86e741c1df8.txt", e});
  }
  {  // 001: CĐVC tỉnh, year-end conference 2023
    std::vector<Expect> e = {
        org("Ban Chấp hành Tổng Liên đoàn Lao động Việt Nam",
            "Ban Chấp hành Tổng Liên đoàn Lao động Việt Nam", kTU),
        org("LĐLĐ tỉnh", kLdld, kTU),
        org("Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh",
            "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh", kParty),
        org("các cấp công đoàn", "công đoàn các cấp", kTU),
        org("công đoàn cấp cơ sở", "công đoàn cấp cơ sở", kTU),
        org("Đảng", "Đảng", kParty),
        org("Nhà nước", "Nhà nước", kState),
        org("Công đoàn Việt Nam", "Công đoàn Việt Nam", kTU),
        org("CĐCS Ủy Ban Kiểm tra Tỉnh ủy", "Công đoàn cơ sở Ủy ban Kiểm tra Tỉnh ủy", kTU),
        org("Văn phòng Công đoàn Viên chức", "Văn phòng Công đoàn Viên chức", kTU),
        award("Bằng khen", "bang_khen"),
        award("Cờ thi đua", "co_thi_dua"),
        award("Bằng khen toàn diện", "bang_khen"),
        award("giấy khen toàn diện", "giay_khen"),
        person("Đoàn Văn Sự", "Đoàn Văn Sự"),
        person("Bùi Hồng Mến", "Bùi Hồng Mến"),
    };
    append(&e, repeat(5, org("Công đoàn Viên chức tỉnh", kCdvc, kTU)));
    append(&e, repeat(3, org("công đoàn cơ sở", kCdcs, kTU)));
    append(&e, repeat(2, org("công đoàn các cấp", "công đoàn các cấp", kTU)));
    append(&e, repeat(3, org("Liên đoàn Lao động tỉnh", kLdld, kTU)));
    out.push_back({"001_2ee7caa0754762cc.txt", e});
  }
  {  // 002: CĐVC tỉnh (Vĩnh Phúc), conference 2018 (one paragraph is printed twice)
    std::vector<Expect> e = {
        org("công đoàn cơ sở", kCdcs, kTU),
        org("công đoàn cơ sở (CĐCS)", kCdcs, kTU),
        org("các cấp công đoàn", "công đoàn các cấp", kTU),
        org("Nhà nước", "Nhà nước", kState),
        org("Công đoàn tỉnh Vĩnh Phúc", "Công đoàn tỉnh Vĩnh Phúc", kTU),
        org("Công đoàn Việt Nam", "Công đoàn Việt Nam", kTU),
        org("LĐLĐ tỉnh", kLdld, kTU),
        award("Cờ thi đua", "co_thi_dua"),
        award("Bằng khen", "bang_khen"),
        award("Bằng Lao động sáng tạo", "bang_lao_dong_sang_tao"),
        award("Cờ thi đua", "co_thi_dua"),
        award("Bằng khen", "bang_khen"),
        award("Giấy khen", "giay_khen"),
        person("Phương Loan", "Phương Loan"),
    };
    append(&e, repeat(8, org("Công đoàn viên chức tỉnh", kCdvc, kTU)));
    append(&e, repeat(2, org("Đảng ủy Khối Các cơ quan tỉnh", "Đảng ủy Khối các cơ quan tỉnh", kParty)));
    append(&e, repeat(2, org("Liên đoàn lao động tỉnh", kLdld, kTU)));
    append(&e, repeat(4, org("Đảng", "Đảng", kParty)));
    append(&e, repeat(4, org("CĐCS", kCdcs, kTU)));
    append(&e, repeat(2, org("Tổng LĐLĐ Việt Nam", "Tổng Liên đoàn Lao động Việt Nam", kTU)));
    out.push_back({"002_886f1ca231641e4e.txt", e});
  }
  {  // 003: CĐVC tỉnh Thái Nguyên, emulation blocs 2021
    std::vector<Expect> e = {
        org("CĐVC tỉnh Thái Nguyên", "Công đoàn Viên chức tỉnh Thái Nguyên", kTU),
        org("Công đoàn Viên chức tỉnh Thái Nguyên", "Công đoàn Viên chức tỉnh Thái Nguyên", kTU),
        org("công đoàn Viên chức tỉnh", kCdvc, kTU),
        org("Đảng", "Đảng", kParty),
        org("Quốc hội", "Quốc hội", kState),
        org("HĐND các cấp", "Hội đồng nhân dân các cấp", kState),
        org("các cấp công đoàn", "công đoàn các cấp", kTU),
        org("Công đoàn", "công đoàn", kTU),
        org("Đảng ủy Khối CCQ", "Đảng ủy Khối các cơ quan", kParty),
        org("công đoàn", "công đoàn", kTU),
        org("CĐCS", kCdcs, kTU),
        org("LĐLĐ tỉnh", kLdld, kTU),
        person("Tuấn Bách", "Tuấn Bách"),
    };
    append(&e, repeat(2, org("công đoàn cơ sở", kCdcs, kTU)));
    out.push_back({"003_b2e70282d8fee054.txt", e});
  }
  {  // 004: CĐVC tỉnh, mid-year review 2020
    std::vector<Expect> e = {
        org("Công đoàn viên chức tỉnh", kCdvc, kTU),
        org("Công đoàn cấp trên", "công đoàn cấp trên", kTU),
        org("Đảng bộ các cấp", "Đảng bộ các cấp", kParty),
        org("Đảng bộ", "Đảng bộ", kParty),
        org("Chi bộ cơ sở", "Chi bộ cơ sở", kParty),
        org("Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh",
            "Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh", kParty),
        org("công đoàn cơ sở", kCdcs, kTU),
        person("Minh Tân", "Minh Tân"),
    };
    append(&e, repeat(3, org("Công đoàn Viên chức tỉnh", kCdvc, kTU)));
    append(&e, repeat(2, org("Công đoàn Việt Nam", "Công đoàn Việt Nam", kTU)));
    append(&e, repeat(5, org("Đảng", "Đảng", kParty)));
    append(&e, repeat(2, org("Đảng bộ tỉnh", "Đảng bộ tỉnh", kParty)));
    out.push_back({"004_a43bb2428618d498.txt", e});
  }
  return out;
}

}  // namespace

TEST_CASE("entities: the corpus articles, hand-annotated, precision and recall") {
  const auto dir = vnie_test::source_dir() / "corpus";
  std::unique_ptr<vnie::Extractor> ex;
  REQUIRE(vnie::Extractor::create({}, &ex).ok());
  vnie_test::Score total;
  for (const auto& a : articles()) {
    const auto path = dir / a.file;
    REQUIRE_MESSAGE(std::filesystem::exists(path), path.string());
    const std::string text = vnie_test::read_file(path);
    vnie::Document doc;
    REQUIRE(ex->extract(text, {}, &doc).ok());
    for (const auto& m : doc.mentions) {
      CHECK(text.substr(m.start, m.end - m.start) == m.text);  // spans are original bytes
    }
    total.add(vnie_test::score(a.file, doc.mentions, a.expected));
  }
  vnie_test::report("corpus", total);
  using T = vnie::MentionType;
  for (T t : {T::organization, T::award, T::person}) {
    CAPTURE(vnie::to_string(t));
    CHECK(total.precision(t) >= 0.9);
    CHECK(total.recall(t) >= 0.9);
  }
}
