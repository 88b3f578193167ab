// libFuzzer harness: Extractor::extract() on arbitrary bytes, with one
// Extractor (the embedded default rules) built once.
//
// Checked: extract() succeeds (inputs are far below max_document_bytes);
// every mention and event span is inside the input with start <= end, on
// character boundaries of the input (boundaries of ill-formed sequences where
// it is not UTF-8); input.substr(start, end - start) == mention.text;
// mentions sorted by (start, end), events by start; warnings inside the input
// and present when the input is not UTF-8; the JSON form is produced.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "fuzz_util.h"
#include "vnie/extractor.h"
#include "vnie/json.h"

using vnie_fuzz::unit_boundaries;

namespace {

const vnie::Extractor& extractor() {
  static const std::unique_ptr<vnie::Extractor> ex = [] {
    std::unique_ptr<vnie::Extractor> e;
    const vnie::Status s = vnie::Extractor::create(vnie::Options{}, &e);
    if (!s.ok()) {
      std::fprintf(stderr, "cannot build the extractor: %s\n", s.to_string().c_str());
      std::abort();
    }
    return e;
  }();
  return *ex;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  extractor();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  vnie::Document doc;
  const vnie::Status s = extractor().extract(input, {"fuzz", std::nullopt}, &doc);
  FUZZ_CHECK(s.ok(), static_cast<std::size_t>(s.code));

  bool valid = false;
  const std::vector<bool> at = unit_boundaries(input, &valid);
  std::size_t prev_start = 0, prev_end = 0;
  for (const auto& m : doc.mentions) {
    FUZZ_CHECK(m.start <= m.end, m.start, m.end);
    FUZZ_CHECK(m.end <= input.size(), m.end, input.size());
    FUZZ_CHECK(m.start < m.end, m.start, m.end);  // no empty mention
    FUZZ_CHECK(at[m.start] && at[m.end], m.start, m.end);
    FUZZ_CHECK(input.substr(m.start, m.end - m.start) == m.text, m.start, m.end);
    FUZZ_CHECK(m.start > prev_start || (m.start == prev_start && m.end >= prev_end), m.start,
               prev_start);
    prev_start = m.start;
    prev_end = m.end;
    FUZZ_CHECK(!m.rule.empty());
    FUZZ_CHECK(m.value.index() != 0);  // a value of the mention's type
  }
  std::size_t prev_event = 0;
  for (const auto& e : doc.events) {
    FUZZ_CHECK(e.start <= e.end, e.start, e.end);
    FUZZ_CHECK(e.end <= input.size(), e.end, input.size());
    FUZZ_CHECK(at[e.start] && at[e.end], e.start, e.end);
    FUZZ_CHECK(e.start >= prev_event, e.start, prev_event);
    prev_event = e.start;
  }
  bool invalid_warning = false;
  for (const auto& w : doc.warnings) {
    FUZZ_CHECK(w.byte_offset <= input.size(), w.byte_offset, input.size());
    FUZZ_CHECK(w.code != vnie::ErrorCode::internal, w.byte_offset);
    invalid_warning |= w.code == vnie::ErrorCode::invalid_utf8;
  }
  FUZZ_CHECK(invalid_warning == !valid);
  const std::string json = vnie::to_json_line(doc);
  FUZZ_CHECK(!json.empty() && json.front() == '{' && json.back() == '}');
  FUZZ_CHECK(vnie_fuzz::valid_utf8(json));
  return 0;
}
