#include "events/sentences.h"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/utext.h>

#include <atomic>

namespace vnie::detail {
namespace {

std::atomic<std::uint64_t> g_generation{1};

bool blank(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

void push_trimmed(std::string_view text, std::size_t s, std::size_t e,
                  std::vector<std::pair<std::size_t, std::size_t>>* out) {
  while (s < e && blank(text[s])) ++s;
  while (e > s && blank(text[e - 1])) --e;
  if (e > s) out->emplace_back(s, e);
}

bool ascii_digit(char c) { return c >= '0' && c <= '9'; }

/// The start of the word that ends at `end` (exclusive): after the last blank.
std::size_t word_start_before(std::string_view text, std::size_t end) {
  std::size_t s = end;
  while (s > 0 && !blank(text[s - 1])) --s;
  return s;
}

}  // namespace

struct SentenceSplitter::Prototype {
  std::unique_ptr<icu::BreakIterator> bi;
};

SentenceSplitter::SentenceSplitter(const std::vector<std::string>& abbreviations)
    : prototype_(std::make_unique<Prototype>()),
      abbreviations_(abbreviations.begin(), abbreviations.end()),
      generation_(g_generation++) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> base(
      icu::BreakIterator::createSentenceInstance(icu::Locale("vi"), status));
  if (U_FAILURE(status)) return;
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
      icu::FilteredBreakIteratorBuilder::createEmptyInstance(status));
  if (U_FAILURE(status)) {
    prototype_->bi = std::move(base);
    return;
  }
  for (const auto& a : abbreviations) {
    builder->suppressBreakAfter(icu::UnicodeString::fromUTF8(a), status);
    status = U_ZERO_ERROR;  // a duplicate is not an error worth losing the rest for
  }
  icu::BreakIterator* wrapped = builder->wrapIteratorWithFilter(base.release(), status);
  if (U_SUCCESS(status)) prototype_->bi.reset(wrapped);
}

SentenceSplitter::~SentenceSplitter() = default;

std::vector<std::pair<std::size_t, std::size_t>> SentenceSplitter::split(
    std::string_view text) const {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  struct Cache {
    std::uint64_t generation = 0;
    std::unique_ptr<icu::BreakIterator> bi;
  };
  thread_local Cache cache;
  if (prototype_->bi && cache.generation != generation_) {
    cache.bi.reset(prototype_->bi->clone());
    cache.generation = cache.bi ? generation_ : 0;
  }
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = nullptr;
  if (cache.bi) {
    ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  }
  if (!cache.bi || U_FAILURE(status)) {
    if (ut) utext_close(ut);
    std::size_t s = 0;
    while (s <= text.size()) {
      std::size_t e = text.find('\n', s);
      if (e == std::string_view::npos) e = text.size();
      push_trimmed(text, s, e, &out);
      s = e + 1;
    }
    return out;
  }
  cache.bi->setText(ut, status);
  std::size_t prev = 0;
  for (int32_t b = cache.bi->next(); b != icu::BreakIterator::DONE; b = cache.bi->next()) {
    push_trimmed(text, prev, static_cast<std::size_t>(b), &out);
    prev = static_cast<std::size_t>(b);
  }
  push_trimmed(text, prev, text.size(), &out);
  // Detach the iterator from the UText before closing it.
  cache.bi->setText(icu::UnicodeString());
  utext_close(ut);
  return split_before_figures(text, out);
}

std::vector<std::pair<std::size_t, std::size_t>> SentenceSplitter::split_before_figures(
    std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& spans) const {
  // ICU's rule SB8 keeps "… tổ chức. 3 tập thể được …" together (a full stop
  // followed by a lower-case word is taken for an abbreviation). In news text a
  // full stop, a space and a figure start a new sentence, unless the word
  // before the stop is a listed abbreviation ("Q. 3") or a single letter (an
  // initial, "P. 5"), or the stop ends an ellipsis.
  std::vector<std::pair<std::size_t, std::size_t>> out;
  out.reserve(spans.size());
  for (auto [s, e] : spans) {
    std::size_t from = s;
    for (std::size_t i = s; i + 2 < e; ++i) {
      if (text[i] != '.' || !blank(text[i + 1])) continue;
      std::size_t j = i + 1;
      while (j < e && blank(text[j])) ++j;
      if (j >= e || !ascii_digit(text[j])) continue;
      const std::size_t w = word_start_before(text, i);
      if (w == i || (i > 0 && text[i - 1] == '.')) continue;  // a lone dot, an ellipsis
      const std::string_view word = text.substr(w, i + 1 - w);
      if (word.size() == 2 && word[0] >= 'A' && word[0] <= 'Z') continue;  // an initial
      if (abbreviations_.count(std::string(word)) != 0) continue;
      push_trimmed(text, from, i + 1, &out);
      from = j;
      i = j;
    }
    push_trimmed(text, from, e, &out);
  }
  return out;
}

std::vector<std::pair<std::size_t, std::size_t>> cut_long_sentences(
    std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& spans,
    std::size_t max_bytes) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  out.reserve(spans.size());
  for (auto [s, e] : spans) {
    while (e - s > max_bytes) {
      const std::string_view piece = text.substr(s, max_bytes);
      std::size_t cut = std::string_view::npos;
      for (const char c : {';', ',', ' '}) {
        const std::size_t at = piece.rfind(c);
        if (at != std::string_view::npos && at >= max_bytes / 2) {
          cut = at + 1;
          break;
        }
      }
      if (cut == std::string_view::npos) {  // no blank: the last code point boundary
        cut = max_bytes;
        while (cut > 1 && (static_cast<unsigned char>(text[s + cut]) & 0xC0) == 0x80) --cut;
      }
      std::size_t piece_end = s + cut;
      while (piece_end > s && text[piece_end - 1] == ' ') --piece_end;
      if (piece_end > s) out.emplace_back(s, piece_end);
      s += cut;
      while (s < e && text[s] == ' ') ++s;
    }
    if (e > s) out.emplace_back(s, e);
  }
  return out;
}

}  // namespace vnie::detail
