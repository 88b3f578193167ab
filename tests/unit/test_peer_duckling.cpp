// Peer check: Duckling's Vietnamese test phrases (../shared/peers/duckling-vi,
// BSD-3, facebook/duckling). Scored as Duckling scores itself: the phrase must
// give exactly one mention of the relevant type spanning all of it (trailing
// sentence punctuation aside), with the expected value. docs/values.md lists
// the mapping from Duckling's values to ours and the deliberate deviations.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

#include "support.h"
#include "vnie/extractor.h"
#include "vnie/json.h"

namespace {

using nlohmann::json;

/// Time phrases where we deliberately differ from Duckling (docs/values.md,
/// "Deliberate deviations"); they are reported but not scored.
const std::set<std::string>& time_deviations() {
  static const std::set<std::string> kSet = {
      // A weekday alone: we do not pick a week (Duckling always takes the next one).
      "thứ 2", "thứ hai", "thứ 3", "thứ ba", "chủ nhật", "chúa nhật", "sáng chủ nhật",
      "sáng chúa nhật",
      // Without a part-of-day word 2:30 is 02:30 (Duckling's known mistake: 14:30).
      "2:30", "hai giờ rưỡi",
      // Year-less dates take the year nearest the reference (12/10 → 2016-10-12).
      "ngày 12/10", "giáng sinh", "ngày giáng sinh",
      // Seconds: our dates and times stop at minutes.
      "2 giây vừa rồi", "3 giây tới", "3 giây tiếp theo", "3 s tiếp theo",
      // Time zones: news times are local.
      "4pm CET",
      // Seasons and meals are not calendar dates in Vietnamese news.
      "mùa hè này", "mùa hè năm nay", "mùa đông này", "sau bữa trưa"};
  return kSet;
}

struct Row {
  std::string text, expected;
};

std::vector<Row> read_tsv(const std::filesystem::path& p) {
  std::vector<Row> rows;
  std::istringstream in(vnie_test::read_file(p));
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (header) {
      header = false;
      continue;
    }
    const auto tab = line.find('\t');
    if (tab == std::string::npos) continue;
    rows.push_back({line.substr(0, tab), line.substr(tab + 1)});
  }
  return rows;
}

bool near(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b)); }

/// The phrase without trailing sentence punctuation ("1 AED." → "1 AED").
std::size_t phrase_end(const std::string& t) {
  std::size_t e = t.size();
  while (e > 0 && (t[e - 1] == '.' || t[e - 1] == ' ')) --e;
  return e;
}

struct Ymdhm {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
};

Ymdhm parse_iso(const std::string& s) {
  Ymdhm t;
  std::sscanf(s.c_str(), "%d-%d-%dT%d:%d:%d", &t.y, &t.mo, &t.d, &t.h, &t.mi, &t.s);
  return t;
}

// Calendar helpers (kept local: the test must not trust the code under test).
long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}
Ymdhm civil(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  Ymdhm t;
  t.d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  t.mo = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  t.y = static_cast<int>(yoe + era * 400 + (t.mo <= 2));
  return t;
}
Ymdhm add_days(const Ymdhm& t, long n) {
  Ymdhm r = civil(days_from_civil(t.y, t.mo, t.d) + n);
  r.h = t.h;
  r.mi = t.mi;
  return r;
}

/// Our date object (JSON) against Duckling's instant with a grain.
bool date_matches(const json& v, const Ymdhm& t, const std::string& grain) {
  if (v.value("year", json()) != json(t.y)) return false;
  const bool want_month = grain != "year";
  const bool want_day = want_month && grain != "month";
  if (v.value("month", json()) != (want_month ? json(t.mo) : json())) return false;
  if (v.value("day", json()) != (want_day ? json(t.d) : json())) return false;
  const bool want_time = grain == "hour" || grain == "minute" || grain == "second";
  if (!want_time) return !v.contains("hour");
  if (v.value("hour", -1) != t.h) return false;
  return v.value("minute", 0) == t.mi;
}

int pod_hour_start(const std::string& pod) {
  if (pod == "morning") return 4;
  if (pod == "noon") return 12;
  if (pod == "afternoon") return 13;
  if (pod == "evening") return 18;
  if (pod == "night") return 0;
  return -1;
}

/// Compares one of our mentions with Duckling's expected time value.
bool time_matches(const json& m, const json& want) {
  const std::string type = m["type"];
  const json& v = m["value"];
  const std::string grain = want.value("grain", "");
  if (want.contains("value")) {
    const Ymdhm t = parse_iso(want["value"]);
    if (grain == "week" || grain == "quarter") {
      if (type != "date_range") return false;
      Ymdhm end = t;
      if (grain == "week") {
        end = add_days(t, 6);
      } else {
        Ymdhm next = t;
        next.mo += 3;
        if (next.mo > 12) {
          next.mo -= 12;
          ++next.y;
        }
        next.d = 1;
        end = add_days(next, -1);
      }
      return date_matches(v["from"], t, "day") && date_matches(v["to"], end, "day");
    }
    if (type == "time") {  // a clock time not attached to a date: hour and minute
      if (grain != "hour" && grain != "minute" && grain != "second") return false;
      return v["hour"] == t.h && v["minute"] == t.mi;
    }
    if (type != "date") return false;
    return date_matches(v, t, grain);
  }
  // An interval with Duckling's exclusive end.
  const Ymdhm a = parse_iso(want["from"]);
  Ymdhm b = parse_iso(want["to"]);
  if (grain == "hour" && type == "date") {
    // "tối nay" 18:00–24:00: our date with a part of day.
    if (!v.contains("part_of_day")) return false;
    if (pod_hour_start(v["part_of_day"]) != a.h) return false;
    return date_matches(v, a, "day");
  }
  if (type != "date_range") return false;
  if (grain == "day") {
    b = add_days(b, -1);
  } else if (grain == "month") {
    if (--b.mo == 0) {
      b.mo = 12;
      --b.y;
    }
  } else if (grain == "year") {
    --b.y;
  } else if (grain == "hour" || grain == "minute") {
    long mins = days_from_civil(b.y, b.mo, b.d) * 1440 + b.h * 60 + b.mi;
    mins -= grain == "hour" ? 60 : 1;
    long day = mins / 1440;
    b = civil(day);
    b.h = static_cast<int>((mins - day * 1440) / 60);
    b.mi = static_cast<int>(mins % 60);
    const json& f = v["from"];
    const json& to = v["to"];
    auto same = [&](const json& d, const Ymdhm& t) {
      if (d.value("year", json()) != json(t.y) || d.value("month", json()) != json(t.mo) ||
          d.value("day", json()) != json(t.d)) {
        return false;
      }
      if (d.value("hour", -1) != t.h) return false;
      return grain == "hour" ? (d.value("minute", 0) == 0) : d.value("minute", -1) == t.mi;
    };
    return same(f, a) && same(to, b);
  } else {
    return false;  // seconds
  }
  return date_matches(v["from"], a, grain) && date_matches(v["to"], b, grain);
}

bool money_matches(const json& v, const json& want) {
  if (v["currency"] != want["unit"]) return false;
  const bool has_min = want.contains("min"), has_max = want.contains("max");
  if (want.contains("value")) {
    return v["amount"].is_number() && near(v["amount"], want["value"]) &&
           v["qualifier"] == "exact";
  }
  if (has_min && has_max) {
    return v["amount"].is_null() && v.contains("min") && v.contains("max") &&
           near(v["min"], want["min"]) && near(v["max"], want["max"]);
  }
  // Duckling's open bounds are our amount with a qualifier.
  const std::string q = v["qualifier"];
  if (!v["amount"].is_number()) return false;
  if (has_max) return near(v["amount"], want["max"]) && (q == "under" || q == "at_most");
  return near(v["amount"], want["min"]) && (q == "over" || q == "at_least");
}

struct Score {
  int pass = 0, scored = 0, deviations = 0;
  std::vector<std::string> failures;
};

Score run_file(const vnie::Extractor& ex, const std::string& file,
               const std::set<std::string>& types) {
  Score sc;
  const bool is_time = file == "vi-time.tsv";
  for (const auto& row : read_tsv(vnie_test::shared_dir() / "peers/duckling-vi" / file)) {
    if (is_time && time_deviations().count(row.text)) {
      ++sc.deviations;
      continue;
    }
    vnie::DocumentInfo info;
    vnie::DateValue ref;
    ref.year = 2017;
    ref.month = 2;
    ref.day = 2;
    ref.hour = 3;  // Duckling's reference time 03:55
    ref.minute = 55;
    info.reference_date = ref;
    vnie::Document doc;
    REQUIRE(ex.extract(row.text, info, &doc).ok());
    const json got = json::parse(vnie::to_json_line(doc));
    const json want = json::parse(row.expected);
    std::vector<json> relevant;
    for (const auto& m : got["mentions"]) {
      if (types.count(m["type"])) relevant.push_back(m);
    }
    bool ok = false;
    if (relevant.size() == 1 && relevant[0]["start"] == 0 &&
        relevant[0]["end"] == phrase_end(row.text)) {
      const json& m = relevant[0];
      if (file == "vi-numeral.tsv") {
        ok = m["value"]["unit"].is_null() && near(m["value"]["value"], want["value"]);
      } else if (file == "vi-ordinal.tsv") {
        ok = m["value"]["value"] == want["value"];
      } else if (file == "vi-amountofmoney.tsv") {
        ok = money_matches(m["value"], want);
      } else {
        ok = time_matches(m, want);
      }
    }
    ++sc.scored;
    if (ok) {
      ++sc.pass;
    } else {
      std::string desc;
      for (const auto& m : relevant) {
        desc += " [" + m["type"].get<std::string>() + " '" + m["text"].get<std::string>() +
                "' " + m["value"].dump() + "]";
      }
      sc.failures.push_back(row.text + " => " + row.expected + " ; got" +
                            (desc.empty() ? " nothing" : desc));
    }
  }
  return sc;
}

}  // namespace

TEST_CASE("peer: Duckling's Vietnamese phrases") {
  if (!vnie_test::have_shared() ||
      !std::filesystem::exists(vnie_test::shared_dir() / "peers/duckling-vi")) {
    MESSAGE("skipped: ../shared/peers/duckling-vi absent");
    return;
  }
  std::unique_ptr<vnie::Extractor> ex;
  REQUIRE(vnie::Extractor::create({}, &ex).ok());
  struct File {
    std::string name;
    std::set<std::string> types;
    double target;
  };
  const std::vector<File> files = {
      {"vi-numeral.tsv", {"number"}, 0.95},
      {"vi-ordinal.tsv", {"ordinal"}, 0.95},
      {"vi-amountofmoney.tsv", {"money"}, 0.95},
      {"vi-time.tsv", {"date", "date_range", "time"}, 0.85},
  };
  for (const auto& f : files) {
    CAPTURE(f.name);
    const Score sc = run_file(*ex, f.name, f.types);
    const double rate = sc.scored ? static_cast<double>(sc.pass) / sc.scored : 0.0;
    std::ostringstream msg;
    msg << "peer " << f.name << ": " << sc.pass << "/" << sc.scored << " = "
        << static_cast<int>(std::lround(rate * 1000)) / 10.0 << "%";
    if (sc.deviations) msg << " (" << sc.deviations << " deliberate deviations not scored)";
    for (const auto& why : sc.failures) msg << "\n  FAIL " << why;
    MESSAGE(msg.str());
    CHECK(rate >= f.target);
  }
  // The negative phrases must give no time at all.
  std::istringstream neg(
      vnie_test::read_file(vnie_test::shared_dir() / "peers/duckling-vi/vi-time-negative.txt"));
  std::string line;
  while (std::getline(neg, line)) {
    if (line.empty()) continue;
    CAPTURE(line);
    vnie::Document doc;
    REQUIRE(ex->extract(line, {}, &doc).ok());
    for (const auto& m : doc.mentions) {
      CHECK(m.type != vnie::MentionType::date);
      CHECK(m.type != vnie::MentionType::date_range);
      CHECK(m.type != vnie::MentionType::time);
    }
  }
}
