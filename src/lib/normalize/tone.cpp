#include "normalize/tone.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "normalize/utf8.h"

namespace vnie::norm {
namespace {

// ------------------------------------------------------------ syllable data

/// Whether a nucleus takes a final consonant.
enum class FinalRule : std::uint8_t { none, optional, required };

struct NucleusSpec {
  std::u32string_view vowels;  // lower case, no tone
  FinalRule final_rule;
  bool style_pair;  // oa, oe, uy: placement in open syllables depends on ToneStyle
};

// The Vietnamese vowel clusters, glides included.
constexpr NucleusSpec kNuclei[] = {
    {U"a", FinalRule::optional, false},   {U"ă", FinalRule::required, false},
    {U"â", FinalRule::required, false},   {U"e", FinalRule::optional, false},
    {U"ê", FinalRule::optional, false},   {U"i", FinalRule::optional, false},
    {U"o", FinalRule::optional, false},   {U"ô", FinalRule::optional, false},
    {U"ơ", FinalRule::optional, false},   {U"u", FinalRule::optional, false},
    {U"ư", FinalRule::optional, false},   {U"y", FinalRule::optional, false},
    {U"ai", FinalRule::none, false},      {U"ao", FinalRule::none, false},
    {U"au", FinalRule::none, false},      {U"ay", FinalRule::none, false},
    {U"âu", FinalRule::none, false},      {U"ây", FinalRule::none, false},
    {U"eo", FinalRule::none, false},      {U"êu", FinalRule::none, false},
    {U"ia", FinalRule::none, false},      {U"iê", FinalRule::required, false},
    {U"iu", FinalRule::none, false},      {U"oa", FinalRule::optional, true},
    {U"oă", FinalRule::required, false},  {U"oe", FinalRule::optional, true},
    {U"oi", FinalRule::none, false},      {U"oo", FinalRule::required, false},
    {U"ôi", FinalRule::none, false},      {U"ơi", FinalRule::none, false},
    {U"ua", FinalRule::none, false},      {U"uâ", FinalRule::required, false},
    {U"uê", FinalRule::optional, false},  {U"ui", FinalRule::none, false},
    {U"uô", FinalRule::required, false},  {U"uơ", FinalRule::none, false},
    {U"uy", FinalRule::optional, true},   {U"ưa", FinalRule::none, false},
    {U"ưi", FinalRule::none, false},      {U"ươ", FinalRule::required, false},
    {U"ưu", FinalRule::none, false},      {U"yê", FinalRule::required, false},
    {U"iêu", FinalRule::none, false},     {U"yêu", FinalRule::none, false},
    {U"oai", FinalRule::none, false},     {U"oay", FinalRule::none, false},
    {U"oao", FinalRule::none, false},     {U"oeo", FinalRule::none, false},
    {U"uây", FinalRule::none, false},     {U"uôi", FinalRule::none, false},
    {U"ươi", FinalRule::none, false},     {U"ươu", FinalRule::none, false},
    {U"uya", FinalRule::none, false},     {U"uyu", FinalRule::none, false},
    {U"uyê", FinalRule::required, false},
};

// Initial consonants ("qu" and "gi" take their vowel letter along).
constexpr std::u32string_view kOnsets[] = {
    U"b",  U"c",  U"ch", U"d",  U"đ",  U"g",   U"gh", U"gi", U"h",
    U"k",  U"kh", U"l",  U"m",  U"n",  U"ng",  U"ngh", U"nh", U"p",
    U"ph", U"qu", U"r",  U"s",  U"t",  U"th",  U"tr", U"v",  U"x"};

// Final consonants.
constexpr std::u32string_view kFinals[] = {U"c", U"ch", U"m", U"n", U"ng", U"nh", U"p", U"t"};

// Consonant clusters are compared as packed keys: 10 bits a letter (đ is
// U+0111), at most 3 letters.
constexpr std::uint32_t pack(const char32_t* s, std::size_t len) {
  std::uint32_t key = 0;
  for (std::size_t k = 0; k < len; ++k) key = (key << 10) | static_cast<std::uint32_t>(s[k]);
  return key;
}

template <std::size_t N>
constexpr std::array<std::uint32_t, N> sorted_keys(const std::u32string_view (&set)[N]) {
  std::array<std::uint32_t, N> keys{};
  for (std::size_t k = 0; k < N; ++k) keys[k] = pack(set[k].data(), set[k].size());
  std::sort(keys.begin(), keys.end());
  return keys;
}

constexpr auto kOnsetKeys = sorted_keys(kOnsets);
constexpr auto kFinalKeys = sorted_keys(kFinals);

template <std::size_t N>
bool in_set(const std::array<std::uint32_t, N>& keys, const char32_t* s, int len) {
  return std::binary_search(keys.begin(), keys.end(), pack(s, static_cast<std::size_t>(len)));
}

// Nucleus lookup: vowels (index + 1, base 13) → spec.
constexpr int kKeyBase = kVowelCount + 1;
constexpr int kKeyCount = kKeyBase * kKeyBase * kKeyBase;

struct NucleusInfo {
  bool valid = false;
  FinalRule final_rule = FinalRule::none;
  bool style_pair = false;
};

constexpr int vowel_index(char32_t c) {
  for (int v = 0; v < kVowelCount; ++v) {
    if (kVowelForms[0][v][0] == c) return v;
  }
  return -1;
}

constexpr std::array<NucleusInfo, kKeyCount> kNucleusTable = [] {
  std::array<NucleusInfo, kKeyCount> table{};
  for (const NucleusSpec& spec : kNuclei) {
    int key = 0;
    for (char32_t c : spec.vowels) key = key * kKeyBase + vowel_index(c) + 1;
    table[static_cast<std::size_t>(key)] = {true, spec.final_rule, spec.style_pair};
  }
  return table;
}();

bool is_vowel(const LetterInfo* letter) { return letter->kind == LetterKind::vowel; }

// The tone position inside a nucleus of `len` vowels, rules 1–5 of
// canonical_tone_index(); `written` is where the tone is now (may be outside).
int nucleus_tone_index(const LetterInfo* const* nucleus, int len, bool has_final,
                       bool style_pair, ToneStyle style, int written) {
  for (int k = len - 1; k >= 0; --k) {
    if (has_vowel_mark(nucleus[k]->vowel)) return k;
  }
  if (has_final) return len - 1;
  if (len == 3) return 1;
  if (style_pair) {
    switch (style) {
      case ToneStyle::traditional: return 0;
      case ToneStyle::modern: return 1;
      case ToneStyle::keep: return written == 0 || written == 1 ? written : 0;
    }
  }
  return 0;
}

bool is_ascii_letter(unsigned char b) {
  return static_cast<unsigned char>((b | 0x20) - 'a') < 26;
}

}  // namespace

int canonical_tone_index(const LetterInfo* const* letters, int count, int toned, ToneStyle style,
                         bool repair) noexcept {
  // Onset: the leading consonants, plus the u of "qu" and the i of "gi".
  char32_t onset[4];
  int pos = 0;
  while (pos < count && letters[pos]->kind == LetterKind::consonant) {
    if (pos == 3) return -1;
    onset[pos] = letters[pos]->base;
    ++pos;
  }
  int onset_len = pos;
  if (pos == count) return -1;
  const bool vowel_follows = pos + 1 < count && is_vowel(letters[pos + 1]);
  if (onset_len == 1 && onset[0] == U'q') {
    if (letters[pos]->vowel != kU || !vowel_follows) return -1;
    onset[onset_len++] = U'u';
    ++pos;
  } else if (onset_len == 1 && onset[0] == U'g' && letters[pos]->vowel == kI && vowel_follows) {
    onset[onset_len++] = U'i';
    ++pos;
  }
  if (onset_len > 0 && !in_set(kOnsetKeys, onset, onset_len)) return -1;

  // Nucleus: the vowels that follow.
  const int nucleus = pos;
  int key = 0;
  while (pos < count && is_vowel(letters[pos])) {
    if (pos - nucleus == 3) return -1;
    key = key * kKeyBase + letters[pos]->vowel + 1;
    ++pos;
  }
  const int nucleus_len = pos - nucleus;
  if (nucleus_len == 0) return -1;
  const NucleusInfo& info = kNucleusTable[static_cast<std::size_t>(key)];
  if (!info.valid) return -1;

  // Final consonant: the rest.
  char32_t final_letters[2];
  const int final_len = count - pos;
  if (final_len > 2) return -1;
  for (int k = 0; k < final_len; ++k) {
    if (letters[pos + k]->kind != LetterKind::consonant) return -1;
    final_letters[k] = letters[pos + k]->base;
  }
  const bool has_final = final_len > 0;
  if (has_final && !in_set(kFinalKeys, final_letters, final_len)) return -1;
  if (has_final ? info.final_rule == FinalRule::none : info.final_rule == FinalRule::required) {
    return -1;
  }

  const int written = toned - nucleus;
  const int target = nucleus + nucleus_tone_index(letters + nucleus, nucleus_len, has_final,
                                                  info.style_pair, style, written);
  if (target == toned || repair) return target;
  // Without repairs only the oa/oe/uy style choice may move a tone.
  const bool style_move = info.style_pair && !has_final && (written == 0 || written == 1);
  return style_move ? target : -1;
}

bool misplaced_tone(std::string_view text, std::size_t start, std::size_t end,
                    const NormalizeOptions& options, Syllable& syllable) {
  const CharTables& tables = CharTables::get();
  const auto* const data = reinterpret_cast<const unsigned char*>(text.data());
  int count = 0, vowels = 0, tones = 0, toned = -1;
  for (std::size_t i = start; i < end;) {
    if (count == kMaxSyllableLetters) return false;
    char32_t c = data[i];
    int len = 1;
    if (c >= 0x80) {
      len = decode_utf8(data + i, data + end, c);
      if (len < 0) return false;
    }
    const LetterInfo* info = tables.letter(c);
    if (info == nullptr) return false;
    if (info->kind == LetterKind::vowel) {
      ++vowels;
      if (info->tone != 0) {
        ++tones;
        toned = count;
      }
    } else if (info->kind != LetterKind::consonant) {
      return false;  // a foreign letter or a combining mark: leave it
    }
    syllable.letters[count++] = {info, i, len};
    i += static_cast<std::size_t>(len);
  }
  // Only syllables with one tone mark and several vowels can be wrong.
  if (tones != 1 || vowels < 2) return false;
  // A tone on ă â ê ô ơ ư is always right, except on the ư of ươ.
  const Vowel toned_vowel = syllable.letters[toned].info->vowel;
  if (has_vowel_mark(toned_vowel) &&
      !(toned_vowel == kUHorn && toned + 1 < count &&
        syllable.letters[toned + 1].info->kind == LetterKind::vowel &&
        syllable.letters[toned + 1].info->vowel == kOHorn)) {
    return false;
  }
  const LetterInfo* letters[kMaxSyllableLetters];
  for (int k = 0; k < count; ++k) letters[k] = syllable.letters[k].info;
  const int target = canonical_tone_index(letters, count, toned, options.tone_style,
                                          options.repair_misplaced_tones);
  if (target < 0 || target == toned) return false;
  syllable.count = count;
  syllable.toned = toned;
  syllable.target = target;
  return true;
}

namespace {

// The letter that ends at byte `pos` (exclusive): sets its start and returns
// true, or returns false if it is not a letter (or not valid UTF-8).
bool letter_before(const CharTables& tables, const unsigned char* data, std::size_t pos,
                   std::size_t& letter_start) {
  std::size_t k = pos - 1;
  if (data[k] < 0x80) {
    letter_start = k;
    return is_ascii_letter(data[k]);
  }
  while (k > 0 && pos - k < 4 && (data[k] & 0xC0) == 0x80) --k;
  char32_t c;
  const int len = decode_utf8(data + k, data + pos, c);
  if (len < 0 || k + static_cast<std::size_t>(len) != pos) return false;
  const LetterInfo* info = tables.letter(c);
  letter_start = k;
  return info != nullptr && info->kind != LetterKind::none;
}

// The length of the letter that starts at byte `pos`, or 0 if none.
std::size_t letter_at(const CharTables& tables, const unsigned char* data,
                      const unsigned char* end, std::size_t pos) {
  if (data[pos] < 0x80) return is_ascii_letter(data[pos]) ? 1 : 0;
  char32_t c;
  const int len = decode_utf8(data + pos, end, c);
  if (len < 0) return 0;
  const LetterInfo* info = tables.letter(c);
  return info != nullptr && info->kind != LetterKind::none ? static_cast<std::size_t>(len) : 0;
}

}  // namespace

bool letter_run_around(std::string_view text, std::size_t pos, std::size_t& start,
                       std::size_t& end) {
  const CharTables& tables = CharTables::get();
  const auto* const data = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char* const stop = data + text.size();
  int count = 0;
  start = pos;
  for (std::size_t s = 0; start > 0 && letter_before(tables, data, start, s); start = s) {
    if (++count >= kMaxSyllableLetters) return false;
  }
  end = pos;
  for (std::size_t len = 0; end < text.size() && (len = letter_at(tables, data, stop, end)) != 0;
       end += len) {
    if (++count > kMaxSyllableLetters) return false;
  }
  return true;
}

bool place_tones(std::string_view in, const NormalizeOptions& options, std::string& out,
                 OffsetMap& map) {
  if (!tones_may_change(options)) return false;
  const CharTables& tables = CharTables::get();
  const auto* const data = reinterpret_cast<const unsigned char*>(in.data());
  const unsigned char* const end = data + in.size();
  Syllable syllable;
  std::size_t flushed = 0;  // `in` is copied to `out` up to here
  bool changed = false;
  std::size_t i = 0;
  while (i < in.size()) {
    // The next letter run [start, i).
    std::size_t len = letter_at(tables, data, end, i);
    if (len == 0) {
      ++i;  // a non-letter byte (continuation bytes of non-letters included)
      continue;
    }
    const std::size_t start = i;
    while (len != 0) {
      i += len;
      len = i < in.size() ? letter_at(tables, data, end, i) : 0;
    }
    if (!misplaced_tone(in, start, i, options, syllable)) continue;

    // Rewrite the letters from the old to the new tone position.
    const int lo = std::min(syllable.toned, syllable.target);
    const int hi = std::max(syllable.toned, syllable.target);
    const Syllable::Letter* const letters = syllable.letters;
    const std::size_t run_start = letters[lo].pos;
    const std::size_t run_end = letters[hi].pos + static_cast<std::size_t>(letters[hi].len);
    if (!changed) out.reserve(in.size() + 16);
    out.append(in, flushed, run_start - flushed);
    map.append_copy(run_start - flushed);
    const std::size_t before = out.size();
    const std::uint8_t tone = letters[syllable.toned].info->tone;
    for (int k = lo; k <= hi; ++k) {
      const LetterInfo& info = *letters[k].info;
      if (k == syllable.toned || k == syllable.target) {
        const int new_tone = k == syllable.target ? tone : 0;
        append_utf8(kVowelForms[info.upper ? 1 : 0][info.vowel][new_tone], out);
      } else {
        out.append(in, letters[k].pos, static_cast<std::size_t>(letters[k].len));
      }
    }
    map.append_change(out.size() - before, run_end - run_start);
    flushed = run_end;
    changed = true;
  }
  if (!changed) return false;
  out.append(in, flushed, in.size() - flushed);
  map.append_copy(in.size() - flushed);
  return true;
}

}  // namespace vnie::norm
