// Sentence segmentation with ICU's sentence break rules, told which
// abbreviations with a dot do not end a sentence (TP., TS., ThS., …).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace vnie::detail {

class SentenceSplitter {
 public:
  /// `abbreviations`: strings such as "TP." after which no sentence ends.
  explicit SentenceSplitter(const std::vector<std::string>& abbreviations);
  ~SentenceSplitter();
  SentenceSplitter(const SentenceSplitter&) = delete;
  SentenceSplitter& operator=(const SentenceSplitter&) = delete;

  /// The sentences of valid UTF-8 `text` as byte spans [start, end), trailing
  /// blanks excluded, empty sentences skipped. Thread-safe (each thread uses
  /// its own clone of the break iterator). Falls back to one span per line
  /// when ICU fails. A full stop followed by a figure ends a sentence ("… tổ
  /// chức. 3 tập thể …", which ICU keeps together) unless the word before it
  /// is an abbreviation or an initial.
  std::vector<std::pair<std::size_t, std::size_t>> split(std::string_view text) const;

 private:
  std::vector<std::pair<std::size_t, std::size_t>> split_before_figures(
      std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& spans) const;

  struct Prototype;  // the configured ICU break iterator (sentences.cpp)
  std::unique_ptr<Prototype> prototype_;
  std::unordered_set<std::string> abbreviations_;
  std::uint64_t generation_;
};

/// The longest span event assembly reads as one sentence, in bytes. Text
/// with no full stop for longer (a table flattened into one line, a scraped
/// page) is read in pieces of at most this size, so that assembly, which
/// compares the mentions of a sentence with each other, stays linear in the
/// document. Real sentences are far shorter: none of the corpus, the 1,244
/// sentences or the 44,600 paragraphs of the benchmark file is cut.
constexpr std::size_t kMaxSentenceBytes = 4096;

/// `spans` (sentences of `text`) with each one longer than `max_bytes` cut
/// into consecutive pieces of at most `max_bytes`: at the last ';' in the
/// second half of the piece, else the last ',', else the last space, else at
/// a code point boundary. Pieces keep no leading blanks.
std::vector<std::pair<std::size_t, std::size_t>> cut_long_sentences(
    std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& spans,
    std::size_t max_bytes = kMaxSentenceBytes);

}  // namespace vnie::detail
