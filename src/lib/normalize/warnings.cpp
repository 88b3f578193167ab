#include "normalize/warnings.h"

#include <algorithm>

namespace vnie::detail {

void add_undecodable(std::vector<Warning>& warnings, std::string_view input, std::size_t offset,
                     std::size_t len, std::string message, std::string_view what) {
  if (!warnings.empty()) {
    Warning& last = warnings.back();
    if (last.code == ErrorCode::invalid_utf8 && last.length > 0 &&
        last.byte_offset + last.length == offset) {
      last.length += len;
      static constexpr char kHex[] = "0123456789ABCDEF";
      static constexpr std::size_t kShown = 8;  // bytes named in the message
      std::string msg(what);
      msg += ": " + std::to_string(last.length) + " bytes";
      const std::string_view run = input.substr(last.byte_offset, last.length);
      for (std::size_t k = 0; k < std::min(run.size(), kShown); ++k) {
        const auto b = static_cast<unsigned char>(run[k]);
        msg += ' ';
        msg += kHex[b >> 4];
        msg += kHex[b & 0xF];
      }
      if (run.size() > kShown) msg += " …";
      msg += " replaced by U+FFFD";
      last.message = std::move(msg);
      return;
    }
  }
  warnings.push_back({ErrorCode::invalid_utf8, std::move(message), offset, len});
}

void cap_warnings(Document* doc) {
  if (doc->warnings.size() <= kMaxWarnings) return;
  doc->warnings_truncated += doc->warnings.size() - kMaxWarnings;
  doc->warnings.resize(kMaxWarnings);
}

}  // namespace vnie::detail
