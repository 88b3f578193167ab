// `vnie extract`: documents in, one record per document out (JSON Lines, a
// JSON array, a table or CSV rows), in input order.
//
// The reader (the calling thread) cuts the input into tasks: a whole file, a
// line, or a JSON line. With --threads 1 each task is processed and written
// at once. Otherwise worker threads process tasks from a queue with one shared
// const Extractor, and a writer thread writes the results in input order;
// the reader waits while the window of tasks in flight is full (a bounded
// count and a bounded number of input bytes), so memory stays bounded
// whatever the input size. Each record is flushed as soon as no later one is
// ready (line in, line out).
#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "formats.h"
#include "vnie/encoding.h"
#include "line_reader.h"
#include "progress.h"

namespace vnie_cli {
namespace {

/// One unit of work: a document to extract, or an error known when reading.
struct Task {
  enum class Kind { text, jsonl, error };
  Kind kind = Kind::text;
  std::string data;  ///< the text, or the JSON line
  std::string id;
  std::string input;  ///< FILE:LINE
  ErrorRecord error;  ///< Kind::error
};

struct Result {
  std::string out;
  bool failed = false;
};

/// Everything a worker needs; shared, read-only.
struct Context {
  const vnie::Extractor& extractor;
  std::optional<vnie::DateValue> ref_date;
  const Formatter& formatter;
  vnie::Encoding encoding = vnie::Encoding::utf8;  ///< of text and lines input
};

/// Strips nlohmann's "[json.exception.parse_error.101] " prefix.
std::string json_error_text(const char* what) {
  std::string s = what;
  if (!s.empty() && s[0] == '[') {
    auto pos = s.find("] ");
    if (pos != std::string::npos) s.erase(0, pos + 2);
  }
  return s;
}

Result fail(const Context& ctx, std::string id, std::string code, std::string message,
            std::string input) {
  Result r;
  r.failed = true;
  r.out = ctx.formatter.error({std::move(id), std::move(code), std::move(message), std::move(input)});
  return r;
}

Result extract_one(const Context& ctx, std::string_view text, std::string id,
                   const std::optional<vnie::DateValue>& date, const std::string& input,
                   vnie::Document* doc, vnie::Encoding encoding = vnie::Encoding::utf8) {
  vnie::DocumentInfo info;
  info.id = std::move(id);
  info.reference_date = date ? date : ctx.ref_date;
  vnie::Status st;
  vnie::Encoding used = vnie::Encoding::utf8;
  if (encoding == vnie::Encoding::utf8) {
    st = ctx.extractor.extract(text, info, doc);
  } else {  // a legacy encoding, or auto: decode, offsets still index `text`
    vnie::Decoded decoded;
    st = vnie::extract_encoded(ctx.extractor, text, encoding, info, doc, &decoded);
    used = decoded.encoding;
  }
  if (!st.ok()) return fail(ctx, info.id, vnie::to_string(st.code), st.to_string(), input);
  doc->id = info.id;
  if (!doc->reference_date) doc->reference_date = info.reference_date;
  Result r;
  r.out = ctx.formatter.document(*doc, text, used);
  return r;
}

Result process_jsonl(const Context& ctx, const Task& t, vnie::Document* doc) {
  std::string id = t.input;
  nlohmann::json j;  // std::map objects: lookups stay O(log n) on hostile input
  try {
    j = nlohmann::json::parse(t.data);
  } catch (const nlohmann::json::exception& e) {
    return fail(ctx, id, "invalid_argument", "invalid JSON: " + json_error_text(e.what()), t.input);
  }
  if (!j.is_object()) return fail(ctx, id, "invalid_argument", "a line must be a JSON object", t.input);
  if (auto it = j.find("id"); it != j.end() && !it->is_null()) {
    if (!it->is_string()) return fail(ctx, id, "invalid_argument", "\"id\" must be a string", t.input);
    id = it->get<std::string>();
  }
  auto text = j.find("text");
  if (text == j.end() || !text->is_string()) {
    return fail(ctx, id, "invalid_argument", "missing string field \"text\"", t.input);
  }
  std::optional<vnie::DateValue> date;
  if (auto it = j.find("date"); it != j.end() && !it->is_null()) {
    if (!it->is_string()) {
      return fail(ctx, id, "invalid_argument", "\"date\" must be a string YYYY-MM-DD", t.input);
    }
    vnie::DateValue d;
    std::string why;
    if (!parse_iso_date(it->get_ref<const std::string&>(), &d, &why)) {
      return fail(ctx, id, "invalid_argument", "invalid \"date\": " + why, t.input);
    }
    date = d;
  }
  return extract_one(ctx, text->get_ref<const std::string&>(), std::move(id), date, t.input, doc);
}

Result process(const Context& ctx, const Task& t, vnie::Document* doc) {
  try {
    switch (t.kind) {
      case Task::Kind::error:
        return fail(ctx, t.error.id, t.error.code, t.error.message, t.error.input);
      case Task::Kind::jsonl:
        return process_jsonl(ctx, t, doc);
      case Task::Kind::text:
        return extract_one(ctx, t.data, t.id, std::nullopt, t.input, doc, ctx.encoding);
    }
  } catch (const std::exception& e) {
    return fail(ctx, t.id.empty() ? t.input : t.id, "internal", e.what(), t.input);
  }
  return {};
}

// ------------------------------------------------------------------ output

/// Writes records in order with the format's framing; counts failures.
class Writer {
 public:
  Writer(const Formatter& f, Progress& progress) : formatter_(f), progress_(progress) {
    put(f.begin());
  }
  void record(const Result& r, bool flush) {
    if (r.failed) failed_ = true;
    if (!r.out.empty()) {
      if (any_) put(formatter_.separator());
      any_ = true;
      put(r.out);
    }
    if (flush) std::fflush(stdout);
    progress_.document_done(ByteReader::total_consumed());
  }
  void finish() {
    put(formatter_.end(any_));
    std::fflush(stdout);
    progress_.finish(ByteReader::total_consumed());
  }
  bool any_failed() const { return failed_; }

 private:
  void put(const std::string& s) {
    if (!s.empty()) write_out(s);
  }
  const Formatter& formatter_;
  Progress& progress_;
  bool any_ = false;
  bool failed_ = false;
};

/// Where the reader sends tasks.
class Sink {
 public:
  virtual ~Sink() = default;
  /// False when there is no point reading on (the output failed).
  virtual bool submit(Task task) = 0;
};

/// --threads 1: each task processed and written at once.
class InlineSink : public Sink {
 public:
  InlineSink(const Context& ctx, Writer& writer) : ctx_(ctx), writer_(writer) {}
  bool submit(Task task) override {
    writer_.record(process(ctx_, task, &doc_), true);
    return !output_failed();
  }

 private:
  const Context& ctx_;
  Writer& writer_;
  vnie::Document doc_;
};

/// Worker threads and an ordered writer thread, with a bounded window.
class ParallelSink : public Sink {
 public:
  ParallelSink(const Context& ctx, Writer& writer, unsigned threads)
      : ctx_(ctx), writer_(writer), max_tasks_(4 * std::size_t{threads}) {
    for (unsigned i = 0; i < threads; ++i) workers_.emplace_back([this] { work(); });
    writer_thread_ = std::thread([this] { write(); });
  }
  ~ParallelSink() override { close(); }
  ParallelSink(const ParallelSink&) = delete;
  ParallelSink& operator=(const ParallelSink&) = delete;

  bool submit(Task task) override {
    auto slot = std::make_unique<Slot>();
    slot->bytes = task.data.size() + task.error.message.size();
    slot->task = std::move(task);
    std::unique_lock lock(mu_);
    // A task larger than the byte budget still goes through, alone.
    space_cv_.wait(lock, [&] {
      return stop_ || slots_.empty() ||
             (slots_.size() < max_tasks_ && bytes_ + slot->bytes <= kMaxBytesInFlight);
    });
    if (stop_) return false;
    bytes_ += slot->bytes;
    queue_.push_back(slot.get());
    slots_.push_back(std::move(slot));
    work_cv_.notify_one();
    return true;
  }

  /// Waits until every task is written, then stops the threads.
  void close() {
    {
      std::lock_guard lock(mu_);
      if (closed_) return;
      closed_ = true;
    }
    work_cv_.notify_all();
    done_cv_.notify_all();
    for (auto& t : workers_) t.join();
    writer_thread_.join();
  }

 private:
  /// Input bytes held by tasks in flight (read but not written yet).
  static constexpr std::size_t kMaxBytesInFlight = std::size_t{32} << 20;

  struct Slot {
    Task task;
    Result result;
    std::size_t bytes = 0;
    bool done = false;
  };

  void work() {
    vnie::Document doc;
    std::unique_lock lock(mu_);
    for (;;) {
      work_cv_.wait(lock, [&] { return closed_ || stop_ || !queue_.empty(); });
      if (queue_.empty()) return;  // closed (or stopped) and nothing left
      Slot* slot = queue_.front();
      queue_.pop_front();
      lock.unlock();
      if (!stop_flag()) slot->result = process(ctx_, slot->task, &doc);
      slot->task = Task{};  // free the input now
      lock.lock();
      slot->done = true;
      if (slot == slots_.front().get()) done_cv_.notify_one();
    }
  }

  bool stop_flag() {
    std::lock_guard lock(mu_);
    return stop_;
  }

  void write() {
    std::unique_lock lock(mu_);
    for (;;) {
      done_cv_.wait(lock, [&] { return (!slots_.empty() && slots_.front()->done) ||
                                       (closed_ && slots_.empty()); });
      if (slots_.empty()) return;
      std::unique_ptr<Slot> slot = std::move(slots_.front());
      slots_.pop_front();
      bool next_ready = !slots_.empty() && slots_.front()->done;
      lock.unlock();
      if (!stop_flag_unlocked_) writer_.record(slot->result, !next_ready);
      bool out_failed = output_failed();
      std::size_t bytes = slot->bytes;
      slot.reset();
      lock.lock();
      bytes_ -= bytes;
      if (out_failed && !stop_) {
        stop_ = true;
        stop_flag_unlocked_ = true;
        work_cv_.notify_all();
      }
      space_cv_.notify_one();
    }
  }

  const Context& ctx_;
  Writer& writer_;
  const std::size_t max_tasks_;
  std::mutex mu_;
  std::condition_variable work_cv_, done_cv_, space_cv_;
  std::deque<std::unique_ptr<Slot>> slots_;  ///< in input order, until written
  std::deque<Slot*> queue_;                  ///< not yet taken by a worker
  std::size_t bytes_ = 0;
  bool closed_ = false, stop_ = false;
  bool stop_flag_unlocked_ = false;  ///< stop_, as seen by the writer thread
  std::vector<std::thread> workers_;
  std::thread writer_thread_;
};

// ------------------------------------------------------------------ input

std::string location(const InputSource& src, std::size_t line) {
  return src.name + ":" + std::to_string(line);
}

Task too_large(std::string id, std::string input, std::size_t limit, const char* what) {
  Task t;
  t.kind = Task::Kind::error;
  t.error = {std::move(id), vnie::to_string(vnie::ErrorCode::input_too_large),
             std::string(what) + " larger than the limit of " + std::to_string(limit) +
                 " bytes (--max-doc-bytes)",
             std::move(input)};
  return t;
}

/// Reads one input and submits its tasks; false when it could not be read.
/// Sets `*stop` when the sink wants no more input.
bool read_input(Sink& sink, const InputSource& src, const std::string& mode, std::size_t limit,
                bool* stop) {
  auto in = ByteReader::open(src);
  if (!in) return false;
  if (mode == "text") {
    Task t;
    bool over = false;
    if (!in->read_all(&t.data, limit, &over)) {
      error_message("cannot read " + src.name + ": " + in->error());
      return false;
    }
    if (over) {
      t = too_large(src.name, location(src, 1), limit, "document");
    } else {
      t.id = src.name;
      t.input = location(src, 1);
    }
    *stop = !sink.submit(std::move(t));
    return true;
  }
  std::string line;
  std::size_t line_no = 0, length = 0;
  for (;;) {
    ByteReader::Line got = in->next_line(&line, limit, &length);
    if (got == ByteReader::Line::end) break;
    ++line_no;
    Task t;
    if (got == ByteReader::Line::too_long) {
      t = too_large(location(src, line_no), location(src, line_no), limit,
                    ("line of " + std::to_string(length) + " bytes").c_str());
    } else if (is_blank(line)) {
      continue;
    } else {
      t.kind = mode == "jsonl" ? Task::Kind::jsonl : Task::Kind::text;
      t.data = std::move(line);
      line = std::string();
      t.input = location(src, line_no);
      t.id = mode == "jsonl" ? std::string() : t.input;
    }
    if (!sink.submit(std::move(t))) {
      *stop = true;
      return true;
    }
  }
  if (in->failed()) {
    error_message("cannot read " + src.name + ": " + in->error() + " (after line " +
                  std::to_string(line_no) + ")");
    return false;
  }
  return true;
}

}  // namespace

CLI::App* setup_extract(CLI::App& app, ExtractArgs* args) {
  CLI::App* cmd = app.add_subcommand(
      "extract",
      "Extract mentions and events; print one JSON object per document per line "
      "(docs/output-format.md)");
  cmd->add_option("inputs", args->inputs,
                  "Files or directories to read; stdin when none or '-'. Directories are walked "
                  "recursively for *.txt (*.jsonl with --input jsonl) in sorted order")
      ->type_name("FILE|DIR");
  cmd->add_option("--input", args->input_mode,
                  "text: a file is one document, id = its path; lines: each non-blank line is a "
                  "document, id = FILE:LINE; jsonl: each line is {\"id\", \"text\", \"date\"?}")
      ->type_name("MODE")
      ->check(CLI::IsMember({"text", "lines", "jsonl"}))
      ->capture_default_str();
  cmd->add_option("--format", args->format,
                  "jsonl: one JSON object per line; json: the same objects pretty-printed in one "
                  "array; table: an aligned view for reading; csv: one row per event; html: one "
                  "self-contained page, highlighted texts and event tables (docs/cli.md)")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"jsonl", "json", "table", "csv", "html"}))
      ->capture_default_str();
  cmd->add_flag("--bom", args->bom,
                "With --format csv: start with a UTF-8 byte order mark (for spreadsheets)");
  cmd->add_option("--threads", args->threads,
                  "Worker threads (default: all cores); output order is input order")
      ->type_name("N")
      ->check(CLI::Range(1u, 1024u));
  cmd->add_option("--progress", args->progress,
                  "Progress on stderr: auto (when stderr is a terminal and the input is large), "
                  "always, never")
      ->type_name("WHEN")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  cmd->add_flag("--exit-zero", args->exit_zero,
                "Exit 0 even when some document failed (its error record is still written); "
                "for Hadoop Streaming and other runners that fail a task on any other status");
  cmd->add_option("--ref-date", args->ref_date,
                  "Reference date for year-less and relative dates (default: the article's "
                  "publication date when its header gives one)")
      ->type_name("YYYY-MM-DD")
      ->check(date_validator());
  add_encoding_option(cmd, &args->encoding,
                      "Encoding of text and lines input: utf-8, cp1258, tcvn3 (ABC), vni, viqr, "
                      "or auto (detected per document and reported in its \"encoding\" field); "
                      "offsets index the original bytes (docs/encodings.md)");
  cmd->add_option("--types", args->extractor.types,
                  "Report only these mention types (comma-separated): date, date_range, time, "
                  "number, percent, money, ordinal, award, organization, person")
      ->type_name("TYPE,...")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->check(mention_type_validator());
  add_rule_options(cmd, &args->extractor);
  cmd->add_option("--style", args->extractor.style,
                  "Tone mark placement for oa/oe/uy in the normalized text")
      ->type_name("STYLE")
      ->check(tone_style_validator())
      ->capture_default_str();
  cmd->add_option("--max-doc-bytes", args->extractor.max_doc_bytes,
                  "Refuse larger documents (with --input lines/jsonl: longer lines, read and "
                  "dropped unbuffered) with an error line (default: 67108864)")
      ->type_name("N")
      ->check(byte_count_validator());
  return cmd;
}

int run_extract(const ExtractArgs& args) {
  std::optional<vnie::DateValue> ref_date;
  if (!args.ref_date.empty()) {
    vnie::DateValue d;
    std::string why;
    if (!parse_iso_date(args.ref_date, &d, &why)) {
      error_message("--ref-date: invalid date '" + args.ref_date + "': " + why);
      return kExitUsage;
    }
    ref_date = d;
  }
  if (args.bom && args.format != "csv") {
    error_message("--bom goes with --format csv only");
    return kExitUsage;
  }
  Progress::When when = Progress::When::auto_;
  if (!parse_progress_when(args.progress, &when)) {
    error_message("--progress: expected auto, always or never");
    return kExitUsage;
  }
  vnie::Encoding encoding = vnie::Encoding::utf8;
  if (!vnie::parse_encoding(args.encoding, &encoding)) {
    error_message("--encoding: unknown encoding '" + args.encoding + "'");
    return kExitUsage;
  }
  if (encoding != vnie::Encoding::utf8 && args.input_mode == "jsonl") {
    error_message("--encoding goes with --input text or lines (JSON Lines are UTF-8)");
    return kExitUsage;
  }
  auto ex = make_extractor(args.extractor);
  if (!ex) return kExitUsage;
  const std::size_t limit = ex->options().max_document_bytes;

  std::vector<InputSource> inputs;
  bool io_ok = expand_inputs(args.inputs, args.input_mode == "jsonl" ? ".jsonl" : ".txt", &inputs);

  unsigned threads = args.threads;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());

  auto formatter = make_formatter(args.format, args.bom);
  Progress progress(when, total_input_size(inputs));
  Context ctx{*ex, ref_date, *formatter, encoding};
  Writer writer(*formatter, progress);
  {
    std::unique_ptr<Sink> sink;
    if (threads == 1) {
      sink = std::make_unique<InlineSink>(ctx, writer);
    } else {
      sink = std::make_unique<ParallelSink>(ctx, writer, threads);
    }
    bool stop = output_failed();
    for (const auto& src : inputs) {
      if (stop) break;  // e.g. a closed pipe with SIGPIPE ignored
      if (!read_input(*sink, src, args.input_mode, limit, &stop)) io_ok = false;
    }
  }  // all written
  writer.finish();
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    error_message("error writing the output");
    return kExitUsage;
  }
  if (!io_ok) return kExitUsage;
  return writer.any_failed() && !args.exit_zero ? kExitDocumentFailed : kExitOk;
}

}  // namespace vnie_cli
