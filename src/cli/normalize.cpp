// `vnie normalize`: each input line normalized (or folded), one output line
// per input line. With --encoding the input is first decoded from a legacy
// encoding (the decoders of vnie/encoding.h), with --to the output is
// encoded into one: `vnie normalize --encoding auto old.txt > new.txt` is a
// converter to UTF-8 NFC.
#include <algorithm>
#include <cstdio>
#include <limits>
#include <string>
#include <string_view>

#include "commands.h"
#include "vnie/encoding.h"
#include "vnie/normalize.h"

namespace vnie_cli {
namespace {

/// Prints "NAME:LINE: byte N: MESSAGE" on stderr (N counts from the start of
/// the line), after what stdout holds so far.
void report(const std::string& name, std::size_t line_no, std::size_t byte,
            const std::string& message) {
  std::fflush(stdout);
  std::fprintf(stderr, "%s:%zu: byte %zu: %s\n", name.c_str(), line_no, byte, message.c_str());
}

/// Reports decoder warnings, whose offsets index the whole input `bytes`, by
/// line and byte within the line (a newline is byte 0x0A in every encoding).
void report_decoded(const std::string& name, std::string_view bytes,
                    const std::vector<vnie::Warning>& warnings) {
  std::size_t line_no = 1, line_start = 0, scanned = 0;
  for (const auto& w : warnings) {  // in input order (the detection warning first, offset 0)
    const std::size_t off = std::min(w.byte_offset, bytes.size());
    for (; scanned < off; ++scanned) {
      if (bytes[scanned] == '\n') {
        ++line_no;
        line_start = scanned + 1;
      }
    }
    report(name, line_no, off - line_start, w.message);
  }
}

struct Converter {
  const vnie::Normalizer& normalizer;
  bool fold = false;
  vnie::Encoding to = vnie::Encoding::utf8;

  /// Normalizes one line (without its newline) and writes it; warnings on stderr.
  void line(const std::string& name, std::size_t line_no, std::string_view line) const {
    vnie::NormalizedText nt = normalizer.normalize(line);
    for (const auto& w : nt.warnings) report(name, line_no, w.byte_offset, w.message);
    std::string& out = fold ? nt.folded : nt.text;
    if (to != vnie::Encoding::utf8) {
      std::string encoded;
      std::vector<vnie::Warning> warnings;
      (void)vnie::encode(out, to, &encoded, &warnings);  // fails only for auto_detect
      for (const auto& w : warnings) {
        report(name, line_no, w.byte_offset, w.message + " (byte of the normalized line)");
      }
      out = std::move(encoded);
    }
    out += '\n';
    write_out(out);
    std::fflush(stdout);
  }
};

}  // namespace

CLI::App* setup_normalize(CLI::App& app, NormalizeArgs* args) {
  CLI::App* cmd = app.add_subcommand(
      "normalize",
      "Print each input line normalized (NFC, canonical tone marks, …), one output line per "
      "input line. Invalid UTF-8 is replaced by U+FFFD and reported on stderr as "
      "FILE:LINE: byte N: MESSAGE (N counts from the start of the line). With --encoding, "
      "converts legacy encodings to UTF-8: vnie normalize --encoding auto old.txt > new.txt");
  cmd->add_option("inputs", args->inputs, "Files to read; stdin when none or '-'")
      ->type_name("FILE");
  cmd->add_option("--style", args->style, "Tone mark placement for oa/oe/uy")
      ->type_name("STYLE")
      ->check(tone_style_validator())
      ->capture_default_str();
  cmd->add_flag("--fold", args->fold,
                "Print the folded view instead: lower case, no diacritics, đ→d");
  add_encoding_option(cmd, &args->encoding,
                      "Encoding of the input: utf-8, cp1258, tcvn3 (ABC), vni, viqr, or auto "
                      "(detected per file, named on stderr); each file is decoded whole, bytes "
                      "that do not decode are reported with their line and byte "
                      "(docs/encodings.md)");
  cmd->add_option("--to", args->to,
                  "Encoding of the output: utf-8, cp1258, tcvn3, vni, viqr; characters it lacks "
                  "are written as ASCII stand-ins or '?' and reported on stderr")
      ->type_name("ENC")
      ->check(encoding_validator(false))
      ->capture_default_str();
  return cmd;
}

int run_normalize(const NormalizeArgs& args) {
  vnie::NormalizeOptions opt;
  if (!vnie::parse_tone_style(args.style, opt.tone_style)) {
    error_message("unknown tone style '" + args.style + "'");
    return kExitUsage;
  }
  vnie::Encoding from = vnie::Encoding::utf8, to = vnie::Encoding::utf8;
  if (!vnie::parse_encoding(args.encoding, &from) || !vnie::parse_encoding(args.to, &to) ||
      to == vnie::Encoding::auto_detect) {
    error_message("unknown encoding '" + args.encoding + "' or '" + args.to + "'");
    return kExitUsage;
  }
  const vnie::Normalizer normalizer(opt);
  const Converter convert{normalizer, args.fold, to};

  std::vector<InputSource> inputs;
  for (const auto& a : args.inputs) {
    if (a == "-") {
      inputs.push_back({kStdinName, true});
    } else {
      inputs.push_back({a, false});
    }
  }
  if (inputs.empty()) inputs.push_back({kStdinName, true});

  bool io_ok = true;
  std::string line;
  for (const auto& src : inputs) {
    if (output_failed()) break;  // e.g. a closed pipe with SIGPIPE ignored
    auto in = InputStream::open(src);
    if (!in) {
      io_ok = false;
      continue;
    }
    if (from == vnie::Encoding::utf8) {  // streamed, line by line
      std::size_t line_no = 0;
      while (!output_failed() && in->next_line(&line)) convert.line(src.name, ++line_no, line);
      if (in->failed()) {
        error_message("cannot read " + src.name + ": read error after line " +
                      std::to_string(line_no));
        io_ok = false;
      }
      continue;
    }
    // A legacy encoding: detection and decoding see the whole file.
    std::string bytes;
    bool over = false;
    if (!in->read_all(&bytes, std::numeric_limits<std::size_t>::max(), &over)) {
      error_message("cannot read " + src.name + ": read error");
      io_ok = false;
      continue;
    }
    vnie::Decoded d;
    if (vnie::Status st = vnie::decode(bytes, from, &d); !st.ok()) {
      error_message("cannot decode " + src.name + ": " + st.to_string());
      io_ok = false;
      continue;
    }
    if (from == vnie::Encoding::auto_detect) {
      std::fflush(stdout);
      std::fprintf(stderr, "%s: encoding %s (detected%s)\n", src.name.c_str(),
                   vnie::to_string(d.encoding), d.unsure ? ", unsure" : "");
    }
    report_decoded(src.name, bytes, d.warnings);
    // One output line per input line, as for UTF-8 input: "\n" ends a line,
    // a "\r" before it is dropped, a last line without "\n" is still printed.
    std::string_view text = d.text;
    std::size_t line_no = 0;
    while (!text.empty() && !output_failed()) {
      const std::size_t nl = text.find('\n');
      std::string_view l = text.substr(0, nl);
      text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
      if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
      convert.line(src.name, ++line_no, l);
    }
  }
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    error_message("error writing the output");
    return kExitUsage;
  }
  return io_ok ? kExitOk : kExitUsage;
}

}  // namespace vnie_cli
