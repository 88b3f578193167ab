// Award report: one row per award granted in the articles of a directory —
// date, issuer, award, collectives, individuals, named recipients.
//   vnie_award_report corpus/
#include <iostream>

#include "../common/corpus.h"

int main(int argc, char** argv) {
  std::vector<examples::Article> articles;
  if (!examples::extract_dir(argc > 1 ? argv[1] : "corpus", &articles)) return 2;
  std::cout << "article\tdate\tissuer\taward\tcollectives\tindividuals\tnamed\n";
  for (const auto& a : articles) {
    for (const auto& e : a.doc.events) {
      const auto* aw = std::get_if<vnie::AwardEvent>(&e.value);
      if (!aw) continue;
      int collectives = 0, individuals = 0;
      std::string named;
      for (const auto& r : aw->recipients) {
        const int n = r.count.value_or(0);
        if (r.kind == "collective") collectives += n;
        if (r.kind == "individual") individuals += n;
        if (r.name) named += (named.empty() ? "" : "; ") + *r.name;
      }
      std::cout << a.path << "\t" << examples::date_text(aw->date) << "\t"
                << aw->issuer.value_or("-") << "\t" << aw->award << "\t" << collectives << "\t"
                << individuals << "\t" << (named.empty() ? "-" : named) << "\n";
    }
  }
  return 0;
}
