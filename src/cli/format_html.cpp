// `vnie extract --format html`: one self-contained page (inline CSS and JS,
// nothing loaded from the network) for people who read the results: per
// document its text with every mention highlighted by type (value, rule and
// canonical name on hover and on keyboard focus), its events as a table and
// its warnings; at the top a legend that hides types and one table of all
// events, sortable by column. Documents are rendered independently (worker
// threads); the page's script builds the table of all events from theirs.
// Everything from the input is escaped. Sections off screen are neither laid
// out nor painted (content-visibility), so 1,000 documents open fast.
#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>
#include <variant>

#include "common.h"
#include "formats.h"

namespace vnie_cli {
namespace {

constexpr std::size_t kUnlimited = static_cast<std::size_t>(-1) / 2;
constexpr std::size_t kEvidenceColumns = 200;

/// `s` as HTML text or attribute value: valid UTF-8 (invalid bytes → U+FFFD),
/// control characters as spaces (newlines too, unless `keep_newlines`), and
/// & < > " ' escaped.
std::string esc(std::string_view s, bool keep_newlines = false) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  std::size_t from = 0;
  while (from <= s.size()) {
    std::size_t nl = keep_newlines ? s.find('\n', from) : std::string_view::npos;
    if (nl == std::string_view::npos) nl = s.size();
    for (char c : cell_text(s.substr(from, nl - from), kUnlimited)) {
      switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
      }
    }
    if (nl == s.size()) break;
    out += '\n';
    from = nl + 1;
  }
  return out;
}

/// Whole numbers with a dot every three digits, as Vietnamese writes them
/// (13.500.000.000); other numbers as in the JSON.
std::string grouped(double x) {
  std::string s = number_text(x);
  if (s.find_first_of(".e") != std::string::npos) return s;
  const std::size_t first = s[0] == '-' ? 1 : 0;
  for (std::size_t i = s.size(); i > first + 3; i -= 3) s.insert(i - 3, 1, '.');
  return s;
}

std::string qualified(vnie::Qualifier q, std::string s) {
  return q == vnie::Qualifier::exact ? s : std::string(vnie::to_string(q)) + " " + s;
}

std::string money(const vnie::MoneyValue& m) {
  std::string s;
  if (m.amount) {
    s = grouped(*m.amount);
  } else {
    s = (m.min ? grouped(*m.min) : "?") + " – " + (m.max ? grouped(*m.max) : "?");
  }
  s += " " + m.currency;
  if (m.per_unit) s += " / " + *m.per_unit;
  return qualified(m.qualifier, s);
}

std::string person(const vnie::PersonValue& p) {
  std::string s = p.name;
  for (std::size_t i = 0; i < p.titles.size(); ++i) s += (i ? ", " : " (") + p.titles[i];
  return p.titles.empty() ? s : s + ")";
}

std::string date_or_range(const std::optional<vnie::DateValue>& d,
                          const std::optional<vnie::DateRangeValue>& r) {
  if (d) return iso_date(*d);
  if (r) return iso_date(r->from) + " – " + iso_date(r->to);
  return {};
}

/// The tooltip of a mention: its value, one fact per line.
struct Tip {
  std::string operator()(std::monostate) const { return {}; }
  std::string operator()(const vnie::DateValue& v) const {
    std::string s = iso_date(v);
    if (v.part_of_day) s += std::string(" (") + vnie::to_string(*v.part_of_day) + ")";
    if (v.year_inferred) s += "\nyear inferred from the article";
    return s;
  }
  std::string operator()(const vnie::DateRangeValue& v) const {
    return iso_date(v.from) + " – " + iso_date(v.to);
  }
  std::string operator()(const vnie::TimeValue& v) const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", v.hour, v.minute);
    return buf;
  }
  std::string operator()(const vnie::NumberValue& v) const {
    return qualified(v.qualifier, grouped(v.value) + (v.unit ? " " + *v.unit : ""));
  }
  std::string operator()(const vnie::PercentValue& v) const {
    return qualified(v.qualifier, number_text(v.value) + " %");
  }
  std::string operator()(const vnie::MoneyValue& v) const { return money(v); }
  std::string operator()(const vnie::OrdinalValue& v) const {
    return "ordinal " + std::to_string(v.value);
  }
  std::string operator()(const vnie::AwardValue& v) const { return v.name + "\nkind: " + v.kind; }
  std::string operator()(const vnie::OrganizationValue& v) const {
    std::string s = "canonical: " + (v.canonical.empty() ? v.name : v.canonical);
    if (v.abbreviation) s += "\nabbreviation: " + *v.abbreviation;
    return s + "\nkind: " + v.kind;
  }
  std::string operator()(const vnie::PersonValue& v) const { return person(v); }
};

/// The cells of an event row: kind, date, agent, what, who.
struct Cells {
  std::string kind, date, agent, what, who;
};

Cells cells(const vnie::Event& e) {
  Cells c;
  if (const auto* m = std::get_if<vnie::MeetingEvent>(&e.value)) {
    c.kind = m->kind;
    c.date = date_or_range(m->date, m->date_range);
    c.agent = m->organizer.value_or("");
    if (m->reviewed_period) c.what = "reviewed " + *m->reviewed_period;
    if (m->plan_period) c.what += (c.what.empty() ? "plan " : "; plan ") + *m->plan_period;
    for (std::size_t i = 0; i < m->attendees.size(); ++i) {
      c.who += (i ? "; " : "") + person(m->attendees[i]);
    }
  } else if (const auto* a = std::get_if<vnie::AwardEvent>(&e.value)) {
    c.kind = a->award_kind;
    c.date = date_or_range(a->date, std::nullopt);
    c.agent = a->issuer.value_or("");
    c.what = a->award;
    for (std::size_t i = 0; i < a->recipients.size(); ++i) {
      const auto& r = a->recipients[i];
      std::string s = r.count ? std::to_string(*r.count) : "";
      if (r.kind) s += (s.empty() ? "" : " ") + *r.kind;
      if (r.name) s += (s.empty() ? "" : " ") + *r.name;
      c.who += (i ? "; " : "") + s;
    }
  } else if (const auto* g = std::get_if<vnie::FundingEvent>(&e.value)) {
    c.what = money(g->amount);
    if (g->purpose) c.what += " — " + *g->purpose;
    c.agent = g->giver.value_or("");
    if (g->beneficiary_count) c.who = std::to_string(*g->beneficiary_count);
    if (g->beneficiary_unit) c.who += (c.who.empty() ? "" : " ") + *g->beneficiary_unit;
  }
  return c;
}

std::string td(const std::string& cls, const std::string& text) {
  return "<td class=\"" + cls + "\">" + esc(text) + "</td>";
}

// The page around the documents. Colours: one per mention type (the legend
// and the highlights), dark text on light backgrounds.
constexpr const char* kHead = R"(<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="vnie extract --format html">
<title>vnie report</title>
<style>
:root{--date:#ffd8a8;--date_range:#ffc078;--time:#ffe066;--number:#d0bfff;--percent:#eebefa;
--money:#b2f2bb;--ordinal:#dee2e6;--award:#ffc9c9;--organization:#a5d8ff;--person:#96f2d7}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:0;color:#212529;background:#f8f9fa}
header{position:sticky;top:0;z-index:20;background:#fff;border-bottom:1px solid #dee2e6;padding:.5rem 1rem}
h1{font-size:1.25rem;margin:0 0 .25rem}
h2{font-size:1.05rem;margin:0 0 .5rem;word-break:break-all}
main,#all{padding:0 1rem}
#legend{display:flex;flex-wrap:wrap;gap:.25rem .75rem;margin:0;padding:0;border:0}
#legend label{cursor:pointer;white-space:nowrap}
.sw{display:inline-block;width:.9em;height:.9em;border-radius:2px;vertical-align:-.1em;border:1px solid #868e96}
.doc{background:#fff;border:1px solid #dee2e6;border-radius:6px;margin:1rem 0;padding:.75rem 1rem;
content-visibility:auto;contain-intrinsic-size:auto 900px}
.meta{color:#495057;font-size:.9rem;margin:0 0 .5rem}
.text{white-space:pre-wrap;overflow-wrap:anywhere;line-height:1.9;max-width:60rem;margin-bottom:.5rem}
mark{position:relative;border-radius:3px;padding:0 1px;color:inherit;cursor:help}
mark:focus{outline:2px solid #1c7ed6;outline-offset:1px}
mark:hover::after,mark:focus::after{content:attr(data-tip);position:absolute;left:0;top:100%;z-index:30;
white-space:pre-line;min-width:14rem;max-width:28rem;background:#212529;color:#fff;font-size:.85rem;
line-height:1.35;padding:.35rem .5rem;border-radius:4px;box-shadow:0 2px 6px rgba(0,0,0,.3)}
table{border-collapse:collapse;font-size:.88rem;margin:.25rem 0 .75rem;background:#fff}
th,td{border:1px solid #dee2e6;padding:.2rem .4rem;text-align:left;vertical-align:top}
th{background:#f1f3f5}
#all .wrap{max-height:35vh;overflow:auto;border:1px solid #dee2e6;background:#fff}
#all td{white-space:nowrap;max-width:16rem;overflow:hidden;text-overflow:ellipsis}
#all td.c-ev{max-width:32rem}td.c-date,td.c-no{white-space:nowrap}
#all table{margin:0}#all thead th{position:sticky;top:0;z-index:5}
th button{font:inherit;font-weight:600;border:0;background:none;padding:0;cursor:pointer}
th[aria-sort=ascending] button::after{content:" ▲"}
th[aria-sort=descending] button::after{content:" ▼"}
.doc .c-doc{display:none}
td.c-ev{color:#495057;max-width:28rem}
.warnings{color:#862e9c;font-size:.9rem;margin:.25rem 0 .5rem;padding-left:1.25rem}
.error{color:#c92a2a;font-weight:600}
.e-meeting td.c-type{background:#e7f5ff}.e-award td.c-type{background:#fff0f6}.e-funding td.c-type{background:#ebfbee}
)";

constexpr const char* kTypes[] = {"date",  "date_range", "time",  "number",       "percent",
                                  "money", "ordinal",    "award", "organization", "person"};

std::string events_table(const std::string& body, bool all) {
  std::string s = "<table class=\"events\"";
  if (all) s += " id=\"events-all\"";
  s += "><thead><tr>";
  for (const char* h : {"document", "#", "type", "kind", "date", "organizer / issuer / giver",
                        "award / amount", "recipients / attendees", "evidence"}) {
    s += std::string("<th class=\"") + (std::string_view(h) == "document" ? "c-doc" : "") + "\">";
    s += all ? std::string("<button type=\"button\">") + h + "</button>" : std::string(h);
    s += "</th>";
  }
  return s + "</tr></thead><tbody>" + body + "</tbody></table>";
}

class HtmlFormatter : public Formatter {
 public:
  std::string begin() const override {
    std::string s = kHead;
    for (const char* t : kTypes) {
      s += std::string("mark.t-") + t + ",.sw.t-" + t + "{background:var(--" + t + ")}";
      s += std::string(".hide-") + t + " mark.t-" + t +
           "{background:none;cursor:auto}.hide-" + t + " mark.t-" + t + "::after{display:none}";
    }
    s += "\n</style>\n</head>\n<body>\n<header>\n<h1>vnie report</h1>\n"
         "<p class=\"meta\" id=\"summary\"></p>\n"
         "<fieldset id=\"legend\"><legend class=\"meta\">Mentions shown (uncheck to hide a "
         "type; hover or focus a highlight for its value and rule):</legend>";
    for (const char* t : kTypes) {
      s += std::string("<label><input type=\"checkbox\" checked data-type=\"") + t +
           "\"> <span class=\"sw t-" + t + "\"></span> " + t + "</label>";
    }
    s += "</fieldset>\n</header>\n<section id=\"all\"><h2>All events</h2><div class=\"wrap\">" +
         events_table("", true) +
         "</div><p class=\"meta\" id=\"pager\" hidden><button type=\"button\" id=\"prev\">‹ "
         "previous</button> <span id=\"range\"></span> <button type=\"button\" id=\"next\">next "
         "›</button></p></section>\n<main>\n";
    return s;
  }

  std::string document(const vnie::Document& doc, std::string_view text,
                       vnie::Encoding encoding) const override {
    std::string s = "<section class=\"doc\" data-id=\"" + esc(doc.id) + "\">\n<h2>" +
                    esc(doc.id) + "</h2>\n<p class=\"meta\">";
    s += std::to_string(doc.mentions.size()) + " mentions, " +
         std::to_string(doc.events.size()) + " events";
    if (doc.reference_date) s += ", reference date " + esc(iso_date(*doc.reference_date));
    if (!doc.encoding.empty()) s += ", decoded from " + esc(doc.encoding);
    s += "</p>\n";
    s += warnings(doc);
    s += "<div class=\"text\">" + highlighted(doc, text, encoding) + "</div>\n";
    if (!doc.events.empty()) {
      std::string rows;
      for (std::size_t i = 0; i < doc.events.size(); ++i) {
        rows += event_row(doc, i, text, encoding);
      }
      s += events_table(rows, false) + "\n";
    }
    return s + "</section>\n";
  }

  std::string error(const ErrorRecord& e) const override {
    return "<section class=\"doc\" data-id=\"" + esc(e.id) + "\">\n<h2>" + esc(e.id) +
           "</h2>\n<p class=\"error\">error " + esc(e.code) + " at " + esc(e.input) + ": " +
           esc(e.message) + "</p>\n</section>\n";
  }

  std::string end(bool) const override { return std::string("</main>\n<script>") + kScript +
                                                "</script>\n</body>\n</html>\n"; }

 private:
  static std::string warnings(const vnie::Document& doc) {
    if (doc.warnings.empty()) return {};
    std::string s = "<ul class=\"warnings\">";
    for (const auto& w : doc.warnings) {
      s += "<li class=\"warning\">warning " + esc(vnie::to_string(w.code)) + " at byte " +
           std::to_string(w.byte_offset);
      if (w.length > 1) s += " (" + std::to_string(w.length) + " bytes)";
      s += ": " + esc(w.message) + "</li>";
    }
    if (doc.warnings_truncated > 0) {
      s += "<li>… and " + std::to_string(doc.warnings_truncated) + " more warnings</li>";
    }
    return s + "</ul>\n";
  }

  static std::string event_row(const vnie::Document& doc, std::size_t i, std::string_view text,
                               vnie::Encoding encoding) {
    const vnie::Event& e = doc.events[i];
    const Cells c = cells(e);
    const std::string type = vnie::to_string(e.type);
    std::string s = "<tr class=\"ev e-" + type + "\">";
    s += td("c-doc", doc.id) + "<td class=\"c-no\">" + std::to_string(i + 1) + "</td>" +
         td("c-type", type) + td("c-kind", c.kind) + td("c-date", c.date) +
         td("c-agent", c.agent) + td("c-what", c.what) + td("c-who", c.who);
    s += "<td class=\"c-ev\">" +
         esc(cell_text(span_utf8(text, e.start, e.end, encoding), kEvidenceColumns)) + "</td>";
    return s + "</tr>";
  }

  /// The text with one <mark> per mention. Mentions are sorted by start;
  /// one inside another is nested in it, one that crosses the end of the
  /// mention it starts in is cut at that end (still one element).
  static std::string highlighted(const vnie::Document& doc, std::string_view text,
                                 vnie::Encoding encoding) {
    std::string s;
    std::vector<std::size_t> open;  // ends of the open marks, innermost last
    std::size_t pos = 0;
    auto emit = [&](std::size_t to) {
      if (to > pos) s += esc(span_utf8(text, pos, to, encoding), true);
      pos = std::max(pos, to);
    };
    auto close_until = [&](std::size_t at) {
      while (!open.empty() && open.back() <= at) {
        emit(open.back());
        s += "</mark>";
        open.pop_back();
      }
    };
    for (const auto& m : doc.mentions) {
      if (m.start < pos || m.end > text.size() || m.start > m.end) continue;  // not in the text
      close_until(m.start);
      emit(m.start);
      std::size_t end = m.end;
      if (!open.empty()) end = std::min(end, open.back());
      const std::string type = vnie::to_string(m.type);
      std::string tip = type;
      const std::string value = std::visit(Tip{}, m.value);
      if (!value.empty()) tip += "\n" + value;
      tip += "\nrule: " + m.rule;
      s += "<mark class=\"m t-" + type + "\" tabindex=\"0\" data-tip=\"" + esc(tip, true) + "\">";
      open.push_back(end);
    }
    close_until(text.size());
    emit(text.size());
    return s;
  }

  // Builds the table of all events from the documents' tables, sorts it on
  // a click (or Enter) on a column heading, hides types unchecked in the
  // legend, and writes the load time into the page (data-load-ms on <body>).
  static constexpr const char* kScript = R"JS(
(function () {
  "use strict";
  var docs = document.querySelectorAll("section.doc");
  var all = document.querySelector("#events-all tbody");
  var rows = document.querySelectorAll("section.doc table.events tbody tr");
  // The documents' rows in the current order; the table shows copies of one
  // page of them (laying out thousands of rows at once would take seconds).
  var list = Array.prototype.slice.call(rows);
  var PAGE = 200, page = 0;
  var pager = document.getElementById("pager"), range = document.getElementById("range");
  var prev = document.getElementById("prev"), next = document.getElementById("next");
  function show() {
    var f = document.createDocumentFragment();
    list.slice(page * PAGE, (page + 1) * PAGE).forEach(function (r) {
      f.appendChild(r.cloneNode(true));
    });
    all.textContent = "";
    all.appendChild(f);
    pager.hidden = list.length <= PAGE;
    range.textContent = "events " + (list.length ? page * PAGE + 1 : 0) + "–" +
      Math.min(list.length, (page + 1) * PAGE) + " of " + list.length;
    prev.disabled = page === 0;
    next.disabled = (page + 1) * PAGE >= list.length;
  }
  prev.addEventListener("click", function () { if (page > 0) { page--; show(); } });
  next.addEventListener("click", function () {
    if ((page + 1) * PAGE < list.length) { page++; show(); }
  });
  show();
  document.getElementById("summary").textContent = docs.length + " documents, " +
    document.querySelectorAll("section.doc mark").length + " mentions, " + rows.length +
    " events, " + document.querySelectorAll("section.doc li.warning").length + " warnings";
  var ths = document.querySelectorAll("#events-all th");
  Array.prototype.forEach.call(ths, function (th, col) {
    th.querySelector("button").addEventListener("click", function () {
      var asc = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(ths, function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", asc ? "ascending" : "descending");
      var key = function (r) { return r.cells[col].textContent; };
      list.sort(function (a, b) {
        var x = key(a), y = key(b), nx = parseFloat(x), ny = parseFloat(y);
        var c = (/^-?\d/.test(x) && /^-?\d/.test(y) && nx !== ny) ? nx - ny
                : x.localeCompare(y, "vi", {numeric: true});
        return asc ? c : -c;
      });
      page = 0;
      show();
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll("#legend input"), function (box) {
    box.addEventListener("change", function () {
      document.body.classList.toggle("hide-" + box.dataset.type, !box.checked);
    });
  });
  // report.html#sort=4 opens sorted by column 4 (from 0: the date), #sort=-4
  // descending; #mark=N (or #sort=4&mark=N) with the Nth highlight focused.
  var want = /(?:^#|&)sort=(-?)(\d+)/.exec(location.hash);
  if (want && ths[+want[2]]) {
    var button = ths[+want[2]].querySelector("button");
    button.click();
    if (want[1]) button.click();
  }
  var focus = /(?:^#|&)mark=(\d+)/.exec(location.hash);
  var marks = focus && document.querySelectorAll("section.doc mark");
  if (marks && marks[+focus[1]]) marks[+focus[1]].focus();
  void document.body.offsetHeight;  // layout now, so that the time below includes it
  document.body.setAttribute("data-load-ms", String(Math.round(performance.now())));
})();
)JS";
};

}  // namespace

std::unique_ptr<Formatter> make_html_formatter() { return std::make_unique<HtmlFormatter>(); }

}  // namespace vnie_cli
