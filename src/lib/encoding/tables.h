// encoding/tables.h — the byte tables of the legacy encodings.
#pragma once

#include <array>
#include <cstdint>

namespace vnie::enc {

/// Code point of each byte; kUndefined for a byte the encoding leaves unassigned.
using ByteTable = std::array<char32_t, 256>;
inline constexpr char32_t kUndefined = 0xFFFFFFFF;

/// TCVN 5712:1993 (TCVN3/"ABC"): the VN3 letters at 0xA1..0xFE, and the VN1
/// capitals that VN3 lacks at the positions VN1 gives them.
const ByteTable& tcvn3_table() noexcept;

/// Windows-1258 as ICU's converter decodes it, byte by byte (built on first
/// use). Bytes ICU does not map, or maps to C1 controls, are kUndefined.
const ByteTable& cp1258_table() noexcept;

/// Windows-1252 as ICU's converter decodes it (the VNI-Windows fonts keep its
/// punctuation and the Latin-1 letters VNI does not reuse).
const ByteTable& cp1252_table() noexcept;

/// VNI-Windows mark bytes: the modifier and tone a byte adds to the letter
/// before it. modifier: 0 none, 1 breve (ă), 2 circumflex (â ê ô).
/// tone: 0 none, 1 grave, 2 acute, 3 hook, 4 tilde, 5 dot below.
struct VniMark {
  std::uint8_t modifier = 0, tone = 0;
  bool upper = false;  ///< the capital form of the mark (after capitals)
  bool is_mark = false;
};
const std::array<VniMark, 256>& vni_marks() noexcept;

/// VNI-Windows single-byte letters (í ì ỉ ĩ ị ỵ đ ơ ư and capitals); 0 if none.
const std::array<char32_t, 256>& vni_letters() noexcept;

/// The precomposed letter for a base (a e i o u y ơ ư or capital), a modifier
/// and a tone as above; 0 when that combination is not a Vietnamese letter.
char32_t compose_letter(char32_t base, int modifier, int tone) noexcept;

/// The inverse of compose_letter for the 134 precomposed letters and the
/// plain vowels: base (a e i o u y ơ ư, capital when the letter is), modifier
/// and tone. False for anything else (đ included).
bool split_letter(char32_t letter, char32_t* base, int* modifier, int* tone) noexcept;

}  // namespace vnie::enc
