// decode() and auto-detection: score each candidate decoding by the share of
// its words that are valid Vietnamese syllables (docs/encodings.md).
#include <unicode/uchar.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>

#include "encoding/internal.h"
#include "encoding/syllable.h"
#include "encoding/tables.h"
#include "normalize/utf8.h"
#include "text/unicode.h"
#include "vnie/encoding.h"

namespace vnie {
namespace enc {
namespace {

// Scoring reads at most this much of the input (cut at a blank).
constexpr std::size_t kSampleBytes = std::size_t{1} << 20;
// Below this score, or this close to the runner-up, the choice is unsure.
constexpr double kLowScore = 0.6;
constexpr double kCloseScores = 0.1;
// Fewer scored words than this decide nothing.
constexpr std::size_t kMinWords = 3;

bool is_letter(char32_t c) {
  return u_isalpha(static_cast<UChar32>(c)) ||
         u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK;
}

std::string_view sample(std::string_view bytes) {
  if (bytes.size() <= kSampleBytes) return bytes;
  std::size_t cut = kSampleBytes;
  while (cut > kSampleBytes / 2 && bytes[cut] != ' ' && bytes[cut] != '\n') --cut;
  return bytes.substr(0, cut);
}

std::string fmt_score(double s) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", s);
  return buf;
}

bool has_vietnamese_letter(std::string_view utf8) {
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  const auto* const end = p + utf8.size();
  while (p < end) {
    if (*p < 0x80) {
      ++p;
      continue;
    }
    char32_t cp = 0;
    const int n = norm::decode_utf8(p, end, cp);
    if (n <= 0) return false;
    char32_t base = 0;
    int modifier = 0, tone = 0;
    if (cp == 0x0111 || cp == 0x0110 || cp == 0x0300 || cp == 0x0301 || cp == 0x0303 ||
        cp == 0x0309 || cp == 0x0323 || split_letter(cp, &base, &modifier, &tone))
      return true;
    p += n;
  }
  return false;
}

}  // namespace

WordCounts count_words(std::string_view text) {
  WordCounts wc;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* const end = p + text.size();
  std::u32string word;
  bool non_ascii = false;
  bool prev_letter = false;
  bool pending_symbol = false;  // a non-ASCII non-letter right after a letter
  const auto flush = [&] {
    if (word.empty()) return;
    ++wc.words;
    if (non_ascii) {
      ++wc.scored;
      if (is_vietnamese_syllable(word)) ++wc.valid;
      for (char32_t c : word) {
        char32_t base = 0;
        int modifier = 0, tone = 0;
        if (c == 0x0111 || c == 0x0110 ||
            (split_letter(c, &base, &modifier, &tone) &&
             (modifier != 0 || base == 0x01A1 || base == 0x01B0 || base == 0x01A0 ||
              base == 0x01AF))) {
          ++wc.modified;
          break;
        }
      }
    }
    word.clear();
    non_ascii = false;
  };
  while (p < end) {
    char32_t cp = 0;
    const int n = norm::decode_utf8(p, end, cp);
    if (n <= 0) {
      cp = norm::kReplacementChar;
      p += -n;
    } else {
      p += n;
    }
    const bool letter = cp < 0x80 ? ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') : is_letter(cp);
    if (letter) {
      if (pending_symbol) ++wc.damaged;  // letter, symbol, letter: c¸c
      pending_symbol = false;
      word.push_back(cp);
      if (cp >= 0x80) non_ascii = true;
    } else {
      flush();
      if (cp == norm::kReplacementChar) ++wc.damaged;
      pending_symbol = cp >= 0x80 && prev_letter && cp != 0x00A0 && cp != norm::kReplacementChar;
    }
    prev_letter = letter;
  }
  flush();
  return wc;
}

namespace {

EncodingScore score_candidate(std::string_view bytes, Encoding enc) {
  Decoded d;
  decode_with(bytes, enc, &d);
  const WordCounts wc = count_words(d.text);
  return {enc, wc.score(), wc.scored};
}

void detect(std::string_view bytes, Decoded* out) {
  const std::string_view s = sample(bytes);
  std::vector<EncodingScore>& cand = out->candidates;
  Encoding chosen = Encoding::utf8;
  double score = 1;
  bool unsure = false;
  std::string why;
  if (detail::valid_utf8(bytes)) {
    if (has_vietnamese_letter(s)) {
      chosen = Encoding::utf8;
    } else {
      // ASCII (or UTF-8 without Vietnamese letters): VIQR, or plain text.
      Decoded v;
      decode_with(s, Encoding::viqr, &v);
      const WordCounts wc = count_words(v.text);
      cand.push_back({Encoding::viqr, wc.score(), wc.scored});
      cand.push_back({Encoding::utf8, 0, 0});  // the fallback: 1 when chosen
      // VIQR when marks made enough words, some with VIQR's letters
      // (a( a^ e^ o^ o+ u+ dd: tone marks alone are also what "me." and
      // "I'm" give in English), and those are Vietnamese.
      const bool marked = wc.scored >= kMinWords && wc.scored * 20 >= wc.words;
      if (marked && wc.modified >= 2 && wc.modified * 5 >= wc.scored) {
        chosen = Encoding::viqr;
        score = wc.score();
        if (score < 0.8) {
          unsure = true;
          why = "VIQR marks make " + std::to_string(wc.scored) + " words, but only " +
                fmt_score(score) + " of them are Vietnamese syllables";
        }
      } else {
        std::swap(cand[0], cand[1]);
        cand[0].score = 1;
        if (marked) {
          unsure = true;
          why = "tone marks after " + std::to_string(wc.scored) +
                " words look like VIQR, but VIQR letters (a^ o+ dd…) are missing";
        }
      }
    }
  } else {
    for (Encoding e : {Encoding::tcvn3, Encoding::vni, Encoding::cp1258, Encoding::utf8})
      cand.push_back(score_candidate(s, e));
    std::stable_sort(cand.begin(), cand.end(), [](const EncodingScore& a, const EncodingScore& b) {
      return a.score > b.score;
    });
    chosen = cand[0].encoding;
    score = cand[0].score;
    if (cand[0].words < kMinWords) {
      unsure = true;
      why = "too few words to decide";
    } else if (score < kLowScore) {
      unsure = true;
      why = "the best candidate scores low";
    } else if (score - cand[1].score < kCloseScores) {
      unsure = true;
      why = std::string("the runner-up ") + to_string(cand[1].encoding) + " scores close (" +
            fmt_score(cand[1].score) + ")";
    }
  }
  decode_with(bytes, chosen, out);
  out->score = score;
  out->unsure = unsure;
  if (unsure) {
    out->warnings.push_back(Warning{ErrorCode::invalid_argument,
                                 std::string("encoding detection unsure: chose ") +
                                     to_string(chosen) + " (score " + fmt_score(score) + "); " +
                                     why + "; pass the encoding explicitly",
                                 0});
    // First: its offset is 0.
    std::rotate(out->warnings.begin(), out->warnings.end() - 1, out->warnings.end());
  }
}

}  // namespace
}  // namespace enc

Status decode(std::string_view bytes, Encoding enc, Decoded* out) {
  if (out == nullptr) return Status::error(ErrorCode::invalid_argument, "decode: null output");
  if (static_cast<int>(enc) < 0 || static_cast<int>(enc) > static_cast<int>(Encoding::auto_detect))
    return Status::error(ErrorCode::invalid_argument, "decode: unknown encoding");
  if (bytes.size() >= (std::size_t{1} << 48))
    return Status::error(ErrorCode::input_too_large, "decode: input of 2^48 bytes or more");
  *out = Decoded{};
  if (enc == Encoding::auto_detect)
    enc::detect(bytes, out);
  else
    enc::decode_with(bytes, enc, out);
  return {};
}

}  // namespace vnie
