// The year of a date written without one, inferred from the article
// (src/lib/values/years.cpp, docs/values.md "Inferred years").
#pragma once

#include <optional>

#include "extract/production.h"

namespace vnie::detail::values {

/// The year of the date `day`/`month` matched by `m`, when the article's
/// reviewed and planned periods or one explicit year nearby leave no doubt;
/// nullopt otherwise. Reads a bounded window: constant time per date.
std::optional<int> infer_year(const Match& m, int month, int day);

}  // namespace vnie::detail::values
