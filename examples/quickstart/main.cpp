// The one-screen tour of the vnie API: extract mentions from a sentence.
//   vnie_quickstart ["text"]
#include <iostream>
#include <memory>

#include <vnie/vnie.h>

int main(int argc, char** argv) {
  const std::string text = argc > 1 ? argv[1]
                                    : "Nhân dịp Tết, CĐVC tỉnh tặng 27 suất quà, "
                                      "tổng số tiền 13,5 triệu đồng.";
  std::unique_ptr<vnie::Extractor> extractor;
  vnie::Status status = vnie::Extractor::create(vnie::Options{}, &extractor);
  if (!status.ok()) {
    std::cerr << "cannot load rules: " << status.to_string() << "\n";
    return 2;
  }
  vnie::Document doc;
  status = extractor->extract(text, vnie::DocumentInfo{"example", std::nullopt}, &doc);
  if (!status.ok()) {
    std::cerr << status.to_string() << "\n";
    return 1;
  }
  for (const vnie::Mention& m : doc.mentions) {
    // m.start/m.end are byte offsets into `text`: text.substr(m.start, m.end - m.start) == m.text
    std::cout << vnie::to_string(m.type) << "\t[" << m.start << "," << m.end << ")\t" << m.text
              << "\n";
  }
  std::cout << vnie::to_json_line(doc) << "\n";
  return 0;
}
