// Entity productions: organizations, awards and people (rules/entities/*.rules,
// docs/entities.md).
#include "entities/entities.h"
#include "extract/production.h"

namespace vnie::detail {

void register_entity_productions(ProductionRegistry& r) {
  r.add("organization", entities::organization);
  r.add("organization_levels", entities::organization_levels);
  r.add("organization_known", entities::organization_known);
  r.add("organization_abbreviation", entities::organization_abbreviation);
  r.add("organization_union_named", entities::organization_union_named);
  r.add("organization_place_tail", entities::organization_place_tail);
  r.add("organization_brand", entities::organization_brand);
  r.add("award", entities::award);
  r.add("award_quoted", entities::award_quoted);
  r.add("person", entities::person);
  r.add("person_byline", entities::person_byline);
  r.add("person_titled_given", entities::person_titled_given);
  r.add("person_given", entities::person_given, entities::person_given_gate);
  r.add("person_foreign", entities::person_foreign, entities::person_foreign_gate);
  r.add("person_caps", entities::person_caps);
  r.add("person_credit", entities::person_credit);
}

}  // namespace vnie::detail
