#include "common.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <system_error>

#include "vnie/encoding.h"
#include "vnie/normalize.h"

namespace fs = std::filesystem;

namespace vnie_cli {

void error_message(const std::string& message) {
  std::fflush(stdout);
  std::fprintf(stderr, "vnie: %s\n", message.c_str());
}

// ------------------------------------------------------------------ inputs

bool expand_inputs(const std::vector<std::string>& args, std::string_view extension,
                   std::vector<InputSource>* out) {
  bool ok = true;
  if (args.empty()) {
    out->push_back({kStdinName, true});
    return ok;
  }
  for (const auto& arg : args) {
    if (arg == "-") {
      out->push_back({kStdinName, true});
      continue;
    }
    std::error_code ec;
    if (!fs::is_directory(arg, ec)) {
      out->push_back({arg, false});  // opening it reports any problem
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(arg, ec), end;
    while (!ec && it != end) {
      std::error_code fec;
      const fs::path& p = it->path();
      if (it->is_regular_file(fec)) {
        std::string name = p.filename().string();
        if (name.size() >= extension.size() &&
            name.compare(name.size() - extension.size(), extension.size(), extension) == 0) {
          found.push_back(p.string());
        }
      }
      it.increment(ec);
    }
    if (ec) {
      error_message("cannot read directory " + arg + ": " + ec.message());
      ok = false;
    }
    std::sort(found.begin(), found.end());
    for (auto& f : found) out->push_back({std::move(f), false});
  }
  return ok;
}

std::unique_ptr<InputStream> InputStream::open(const InputSource& src) {
  auto s = std::unique_ptr<InputStream>(new InputStream());
  if (src.is_stdin) {
    s->in_ = &std::cin;
    return s;
  }
  std::error_code ec;
  if (fs::is_directory(src.name, ec)) {
    error_message("cannot read " + src.name + ": is a directory");
    return nullptr;
  }
  errno = 0;
  auto file = std::make_unique<std::ifstream>(src.name, std::ios::binary);
  if (!file->is_open()) {
    int err = errno;
    error_message("cannot read " + src.name + ": " +
                  (err != 0 ? std::strerror(err) : "cannot open file"));
    return nullptr;
  }
  s->in_ = file.get();
  s->owned_ = std::move(file);
  return s;
}

bool InputStream::next_line(std::string* line) {
  if (!std::getline(*in_, *line)) return false;
  if (!line->empty() && line->back() == '\r') line->pop_back();
  return true;
}

bool InputStream::read_all(std::string* out, std::size_t limit, bool* over_limit) {
  *over_limit = false;
  char buf[1 << 16];
  while (in_->read(buf, sizeof buf) || in_->gcount() > 0) {
    out->append(buf, static_cast<std::size_t>(in_->gcount()));
    if (out->size() > limit) {
      *over_limit = true;
      break;
    }
  }
  return !in_->bad();
}

bool is_blank(std::string_view s) noexcept {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
  });
}

// ------------------------------------------------------------------ values

namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

const char* kMentionTypeList =
    "date, date_range, time, number, percent, money, ordinal, award, organization, person";

}  // namespace

bool parse_iso_date(std::string_view s, vnie::DateValue* out, std::string* why) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !all_digits(s.substr(0, 4)) ||
      !all_digits(s.substr(5, 2)) || !all_digits(s.substr(8, 2))) {
    *why = "not of the form YYYY-MM-DD";
    return false;
  }
  int y = to_int(s.substr(0, 4)), m = to_int(s.substr(5, 2)), d = to_int(s.substr(8, 2));
  if (m < 1 || m > 12) {
    *why = "no month " + std::to_string(m);
    return false;
  }
  if (d < 1 || d > days_in_month(y, m)) {
    *why = "no day " + std::to_string(d) + " in month " + std::to_string(m) + " of " +
           std::to_string(y);
    return false;
  }
  *out = vnie::DateValue{};
  out->year = y;
  out->month = m;
  out->day = d;
  return true;
}

bool parse_byte_count(std::string_view s, std::size_t* out) {
  if (!all_digits(s)) return false;
  std::size_t v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || v == 0) return false;
  *out = v;
  return true;
}

CLI::Validator date_validator() {
  return CLI::Validator(
      [](std::string& s) -> std::string {
        vnie::DateValue d;
        std::string why;
        if (parse_iso_date(s, &d, &why)) return {};
        return "invalid date '" + s + "': " + why;
      },
      "", "date");
}

CLI::Validator mention_type_validator() {
  return CLI::Validator(
      [](std::string& s) -> std::string {
        vnie::MentionType t{};
        if (vnie::parse_mention_type(s, t)) return {};
        return "unknown mention type '" + s + "' (expected one of " + kMentionTypeList + ")";
      },
      "", "mention type");
}

CLI::Validator tone_style_validator() {
  return CLI::Validator(
      [](std::string& s) -> std::string {
        vnie::ToneStyle t{};
        if (vnie::parse_tone_style(s, t)) return {};
        return "unknown tone style '" + s + "' (expected traditional, modern or keep)";
      },
      "{traditional,modern,keep}", "tone style");
}

CLI::Validator encoding_validator(bool allow_auto) {
  return CLI::Validator(
      [allow_auto](std::string& s) -> std::string {
        vnie::Encoding e{};
        if (vnie::parse_encoding(s, &e) && (allow_auto || e != vnie::Encoding::auto_detect)) {
          return {};
        }
        return "unknown encoding '" + s + "' (expected utf-8, cp1258, tcvn3, vni, viqr" +
               (allow_auto ? ", auto)" : ")");
      },
      allow_auto ? "{utf-8,cp1258,tcvn3,vni,viqr,auto}" : "{utf-8,cp1258,tcvn3,vni,viqr}",
      "encoding");
}

void add_encoding_option(CLI::App* cmd, std::string* value, const std::string& help) {
  cmd->add_option("--encoding", *value, help)
      ->type_name("ENC")
      ->check(encoding_validator(true))
      ->capture_default_str();
}

CLI::Validator byte_count_validator() {
  return CLI::Validator(
      [](std::string& s) -> std::string {
        std::size_t n = 0;
        if (parse_byte_count(s, &n)) return {};
        return "'" + s + "' is not a positive number of bytes";
      },
      "", "byte count");
}

void add_rule_options(CLI::App* cmd, ExtractorArgs* args) {
  cmd->add_option("--rules", args->rule_dirs,
                  "Load the rule files of DIR after the defaults (repeatable; see docs/rules.md)")
      ->allow_extra_args(false)
      ->check(CLI::Validator(CLI::ExistingDirectory).description(""))
      ->type_name("DIR");
  cmd->add_flag("--no-default-rules", args->no_default_rules,
                "Do not load the rules embedded in the library");
}

std::unique_ptr<vnie::Extractor> make_extractor(const ExtractorArgs& args) {
  vnie::Options opt;
  if (!vnie::parse_tone_style(args.style, opt.normalize.tone_style)) {
    error_message("unknown tone style '" + args.style + "'");
    return nullptr;
  }
  opt.use_default_rules = !args.no_default_rules;
  opt.rule_dirs = args.rule_dirs;
  for (const auto& name : args.types) {
    vnie::MentionType t{};
    if (!vnie::parse_mention_type(name, t)) {
      error_message("unknown mention type '" + name + "'");
      return nullptr;
    }
    if (std::find(opt.types.begin(), opt.types.end(), t) == opt.types.end()) opt.types.push_back(t);
  }
  if (!args.max_doc_bytes.empty() && !parse_byte_count(args.max_doc_bytes, &opt.max_document_bytes)) {
    error_message("'" + args.max_doc_bytes + "' is not a positive number of bytes");
    return nullptr;
  }
  std::unique_ptr<vnie::Extractor> ex;
  vnie::Status st = vnie::Extractor::create(opt, &ex);
  if (!st.ok() || !ex) {
    error_message(st.ok() ? std::string("cannot build the extractor") : st.to_string());
    return nullptr;
  }
  return ex;
}

// ------------------------------------------------------------------ display

namespace {

/// Decodes one UTF-8 sequence at s[i]; `len` gets its length (1 for an
/// invalid byte). Returns the code point, or -1 when invalid.
std::int32_t decode(std::string_view s, std::size_t i, std::size_t* len) noexcept {
  auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  *len = 1;
  if (c < 0x80) return c;
  std::size_t n = 0;
  std::uint32_t cp = 0, min = 0;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2, cp = c & 0x1Fu, min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3, cp = c & 0x0Fu, min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4, cp = c & 0x07u, min = 0x10000;
  } else {
    return -1;
  }
  if (i + n > s.size()) return -1;
  for (std::size_t k = 1; k < n; ++k) {
    unsigned char cc = b(i + k);
    if ((cc & 0xC0) != 0x80) return -1;
    cp = (cp << 6) | (cc & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return -1;
  *len = n;
  return static_cast<std::int32_t>(cp);
}

int char_width(std::int32_t cp) noexcept {
  auto in = [cp](std::int32_t lo, std::int32_t hi) { return cp >= lo && cp <= hi; };
  if (cp < 0) return 1;  // shown as U+FFFD
  if (in(0x0300, 0x036F) || in(0x1AB0, 0x1AFF) || in(0x1DC0, 0x1DFF) || in(0x20D0, 0x20FF) ||
      in(0xFE20, 0xFE2F) || in(0x200B, 0x200F) || in(0x2060, 0x2064) || cp == 0xFEFF ||
      in(0xFE00, 0xFE0F)) {
    return 0;
  }
  if (in(0x1100, 0x115F) || in(0x2E80, 0x303E) || in(0x3041, 0x33FF) || in(0x3400, 0x4DBF) ||
      in(0x4E00, 0x9FFF) || in(0xA000, 0xA4CF) || in(0xAC00, 0xD7A3) || in(0xF900, 0xFAFF) ||
      in(0xFE30, 0xFE4F) || in(0xFF00, 0xFF60) || in(0xFFE0, 0xFFE6) || in(0x1F300, 0x1F64F) ||
      in(0x1F900, 0x1F9FF) || in(0x20000, 0x3FFFD)) {
    return 2;
  }
  return 1;
}

void append_utf8(std::string* out, std::int32_t cp) {
  auto u = static_cast<std::uint32_t>(cp);
  if (u < 0x80) {
    out->push_back(static_cast<char>(u));
  } else if (u < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (u >> 6)));
    out->push_back(static_cast<char>(0x80 | (u & 0x3F)));
  } else if (u < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (u >> 12)));
    out->push_back(static_cast<char>(0x80 | ((u >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (u & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (u >> 18)));
    out->push_back(static_cast<char>(0x80 | ((u >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((u >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (u & 0x3F)));
  }
}

}  // namespace

std::size_t display_width(std::string_view s) noexcept {
  std::size_t w = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    std::int32_t cp = decode(s, i, &len);
    w += static_cast<std::size_t>(char_width(cp));
    i += len;
  }
  return w;
}

std::string cell_text(std::string_view s, std::size_t max_width) {
  std::string clean;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    std::int32_t cp = decode(s, i, &len);
    i += len;
    if (cp < 0) cp = 0xFFFD;
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0x2028 || cp == 0x2029) {
      cp = ' ';
    }
    append_utf8(&clean, cp);
  }
  if (display_width(clean) <= max_width) return clean;
  // Cut so that the text and the ellipsis fit in max_width columns.
  std::string out;
  std::size_t w = 0;
  for (std::size_t i = 0; i < clean.size();) {
    std::size_t len = 1;
    std::int32_t cp = decode(clean, i, &len);
    auto cw = static_cast<std::size_t>(char_width(cp));
    if (w + cw + 1 > max_width) break;
    out.append(clean, i, len);
    w += cw;
    i += len;
  }
  if (max_width > 0) out += "\u2026";
  return out;
}

std::string pad_right(const std::string& s, std::size_t width) {
  std::size_t w = display_width(s);
  std::string out = s;
  if (w < width) out.append(width - w, ' ');
  return out;
}

std::string format_table(const std::vector<std::vector<std::string>>& rows,
                         const std::string& indent) {
  std::vector<std::size_t> widths;
  for (const auto& row : rows) {
    if (row.size() > widths.size()) widths.resize(row.size(), 0);
    for (std::size_t c = 0; c < row.size(); ++c) {
      widths[c] = std::max(widths[c], display_width(row[c]));
    }
  }
  std::string out;
  for (const auto& row : rows) {
    std::string line = indent;
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c + 1 < row.size()) {
        line += pad_right(row[c], widths[c]);
        line += "  ";
      } else {
        line += row[c];
      }
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    line += '\n';
    out += line;
  }
  return out;
}

void print_table(std::FILE* f, const std::vector<std::vector<std::string>>& rows,
                 const std::string& indent) {
  std::string out = format_table(rows, indent);
  std::fwrite(out.data(), 1, out.size(), f);
}

bool write_out(std::string_view s) {
  return std::fwrite(s.data(), 1, s.size(), stdout) == s.size();
}

bool output_failed() noexcept { return std::ferror(stdout) != 0; }

}  // namespace vnie_cli
