#include "extract/prefilter.h"

#include <algorithm>

namespace vnie::detail {

namespace {

RE2::Options set_options() {
  RE2::Options opt;
  opt.set_encoding(RE2::Options::EncodingUTF8);
  opt.set_case_sensitive(true);  // per pattern: (?i) where the rule asks for it
  opt.set_log_errors(false);
  // The DFA cache of one Set; 16 MB is enough for the default groups on the
  // 11 MB benchmark file (docs/performance.md), 32 MB leaves room for user rules.
  opt.set_max_mem(int64_t{32} << 20);
  return opt;
}

}  // namespace

Status RulePrefilter::add(const std::string& pattern, bool case_sensitive) {
  if (!set_) set_ = std::make_unique<RE2::Set>(set_options(), RE2::UNANCHORED);
  std::string err;
  const std::string p = case_sensitive ? "(?:" + pattern + ")" : "(?i:" + pattern + ")";
  if (set_->Add(p, &err) != count_) {
    return Status::error(ErrorCode::rule_compile, "the prefilter cannot take the pattern: " + err);
  }
  ++count_;
  return {};
}

Status RulePrefilter::compile() {
  if (count_ == 0) return {};
  if (!set_->Compile()) {
    return Status::error(ErrorCode::rule_compile, "the prefilter's pattern set does not compile");
  }
  return {};
}

void RulePrefilter::candidates(std::string_view line, std::vector<int>* out) const {
  if (count_ == 0) return;
  std::vector<int> found;
  RE2::Set::ErrorInfo info{};
  if (!set_->Match(re2::StringPiece(line.data(), line.size()), &found, &info) &&
      info.kind != RE2::Set::kNoError) {
    // The DFA gave up (out of memory): every rule is a candidate.
    for (int i = 0; i < count_; ++i) out->push_back(i);
    return;
  }
  std::sort(found.begin(), found.end());
  out->insert(out->end(), found.begin(), found.end());
}

}  // namespace vnie::detail
