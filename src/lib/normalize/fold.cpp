// fold_text: the folded view, and the fast path's check.
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <array>
#include <cstdint>

#include "normalize/chars.h"
#include "normalize/map_writer.h"
#include "normalize/passes.h"
#include "normalize/tone.h"
#include "normalize/utf8.h"

namespace vnie::norm {
namespace {

// `folded` always has this much room past what the rest of the text needs:
// the ASCII loop stores 16 bytes at a time.
constexpr std::size_t kSlack = 16;

// What a byte is to the tone check.
enum ByteClass : std::uint8_t { kOther, kConsonantByte, kVowelByte, kNonAscii };

constexpr std::array<std::uint8_t, 256> kByteClass = [] {
  std::array<std::uint8_t, 256> table{};
  for (int b = 0; b < 256; ++b) {
    const int lower = b | 0x20;
    if (b >= 0x80) {
      table[static_cast<std::size_t>(b)] = kNonAscii;
    } else if ((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z')) {
      const bool vowel = lower == 'a' || lower == 'e' || lower == 'i' || lower == 'o' ||
                         lower == 'u' || lower == 'y';
      table[static_cast<std::size_t>(b)] = vowel ? kVowelByte : kConsonantByte;
    }
  }
  return table;
}();

// Bit 2 * (ByteClass after) + (vowel before): does a toned vowel there need
// tone_in_place()? Not before a consonant, nor alone before a non-letter
// (ByteClass of the end of the text: kOther).
constexpr std::uint32_t kNeedsLook = 0b1111'0010;
constexpr int kSuspiciousShift = 20;
static_assert(fast::kSuspicious == 1u << kSuspiciousShift);

Vowel vowel_of(std::uint32_t facts) {
  return static_cast<Vowel>((facts >> fast::kVowelShift) & 0xFu);
}

char lower_ascii(unsigned char b) {
  return static_cast<char>(b + (static_cast<unsigned char>(b - 'A') < 26 ? 0x20 : 0));
}

// Writes the lower-cased ASCII run at `p` to `out` and returns its length.
// May write up to 16 bytes past the run.
inline std::size_t fold_ascii_run(const unsigned char* p, const unsigned char* end, char* out) {
  const unsigned char* q = p;
#if defined(__SSE2__)
  const __m128i before_a = _mm_set1_epi8('A' - 1);
  const __m128i after_z = _mm_set1_epi8('Z' + 1);
  const __m128i case_bit = _mm_set1_epi8(0x20);
  while (end - q >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
    const __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(v, before_a), _mm_cmplt_epi8(v, after_z));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + (q - p)),
                     _mm_add_epi8(v, _mm_and_si128(upper, case_bit)));
    const auto non_ascii = static_cast<unsigned>(_mm_movemask_epi8(v));
    if (non_ascii != 0) {
      return static_cast<std::size_t>(q - p) + static_cast<std::size_t>(__builtin_ctz(non_ascii));
    }
    q += 16;
  }
#endif
  while (q < end && *q < 0x80) {
    out[q - p] = lower_ascii(*q);
    ++q;
  }
  return static_cast<std::size_t>(q - p);
}

// The rest of tone_in_place(): "quá", "già" (after the glide of qu/gi the
// vowel is the whole nucleus), then the syllable logic (tone.h), which has
// the last word.
[[gnu::noinline]] bool tone_in_place_slow(std::string_view text, std::size_t i, std::size_t len,
                                          const NormalizeOptions& options) {
  const auto* const data = reinterpret_cast<const unsigned char*>(text.data());
  if (kByteClass[i + len < text.size() ? data[i + len] : 0u] == kOther && i >= 2 &&
      data[i - 1] < 0x80 && data[i - 2] < 0x80 && kByteClass[i >= 3 ? data[i - 3] : 0u] == kOther) {
    const unsigned p1 = data[i - 1] | 0x20u, p2 = data[i - 2] | 0x20u;
    if ((p1 == 'u' && p2 == 'q') || (p1 == 'i' && p2 == 'g')) return true;
  }
  std::size_t start = 0, end = 0;
  if (!letter_run_around(text, i, start, end)) return true;
  Syllable syllable;
  return !misplaced_tone(text, start, end, options, syllable);
}

// Verify mode: is the tone of the toned vowel text[i, i + len) (a, e, i, o,
// u, y or ư with a tone mark; `vowel` without it) where misplaced_tone()
// wants it? `prev` is the folded byte before it (lower case; folded
// Vietnamese vowels are ASCII vowels). The caller has already settled the
// vowels alone or before a consonant (kNeedsLook): they end their nucleus
// and always are. Every shortcut here gives misplaced_tone()'s answer.
inline bool tone_in_place(std::string_view text, std::size_t i, std::size_t len, Vowel vowel,
                          unsigned prev, const NormalizeOptions& options) {
  const auto* const data = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  const std::size_t next = i + len;
  if (kByteClass[prev] != kVowelByte && next + 1 < n && kByteClass[data[next]] == kVowelByte &&
      kByteClass[data[next + 1]] == kOther) {
    // The first of two vowels of an open syllable ("của", "tài"): right
    // unless it is the u of "qu" or the i of "gi", or the pair is oa, oe or
    // uy in the modern style.
    const unsigned second = data[next] | 0x20u;
    const bool glide = (vowel == kU && prev == 'q') || (vowel == kI && prev == 'g');
    const bool style_pair =
        (vowel == kO && (second == 'a' || second == 'e')) || (vowel == kU && second == 'y');
    if (!glide && !(style_pair && options.tone_style == ToneStyle::modern)) return true;
  }
  return tone_in_place_slow(text, i, len, options);
}

template <bool kVerify>
bool fold_impl(std::string_view text, const NormalizeOptions* verify, std::string& folded,
               OffsetMap& map, std::size_t* failed_at) {
  const CharTables& tables = CharTables::get();
  const std::uint32_t* const facts_of = tables.fast();
  const bool check_tones = kVerify && tones_may_change(*verify);
  const auto* const data = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  folded.resize(n + kSlack);
  char* out = folded.data();
  OffsetMapWriter writer(map, n / 4);
  std::size_t w = 0;  // write position in folded

  // Folds the non-ASCII character at text[i] to out[w]; returns its length,
  // or 0 when verifying and the text needs the full pipeline.
  const auto fold_char = [&](std::size_t i) __attribute__((always_inline)) -> std::size_t {
    const auto prev = static_cast<unsigned char>(out[w - (w != 0)]);  // folded byte before
    // Latin and Vietnamese letters come from the packed table, decoded
    // without branching on their length (Vietnamese mixes 2- and 3-byte
    // letters too irregularly for a branch); the rest, and anything at the
    // very end, takes the general route.
    std::uint32_t facts = 0;
    std::size_t len = 2;
    if (i + 2 < n) {
      const std::uint32_t b0 = data[i], b1 = data[i + 1], b2 = data[i + 2];
      const std::uint32_t two = static_cast<std::uint32_t>(b0 - 0xC2u < 0x1Eu) &
                                static_cast<std::uint32_t>((b1 & 0xC0u) == 0x80u);
      const std::uint32_t ext = static_cast<std::uint32_t>(b0 == 0xE1u) &
                                static_cast<std::uint32_t>((b1 & 0xFCu) == 0xB8u) &
                                static_cast<std::uint32_t>((b2 & 0xC0u) == 0x80u);
      const std::uint32_t ext_mask = 0u - ext;
      const std::uint32_t index2 = ((b0 & 0x1Fu) << 6) | (b1 & 0x3Fu);
      const std::uint32_t index3 =
          static_cast<std::uint32_t>(fast::kExtOffset) | ((b1 & 3u) << 6) | (b2 & 0x3Fu);
      facts = facts_of[(index2 & ~ext_mask) | (index3 & ext_mask)] & (0u - (two | ext));
      len += ext;
    }
    std::uint32_t folded_len = (facts >> 16) & 3u;
    if ((facts & fast::kPlain) != 0) {
      out[w] = static_cast<char>(facts & 0xFFu);
      out[w + 1] = static_cast<char>((facts >> 8) & 0xFFu);
    } else {
      char32_t c;
      int clen = decode_utf8(data + i, data + n, c);
      if (clen < 0) {
        if (kVerify) return 0;
        clen = -clen;  // never happens on normalized text
        c = kReplacementChar;
      }
      if (kVerify && tables.char_class(c) != CharClass::plain) return 0;
      // A character that may continue mojibake ("á»‡", "Ã©"): the passes
      // decide (repair_mojibake()).
      if (kVerify && mojibake_trail(c) && mojibake_at(text, i)) return 0;
      const char32_t f = tables.fold(c);
      len = static_cast<std::size_t>(clen);
      folded_len = static_cast<std::uint32_t>(utf8_length(f));
      if (folded_len > len) {  // keep the room the rest of the text needs
        folded.resize(folded.size() + (folded_len - len));
        out = folded.data();
      }
      encode_utf8(f, out + w);
      facts = c < 0x800 ? facts_of[c] : c - 0x1E00 < 0x100 ? facts_of[fast::kExtOffset + (c - 0x1E00)] : 0;
    }
    if (folded_len != len) writer.change(w, i, folded_len, static_cast<std::uint32_t>(len));
    if (check_tones) {
      // tone_in_place()'s first test, without branches: only a toned vowel
      // next to another vowel or a non-ASCII character needs a look.
      const std::size_t next = i + len;
      const std::uint32_t after = kByteClass[next < n ? data[next] : 0u];
      const auto vowel_before = static_cast<std::uint32_t>(kByteClass[prev] == kVowelByte);
      const std::uint32_t suspect =
          (facts >> kSuspiciousShift) & (kNeedsLook >> (2 * after + vowel_before)) & 1u;
      if (suspect != 0 && !tone_in_place(text, i, len, vowel_of(facts), prev, *verify)) return 0;
    }
    w += folded_len;
    return len;
  };

  std::size_t i = 0;  // read position in text
  // A run of ASCII, then one other character.
  while (true) {
    const std::size_t ascii = fold_ascii_run(data + i, data + n, out + w);
    i += ascii;
    w += ascii;
    if (i >= n) break;
    const std::size_t len = fold_char(i);
    if (len == 0) {
      if (failed_at != nullptr) *failed_at = i;
      return false;
    }
    i += len;
  }
  writer.finish(w, n);
  folded.resize(w);
  return true;
}

}  // namespace

bool fold_text(std::string_view text, const NormalizeOptions* verify, std::string& folded,
               OffsetMap& map, std::size_t* failed_at) {
  return verify != nullptr ? fold_impl<true>(text, verify, folded, map, failed_at)
                           : fold_impl<false>(text, nullptr, folded, map, nullptr);
}

}  // namespace vnie::norm
