// `vnie normalize`: each input line normalized (or folded), one output line
// per input line.
#include <cstdio>
#include <string>

#include "commands.h"
#include "vnie/normalize.h"

namespace vnie_cli {

CLI::App* setup_normalize(CLI::App& app, NormalizeArgs* args) {
  CLI::App* cmd = app.add_subcommand(
      "normalize",
      "Print each input line normalized (NFC, canonical tone marks, …), one output line per "
      "input line. Invalid UTF-8 is replaced by U+FFFD and reported on stderr as "
      "FILE:LINE: byte N: MESSAGE (N counts from the start of the line)");
  cmd->add_option("inputs", args->inputs, "Files to read; stdin when none or '-'")
      ->type_name("FILE");
  cmd->add_option("--style", args->style, "Tone mark placement for oa/oe/uy")
      ->type_name("STYLE")
      ->check(tone_style_validator())
      ->capture_default_str();
  cmd->add_flag("--fold", args->fold,
                "Print the folded view instead: lower case, no diacritics, đ→d");
  return cmd;
}

int run_normalize(const NormalizeArgs& args) {
  vnie::NormalizeOptions opt;
  if (!vnie::parse_tone_style(args.style, opt.tone_style)) {
    error_message("unknown tone style '" + args.style + "'");
    return kExitUsage;
  }
  const vnie::Normalizer normalizer(opt);

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
    std::size_t line_no = 0;
    while (!output_failed() && in->next_line(&line)) {
      ++line_no;
      vnie::NormalizedText nt = normalizer.normalize(line);
      for (const auto& w : nt.warnings) {
        std::fflush(stdout);
        std::fprintf(stderr, "%s:%zu: byte %zu: %s\n", src.name.c_str(), line_no, w.byte_offset,
                     w.message.c_str());
      }
      std::string& out = args.fold ? nt.folded : nt.text;
      out += '\n';
      write_out(out);
      std::fflush(stdout);
    }
    if (in->failed()) {
      error_message("cannot read " + src.name + ": read error after line " +
                    std::to_string(line_no));
      io_ok = false;
    }
  }
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    error_message("error writing the output");
    return kExitUsage;
  }
  return io_ok ? kExitOk : kExitUsage;
}

}  // namespace vnie_cli
