// The default rule files compiled into the library (generated source:
// cmake/EmbedRules.cmake writes build/generated/embedded_rules.cpp).
#pragma once

#include <cstddef>
#include <span>

namespace vnie::detail {

struct EmbeddedFile {
  const char* path;  ///< relative to rules/, e.g. "values/money.rules"
  const char* data;
  std::size_t size;
};

/// Every embedded file, sorted by path.
std::span<const EmbeddedFile> embedded_rule_files() noexcept;

}  // namespace vnie::detail
