// Scoring helpers for the entity tests: expected mentions written by hand, matched against
// the extractor's output as a multiset of (type, text, key).
#pragma once

#include <doctest/doctest.h>

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "vnie/document.h"

namespace vnie_test {

/// One expected entity mention. `key` is the organization's canonical name, the award's kind
/// or the person's name; `kind` is the organization kind (empty for awards and people).
struct Expect {
  vnie::MentionType type;
  std::string text, key, kind;
};

inline Expect org(std::string text, std::string canonical, std::string kind) {
  return {vnie::MentionType::organization, std::move(text), std::move(canonical),
          std::move(kind)};
}
inline Expect award(std::string text, std::string kind) {
  return {vnie::MentionType::award, std::move(text), std::move(kind), ""};
}
inline Expect person(std::string text, std::string name) {
  return {vnie::MentionType::person, std::move(text), std::move(name), ""};
}

/// True positives, predictions and expectations, per type.
struct Score {
  std::map<vnie::MentionType, int> tp, pred, gold;
  void add(const Score& o) {
    for (auto& [k, v] : o.tp) tp[k] += v;
    for (auto& [k, v] : o.pred) pred[k] += v;
    for (auto& [k, v] : o.gold) gold[k] += v;
  }
  static double ratio(int a, int b) { return b == 0 ? 1.0 : static_cast<double>(a) / b; }
  double precision(vnie::MentionType t) const { return ratio(get(tp, t), get(pred, t)); }
  double recall(vnie::MentionType t) const { return ratio(get(tp, t), get(gold, t)); }
  double precision() const { return ratio(sum(tp), sum(pred)); }
  double recall() const { return ratio(sum(tp), sum(gold)); }
  static int get(const std::map<vnie::MentionType, int>& m, vnie::MentionType t) {
    auto it = m.find(t);
    return it == m.end() ? 0 : it->second;
  }
  static int sum(const std::map<vnie::MentionType, int>& m) {
    int s = 0;
    for (auto& [k, v] : m) s += v;
    return s;
  }
};

inline bool is_entity(vnie::MentionType t) {
  return t == vnie::MentionType::organization || t == vnie::MentionType::award ||
         t == vnie::MentionType::person;
}

inline std::tuple<int, std::string, std::string, std::string> key_of(const vnie::Mention& m) {
  std::string key, kind;
  if (auto* o = std::get_if<vnie::OrganizationValue>(&m.value)) {
    key = o->canonical;
    kind = o->kind;
  } else if (auto* a = std::get_if<vnie::AwardValue>(&m.value)) {
    key = a->kind;
  } else if (auto* p = std::get_if<vnie::PersonValue>(&m.value)) {
    key = p->name;
  }
  return {static_cast<int>(m.type), m.text, key, kind};
}

/// Scores one document; MESSAGEs every miss and every spurious mention.
inline Score score(const std::string& label, const std::vector<vnie::Mention>& got,
                   const std::vector<Expect>& want) {
  Score s;
  std::map<std::tuple<int, std::string, std::string, std::string>, int> gold;
  for (const auto& e : want) {
    ++gold[{static_cast<int>(e.type), e.text, e.key, e.kind}];
    ++s.gold[e.type];
  }
  for (const auto& m : got) {
    if (!is_entity(m.type)) continue;
    ++s.pred[m.type];
    auto k = key_of(m);
    auto it = gold.find(k);
    if (it != gold.end() && it->second > 0) {
      --it->second;
      ++s.tp[m.type];
    } else {
      MESSAGE(label << ": spurious " << std::string(vnie::to_string(m.type)) << " '" << m.text << "' ["
                    << std::get<2>(k) << "|" << std::get<3>(k) << "]");
    }
  }
  for (const auto& [k, n] : gold) {
    for (int i = 0; i < n; ++i) {
      MESSAGE(label << ": missed " << std::string(vnie::to_string(static_cast<vnie::MentionType>(std::get<0>(k))))
                    << " '" << std::get<1>(k) << "' [" << std::get<2>(k) << "|" << std::get<3>(k)
                    << "]");
    }
  }
  return s;
}

inline void report(const char* what, const Score& s) {
  using T = vnie::MentionType;
  for (T t : {T::organization, T::award, T::person}) {
    MESSAGE(std::string(what) << " " << std::string(vnie::to_string(t)) << ": precision " << s.precision(t) << " ("
                 << Score::get(s.tp, t) << "/" << Score::get(s.pred, t) << "), recall "
                 << s.recall(t) << " (" << Score::get(s.tp, t) << "/" << Score::get(s.gold, t)
                 << ")");
  }
  MESSAGE(std::string(what) << " all: precision " << s.precision() << ", recall " << s.recall());
}

}  // namespace vnie_test
