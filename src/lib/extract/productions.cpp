#include "extract/production.h"

namespace vnie::detail {

const ProductionRegistry& builtin_productions() {
  static const ProductionRegistry registry = [] {
    ProductionRegistry r;
    register_value_productions(r);
    register_entity_productions(r);
    return r;
  }();
  return registry;
}

}  // namespace vnie::detail
