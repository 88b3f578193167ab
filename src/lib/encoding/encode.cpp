// encode(): UTF-8 to the legacy encodings (the inverse of the decoders).
#include <cstdio>
#include <string>
#include <string_view>
#include <unordered_map>

#include "encoding/internal.h"
#include "encoding/tables.h"
#include "normalize/passes.h"
#include "normalize/utf8.h"
#include "text/unicode.h"
#include "vnie/encoding.h"

namespace vnie {
namespace enc {
namespace {

using Reverse = std::unordered_map<char32_t, std::string>;

// Every Vietnamese letter with a modifier or a tone, upper and lower case.
template <typename F>
void for_each_letter(F f) {
  constexpr char32_t kBases[] = {'a', 'e', 'i', 'o', 'u', 'y', 0x01A1, 0x01B0,
                                 'A', 'E', 'I', 'O', 'U', 'Y', 0x01A0, 0x01AF};
  for (char32_t base : kBases)
    for (int mod = 0; mod <= 2; ++mod)
      for (int tone = 0; tone <= 5; ++tone) {
        const char32_t c = compose_letter(base, mod, tone);
        if (c >= 0x80) f(c, base, mod, tone);
      }
}

void add_inverse(Reverse& r, const ByteTable& t) {
  for (unsigned b = 0; b < 256; ++b) {
    if (t[b] == kUndefined || (t[b] < 0x80 && t[b] == b)) continue;
    r.emplace(t[b], std::string(1, static_cast<char>(b)));
  }
}

const Reverse& tcvn3_reverse() {
  static const Reverse r = [] {
    Reverse x;
    add_inverse(x, tcvn3_table());
    return x;
  }();
  return r;
}

const Reverse& cp1258_reverse() {
  static const Reverse r = [] {
    Reverse x;
    add_inverse(x, cp1258_table());
    // Letters CP1258 lacks: the letter without its tone, then the tone mark.
    constexpr char32_t kTones[] = {0, 0x0300, 0x0301, 0x0309, 0x0303, 0x0323};
    for_each_letter([&](char32_t c, char32_t base, int mod, int tone) {
      if (x.count(c) != 0 || tone == 0) return;
      const char32_t plain = compose_letter(base, mod, 0);
      std::string bytes;
      if (plain < 0x80) {
        bytes = std::string(1, static_cast<char>(plain));
      } else {
        const auto it = x.find(plain);
        if (it == x.end()) return;
        bytes = it->second;
      }
      const auto mark = x.find(kTones[tone]);
      if (mark == x.end()) return;
      x.emplace(c, bytes + mark->second);
    });
    return x;
  }();
  return r;
}

const Reverse& vni_reverse() {
  static const Reverse r = [] {
    Reverse x;
    const auto& letters = vni_letters();
    const auto& marks = vni_marks();
    for (unsigned b = 0x80; b < 256; ++b)
      if (letters[b] != 0) x.emplace(letters[b], std::string(1, static_cast<char>(b)));
    for_each_letter([&](char32_t c, char32_t base, int mod, int tone) {
      if (x.count(c) != 0) return;
      std::string bytes;
      if (base < 0x80) {
        bytes = std::string(1, static_cast<char>(base));
      } else {
        const auto it = x.find(base);  // ơ ư Ơ Ư
        if (it == x.end()) return;
        bytes = it->second;
      }
      const bool upper = base == 0x01A0 || base == 0x01AF || (base < 0x80 && base < 'a');
      for (unsigned b = 0x80; b < 256; ++b) {
        const VniMark& m = marks[b];
        if (m.is_mark && m.modifier == mod && m.tone == tone && m.upper == upper) {
          x.emplace(c, bytes + static_cast<char>(b));
          return;
        }
      }
    });
    // Everything else as in Windows-1252, on the bytes VNI does not reuse.
    const ByteTable& cp1252 = cp1252_table();
    for (unsigned b = 0x80; b < 256; ++b) {
      if (cp1252[b] == kUndefined || letters[b] != 0 || marks[b].is_mark) continue;
      x.emplace(cp1252[b], std::string(1, static_cast<char>(b)));
    }
    return x;
  }();
  return r;
}

// An ASCII stand-in for a character the encoding lacks; empty if none.
std::string_view stand_in(char32_t c) {
  switch (c) {
    case 0x00A0: return " ";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB: return "\"";
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: return "'";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212: return "-";
    case 0x2026: return "...";
    default: return {};
  }
}

class Writer {
 public:
  Writer(Encoding enc, std::string* out, std::vector<Warning>* warnings)
      : enc_(enc), out_(out), warnings_(warnings) {}

  void put(char32_t c, std::size_t offset) {
    if (enc_ == Encoding::viqr) {
      viqr(c, offset);
      return;
    }
    if (c < 0x80 && !(enc_ == Encoding::tcvn3 && tcvn3_table()[c] != c)) {
      out_->push_back(static_cast<char>(c));
      return;
    }
    const Reverse& r = enc_ == Encoding::tcvn3    ? tcvn3_reverse()
                       : enc_ == Encoding::vni    ? vni_reverse()
                       : enc_ == Encoding::cp1258 ? cp1258_reverse()
                                                  : empty_;
    const auto it = r.find(c);
    if (it != r.end()) {
      out_->append(it->second);
      return;
    }
    const std::string_view s = stand_in(c);
    warn(c, offset, !s.empty());
    out_->append(s.empty() ? std::string_view("?") : s);
  }

 private:
  void warn(char32_t c, std::size_t offset, bool stood_in) {
    if (warnings_ == nullptr) return;
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
    warnings_->push_back({ErrorCode::invalid_argument,
                          std::string(buf) + " is not in " + to_string(enc_) +
                              (stood_in ? ": written as an ASCII stand-in" : ": written as '?'"),
                          offset});
  }

  // Mirrors decode_viqr(): inside a word (after a letter) a mark character,
  // a backslash, or a d that would pair with the unescaped d before it (in a
  // word without a vowel yet) is escaped with '\\'.
  void viqr_ascii(char c) {
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const bool d = c == 'd' || c == 'D';
    const bool escape = in_word_ && (kViqrMarks.find(c) != std::string_view::npos ||
                                     c == '\\' || (d && pending_d_));
    if (escape) out_->push_back('\\');
    out_->push_back(c);
    pending_d_ = d && !escape && !(in_word_ && word_voweled_);
    if (!letter) {
      in_word_ = false;
      word_voweled_ = false;
      return;
    }
    if (!in_word_) word_voweled_ = false;
    in_word_ = true;
    const char lower = static_cast<char>(c | 0x20);
    if (lower == 'a' || lower == 'e' || lower == 'i' || lower == 'o' || lower == 'u' ||
        lower == 'y')
      word_voweled_ = true;
  }

  void viqr(char32_t c, std::size_t offset) {
    if (c < 0x80) {
      viqr_ascii(static_cast<char>(c));
      return;
    }
    if (c == 0x0111 || c == 0x0110) {
      out_->append(c == 0x0111 ? "dd" : "DD");
      if (!in_word_) word_voweled_ = false;
      in_word_ = true;
      pending_d_ = false;
      return;
    }
    char32_t base = 0;
    int mod = 0, tone = 0;
    if (split_letter(c, &base, &mod, &tone)) {
      if (base == 0x01A1 || base == 0x01B0 || base == 0x01A0 || base == 0x01AF) {
        out_->push_back(base == 0x01A1 ? 'o' : base == 0x01B0 ? 'u' : base == 0x01A0 ? 'O' : 'U');
        out_->push_back('+');
      } else {
        out_->push_back(static_cast<char>(base));
        if (mod == 1) out_->push_back('(');
        if (mod == 2) out_->push_back('^');
      }
      if (tone != 0) out_->push_back("`'?~."[tone - 1]);
      in_word_ = true;
      word_voweled_ = true;
      pending_d_ = false;
      return;
    }
    const std::string_view s = stand_in(c);
    warn(c, offset, !s.empty());
    for (char x : s.empty() ? std::string_view("?") : s) viqr_ascii(x);
  }

  Encoding enc_;
  std::string* out_;
  std::vector<Warning>* warnings_;
  Reverse empty_;
  bool in_word_ = false;      // the decoder's word is not empty
  bool word_voweled_ = false; // it holds a vowel
  bool pending_d_ = false;    // the last character is a d that may pair
};

}  // namespace
}  // namespace enc

Status encode(std::string_view utf8, Encoding enc, std::string* out,
              std::vector<Warning>* warnings) {
  if (out == nullptr) return Status::error(ErrorCode::invalid_argument, "encode: null output");
  if (static_cast<int>(enc) < 0 || static_cast<int>(enc) >= static_cast<int>(Encoding::auto_detect))
    return Status::error(ErrorCode::invalid_argument,
                         "encode: give an encoding (not auto) to encode to");
  out->clear();
  if (enc == Encoding::utf8) {
    Decoded d;
    enc::decode_with(utf8, Encoding::utf8, &d);
    if (warnings != nullptr) warnings->insert(warnings->end(), d.warnings.begin(), d.warnings.end());
    *out = std::move(d.text);
    return {};
  }
  // Work on NFC (valid UTF-8: invalid sequences are U+FFFD, then '?').
  Decoded d;
  enc::decode_with(utf8, Encoding::utf8, &d);
  out->reserve(d.text.size());
  enc::Writer w(enc, out, warnings);
  const auto* const begin = reinterpret_cast<const unsigned char*>(d.text.data());
  const auto* const end = begin + d.text.size();
  const auto* p = begin;
  while (p < end) {
    char32_t cp = 0;
    const int n = norm::decode_utf8(p, end, cp);
    const auto pos = static_cast<std::size_t>(p - begin);
    if (n <= 0) {  // cannot happen: the text is valid UTF-8
      cp = norm::kReplacementChar;
      p += 1;
    } else {
      p += n;
    }
    w.put(cp, d.map.map(pos, Edge::start));
  }
  return {};
}

}  // namespace vnie
