// scan_input and clean_text.
#include <string>

#include "normalize/chars.h"
#include "normalize/passes.h"
#include "normalize/utf8.h"
#include "normalize/warnings.h"

namespace vnie::norm {
namespace {

std::string invalid_message(const unsigned char* bytes, int len) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string msg = "invalid UTF-8 sequence";
  for (int k = 0; k < len; ++k) {
    msg += ' ';
    msg += kHex[bytes[k] >> 4];
    msg += kHex[bytes[k] & 0xF];
  }
  msg += " replaced by U+FFFD";
  return msg;
}

}  // namespace

InputScan scan_input(std::string_view in) noexcept {
  const CharTables& tables = CharTables::get();
  const auto* const data = reinterpret_cast<const unsigned char*>(in.data());
  const unsigned char* const end = data + in.size();
  InputScan scan;
  const unsigned char* p = data;
  while (p < end) {
    p += ascii_run(p, end);
    if (p == end) break;
    char32_t c;
    const int len = decode_utf8(p, end, c);
    if (len < 0) {
      scan.cleanup_from = static_cast<std::size_t>(p - data);
      return scan;
    }
    switch (tables.char_class(c)) {
      case CharClass::plain:
        break;
      case CharClass::nfc:
        scan.needs_nfc = true;
        break;
      case CharClass::drop:
      case CharClass::space:
      case CharClass::replace:
        scan.cleanup_from = static_cast<std::size_t>(p - data);
        return scan;
    }
    p += len;
  }
  return scan;
}

void clean_text(std::string_view in, std::size_t from, std::string& out, OffsetMap& map,
                std::vector<Warning>& warnings) {
  const CharTables& tables = CharTables::get();
  const auto* const data = reinterpret_cast<const unsigned char*>(in.data());
  const unsigned char* const end = data + in.size();
  out.reserve(in.size() + 8);
  std::size_t flushed = 0;  // `in` is copied to `out` up to here
  // Replaces in[i, i + len) by `replacement` (may be empty).
  const auto change = [&](std::size_t i, std::size_t len, std::string_view replacement) {
    out.append(in, flushed, i - flushed);
    map.append_copy(i - flushed);
    out.append(replacement);
    map.append_change(replacement.size(), len);
    flushed = i + len;
  };
  std::size_t i = from;
  while (i < in.size()) {
    i += ascii_run(data + i, end);
    if (i == in.size()) break;
    char32_t c;
    const int len = decode_utf8(data + i, end, c);
    if (len < 0) {
      detail::add_undecodable(warnings, in, i, static_cast<std::size_t>(-len),
                              invalid_message(data + i, -len), "invalid UTF-8");
      change(i, static_cast<std::size_t>(-len), "\xEF\xBF\xBD");
      i += static_cast<std::size_t>(-len);
      continue;
    }
    const auto ulen = static_cast<std::size_t>(len);
    switch (tables.char_class(c)) {
      case CharClass::plain:
      case CharClass::nfc:
        break;
      case CharClass::drop:
        change(i, ulen, {});
        break;
      case CharClass::space:
        change(i, ulen, " ");
        break;
      case CharClass::replace: {
        char buf[4];
        const int n = encode_utf8(legacy_replacement(c), buf);
        change(i, ulen, std::string_view(buf, static_cast<std::size_t>(n)));
        break;
      }
    }
    i += ulen;
  }
  out.append(in, flushed, in.size() - flushed);
  map.append_copy(in.size() - flushed);
}

}  // namespace vnie::norm
