// _vnie — the extension module under the Python package `vnie`
// (python/vnie/__init__.py holds the documented API; docs/python.md).
//
// Only vnie's public C++ API is used. Every result is the library's own
// vnie::to_json_line(doc) — byte for byte what `vnie extract` prints — to
// which, unless the caller asks for the raw line, Python string indices are
// added: "char_start"/"char_end" on mentions and events, "char_offset" on
// warnings. The Python layer turns the line into a dict with json.loads.
//
// Extraction never touches a Python object: inputs are copied into
// std::string while the GIL is held, then the GIL is released while the
// library works (in the caller's thread for extract(), in a Stream's worker
// threads for extract_many()).

// GCC 12 sees a "potential null pointer dereference" in pybind11's own
// clear_patients() (std::unordered_map::erase, std::vector's move) once
// inlined here: a false positive in code that is not vnie's. Set before any
// include so that it covers the library headers where it is reported.
#pragma GCC diagnostic ignored "-Wnull-dereference"

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "vnie/vnie.h"

namespace py = pybind11;

namespace {

using ojson = nlohmann::ordered_json;
using Date = std::optional<std::tuple<int, int, int>>;

// ------------------------------------------------------------------ inputs

/// A document's bytes, copied out of a Python object.
struct Text {
  std::string bytes;
  /// From a `str` (encoded as UTF-8 with surrogatepass, so every code point,
  /// a lone surrogate included, is one lead byte) rather than from bytes.
  bool from_str = false;
};

Text to_text(py::handle obj) {
  Text t;
  if (py::isinstance<py::str>(obj)) {
    t.from_str = true;
    Py_ssize_t size = 0;
    const char* data = PyUnicode_AsUTF8AndSize(obj.ptr(), &size);
    if (data != nullptr) {
      t.bytes.assign(data, static_cast<std::size_t>(size));
      return t;
    }
    PyErr_Clear();  // lone surrogates (e.g. from errors="surrogateescape")
    auto encoded = py::reinterpret_steal<py::bytes>(
        PyUnicode_AsEncodedString(obj.ptr(), "utf-8", "surrogatepass"));
    if (!encoded) throw py::error_already_set();
    t.bytes = std::string(encoded);
    return t;
  }
  if (py::isinstance<py::bytes>(obj) || py::isinstance<py::bytearray>(obj) ||
      py::isinstance<py::memoryview>(obj)) {
    py::buffer_info info = py::reinterpret_borrow<py::buffer>(obj).request();
    if (info.itemsize != 1 || info.ndim > 1) {
      throw py::value_error("text: a bytes-like object of bytes is required");
    }
    t.bytes.assign(static_cast<const char*>(info.ptr), static_cast<std::size_t>(info.size));
    return t;
  }
  throw py::type_error("text must be str or bytes, not " +
                       std::string(py::str(py::type::handle_of(obj).attr("__name__"))));
}

std::optional<vnie::DateValue> to_date(const Date& d) {
  if (!d) return std::nullopt;
  vnie::DateValue v;
  v.year = std::get<0>(*d);
  v.month = std::get<1>(*d);
  v.day = std::get<2>(*d);
  return v;
}

// --------------------------------------------------------- char offsets

/// Length of the unit of `s` that starts at `i`: a well-formed UTF-8
/// sequence, or else a maximal subpart of an ill-formed one, which Python's
/// bytes.decode("utf-8", "replace") turns into one U+FFFD (Unicode's
/// "substitution of maximal subparts"). With `lenient` (text that came from a
/// `str`), any lead byte and its continuation bytes are one unit, so that a
/// surrogatepass-encoded lone surrogate counts as the one character it is.
std::size_t unit_length(std::string_view s, std::size_t i, bool lenient) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b = byte(i);
  if (b < 0x80) return 1;
  if (lenient) {
    std::size_t n = 1;
    while (i + n < s.size() && n < 4 && (byte(i + n) & 0xC0) == 0x80) ++n;
    return n;
  }
  std::size_t need = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b >= 0xC2 && b <= 0xDF) {
    need = 1;
  } else if (b >= 0xE0 && b <= 0xEF) {
    need = 2;
    if (b == 0xE0) lo = 0xA0;
    if (b == 0xED) hi = 0x9F;
  } else if (b >= 0xF0 && b <= 0xF4) {
    need = 3;
    if (b == 0xF0) lo = 0x90;
    if (b == 0xF4) hi = 0x8F;
  } else {
    return 1;  // a continuation byte or C0, C1, F5..FF alone
  }
  std::size_t n = 1;
  for (; n <= need && i + n < s.size(); ++n) {
    const unsigned char c = byte(i + n);
    if (n == 1 ? (c < lo || c > hi) : (c & 0xC0) != 0x80) break;
  }
  return n;  // need + 1 when well formed, else the maximal subpart
}

/// Maps sorted UTF-8 byte offsets of `s` to Python string indices in one pass.
class CharIndex {
 public:
  CharIndex(std::string_view s, std::vector<std::size_t> offsets, bool lenient)
      : offsets_(std::move(offsets)) {
    std::sort(offsets_.begin(), offsets_.end());
    offsets_.erase(std::unique(offsets_.begin(), offsets_.end()), offsets_.end());
    chars_.reserve(offsets_.size());
    std::size_t pos = 0, chars = 0;
    for (std::size_t off : offsets_) {
      // An offset inside a unit (which vnie does not produce) maps to the
      // index of that unit.
      while (pos < s.size()) {
        std::size_t len = unit_length(s, pos, lenient);
        if (pos + len > off) break;
        pos += len;
        ++chars;
      }
      chars_.push_back(chars);
    }
  }
  std::size_t operator()(std::size_t off) const {
    auto it = std::lower_bound(offsets_.begin(), offsets_.end(), off);
    return chars_[static_cast<std::size_t>(it - offsets_.begin())];
  }

 private:
  std::vector<std::size_t> offsets_;
  std::vector<std::size_t> chars_;
};

/// The JSON line with "char_start"/"char_end" added to every mention and
/// event and "char_offset" to every warning.
std::string with_char_offsets(const std::string& line, const vnie::Document& doc,
                              const Text& text) {
  std::vector<std::size_t> offsets;
  offsets.reserve(2 * (doc.mentions.size() + doc.events.size()) + doc.warnings.size());
  for (const auto& m : doc.mentions) offsets.insert(offsets.end(), {m.start, m.end});
  for (const auto& e : doc.events) offsets.insert(offsets.end(), {e.start, e.end});
  for (const auto& w : doc.warnings) offsets.push_back(w.byte_offset);
  const CharIndex index(text.bytes, std::move(offsets), text.from_str);

  ojson j = ojson::parse(line);
  auto add_span = [&](ojson& array) {
    for (auto& item : array) {
      item["char_start"] = index(item["start"].get<std::size_t>());
      item["char_end"] = index(item["end"].get<std::size_t>());
    }
  };
  add_span(j["mentions"]);
  add_span(j["events"]);
  for (auto& w : j["warnings"]) w["char_offset"] = index(w["byte_offset"].get<std::size_t>());
  return j.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

// ---------------------------------------------------------------- engine

/// One document to extract.
struct Job {
  Text text;
  std::string id;
  std::optional<vnie::DateValue> date;
  bool as_json = false;  ///< the CLI's line as is, without char offsets
};

/// What extracting one document gave: a JSON line, or an error.
struct Outcome {
  bool ok = false;
  std::string json;      ///< when ok
  std::string code;      ///< a vnie::ErrorCode name, when not ok
  std::string message;   ///< when not ok
  py::tuple to_python() const { return py::make_tuple(ok, py::str(json), code, message); }
};

class Engine {
 public:
  explicit Engine(std::unique_ptr<vnie::Extractor> ex) : ex_(std::move(ex)) {}

  /// Thread-safe; never throws.
  Outcome run(const Job& job) const noexcept {
    Outcome o;
    try {
      vnie::DocumentInfo info;
      info.id = job.id;
      info.reference_date = job.date;
      vnie::Document doc;
      vnie::Status st = ex_->extract(job.text.bytes, info, &doc);
      if (!st.ok()) {
        o.code = vnie::to_string(st.code);
        o.message = st.to_string();
        return o;
      }
      // As `vnie extract` does for each document.
      doc.id = info.id;
      if (!doc.reference_date) doc.reference_date = info.reference_date;
      std::string line = vnie::to_json_line(doc);
      o.json = job.as_json ? std::move(line) : with_char_offsets(line, doc, job.text);
      o.ok = true;
    } catch (const std::exception& e) {
      o = Outcome{};
      o.code = vnie::to_string(vnie::ErrorCode::internal);
      o.message = e.what();
    }
    return o;
  }

  const vnie::Extractor& extractor() const { return *ex_; }

 private:
  std::unique_ptr<vnie::Extractor> ex_;
};

/// Returns (Engine, None) or, when the rules do not load, (None, error dict).
py::tuple create_engine(const std::vector<std::string>& rule_dirs, bool default_rules,
                        const std::vector<std::string>& types, const std::string& style,
                        std::optional<std::size_t> max_doc_bytes) {
  vnie::Options opt;
  opt.use_default_rules = default_rules;
  opt.rule_dirs = rule_dirs;
  for (const auto& name : types) {
    vnie::MentionType t{};
    if (!vnie::parse_mention_type(name, t)) {
      throw py::value_error("unknown mention type '" + name +
                            "' (expected one of date, date_range, time, number, percent, money, "
                            "ordinal, award, organization, person)");
    }
    opt.types.push_back(t);
  }
  if (!vnie::parse_tone_style(style, opt.normalize.tone_style)) {
    throw py::value_error("unknown style '" + style + "' (expected traditional, modern or keep)");
  }
  if (max_doc_bytes) {
    if (*max_doc_bytes == 0) throw py::value_error("max_doc_bytes must be positive");
    opt.max_document_bytes = *max_doc_bytes;
  }
  std::unique_ptr<vnie::Extractor> ex;
  vnie::Status st;
  {
    py::gil_scoped_release nogil;
    st = vnie::Extractor::create(opt, &ex);
  }
  if (!st.ok()) {
    py::dict err;
    err["code"] = vnie::to_string(st.code);
    err["message"] = st.message;
    err["file"] = st.file.empty() ? py::object(py::none()) : py::object(py::str(st.file));
    err["line"] = st.line == 0 ? py::object(py::none()) : py::object(py::int_(st.line));
    err["text"] = st.to_string();
    return py::make_tuple(py::none(), err);
  }
  return py::make_tuple(std::make_shared<Engine>(std::move(ex)), py::none());
}

// ---------------------------------------------------------------- stream

/// Documents extracted by worker threads, results taken in input order.
/// At most `window` documents (and `max_bytes` of text, one larger document
/// alone) are in flight: put but not yet taken. One Python generator drives
/// a stream; get() waits with the GIL released.
class Stream {
 public:
  Stream(std::shared_ptr<const Engine> engine, std::size_t threads, std::size_t window,
         std::size_t max_bytes)
      : engine_(std::move(engine)), slots_(window), slot_bytes_(window), max_bytes_(max_bytes) {
    workers_.reserve(threads);
    for (std::size_t i = 0; i < threads; ++i) workers_.emplace_back([this] { work(); });
  }
  ~Stream() { close(); }
  Stream(const Stream&) = delete;
  Stream& operator=(const Stream&) = delete;

  /// Queues a document, or returns false, queueing nothing, when the window
  /// is full (the caller takes a result, then tries again). Never waits: only
  /// the caller's get() makes room.
  bool put(Job job) {
    const std::size_t size = job.text.bytes.size();
    {
      std::lock_guard<std::mutex> lk(mu_);
      if (closed_) throw py::value_error("the stream is closed");
      if (in_flight() >= slots_.size() || !bytes_fit(size)) return false;
      slot_bytes_[next_in_ % slots_.size()] = size;
      bytes_ += size;
      jobs_.emplace_back(next_in_++, std::move(job));
    }
    work_cv_.notify_one();
    return true;
  }

  /// True when the next result in order is ready (get() would not wait).
  bool ready() {
    std::lock_guard<std::mutex> lk(mu_);
    return next_out_ < next_in_ && slots_[next_out_ % slots_.size()].has_value();
  }

  /// The next result in input order; waits (GIL released) for it.
  py::tuple get() {
    {
      std::lock_guard<std::mutex> lk(mu_);
      if (next_out_ == next_in_) throw py::value_error("no document in flight");
    }
    wait_until([&] { return closed_ || slots_[next_out_ % slots_.size()].has_value(); });
    Outcome o;
    {
      std::lock_guard<std::mutex> lk(mu_);
      const std::size_t i = next_out_ % slots_.size();
      if (!slots_[i]) throw py::value_error("the stream is closed");
      o = std::move(*slots_[i]);
      slots_[i].reset();
      bytes_ -= slot_bytes_[i];
      ++next_out_;
    }
    return o.to_python();
  }

  /// Stops the workers (documents not yet extracted are dropped). Idempotent.
  void close() {
    {
      std::lock_guard<std::mutex> lk(mu_);
      closed_ = true;
    }
    work_cv_.notify_all();
    done_cv_.notify_all();
    for (auto& t : workers_) {
      if (t.joinable()) t.join();
    }
  }

 private:
  std::size_t in_flight() const { return static_cast<std::size_t>(next_in_ - next_out_); }
  bool bytes_fit(std::size_t size) const { return in_flight() == 0 || bytes_ + size <= max_bytes_; }

  /// Waits for `pred` (checked under mu_) with the GIL released, waking every
  /// 100 ms to let Python handle signals (Ctrl-C raises KeyboardInterrupt).
  /// Workers never take the GIL, and mu_ is released before the GIL is taken
  /// back.
  template <class Pred>
  void wait_until(Pred pred) {
    for (;;) {
      {
        py::gil_scoped_release nogil;
        std::unique_lock<std::mutex> lk(mu_);
        if (done_cv_.wait_for(lk, std::chrono::milliseconds(100), pred)) return;
      }
      if (PyErr_CheckSignals() != 0) throw py::error_already_set();
    }
  }

  void work() {
    for (;;) {
      std::pair<std::uint64_t, Job> item;
      {
        std::unique_lock<std::mutex> lk(mu_);
        work_cv_.wait(lk, [&] { return closed_ || !jobs_.empty(); });
        if (closed_) return;
        item = std::move(jobs_.front());
        jobs_.pop_front();
      }
      Outcome o = engine_->run(item.second);
      item.second = Job{};  // free the text before waiting for the lock
      {
        std::lock_guard<std::mutex> lk(mu_);
        slots_[item.first % slots_.size()] = std::move(o);
      }
      done_cv_.notify_all();
    }
  }

  std::shared_ptr<const Engine> engine_;
  std::vector<std::thread> workers_;
  std::mutex mu_;
  std::condition_variable work_cv_;   ///< a job was queued, or closing
  std::condition_variable done_cv_;  ///< a result is ready, or closing
  std::deque<std::pair<std::uint64_t, Job>> jobs_;
  std::vector<std::optional<Outcome>> slots_;  ///< results by sequence number % window
  std::vector<std::size_t> slot_bytes_;        ///< text size of each document in flight, likewise
  std::uint64_t next_in_ = 0, next_out_ = 0;
  std::size_t bytes_ = 0, max_bytes_;
  bool closed_ = false;
};

// ------------------------------------------------------ normalize, decode

py::dict warning_dict(const vnie::Warning& w) {
  py::dict d;
  d["code"] = vnie::to_string(w.code);
  d["message"] = w.message;
  d["byte_offset"] = w.byte_offset;
  return d;
}

py::str normalize_text(py::handle text, bool fold, const std::string& style) {
  vnie::NormalizeOptions opt;
  if (!vnie::parse_tone_style(style, opt.tone_style)) {
    throw py::value_error("unknown style '" + style + "' (expected traditional, modern or keep)");
  }
  Text t = to_text(text);
  std::string out;
  {
    py::gil_scoped_release nogil;
    vnie::NormalizedText nt = vnie::Normalizer(opt).normalize(t.bytes);
    out = fold ? std::move(nt.folded) : std::move(nt.text);
  }
  return py::str(out);
}

py::dict decode_bytes(py::handle data, const std::string& encoding) {
  if (py::isinstance<py::str>(data)) throw py::type_error("decode() takes bytes, not str");
  vnie::Encoding enc{};
  if (!vnie::parse_encoding(encoding, &enc)) {
    throw py::value_error("unknown encoding '" + encoding +
                          "' (expected utf-8, cp1258, tcvn3, vni, viqr or auto)");
  }
  Text t = to_text(data);
  vnie::Decoded d;
  vnie::Status st;
  {
    py::gil_scoped_release nogil;
    st = vnie::decode(t.bytes, enc, &d);
  }
  if (!st.ok()) throw py::value_error(st.to_string());
  py::dict out;
  out["text"] = py::str(d.text);
  out["encoding"] = vnie::to_string(d.encoding);
  out["unsure"] = d.unsure;
  out["score"] = d.score;
  py::list warnings;
  for (const auto& w : d.warnings) warnings.append(warning_dict(w));
  out["warnings"] = warnings;
  return out;
}

Job make_job(py::handle text, std::string id, const Date& date, bool as_json) {
  Job job;
  job.text = to_text(text);
  job.id = std::move(id);
  job.date = to_date(date);
  job.as_json = as_json;
  return job;
}

}  // namespace

PYBIND11_MODULE(_vnie, m) {
  m.doc() = "vnie's C++ core; use the package `vnie`, not this module";
  m.def("version", [] { return std::string(vnie::version()); });
  m.def("create", &create_engine, py::arg("rule_dirs"), py::arg("default_rules"),
        py::arg("types"), py::arg("style"), py::arg("max_doc_bytes"));
  m.def("normalize", &normalize_text, py::arg("text"), py::arg("fold"), py::arg("style"));
  m.def("decode", &decode_bytes, py::arg("data"), py::arg("encoding"));

  py::class_<Engine, std::shared_ptr<Engine>>(m, "Engine")
      .def(
          "extract",
          [](const Engine& e, py::handle text, std::string id, const Date& date, bool as_json) {
            Job job = make_job(text, std::move(id), date, as_json);
            Outcome o;
            {
              py::gil_scoped_release nogil;
              o = e.run(job);
            }
            return o.to_python();
          },
          py::arg("text"), py::arg("id"), py::arg("date"), py::arg("as_json"))
      .def("rules",
           [](const Engine& e) {
             py::list out;
             for (const auto& r : e.extractor().rules()) {
               py::dict d;
               d["id"] = r.id;
               d["type"] = r.type;
               d["file"] = r.file;
               d["line"] = r.line;
               out.append(d);
             }
             return out;
           })
      .def(
          "stream",
          [](const std::shared_ptr<Engine>& e, std::size_t threads, std::size_t window,
             std::size_t max_bytes) {
            if (threads == 0 || window == 0) {
              throw py::value_error("threads and window must be positive");
            }
            return std::make_unique<Stream>(e, threads, window, max_bytes);
          },
          py::arg("threads"), py::arg("window"), py::arg("max_bytes"));

  py::class_<Stream>(m, "Stream")
      .def(
          "put",
          [](Stream& s, py::handle text, std::string id, const Date& date, bool as_json) {
            return s.put(make_job(text, std::move(id), date, as_json));
          },
          py::arg("text"), py::arg("id"), py::arg("date"), py::arg("as_json"))
      .def("ready", &Stream::ready)
      .def("get", &Stream::get)
      .def("close", &Stream::close, py::call_guard<py::gil_scoped_release>());
}
