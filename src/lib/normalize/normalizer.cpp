// Normalizer: the fast path, and the passes of normalize/passes.h when it
// does not apply.
#include <algorithm>
#include <deque>
#include <string>
#include <vector>
#include <utility>

#include "normalize/map_writer.h"
#include "normalize/passes.h"
#include "normalize/tone.h"
#include "vnie/normalize.h"

namespace vnie {
namespace {

// Rounds of mojibake repair: text decoded wrongly twice needs two. Each
// wrong decoding at least doubles the bytes of a character, so more rounds
// than this need a character written in 2^9 bytes; such text keeps the
// rest (docs/normalization.md).
constexpr int kMojibakeRounds = 8;

// The text being normalized as it goes through the passes: a view of the
// input until a pass changes something, then the latest pass output, with
// the composed map back to the input.
class Stage {
 public:
  explicit Stage(std::string_view input) : input_(input), current_(input) {}

  std::string_view current() const { return current_; }
  bool changed() const { return owner_ != nullptr; }

  /// Adopts `text` (a pass output derived from current()) with `map`
  /// (text → current()). `text` must outlive the Stage's use.
  void advance(std::string& text, OffsetMap&& map) {
    map_ = changed() ? map_.compose(map) : std::move(map);
    owner_ = &text;
    current_ = text;
  }

  /// Maps an offset into current() to the input.
  std::size_t to_input(std::size_t pos) const {
    return changed() ? map_.map(pos, Edge::start) : pos;
  }

  /// Maps a warning about current() to the input (its offset and length).
  Warning to_input(Warning w) const {
    if (!changed()) return w;
    const std::size_t end = map_.map(w.byte_offset + w.length, Edge::end);
    w.byte_offset = map_.map(w.byte_offset, Edge::start);
    w.length = w.length == 0 || end < w.byte_offset ? 0 : end - w.byte_offset;
    return w;
  }

  void finish(NormalizedText& result) {
    if (changed()) {
      result.text = std::move(*owner_);
      result.text_map = std::move(map_);
    } else {
      result.text.assign(input_);
      result.text_map = OffsetMap::identity(input_.size());
    }
  }

 private:
  std::string_view input_;
  std::string_view current_;
  std::string* owner_ = nullptr;
  OffsetMap map_;
};

// Cleanup and NFC of stage.current(), when needed, then ð and the order of
// marks (on NFC text); their warnings, about the input, go to `warnings`.
// `buffers` keeps the texts the stage views.
void clean_and_compose(Stage& stage, std::deque<std::string>& buffers,
                       std::vector<Warning>& warnings) {
  const norm::InputScan scan = norm::scan_input(stage.current());
  const bool dirty = scan.cleanup_from != std::string_view::npos;
  if (dirty) {
    OffsetMap map;
    std::vector<Warning> found;
    std::string& cleaned = buffers.emplace_back();
    norm::clean_text(stage.current(), scan.cleanup_from, cleaned, map, found);
    for (Warning& w : found) warnings.push_back(stage.to_input(std::move(w)));
    stage.advance(cleaned, std::move(map));
  }
  if (dirty || scan.needs_nfc) {
    OffsetMap map;
    std::vector<Warning> found;
    std::string& composed = buffers.emplace_back();
    const bool changed = norm::compose_nfc(stage.current(), composed, map, found);
    for (Warning& w : found) {
      w.byte_offset = stage.to_input(w.byte_offset);
      warnings.push_back(std::move(w));
    }
    if (changed) stage.advance(composed, std::move(map));
  }
  {
    OffsetMap map;
    std::vector<Warning> found;
    std::string& repaired = buffers.emplace_back();
    if (norm::repair_letters(stage.current(), repaired, map, found)) {
      for (Warning& w : found) warnings.push_back(stage.to_input(std::move(w)));
      stage.advance(repaired, std::move(map));
    }
  }
}

// The full pipeline: cleanup, NFC, ð and mark order; mojibake, each round
// followed by those again for what it decoded; tones; then the folded view.
NormalizedText normalize_slow(std::string_view input, const NormalizeOptions& options) {
  NormalizedText result;
  Stage stage(input);
  std::deque<std::string> buffers;  // the pass outputs (stable addresses)
  std::string toned;

  clean_and_compose(stage, buffers, result.warnings);

  // Mojibake, until none is left (text decoded wrongly twice needs two
  // rounds, up to kMojibakeRounds). The repair reads clean NFC text, so
  // that normalizing the result again finds nothing more. A later round's
  // repair inside or across an earlier one's span is the same repair: one
  // warning, their union.
  std::vector<Warning> mojibake;
  for (int round = 0; round < kMojibakeRounds; ++round) {
    OffsetMap map;
    std::vector<Warning> found;
    std::string& decoded = buffers.emplace_back();
    if (!norm::repair_mojibake(stage.current(), decoded, map, found)) break;
    for (Warning& w : found) mojibake.push_back(stage.to_input(std::move(w)));
    stage.advance(decoded, std::move(map));
    clean_and_compose(stage, buffers, result.warnings);
  }
  std::stable_sort(mojibake.begin(), mojibake.end(),
                   [](const Warning& a, const Warning& b) { return a.byte_offset < b.byte_offset; });
  std::size_t merged = 0;  // mojibake[0, merged) are disjoint
  for (std::size_t k = 0; k < mojibake.size(); ++k) {
    if (merged > 0) {
      Warning& last = mojibake[merged - 1];
      if (mojibake[k].byte_offset < last.byte_offset + last.length) {
        last.length =
            std::max(last.length, mojibake[k].byte_offset + mojibake[k].length - last.byte_offset);
        continue;
      }
    }
    if (merged != k) mojibake[merged] = std::move(mojibake[k]);
    ++merged;
  }
  mojibake.resize(merged);
  for (Warning& w : mojibake) result.warnings.push_back(std::move(w));

  {
    OffsetMap map;
    if (norm::place_tones(stage.current(), options, toned, map)) {
      stage.advance(toned, std::move(map));
    }
  }
  stage.finish(result);
  norm::fold_text(result.text, nullptr, result.folded, result.folded_map);
  std::stable_sort(result.warnings.begin(), result.warnings.end(),
                   [](const Warning& a, const Warning& b) { return a.byte_offset < b.byte_offset; });
  return result;
}

// The fast path: `input` is returned as it is when one folding pass finds
// nothing to do; otherwise false, with the offset of the first problem.
bool normalize_fast(std::string_view input, const NormalizeOptions& options,
                    NormalizedText& result, std::size_t& problem) {
  if (!norm::fold_text(input, &options, result.folded, result.folded_map, &problem)) {
    return false;
  }
  result.text.assign(input);
  result.text_map = OffsetMap::identity(input.size());
  return true;
}

// Appends `piece`, normalized from the input bytes from `offset` on, to
// `result`, the normalization of the bytes before; the first piece also
// reserves room for the rest (`input_size` bytes of input in all).
void append_piece(NormalizedText& result, NormalizedText&& piece, std::size_t offset,
                  std::size_t input_size) {
  if (offset == 0) {
    result = std::move(piece);
    if (result.text_map.source_size() == input_size) return;  // the only piece
    const std::size_t room = input_size + input_size / 8;
    result.text.reserve(room);
    result.folded.reserve(room);
    OffsetMapWriter::reserve(result.folded_map, input_size / 4);
    return;
  }
  result.text += piece.text;
  result.folded += piece.folded;
  OffsetMapWriter::append(result.text_map, piece.text_map);
  OffsetMapWriter::append(result.folded_map, piece.folded_map);
  for (Warning& w : piece.warnings) {
    w.byte_offset += offset;
    result.warnings.push_back(std::move(w));
  }
}

}  // namespace

Normalizer::Normalizer(NormalizeOptions options) : options_(options) {}

NormalizedText Normalizer::normalize(std::string_view input) const {
  // Nothing interacts across a line break (it is not a letter, composes with
  // nothing, ends every syllable), so a text is the concatenation of its
  // pieces cut before line breaks. Each piece is tried on the fast path; if
  // that fails, only the line with the problem takes the slow path. Pieces
  // are at most about kMaxPiece bytes (so a long text is folded in buffers
  // that stay in cache), small after a problem and growing while the text
  // is clean (a failed try costs what it read: this stays linear even when
  // every line has a problem). A line is never cut.
  constexpr std::size_t kMinPiece = 256, kMaxPiece = std::size_t{1} << 16;
  std::size_t problem = 0;
  if (input.size() <= kMaxPiece) {  // one piece: the usual case, without the bookkeeping
    NormalizedText as_is;
    if (normalize_fast(input, options_, as_is, problem)) return as_is;
  }
  NormalizedText result;
  std::size_t pos = 0;
  std::size_t budget = kMaxPiece;
  bool failed = input.size() <= kMaxPiece;  // the first piece, tried above
  do {
    std::size_t end = input.size();
    if (input.size() - pos > budget) end = std::min(end, input.find('\n', pos + budget));
    const std::string_view piece = input.substr(pos, end - pos);
    NormalizedText part;
    if (!failed && normalize_fast(piece, options_, part, problem)) {
      append_piece(result, std::move(part), pos, input.size());
      pos = end;
      budget = std::min(2 * budget, kMaxPiece);
      continue;
    }
    failed = false;
    const std::size_t line = problem == 0 ? 0 : piece.rfind('\n', problem);
    const std::size_t line_start = line == std::string_view::npos ? 0 : line;
    const std::size_t line_end = std::min(piece.find('\n', problem), piece.size());
    if (line_start > 0) {  // clean: the fast path went past it
      const std::string_view head = piece.substr(0, line_start);
      NormalizedText clean;
      std::size_t unused = 0;
      if (!normalize_fast(head, options_, clean, unused)) clean = normalize_slow(head, options_);
      append_piece(result, std::move(clean), pos, input.size());
    }
    append_piece(result, normalize_slow(piece.substr(line_start, line_end - line_start), options_),
                 pos + line_start, input.size());
    pos += line_end;
    budget = kMinPiece;
  } while (pos < input.size());
  return result;
}

std::string Normalizer::fold(std::string_view input) const {
  return normalize(input).folded;
}

const char* to_string(ToneStyle style) noexcept {
  switch (style) {
    case ToneStyle::traditional: return "traditional";
    case ToneStyle::modern: return "modern";
    case ToneStyle::keep: return "keep";
  }
  return "unknown";
}

bool parse_tone_style(std::string_view name, ToneStyle& out) noexcept {
  for (ToneStyle style : {ToneStyle::traditional, ToneStyle::modern, ToneStyle::keep}) {
    if (name == to_string(style)) {
      out = style;
      return true;
    }
  }
  return false;
}

}  // namespace vnie
