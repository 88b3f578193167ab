// Person productions: names, the titles written around them, and bylines (docs/entities.md).
#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
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

/// `text` in `list` ignoring case only, not tone marks ("Nam" is not "năm", "Hà" not "hạ").
const LexEntry* find_exact(const Match& m, std::string_view list, std::string_view text) {
  if (text.empty()) return nullptr;
  return m.lexicon().lookup_exact(list, text);
}

/// True when the one or two words after `pos` are a verb of saying ("… cho biết").
bool followed_by_speech(const Match& m, std::size_t pos) {
  const std::string_view text = m.document().text;
  const std::string_view w1 = word_after(text, pos);
  if (w1.empty()) return false;
  if (find_exact(m, "person_speech_verbs", w1)) return true;
  const std::size_t after1 = static_cast<std::size_t>(w1.data() + w1.size() - text.data());
  const std::string_view w2 = word_after(text, after1);
  if (w2.empty()) return false;
  return find_exact(m, "person_speech_verbs", std::string(w1) + " " + std::string(w2)) != nullptr;
}

/// True when byte `pos` starts a sentence: only blanks after the start of the text, a line
/// break, a sentence end, an opening quote or bracket, or a dash.
bool sentence_start(std::string_view text, std::size_t pos) {
  std::size_t i = pos;
  while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
  if (i == 0) return true;
  const char c = text[i - 1];
  if (c == '\n' || c == '.' || c == '!' || c == '?' || c == ':' || c == '"' || c == '(' ||
      c == '-') {
    return true;
  }
  const char32_t u = decode_before(text, i);
  return u == U'\u201C' || u == U'\u2013' || u == U'\u2014';
}

/// The one or two words before `pos` when they are a form of `list` written as listed (a
/// lower-case form capitalized only at the start of a sentence); where they start in *at.
const LexEntry* marker_before(const Match& m, std::size_t pos, std::string_view list,
                              std::size_t* at) {
  const std::string_view text = m.document().text;
  auto w = words_before(text, pos, 2);
  for (std::size_t len = std::min<std::size_t>(2, w.size()); len >= 1; --len) {
    const std::string written = join(w, w.size() - len, w.size());
    const LexEntry* e = find_exact(m, list, written);
    if (!e) continue;
    const std::size_t start = static_cast<std::size_t>(w[w.size() - len].data() - text.data());
    bool as_listed = false;
    for (const auto& f : e->forms) as_listed = as_listed || f == written;
    if (!as_listed && !sentence_start(text, start)) continue;
    *at = start;
    return e;
  }
  return nullptr;
}

/// True when the word or two words before `pos` name a place or a thing named after a person
/// ("đường Nguyễn Du", "Trường THPT Lê Quý Đôn": lists/person_place_heads.txt), written as
/// listed ("Nhật Bản Shinzo Abe" is not "bản", a village).
bool after_place_head(const Match& m, std::size_t pos) {
  std::size_t at = 0;
  return marker_before(m, pos, "person_place_heads", &at) != nullptr;
}

/// "Giám đốc Sở (ông Nguyễn Văn A)": the title before the bracket that holds marker + name.
void title_before_bracket(const Match& m, std::size_t marker_at, std::vector<std::string>* t) {
  const std::string_view text = m.document().text;
  std::size_t i = marker_at;
  while (i > 0 && text[i - 1] == ' ') --i;
  if (i == 0 || text[i - 1] != '(') return;
  title_before(m, i - 1, t);
}

/// True when `name` (or its first words) is a title, an organization head, a province or a
/// known non-name: "ông Bộ trưởng", "chị Hà Nội".
bool not_a_given_name(const Match& m, std::string_view name) {
  if (find(m, "person_not_names", name) || find(m, "provinces", name)) return true;
  const auto w = split_words(name);
  for (std::size_t k = 1; k <= w.size() && k <= 3; ++k) {
    const std::string head = join(w, 0, k);
    if (find(m, "titles", head) || find(m, "org_heads", head) || find(m, "org_heads_cap", head) ||
        find(m, "org_named_heads", head) || find(m, "provinces", head)) {
      return true;
    }
  }
  return false;
}


/// True for a Latin letter Vietnamese does not write: ñ ö ü ç ø å ä ë ï ß ł and the like (the
/// Latin-1 and Latin Extended-A letters other than Vietnamese's à á â ã è é ê ì í ò ó ô õ ù ú ý
/// ă đ ĩ ũ ơ ư and their capitals).
bool foreign_letter(char32_t c) {
  static constexpr std::u32string_view kVietnamese =
      U"\u00C0\u00C1\u00C2\u00C3\u00C8\u00C9\u00CA\u00CC\u00CD\u00D2\u00D3\u00D4\u00D5"
      U"\u00D9\u00DA\u00DD\u00E0\u00E1\u00E2\u00E3\u00E8\u00E9\u00EA\u00EC\u00ED\u00F2"
      U"\u00F3\u00F4\u00F5\u00F9\u00FA\u00FD\u0102\u0103\u0110\u0111\u0128\u0129\u0168"
      U"\u0169\u01A0\u01A1\u01AF\u01B0";
  if (c < 0xC0 || c > 0x17F) return false;
  if (c == 0xD7 || c == 0xF7) return false;
  return kVietnamese.find(c) == std::u32string_view::npos;
}


/// True when the ASCII lower-case `w` reads as one Vietnamese syllable: an onset, one to three
/// vowels, a coda ("kim", "xi", "hun"; not "putin", "trump", "jong"). Spelling, not words.
bool vietnamese_syllable(std::string_view w) {
  static constexpr std::string_view kOnsets[] = {"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph",
                                                 "qu", "th", "tr", "b",  "c",  "d",  "g",  "h",
                                                 "k",  "l",  "m",  "n",  "p",  "r",  "s",  "t",
                                                 "v",  "x"};
  static constexpr std::string_view kCodas[] = {"ng", "nh", "ch", "c", "m", "n", "p", "t"};
  std::size_t i = 0;
  for (auto o : kOnsets) {
    if (w.substr(0, o.size()) == o) {
      i = o.size();
      break;
    }
  }
  const std::size_t v0 = i;
  while (i < w.size() && std::string_view("aeiouy").find(w[i]) != std::string_view::npos) ++i;
  if (i == v0 || i - v0 > 3) return false;
  const std::string_view rest = w.substr(i);
  if (rest.empty()) return true;
  for (auto c : kCodas) {
    if (rest == c) return true;
  }
  return false;
}

/// True when `word` has a letter of Vietnamese outside ASCII (a tone or vowel mark, đ).
bool vietnamese_marked(std::string_view word) {
  std::size_t i = 0;
  while (i < word.size()) {
    std::size_t len = 0;
    const char32_t c = decode_at(word, i, len);
    i += len == 0 ? 1 : len;
    if (c == U'\u0110' || c == U'\u0111' || (c >= 0xC0 && c <= 0x1B0) ||
        (c >= 0x1EA0 && c <= 0x1EF9)) {
      return !foreign_letter(c);
    }
  }
  return false;
}

/// True when `word` cannot be a Vietnamese syllable: letters f j w z, a letter outside
/// Vietnamese (ñ, ö, ç …), a hyphen, or an ASCII spelling no syllable has ("Putin", "Merkel").
/// A word with Vietnamese tone or vowel marks is Vietnamese.
bool foreign_shaped(std::string_view word) {
  std::string lw = to_lower(word);
  const std::size_t dot = lw.rfind('.');
  if (dot != std::string::npos) lw = lw.substr(dot + 1);  // "C.Ronaldo"
  if (lw.empty()) return false;
  if (lw.find('-') != std::string::npos) return true;
  bool ascii = true;
  for (char c : lw) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (!ascii) {
    std::size_t i = 0;
    while (i < lw.size()) {
      std::size_t len = 0;
      const char32_t c = decode_at(lw, i, len);
      i += len == 0 ? 1 : len;
      if (foreign_letter(c)) return true;
    }
    return false;
  }
  if (lw.find_first_of("fjwz") != std::string::npos) return true;
  return !vietnamese_syllable(lw);
}

/// A word without its initial and dot: "C.Ronaldo" → "Ronaldo" (lists hold the bare name).
std::string_view without_initial(std::string_view word) {
  const std::size_t dot = word.rfind('.');
  return dot == std::string_view::npos ? word : word.substr(dot + 1);
}

/// A title or role word of `list` in the one to three words before `pos`, with at most three
/// capitalized words in between ("Thủ tướng Đức Angela Merkel"); its words go in *title.
const LexEntry* role_before(const Match& m, std::size_t pos, std::string* title) {
  auto w = words_before(m.document().text, pos, 6);
  std::size_t skipped = 0;
  for (std::size_t end = w.size(); end > 0; --end) {
    if (w[end - 1].back() == '.') return nullptr;  // the end of the sentence before
    for (std::size_t len = 3; len >= 1; --len) {
      if (len > end) continue;
      const std::string phrase = join(w, end - len, end);
      if (const LexEntry* e = find_exact(m, "person_foreign_roles", phrase)) {
        // a lower-case role ("ông", "tiền đạo") takes no words in between
        if (skipped > 0 && !starts_upper(w[end - len])) continue;
        *title = join(w, end - len, w.size());
        return e;
      }
    }
    if (!starts_upper(w[end - 1]) || ++skipped > 3) return nullptr;
  }
  return nullptr;
}

/// The words of a full-name candidate that ends just before a list separator (", " or
/// " và ") before byte `pos`: the capitalized run from its family name on (2–4 words), or
/// none; *start receives where it starts.
std::vector<std::string_view> listed_before(const Match& m, std::size_t pos, std::size_t* start) {
  const std::string_view text = m.document().text;
  std::size_t i = pos;
  while (i > 0 && text[i - 1] == ' ') --i;
  if (i > 0 && text[i - 1] == ',') {
    --i;
  } else if (i >= 4 && text.compare(i - 3, 3, "v\xC3\xA0") == 0 && text[i - 4] == ' ') {
    i -= 3;  // "và"
  } else {
    return {};
  }
  auto w = words_before(text, i, 4);
  std::size_t k = w.size();
  while (k > 0 && starts_upper(w[k - 1])) --k;
  while (k < w.size() && find(m, "person_surnames", w[k]) == nullptr) ++k;
  if (w.size() - k < 2) return {};
  *start = static_cast<std::size_t>(w[k].data() - text.data());
  return {w.begin() + static_cast<std::ptrdiff_t>(k), w.end()};
}

/// True when a name of two words stands in a list of names with a full one: "Nguyễn Văn An,
/// Trần Bình và Lê Hoa" (a run of three words or more, or one reached through other names of
/// the list). Places and countries in the chain break it.
bool in_list_of_names(const Match& m) {
  std::size_t pos = m.start();
  for (int step = 0; step < 8; ++step) {
    std::size_t start = 0;
    const auto run = listed_before(m, pos, &start);
    if (run.empty() || run.size() > 4) return false;
    const std::string name = join(run, 0, run.size());
    if (find(m, "provinces", name) || find(m, "person_not_names", name) ||
        find_exact(m, "person_countries", name) || after_place_head(m, start)) {
      return false;
    }
    if (run.size() >= 3) return true;
    pos = start;
  }
  return false;
}

}  // namespace

bool person(const Match& m, Value* out) {
  auto name = m.normalized("name");
  if (!name) return false;
  if (find(m, "person_not_names", *name) || find(m, "provinces", *name) ||
      find_exact(m, "person_countries", *name)) {
    return false;
  }
  {  // a place that runs into the next sentence ("… chế xuất Hà Nội Theo Chi cục …")
    const auto nw = split_words(*name);
    for (std::size_t k = 2; k < nw.size() && k <= 3; ++k) {
      if (find(m, "provinces", join(nw, 0, k))) return false;
    }
  }
  PersonValue v;
  v.name = squeeze(*name);
  {
    std::size_t head_at = 0;
    if (const LexEntry* head = marker_before(m, m.start(), "person_place_heads", &head_at)) {
      // An administrative unit inside a title (titled=person): a full name of three or four
      // words after it, with a title before, is the person ("Chủ tịch UBND tỉnh Phan Ngọc
      // Thọ", "Phó Chủ tịch UBND huyện Trần Văn Bình"); else a place ("xã Phạm Văn Hai").
      const std::size_t words = count_words(*name);
      if (head->attr("titled") != "person" || words < 3 || words > 4) return false;
      title_before(m, m.start(), &v.titles);
      if (v.titles.empty()) return false;
      titles_after(m, m.end(), &v.titles);
      *out = std::move(v);
      return true;
    }
  }
  const bool marked = preceded_by(m, m.start(), "person_markers");
  if (!marked) {
    title_before(m, m.start(), &v.titles);
  } else {
    std::size_t at = 0;
    if (marker_before(m, m.start(), "person_markers", &at)) title_before_bracket(m, at, &v.titles);
  }
  titles_after(m, m.end(), &v.titles);
  if (!marked && v.titles.empty() && count_words(*name) < 3 && !followed_by_speech(m, m.end()) &&
      !in_list_of_names(m)) {
    return false;
  }
  *out = std::move(v);
  return true;
}

bool person_titled_given(const Match& m, Value* out) {
  auto name = m.normalized("name");
  const auto raw = m.get("name");
  if (!name || !raw) return false;
  const std::string_view text = m.document().text;
  const std::size_t at = m.start() + static_cast<std::size_t>(raw->data() - m.whole().data());
  if (at <= m.start() || at >= m.end()) return false;
  // the given name ends a phrase: punctuation or a verb of saying follows ("Bộ trưởng Long
  // chia sẻ", "Thủ tướng Phúc,"), not a word that goes on ("Giám đốc Điều hành", "Ủy viên
  // Thường vụ", "Thống đốc Ngân hàng")
  std::size_t i = m.end();
  if (i < text.size() && text[i] != ' ') {
    const char c = text[i];
    if (c != ',' && c != '.' && c != ';' && c != ':' && c != ')') return false;
    // a web address is a company's name: "Chủ tịch HĐQT Cenhomes.vn"
    if (c == '.' && i + 1 < text.size() && std::isalpha(static_cast<unsigned char>(text[i + 1])) != 0) {
      return false;
    }
  } else if (!followed_by_speech(m, m.end())) {
    return false;
  }
  const std::string_view next = word_after(text, m.end());
  if (not_a_given_name(m, *name) || find(m, "org_names", *name) ||
      find_exact(m, "person_countries", *name) ||
      (!next.empty() && not_a_given_name(m, std::string(*name) + " " + std::string(next)))) {
    return false;
  }
  PersonValue v;
  v.name = squeeze(*name);
  title_before(m, at, &v.titles);  // the title is the one before ("Bộ trưởng Thể, Thủ tướng …")
  m.start_mention_at(at);
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

bool person_given(const Match& m, Value* out) {
  auto name = m.normalized("name");
  if (!name) return false;
  std::size_t at = 0;
  const LexEntry* marker = marker_before(m, m.start(), "person_given_markers", &at);
  if (!marker) return false;
  {  // "trẻ em Việt", "anh em Hà Nội": not a marker
    auto w = words_before(m.document().text, m.start(), 2);
    if (w.size() == 2 && find_exact(m, "person_given_marker_blockers", join(w, 0, 2))) return false;
  }
  if (not_a_given_name(m, *name)) return false;
  // after a profession, foreign words are left to person.foreign, which knows clubs from
  // names ("tiền đạo Real Madrid Cristiano Ronaldo")
  if (marker->attr("kind") == "profession") {
    for (auto word : split_words(*name)) {
      if (foreign_shaped(word)) return false;
    }
  }
  // a country after a profession ("nghệ sĩ Hàn Quốc") or of two words ("chị Nga" is a name)
  if (find_exact(m, "person_countries", *name) &&
      (marker->attr("kind") == "profession" || count_words(*name) >= 2)) {
    return false;
  }
  PersonValue v;
  v.name = squeeze(*name);
  title_before_bracket(m, at, &v.titles);
  titles_after(m, m.end(), &v.titles);
  *out = std::move(v);
  return true;
}

bool person_given_gate(const Match& m) {
  std::size_t at = 0;
  return marker_before(m, m.start(), "person_given_markers", &at) != nullptr;
}

bool person_foreign_gate(const Match& m) {
  // The first word as person.foreign's pattern reads it: an initial with a dot ("C."), then
  // letters and hyphens; person_foreign() rejects a name whose first word is neither a listed
  // name nor foreign-shaped. A longer word here than the pattern's ends inside a word or at a
  // hyphen, which the engine's boundary check or foreign_shaped() accepts alike.
  const std::string_view text = m.document().text;
  std::size_t i = m.start(), len = 0;
  decode_at(text, i, len);
  if (len > 0 && i + len < text.size() && text[i + len] == '.') i += len + 1;
  {  // the pattern's word starts with a capital and a lower-case letter ("Putin", not "UBND")
    std::size_t l1 = 0, l2 = 0;
    const char32_t c1 = decode_at(text, i, l1);
    if (l1 == 0 || u_isupper(static_cast<UChar32>(c1)) == 0) return false;
    const char32_t c2 = decode_at(text, i + l1, l2);
    if (l2 == 0 || u_islower(static_cast<UChar32>(c2)) == 0) return false;
  }
  while (i < text.size()) {
    const char32_t c = decode_at(text, i, len);
    if (c != U'-' && !is_word_char(c)) break;
    i += std::max<std::size_t>(len, 1);
  }
  const std::string_view word = text.substr(m.start(), i - m.start());
  return find_exact(m, "person_foreign_names", without_initial(word)) != nullptr ||
         foreign_shaped(word);
}

bool person_foreign(const Match& m, Value* out) {
  auto name = m.normalized("name");
  if (!name) return false;
  auto w = split_words(*name);
  if (w.empty()) return false;
  // the name ends before a word with Vietnamese marks or a country ("Raul Castro Ruz Huân …")
  std::size_t end = m.end();  // the name capture starts the match
  for (std::size_t k = 1; k < w.size(); ++k) {
    if (vietnamese_marked(w[k]) || find_exact(m, "person_countries", w[k]) ||
        find(m, "provinces", w[k])) {
      w.resize(k);
      end = m.start() + static_cast<std::size_t>(w[k - 1].data() + w[k - 1].size() - name->data());
      break;
    }
  }
  // the run starts at the person: not a country or a club before a known given name
  for (std::size_t k = 1; k <= 3 && k <= w.size(); ++k) {
    if (find_exact(m, "person_countries", join(w, 0, k)) || find(m, "provinces", join(w, 0, k))) {
      return false;
    }
  }
  // "C.Ronaldo": an initial with a dot, looked up without it
  const bool initial = w[0].find('.') != std::string_view::npos;
  const LexEntry* first = find_exact(m, "person_foreign_names", without_initial(w[0]));
  if (!first && !foreign_shaped(w[0])) return false;
  std::size_t known = first ? 1 : 0, foreign = 0;
  for (std::size_t k = 0; k < w.size(); ++k) {
    if (foreign_shaped(w[k])) ++foreign;
    if (k == 0) continue;
    const LexEntry* e = find_exact(m, "person_foreign_names", without_initial(w[k]));
    if (!e) continue;
    ++known;
    if (!first && e->attr_has("part", "given")) return false;  // "Real Madrid Cristiano …"
  }
  if (foreign == 0) return false;
  const std::string written = join(w, 0, w.size());
  if (find(m, "person_not_names", written) || find(m, "org_names", written)) return false;
  if (after_place_head(m, m.start())) return false;
  PersonValue v;
  v.name = written;
  std::string role;
  const LexEntry* role_entry = role_before(m, m.start(), &role);
  // "Chủ tịch Barcelona", "CEO Go-Viet": one unknown word after a role that takes a body
  const bool has_role = role_entry != nullptr &&
                        !(role_entry->attr("then") == "org" && w.size() == 1 && known == 0);
  const bool speech = followed_by_speech(m, end);
  // with no role before it, a listed name with another word or an initial ("Donald Trump",
  // "C.Ronaldo"), or a listed name saying something ("Biden nói"; "Apple cho biết" is not)
  const bool shape = w.size() >= 2 || initial;
  if (!has_role && !(known > 0 && (shape || speech))) return false;
  if (has_role && starts_upper(role)) v.titles.push_back(role);  // "Tổng thống Nga"
  titles_after(m, end, &v.titles);
  if (end != m.end()) m.end_mention_at(end);
  *out = std::move(v);
  return true;
}

bool person_caps(const Match& m, Value* out) {
  auto name = m.normalized("name");
  if (!name) return false;
  if (!all_caps(*name)) return false;
  // lookups ignore case: "HỒ CHÍ MINH" is the city of person_not_names
  if (find(m, "person_not_names", *name) || find(m, "provinces", *name) ||
      find(m, "org_names", *name) || find_exact(m, "person_countries", *name)) {
    return false;
  }
  const auto w = split_words(*name);
  for (std::size_t k = 2; k < w.size() && k <= 3; ++k) {
    if (find(m, "provinces", join(w, 0, k))) return false;
  }
  const std::string_view text = m.document().text;
  if (after_place_head(m, m.start())) return false;
  // the name ends the run of capitals: no capital word right after or before it
  const std::string_view next = word_after(text, m.end());
  if (!next.empty() && to_lower(next) != next) return false;
  auto before = words_before(text, m.start(), 1);
  const bool marked = preceded_by(m, m.start(), "person_markers");
  if (!before.empty() && !marked && to_lower(before.back()) != before.back() &&
      !starts_with_title(m, before, 0)) {
    // a word in capitals before: part of a heading, not a name
    if (all_caps(before.back())) return false;
  }
  PersonValue v;
  v.name = squeeze(*name);
  if (!marked) title_before(m, m.start(), &v.titles);
  titles_after(m, m.end(), &v.titles);
  *out = std::move(v);
  return true;
}

bool person_credit(const Match& m, Value* out) {
  auto name = m.normalized("name");
  if (!name) return false;
  const std::string_view text = m.document().text;
  std::size_t i = m.start();
  while (i > 0 && text[i - 1] == ' ') --i;
  if (i == 0 || text[i - 1] != ':') return false;
  --i;
  while (i > 0 && text[i - 1] == ' ') --i;
  auto w = words_before(text, i, 3);
  bool credit = false;
  for (std::size_t len = 1; len <= w.size() && !credit; ++len) {
    credit = find_exact(m, "person_credit_words", join(w, w.size() - len, w.size())) != nullptr;
  }
  if (!credit) return false;
  // "Ảnh: Getty Images", "Ảnh: Bộ Y tế", "Ảnh: Hà Nội": not a person
  for (auto word : split_words(*name)) {
    if (foreign_shaped(word)) return false;
  }
  if (not_a_given_name(m, *name) || find(m, "org_names", *name) ||
      find_exact(m, "person_countries", *name)) {
    return false;
  }
  PersonValue v;
  v.name = squeeze(*name);
  *out = std::move(v);
  return true;
}

}  // namespace vnie::detail::entities
