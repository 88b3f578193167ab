// Helpers shared by the `vnie` subcommands: input files, lines, dates,
// option validators, display width.
#pragma once

#include <cstddef>
#include <cstdio>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli11.h"

#include "vnie/document.h"
#include "vnie/extractor.h"

namespace vnie_cli {

/// Exit codes of every subcommand.
enum ExitCode : int {
  kExitOk = 0,
  kExitDocumentFailed = 1,  ///< some document could not be processed
  kExitUsage = 2,           ///< usage error, unreadable file, bad rules
};

/// The name used for standard input in ids and messages.
inline constexpr const char* kStdinName = "<stdin>";

/// Prints "vnie: MESSAGE" on stderr.
void error_message(const std::string& message);

/// One input of a command: a file path, or standard input.
struct InputSource {
  std::string name;  ///< the path as given (or found under a directory); kStdinName for stdin
  bool is_stdin = false;
};

/// Expands command line paths: none or "-" is stdin; a directory is walked
/// recursively for regular files whose name ends with `extension`, in sorted
/// path order; anything else is taken as a file. Problems walking a directory
/// are reported on stderr and make the result false (the rest is still listed).
bool expand_inputs(const std::vector<std::string>& args, std::string_view extension,
                   std::vector<InputSource>* out);

/// An open input stream: stdin or a file opened in binary mode.
class InputStream {
 public:
  /// Opens `src`; on failure returns null and reports "cannot read NAME: why".
  static std::unique_ptr<InputStream> open(const InputSource& src);
  std::istream& stream() { return *in_; }
  /// Reads the next line without its "\n" (and without a trailing "\r").
  /// False at end of input.
  bool next_line(std::string* line);
  /// True when a read failed (as opposed to reaching the end).
  bool failed() const { return in_->bad(); }
  /// Reads everything that is left, but stops once more than `limit` bytes
  /// have been read (then `*over_limit` is true). False on a read error.
  bool read_all(std::string* out, std::size_t limit, bool* over_limit);

 private:
  std::unique_ptr<std::istream> owned_;
  std::istream* in_ = nullptr;
};

/// True when `s` holds only ASCII blanks (space, tab, CR, FF, VT) or nothing.
bool is_blank(std::string_view s) noexcept;

/// Parses a real calendar date "YYYY-MM-DD". On failure `*why` says why.
bool parse_iso_date(std::string_view s, vnie::DateValue* out, std::string* why);
/// Parses a positive decimal byte count ("1048576"). False when not one.
bool parse_byte_count(std::string_view s, std::size_t* out);

/// CLI11 validators giving usage errors (exit 2) with a clear message.
CLI::Validator date_validator();
CLI::Validator mention_type_validator();
CLI::Validator tone_style_validator();
CLI::Validator byte_count_validator();
/// An encoding name vnie::parse_encoding() knows; "auto" only when `allow_auto`.
CLI::Validator encoding_validator(bool allow_auto);
/// Adds `--encoding ENC` (utf-8 and the legacy encodings, and auto) to `cmd`.
void add_encoding_option(CLI::App* cmd, std::string* value, const std::string& help);

/// Options shared by the commands that build an Extractor.
struct ExtractorArgs {
  std::vector<std::string> rule_dirs;
  bool no_default_rules = false;
  std::string style = "traditional";
  std::vector<std::string> types;
  std::string max_doc_bytes;
};
/// Adds --rules (repeatable) and --no-default-rules to `cmd`.
void add_rule_options(CLI::App* cmd, ExtractorArgs* args);
/// Builds an Extractor; on failure reports the Status on stderr and returns null.
std::unique_ptr<vnie::Extractor> make_extractor(const ExtractorArgs& args);

/// Terminal columns taken by UTF-8 text: one per code point, 0 for combining
/// marks and zero-width characters, 2 for East Asian wide characters.
/// Invalid bytes count 1 each (they display as U+FFFD).
std::size_t display_width(std::string_view s) noexcept;
/// `s` made safe for one table cell: invalid UTF-8 → U+FFFD, control
/// characters (newline, tab, …) → space; cut to `max_width` columns with "…".
std::string cell_text(std::string_view s, std::size_t max_width);
/// `s` followed by spaces up to `width` display columns.
std::string pad_right(const std::string& s, std::size_t width);

/// Prints rows of cells with columns aligned by display width, two spaces
/// apart, each line starting with `indent`. The last column is not padded.
void print_table(std::FILE* f, const std::vector<std::vector<std::string>>& rows,
                 const std::string& indent = "");
/// The same table as a string.
std::string format_table(const std::vector<std::vector<std::string>>& rows,
                         const std::string& indent = "");

/// Writes `s` to stdout; false on a write error.
bool write_out(std::string_view s);
/// True once writing to stdout has failed (then there is no point going on).
bool output_failed() noexcept;

}  // namespace vnie_cli
