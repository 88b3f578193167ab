// normalize/utf8.h — strict UTF-8 decoding and encoding for the normalizer.
//
// The decoder follows Unicode Table 3-7 (well-formed byte sequences) and, for
// ill-formed input, reports the length of the "maximal subpart" so that each
// such subpart can become exactly one U+FFFD (Unicode §3.9, "U+FFFD
// Substitution of Maximal Subparts").
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace vnie::norm {

inline constexpr char32_t kReplacementChar = 0xFFFD;

/// Decodes the code point at `p` (requires p < end). On success returns its
/// length 1..4 and sets `cp`. On an ill-formed sequence returns the negated
/// length (-1..-3) of its maximal subpart and leaves `cp` unspecified.
inline int decode_utf8(const unsigned char* p, const unsigned char* end, char32_t& cp) noexcept {
  const unsigned b0 = p[0];
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  if (b0 < 0xC2) return -1;  // continuation byte or overlong 2-byte lead
  const auto cont = [](unsigned b) { return (b & 0xC0u) == 0x80u; };
  if (b0 < 0xE0) {
    if (end - p < 2 || !cont(p[1])) return -1;
    cp = ((b0 & 0x1Fu) << 6) | (p[1] & 0x3Fu);
    return 2;
  }
  if (b0 < 0xF0) {
    const unsigned lo = b0 == 0xE0 ? 0xA0u : 0x80u;  // no overlongs
    const unsigned hi = b0 == 0xED ? 0x9Fu : 0xBFu;  // no surrogates
    if (end - p < 2 || p[1] < lo || p[1] > hi) return -1;
    if (end - p < 3 || !cont(p[2])) return -2;
    cp = ((b0 & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
    return 3;
  }
  if (b0 < 0xF5) {
    const unsigned lo = b0 == 0xF0 ? 0x90u : 0x80u;  // no overlongs
    const unsigned hi = b0 == 0xF4 ? 0x8Fu : 0xBFu;  // nothing above U+10FFFF
    if (end - p < 2 || p[1] < lo || p[1] > hi) return -1;
    if (end - p < 3 || !cont(p[2])) return -2;
    if (end - p < 4 || !cont(p[3])) return -3;
    cp = ((b0 & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
    return 4;
  }
  return -1;  // F5..FF never appear in UTF-8
}

/// Number of bytes of the UTF-8 encoding of `cp` (a scalar value).
constexpr int utf8_length(char32_t cp) noexcept {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/// Writes the UTF-8 encoding of `cp` (a scalar value) to `out`, which must
/// have room for 4 bytes; returns the number of bytes written.
inline int encode_utf8(char32_t cp, char* out) noexcept {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

/// Appends the UTF-8 encoding of `cp` to `out`.
inline void append_utf8(char32_t cp, std::string& out) {
  char buf[4];
  out.append(buf, static_cast<std::size_t>(encode_utf8(cp, buf)));
}

/// Length of the run of ASCII bytes starting at `p` (stops at `end`). Reads
/// eight bytes at a time.
inline std::size_t ascii_run(const unsigned char* p, const unsigned char* end) noexcept {
  const unsigned char* q = p;
  while (end - q >= 8) {
    std::uint64_t w;
    std::memcpy(&w, q, 8);
    if (w & 0x8080808080808080ull) break;
    q += 8;
  }
  while (q < end && *q < 0x80) ++q;
  return static_cast<std::size_t>(q - p);
}

/// The first byte of [p, end) equal to one of `needles`, or `end`. Reads
/// sixteen bytes at a time where SSE2 is there.
template <std::size_t N>
inline const unsigned char* find_byte_of(const unsigned char* p, const unsigned char* end,
                                         const unsigned char (&needles)[N]) noexcept {
#if defined(__SSE2__)
  while (end - p >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    __m128i hit = _mm_setzero_si128();
    for (const unsigned char b : needles) {
      hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(b))));
    }
    const auto mask = static_cast<unsigned>(_mm_movemask_epi8(hit));
    if (mask != 0) return p + __builtin_ctz(mask);
    p += 16;
  }
#endif
  for (; p < end; ++p) {
    for (const unsigned char b : needles) {
      if (*p == b) return p;
    }
  }
  return end;
}

}  // namespace vnie::norm
