// Word lists (rules/lists/*.txt, docs/rules.md): one concept a line,
// `canonical|variant|… [; key=value …]`, looked up ignoring case and tone style.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "rules/rule_file.h"
#include "vnie/normalize.h"
#include "vnie/status.h"

namespace vnie::detail {

struct LexEntry {
  std::string canonical;
  std::vector<std::string> forms;  ///< canonical first, then the variants (NFC)
  std::vector<std::pair<std::string, std::string>> attrs;
  std::string file;
  std::size_t line = 0;

  /// The attribute `key`, or "" when absent.
  std::string_view attr(std::string_view key) const;
  /// True when `item` is one of the comma-separated values of attribute `key`
  /// ("ranks=vàng,bạc,đồng"); compared as written.
  bool attr_has(std::string_view key, std::string_view item) const;
};

class Lexicon {
 public:
  explicit Lexicon(const Normalizer* normalizer) : normalizer_(normalizer) {}

  /// Adds the lines of a list file; the list's name is the file's stem. A list
  /// already known is extended. Errors name file and line.
  Status add_file(const SourceFile& file);

  bool has(std::string_view list) const { return lists_.count(std::string(list)) != 0; }
  /// The names of the lists, sorted.
  std::vector<std::string> list_names() const;
  /// Every entry of `list` (empty when unknown).
  const std::vector<LexEntry>& entries(std::string_view list) const;
  /// The entry of `list` one of whose forms equals `text`, ignoring case and
  /// tone style; failing that, ignoring all diacritics. nullptr when none.
  const LexEntry* lookup(std::string_view list, std::string_view text) const;
  /// The entry of `list` one of whose forms equals `text` ignoring case and tone
  /// style only (not the other diacritics: "có" is not "cổ"). nullptr when none.
  const LexEntry* lookup_exact(std::string_view list, std::string_view text) const;
  /// Every form of `list` (folded when `folded`), longest first, deduplicated.
  std::vector<std::string> forms(std::string_view list, bool folded) const;

  /// The key used for exact lookups: normalized and lower-cased.
  std::string exact_key(std::string_view text) const;
  /// The key used for accent-insensitive lookups: folded.
  std::string folded_key(std::string_view text) const;

 private:
  /// "#! attributes: key=type …" (types int, word, words) into `schema`; false with `err`.
  static bool parse_schema(std::string_view text, std::map<std::string, std::string>* schema,
                           std::string* err);
  /// Checks one attribute of an entry: its syntax, and against `schema` when the list has one.
  static bool check_attribute(const std::map<std::string, std::string>& schema,
                              std::string_view key, std::string_view value, std::string* err);

  struct List {
    std::vector<LexEntry> entries;
    std::unordered_map<std::string, std::size_t> exact, folded;
    std::map<std::string, std::string> schema;  ///< declared attributes: key → type
  };
  const Normalizer* normalizer_;
  std::map<std::string, List, std::less<>> lists_;
};

}  // namespace vnie::detail
