// Meeting timeline: the meetings reported in the articles of a directory,
// sorted by date (undated last), with kind, organizer and periods.
//   vnie_meeting_timeline corpus/
#include <algorithm>
#include <iostream>
#include <tuple>

#include "../common/corpus.h"

int main(int argc, char** argv) {
  std::vector<examples::Article> articles;
  if (!examples::extract_dir(argc > 1 ? argv[1] : "corpus", &articles)) return 2;
  struct Row {
    std::tuple<int, int, int> key;
    std::string date, kind, organizer, reviewed, planned, article;
  };
  std::vector<Row> rows;
  for (const auto& a : articles) {
    for (const auto& e : a.doc.events) {
      const auto* m = std::get_if<vnie::MeetingEvent>(&e.value);
      if (!m) continue;
      std::optional<vnie::DateValue> d = m->date;
      std::string when = examples::date_text(d);
      if (m->date_range) {
        d = m->date_range->from;
        when = examples::date_text(m->date_range->from) + ".." +
               examples::date_text(m->date_range->to);
      }
      const int big = 1 << 20;
      rows.push_back({{d && d->year ? *d->year : big, d && d->month ? *d->month : 0,
                       d && d->day ? *d->day : 0},
                      when, m->kind, m->organizer.value_or("-"),
                      m->reviewed_period.value_or("-"), m->plan_period.value_or("-"), a.path});
    }
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const Row& x, const Row& y) { return x.key < y.key; });
  std::cout << "date\tkind\torganizer\treviewed\tplanned\tarticle\n";
  for (const auto& r : rows) {
    std::cout << r.date << "\t" << r.kind << "\t" << r.organizer << "\t" << r.reviewed << "\t"
              << r.planned << "\t" << r.article << "\n";
  }
  return 0;
}
