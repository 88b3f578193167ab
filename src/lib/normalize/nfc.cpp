// compose_nfc: ICU NFC over the spans that need it.
#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <string>

#include "normalize/chars.h"
#include "normalize/passes.h"
#include "normalize/utf8.h"

namespace vnie::norm {
namespace {

// Spans closer than this are handed to ICU together (fewer calls on NFD text;
// ICU's edits keep the changes exact anyway).
constexpr std::size_t kJoinGap = 256;
// A span is closed at the next boundary once it is this long...
constexpr std::size_t kMaxSpan = std::size_t{1} << 20;
// ...and cut even without a boundary after this many bytes of non-plain
// characters: far beyond any real combining sequence, it keeps ICU's
// canonical reordering from going quadratic on hostile input (the text at
// such a cut may then not be fully NFC).
constexpr std::size_t kMaxNonPlainRun = 4096;

// One edit of a span: `old_len` input bytes became `new_len` output bytes.
struct SpanEdit {
  bool change;
  std::size_t old_len;
  std::size_t new_len;
};

class Composer {
 public:
  Composer(const icu::Normalizer2& nfc, std::string_view in, std::string& out, OffsetMap& map,
           std::vector<Warning>& warnings)
      : nfc_(nfc), in_(in), out_(out), map_(map), warnings_(warnings) {}

  bool changed() const { return changed_; }

  // Copies in[flushed, s), then appends in[s, e) in NFC.
  void span(std::size_t s, std::size_t e) {
    out_.append(in_, flushed_, s - flushed_);
    map_.append_copy(s - flushed_);
    flushed_ = e;
    const std::size_t before = out_.size();
    UErrorCode ec = U_ZERO_ERROR;
    edits_.reset();
    span_edits_.clear();
    {
      icu::StringByteSink<std::string> sink(&out_);
      nfc_.normalizeUTF8(0, icu::StringPiece(in_.data() + s, static_cast<int32_t>(e - s)), sink,
                         &edits_, ec);
    }
    std::size_t old_total = 0, new_total = 0;
    if (U_SUCCESS(ec)) {
      icu::Edits::Iterator it = edits_.getFineIterator();
      while (it.next(ec)) {
        const auto old_len = static_cast<std::size_t>(it.oldLength());
        const auto new_len = static_cast<std::size_t>(it.newLength());
        span_edits_.push_back({it.hasChange() != 0, old_len, new_len});
        old_total += old_len;
        new_total += new_len;
      }
    }
    if (U_FAILURE(ec) || old_total != e - s || new_total != out_.size() - before) {
      out_.resize(before);
      out_.append(in_, s, e - s);
      map_.append_copy(e - s);
      warnings_.push_back({ErrorCode::internal,
                           std::string("ICU NFC normalization failed: ") + u_errorName(ec), s});
      return;
    }
    for (const SpanEdit& edit : span_edits_) {
      if (edit.change) {
        map_.append_change(edit.new_len, edit.old_len);
        changed_ = true;
      } else {
        map_.append_copy(edit.old_len);
      }
    }
  }

  void finish() {
    out_.append(in_, flushed_, in_.size() - flushed_);
    map_.append_copy(in_.size() - flushed_);
  }

 private:
  const icu::Normalizer2& nfc_;
  std::string_view in_;
  std::string& out_;
  OffsetMap& map_;
  std::vector<Warning>& warnings_;
  icu::Edits edits_;
  std::vector<SpanEdit> span_edits_;
  std::size_t flushed_ = 0;
  bool changed_ = false;
};

}  // namespace

bool compose_nfc(std::string_view in, std::string& out, OffsetMap& map,
                 std::vector<Warning>& warnings) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || nfc == nullptr) {
    warnings.push_back(
        {ErrorCode::internal, std::string("ICU NFC unavailable: ") + u_errorName(status), 0});
    return false;
  }
  const CharTables& tables = CharTables::get();
  const auto* const data = reinterpret_cast<const unsigned char*>(in.data());
  const unsigned char* const end = data + in.size();
  constexpr std::size_t npos = std::string_view::npos;

  out.reserve(in.size() + 8);
  Composer composer(*nfc, in, out, map, warnings);
  // A span runs from the last plain character (a composition boundary) before
  // a non-plain one to the next plain character after it.
  std::size_t boundary = 0;         // start of the last plain character
  std::size_t span_start = npos;    // open span, if any
  std::size_t span_end = 0;         // its end, once a boundary closed it
  std::size_t non_plain_from = npos;  // start of the current non-plain run
  const auto at_boundary = [&](std::size_t i) {
    if (non_plain_from != npos) {
      span_end = i;
      non_plain_from = npos;
    }
    boundary = i;
    if (span_start != npos && (i - span_end > kJoinGap || span_end - span_start > kMaxSpan)) {
      composer.span(span_start, span_end);
      span_start = npos;
    }
  };
  std::size_t i = 0;
  while (i < in.size()) {
    const std::size_t ascii = ascii_run(data + i, end);
    if (ascii != 0) {  // every ASCII character is plain
      at_boundary(i);
      i += ascii;
      boundary = i - 1;
      continue;
    }
    char32_t c;
    int len = decode_utf8(data + i, end, c);
    const bool plain = len < 0 || tables.char_class(c) == CharClass::plain;
    len = len < 0 ? -len : len;  // input is valid UTF-8; never happens
    if (plain) {
      at_boundary(i);
    } else if (non_plain_from == npos) {
      non_plain_from = i;
      if (span_start == npos) span_start = boundary;
    } else if (i - non_plain_from > kMaxNonPlainRun) {
      composer.span(span_start, i);
      span_start = non_plain_from = i;
    }
    i += static_cast<std::size_t>(len);
  }
  if (non_plain_from != npos) span_end = in.size();
  if (span_start != npos) composer.span(span_start, span_end);
  if (!composer.changed()) {
    out.clear();
    map = OffsetMap();
    return false;
  }
  composer.finish();
  return true;
}

}  // namespace vnie::norm
