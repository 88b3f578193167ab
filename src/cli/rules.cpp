// `vnie rules list` and `vnie rules check`.
#include <cstdio>
#include <string>

#include "commands.h"

namespace vnie_cli {

CLI::App* setup_rules(CLI::App& app, RulesArgs* args) {
  CLI::App* cmd = app.add_subcommand("rules", "List or check rules (docs/rules.md)");
  cmd->require_subcommand(1);

  args->list_cmd = cmd->add_subcommand(
      "list", "Print the rules in force, one a line: id, type, stage, priority, file:line, "
              "number of examples and of negative examples");
  add_rule_options(args->list_cmd, &args->list);

  args->check_cmd = cmd->add_subcommand(
      "check", "Load the default rules and DIR... and run every rule's examples; print "
               "\"ok: N rules\", or the first error on stderr and exit 2");
  args->check_cmd->add_option("dirs", args->check_dirs, "Rule directories to check")
      ->type_name("DIR")
      ->check(CLI::Validator(CLI::ExistingDirectory).description(""));
  args->check_cmd->add_flag("--no-default-rules", args->check_no_defaults,
                            "Check DIR... alone, without the embedded default rules");
  return cmd;
}

namespace {

int run_list(const ExtractorArgs& args) {
  auto ex = make_extractor(args);
  if (!ex) return kExitUsage;
  std::vector<std::vector<std::string>> rows;
  rows.push_back({"ID", "TYPE", "STAGE", "PRIORITY", "LOCATION", "EXAMPLES", "NOT"});
  for (const auto& r : ex->rules()) {
    rows.push_back({r.id, r.type, std::to_string(r.stage), std::to_string(r.priority),
                    r.file + ":" + std::to_string(r.line), std::to_string(r.examples),
                    std::to_string(r.negative_examples)});
  }
  print_table(stdout, rows);
  return kExitOk;
}

int run_check(const RulesArgs& args) {
  std::vector<vnie::RuleInfo> rules;
  vnie::Status st = vnie::check_rules(args.check_dirs, !args.check_no_defaults, &rules);
  if (!st.ok()) {
    error_message(st.to_string());
    return kExitUsage;
  }
  std::printf("ok: %zu rules\n", rules.size());
  return kExitOk;
}

}  // namespace

int run_rules(const RulesArgs& args) {
  if (args.list_cmd != nullptr && args.list_cmd->parsed()) return run_list(args.list);
  if (args.check_cmd != nullptr && args.check_cmd->parsed()) return run_check(args);
  error_message("rules: expected 'list' or 'check'");
  return kExitUsage;
}

}  // namespace vnie_cli
