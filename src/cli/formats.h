// Output formats of `vnie extract`: each document (or error) becomes one
// record, a string rendered independently of the others so that worker
// threads can render in parallel; the writer puts the records in input order
// with begin(), separator() and end() around them.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vnie/document.h"
#include "vnie/encoding.h"

namespace vnie_cli {

/// A document that could not be processed.
struct ErrorRecord {
  std::string id, code, message, input;
};

class Formatter {
 public:
  virtual ~Formatter() = default;
  /// Written once before the first record.
  virtual std::string begin() const { return {}; }
  /// One document; `text` is the document's input, whose bytes its offsets
  /// index, in `encoding` (never auto_detect: the encoding used).
  /// Safe to call from many threads at once.
  virtual std::string document(const vnie::Document& doc, std::string_view text,
                               vnie::Encoding encoding) const = 0;
  virtual std::string error(const ErrorRecord& e) const = 0;
  /// Written between two non-empty records.
  virtual std::string separator() const { return {}; }
  /// Written once at the end; `any` says whether a non-empty record was written.
  virtual std::string end(bool any) const {
    (void)any;
    return {};
  }
};

/// "jsonl", "json", "table", "csv" (with a UTF-8 byte order mark when `bom`) or "html".
std::unique_ptr<Formatter> make_formatter(const std::string& format, bool bom);

/// The CSV columns, in order (docs/cli.md).
const std::vector<std::string>& csv_columns();
std::unique_ptr<Formatter> make_csv_formatter(bool bom);
/// One self-contained HTML page (format_html.cpp, docs/cli.md).
std::unique_ptr<Formatter> make_html_formatter();

/// Shared with the CSV format: numbers as in JSON (whole numbers without a
/// fraction), ISO dates (partial: missing parts left out or '-').
std::string number_text(double x);
std::string iso_date(const vnie::DateValue& d);
/// The UTF-8 text of bytes [start, end) of `text`, an input in `encoding`
/// (decoded when it is a legacy encoding); "" when the span is out of range.
std::string span_utf8(std::string_view text, std::size_t start, std::size_t end,
                      vnie::Encoding encoding);

}  // namespace vnie_cli
