// Event assembly: meeting, award and funding events from the mentions of
// each sentence and its neighbours (docs/events.md).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "events/sentences.h"
#include "rules/lexicon.h"
#include "vnie/document.h"
#include "vnie/normalize.h"

namespace vnie::detail {

class EventAssembler {
 public:
  /// Reads its keyword lists (rules/lists/event_*.txt, sentence_abbreviations)
  /// from `lexicon`; missing lists simply give no keywords.
  explicit EventAssembler(const Lexicon& lexicon);

  /// Appends the events of a document. `mentions` are the accepted mentions
  /// with spans in the NORMALIZED view, sorted by start; event spans are left
  /// in the normalized view. Thread-safe.
  void assemble(const NormalizedText& nt, const std::vector<Mention>& mentions,
                std::vector<Event>* out) const;

  /// A keyword list entry: its lower-case forms and its `kind` attribute.
  struct Keywords {
    std::vector<std::pair<std::string, std::string>> forms;  // (form, kind)
  };
  /// An occurrence of a keyword in a lower-cased sentence.
  struct Hit {
    std::size_t start, end;
    std::string_view kind;
  };
  /// Every keyword list the assembler uses.
  struct Vocabulary {
    Keywords meeting_kinds, meeting_verbs, meeting_blockers, plan_words, award_verbs, award_blockers,
        funding_verbs, not_funding, funding_totals, recipient_units, beneficiary_units,
        non_org_givers;
    /// Offices named alone ("Thủ tướng"): the kind is the issuer they stand
    /// for ("Thủ tướng Chính phủ").
    Keywords issuer_offices;
    /// Words before a person's name ("đồng chí ", "anh "), with their space.
    Keywords person_markers;
    /// Awards and gifts: words that open recipients after an award ("cho",
    /// "tặng"), adverbs between a subject and its verb ("đã", "vừa"), words
    /// between two bodies acting together ("phối hợp với"), words between an
    /// award and its issuer ("của", "do", "từ"), words that open a part of a
    /// group just counted ("trong đó").
    Keywords recipient_links, verb_adverbs, partner_words, issuer_links, subset_words;
    std::vector<std::string> kind_order;  ///< meeting kinds, most specific first
    /// Verbs of saying (person_speech_verbs.txt): where what is told at a
    /// meeting only referred to begins ("Tại cuộc họp báo, ông A cho biết …").
    Keywords speech_verbs;
  };

 private:
  Vocabulary vocab_;
  SentenceSplitter splitter_;
};

}  // namespace vnie::detail
