// The byte tables of the legacy encodings (encoding/tables.h).
//
// Sources:
//  * TCVN3 / TCVN 5712:1993: the code chart of the standard as published in
//    libiconv / glibc ("TCVN" = TCVN5712-1, lib/tcvn.h, from the X11
//    lcUniConv copy, xc/lib/X11/lcUniConv/tcvn.h), cross-checked for the VN3
//    ("ABC", .VnTime fonts) letters against the TCVN3 column of
//    duydev/vietnamese-conversion (src/charsets.ts) and TCVN3_TABLE of
//    khiemdoan/VBKey (Modules/mdlCodeTable.bas). VN3 defines 0xA1..0xFE;
//    VN1 adds the capitals with tones in 0x01..0x17, 0x80..0x9F and the VN3
//    gaps (0xAF, 0xBA, 0xBF..0xC5, 0xCD, 0xD9..0xDB, 0xE0, 0xF0, 0xFF) and
//    the combining tone marks at 0xB0..0xB4; both are decoded here.
//  * VNI-Windows: the VNI column of duydev/vietnamese-conversion
//    (src/charsets.ts), cross-checked entry by entry against
//    VNI_WINDOWS_TABLE of khiemdoan/VBKey (Modules/mdlCodeTable.bas, stored
//    there in Mac Roman): a base letter followed by a mark byte (lower-case
//    marks after lower-case letters, their capital forms after capitals);
//    í ì ỉ ĩ ị ỵ đ ơ ư are single bytes. All other bytes are Windows-1252, as
//    in the VNI fonts.
//  * Windows-1258 and Windows-1252: ICU's converters, queried byte by byte.
#include "encoding/tables.h"

#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/unistr.h>

#include <map>
#include <tuple>

namespace vnie::enc {
namespace {

ByteTable icu_table(const char* name) {
  ByteTable t;
  t.fill(kUndefined);
  for (unsigned b = 0; b < 0x80; ++b) t[b] = b;
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(name, &status);
  if (U_FAILURE(status) || conv == nullptr) return t;  // ASCII only: decode warns
  ucnv_setToUCallBack(conv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  for (unsigned b = 0x80; b < 0x100; ++b) {
    status = U_ZERO_ERROR;
    const char in = static_cast<char>(b);
    UChar out[4];
    const int32_t n = ucnv_toUChars(conv, out, 4, &in, 1, &status);
    ucnv_reset(conv);
    if (U_FAILURE(status) || n != 1) continue;
    if (out[0] >= 0x80 && out[0] <= 0x9F) continue;  // a C1 control: not defined
    t[b] = out[0];
  }
  ucnv_close(conv);
  return t;
}

constexpr char32_t kTcvnLow[32] = {
    // 0x00..0x1F: VN1 capitals in the C0 positions that are not used as controls.
    0x0000, 0x00DA, 0x1EE4, 0x0003, 0x1EEA, 0x1EEC, 0x1EEE, 0x0007,
    0x0008, 0x0009, 0x000A, 0x000B, 0x000C, 0x000D, 0x000E, 0x000F,
    0x0010, 0x1EE8, 0x1EF0, 0x1EF2, 0x1EF6, 0x1EF8, 0x00DD, 0x1EF4,
    0x0018, 0x0019, 0x001A, 0x001B, 0x001C, 0x001D, 0x001E, 0x001F,
};
constexpr char32_t kTcvnHigh[128] = {
    // 0x80
    0x00C0, 0x1EA2, 0x00C3, 0x00C1, 0x1EA0, 0x1EB6, 0x1EAC, 0x00C8,
    0x1EBA, 0x1EBC, 0x00C9, 0x1EB8, 0x1EC6, 0x00CC, 0x1EC8, 0x0128,
    // 0x90
    0x00CD, 0x1ECA, 0x00D2, 0x1ECE, 0x00D5, 0x00D3, 0x1ECC, 0x1ED8,
    0x1EDC, 0x1EDE, 0x1EE0, 0x1EDA, 0x1EE2, 0x00D9, 0x1EE6, 0x0168,
    // 0xA0: NBSP, Ă Â Ê Ô Ơ Ư Đ ă â ê ô ơ ư đ, Ằ
    0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110,
    0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0,
    // 0xB0: combining ` ? ~ ' . then à ả ã á ạ Ẳ ằ ẳ ẵ ắ Ẵ
    0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3,
    0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4,
    // 0xC0
    0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7,
    0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD,
    // 0xD0
    0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC,
    0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2,
    // 0xE0
    0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7,
    0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9,
    // 0xF0
    0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF,
    0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0,
};

using Key = std::tuple<char32_t, int, int>;

struct LetterMaps {
  std::map<Key, char32_t> compose;
  std::map<char32_t, Key> split;
};

const LetterMaps& letter_maps() {
  static const LetterMaps maps = [] {
    LetterMaps m;
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status) || nfc == nullptr) return m;
    constexpr char32_t kBases[] = {'a', 'e', 'i', 'o', 'u', 'y', 0x01A1, 0x01B0,
                                   'A', 'E', 'I', 'O', 'U', 'Y', 0x01A0, 0x01AF};
    constexpr UChar kTones[] = {0, 0x0300, 0x0301, 0x0309, 0x0303, 0x0323};
    for (char32_t base : kBases) {
      for (int mod = 0; mod <= 2; ++mod) {
        const char32_t lower = base | 0x20;
        if (mod == 1 && lower != 'a') continue;
        if (mod == 2 && lower != 'a' && lower != 'e' && lower != 'o') continue;
        for (int tone = 0; tone <= 5; ++tone) {
          icu::UnicodeString s(static_cast<UChar32>(base));
          if (mod == 1) s.append(static_cast<UChar>(0x0306));
          if (mod == 2) s.append(static_cast<UChar>(0x0302));
          if (tone != 0) s.append(kTones[tone]);
          status = U_ZERO_ERROR;
          const icu::UnicodeString c = nfc->normalize(s, status);
          if (U_FAILURE(status) || c.countChar32() != 1) continue;
          const auto cp = static_cast<char32_t>(c.char32At(0));
          m.compose[{base, mod, tone}] = cp;
          m.split[cp] = {base, mod, tone};
        }
      }
    }
    return m;
  }();
  return maps;
}

}  // namespace

const ByteTable& tcvn3_table() noexcept {
  static const ByteTable t = [] {
    ByteTable x;
    for (unsigned b = 0; b < 0x20; ++b) x[b] = kTcvnLow[b];
    for (unsigned b = 0x20; b < 0x80; ++b) x[b] = b;
    for (unsigned b = 0x80; b < 0x100; ++b) x[b] = kTcvnHigh[b - 0x80];
    return x;
  }();
  return t;
}

const ByteTable& cp1258_table() noexcept {
  static const ByteTable t = icu_table("windows-1258");
  return t;
}

const ByteTable& cp1252_table() noexcept {
  static const ByteTable t = icu_table("windows-1252");
  return t;
}

const std::array<VniMark, 256>& vni_marks() noexcept {
  static const std::array<VniMark, 256> t = [] {
    std::array<VniMark, 256> m{};
    struct Row {
      unsigned char lower;
      std::uint8_t modifier, tone;
    };
    // Lower-case mark bytes; the capital form is 0x20 below.
    constexpr Row kRows[] = {
        {0xF8, 0, 1}, {0xF9, 0, 2}, {0xFB, 0, 3}, {0xF5, 0, 4}, {0xEF, 0, 5},  // ` ' ? ~ .
        {0xE2, 2, 0}, {0xE0, 2, 1}, {0xE1, 2, 2}, {0xE5, 2, 3}, {0xE3, 2, 4}, {0xE4, 2, 5},
        {0xEA, 1, 0}, {0xE8, 1, 1}, {0xE9, 1, 2}, {0xFA, 1, 3}, {0xFC, 1, 4}, {0xEB, 1, 5},
    };
    for (const Row& r : kRows) {
      m[r.lower] = {r.modifier, r.tone, false, true};
      m[r.lower - 0x20u] = {r.modifier, r.tone, true, true};
    }
    return m;
  }();
  return t;
}

const std::array<char32_t, 256>& vni_letters() noexcept {
  static const std::array<char32_t, 256> t = [] {
    std::array<char32_t, 256> x{};
    x[0xED] = 0x00ED;  // í
    x[0xEC] = 0x00EC;  // ì
    x[0xE6] = 0x1EC9;  // ỉ
    x[0xF3] = 0x0129;  // ĩ
    x[0xF2] = 0x1ECB;  // ị
    x[0xEE] = 0x1EF5;  // ỵ
    x[0xF1] = 0x0111;  // đ
    x[0xF4] = 0x01A1;  // ơ
    x[0xF6] = 0x01B0;  // ư
    x[0xCD] = 0x00CD;  // Í
    x[0xCC] = 0x00CC;  // Ì
    x[0xC6] = 0x1EC8;  // Ỉ
    x[0xD3] = 0x0128;  // Ĩ
    x[0xD2] = 0x1ECA;  // Ị
    x[0xCE] = 0x1EF4;  // Ỵ
    x[0xD1] = 0x0110;  // Đ
    x[0xD4] = 0x01A0;  // Ơ
    x[0xD6] = 0x01AF;  // Ư
    return x;
  }();
  return t;
}

char32_t compose_letter(char32_t base, int modifier, int tone) noexcept {
  const auto& m = letter_maps().compose;
  const auto it = m.find({base, modifier, tone});
  return it == m.end() ? 0 : it->second;
}

bool split_letter(char32_t letter, char32_t* base, int* modifier, int* tone) noexcept {
  const auto& m = letter_maps().split;
  const auto it = m.find(letter);
  if (it == m.end()) return false;
  std::tie(*base, *modifier, *tone) = it->second;
  return true;
}

}  // namespace vnie::enc
