// Entity productions (organizations, awards, people): none registered yet.
#include "extract/production.h"

namespace vnie::detail {

void register_entity_productions(ProductionRegistry&) {}

}  // namespace vnie::detail
