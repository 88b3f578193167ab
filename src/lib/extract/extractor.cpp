// The extraction pipeline: normalize; then, stage by stage, one pass of the
// trigger index over each line gives the positions where each rule could
// start a match, the rules run anchored there with their captures and
// productions, and overlaps are resolved; finally spans are mapped to the
// original input and events are assembled.
#include "vnie/extractor.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <utility>
#include <tuple>

#include "events/assembler.h"
#include "entities/repeats.h"
#include "extract/hooks.h"
#include "extract/triggers.h"
#include "extract/production.h"
#include "extract/resolve.h"
#include "normalize/warnings.h"
#include "rules/restore.h"
#include "rules/ruleset.h"
#include "text/unicode.h"

namespace vnie {

using detail::Candidate;
using detail::CompiledRule;

namespace {

using Clock = std::chrono::steady_clock;

/// The index of the Value alternative that holds a value of type `t`.
std::size_t value_index_of(MentionType t) {
  switch (t) {
    case MentionType::date: return 1;
    case MentionType::date_range: return 2;
    case MentionType::time: return 3;
    case MentionType::number: return 4;
    case MentionType::percent: return 5;
    case MentionType::money: return 6;
    case MentionType::ordinal: return 7;
    case MentionType::award: return 8;
    case MentionType::organization: return 9;
    case MentionType::person: return 10;
  }
  return 0;
}

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

/// The family of a rule. Candidates are produced group by group (stage, view,
/// family) and, within a group, line by line and rule by rule: the order the
/// overlap resolution has always seen them in, which its ties depend on.
int filter_family(MentionType t) {
  switch (t) {
    case MentionType::award: return 1;
    case MentionType::organization: return 2;
    case MentionType::person: return 3;
    case MentionType::number:
    case MentionType::ordinal: return 4;
    case MentionType::percent:
    case MentionType::money: return 5;
    default: return 0;  // date, date_range, time
  }
}

/// The rules of one stage, one view and one family.
struct RuleGroup {
  int stage = 1;
  View view = View::normalized;
  std::vector<std::size_t> rules;     // indices into RuleSet::rules
  std::vector<std::uint32_t> locals;  // the same rules' ids in their pass's trigger index
};

/// The rules of one stage that read one view: one trigger index, one scan of
/// each line, candidates handed to the groups in order.
struct RulePass {
  int stage = 1;
  View view = View::normalized;
  std::vector<std::size_t> groups;  // indices into Impl::groups, ascending
  detail::TriggerIndex triggers;
};

/// Where a rule's matches may start on a line, in ascending order: the
/// trigger index's positions, or, for a rule the index does not trigger
/// (docs/rules.md), the starts of its unanchored matches, found one by one.
class Starts {
 public:
  explicit Starts(const std::vector<std::uint32_t>& at) : at_(&at) {}
  Starts(const RE2& re, std::string_view view, std::size_t line_start, std::size_t line_end,
         bool word_boundary)
      : re_(&re), view_(view), line_start_(line_start), line_end_(line_end),
        word_boundary_(word_boundary) {}

  /// The next start at or after `pos` (line-relative); false when none.
  bool next(std::size_t pos, std::size_t* start) {
    if (at_ != nullptr) {
      while (i_ < at_->size() && (*at_)[i_] < pos) ++i_;
      if (i_ == at_->size()) return false;
      *start = (*at_)[i_++];
      return true;
    }
    const std::string_view line = view_.substr(line_start_, line_end_ - line_start_);
    while (pos <= line.size()) {
      re2::StringPiece m;
      if (!re_->Match(re2::StringPiece(line.data(), line.size()), pos, line.size(),
                      RE2::UNANCHORED, &m, 1)) {
        return false;
      }
      const auto s = static_cast<std::size_t>(m.data() - line.data());
      if (word_boundary_ && detail::inside_word(view_, line_start_ + s)) {
        // No match starting inside this word is kept: go on from its end
        // (from the next character, a run of digits cost quadratic time).
        pos = std::max(detail::word_end(line, s), s + 1);
        continue;
      }
      *start = s;
      return true;
    }
    return false;
  }

 private:
  const std::vector<std::uint32_t>* at_ = nullptr;
  std::size_t i_ = 0;
  const RE2* re_ = nullptr;
  std::string_view view_;
  std::size_t line_start_ = 0, line_end_ = 0;
  bool word_boundary_ = true;
};

}  // namespace

struct Extractor::Impl {
  explicit Impl(const Options& o)
      : options(o),
        normalizer(o.normalize),
        as_written(NormalizeOptions{ToneStyle::keep, false}),
        rules(&normalizer) {}

  Options options;
  Normalizer normalizer;
  Normalizer as_written;  // NFC and cleaning only: tone marks stay where they are written
  detail::RuleSet rules;
  std::vector<RuleGroup> groups;  // sorted by stage, view, family
  std::vector<RulePass> passes;   // sorted by stage, view
  std::unique_ptr<detail::EventAssembler> events;
  detail::Restorer restorer;
  bool want[10] = {};             // by MentionType
  bool repeat_names = true;       // Options::repeat_names

  Status build();
  void run_pass(const RulePass& pass, const NormalizedText& nt, const std::optional<DateValue>& ref,
                const std::vector<Mention>& earlier, std::vector<std::vector<Candidate>>* by_group,
                std::vector<Warning>* warnings, StageTimes* times) const;
  void run_rule(std::size_t index, Starts starts, std::string_view view,
                std::size_t line_start, std::size_t line_end, const NormalizedText& nt,
                const std::optional<DateValue>& ref, const std::vector<Mention>& earlier,
                std::vector<Candidate>* out, std::vector<Warning>* warnings,
                StageTimes* times) const;
};

Status Extractor::Impl::build() {
  Status s = detail::load_rules(options.rule_dirs, options.use_default_rules, normalizer, &rules);
  if (!s.ok()) return s;
  events = std::make_unique<detail::EventAssembler>(rules.lexicon);
  if (options.restore_diacritics) restorer.build(rules.lexicon, rules.rules, normalizer);
  if (options.types.empty()) {
    std::fill(std::begin(want), std::end(want), true);
  } else {
    for (MentionType t : options.types) want[static_cast<int>(t)] = true;
  }
  repeat_names = options.repeat_names;
  std::map<std::tuple<int, int, int>, RuleGroup> by_key;
  for (std::size_t i = 0; i < rules.rules.size(); ++i) {
    const auto& spec = rules.rules[i].spec;
    auto& g = by_key[{spec.stage, spec.folded ? 1 : 0, filter_family(spec.type)}];
    g.stage = spec.stage;
    g.view = spec.folded ? View::folded : View::normalized;
    g.rules.push_back(i);
  }
  for (auto& [key, g] : by_key) {
    if (passes.empty() || passes.back().stage != g.stage || passes.back().view != g.view) {
      passes.emplace_back();
      passes.back().stage = g.stage;
      passes.back().view = g.view;
    }
    RulePass& pass = passes.back();
    for (std::size_t i : g.rules) {
      const CompiledRule& r = rules.rules[i];
      g.locals.push_back(static_cast<std::uint32_t>(pass.triggers.size()));
      pass.triggers.add(r.expanded, !r.spec.word_boundary, r.spec.case_sensitive,
                        !options.prefilter);
    }
    pass.groups.push_back(groups.size());
    groups.push_back(std::move(g));
  }
  return {};
}

namespace {

// The two RE2 calls of a rule at a candidate start, kept apart (and out of
// line) so that a profile tells the cost of finding matches from the cost of
// their captures.

// The match anchored at `start` (DFA only: no submatch but the whole).
[[gnu::noinline]] bool match_from(const RE2& re, const re2::StringPiece& text, std::size_t start,
                                  re2::StringPiece* whole) {
  return re.Match(text, start, text.size(), RE2::ANCHOR_START, whole, 1);
}

// The captures of the match known to span exactly [start, end).
[[gnu::noinline]] bool match_groups(const RE2& re, const re2::StringPiece& text, std::size_t start,
                                    std::size_t end, std::vector<re2::StringPiece>* groups) {
  return re.Match(text, start, end, RE2::ANCHOR_BOTH, groups->data(),
                  static_cast<int>(groups->size()));
}

}  // namespace

void Extractor::Impl::run_rule(std::size_t index, Starts starts,
                               std::string_view view, std::size_t line_start,
                               std::size_t line_end, const NormalizedText& nt,
                               const std::optional<DateValue>& ref,
                               const std::vector<Mention>& earlier, std::vector<Candidate>* out,
                               std::vector<Warning>* warnings, StageTimes* times) const {
  const CompiledRule& r = rules.rules[index];
  const std::string_view line = view.substr(line_start, line_end - line_start);
  const std::size_t ngroups = r.group_names.size();
  thread_local std::vector<re2::StringPiece> groups_sv;  // RE2 2022 API: StringPiece
  groups_sv.assign(ngroups, re2::StringPiece());
  std::size_t pos = 0;  // matches may start here or later (after an accepted one: its end)
  auto t0 = times ? Clock::now() : Clock::time_point{};
  double production_time = 0;
  const re2::StringPiece text(line.data(), line.size());
  std::size_t mstart = 0;
  detail::Match at;  // what a gate sees: the candidate start, no captures
  if (r.gate) {
    at.view_ = r.spec.folded ? View::folded : View::normalized;
    at.doc_ = &nt;
    at.lexicon_ = &rules.lexicon;
    at.ref_date_ = &ref;
    at.earlier_ = &earlier;
    at.rule_id_ = r.spec.id;
  }
  while (starts.next(pos, &mstart)) {
    std::size_t step = 0;
    detail::decode_at(line, mstart, step);
    const std::size_t retry = mstart + std::max<std::size_t>(step, 1);
    if (r.gate) {  // the production's cheap test of this start, before the pattern
      at.start_ = at.end_ = line_start + mstart;
      if (!(*r.gate)(at)) {
        pos = retry;
        continue;
      }
    }
    // First the match alone (RE2's DFA, which stops where the match can go
    // no further), then, for a match the engine keeps, its captures over the
    // match's own span: the capture engines cost in proportion to the text
    // they are given, and most candidates do not match.
    re2::StringPiece whole;
    if (!match_from(*r.re, text, mstart, &whole)) {
      pos = retry;
      continue;
    }
    auto mend = mstart + whole.size();
    if (mend == mstart) {  // empty matches carry no mention
      pos = retry;
      continue;
    }
    const std::size_t vstart = line_start + mstart;
    std::size_t vend = line_start + mend;
    if (r.spec.word_boundary && !detail::at_word_boundaries(view, vstart, vend)) {
      pos = retry;
      continue;
    }
    // The leftmost-first match at mstart is the one of highest priority
    // there, so it is also the first of those spanning exactly [mstart, mend).
    if (ngroups > 1 && !match_groups(*r.re, text, mstart, mend, &groups_sv)) {
      pos = retry;  // cannot happen: the span was just matched
      continue;
    }
    groups_sv[0] = whole;
    detail::Match m;
    m.captures_.reserve(ngroups);
    for (std::size_t k = 1; k < ngroups; ++k) {
      if (!r.group_names[k].empty()) {
        m.captures_.push_back(
            {r.group_names[k], std::string_view(groups_sv[k].data(), groups_sv[k].size())});
      }
    }
    m.whole_ = std::string_view(groups_sv[0].data(), groups_sv[0].size());
    m.view_ = r.spec.folded ? View::folded : View::normalized;
    m.start_ = vstart;
    m.end_ = vend;
    m.doc_ = &nt;
    m.lexicon_ = &rules.lexicon;
    m.ref_date_ = &ref;
    m.earlier_ = &earlier;
    m.rule_id_ = r.spec.id;
    Value value;
    auto p0 = times ? Clock::now() : Clock::time_point{};
    const bool accepted = (*r.production)(m, &value);
    if (times) production_time += seconds_since(p0);
    if (!accepted) {
      pos = retry;
      continue;
    }
    if (value.index() != value_index_of(r.spec.type)) {
      // A production that returns the wrong kind of value is a bug in a rule
      // file (a `production` that does not fit the `type`): reported, not lost.
      if (warnings) {
        warnings->push_back({ErrorCode::internal,
                             "rule '" + r.spec.id + "': production '" + r.spec.production +
                                 "' does not give a " + to_string(r.spec.type) + " value",
                             nt.text_map.map(vstart, Edge::start)});
      }
      pos = mend;
      continue;
    }
    const std::size_t kept_end = m.mention_end();  // the production may end it earlier
    if (kept_end != vend) {
      vend = kept_end;
      mend = kept_end - line_start;
    }
    const std::size_t kept_start = m.mention_start();  // and start it later
    Candidate c;
    if (r.spec.folded) {
      c.start = nt.folded_map.map(kept_start, Edge::start);
      c.end = nt.folded_map.map(vend, Edge::end);
    } else {
      c.start = kept_start;
      c.end = vend;
    }
    c.type = r.spec.type;
    c.priority = r.spec.priority;
    c.order = index;
    c.rule = index;
    c.value = std::move(value);
    if (c.end > c.start) out->push_back(std::move(c));
    pos = mend;
  }
  if (times) {
    const double total = seconds_since(t0);
    times->productions += production_time;
    times->match += total - production_time;
    times->rule_seconds[index] += total;
    times->rule_lines[index] += 1;
  }
}

void Extractor::Impl::run_pass(const RulePass& pass, const NormalizedText& nt,
                               const std::optional<DateValue>& ref,
                               const std::vector<Mention>& earlier,
                               std::vector<std::vector<Candidate>>* by_group,
                               std::vector<Warning>* warnings, StageTimes* times) const {
  // Both views have the same lines ('\n' is kept by normalization and folding).
  const std::string_view view = pass.view == View::folded ? nt.folded : nt.text;
  thread_local std::vector<std::vector<std::uint32_t>> starts;
  std::size_t line_start = 0;
  while (line_start < view.size()) {
    std::size_t line_end = view.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = view.size();
    auto t0 = times ? Clock::now() : Clock::time_point{};
    pass.triggers.scan(view, line_start, line_end, &starts);
    if (times) times->prefilter += seconds_since(t0);
    for (std::size_t gi : pass.groups) {
      const RuleGroup& g = groups[gi];
      for (std::size_t k = 0; k < g.rules.size(); ++k) {
        const std::size_t rule = g.rules[k];
        if (pass.triggers.searched(g.locals[k])) {
          run_rule(rule,
                   Starts(*rules.rules[rule].re, view, line_start, line_end,
                          rules.rules[rule].spec.word_boundary),
                   view, line_start, line_end, nt, ref, earlier, &(*by_group)[gi], warnings, times);
        } else if (!starts[g.locals[k]].empty()) {
          run_rule(rule, Starts(starts[g.locals[k]]), view, line_start, line_end, nt, ref, earlier,
                   &(*by_group)[gi], warnings, times);
        }
      }
    }
    line_start = line_end + 1;
  }
}

Extractor::Extractor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Extractor::~Extractor() = default;

Status Extractor::create(const Options& options, std::unique_ptr<Extractor>* out) {
  out->reset();
  try {
    auto impl = std::make_unique<Impl>(options);
    Status s = impl->build();
    if (!s.ok()) return s;
    out->reset(new Extractor(std::move(impl)));
    return {};
  } catch (const std::bad_alloc&) {
    return Status::error(ErrorCode::internal, "out of memory while loading rules");
  } catch (const std::exception& e) {
    return Status::error(ErrorCode::internal, std::string("unexpected error: ") + e.what());
  }
}

const Options& Extractor::options() const noexcept { return impl_->options; }

std::vector<RuleInfo> Extractor::rules() const {
  std::vector<RuleInfo> out;
  for (const auto& r : impl_->rules.rules) {
    RuleInfo info;
    info.id = r.spec.id;
    info.type = to_string(r.spec.type);
    info.file = r.spec.file;
    info.line = r.spec.line;
    info.priority = r.spec.priority;
    info.stage = r.spec.stage;
    info.production = r.spec.production;
    for (const auto& e : r.spec.examples) (e.negative ? info.negative_examples : info.examples)++;
    out.push_back(std::move(info));
  }
  return out;
}

Status Extractor::extract(std::string_view input, const DocumentInfo& info, Document* out,
                          StageTimes* times) const {
  *out = Document{};
  out->id = info.id;
  if (input.size() > impl_->options.max_document_bytes) {
    Status s = Status::error(ErrorCode::input_too_large,
                             "document of " + std::to_string(input.size()) +
                                 " bytes is over the limit of " +
                                 std::to_string(impl_->options.max_document_bytes));
    s.byte_offset = impl_->options.max_document_bytes;
    return s;
  }
  if (times) {
    times->rule_seconds.resize(impl_->rules.rules.size(), 0.0);
    times->rule_lines.resize(impl_->rules.rules.size(), 0);
  }
  auto t0 = times ? Clock::now() : Clock::time_point{};
  // Text without diacritics: restore them on the words the rules know; the
  // pipeline then runs on the restored text and offsets are mapped back.
  std::optional<detail::Restorer::Result> restored;
  std::string_view text = input;
  if (impl_->options.restore_diacritics && detail::Restorer::looks_unaccented(input) &&
      detail::valid_utf8(input)) {
    restored = impl_->restorer.restore(input);
    if (restored->restored_words == 0) {
      restored.reset();
    } else {
      text = restored->text;
    }
  }
  auto to_input = [&](std::size_t s, std::size_t e) {
    std::size_t a = s, b = e;
    if (restored) {
      a = restored->map_to_input(a, Edge::start);
      b = restored->map_to_input(b, Edge::end);
    }
    return std::pair<std::size_t, std::size_t>{a, b};
  };
  NormalizedText nt = impl_->normalizer.normalize(text);
  if (times) times->normalize += seconds_since(t0);
  out->warnings = nt.warnings;
  for (auto& w : out->warnings) w.byte_offset = to_input(w.byte_offset, w.byte_offset).first;

  std::optional<DateValue> ref = info.reference_date;
  if (!ref) ref = detail::find_reference_date(nt);
  out->reference_date = ref;

  std::vector<Candidate> accepted;
  std::vector<Mention> earlier;  // accepted so far, normalized-view spans
  std::vector<std::vector<Candidate>> by_group(impl_->groups.size());
  std::size_t p = 0;
  while (p < impl_->passes.size()) {
    const int stage = impl_->passes[p].stage;
    for (auto& v : by_group) v.clear();
    for (; p < impl_->passes.size() && impl_->passes[p].stage == stage; ++p) {
      impl_->run_pass(impl_->passes[p], nt, ref, earlier, &by_group, &out->warnings, times);
    }
    std::vector<Candidate> cands = accepted;
    for (auto& v : by_group) {
      for (auto& c : v) cands.push_back(std::move(c));
    }
    accepted = detail::resolve_overlaps(std::move(cands));
    earlier.clear();
    for (const auto& c : accepted) {
      Mention m;
      m.type = c.type;
      m.start = c.start;
      m.end = c.end;
      m.text = nt.text.substr(c.start, c.end - c.start);
      m.value = c.value;
      m.rule = impl_->rules.rules[c.rule].spec.id;
      earlier.push_back(std::move(m));
    }
  }

  // Names said again without the title, marker or head that found them the first time.
  if (impl_->repeat_names) detail::entities::add_repeated_names(nt, impl_->rules.lexicon, &earlier);

  // A person's name as written. The rules read the normalized text, whose
  // tone placement is canonical ("Lê Quang Hòa"); a name keeps its writer's
  // ("Lê Quang Hoà"), in NFC, when it is the whole span and differs only so.
  for (auto& m : earlier) {
    auto* person = std::get_if<PersonValue>(&m.value);
    if (person == nullptr) continue;
    auto [ns, ne] = nt.to_original(View::normalized, m.start, m.end);
    auto [s, e] = to_input(ns, ne);
    const std::string_view written = input.substr(s, e - s);
    if (!detail::valid_utf8(written)) continue;
    std::string name = impl_->as_written.normalize(written).text;
    if (name != person->name && impl_->normalizer.normalize(name).text == person->name) {
      person->name = std::move(name);
    }
  }

  auto e0 = times ? Clock::now() : Clock::time_point{};
  impl_->events->assemble(nt, earlier, &out->events);
  for (auto& ev : out->events) {
    auto [ns, ne] = nt.to_original(View::normalized, ev.start, ev.end);
    auto [s, e] = to_input(ns, ne);
    ev.start = s;
    ev.end = e;
  }
  if (times) times->events += seconds_since(e0);

  for (auto& m : earlier) {
    if (!impl_->want[static_cast<int>(m.type)]) continue;
    auto [ns, ne] = nt.to_original(View::normalized, m.start, m.end);
    auto [s, e] = to_input(ns, ne);
    m.start = s;
    m.end = e;
    m.text = std::string(input.substr(s, e - s));
    out->mentions.push_back(std::move(m));
  }
  std::stable_sort(out->mentions.begin(), out->mentions.end(),
                   [](const Mention& a, const Mention& b) {
                     return a.start != b.start ? a.start < b.start : a.end < b.end;
                   });
  detail::cap_warnings(out);  // the first kMaxWarnings (docs/output-format.md)
  return {};
}

const char* version() noexcept { return VNIE_VERSION; }

}  // namespace vnie
