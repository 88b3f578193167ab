// libFuzzer harness: vnie::Normalizer on arbitrary bytes, every option.
//
// The first byte picks the options (tone style × repair of misplaced tones);
// the rest is the input. Checked: both views are valid UTF-8 with one folded
// code point per text code point; both offset maps have the right sizes, stay
// in bounds, are monotone and land on character boundaries of the input
// (boundaries of ill-formed sequences where it is not UTF-8); warnings are in
// order, at such boundaries, of the normalizer's codes only, with their
// spans inside the input, and invalid_utf8 present exactly when the input
// is not UTF-8; the text is NFC (ICU), has no fullwidth form left, and
// normalizing it again changes nothing; fold() agrees with
// normalize().folded.
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_util.h"
#include "vnie/normalize.h"

using vnie::Edge;
using vnie::ErrorCode;
using vnie::NormalizedText;
using vnie::Normalizer;
using vnie::View;
using vnie_fuzz::unit_boundaries;

namespace {

const Normalizer& normalizer(unsigned char selector) {
  static const Normalizer normalizers[6] = {
      Normalizer({vnie::ToneStyle::traditional, true}), Normalizer({vnie::ToneStyle::modern, true}),
      Normalizer({vnie::ToneStyle::keep, true}),        Normalizer({vnie::ToneStyle::traditional, false}),
      Normalizer({vnie::ToneStyle::modern, false}),     Normalizer({vnie::ToneStyle::keep, false}),
  };
  return normalizers[selector % 6];
}

void check_map(const vnie::OffsetMap& map, std::string_view derived, std::size_t source_size,
               const std::vector<bool>& source_at) {
  FUZZ_CHECK(map.derived_size() == derived.size(), map.derived_size(), derived.size());
  FUZZ_CHECK(map.source_size() == source_size, map.source_size(), source_size);
  std::size_t prev_s = 0, prev_e = 0;
  for (std::size_t p = 0; p <= derived.size(); ++p) {
    if (p < derived.size() && (static_cast<unsigned char>(derived[p]) & 0xC0) == 0x80) continue;
    const std::size_t s = map.map(p, Edge::start), e = map.map(p, Edge::end);
    FUZZ_CHECK(s <= source_size, s, source_size);
    FUZZ_CHECK(e <= source_size, e, source_size);
    FUZZ_CHECK(s >= prev_s, s, prev_s);
    FUZZ_CHECK(e >= prev_e, e, prev_e);
    FUZZ_CHECK(source_at[s], p, s);
    FUZZ_CHECK(source_at[e], p, e);
    prev_s = s;
    prev_e = e;
  }
  FUZZ_CHECK(map.map(0, Edge::end) == 0);
  FUZZ_CHECK(map.map(derived.size(), Edge::start) == source_size);
}

bool is_nfc(const std::string& s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return true;
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  const UBool yes = nfc->isNormalized(u, status);
  return U_FAILURE(status) || yes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const Normalizer& n = normalizer(data[0]);
  const std::string_view input(reinterpret_cast<const char*>(data + 1), size - 1);

  const NormalizedText r = n.normalize(input);
  bool input_valid = false;
  const std::vector<bool> input_at = unit_boundaries(input, &input_valid);

  // Views: valid UTF-8, one folded code point per text code point.
  FUZZ_CHECK(vnie_fuzz::valid_utf8(r.text));
  FUZZ_CHECK(vnie_fuzz::valid_utf8(r.folded));
  const auto starts = vnie_fuzz::code_point_starts(r.text);
  const auto fstarts = vnie_fuzz::code_point_starts(r.folded);
  FUZZ_CHECK(starts.size() == fstarts.size(), starts.size(), fstarts.size());

  // Maps.
  check_map(r.text_map, r.text, input.size(), input_at);
  const std::vector<bool> text_at = unit_boundaries(r.text);
  check_map(r.folded_map, r.folded, r.text.size(), text_at);
  for (std::size_t k = 0; k < starts.size(); ++k) {
    FUZZ_CHECK(r.folded_map.map(fstarts[k], Edge::start) == starts[k], k, starts[k]);
  }
  for (std::size_t k = 0; k < starts.size(); ++k) {
    const std::size_t end = k + 1 < starts.size() ? starts[k + 1] : r.text.size();
    const std::size_t fend = k + 1 < fstarts.size() ? fstarts[k + 1] : r.folded.size();
    const auto [s, e] = r.to_original(View::normalized, starts[k], end);
    FUZZ_CHECK(s <= e && e <= input.size(), s, e);
    FUZZ_CHECK(input_at[s] && input_at[e], s, e);
    const auto [fs, fe] = r.to_original(View::folded, fstarts[k], fend);
    FUZZ_CHECK(fs == s && fe == e, fs, s);
  }

  // Warnings: in order, on boundaries, invalid_utf8 exactly when the input
  // is not UTF-8, the repairs with a span inside the input.
  std::size_t invalid = 0, prev = 0;
  for (const auto& w : r.warnings) {
    // An `internal` warning (ICU failing on a span) is a finding too.
    const bool repair = w.code == ErrorCode::mojibake_repaired ||
                        w.code == ErrorCode::fullwidth_folded ||
                        w.code == ErrorCode::confusable_replaced ||
                        w.code == ErrorCode::marks_reordered || w.code == ErrorCode::eth_replaced;
    FUZZ_CHECK(w.code == ErrorCode::invalid_utf8 || repair, static_cast<std::size_t>(w.code));
    FUZZ_CHECK(w.byte_offset < input.size(), w.byte_offset, input.size());
    FUZZ_CHECK(input_at[w.byte_offset], w.byte_offset);
    FUZZ_CHECK(w.byte_offset >= prev, w.byte_offset, prev);
    if (repair) {
      FUZZ_CHECK(w.length > 0 && w.byte_offset + w.length <= input.size(), w.byte_offset,
                 w.length);
      FUZZ_CHECK(input_at[w.byte_offset + w.length], w.byte_offset, w.length);
    } else {
      ++invalid;
    }
    prev = w.byte_offset;
  }
  FUZZ_CHECK((invalid == 0) == input_valid, invalid);
  // No fullwidth form U+FF01..U+FF5E (EF BC 81..EF BD 9E) is left.
  for (std::size_t k = 0; k + 2 < r.text.size(); ++k) {
    const auto b0 = static_cast<unsigned char>(r.text[k]), b1 = static_cast<unsigned char>(r.text[k + 1]),
               b2 = static_cast<unsigned char>(r.text[k + 2]);
    const bool fullwidth = b0 == 0xEF && ((b1 == 0xBC && b2 >= 0x81) || (b1 == 0xBD && b2 <= 0x9E));
    FUZZ_CHECK(!fullwidth, k);
  }

  // The text is NFC and a fixed point (a combining sequence over 4 KiB may
  // be cut short of NFC: docs/normalization.md; inputs here are smaller).
  if (input.size() <= 4096) {
    FUZZ_CHECK(is_nfc(r.text));
    const NormalizedText again = n.normalize(r.text);
    FUZZ_CHECK(again.text == r.text, again.text.size(), r.text.size());
    FUZZ_CHECK(again.folded == r.folded, again.folded.size(), r.folded.size());
    FUZZ_CHECK(again.warnings.empty());
  }
  FUZZ_CHECK(n.fold(input) == r.folded);
  return 0;
}
