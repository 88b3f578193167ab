// The syllable validator (encoding/syllable.h).
#include "encoding/syllable.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>

namespace vnie::enc {
namespace {

// One letter reduced to its skeleton: a Vietnamese base letter as one ASCII
// char (a-z; 'A' ă, 'B' â, 'E' ê, 'O' ô, 'P' ơ, 'U' ư, 'D' đ) and its tone
// (0 none, 1 grave, 2 acute, 3 hook, 4 tilde, 5 dot below).
struct Letter {
  char skeleton = 0;  // 0: not a Vietnamese letter
  std::uint8_t tone = 0;
};

class LetterTable {
 public:
  static const LetterTable& get() {
    static const LetterTable table;
    return table;
  }
  Letter find(char32_t c) const {
    if (c < 0x80) return ascii_[c];
    const auto it = other_.find(c);
    return it == other_.end() ? Letter{} : it->second;
  }

 private:
  LetterTable() {
    for (char c = 'a'; c <= 'z'; ++c) {
      if (c == 'f' || c == 'j' || c == 'w' || c == 'z') continue;
      ascii_[static_cast<unsigned char>(c)] = {c, 0};
      ascii_[static_cast<unsigned char>(c - 'a' + 'A')] = {c, 0};
    }
    other_[0x0111] = {'D', 0};  // đ
    other_[0x0110] = {'D', 0};  // Đ
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status) || nfd == nullptr) return;
    const auto add_range = [&](char32_t from, char32_t to) {
      for (char32_t c = from; c <= to; ++c) {
        icu::UnicodeString d;
        if (!nfd->getDecomposition(static_cast<UChar32>(c), d)) continue;
        d.toLower();
        if (d.length() < 2 || d.length() > 3) continue;
        const char16_t base = d.charAt(0);
        if (base >= 0x80 || ascii_[base].skeleton == 0) continue;
        char sk = ascii_[base].skeleton;
        std::uint8_t tone = 0;
        bool ok = true;
        for (int k = 1; k < d.length() && ok; ++k) {
          switch (d.charAt(k)) {
            case 0x0306: sk = sk == 'a' ? 'A' : '\0'; break;
            case 0x0302: sk = sk == 'a' ? 'B' : sk == 'e' ? 'E' : sk == 'o' ? 'O' : '\0'; break;
            case 0x031B: sk = sk == 'o' ? 'P' : sk == 'u' ? 'U' : '\0'; break;
            case 0x0300: tone = tone ? 9 : 1; break;
            case 0x0301: tone = tone ? 9 : 2; break;
            case 0x0309: tone = tone ? 9 : 3; break;
            case 0x0303: tone = tone ? 9 : 4; break;
            case 0x0323: tone = tone ? 9 : 5; break;
            default: ok = false;
          }
          if (sk == '\0' || tone == 9) ok = false;
        }
        if (ok) other_[c] = {sk, tone};
      }
    };
    add_range(0x00C0, 0x01B0);
    add_range(0x1EA0, 0x1EF9);
  }

  std::array<Letter, 128> ascii_{};
  std::unordered_map<char32_t, Letter> other_;
};

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Onsets, longest first ('D' is đ).
constexpr std::string_view kOnsets[] = {"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu",
                                        "th",  "tr", "b",  "c",  "d",  "D",  "g",  "h",  "k",
                                        "l",   "m",  "n",  "p",  "r",  "s",  "t",  "v",  "x"};

// Vowel nuclei. kind: 0 = free (open or closed), 1 = needs a final,
// 2 = open only (ends in a glide, or ia/ua/ưa).
struct Nucleus {
  std::string_view v;
  int kind;
};
constexpr Nucleus kNuclei[] = {
    // three vowels
    {"oai", 2}, {"oao", 2}, {"oay", 2}, {"oeo", 2}, {"uBy", 2}, {"uOi", 2}, {"uya", 2},
    {"uyE", 1}, {"uyu", 2}, {"UPi", 2}, {"UPu", 2}, {"iEu", 2}, {"yEu", 2},
    // two vowels
    {"ai", 2}, {"ao", 2}, {"au", 2}, {"ay", 2}, {"Bu", 2}, {"By", 2}, {"eo", 2}, {"Eu", 2},
    {"ia", 2}, {"iE", 1}, {"iu", 2}, {"oa", 0}, {"oA", 1}, {"oe", 0}, {"oi", 2}, {"Oi", 2},
    {"Pi", 2}, {"oo", 1}, {"ua", 2}, {"uB", 1}, {"uE", 0}, {"ui", 2}, {"uO", 1}, {"uP", 0},
    {"uy", 0}, {"Ua", 2}, {"Ui", 2}, {"UP", 1}, {"Uu", 2}, {"yE", 1},
    // one vowel
    {"a", 0}, {"A", 1}, {"B", 1}, {"e", 0}, {"E", 0}, {"i", 0}, {"o", 0}, {"O", 0},
    {"P", 0}, {"u", 0}, {"U", 0}, {"y", 0}};

bool is_vowel(char c) {
  return c == 'a' || c == 'A' || c == 'B' || c == 'e' || c == 'E' || c == 'i' || c == 'o' ||
         c == 'O' || c == 'P' || c == 'u' || c == 'U' || c == 'y';
}

bool front(char c) { return c == 'e' || c == 'E' || c == 'i' || c == 'y'; }

// Checks skeleton `s` with tone `tone` on letter `tone_at` from onset length
// `on`.
bool check_rest(std::string_view s, std::size_t on, int tone, std::size_t tone_at) {
  const std::string_view onset = s.substr(0, on);
  const std::string_view rest = s.substr(on);
  for (const Nucleus& n : kNuclei) {
    if (!starts_with(rest, n.v)) continue;
    const std::string_view coda = rest.substr(n.v.size());
    if (!(coda.empty() || coda == "c" || coda == "ch" || coda == "m" || coda == "n" ||
          coda == "ng" || coda == "nh" || coda == "p" || coda == "t"))
      continue;  // a shorter nucleus may leave a valid final
    if (n.kind == 1 && coda.empty()) return false;
    if (n.kind == 2 && !coda.empty()) return false;
    const bool stop = coda == "c" || coda == "ch" || coda == "p" || coda == "t";
    if (stop && tone != 2 && tone != 5) return false;
    if (coda == "ch" || coda == "nh") {
      const char last = n.v.back();
      if (last != 'a' && last != 'E' && last != 'i' && last != 'y') return false;
    }
    // Spelling: k, gh, ngh only before e ê i y; c, g, ng never before them.
    const char first = n.v.front();
    if ((onset == "k" || onset == "gh" || onset == "ngh") && !front(first)) return false;
    if ((onset == "c" || onset == "ng") && front(first)) return false;
    // A tone on the final glide of an open syllable is not Vietnamese.
    if (tone != 0 && coda.empty() && n.v.size() >= 2 && n.v != "uy" && n.v != "oo") {
      const char last = n.v.back();
      if ((last == 'i' || last == 'y' || last == 'u' || last == 'o') &&
          tone_at == on + n.v.size() - 1)
        return false;
    }
    return true;
  }
  return false;
}

}  // namespace

bool is_vietnamese_syllable(std::u32string_view word) noexcept {
  if (word.empty() || word.size() > 8) return false;
  const LetterTable& table = LetterTable::get();
  char buf[8];
  int tone = 0;
  std::size_t tone_at = 0;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const Letter l = table.find(word[i]);
    if (l.skeleton == 0) return false;
    buf[i] = l.skeleton;
    if (l.tone != 0) {
      if (tone != 0) return false;
      tone = l.tone;
      tone_at = i;
    }
  }
  const std::string_view s(buf, word.size());
  std::size_t on = 0;
  for (std::string_view o : kOnsets) {
    if (starts_with(s, o)) {
      on = o.size();
      break;
    }
  }
  if (on == s.size() && s != "gi") return false;  // no vowel
  if (tone != 0 && tone_at < on && !(s.substr(0, 2) == "gi" || s.substr(0, 2) == "qu"))
    return false;
  if (on == 2 && (starts_with(s, "gi") || starts_with(s, "qu"))) {
    // gi + vowel, or g + i… (gì, gìn); qu always.
    if (starts_with(s, "gi") && (s.size() == 2 || !is_vowel(s[2])))
      return check_rest(s, 1, tone, tone_at);
    // A tone written on the glide of gi/qu (qủa) is accepted as a misplacement.
    if (tone_at < 2) tone_at = 2;
  }
  return check_rest(s, on, tone, tone_at);
}

}  // namespace vnie::enc
