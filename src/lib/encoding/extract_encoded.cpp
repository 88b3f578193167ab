// extract_encoded(): decode, extract from the UTF-8 text, map every offset of
// the result back to the original bytes.
#include <algorithm>
#include <utility>

#include "normalize/warnings.h"
#include "vnie/encoding.h"

namespace vnie {

Status extract_encoded(const Extractor& ex, std::string_view bytes, Encoding enc,
                       const DocumentInfo& info, Document* out, Decoded* decoded) {
  if (out == nullptr)
    return Status::error(ErrorCode::invalid_argument, "extract_encoded: null output");
  Decoded local;
  Decoded& d = decoded != nullptr ? *decoded : local;
  Status st = decode(bytes, enc, &d);
  if (!st.ok()) return st;
  st = ex.extract(d.text, info, out);
  if (!st.ok()) {
    if (st.byte_offset != static_cast<std::size_t>(-1))
      st.byte_offset = d.to_original(st.byte_offset, Edge::start);
    return st;
  }
  for (Mention& m : out->mentions) {
    const auto [s, e] = d.to_original(m.start, m.end);
    m.start = s;
    m.end = e;
  }
  for (Event& ev : out->events) {
    const auto [s, e] = d.to_original(ev.start, ev.end);
    ev.start = s;
    ev.end = e;
  }
  for (Warning& w : out->warnings) {
    const auto [s, e] = d.to_original(w.byte_offset, w.byte_offset + w.length);
    w.byte_offset = s;
    if (w.length > 0) w.length = e - s;
  }
  // The decoder's warnings first, then the extractor's.
  std::vector<Warning> warnings = d.warnings;
  warnings.insert(warnings.end(), std::make_move_iterator(out->warnings.begin()),
                  std::make_move_iterator(out->warnings.end()));
  out->warnings = std::move(warnings);
  detail::cap_warnings(out);
  out->encoding = to_string(d.encoding);
  return {};
}

}  // namespace vnie
