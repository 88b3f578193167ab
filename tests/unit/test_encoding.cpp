// Tests of vnie/encoding.h: decoders, encoders, offsets, auto-detection and
// extraction from legacy-encoded bytes (docs/encodings.md).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "encoding/internal.h"
#include "encoding/syllable.h"
#include "normalize/utf8.h"
#include "support.h"
#include "text/unicode.h"
#include "vnie/encoding.h"
#include "vnie/extractor.h"
#include "vnie/json.h"

using vnie::Decoded;
using vnie::Edge;
using vnie::Encoding;
using vnie::ErrorCode;

namespace {

constexpr Encoding kLegacy[] = {Encoding::cp1258, Encoding::tcvn3, Encoding::vni,
                                Encoding::viqr};
constexpr Encoding kAll[] = {Encoding::utf8, Encoding::cp1258, Encoding::tcvn3, Encoding::vni,
                             Encoding::viqr};

// The 67 lower-case letters of Vietnamese outside ASCII; upper() gives the 67 capitals.
const char* const kLetters =
    "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ";

std::vector<std::string> split_chars(std::string_view s) {
  std::vector<std::string> out;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* const end = p + s.size();
  while (p < end) {
    char32_t cp = 0;
    const int n = vnie::norm::decode_utf8(p, end, cp);
    REQUIRE(n > 0);
    out.emplace_back(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n));
    p += n;
  }
  return out;
}

std::string upper(std::string_view s) {
  // Vietnamese capitals: simple case mapping through the library's helpers.
  std::string out;
  for (const std::string& c : split_chars(s)) {
    std::size_t len = 0;
    const char32_t cp = vnie::detail::decode_at(c, 0, len);
    char32_t up = cp;
    if (cp >= 'a' && cp <= 'z') up = cp - 32;
    else if (cp == 0x0111) up = 0x0110;
    else if (cp == 0x0103 || cp == 0x01A1 || cp == 0x01B0) up = cp - 1;
    else if (cp >= 0xE0 && cp <= 0xFE) up = cp - 32;
    else if (cp == 0x0129 || cp == 0x0169) up = cp - 1;
    else if (cp >= 0x1EA0 && cp <= 0x1EF9) up = cp & ~char32_t{1};
    vnie::detail::append_utf8(out, up);
  }
  return out;
}

std::string enc(std::string_view utf8, Encoding e, std::size_t* warnings = nullptr) {
  std::string out;
  std::vector<vnie::Warning> w;
  REQUIRE(vnie::encode(utf8, e, &out, &w).ok());
  if (warnings != nullptr) *warnings = w.size();
  return out;
}

Decoded dec(std::string_view bytes, Encoding e) {
  Decoded d;
  REQUIRE(vnie::decode(bytes, e, &d).ok());
  return d;
}

const char* const kWords[] = {
    "Liên đoàn Lao động tỉnh Quảng Ninh",
    "Người lao động được hưởng 13,5 triệu đồng",
    "ngày 5 tháng 1 năm 2024",
    "khuỷu tay, quốc gia, giữa, thuở, nguyễn, thuyền, yêu, gì, gìn",
    "hòa hoà khỏe khoẻ thủy thuỷ ủy uỷ",
    "Bằng khen của Thủ tướng Chính phủ",
    "ĐẠI HỘI CÔNG ĐOÀN VIỆT NAM LẦN THỨ XIII",
    "Ủy ban nhân dân; Ưu tiên; Ơn nghĩa; Ấm áp; Ắc quy",
    "Hà Nội? Thủ Dầu Một. Đà Nẵng! (Cần Thơ) 'Huế' ~ 100% + 5",
};

std::vector<std::filesystem::path> corpus_articles() {
  std::vector<std::filesystem::path> v;
  for (const auto& e : std::filesystem::directory_iterator(vnie_test::source_dir() / "corpus"))
    if (e.path().extension() == ".txt") v.push_back(e.path());
  std::sort(v.begin(), v.end());
  return v;
}

}  // namespace

TEST_CASE("encoding: names parse and print") {
  Encoding e = Encoding::utf8;
  const std::pair<const char*, Encoding> names[] = {
      {"utf-8", Encoding::utf8},   {"UTF8", Encoding::utf8},     {"cp1258", Encoding::cp1258},
      {"Windows-1258", Encoding::cp1258}, {"tcvn3", Encoding::tcvn3}, {"ABC", Encoding::tcvn3},
      {"vni", Encoding::vni},     {"VIQR", Encoding::viqr},     {"auto", Encoding::auto_detect}};
  for (const auto& entry : names) {
    const char* name = entry.first;  // not a binding: clang 14's CAPTURE cannot take one
    CAPTURE(name);
    CHECK(vnie::parse_encoding(name, &e));
    CHECK(e == entry.second);
  }
  e = Encoding::vni;
  CHECK_FALSE(vnie::parse_encoding("latin1", &e));
  CHECK(e == Encoding::vni);
  CHECK_FALSE(vnie::parse_encoding("utf8", nullptr));
  for (Encoding x : kAll) {
    Encoding back = Encoding::auto_detect;
    CHECK(vnie::parse_encoding(vnie::to_string(x), &back));
    CHECK(back == x);
  }
  CHECK(std::string(vnie::to_string(Encoding::auto_detect)) == "auto");
}

TEST_CASE("encoding: all 134 letters and a table of words round-trip in every encoding") {
  const std::string lower = kLetters;
  const std::string up = upper(lower);
  REQUIRE(split_chars(lower).size() == 67);
  REQUIRE(split_chars(up).size() == 67);
  REQUIRE(up != lower);
  for (Encoding e : kAll) {
    const std::string enc_name = vnie::to_string(e);
    CAPTURE(enc_name);
    // Each letter as the vowel of a closed syllable (VIQR reads marks at the
    // end of a word only when they make a syllable) and, except for VIQR
    // (one tone per word), all of them in one run.
    std::string carried;
    for (const std::string& c : split_chars(lower + up)) carried += c + "n ";
    std::vector<std::string> inputs = {carried};
    if (e != Encoding::viqr) inputs.push_back(lower + up);
    for (const char* w : kWords) inputs.emplace_back(w);
    for (const std::string& s : inputs) {
      CAPTURE(s);
      std::size_t warnings = 0;
      const std::string bytes = enc(s, e, &warnings);
      CHECK(warnings == 0);
      if (e == Encoding::viqr) {
        CHECK(std::all_of(bytes.begin(), bytes.end(),
                          [](char c) { return static_cast<unsigned char>(c) < 0x80; }));
      }
      const Decoded d = dec(bytes, e);
      CHECK(d.text == vnie::detail::to_nfc(s));
      CHECK(d.warnings.empty());
      CHECK(d.encoding == e);
      CHECK_FALSE(d.unsure);
    }
  }
}

TEST_CASE("encoding: code chart spot checks") {
  // TCVN3 (ABC): single bytes for lower-case letters; VN3 capitals Ă Â Ê Ô Ơ Ư Đ.
  CHECK(dec("c\xb8\x63 b\xb9n", Encoding::tcvn3).text == "các bạn");
  CHECK(dec("\xa7\xa1\xa2\xa3\xa4\xa5\xa6 \xae\xa8\xa9\xaa\xab\xac\xad", Encoding::tcvn3).text ==
        "ĐĂÂÊÔƠƯ đăâêôơư");
  CHECK(dec("ng\xad\xeai", Encoding::tcvn3).text == "người");
  // VNI-Windows: base + mark byte; ơ ư đ single bytes.
  CHECK(dec("Xin cha\xf8o ca\xf9\x63 ba\xefn", Encoding::vni).text == "Xin chào các bạn");
  CHECK(dec("ng\xf6\xf4\xf8i \xf1i", Encoding::vni).text == "người đi");
  CHECK(dec("VIE\xC4T NAM", Encoding::vni).text == "VIỆT NAM");
  // CP1258: ê + combining acute composes; ICU's precomposed letters too.
  CHECK(dec("ti\xea\xect Vi\xea\xf2t", Encoding::cp1258).text == "tiết Việt");
  CHECK(dec("\xe0 \xe3 \xf5 \xfd", Encoding::cp1258).text == "à ă ơ ư");
  // VIQR (RFC 1456).
  CHECK(dec("Vie^.t Nam", Encoding::viqr).text == "Việt Nam");
  CHECK(dec("O^ng te^n gi`\\? To^i te^n la` Tra^`n Va(n Hie^'u\\.", Encoding::viqr).text ==
        "Ông tên gì? Tôi tên là Trần Văn Hiếu.");
  CHECK(dec("DDa`i truye^`n ho`a ddu+o+.c", Encoding::viqr).text == "Đài truyền hòa được");
}

TEST_CASE("encoding: VIQR keeps ordinary punctuation") {
  // One tone mark per word: the '?' after a toned word is a question mark.
  CHECK(dec("Ha` No^.i?", Encoding::viqr).text == "Hà Nội?");
  CHECK(dec("Ha No^.i?", Encoding::viqr).text == "Ha Nội?");
  // A mark that ends a word is a mark only if the word is then a syllable.
  CHECK(dec("Ho^m nay.", Encoding::viqr).text == "Hôm nay.");
  CHECK(dec("Ta^.p the^? nay?", Encoding::viqr).text == "Tập thể nay?");
  CHECK(dec("Email: an@abc.com, C++ va` A+B (x)", Encoding::viqr).text ==
        "Email: an@abc.com, C++ và A+B (x)");
  CHECK(dec("so^' 5. Ti~nh.", Encoding::viqr).text == "số 5. Tĩnh.");
  // Backslash escapes marks and d; elsewhere it is literal.
  CHECK(dec("a\\'b", Encoding::viqr).text == "a'b");
  CHECK(dec("d\\dd C:\\x", Encoding::viqr).text == "ddd C:\\x");
  CHECK(dec("dda^`u", Encoding::viqr).text == "đầu");
  // dd is đ until the word has a vowel: abbreviations, not English words.
  CHECK(dec("LDDLDD CDDCS HDDND ddi", Encoding::viqr).text == "LĐLĐ CĐCS HĐND đi");
  CHECK(dec("address Buddha odd", Encoding::viqr).text == "address Buddha odd");
  // Text with literal marks and backslashes round-trips through encode().
  for (const char* s : {"Hà Nội? Thu? a\\'b ddd \"Vì sao?\" (ba+) x^2 d\\d", "Tôi.. đi?!",
                        "LĐLĐ CĐCS sdd ddđ address", "HĐND,đ-d d d",
                        "C:\\new\\dir", "ô\\?"}) {
    CAPTURE(s);
    CHECK(dec(enc(s, Encoding::viqr), Encoding::viqr).text == s);
  }
}

TEST_CASE("encoding: each decoded character maps to exactly its original bytes") {
  const std::string text = std::string("Đại hội “Công đoàn” lần thứ XIII – ") + kLetters +
                           " " + upper(kLetters) + " 13,5 triệu đồng. Hà Nội?";
  for (Encoding e : kAll) {
    const std::string enc_name = vnie::to_string(e);
    CAPTURE(enc_name);
    const std::string bytes = enc(text, e);
    const Decoded d = dec(bytes, e);
    REQUIRE(d.map.derived_size() == d.text.size());
    REQUIRE(d.map.source_size() == bytes.size());
    std::size_t pos = 0, prev_end = 0;
    for (const std::string& c : split_chars(d.text)) {
      const auto [s, t] = d.to_original(pos, pos + c.size());
      CAPTURE(c);
      CAPTURE(pos);
      CHECK(s == prev_end);  // the ranges tile the input
      CHECK(t > s);
      const std::string slice = bytes.substr(s, t - s);
      if (e == Encoding::viqr) {
        // Literal marks carry their escape; letters are their own VIQR.
        const std::string lit = slice.size() == 2 && slice[0] == '\\' ? slice.substr(1) : slice;
        CHECK((lit == c || enc(c, e) == slice));
      } else {
        CHECK(dec(slice, e).text == c);
      }
      prev_end = t;
      pos += c.size();
    }
    CHECK(prev_end == bytes.size());
  }
}

TEST_CASE("encoding: undecodable bytes give warnings with their offsets") {
  SUBCASE("UTF-8") {
    const Decoded d = dec("ab\xff\x63\xe1\xbb", Encoding::utf8);
    CHECK(d.text == "ab\xEF\xBF\xBD" "c\xEF\xBF\xBD");
    REQUIRE(d.warnings.size() == 2);
    CHECK(d.warnings[0].byte_offset == 2);
    CHECK(d.warnings[1].byte_offset == 4);
    CHECK(d.warnings[0].code == ErrorCode::invalid_utf8);
    CHECK(d.to_original(5, 6) == std::pair<std::size_t, std::size_t>(3, 4));  // the c
  }
  SUBCASE("CP1258 bytes it does not define") {
    std::string undefined;
    for (int b = 0x80; b < 0x100; ++b) {
      const std::string one(1, static_cast<char>(b));
      const Decoded d = dec("x" + one, Encoding::cp1258);
      if (!d.warnings.empty()) {
        undefined += one;
        CHECK(d.warnings[0].byte_offset == 1);
        CHECK(d.text == "x\xEF\xBF\xBD");
      }
    }
    CHECK(undefined.size() >= 5);  // 0x81 0x8A 0x8D..0x90 0x9A 0x9D 0x9E…
    CHECK(undefined.find('\x81') != std::string::npos);
  }
  SUBCASE("adjacent undefined bytes are one warning with their length") {
    const Decoded d = dec("x\x81\x8A\x8Dy \x81", Encoding::cp1258);
    CHECK(d.text == "x\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDy \xEF\xBF\xBD");
    REQUIRE(d.warnings.size() == 2);
    CHECK(d.warnings[0].byte_offset == 1);
    CHECK(d.warnings[0].length == 3);
    CHECK(d.warnings[0].message ==
          "bytes not defined in cp1258: 3 bytes 81 8A 8D replaced by U+FFFD");
    CHECK(d.warnings[1].byte_offset == 6);
    CHECK(d.warnings[1].length == 1);
  }
  SUBCASE("VNI mark byte after a consonant") {
    const Decoded d = dec("b\xf9x", Encoding::vni);
    REQUIRE(d.warnings.size() == 1);
    CHECK(d.warnings[0].byte_offset == 1);
  }
  SUBCASE("VIQR with bytes that are not UTF-8") {
    const Decoded d = dec("Vie^.t \xb8 Nam", Encoding::viqr);
    REQUIRE(d.warnings.size() == 1);
    CHECK(d.warnings[0].byte_offset == 7);
    CHECK(d.text == "Việt \xEF\xBF\xBD Nam");
  }
  SUBCASE("every byte value, every encoding: no crash, valid UTF-8, full map") {
    std::string all;
    for (int b = 0; b < 256; ++b) all += static_cast<char>(b);
    for (int b = 255; b >= 0; --b) all += static_cast<char>(b);
    for (Encoding e : {Encoding::utf8, Encoding::cp1258, Encoding::tcvn3, Encoding::vni,
                       Encoding::viqr, Encoding::auto_detect}) {
      const Decoded d = dec(all, e);
      CHECK(vnie::detail::valid_utf8(d.text));
      CHECK(d.map.source_size() == all.size());
      CHECK(d.map.derived_size() == d.text.size());
      for (std::size_t i = 1; i < d.warnings.size(); ++i)
        CHECK(d.warnings[i - 1].byte_offset <= d.warnings[i].byte_offset);
    }
  }
}

TEST_CASE("encoding: empty input, NUL bytes, bad arguments") {
  for (Encoding e : {Encoding::utf8, Encoding::cp1258, Encoding::tcvn3, Encoding::vni,
                     Encoding::viqr, Encoding::auto_detect}) {
    const std::string enc_name = vnie::to_string(e);
    CAPTURE(enc_name);
    const Decoded d = dec("", e);
    CHECK(d.text.empty());
    CHECK(d.warnings.empty());
    CHECK(d.to_original(0, 0) == std::pair<std::size_t, std::size_t>(0, 0));
    const std::string nul("a\0b\0", 4);
    const Decoded n = dec(nul, e);
    CHECK(n.text == nul);
    if (e != Encoding::auto_detect) {
      std::string out = "x";
      CHECK(vnie::encode("", e, &out).ok());
      CHECK(out.empty());
      CHECK(vnie::encode(nul, e, &out).ok());
      CHECK(out == nul);
    }
  }
  std::string out;
  CHECK(vnie::encode("a", Encoding::auto_detect, &out).code == ErrorCode::invalid_argument);
  CHECK(vnie::encode("a", Encoding::vni, nullptr).code == ErrorCode::invalid_argument);
  CHECK(vnie::decode("a", Encoding::vni, nullptr).code == ErrorCode::invalid_argument);
  Decoded d;
  CHECK(vnie::decode("a", static_cast<Encoding>(42), &d).code == ErrorCode::invalid_argument);
}

TEST_CASE("encoding: characters an encoding lacks are reported by encode()") {
  std::string out;
  std::vector<vnie::Warning> w;
  REQUIRE(vnie::encode("a “b” ñ 中", Encoding::tcvn3, &out, &w).ok());
  CHECK(out == "a \"b\" ? ?");
  REQUIRE(w.size() == 4);
  CHECK(w[0].byte_offset == 2);
  CHECK(w[2].byte_offset == std::string("a “b” ").size());
  w.clear();
  REQUIRE(vnie::encode("“b”…", Encoding::vni, &out, &w).ok());
  CHECK(w.empty());  // Windows-1252 punctuation is kept in VNI
  CHECK(dec(out, Encoding::vni).text == "“b”…");
}

TEST_CASE("encoding: syllable validator") {
  const auto ok = [](std::string_view w) {
    std::u32string u;
    std::size_t i = 0;
    while (i < w.size()) {
      std::size_t len = 0;
      u.push_back(vnie::detail::decode_at(w, i, len));
      i += len;
    }
    return vnie::enc::is_vietnamese_syllable(u);
  };
  for (const char* w : {"người", "Nguyễn", "khuỷu", "quốc", "gì", "gìn", "giữa", "thuở", "hoà",
                        "hòa", "ĐOÀN", "yêu", "oanh", "uỵch", "kể", "nghĩa", "Việt", "ạ", "ơ",
                        "ăn", "đường", "huấn", "quyết", "choáng", "thuyền", "xoong"}) {
    CAPTURE(w);
    CHECK(ok(w));
  }
  for (const char* w : {"ngaỵ", "cáx", "ăù", "tiê", "kan", "ghà", "café", "Zoé", "bàá", "các¸",
                        "hờt", "ânh", ""}) {
    CAPTURE(w);
    CHECK_FALSE(ok(w));
  }
}

TEST_CASE("encoding: auto-detection finds each encoding of every corpus article") {
  const auto articles = corpus_articles();
  REQUIRE(articles.size() >= 5);
  for (Encoding e : kAll) {
    std::size_t right = 0, unsure = 0;
    double min_best = 1, max_runner_up = 0;
    for (const auto& path : articles) {
      CAPTURE(path.filename().string());
      const std::string enc_name = vnie::to_string(e);
      CAPTURE(enc_name);
      const std::string bytes = enc(vnie_test::read_file(path), e);
      const Decoded d = dec(bytes, Encoding::auto_detect);
      CHECK(d.encoding == e);
      CHECK_FALSE(d.unsure);
      if (d.encoding == e) ++right;
      if (d.unsure) ++unsure;
      if (e != Encoding::utf8) {
        REQUIRE(!d.candidates.empty());
        CHECK(d.candidates[0].encoding == e);
        CHECK(d.score >= 0.9);
        min_best = std::min(min_best, d.score);
        if (d.candidates.size() > 1)
          max_runner_up = std::max(max_runner_up, d.candidates[1].score);
      }
    }
    if (e != Encoding::utf8)
      MESSAGE(std::string(vnie::to_string(e)) << ": lowest winning score " << min_best
                                              << ", highest runner-up " << max_runner_up);
    MESSAGE(std::string(vnie::to_string(e)) << ": " << right << "/" << articles.size()
                               << " detected, unsure " << unsure);
  }
}

TEST_CASE("encoding: auto-detection says when it is unsure") {
  // Two legacy bytes, no words to judge by.
  const Decoded d = dec("x \xb8\xf9", Encoding::auto_detect);
  CHECK(d.unsure);
  REQUIRE_FALSE(d.warnings.empty());
  CHECK(d.warnings[0].message.find("unsure") != std::string::npos);
  CHECK(d.warnings[0].byte_offset == 0);
  // Plain English is UTF-8 (ASCII), and that is sure.
  const Decoded en = dec("The meeting is at 5 p.m. Is it? Yes.", Encoding::auto_detect);
  CHECK(en.encoding == Encoding::utf8);
  CHECK_FALSE(en.unsure);
  CHECK(en.text == "The meeting is at 5 p.m. Is it? Yes.");
  // English whose sentence ends look like VIQR tones ("me." → mẹ) but which
  // has no VIQR letters: left as written, flagged.
  const Decoded en2 = dec("I'm sure you're right. Let me go. Who are you? It is up to me. "
                          "Do it so. Where do you go? I do. She said no. He is free to go.",
                          Encoding::auto_detect);
  CHECK(en2.encoding == Encoding::utf8);
  CHECK(en2.unsure);
  CHECK(en2.text.find("Let me go.") != std::string::npos);
  // Vietnamese typed without diacritics is not VIQR.
  const Decoded kd = dec("Ha Noi, ngay 5 thang 1 nam 2024. Lien doan Lao dong tinh tang Bang "
                         "khen cho 03 tap the.",
                         Encoding::auto_detect);
  CHECK(kd.encoding == Encoding::utf8);
  CHECK_FALSE(kd.unsure);
  // UTF-8 with Vietnamese letters needs no scoring.
  const Decoded vi = dec("Hà Nội", Encoding::auto_detect);
  CHECK(vi.encoding == Encoding::utf8);
  CHECK(vi.candidates.empty());
  // Short legacy text with several words is still found.
  CHECK(dec(enc("Công đoàn cơ sở tổ chức hội nghị người lao động", Encoding::tcvn3),
            Encoding::auto_detect)
            .encoding == Encoding::tcvn3);
  CHECK(dec(enc("Công đoàn cơ sở tổ chức hội nghị người lao động", Encoding::vni),
            Encoding::auto_detect)
            .encoding == Encoding::vni);
}

namespace {

// The parts of a document that do not depend on offsets, as JSON.
std::string events_json(const vnie::Document& doc) {
  vnie::Document d;
  d.id = doc.id;
  d.events = doc.events;
  for (auto& ev : d.events) ev.start = ev.end = 0;
  return vnie::to_json_line(d);
}

}  // namespace

TEST_CASE("encoding: an article in each encoding gives the same extraction as in UTF-8") {
  std::unique_ptr<vnie::Extractor> ex;
  REQUIRE(vnie::Extractor::create(vnie::Options{}, &ex).ok());
  const auto articles = corpus_articles();
  std::size_t compared = 0, mentions = 0, same_as_original = 0;
  for (const auto& path : articles) {
    const std::string original = vnie_test::read_file(path);
    vnie::Document orig_doc;
    REQUIRE(ex->extract(original, {path.stem().string(), std::nullopt}, &orig_doc).ok());
    for (Encoding e : kAll) {
      CAPTURE(path.filename().string());
      const std::string enc_name = vnie::to_string(e);
      CAPTURE(enc_name);
      std::size_t lacking = 0;
      const std::string bytes = enc(original, e, &lacking);
      // The text the encoding can carry (curly quotes become straight ones…).
      const std::string reference = dec(bytes, e).text;
      if (lacking == 0) CHECK(reference == original);
      vnie::Document want;
      REQUIRE(ex->extract(reference, {path.stem().string(), std::nullopt}, &want).ok());
      for (Encoding how : {e, Encoding::auto_detect}) {
        vnie::Document got;
        Decoded d;
        REQUIRE(vnie::extract_encoded(*ex, bytes, how, {path.stem().string(), std::nullopt},
                                      &got, &d)
                    .ok());
        CHECK(d.encoding == e);
        REQUIRE(got.mentions.size() == want.mentions.size());
        for (std::size_t i = 0; i < want.mentions.size(); ++i) {
          const vnie::Mention& w = want.mentions[i];
          const vnie::Mention& g = got.mentions[i];
          CAPTURE(w.text);
          CHECK(g.type == w.type);
          CHECK(g.text == w.text);
          CHECK(g.rule == w.rule);
          CHECK(g.value == w.value);
          // The offsets hold the same text in the encoded bytes: the bytes
          // before the mention decode to the text before it, and the
          // mention's bytes to the mention.
          REQUIRE(g.start <= g.end);
          REQUIRE(g.end <= bytes.size());
          CHECK(dec(bytes.substr(0, g.start), e).text == reference.substr(0, w.start));
          CHECK(dec(bytes.substr(g.start, g.end - g.start), e).text == w.text);
        }
        REQUIRE(got.events.size() == want.events.size());
        for (std::size_t i = 0; i < want.events.size(); ++i) {
          CHECK(got.events[i].type == want.events[i].type);
          CHECK(dec(bytes.substr(got.events[i].start, got.events[i].end - got.events[i].start), e)
                    .text == reference.substr(want.events[i].start,
                                              want.events[i].end - want.events[i].start));
        }
        CHECK(events_json(got) == events_json(want));
        CHECK(got.warnings.size() == want.warnings.size() + d.warnings.size());
      }
      ++compared;
      mentions += want.mentions.size();
      if (vnie::to_json_line(want) == vnie::to_json_line(orig_doc))
        ++same_as_original;
      else
        CHECK(lacking > 0);  // only what the encoding cannot carry changes the extraction
    }
  }
  MESSAGE(compared << " article encodings compared, " << mentions << " mentions; "
                   << same_as_original
                   << " extract exactly as the UTF-8 original (others differ only by what the "
                      "encoding cannot carry: curly quotes, ellipsis)");
  CHECK(compared == articles.size() * 5);
}

TEST_CASE("encoding: extract_encoded maps warnings and keeps UTF-8 mention text") {
  std::unique_ptr<vnie::Extractor> ex;
  REQUIRE(vnie::Extractor::create(vnie::Options{}, &ex).ok());
  const std::string text = "Ngày 5/1/2024, tặng Bằng khen cho 03 tập thể.";
  const std::string bytes = enc(text, Encoding::tcvn3) + "\xff";  // 0xFF is Ố in VN1
  vnie::Document doc;
  REQUIRE(vnie::extract_encoded(*ex, bytes, Encoding::tcvn3, {}, &doc).ok());
  REQUIRE_FALSE(doc.mentions.empty());
  for (const auto& m : doc.mentions) {
    CHECK(m.end <= bytes.size());
    CHECK(vnie::detail::valid_utf8(m.text));
  }
  const Decoded bad = dec("Vie^.t \xff", Encoding::viqr);
  REQUIRE(bad.warnings.size() == 1);
  vnie::Document d2;
  REQUIRE(vnie::extract_encoded(*ex, "Vie^.t \xff", Encoding::viqr, {}, &d2).ok());
  REQUIRE(d2.warnings.size() == 1);
  CHECK(d2.warnings[0].byte_offset == 7);
  CHECK(vnie::extract_encoded(*ex, "x", Encoding::vni, {}, nullptr).code ==
        ErrorCode::invalid_argument);
}

TEST_CASE("encoding: a 20 MB document decodes and is detected") {
  std::string article;
  for (const auto& path : corpus_articles()) article += vnie_test::read_file(path) + "\n";
  std::string big;
  big.reserve((std::size_t{20} << 20) + article.size());
  while (big.size() < (std::size_t{20} << 20)) big += article;
  for (Encoding e : {Encoding::tcvn3, Encoding::vni}) {
    const std::string enc_name = vnie::to_string(e);
    CAPTURE(enc_name);
    const std::string bytes = enc(big, e);
    Decoded d;
    REQUIRE(vnie::decode(bytes, Encoding::auto_detect, &d).ok());
    CHECK(d.encoding == e);
    CHECK_FALSE(d.unsure);
    CHECK(d.map.source_size() == bytes.size());
    // The last article's first character maps to its first byte.
    const std::size_t text_pos = d.text.size() - dec(enc(article, e), e).text.size();
    CHECK(d.to_original(text_pos, Edge::start) == bytes.size() - enc(article, e).size());
  }
}

TEST_CASE("encoding: auto-detection line by line (short inputs)") {
  // Every corpus line of at least 8 words, in each legacy encoding: how often
  // is it detected, how often is the detector unsure, and is it ever wrong
  // without saying so?
  for (Encoding e : kLegacy) {
    std::size_t lines = 0, right = 0, unsure = 0, silently_wrong = 0;
    for (const auto& path : corpus_articles()) {
      const std::string text = vnie_test::read_file(path);
      std::size_t from = 0;
      while (from < text.size()) {
        std::size_t to = text.find('\n', from);
        if (to == std::string::npos) to = text.size();
        const std::string line = text.substr(from, to - from);
        from = to + 1;
        if (vnie::detail::count_words(line) < 8) continue;
        const Decoded d = dec(enc(line, e), Encoding::auto_detect);
        ++lines;
        if (d.encoding == e) ++right;
        if (d.unsure) ++unsure;
        if (d.encoding != e && !d.unsure) {
          ++silently_wrong;
          MESSAGE(std::string(vnie::to_string(e)) << " read as " << vnie::to_string(d.encoding)
                                                  << ": " << line);
        }
      }
    }
    MESSAGE(std::string(vnie::to_string(e)) << ": " << right << "/" << lines
                                            << " lines detected, " << unsure << " unsure, "
                                            << silently_wrong << " wrong without a warning");
    CHECK(right * 100 >= lines * 95);
    CHECK(silently_wrong * 100 <= lines);
  }
}

TEST_CASE("encoding: hostile inputs decode in bounded time") {
  const std::string inputs[] = {
      std::string(std::size_t{1} << 20, '\xEC'),        // CP1258 tone marks only
      "a" + std::string(std::size_t{1} << 20, '\xF9'),  // VNI marks only
      std::string(std::size_t{1} << 20, 'a'),           // one huge word
      [] {
        std::string s;
        while (s.size() < (std::size_t{1} << 20)) s += "a^'.?~(+\\dd";
        return s;
      }(),
  };
  for (const std::string& in : inputs) {
    for (Encoding e : {Encoding::utf8, Encoding::cp1258, Encoding::tcvn3, Encoding::vni,
                       Encoding::viqr, Encoding::auto_detect}) {
      const Decoded d = dec(in, e);
      CHECK(vnie::detail::valid_utf8(d.text));
      CHECK(d.map.source_size() == in.size());
    }
  }
}
