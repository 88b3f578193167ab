// Sentence segmentation with ICU's sentence break rules, told which
// abbreviations with a dot do not end a sentence (TP., TS., ThS., …).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
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
  /// when ICU fails.
  std::vector<std::pair<std::size_t, std::size_t>> split(std::string_view text) const;

 private:
  struct Prototype;  // the configured ICU break iterator (sentences.cpp)
  std::unique_ptr<Prototype> prototype_;
  std::uint64_t generation_;
};

}  // namespace vnie::detail
