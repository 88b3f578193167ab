// Award productions: the kind from lists/awards.txt, the name as written (docs/entities.md).
#include <string>

#include "entities/entities.h"
#include "rules/lexicon.h"
#include "text/unicode.h"

namespace vnie::detail::entities {

bool award(const Match& m, Value* out) {
  const std::string_view whole = m.whole_normalized();
  std::string_view head = m.normalized("head").value_or(whole);
  const LexEntry* e = m.lexicon().lookup("awards", head);
  if (!e) return false;
  AwardValue v;
  v.kind = std::string(e->attr("kind"));
  if (v.kind.empty()) return false;
  v.name = squeeze(whole);
  *out = std::move(v);
  return true;
}

bool award_quoted(const Match& m, Value* out) {
  auto nm = m.normalized("nm");
  if (!nm) return false;
  // Only a quoted title right after "danh hiệu" is an award: "đạt danh hiệu “…”".
  auto w = words_before(m.document().text, m.start(), 2);
  if (w.size() < 2 || to_lower(join(w, 0, 2)) != "danh hiệu") {
    // allow "danh hiệu:" — words_before stops at ':'; look at the raw text too
    const std::string_view text = m.document().text;
    const std::size_t from = m.start() >= 16 ? m.start() - 16 : 0;
    std::string before = to_lower(text.substr(from, m.start() - from));
    while (!before.empty() && (before.back() == ' ' || before.back() == ':')) before.pop_back();
    if (!before.ends_with("danh hiệu")) {
      return false;
    }
  }
  AwardValue v;
  const std::string name = squeeze(trim(*nm));
  const LexEntry* e = m.lexicon().lookup("awards", name);
  v.kind = e && !e->attr("kind").empty() ? std::string(e->attr("kind")) : "danh_hieu";
  v.name = name;
  *out = std::move(v);
  return true;
}

}  // namespace vnie::detail::entities
