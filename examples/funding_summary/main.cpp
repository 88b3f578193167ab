// Funding summary: total đồng given per giver over the articles of a
// directory. "gần"/"khoảng" amounts count as given but are flagged, "hơn/
// trên" amounts are lower bounds, ranges count their minimum; per-unit
// amounts are multiplied by the beneficiary count when the text gives it.
//   vnie_funding_summary corpus/
#include <iomanip>
#include <iostream>
#include <map>

#include "../common/corpus.h"

namespace {

struct Total {
  double dong = 0;
  int events = 0;
  bool lower_bound = false;  // some amount was "hơn/trên …"
  bool approximate = false;  // some amount was "gần/khoảng …" or a range
};

}  // namespace

int main(int argc, char** argv) {
  std::vector<examples::Article> articles;
  if (!examples::extract_dir(argc > 1 ? argv[1] : "corpus", &articles)) return 2;
  std::map<std::string, Total> totals;
  for (const auto& a : articles) {
    for (const auto& e : a.doc.events) {
      const auto* f = std::get_if<vnie::FundingEvent>(&e.value);
      if (!f || f->amount.currency != "VND") continue;
      double amount = f->amount.amount ? *f->amount.amount : f->amount.min.value_or(0);
      if (f->amount.per_unit) {
        if (!f->beneficiary_count) continue;  // a rate with nothing to multiply
        amount *= *f->beneficiary_count;
      }
      Total& t = totals[f->giver.value_or("(unknown)")];
      t.dong += amount;
      ++t.events;
      using Q = vnie::Qualifier;
      t.lower_bound |= f->amount.qualifier == Q::over || f->amount.qualifier == Q::at_least;
      t.approximate |= f->amount.qualifier == Q::approx || f->amount.qualifier == Q::nearly ||
                       !f->amount.amount;
    }
  }
  std::cout << "giver\tevents\ttotal_dong\tnote\n";
  for (const auto& [giver, t] : totals) {
    std::string note = t.lower_bound ? "at least" : "";
    if (t.approximate) note += std::string(note.empty() ? "" : ", ") + "approximate";
    std::cout << giver << "\t" << t.events << "\t" << std::fixed << std::setprecision(0) << t.dong
              << "\t" << (note.empty() ? "exact" : note) << "\n";
  }
  return 0;
}
