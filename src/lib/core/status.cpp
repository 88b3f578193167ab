#include "vnie/status.h"

namespace vnie {

const char* to_string(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::ok: return "ok";
    case ErrorCode::invalid_argument: return "invalid_argument";
    case ErrorCode::invalid_utf8: return "invalid_utf8";
    case ErrorCode::input_too_large: return "input_too_large";
    case ErrorCode::io_error: return "io_error";
    case ErrorCode::rule_syntax: return "rule_syntax";
    case ErrorCode::rule_compile: return "rule_compile";
    case ErrorCode::rule_reference: return "rule_reference";
    case ErrorCode::rule_example: return "rule_example";
    case ErrorCode::internal: return "internal";
    case ErrorCode::mojibake_repaired: return "mojibake_repaired";
    case ErrorCode::fullwidth_folded: return "fullwidth_folded";
    case ErrorCode::confusable_replaced: return "confusable_replaced";
    case ErrorCode::marks_reordered: return "marks_reordered";
    case ErrorCode::eth_replaced: return "eth_replaced";
  }
  return "unknown";
}

std::string Status::to_string() const {
  if (ok()) return "ok";
  std::string out;
  if (!file.empty()) {
    out += file;
    if (line != 0) out += ":" + std::to_string(line);
    out += ": ";
  }
  out += message;
  if (byte_offset != static_cast<std::size_t>(-1)) {
    out += " (at byte " + std::to_string(byte_offset) + ")";
  }
  return out;
}

}  // namespace vnie
