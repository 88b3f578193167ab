// vnie/status.h — how vnie reports errors and warnings.
//
// The library never throws across its API unless a function says so, never
// prints and never exits. Functions that can fail return a `Status`; problems
// that do not stop processing (an invalid UTF-8 sequence that was replaced,
// say) are returned as `Warning`s inside the result.
#pragma once

#include <cstddef>
#include <string>

#include "vnie/export.h"

namespace vnie {

/// Which kind of problem an error or warning is about.
enum class ErrorCode {
  ok = 0,
  invalid_argument,   ///< a bad option value or malformed call
  invalid_utf8,       ///< input bytes that are not UTF-8 (a warning: replaced by U+FFFD)
  input_too_large,    ///< a document over Options::max_document_bytes
  io_error,           ///< a file that cannot be read
  rule_syntax,        ///< a rule file that does not follow docs/rules.md
  rule_compile,       ///< a rule pattern that RE2 rejects
  rule_reference,     ///< an unknown macro, list, production or duplicate id
  rule_example,       ///< a rule's example or negative example that fails
  internal,           ///< a bug in vnie: please report it
  // Warnings of text the normalizer repaired (docs/normalization.md,
  // "Repairs"): the bytes [byte_offset, byte_offset + length) of the input
  // were rewritten.
  mojibake_repaired,    ///< UTF-8 read as Windows-1252 and saved again, decoded (one a run)
  fullwidth_folded,     ///< fullwidth forms U+FF01..U+FF5E made ASCII (one a run)
  confusable_replaced,  ///< Cyrillic/Greek look-alikes in a Latin word made Latin (one a word)
  marks_reordered,      ///< a tone mark typed before the circumflex or breve, composed
  eth_replaced,         ///< ð/Ð written for đ/Đ at the start of a Vietnamese word
};

/// Stable lower-case name of an error code ("invalid_utf8", "rule_compile", …).
VNIE_API const char* to_string(ErrorCode code) noexcept;

/// The outcome of an operation that can fail. Default-constructed = success.
/// `file`, `line` and `byte_offset` say where the problem is when known
/// (`line` is 1-based, 0 = unknown; `byte_offset` is npos when unknown).
struct VNIE_API Status {
  ErrorCode code = ErrorCode::ok;
  std::string message;
  std::string file;
  std::size_t line = 0;
  std::size_t byte_offset = static_cast<std::size_t>(-1);

  bool ok() const noexcept { return code == ErrorCode::ok; }
  /// "file:line: message (at byte N)" with the parts that are known.
  std::string to_string() const;

  static Status error(ErrorCode c, std::string msg) {
    Status s;
    s.code = c;
    s.message = std::move(msg);
    return s;
  }
};

/// A problem that did not stop processing. `byte_offset` is into the
/// caller's original input; `length` is how many bytes from there the
/// warning covers (a run of adjacent undecodable bytes is one warning), 0 when
/// it concerns no bytes in particular.
struct Warning {
  ErrorCode code = ErrorCode::ok;
  std::string message;
  std::size_t byte_offset = 0;
  std::size_t length = 0;
};

}  // namespace vnie
