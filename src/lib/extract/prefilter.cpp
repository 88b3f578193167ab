#include "extract/prefilter.h"

#include <algorithm>
#include <map>

namespace vnie::detail {

Status LiteralPrefilter::add(const std::string& pattern, bool case_sensitive) {
  RE2::Options opt;
  opt.set_encoding(RE2::Options::EncodingUTF8);
  opt.set_case_sensitive(case_sensitive);
  opt.set_log_errors(false);
  opt.set_max_mem(int64_t{64} << 20);
  int id = -1;
  const RE2::ErrorCode code = filter_.Add(pattern, opt, &id);
  if (code != RE2::NoError || id != count_) {
    return Status::error(ErrorCode::rule_compile, "the prefilter cannot take a pattern");
  }
  ++count_;
  return {};
}

Status LiteralPrefilter::compile(const Normalizer& normalizer) {
  if (count_ == 0) return {};
  std::vector<std::string> atoms;
  filter_.Compile(&atoms);
  std::map<std::string, std::vector<int>> folded;
  for (std::size_t i = 0; i < atoms.size(); ++i) {
    folded[normalizer.fold(atoms[i])].push_back(static_cast<int>(i));
  }
  if (folded.empty()) return {};
  RE2::Options opt;
  opt.set_encoding(RE2::Options::EncodingUTF8);
  opt.set_case_sensitive(true);  // the folded view is lower case already
  opt.set_log_errors(false);
  opt.set_max_mem(int64_t{128} << 20);
  atoms_ = std::make_unique<RE2::Set>(opt, RE2::UNANCHORED);
  for (auto& [atom, ids] : folded) {
    std::string err;
    if (atoms_->Add(RE2::QuoteMeta(atom), &err) < 0) {
      return Status::error(ErrorCode::rule_compile, "the prefilter cannot take atom '" + atom +
                                                        "': " + err);
    }
    atom_ids_.push_back(std::move(ids));
  }
  if (!atoms_->Compile()) {
    return Status::error(ErrorCode::rule_compile, "the prefilter's atom set does not compile");
  }
  return {};
}

void LiteralPrefilter::candidates(std::string_view folded_line, std::vector<int>* out) const {
  if (count_ == 0) return;
  std::vector<int> found, atoms;
  if (atoms_) {
    RE2::Set::ErrorInfo info{};
    if (!atoms_->Match(re2::StringPiece(folded_line.data(), folded_line.size()), &found, &info) &&
        info.kind != RE2::Set::kNoError) {
      // Out of memory in the atom DFA: every rule is a candidate.
      for (int i = 0; i < count_; ++i) out->push_back(i);
      return;
    }
  }
  for (int f : found) {
    const auto& ids = atom_ids_[static_cast<std::size_t>(f)];
    atoms.insert(atoms.end(), ids.begin(), ids.end());
  }
  std::sort(atoms.begin(), atoms.end());
  atoms.erase(std::unique(atoms.begin(), atoms.end()), atoms.end());
  std::vector<int> potentials;
  filter_.AllPotentials(atoms, &potentials);
  std::sort(potentials.begin(), potentials.end());
  out->insert(out->end(), potentials.begin(), potentials.end());
}

}  // namespace vnie::detail
