// Tests of vnie::Normalizer, NormalizedText and OffsetMap.
#include <doctest/doctest.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uspoof.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "normalize/chars.h"
#include "normalize/passes.h"
#include "normalize/tone.h"
#include "vnie/normalize.h"

using vnie::Edge;
using vnie::ErrorCode;
using vnie::NormalizedText;
using vnie::NormalizeOptions;
using vnie::Normalizer;
using vnie::OffsetMap;
using vnie::ToneStyle;
using vnie::View;

namespace {

// ------------------------------------------------------------------ helpers

// Independent strict UTF-8 check: code point starts, or npos if ill-formed.
std::vector<std::size_t> code_point_starts(std::string_view s, bool& valid) {
  std::vector<std::size_t> starts;
  valid = true;
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) {
      valid = false;
      return starts;
    }
    std::uint32_t cp = len == 1 ? b : len == 2 ? (b & 0x1Fu) : len == 3 ? (b & 0x0Fu) : (b & 0x07u);
    for (std::size_t k = 1; k < len; ++k) {
      const auto c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0) != 0x80) {
        valid = false;
        return starts;
      }
      cp = (cp << 6) | (c & 0x3Fu);
    }
    const std::uint32_t min = len == 1 ? 0 : len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      valid = false;
      return starts;
    }
    starts.push_back(i);
    i += len;
  }
  return starts;
}

std::size_t code_point_count(std::string_view s) {
  bool valid = false;
  return code_point_starts(s, valid).size();
}

bool is_ascii_letter_or_digit(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Checks a map over every position: sizes, bounds, monotonic for each edge.
void check_map(const OffsetMap& map, std::size_t derived, std::size_t source) {
  REQUIRE(map.derived_size() == derived);
  REQUIRE(map.source_size() == source);
  std::size_t prev_start = 0, prev_end = 0;
  for (std::size_t p = 0; p <= derived; ++p) {
    const std::size_t s = map.map(p, Edge::start);
    const std::size_t e = map.map(p, Edge::end);
    REQUIRE(s <= source);
    REQUIRE(e <= source);
    REQUIRE(s >= prev_start);
    REQUIRE(e >= prev_end);
    prev_start = s;
    prev_end = e;
  }
  CHECK(map.map(0, Edge::end) == 0);
  CHECK(map.map(derived, Edge::start) == source);
}

// Every invariant of a normalization result that does not depend on what
// the text says. Returns false (with a failed CHECK) on the first problem.
void check_invariants(const Normalizer& normalizer, std::string_view input,
                      const NormalizedText& r) {
  bool text_valid = false, folded_valid = false;
  const std::vector<std::size_t> starts = code_point_starts(r.text, text_valid);
  const std::vector<std::size_t> folded_starts = code_point_starts(r.folded, folded_valid);
  REQUIRE(text_valid);
  REQUIRE(folded_valid);
  REQUIRE(starts.size() == folded_starts.size());
  check_map(r.text_map, r.text.size(), input.size());
  check_map(r.folded_map, r.folded.size(), r.text.size());

  // Code point k of folded maps to code point k of text.
  for (std::size_t k = 0; k < starts.size(); ++k) {
    CHECK(r.folded_map.map(folded_starts[k], Edge::start) == starts[k]);
  }
  // Spans between code point boundaries map inside the input, in order.
  std::vector<std::size_t> bounds = starts;
  bounds.push_back(r.text.size());
  for (std::size_t k = 0; k + 1 < bounds.size(); ++k) {
    const auto [s, e] = r.to_original(View::normalized, bounds[k], bounds[k + 1]);
    REQUIRE(s <= e);
    REQUIRE(e <= input.size());
  }
  std::vector<std::size_t> fbounds = folded_starts;
  fbounds.push_back(r.folded.size());
  for (std::size_t k = 0; k + 1 < fbounds.size(); ++k) {
    const auto [s, e] = r.to_original(View::folded, fbounds[k], fbounds[k + 1]);
    const auto [ts, te] = r.to_original(View::normalized, bounds[k], bounds[k + 1]);
    REQUIRE(s == ts);
    REQUIRE(e == te);
  }

  // Round trip by pieces: cut the text where it is not inside a word and the
  // map is exact (both edges agree); each piece of input, normalized alone,
  // gives the same piece of text. A run of repaired mojibake is one piece
  // (its evidence is the whole run, docs/normalization.md), up to its end.
  const auto in_mojibake = [&](std::size_t p) {
    const std::size_t at = r.text_map.map(p, Edge::start);
    for (const vnie::Warning& w : r.warnings) {
      if (w.code == ErrorCode::mojibake_repaired && at > w.byte_offset &&
          at <= w.byte_offset + w.length) {
        return true;
      }
    }
    return false;
  };
  std::vector<std::size_t> cuts;
  for (std::size_t p : bounds) {
    const bool word_edge = p == 0 || p == r.text.size() ||
                           (static_cast<unsigned char>(r.text[p - 1]) < 0x80 &&
                            !is_ascii_letter_or_digit(r.text[p - 1])) ||
                           (static_cast<unsigned char>(r.text[p]) < 0x80 &&
                            !is_ascii_letter_or_digit(r.text[p]));
    if (!word_edge) continue;
    if (p == 0 || p == r.text.size() ||
        (r.text_map.map(p, Edge::start) == r.text_map.map(p, Edge::end) && !in_mojibake(p))) {
      cuts.push_back(p);
    }
  }
  for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
    const std::size_t from = cuts[k] == 0 ? 0 : r.text_map.map(cuts[k], Edge::start);
    const std::size_t to =
        cuts[k + 1] == r.text.size() ? input.size() : r.text_map.map(cuts[k + 1], Edge::start);
    REQUIRE(from <= to);
    const NormalizedText piece = normalizer.normalize(input.substr(from, to - from));
    CHECK_MESSAGE(piece.text == r.text.substr(cuts[k], cuts[k + 1] - cuts[k]),
                  "piece [" << from << "," << to << ") of input");
  }

  // Idempotence.
  const NormalizedText again = normalizer.normalize(r.text);
  CHECK(again.text == r.text);
  CHECK(again.folded == r.folded);
  CHECK(again.warnings.empty());
}

std::string nfd(std::string_view base, std::initializer_list<const char*> marks) {
  std::string s(base);
  for (const char* m : marks) s += m;
  return s;
}

// ------------------------------------------------------------------ the table

struct Case {
  const char* name;
  std::string input;
  std::string text;
  std::string folded;
  ToneStyle style = ToneStyle::traditional;
  std::size_t warnings = 0;
  ErrorCode code = ErrorCode::invalid_utf8;  // of every warning
};

std::vector<Case> cases() {
  using S = std::string;
  const ToneStyle modern = ToneStyle::modern;
  const ToneStyle keep = ToneStyle::keep;
  return {
      // Already normalized.
      {"nfc unchanged", "Việt Nam", "Việt Nam", "viet nam"},
      {"pure ascii", "Hello, World! 123 (x=y)", "Hello, World! 123 (x=y)",
       "hello, world! 123 (x=y)"},
      {"empty", "", "", ""},
      {"nul byte kept", S("a\0b", 3), S("a\0b", 3), S("a\0b", 3)},
      // Decomposed input.
      {"nfd Việt, dot then circumflex", "Vie\u0323\u0302t", "Việt", "viet"},
      {"nfd Việt, circumflex then dot", "Vie\u0302\u0323t", "Việt", "viet"},
      {"nfd ộ both orders", "Bo\u0323\u0302 o\u0302\u0323", "Bộ ộ", "bo o"},
      {"nfd người", "ngu\u031bo\u031b\u0300i", "người", "nguoi"},
      {"nfd Đà Nẵng", "\u0110a\u0300 Na\u0306\u0303ng", "Đà Nẵng", "da nang"},
      {"nfd oa moves after composing", "hoa\u0300 bi\u0300nh", "hòa bình", "hoa binh"},
      {"nfd modern", "tho\u0309a thuy\u0309", "thoả thuỷ", "thoa thuy", modern},
      // Upper case.
      {"upper HOÀ", "HOÀ BÌNH", "HÒA BÌNH", "hoa binh"},
      {"upper HÒA unchanged", "HÒA", "HÒA", "hoa"},
      {"upper UỶ BAN", "UỶ BAN", "ỦY BAN", "uy ban"},
      {"title Ủy unchanged", "Ủy ban", "Ủy ban", "uy ban"},
      {"title Uỷ", "Uỷ ban", "Ủy ban", "uy ban"},
      {"upper modern", "HÒA ỦY Ủy", "HOÀ UỶ Uỷ", "hoa uy uy", modern},
      // Traditional / modern / keep.
      {"traditional hoà", "hoà", "hòa", "hoa"},
      {"traditional thuỷ khoẻ uỷ", "thuỷ khoẻ uỷ", "thủy khỏe ủy", "thuy khoe uy"},
      {"modern hòa", "hòa", "hoà", "hoa", modern},
      {"modern in a sentence", "Hòa bình, khỏe mạnh.", "Hoà bình, khoẻ mạnh.",
       "hoa binh, khoe manh.", modern},
      {"modern thủy khỏe ủy", "thủy khỏe ủy", "thuỷ khoẻ uỷ", "thuy khoe uy", modern},
      {"keep both", "hòa hoà thủy thuỷ", "hòa hoà thủy thuỷ", "hoa hoa thuy thuy", keep},
      {"style ignores finals", "hoàn toàn khoét", "hoàn toàn khoét", "hoan toan khoet", modern},
      // Misplaced tones repaired.
      {"repair hòan", "hòan", "hoàn", "hoan"},
      {"repair baỏ", "baỏ", "bảo", "bao"},
      {"repair lựơng", "lựơng", "lượng", "luong"},
      {"repair đaị", "đaị", "đại", "dai"},
      {"repair tòan", "tòan", "toàn", "toan"},
      {"repair qủa", "qủa", "quả", "qua"},
      {"repair gíup", "gíup", "giúp", "giup"},
      {"repair upper TÒAN", "TÒAN", "TOÀN", "toan"},
      // One problem a sentence: the one-pass check must find each alone.
      {"repair gì+a in a sentence", "Gìa đình.", "Già đình.", "gia dinh."},
      {"repair qủa in a sentence", "Một qủa cam.", "Một quả cam.", "mot qua cam."},
      {"repair baỏ in a sentence", "Để baỏ vệ.", "Để bảo vệ.", "de bao ve."},
      {"repair hòan in a sentence", "Đã hòan thành.", "Đã hoàn thành.", "da hoan thanh."},
      {"repair lựơng in a sentence", "Chất lựơng cao.", "Chất lượng cao.", "chat luong cao."},
      {"repair in keep style", "hòan hoà", "hoàn hoà", "hoan hoa", keep},
      // Correct words never change.
      {"keep quý", "quý", "quý", "quy"},
      {"keep giữa", "giữa", "giữa", "giua"},
      {"keep thuở", "thuở", "thuở", "thuo"},
      {"keep huệ", "huệ", "huệ", "hue"},
      {"keep quốc", "quốc", "quốc", "quoc"},
      {"keep giờ", "giờ", "giờ", "gio"},
      {"keep khuya", "khuya", "khuya", "khuya"},
      {"keep người", "người", "người", "nguoi"},
      {"keep nguyễn", "Nguyễn", "Nguyễn", "nguyen"},
      {"keep thuyền", "thuyền", "thuyền", "thuyen"},
      {"keep yêu", "yêu", "yêu", "yeu"},
      {"keep khuỷu", "khuỷu", "khuỷu", "khuyu"},
      {"keep gì gìn", "gì gìn", "gì gìn", "gi gin"},
      {"keep ngoại khoái", "ngoại khoái xoáy", "ngoại khoái xoáy", "ngoai khoai xoay"},
      {"keep của mía", "của mía tài", "của mía tài", "cua mia tai"},
      // Foreign words and doubtful syllables.
      {"english words", "Google email Huawei iPhone", "Google email Huawei iPhone",
       "google email huawei iphone"},
      {"foreign accents", "café José Zürich Nuñez", "café José Zürich Nuñez",
       "cafe jose zurich nunez"},
      {"two tone marks left", "hòà", "hòà", "hoa"},
      {"stray mark left", "x\u0301", "x\u0301", "x\u0301"},
      {"cyrillic lower-cased", "Москва", "Москва", "москва"},
      // Legacy characters: ð/Ð for đ/Đ where they begin a Vietnamese word.
      {"eth", "ðiện Ðà", "điện Đà", "dien da", ToneStyle::traditional, 2,
       ErrorCode::eth_replaced},
      {"eth in an acronym", "vùng ÐBSCL", "vùng ĐBSCL", "vung dbscl", ToneStyle::traditional, 1,
       ErrorCode::eth_replaced},
      {"eth alone, after a number", "500.000ð", "500.000đ", "500.000d", ToneStyle::traditional,
       1, ErrorCode::eth_replaced},
      {"eth decomposed word", "ðo\u0302\u0300ng", "đồng", "dong", ToneStyle::traditional, 1,
       ErrorCode::eth_replaced},
      {"eth kept inside a word", "Sigurður Guðmundsson", "Sigurður Guðmundsson",
       "sigurdur gudmundsson"},
      {"eth kept before other letters", "ðæt", "ðæt", "dæt"},
      {"U+0340 U+0341", "ca\u0341 va\u0340", "cá và", "ca va"},
      // Mojibake: UTF-8 read as Windows-1252 and saved again.
      {"mojibake Việt Nam", "Viá»‡t Nam", "Việt Nam", "viet nam", ToneStyle::traditional, 1,
       ErrorCode::mojibake_repaired},
      {"mojibake sentence", "CÃ´ng Ä‘oÃ n ngÃ nh giÃ¡o dá»¥c", "Công đoàn ngành giáo dục",
       "cong doan nganh giao duc", ToneStyle::traditional, 1, ErrorCode::mojibake_repaired},
      {"mojibake capitals", "Ã”NG NGUYá»„N VÄ‚N A", "ÔNG NGUYỄN VĂN A", "ong nguyen van a",
       ToneStyle::traditional, 1, ErrorCode::mojibake_repaired},
      {"mojibake quotes with the letters", "â€œXin chÃ o cá»§a", "“Xin chào của",
       "\"xin chao cua", ToneStyle::traditional, 1, ErrorCode::mojibake_repaired},
      {"mojibake à with its no-break space", "vÃ\u00A0 ngÆ°á»\u009Di",
       "và người", "va nguoi", ToneStyle::traditional, 1, ErrorCode::mojibake_repaired},
      {"mojibake twice", "ViÃ¡Â»â€¡t", "Việt", "viet", ToneStyle::traditional, 1,
       ErrorCode::mojibake_repaired},
      {"mojibake lines apart", "Viá»‡t\nXÃ”", "Việt\nXÃ”", "viet\nxa\"",
       ToneStyle::traditional, 1, ErrorCode::mojibake_repaired},
      // ...but text that clean Vietnamese or Latin text can hold stays.
      {"not mojibake: a capital Ã and a quote", "“XÃ” và NGÃ…", "“XÃ” và NGÃ…",
       "\"xa\" va nga…"},
      {"not mojibake: Ä‘ alone", "giá 500 Ä‘", "giá 500 Ä‘", "gia 500 a'"},
      {"not mojibake: signs only", "Â© 2020 Ã—", "Â© 2020 Ã—", "a© 2020 a-"},
      {"not mojibake: Latin-1 letters", "café à “Zürich”…", "café à “Zürich”…",
       "cafe a \"zurich\"…"},
      // Fullwidth forms: NFKC for U+FF01..U+FF5E only.
      {"fullwidth digits and letters", "Năm ２０２０, ＡＢＣ！", "Năm 2020, ABC!",
       "nam 2020, abc!", ToneStyle::traditional, 2, ErrorCode::fullwidth_folded},
      {"fullwidth elsewhere kept", "￥100 ｶ", "￥100 ｶ", "￥100 ｶ"},
      // Cyrillic and Greek look-alikes in Latin words.
      {"cyrillic a in a Latin word", "Việt Nаm", "Việt Nam", "viet nam", ToneStyle::traditional,
       1, ErrorCode::confusable_replaced},
      {"cyrillic capital and greek omicron", "Нà Nοi", "Hà Noi", "ha noi",
       ToneStyle::traditional, 2, ErrorCode::confusable_replaced},
      {"look-alikes typed in a word, one warning", "C\u043E\u0440vid", "Copvid", "copvid",
       ToneStyle::traditional, 1, ErrorCode::confusable_replaced},
      {"cyrillic word kept", "Москва ТАСС", "Москва ТАСС", "москва тасс"},
      {"greek word kept", "αβγ Ωmega", "αβγ Ωmega", "αβγ ωmega"},
      // A tone mark typed before the circumflex or breve.
      {"acute then circumflex", "Vie\u0301\u0302t", "Viết", "viet", ToneStyle::traditional, 1,
       ErrorCode::marks_reordered},
      {"precomposed é then circumflex", "Vi\u00E9\u0302t", "Viết", "viet",
       ToneStyle::traditional, 1, ErrorCode::marks_reordered},
      {"grave then breve, upper case", "A\u0300\u0306", "Ằ", "a", ToneStyle::traditional, 1,
       ErrorCode::marks_reordered},
      {"hook then circumflex on o", "tho\u0309\u0302", "thổ", "tho", ToneStyle::traditional, 1,
       ErrorCode::marks_reordered},
      {"horn and dot below: NFC orders them", "o\u0323\u031B u\u0301\u031B", "ợ ứ", "o u"},
      {"no Vietnamese letter: left to NFC", "i\u0301\u0302", "í\u0302", "i\u0302"},
      // Invisible characters and spaces.
      {"zwsp", "a\u200Bb", "ab", "ab"},
      {"bom at start", "\uFEFFXin chào", "Xin chào", "xin chao"},
      {"bom in middle", "Xin\uFEFF chào", "Xin chào", "xin chao"},
      {"soft hyphen", "Hà\u00ADNội", "HàNội", "hanoi"},
      {"zwj zwnj word joiner", "a\u200Cb\u200Dc\u2060d", "abcd", "abcd"},
      {"zwsp inside a syllable", "ho\u200Bà", "hòa", "hoa"},
      {"nbsp", "100\u00A0000", "100 000", "100 000"},
      {"ideographic and thin spaces", "a\u3000b\u2009c\u202Fd\u205Fe", "a b c d e", "a b c d e"},
      // Quotes and dashes: kept in text, ASCII in folded.
      {"quotes and dashes", "“Top10” – ‘a’ — b−c", "“Top10” – ‘a’ — b−c",
       "\"top10\" - 'a' - b-c"},
      // Invalid UTF-8: one U+FFFD per maximal subpart, one warning per run
      // of adjacent bad bytes.
      {"lone continuation", "a\x80" "b", "a\uFFFDb", "a\uFFFDb", ToneStyle::traditional, 1},
      {"truncated E1 BB", "x\xE1\xBB", "x\uFFFD", "x\uFFFD", ToneStyle::traditional, 1},
      {"truncated then ascii", "\xE1\xBB" "a", "\uFFFDa", "\uFFFDa", ToneStyle::traditional, 1},
      {"overlong C0 AF", "\xC0\xAF", "\uFFFD\uFFFD", "\uFFFD\uFFFD", ToneStyle::traditional, 1},
      {"surrogate ED A0 80", "\xED\xA0\x80", "\uFFFD\uFFFD\uFFFD", "\uFFFD\uFFFD\uFFFD",
       ToneStyle::traditional, 1},
      {"F5 lead", "\xF5\x80", "\uFFFD\uFFFD", "\uFFFD\uFFFD", ToneStyle::traditional, 1},
      {"above U+10FFFF", "\xF4\x90\x80\x80", "\uFFFD\uFFFD\uFFFD\uFFFD",
       "\uFFFD\uFFFD\uFFFD\uFFFD", ToneStyle::traditional, 1},
      {"truncated emoji", "ok \xF0\x9F\x98", "ok \uFFFD", "ok \uFFFD", ToneStyle::traditional, 1},
      {"valid emoji", "ok \U0001F600", "ok \U0001F600", "ok \U0001F600"},
      {"invalid next to vietnamese", "Vi\xFF" "ệt", "Vi\uFFFDệt", "vi\uFFFDet",
       ToneStyle::traditional, 1},
  };
}

}  // namespace

TEST_CASE("normalize: table of cases") {
  const std::vector<Case> table = cases();
  CHECK(table.size() >= 40);
  for (const Case& c : table) {
    CAPTURE(c.name);
    NormalizeOptions options;
    options.tone_style = c.style;
    const Normalizer normalizer(options);
    const NormalizedText r = normalizer.normalize(c.input);
    CHECK(r.text == c.text);
    CHECK(r.folded == c.folded);
    CHECK(r.warnings.size() == c.warnings);
    for (const vnie::Warning& w : r.warnings) {
      CHECK(w.code == c.code);
      CHECK(w.byte_offset < c.input.size());
      CHECK(w.length > 0);
      CHECK(w.byte_offset + w.length <= c.input.size());
      CHECK(!w.message.empty());
    }
    check_invariants(normalizer, c.input, r);
  }
}

TEST_CASE("normalize: repairs can be switched off") {
  NormalizeOptions options;
  options.repair_misplaced_tones = false;
  const Normalizer normalizer(options);
  CHECK(normalizer.normalize("hòan baỏ qủa").text == "hòan baỏ qủa");
  CHECK(normalizer.normalize("hoà thuỷ").text == "hòa thủy");  // style still applies
  options.tone_style = ToneStyle::keep;
  CHECK(Normalizer(options).normalize("hòan hoà").text == "hòan hoà");
}

TEST_CASE("normalize: every vowel form composes from NFD, in both cases") {
  using vnie::norm::kVowelForms;
  // Base letter and vowel mark per vowel (a ă â e ê i o ô ơ u ư y).
  const char* base[] = {"a", "a", "a", "e", "e", "i", "o", "o", "o", "u", "u", "y"};
  const char* vowel_mark[] = {"", "\u0306", "\u0302", "", "\u0302", "", "",
                              "\u0302", "\u031B", "", "\u031B", ""};
  const char* tone_mark[] = {"", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"};
  NormalizeOptions options;
  options.tone_style = ToneStyle::keep;
  const Normalizer normalizer(options);
  for (int upper = 0; upper < 2; ++upper) {
    for (int v = 0; v < vnie::norm::kVowelCount; ++v) {
      for (int t = 0; t < vnie::norm::kToneCount; ++t) {
        std::string b = base[v];
        if (upper != 0) b[0] = static_cast<char>(b[0] - 'a' + 'A');
        const std::string decomposed = nfd(b, {vowel_mark[v], tone_mark[t]});
        std::string expected;
        {
          const char32_t cp = kVowelForms[upper][v][t];
          // Encode by hand (test independently of the library's encoder).
          if (cp < 0x80) {
            expected += static_cast<char>(cp);
          } else if (cp < 0x800) {
            expected += static_cast<char>(0xC0 | (cp >> 6));
            expected += static_cast<char>(0x80 | (cp & 0x3F));
          } else {
            expected += static_cast<char>(0xE0 | (cp >> 12));
            expected += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            expected += static_cast<char>(0x80 | (cp & 0x3F));
          }
        }
        CAPTURE(decomposed);
        const NormalizedText r = normalizer.normalize(decomposed);
        CHECK(r.text == expected);
        CHECK(r.folded == std::string(1, base[v][0]));
        // The whole decomposed sequence maps to the composed letter.
        CHECK(r.to_original(View::normalized, 0, r.text.size()) ==
              std::make_pair(std::size_t{0}, decomposed.size()));
      }
    }
  }
}

TEST_CASE("normalize: offsets") {
  const Normalizer normalizer;
  SUBCASE("deleted zero-width space is outside the spans around it") {
    const std::string input = "a\u200Bb";
    const NormalizedText r = normalizer.normalize(input);
    REQUIRE(r.text == "ab");
    CHECK(r.to_original(View::normalized, 1, 2) == std::make_pair(std::size_t{4}, std::size_t{5}));
    CHECK(r.to_original(View::normalized, 0, 1) == std::make_pair(std::size_t{0}, std::size_t{1}));
    CHECK(r.to_original(View::normalized, 0, 2) == std::make_pair(std::size_t{0}, std::size_t{5}));
  }
  SUBCASE("bom at start and end") {
    const std::string input = "\uFEFFabc\uFEFF";
    const NormalizedText r = normalizer.normalize(input);
    REQUIRE(r.text == "abc");
    CHECK(r.to_original(View::normalized, 0, 3) == std::make_pair(std::size_t{3}, std::size_t{6}));
  }
  SUBCASE("a composed word maps to all its decomposed bytes") {
    const std::string input = "Vie\u0323\u0302t Nam";
    const NormalizedText r = normalizer.normalize(input);
    REQUIRE(r.text == "Việt Nam");
    CHECK(r.to_original(View::normalized, 0, 6) == std::make_pair(std::size_t{0}, std::size_t{8}));
    CHECK(r.to_original(View::normalized, 7, 10) == std::make_pair(std::size_t{9}, std::size_t{12}));
    // The folded "viet" is the same word.
    REQUIRE(r.folded == "viet nam");
    CHECK(r.to_original(View::folded, 0, 4) == std::make_pair(std::size_t{0}, std::size_t{8}));
    CHECK(r.to_original(View::folded, 5, 8) == std::make_pair(std::size_t{9}, std::size_t{12}));
    // Inside the composed letter: to its edges.
    CHECK(r.text_map.map(3, Edge::start) == 2);
    CHECK(r.text_map.map(3, Edge::end) == 7);
  }
  SUBCASE("an invalid byte maps to exactly that byte") {
    const std::string input = "ab\x80" "cd";
    const NormalizedText r = normalizer.normalize(input);
    REQUIRE(r.text == "ab\uFFFDcd");
    CHECK(r.to_original(View::normalized, 2, 5) == std::make_pair(std::size_t{2}, std::size_t{3}));
    CHECK(r.to_original(View::normalized, 5, 7) == std::make_pair(std::size_t{3}, std::size_t{5}));
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].byte_offset == 2);
  }
  SUBCASE("warnings carry original offsets") {
    const std::string input = "x\u200B\u00A0\x80 \xE1\xBB";
    const NormalizedText r = normalizer.normalize(input);
    REQUIRE(r.text == "x \uFFFD \uFFFD");
    REQUIRE(r.warnings.size() == 2);
    CHECK(r.warnings[0].byte_offset == 6);
    CHECK(r.warnings[1].byte_offset == 8);
    CHECK(r.to_original(View::normalized, 2, 5) == std::make_pair(std::size_t{6}, std::size_t{7}));
    CHECK(r.to_original(View::normalized, 6, 9) == std::make_pair(std::size_t{8}, std::size_t{10}));
  }
  SUBCASE("a syllable whose tone moved keeps exact word offsets") {
    const std::string input = "ông hoà bình";
    const NormalizedText r = normalizer.normalize(input);
    REQUIRE(r.text == "ông hòa bình");
    CHECK(r.to_original(View::normalized, 5, 9) == std::make_pair(std::size_t{5}, std::size_t{9}));
    CHECK(r.to_original(View::normalized, 10, 15) ==
          std::make_pair(std::size_t{10}, std::size_t{15}));
    // Only the letters between the two tone positions are rewritten.
    CHECK(r.text_map.map(6, Edge::start) == 6);  // 'o' of "hòa" starts the run
    CHECK(r.text_map.map(8, Edge::end) == 9);    // ...which ends after "oà"
  }
  SUBCASE("decomposed and misplaced at once") {
    const std::string input = "hoa\u0300n";  // NFD of "hoàn": already right
    const NormalizedText r = normalizer.normalize(input);
    REQUIRE(r.text == "hoàn");
    CHECK(r.to_original(View::normalized, 0, 5) == std::make_pair(std::size_t{0}, std::size_t{6}));
    const NormalizedText r2 = normalizer.normalize("ho\u0300an x");  // NFD of "hòan"
    REQUIRE(r2.text == "hoàn x");
    CHECK(r2.to_original(View::normalized, 0, 5) ==
          std::make_pair(std::size_t{0}, std::size_t{6}));
    CHECK(r2.to_original(View::normalized, 6, 7) ==
          std::make_pair(std::size_t{7}, std::size_t{8}));
  }
  SUBCASE("a deletion next to a moved tone stays outside the syllable's span") {
    const std::string input = "h\u200Boà x";
    const NormalizedText r = normalizer.normalize(input);
    REQUIRE(r.text == "hòa x");
    CHECK(r.to_original(View::normalized, 0, 5) == std::make_pair(std::size_t{0}, std::size_t{8}));
    CHECK(r.to_original(View::normalized, 1, 5) == std::make_pair(std::size_t{4}, std::size_t{8}));
    CHECK(r.to_original(View::normalized, 0, 1) == std::make_pair(std::size_t{0}, std::size_t{1}));
  }
  SUBCASE("clamping and empty spans") {
    const NormalizedText r = normalizer.normalize("a\u200Bb");
    CHECK(r.to_original(View::normalized, 5, 9) == std::make_pair(std::size_t{5}, std::size_t{5}));
    const auto [s, e] = r.to_original(View::normalized, 1, 1);
    CHECK(s == e);
    CHECK(r.to_original(View::normalized, 2, 1).first <= r.to_original(View::normalized, 2, 1).second);
    const NormalizedText empty = normalizer.normalize("");
    CHECK(empty.text_map.derived_size() == 0);
    CHECK(empty.text_map.source_size() == 0);
    CHECK(empty.to_original(View::folded, 0, 3) == std::make_pair(std::size_t{0}, std::size_t{0}));
  }
}

TEST_CASE("normalize: repairs of messy text keep exact offsets and warn") {
  const Normalizer normalizer;
  using P = std::pair<std::size_t, std::size_t>;
  const auto warning = [](const NormalizedText& r, std::size_t k) -> const vnie::Warning& {
    REQUIRE(k < r.warnings.size());
    return r.warnings[k];
  };
  SUBCASE("mojibake: a character maps to all the characters it was read as") {
    const std::string input = "Vi\u00E1\u00BB\u2021t Nam";  // "Viá»‡t Nam"
    REQUIRE(input.size() == 14);
    const NormalizedText r = normalizer.normalize(input);
    REQUIRE(r.text == "Việt Nam");
    CHECK(r.to_original(View::normalized, 2, 5) == P{2, 9});
    CHECK(r.to_original(View::normalized, 0, 6) == P{0, 10});
    CHECK(r.to_original(View::normalized, 7, 10) == P{11, 14});
    CHECK(r.to_original(View::folded, 0, 4) == P{0, 10});
    CHECK(r.text_map.map(3, Edge::start) == 2);
    CHECK(r.text_map.map(3, Edge::end) == 9);
    REQUIRE(r.warnings.size() == 1);
    CHECK(warning(r, 0).code == ErrorCode::mojibake_repaired);
    CHECK(warning(r, 0).byte_offset == 2);
    CHECK(warning(r, 0).length == 7);
    CHECK(warning(r, 0).message ==
          "mojibake repaired: 1 character of UTF-8 read as Windows-1252 and saved again, decoded");
  }
  SUBCASE("mojibake: à whose no-break space became a space") {
    const std::string input = "\u00C4\u2018o\u00C3 n";  // "Ä‘oÃ n"
    const NormalizedText r = normalizer.normalize(input);
    REQUIRE(r.text == "đoàn");
    CHECK(r.to_original(View::normalized, 0, 2) == P{0, 5});
    CHECK(r.to_original(View::normalized, 3, 5) == P{6, 9});
    CHECK(r.to_original(View::normalized, 5, 6) == P{9, 10});
    REQUIRE(r.warnings.size() == 1);
    CHECK(warning(r, 0).byte_offset == 0);
    CHECK(warning(r, 0).length == 9);
  }
  SUBCASE("mojibake decoded twice: one warning over both rounds") {
    const std::string input = "Vi\u00C3\u00A1\u00C2\u00BB\u00E2\u20AC\u00A1t";  // "ViÃ¡Â»â€¡t"
    REQUIRE(input.size() == 18);
    const NormalizedText r = normalizer.normalize(input);
    REQUIRE(r.text == "Việt");
    CHECK(r.to_original(View::normalized, 2, 5) == P{2, 17});
    REQUIRE(r.warnings.size() == 1);
    CHECK(warning(r, 0).byte_offset == 2);
    CHECK(warning(r, 0).length == 15);
  }
  SUBCASE("mojibake after an invalid byte: both warnings, in order") {
    const std::string input = "\xFFVi\u00E1\u00BB\u2021t";
    const NormalizedText r = normalizer.normalize(input);
    REQUIRE(r.text == "\uFFFDViệt");
    REQUIRE(r.warnings.size() == 2);
    CHECK(warning(r, 0).code == ErrorCode::invalid_utf8);
    CHECK(warning(r, 0).byte_offset == 0);
    CHECK(warning(r, 1).code == ErrorCode::mojibake_repaired);
    CHECK(warning(r, 1).byte_offset == 3);
    CHECK(warning(r, 1).length == 7);
    CHECK(r.to_original(View::normalized, 5, 8) == P{3, 10});
  }
  SUBCASE("fullwidth digits: one warning for the run") {
    const std::string input = "Năm ２０２０";
    const NormalizedText r = normalizer.normalize(input);
    REQUIRE(r.text == "Năm 2020");
    CHECK(r.to_original(View::normalized, 5, 9) == P{5, 17});
    CHECK(r.to_original(View::normalized, 6, 7) == P{8, 11});
    REQUIRE(r.warnings.size() == 1);
    CHECK(warning(r, 0).code == ErrorCode::fullwidth_folded);
    CHECK(warning(r, 0).byte_offset == 5);
    CHECK(warning(r, 0).length == 12);
  }
  SUBCASE("a Cyrillic look-alike in a Latin word") {
    const std::string input = "N\u0430m";
    const NormalizedText r = normalizer.normalize(input);
    REQUIRE(r.text == "Nam");
    CHECK(r.to_original(View::normalized, 1, 2) == P{1, 3});
    CHECK(r.to_original(View::normalized, 2, 3) == P{3, 4});
    REQUIRE(r.warnings.size() == 1);
    CHECK(warning(r, 0).code == ErrorCode::confusable_replaced);
    CHECK(warning(r, 0).byte_offset == 1);
    CHECK(warning(r, 0).length == 2);
  }
  SUBCASE("a tone typed before the circumflex") {
    const std::string input = "Vie\u0301\u0302t";
    const NormalizedText r = normalizer.normalize(input);
    REQUIRE(r.text == "Viết");
    CHECK(r.to_original(View::normalized, 2, 5) == P{2, 7});
    CHECK(r.to_original(View::normalized, 5, 6) == P{7, 8});
    REQUIRE(r.warnings.size() == 1);
    CHECK(warning(r, 0).code == ErrorCode::marks_reordered);
    CHECK(warning(r, 0).byte_offset == 2);
    CHECK(warning(r, 0).length == 5);
  }
  SUBCASE("ð at the start of a Vietnamese word, kept inside Sigurður") {
    const std::string input = "vùng ÐBSCL, Sigurður";
    const NormalizedText r = normalizer.normalize(input);
    REQUIRE(r.text == "vùng ĐBSCL, Sigurður");
    REQUIRE(r.folded == "vung dbscl, sigurdur");
    CHECK(r.to_original(View::normalized, 6, 8) == P{6, 8});
    CHECK(r.to_original(View::folded, 5, 10) == P{6, 12});
    REQUIRE(r.warnings.size() == 1);
    CHECK(warning(r, 0).code == ErrorCode::eth_replaced);
    CHECK(warning(r, 0).byte_offset == 6);
    CHECK(warning(r, 0).length == 2);
  }
  SUBCASE("several repairs in one line") {
    const std::string input = "Ðoàn N\u0430m ２ Vie\u0301\u0302t";
    const NormalizedText r = normalizer.normalize(input);
    REQUIRE(r.text == "Đoàn Nam 2 Viết");
    REQUIRE(r.warnings.size() == 4);
    CHECK(warning(r, 0).code == ErrorCode::eth_replaced);
    CHECK(warning(r, 1).code == ErrorCode::confusable_replaced);
    CHECK(warning(r, 2).code == ErrorCode::fullwidth_folded);
    CHECK(warning(r, 3).code == ErrorCode::marks_reordered);
    CHECK(input.substr(warning(r, 0).byte_offset, warning(r, 0).length) == "Ð");
    CHECK(input.substr(warning(r, 1).byte_offset, warning(r, 1).length) == "\u0430");
    CHECK(input.substr(warning(r, 2).byte_offset, warning(r, 2).length) == "２");
    CHECK(input.substr(warning(r, 3).byte_offset, warning(r, 3).length) == "e\u0301\u0302");
  }
}

TEST_CASE("normalize: the repairs' character data agree with ICU") {
  using vnie::norm::CharTables;
  using vnie::norm::fullwidth_ascii;
  UErrorCode status = U_ZERO_ERROR;
  // Fullwidth forms: exactly the code points of U+FF00..U+FFEF that NFKC
  // makes one ASCII character, to that character.
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  REQUIRE(U_SUCCESS(status));
  int fullwidth = 0;
  for (char32_t c = 0xFF00; c < 0xFFF0; ++c) {
    const icu::UnicodeString folded = nfkc->normalize(icu::UnicodeString(static_cast<UChar32>(c)), status);
    REQUIRE(U_SUCCESS(status));
    const bool ascii = folded.length() == 1 && folded[0] < 0x80;
    CAPTURE(static_cast<unsigned>(c));
    CHECK(ascii == (fullwidth_ascii(c) != c));
    if (ascii) {
      CHECK(static_cast<char32_t>(folded[0]) == fullwidth_ascii(c));
      ++fullwidth;
    }
  }
  CHECK(fullwidth == 0x5E);
  // Look-alikes: ICU's skeleton of the letter is that of its Latin twin.
  USpoofChecker* checker = uspoof_open(&status);
  REQUIRE(U_SUCCESS(status));
  const auto skeleton = [&](char32_t c) {
    icu::UnicodeString out;
    UErrorCode st = U_ZERO_ERROR;
    uspoof_getSkeletonUnicodeString(checker, 0, icu::UnicodeString(static_cast<UChar32>(c)), out,
                                    &st);
    std::string utf8;
    out.toUTF8String(utf8);
    return utf8;
  };
  const CharTables& tables = CharTables::get();
  int lookalikes = 0;
  for (char32_t c = 0x370; c < 0x530; ++c) {
    const char32_t latin = tables.lookalike(c);
    if (latin == 0) continue;
    ++lookalikes;
    CAPTURE(static_cast<unsigned>(c));
    CHECK(skeleton(c) == skeleton(latin));
    CHECK((u_isupper(static_cast<UChar32>(c)) != 0) == (latin >= U'A' && latin <= U'Z'));
  }
  uspoof_close(checker);
  CHECK(lookalikes >= 50);
  CHECK(tables.lookalike(0x0430) == U'a');  // а
  CHECK(tables.lookalike(0x0435) == U'e');  // е
  CHECK(tables.lookalike(0x043E) == U'o');  // о
  CHECK(tables.lookalike(0x0440) == U'p');  // р
  CHECK(tables.lookalike(0x0441) == U'c');  // с
  CHECK(tables.lookalike(0x0445) == U'x');  // х
  CHECK(tables.lookalike(0x041D) == U'H');  // Н
  CHECK(tables.lookalike(0x0420) == U'P');  // Р
  CHECK(tables.lookalike(0x03BF) == U'o');  // ο
  CHECK(tables.lookalike(0x03BD) == U'v');  // ν
  CHECK(tables.lookalike(0x0391) == U'A');  // Α
  CHECK(tables.lookalike(0x043A) == 0);     // к: ICU makes it no ASCII letter
  CHECK(tables.lookalike(0x03BA) == 0);     // κ: ICU makes it ĸ
  CHECK(tables.lookalike(0x0414) == 0);     // Д
  CHECK(tables.lookalike(U'a') == 0);
}

TEST_CASE("OffsetMap: building, mapping, composing") {
  SUBCASE("identity") {
    const OffsetMap id = OffsetMap::identity(5);
    for (std::size_t p = 0; p <= 5; ++p) {
      CHECK(id.map(p, Edge::start) == p);
      CHECK(id.map(p, Edge::end) == p);
    }
    CHECK(id.map(99, Edge::start) == 5);
    const OffsetMap zero = OffsetMap::identity(0);
    CHECK(zero.map(0, Edge::start) == 0);
    CHECK(zero.map(0, Edge::end) == 0);
  }
  SUBCASE("change, deletion, insertion") {
    OffsetMap m;
    m.append_copy(2);       // [0,2) ← [0,2)
    m.append_change(1, 3);  // [2,3) ← [2,5)
    m.append_change(0, 2);  // deletion of [5,7)
    m.append_copy(2);       // [3,5) ← [7,9)
    m.append_change(2, 0);  // insertion [5,7)
    CHECK(m.derived_size() == 7);
    CHECK(m.source_size() == 9);
    CHECK(m.map(2, Edge::start) == 2);
    CHECK(m.map(2, Edge::end) == 2);
    CHECK(m.map(3, Edge::start) == 7);  // past the deletion
    CHECK(m.map(3, Edge::end) == 5);    // before it
    CHECK(m.map(4, Edge::start) == 8);
    CHECK(m.map(5, Edge::start) == 9);
    CHECK(m.map(6, Edge::start) == 9);
    CHECK(m.map(6, Edge::end) == 9);
    CHECK(m.map(7, Edge::end) == 9);
  }
  SUBCASE("leading and trailing deletions") {
    OffsetMap m;
    m.append_change(0, 3);
    m.append_copy(1);
    m.append_change(0, 3);
    CHECK(m.map(0, Edge::start) == 3);
    CHECK(m.map(0, Edge::end) == 0);
    CHECK(m.map(1, Edge::start) == 7);
    CHECK(m.map(1, Edge::end) == 4);
  }
  SUBCASE("compose with identity is the same map") {
    OffsetMap m;
    m.append_copy(2);
    m.append_change(1, 3);
    m.append_change(0, 2);
    m.append_copy(2);
    const OffsetMap a = m.compose(OffsetMap::identity(m.derived_size()));
    const OffsetMap b = OffsetMap::identity(m.source_size()).compose(m);
    for (std::size_t p = 0; p <= m.derived_size(); ++p) {
      for (Edge e : {Edge::start, Edge::end}) {
        CHECK(a.map(p, e) == m.map(p, e));
        CHECK(b.map(p, e) == m.map(p, e));
      }
    }
  }
  SUBCASE("overlapping changes merge") {
    // A→B: "xAy" where B[1,3) ← A[1,2)  (1 byte became 2)
    OffsetMap outer;
    outer.append_copy(1);
    outer.append_change(2, 1);
    outer.append_copy(1);
    // B→C: C[0,2) ← B[0,2) rewritten, rest copied
    OffsetMap inner;
    inner.append_change(2, 2);
    inner.append_copy(2);
    const OffsetMap c = outer.compose(inner);
    CHECK(c.derived_size() == 4);
    CHECK(c.source_size() == 3);
    CHECK(c.map(1, Edge::start) == 0);
    CHECK(c.map(1, Edge::end) == 2);
    CHECK(c.map(3, Edge::start) == 2);
    CHECK(c.map(3, Edge::end) == 2);
    CHECK(c.map(4, Edge::end) == 3);
  }
  SUBCASE("random maps: composition is never tighter than mapping twice") {
    std::mt19937 rng(12345);
    const auto random_map = [&](std::size_t source) {
      OffsetMap m;
      std::size_t left = source;
      while (left > 0) {
        const std::size_t n = std::min<std::size_t>(left, rng() % 4);
        switch (rng() % 4) {
          case 0: m.append_change(rng() % 3, n); break;
          case 1: m.append_change(0, n); break;
          default: m.append_copy(n); break;
        }
        left -= n;
      }
      if (rng() % 4 == 0) m.append_change(rng() % 3, 0);
      return m;
    };
    for (int iter = 0; iter < 2000; ++iter) {
      const OffsetMap outer = random_map(rng() % 20);
      const OffsetMap inner = random_map(outer.derived_size());
      REQUIRE(inner.source_size() == outer.derived_size());
      const OffsetMap c = outer.compose(inner);
      check_map(c, inner.derived_size(), outer.source_size());
      for (std::size_t p = 0; p <= inner.derived_size(); ++p) {
        CHECK(c.map(p, Edge::start) <= outer.map(inner.map(p, Edge::start), Edge::start));
        CHECK(c.map(p, Edge::end) >= outer.map(inner.map(p, Edge::end), Edge::end));
      }
    }
  }
}

namespace {

// Random inputs for the property tests: ASCII, Vietnamese letters (some
// misplaced), combining marks, invisible characters, odd spaces, quotes,
// other scripts, line breaks and random bytes.
class RandomText {
 public:
  explicit RandomText(std::uint32_t seed) : rng_(seed) {}

  std::string next(int max_pieces) {
    std::string input;
    const int n = static_cast<int>(rng_() % static_cast<std::uint32_t>(max_pieces));
    for (int k = 0; k < n; ++k) {
      if (rng_() % 8 == 0) {
        input += static_cast<char>(rng_() % 256);  // any byte, often invalid
      } else {
        input += kPieces[rng_() % kPieces.size()];
      }
    }
    return input;
  }
  std::mt19937& rng() { return rng_; }

 private:
  inline static const std::vector<std::string> kPieces = {
      "a", "b", "o", "u", "y", "q", "g", "i", "h", "n", "g", "Q", "H", "A", " ", " ", ".", ",",
      "-", "<", "\t", "\n", "1", "ă", "â", "ê", "ô", "ơ", "ư", "đ", "Đ", "à", "á", "ả", "ã",
      "ạ", "ờ", "ợ", "ữ", "ỷ", "Ủ", "Ỳ", "é", "ü", "ñ", "ð", "Ð", "\u0300", "\u0301",
      "\u0303", "\u0309", "\u0323", "\u0302", "\u0306", "\u031B", "\u0340", "\u0341", "\u0338",
      "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u00A0", "\u3000", "\u2009",
      "“", "”", "–", "—", "\uFFFD", "\U0001F600", "한", "\u1100", "\u1161", "Ω", "Д",
      "hòa", "hoà", "thuỷ", "qủa", "gíup", "lựơng", "người", "khuỷu", "Nguyễn", "HOÀ",
      "của ", "tài ", "quá ", "già ", "tòan ", "ủy ", "\n", std::string("\0", 1),
      // Mojibake (lead and continuation stand-ins), fullwidth forms,
      // look-alikes, marks typed in the wrong order.
      "Ã", "Ä", "Æ", "Â", "á»", "áº", "â€", "‡", "©", "¡", "‘", "’", "€", "™", "»", "º", "´",
      "ng", "Ã´ng", "Ä‘", "Viá»‡t", "\u0090", "\u009D", "Ａ", "５", "！", "а", "о", "Р", "ο",
      "Н", "e\u0301\u0302", "\u00E9\u0302", "o\u0309", "Sigurður"};
  std::mt19937 rng_;
};

}  // namespace

TEST_CASE("normalize: random inputs (property test)") {
  RandomText random(20240607);
  const Normalizer traditional;
  NormalizeOptions modern_options;
  modern_options.tone_style = ToneStyle::modern;
  const Normalizer modern(modern_options);
  for (int iter = 0; iter < 3000; ++iter) {
    const std::string input = random.next(24);
    CAPTURE(input);
    const Normalizer& normalizer = iter % 3 == 0 ? modern : traditional;
    const NormalizedText r = normalizer.normalize(input);
    check_invariants(normalizer, input, r);
    for (const vnie::Warning& w : r.warnings) {
      const bool known = w.code == ErrorCode::invalid_utf8 ||
                         w.code == ErrorCode::mojibake_repaired ||
                         w.code == ErrorCode::fullwidth_folded ||
                         w.code == ErrorCode::confusable_replaced ||
                         w.code == ErrorCode::marks_reordered || w.code == ErrorCode::eth_replaced;
      CHECK(known);
      CHECK(w.byte_offset < input.size());
      CHECK(w.byte_offset + w.length <= input.size());
    }
    CHECK(normalizer.fold(input) == r.folded);
  }
}

TEST_CASE("normalize: long inputs keep the fast path exact") {
  const Normalizer normalizer;
  std::string line;
  for (int k = 0; k < 2000; ++k) line += "Năm 2020, Vinamilk đã vượt qua các thương hiệu. ";
  const NormalizedText r = normalizer.normalize(line);
  CHECK((r.text == line));
  CHECK(r.warnings.empty());
  CHECK(r.to_original(View::normalized, 100, 200) ==
        std::make_pair(std::size_t{100}, std::size_t{200}));
  CHECK(code_point_count(r.folded) == code_point_count(r.text));
  // One odd character far into it changes only its own bytes.
  std::string odd = line;
  const std::size_t at = line.find(' ', 50000);  // a character boundary
  REQUIRE(at < 60000);
  odd.insert(at, "\u200B");
  const NormalizedText r2 = normalizer.normalize(odd);
  CHECK((r2.text == line));
  CHECK(r2.to_original(View::normalized, 60000, 60010) ==
        std::make_pair(std::size_t{60003}, std::size_t{60013}));
  CHECK(r2.to_original(View::normalized, 40000, 40010) ==
        std::make_pair(std::size_t{40000}, std::size_t{40010}));
}

TEST_CASE("normalize: many threads share one normalizer") {
  const Normalizer normalizer;
  const std::vector<Case> table = cases();
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (std::size_t t = 0; t < failures.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 50; ++round) {
        for (const Case& c : table) {
          if (c.style != ToneStyle::traditional) continue;
          if (normalizer.normalize(c.input).text != c.text) ++failures[t];
        }
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (int f : failures) CHECK(f == 0);
}

TEST_CASE("normalize: fold and tone style names") {
  const Normalizer normalizer;
  CHECK(normalizer.fold("Đà Nẵng, “Việt Nam”") == "da nang, \"viet nam\"");
  CHECK(normalizer.fold("ÀÁẢÃẠ ĂẰẮẲẴẶ ÂẦẤẨẪẬ") == "aaaaa aaaaaa aaaaaa");
  CHECK(std::string(vnie::to_string(ToneStyle::traditional)) == "traditional");
  CHECK(std::string(vnie::to_string(ToneStyle::modern)) == "modern");
  CHECK(std::string(vnie::to_string(ToneStyle::keep)) == "keep");
  ToneStyle style = ToneStyle::traditional;
  CHECK(vnie::parse_tone_style("modern", style));
  CHECK(style == ToneStyle::modern);
  CHECK(vnie::parse_tone_style("keep", style));
  CHECK(style == ToneStyle::keep);
  CHECK_FALSE(vnie::parse_tone_style("Modern", style));
  CHECK_FALSE(vnie::parse_tone_style("", style));
  CHECK(style == ToneStyle::keep);
  CHECK(normalizer.options().tone_style == ToneStyle::traditional);
  CHECK(normalizer.options().repair_misplaced_tones);
}

TEST_CASE("normalize: the fast path agrees with the passes") {
  // When the one-pass check accepts a text, none of the passes would change
  // it, and the folded view is the same as folding it afterwards.
  RandomText random(777);
  int accepted = 0;
  for (ToneStyle style : {ToneStyle::traditional, ToneStyle::modern, ToneStyle::keep}) {
    NormalizeOptions options;
    options.tone_style = style;
    for (int iter = 0; iter < 3000; ++iter) {
      const std::string input = random.next(12);
      CAPTURE(input);
      std::string folded;
      OffsetMap map;
      std::size_t failed_at = 0;
      if (!vnie::norm::fold_text(input, &options, folded, map, &failed_at)) {
        CHECK(failed_at < input.size());
        continue;
      }
      ++accepted;
      const vnie::norm::InputScan scan = vnie::norm::scan_input(input);
      CHECK(scan.cleanup_from == std::string_view::npos);
      CHECK_FALSE(scan.needs_nfc);
      std::string out;
      OffsetMap tone_map;
      CHECK_FALSE(vnie::norm::place_tones(input, options, out, tone_map));
      std::vector<vnie::Warning> warnings;
      CHECK_FALSE(vnie::norm::repair_mojibake(input, out, tone_map, warnings));
      CHECK_FALSE(vnie::norm::repair_letters(input, out, tone_map, warnings));
      CHECK(warnings.empty());
      std::string folded_again;
      OffsetMap map_again;
      REQUIRE(vnie::norm::fold_text(input, nullptr, folded_again, map_again));
      CHECK(folded == folded_again);
      for (std::size_t p = 0; p <= folded.size(); ++p) {
        CHECK(map.map(p, Edge::start) == map_again.map(p, Edge::start));
      }
    }
  }
  CHECK(accepted > 1000);  // the generator makes plenty of clean texts too
}

TEST_CASE("normalize: a text is the concatenation of its lines") {
  // Long texts are normalized piece by piece, cut before line breaks; the
  // result must be what normalizing each line gives, offsets shifted.
  RandomText random(4242);
  const Normalizer normalizer;
  for (int iter = 0; iter < 300; ++iter) {
    std::string input;
    const int lines = 1 + static_cast<int>(random.rng()() % 40);
    for (int k = 0; k < lines; ++k) {
      if (k > 0) input += '\n';
      input += random.next(10);
      if (random.rng()() % 3 == 0) input += "Năm 2020, Vinamilk đã vượt qua các thương hiệu.";
    }
    CAPTURE(input);
    const NormalizedText whole = normalizer.normalize(input);
    std::string text, folded;
    std::size_t warnings = 0, start = 0;
    while (true) {
      const std::size_t end = std::min(input.find('\n', start + 1), input.size());
      const std::string_view line = std::string_view(input).substr(start, end - start);
      const NormalizedText part = normalizer.normalize(line);
      // Offsets of the part, shifted, are the whole's.
      for (std::size_t p = 0; p <= part.text.size(); ++p) {
        CHECK(whole.text_map.map(text.size() + p, Edge::start) ==
              start + part.text_map.map(p, Edge::start));
      }
      for (const vnie::Warning& w : part.warnings) {
        REQUIRE(warnings < whole.warnings.size());
        CHECK(whole.warnings[warnings].byte_offset == start + w.byte_offset);
        ++warnings;
      }
      text += part.text;
      folded += part.folded;
      if (end == input.size()) break;
      start = end;
    }
    CHECK(whole.text == text);
    CHECK(whole.folded == folded);
    CHECK(whole.warnings.size() == warnings);
    check_invariants(normalizer, input, whole);
  }
}

TEST_CASE("normalize: big documents") {
  const Normalizer normalizer;
  std::string doc;
  for (int k = 0; k < 3000; ++k) {
    doc += k % 97 == 0 ? "Ông Nguyễn Văn Hoà ở Thanh Hoá, tòan bộ\n"
                       : "Năm 2020, Vinamilk đã vượt qua các thương hiệu trong nước.\n";
  }
  doc += "Vie\u0323\u0302t Nam \xFF";
  const NormalizedText r = normalizer.normalize(doc);
  CHECK(r.text.find("Hòa ở Thanh Hóa, toàn bộ") != std::string::npos);
  CHECK(r.text.find("Hoà") == std::string::npos);
  // Moved tones keep lengths; NFD "ệ" loses 2 bytes; U+FFFD for 0xFF adds 2.
  CHECK(r.text.size() == doc.size());
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].byte_offset == doc.size() - 1);
  const std::size_t last = r.text.rfind("Việt");
  REQUIRE(last != std::string::npos);
  const auto [s, e] = r.to_original(View::normalized, last, last + 6);
  CHECK(doc.substr(s, e - s) == "Vie\u0323\u0302t");
}

TEST_CASE("OffsetMap: runs longer than an entry can hold") {
  OffsetMap m;
  m.append_copy(3);
  m.append_change(200000, 7);  // stored as several runs
  m.append_copy(2);
  m.append_change(0, 100000);
  m.append_copy(1);
  check_map(m, 3 + 200000 + 2 + 1, 3 + 7 + 2 + 100000 + 1);
  for (std::size_t p = 4; p < 3 + 200000; p += 997) {
    CHECK(m.map(p, Edge::start) >= 3);
    CHECK(m.map(p, Edge::end) <= 10);
  }
  CHECK(m.map(3, Edge::start) == 3);
  CHECK(m.map(3 + 200000, Edge::end) == 10);
  CHECK(m.map(3 + 200000 + 2, Edge::end) == 12);
  CHECK(m.map(3 + 200000 + 2, Edge::start) == 12 + 100000);
  const OffsetMap c = m.compose(OffsetMap::identity(m.derived_size()));
  for (std::size_t p = 0; p <= m.derived_size(); p += 1009) {
    CHECK(c.map(p, Edge::start) == m.map(p, Edge::start));
    CHECK(c.map(p, Edge::end) == m.map(p, Edge::end));
  }
}

TEST_CASE("normalize: hostile inputs") {
  const Normalizer normalizer;
  SUBCASE("a very long combining sequence") {
    std::string input = "a";
    for (int k = 0; k < 5000; ++k) input += "\u0301";
    const NormalizedText r = normalizer.normalize(input);
    CHECK(r.text.substr(0, 2) == "\u00E1");  // á, then the rest of the marks
    check_invariants(normalizer, input, r);
  }
  SUBCASE("mixed marks far beyond any real sequence") {
    std::string input = "e";
    for (int k = 0; k < 3000; ++k) input += k % 2 == 0 ? "\u0323" : "\u0302";
    const NormalizedText r = normalizer.normalize(input);
    // Past the cut that bounds ICU's work the text may not be fully NFC;
    // it must still be valid, with exact maps.
    bool valid = false;
    const std::size_t count = code_point_starts(r.text, valid).size();
    CHECK(valid);
    CHECK(count == code_point_count(r.folded));
    check_map(r.text_map, r.text.size(), input.size());
    check_map(r.folded_map, r.folded.size(), r.text.size());
  }
  SUBCASE("many invisible characters") {
    std::string input = "x";
    for (int k = 0; k < 30000; ++k) input += "\u200B";
    input += "y";
    const NormalizedText r = normalizer.normalize(input);
    CHECK(r.text == "xy");
    CHECK(r.to_original(View::normalized, 1, 2) ==
          std::make_pair(input.size() - 1, input.size()));
    check_invariants(normalizer, input, r);
  }
  SUBCASE("a long run of invalid bytes") {
    std::string input;
    for (int k = 0; k < 20000; ++k) input += static_cast<char>(0x80 + k % 64);
    const NormalizedText r = normalizer.normalize(input);
    REQUIRE(r.warnings.size() == 1);  // one run of bad bytes, one warning
    CHECK(r.warnings[0].byte_offset == 0);
    CHECK(r.warnings[0].length == 20000);
    CHECK(r.warnings[0].message.find("20000 bytes 80 81 82") != std::string::npos);
    CHECK(code_point_count(r.text) == 20000);
    CHECK(r.to_original(View::normalized, 3 * 500, 3 * 501) ==
          std::make_pair(std::size_t{500}, std::size_t{501}));
    check_invariants(normalizer, input, r);
  }
  SUBCASE("one long line without breaks") {
    std::string input;
    for (int k = 0; k < 20000; ++k) input += k % 1000 == 0 ? "hoà " : "người Việt ";
    const NormalizedText r = normalizer.normalize(input);
    CHECK(r.text.find("hoà") == std::string::npos);
    CHECK(code_point_count(r.text) == code_point_count(input));
  }
}
