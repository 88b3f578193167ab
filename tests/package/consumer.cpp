// A consumer of the installed package: extracts one known figure.
#include <vnie/vnie.h>

#include <iostream>
#include <memory>

int main() {
  std::unique_ptr<vnie::Extractor> ex;
  if (!vnie::Extractor::create({}, &ex).ok()) return 1;
  const std::string text = "Đề nghị xét nâng lương cho 542 người.";
  vnie::Document doc;
  if (!ex->extract(text, {}, &doc).ok()) return 1;
  for (const auto& m : doc.mentions) {
    if (m.type == vnie::MentionType::number && m.text.rfind("542", 0) == 0 &&
        std::get<vnie::NumberValue>(m.value).value == 542) {
      std::cout << "ok: vnie " << vnie::version() << " found '" << m.text << "'\n";
      return 0;
    }
  }
  std::cerr << "consumer: 542 not found in " << vnie::to_json_line(doc) << "\n";
  return 1;
}
