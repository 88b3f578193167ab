// Person productions: names, the titles written around them, and bylines (docs/entities.md).
#include <string>

#include "entities/entities.h"
#include "rules/lexicon.h"
#include "text/unicode.h"

namespace vnie::detail::entities {
namespace {

/// True when the words of `phrase` start with a title (lists/titles.txt).
bool starts_with_title(const Match& m, const std::vector<std::string_view>& w, std::size_t at) {
  for (std::size_t len = std::min<std::size_t>(4, w.size() - at); len >= 1; --len) {
    if (find(m, "titles", join(w, at, at + len))) return true;
  }
  return false;
}

/// The phrase after `pos` up to the next delimiter, or "" when there is none.
std::string_view phrase_at(std::string_view text, std::size_t pos, std::size_t* end) {
  std::size_t i = pos;
  while (i < text.size()) {
    const char c = text[i];
    if (c == ',' || c == ';' || c == '(' || c == ')' || c == '\n' || c == ':' || c == '"') break;
    if (c == '.' && (i + 1 >= text.size() || text[i + 1] == ' ' || text[i + 1] == '\n') &&
        !(i >= 2 && (text.compare(i - 2, 2, "TP") == 0 || text.compare(i - 2, 2, "Tp") == 0))) {
      break;
    }
    if (c == ' ' && i + 2 < text.size() && (text[i + 1] == '-') && text[i + 2] == ' ') break;
    if (text.compare(i, 4, " \xE2\x80\x93") == 0) break;  // " –"
    if (text.compare(i, 3, "\xE2\x80\x9C") == 0 || text.compare(i, 3, "\xE2\x80\x9D") == 0) break;
    ++i;
  }
  *end = i;
  return text.substr(pos, i - pos);
}

/// Cuts a title phrase at the first stop word ("cho biết", "đã" …).
std::string cut_title(const Match& m, std::string_view phrase) {
  auto w = split_words(phrase);
  for (std::size_t k = 1; k < w.size(); ++k) {
    if (starts_upper(w[k])) continue;
    // "Bí thư Huyện ủy Tiên Du và 150 đại biểu …": a count after "và" starts another phrase
    if (w[k] == "và" && k + 1 < w.size() && !w[k + 1].empty() &&
        w[k + 1][0] >= '0' && w[k + 1][0] <= '9') {
      return join(w, 0, k);
    }
    if (find(m, "person_title_stops", w[k]) ||
        (k + 1 < w.size() && find(m, "person_title_stops", join(w, k, k + 2)))) {
      return join(w, 0, k);
    }
  }
  return join(w, 0, w.size());
}

/// Titles written after the name: ", Chủ tịch LĐLĐ tỉnh; …" / " - Chủ tịch …".
void titles_after(const Match& m, std::size_t pos, std::vector<std::string>* titles) {
  const std::string_view text = m.document().text;
  for (int round = 0; round < 3; ++round) {
    std::size_t i = pos;
    while (i < text.size() && text[i] == ' ') ++i;
    if (i >= text.size()) return;
    if (text[i] == ',' || text[i] == '-' || text[i] == '(') {
      ++i;
    } else if (text.compare(i, 3, "\xE2\x80\x93") == 0 || text.compare(i, 3, "\xE2\x80\x94") == 0) {
      i += 3;
    } else {
      return;
    }
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t end = i;
    const std::string_view phrase = trim(phrase_at(text, i, &end));
    if (phrase.empty()) return;
    auto w = split_words(phrase);
    if (!starts_with_title(m, w, 0)) return;
    std::string t = cut_title(m, phrase);
    const bool cut = t.size() < squeeze(phrase).size();
    titles->push_back(std::move(t));
    if (cut) return;
    pos = end;
    if (pos < text.size() && (text[pos] == ')' || text[pos] == ';')) return;
  }
}

/// A title written just before the name: "Phó Chủ tịch Tổng LĐLĐ Việt Nam Trần Văn Lý".
void title_before(const Match& m, std::size_t pos, std::vector<std::string>* titles) {
  auto w = words_before(m.document().text, pos, 10);
  if (w.empty()) return;
  const std::size_t first = w.size() > 8 ? w.size() - 8 : 0;
  for (std::size_t k = first; k < w.size(); ++k) {
    if (!starts_upper(w[k]) && k != first) continue;
    if (starts_with_title(m, w, k)) {
      titles->push_back(join(w, k, w.size()));
      return;
    }
  }
}

bool is_place_word(std::string_view lw) {
  return lw == "tỉnh" || lw == "thành phố" || lw == "huyện" || lw == "quận" || lw == "xã" ||
         lw == "phường" || lw == "đường" || lw == "phố" || lw == "tp" || lw == "tp." ||
         lw == "thị xã" || lw == "trường" || lw == "tưởng" || lw == "cách" || lw == "cầu" ||
         lw == "sông" || lw == "núi" || lw == "đảo" || lw == "chợ" || lw == "làng" ||
         lw == "thôn" || lw == "ấp" || lw == "bản" || lw == "tết" ||
         lw == "xuân" || lw == "năm" || lw == "giải" || lw == "chương";
}

}  // namespace

bool person(const Match& m, Value* out) {
  auto name = m.normalized("name");
  if (!name) return false;
  if (find(m, "person_not_names", *name) || find(m, "provinces", *name)) return false;
  {  // a place that runs into the next sentence ("… chế xuất Hà Nội Theo Chi cục …")
    const auto nw = split_words(*name);
    for (std::size_t k = 2; k < nw.size() && k <= 3; ++k) {
      if (find(m, "provinces", join(nw, 0, k))) return false;
    }
  }
  const std::string_view text = m.document().text;
  auto before = words_before(text, m.start(), 2);
  if (!before.empty()) {
    const std::string lw = to_lower(before.back());
    if (is_place_word(lw)) return false;
  }
  PersonValue v;
  v.name = squeeze(*name);
  const bool marked = preceded_by(m, m.start(), "person_markers");
  if (!marked) title_before(m, m.start(), &v.titles);
  titles_after(m, m.end(), &v.titles);
  if (!marked && v.titles.empty() && count_words(*name) < 3) return false;
  *out = std::move(v);
  return true;
}

bool person_byline(const Match& m, Value* out) {
  auto name = m.normalized("name");
  if (!name) return false;
  const std::string_view text = m.document().text;
  // Only blanks before the name on its line.
  std::size_t i = m.start();
  while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
  if (i > 0 && text[i - 1] != '\n') return false;
  if (find(m, "provinces", *name) || find(m, "person_not_names", *name) ||
      find(m, "org_names", *name) || find(m, "org_heads", *name)) {
    return false;
  }
  PersonValue v;
  v.name = squeeze(*name);
  if (auto note = m.normalized("note")) {
    std::string_view n = trim(*note);
    if (n.size() > 2 && n.front() == '(' && n.back() == ')') n = trim(n.substr(1, n.size() - 2));
    if (!n.empty()) v.titles.emplace_back(n);
  }
  *out = std::move(v);
  return true;
}

}  // namespace vnie::detail::entities
