// Helpers shared by the libFuzzer harnesses: UTF-8 checks independent of the
// library, and a loud failure that libFuzzer reports as a crash.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

namespace vnie_fuzz {

[[noreturn]] inline void fail(const char* what, std::size_t a = 0, std::size_t b = 0) {
  std::fprintf(stderr, "FUZZ CHECK FAILED: %s (%zu, %zu)\n", what, a, b);
  std::abort();
}

#define FUZZ_CHECK(cond, ...) \
  do {                        \
    if (!(cond)) ::vnie_fuzz::fail(#cond __VA_OPT__(, ) __VA_ARGS__); \
  } while (0)

/// at[p] is true where a character or one ill-formed "maximal subpart"
/// (Unicode §3.9; each becomes one U+FFFD) begins, and at input.size().
/// Every offset vnie reports must fall on one of these positions.
inline std::vector<bool> unit_boundaries(std::string_view s, bool* valid = nullptr) {
  std::vector<bool> at(s.size() + 1, false);
  bool ok = true;
  std::size_t i = 0;
  while (i < s.size()) {
    at[i] = true;
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t need = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    bool bad_lead = false;
    if (b < 0x80) {
      need = 0;
    } else if (b >= 0xC2 && b <= 0xDF) {
      need = 1;
    } else if (b == 0xE0) {
      need = 2;
      lo = 0xA0;
    } else if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) {
      need = 2;
    } else if (b == 0xED) {
      need = 2;
      hi = 0x9F;
    } else if (b == 0xF0) {
      need = 3;
      lo = 0x90;
    } else if (b >= 0xF1 && b <= 0xF3) {
      need = 3;
    } else if (b == 0xF4) {
      need = 3;
      hi = 0x8F;
    } else {
      bad_lead = true;
    }
    std::size_t len = 1;
    for (std::size_t k = 0; k < need; ++k) {
      if (i + len >= s.size()) break;
      const auto c = static_cast<unsigned char>(s[i + len]);
      if (c < (k == 0 ? lo : 0x80) || c > (k == 0 ? hi : 0xBF)) break;
      ++len;
    }
    if (bad_lead || len != need + 1) ok = false;
    i += len;
  }
  at[s.size()] = true;
  if (valid) *valid = ok;
  return at;
}

inline bool valid_utf8(std::string_view s) {
  bool ok = false;
  unit_boundaries(s, &ok);
  return ok;
}

/// Code point start positions of valid UTF-8 `s`.
inline std::vector<std::size_t> code_point_starts(std::string_view s) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) out.push_back(i);
  }
  return out;
}

}  // namespace vnie_fuzz
