// JSON building blocks behind vnie/json.h (docs/output-format.md).
//
// Internal to the library (and its tests): the public API is to_json_line()
// and to_json_pretty(). JSON text is appended to a std::string while the
// Document is walked, with no DOM in between; the text is byte for byte what
// nlohmann::ordered_json::dump(indent, ' ', false, error_handler_t::replace)
// printed for the object the library used to build.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "vnie/document.h"

namespace vnie::detail {

/// Appends `s` as a quoted JSON string, escaped as nlohmann's dump() does:
/// `"` `\` and control characters escaped (\b \t \n \f \r, other ones as
/// lowercase \u00xx), `/` and DEL kept, UTF-8 kept as is, every invalid
/// UTF-8 sequence replaced by U+FFFD the way error_handler_t::replace does.
void append_json_string(std::string* out, std::string_view s);

/// Appends a double as JSON: an integer when it is integral and fits in
/// int64 (4609, not 4609.0), the shortest decimal that reads back the same
/// otherwise (13.5, 1e+21, 1e-07); null when not finite.
void append_json_number(std::string* out, double x);

/// Writes JSON values one after the other into a string: commas, and with
/// indent >= 0 the newlines and indentation of a pretty form, come by
/// themselves. Inside an object every value follows a key().
class JsonWriter {
 public:
  /// indent < 0: one line; indent >= 0: pretty, as dump(indent).
  explicit JsonWriter(std::string* out, int indent = -1) : out_(out), indent_(indent) {}

  void begin_object() { open('{'); }
  void end_object() { close('}', '{'); }
  void begin_array() { open('['); }
  void end_array() { close(']', '['); }
  /// `name` is written as is: a plain ASCII name with nothing to escape.
  void key(std::string_view name);

  void null() { value_prefix(); *out_ += "null"; }
  void boolean(bool b) { value_prefix(); *out_ += b ? "true" : "false"; }
  void string(std::string_view s) { value_prefix(); append_json_string(out_, s); }
  void integer(std::int64_t v);
  void unsigned_integer(std::uint64_t v);
  /// As append_json_number().
  void number(double x) { value_prefix(); append_json_number(out_, x); }

 private:
  void open(char c);
  void close(char c, char open);
  /// Before a value: nothing after a key; in an array a comma but before the
  /// first element, and in the pretty form a new line.
  void value_prefix();
  void new_line();

  std::string* out_;
  int indent_;
  int depth_ = 0;
  bool after_key_ = false;
};

/// The document object (docs/output-format.md), keys in the documented order.
void write_json(JsonWriter& w, const Document& doc);

}  // namespace vnie::detail
