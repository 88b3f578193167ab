// Diacritic restoration for text typed without diacritics ("khong dau").
//
// The rules are written for Vietnamese with its diacritics. For a document
// that has (almost) none, the restorer puts them back on the words the rules
// know — every form of every word list, and the Vietnamese words written in
// the rules' patterns — so that the unchanged rules run on the restored text:
// "Lien doan Lao dong tinh tang Bang khen" → "Liên đoàn Lao động tỉnh tặng
// Bằng khen". Words the rules do not know (names of people) are left as they
// are. A folded form shared by two words ("dong": đồng, động, Đông) is
// restored only inside a known phrase ("lao dong", "trieu dong") or when
// rules/lists/restore_context.txt says so from a neighbouring number
// ("5 ty" → "5 tỷ", "nam 2024" → "năm 2024").
//
// Offsets: the restored text keeps every byte that is not inside a restored
// word; map_to_input() maps its offsets back to the input.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rules/lexicon.h"
#include "vnie/normalize.h"

namespace vnie::detail {

struct CompiledRule;

class Restorer {
 public:
  /// Builds the vocabulary from every list of `lexicon` and the Vietnamese
  /// words of the rules' expanded patterns.
  void build(const Lexicon& lexicon, const std::vector<CompiledRule>& rules,
             const Normalizer& normalizer);

  /// True when valid UTF-8 `text` has at least 20 letters and fewer than 1 in
  /// 200 of them carry a Vietnamese diacritic (or are đ/Đ).
  static bool looks_unaccented(std::string_view text);

  struct Result {
    std::string text;
    std::size_t restored_words = 0;
    /// Restored words: [out_start, out_end) in text ↔ [in_start, in_end) in input.
    struct Piece {
      std::size_t out_start, out_end, in_start, in_end;
    };
    std::vector<Piece> pieces;
    /// Maps an offset of `text` to the input (a start edge maps into the word
    /// start, an end edge to the word end when inside a restored word).
    std::size_t map_to_input(std::size_t pos, Edge edge) const;
  };

  /// Restores the known words of valid UTF-8 `input`.
  Result restore(std::string_view input) const;

  std::size_t vocabulary_size() const { return words_.size() + phrases_.size(); }

 private:
  enum class Context { after_number, before_number, before_capital, after_slash, always, surname };
  struct Entry {
    std::string form;  // lower case, NFC
    bool ambiguous = false;
  };
  struct ContextEntry {
    std::string form;
    Context context;
  };
  void add_word(const std::string& folded_key, const std::string& lower_form);
  void add_phrase(const std::string& folded_key, const std::string& lower_form);

  const Normalizer* normalizer_ = nullptr;
  std::unordered_map<std::string, Entry> words_;    // folded word → form
  std::unordered_map<std::string, Entry> phrases_;  // folded words joined by ' ' → form
  std::unordered_map<std::string, std::vector<ContextEntry>> context_;
  std::size_t max_phrase_words_ = 1;
};

}  // namespace vnie::detail
