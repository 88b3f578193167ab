// vnie/extractor.h — the extraction pipeline.
//
//   vnie::Options opt;                       // defaults: embedded rules, all types
//   std::unique_ptr<vnie::Extractor> ex;
//   vnie::Status st = vnie::Extractor::create(opt, &ex);
//   if (!st.ok()) { /* st.to_string() names file, line, rule */ }
//   vnie::Document doc;
//   st = ex->extract(text, {}, &doc);        // doc.mentions, doc.events
//
// An Extractor is built once, is immutable afterwards, and `extract()` is
// const and safe to call from many threads at once.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vnie/document.h"
#include "vnie/export.h"
#include "vnie/normalize.h"
#include "vnie/status.h"

namespace vnie {

/// Options for building an Extractor. Every field has a documented default.
struct Options {
  /// Normalization applied before matching. Default: traditional tone style.
  NormalizeOptions normalize;
  /// Use the rules embedded in the library at build time. Default: true.
  bool use_default_rules = true;
  /// Extra rule directories, loaded in order after the defaults. A rule whose
  /// id already exists replaces it; a new id adds a rule. Default: none.
  std::vector<std::string> rule_dirs;
  /// Mention types to report; empty = all. Default: all.
  std::vector<MentionType> types;
  /// Run each rule only where its match could start (the trigger index of
  /// docs/rules.md: one pass over each line looks up every word in the words,
  /// classes and symbols a rule can start with). Off, every rule is tried at
  /// every position a match may start. Never changes results, only speed;
  /// off is for tests and benchmarks. Default: true.
  bool prefilter = true;
  /// Find again, anywhere in the document, the names of the persons and organizations the
  /// rules found ("Nguyễn Quang Hải" found after a title; later "Quang Hải cho biết"): such
  /// mentions carry rule id "entities.repeat" (docs/entities.md, "Repeated names").
  /// Default: true.
  bool repeat_names = true;
  /// For a document written without diacritics (valid UTF-8, at least 20
  /// letters, under 1 in 200 with a diacritic), put the diacritics back on the
  /// words the rules know before extracting ("Lien doan Lao dong tinh" →
  /// "Liên đoàn Lao động tỉnh"; names of people stay as written). Offsets and
  /// mention texts still refer to the input; values and canonical names come
  /// with diacritics. Documents with diacritics are never changed.
  /// Default: true.
  bool restore_diacritics = true;
  /// Larger documents are refused with ErrorCode::input_too_large.
  /// Default: 64 MiB.
  std::size_t max_document_bytes = std::size_t{64} << 20;
};

/// What the caller knows about a document besides its text.
struct DocumentInfo {
  std::string id;
  /// Resolves year-less and relative dates. When empty, the publication date
  /// found in the article header is used; when none, years stay unknown.
  std::optional<DateValue> reference_date;
};

/// One rule as loaded, for listings (`vnie rules list`).
struct RuleInfo {
  std::string id;
  std::string type;        ///< mention type it produces
  std::string file;        ///< where it was defined ("<embedded>/values.rules" for defaults)
  std::size_t line = 0;
  int priority = 0;
  int stage = 0;
  std::string production;
  std::size_t examples = 0, negative_examples = 0;
};

/// Per-stage wall time of the extractions done so far by one thread, for
/// benchmarks. Filled only when passed to extract().
struct StageTimes {
  /// Seconds; `prefilter` is the trigger scan that picks where rules run.
  double normalize = 0, prefilter = 0, match = 0, productions = 0, events = 0;
  /// Per rule, indexed like rules(): seconds spent matching it (productions
  /// included) and the number of lines it ran on. Resized by extract().
  std::vector<double> rule_seconds;
  std::vector<std::size_t> rule_lines;
};

class VNIE_API Extractor {
 public:
  /// Builds an extractor: loads and compiles every rule. On failure `*out` is
  /// left empty and the Status names the file, line and rule id. Never throws.
  static Status create(const Options& options, std::unique_ptr<Extractor>* out);

  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  /// Extracts mentions and events from `input` (any bytes; invalid UTF-8 is
  /// replaced and reported as a warning in `out->warnings`). Replaces *out.
  /// Fails only for ErrorCode::input_too_large. Never throws but std::bad_alloc.
  Status extract(std::string_view input, const DocumentInfo& info, Document* out,
                 StageTimes* times = nullptr) const;

  /// The rules in force, in load order.
  std::vector<RuleInfo> rules() const;
  const Options& options() const noexcept;

 private:
  struct VNIE_INTERNAL Impl;  // not exported from a shared libvnie
  explicit Extractor(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// Loads and compiles the rule files of `dirs` (after the embedded defaults
/// when `with_defaults`) without building an extractor, and runs every rule's
/// examples. Returns the first error; fills `rules` with what loaded.
VNIE_API Status check_rules(const std::vector<std::string>& dirs, bool with_defaults,
                   std::vector<RuleInfo>* rules);

/// The library version, "MAJOR.MINOR.PATCH".
VNIE_API const char* version() noexcept;

}  // namespace vnie
