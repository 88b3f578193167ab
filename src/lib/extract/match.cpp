#include "extract/production.h"

namespace vnie::detail {

std::optional<std::string_view> Match::get(std::string_view name) const {
  for (const auto& c : captures_) {
    if (c.name == name) {
      if (c.text.data() == nullptr) return std::nullopt;
      return c.text;
    }
  }
  return std::nullopt;
}

std::optional<std::string_view> Match::normalized(std::string_view name) const {
  auto cap = get(name);
  if (!cap || view_ == View::normalized) return cap;
  const std::string& folded = doc_->folded;
  const auto b = static_cast<std::size_t>(cap->data() - folded.data());
  const auto e = b + cap->size();
  const std::size_t nb = doc_->folded_map.map(b, Edge::start);
  const std::size_t ne = doc_->folded_map.map(e, Edge::end);
  return std::string_view(doc_->text).substr(nb, ne > nb ? ne - nb : 0);
}

std::string_view Match::whole_normalized() const {
  if (view_ == View::normalized) return whole_;
  const std::size_t nb = doc_->folded_map.map(start_, Edge::start);
  const std::size_t ne = doc_->folded_map.map(end_, Edge::end);
  return std::string_view(doc_->text).substr(nb, ne > nb ? ne - nb : 0);
}

}  // namespace vnie::detail
