// CLI11, included with the one warning it trips under our flags silenced:
// GCC 12 at -O2 reports a false "potential null pointer dereference" inside
// std::string moves inlined into CLI11's own inline functions.
#pragma once

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <CLI/CLI.hpp>
#pragma GCC diagnostic pop
