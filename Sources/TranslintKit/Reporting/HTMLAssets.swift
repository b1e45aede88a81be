/// The HTML report's inline style and script: no network, no external fonts.
enum HTMLAssets {
    /// The SHA-256 of `css` and of `script` (base64), as the Content-Security-Policy names them: the browser runs
    /// this style and this script and no other inline one (a test recomputes both from the text).
    static let cssHash = "sha256-VMq3XyKesiH0Fj/uH0UYr46propDZc2BVIDMFcFEs4M="
    static let scriptHash = "sha256-wh6VKS0VVSnyuntD2hzc0Ivds61C34FmHuNWq8iBj2o="

    static let css = """
    :root { color-scheme: light; --error: #b00020; --warning: #8a5a00; --info: #1d4f91; --ink: #1b1b1b; --muted: #555; }
    body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", sans-serif; color: var(--ink); margin: 0 auto; max-width: 1280px; padding: 0 16px 32px; }
    main { display: flex; flex-direction: column; }
    #summary { order: -1; border-bottom: 1px solid #ccc; margin-bottom: 12px; }
    #filters { order: -1; display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: end; padding: 8px 0; position: sticky; top: 0; background: #fff; border-bottom: 1px solid #ddd; z-index: 1; }
    #filters label { display: flex; flex-direction: column; font-size: 13px; color: var(--muted); }
    #filters select, #filters input { font: inherit; padding: 2px 4px; }
    .skip { position: absolute; left: -10000px; } .skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px; }
    html { scroll-padding-top: 96px; }
    h1 { font-size: 22px; margin: 16px 0 4px; } h2 { font-size: 18px; margin: 20px 0 8px; overflow-wrap: anywhere; break-after: avoid; }
    .meta { font-size: 14px; font-weight: normal; color: var(--muted); white-space: nowrap; }
    .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    mark.off { background: none; border-bottom: none; }
    li.finding.current { outline: 2px solid #000; outline-offset: 2px; }
    table { border-collapse: collapse; width: 100%; }
    th, td { border: 1px solid #ccc; padding: 4px 6px; vertical-align: top; text-align: left; }
    thead th { background: #f2f2f2; }
    .segments th.line { width: 3em; color: var(--muted); font-weight: normal; background: none; font-variant-numeric: tabular-nums; }
    .segments td.text, .segments td.source { white-space: pre-wrap; overflow-wrap: anywhere; width: 35%; }
    .segments td.source { color: #333; background: #fafafa; }
    ul.findings { margin: 0; padding: 0; list-style: none; }
    li.finding { margin: 0 0 6px; }
    li.finding[hidden], tr[hidden], .file[hidden] { display: none; }
    details.file > summary { cursor: pointer; } details.file > summary h2 { display: inline; }
    mark { background: #fff0a8; border-bottom: 2px solid currentColor; color: inherit; padding: 0 1px; }
    mark.sev-error { border-bottom: 2px solid var(--error); background: #ffe3e3; }
    mark.sev-warning { border-bottom: 2px dashed var(--warning); background: #fff1cc; }
    mark.sev-info { border-bottom: 2px dotted var(--info); background: #e6efff; }
    mark.caret { display: inline-block; width: 0; border-left: 2px solid var(--error); height: 1.1em; padding: 0; vertical-align: text-bottom; }
    mark:focus { outline: 2px solid #000; }
    .sev-error .severity, .sev-error .icon { color: var(--error); }
    .sev-warning .severity, .sev-warning .icon { color: var(--warning); }
    .sev-info .severity, .sev-info .icon { color: var(--info); }
    .rule { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; }
    .position, .reason, .context { color: var(--muted); }
    .fix { margin-top: 2px; font-size: 14px; }
    .fix .kind { font-size: 12px; border: 1px solid #999; border-radius: 3px; padding: 0 4px; }
    del { background: #ffd7d5; text-decoration: line-through; } ins { background: #c9f2d0; text-decoration: underline; }
    .by-rule { display: flex; flex-wrap: wrap; gap: 16px; align-items: start; }
    .chart text { font-size: 12px; fill: var(--ink); }
    .bar-error { fill: var(--error); } .bar-warning { fill: #9a6700; } .bar-info { fill: var(--info); }
    .figures { width: auto; margin: 8px 0; } caption { text-align: left; font-weight: bold; padding: 4px 0; }
    dl.run { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; } dl.run dt { font-weight: bold; }
    .none { color: var(--muted); }
    @media print {
      #filters, .skip { display: none; }
      body { max-width: none; font-size: 11pt; }
      details.file { break-inside: auto; } tr { break-inside: avoid; }
      mark { background: none; } del, ins { background: none; }
    }
    """

    /// Fills the filters from the findings, hides what they leave out, and says how many findings show.
    static let script = """
    (function () {
      "use strict";
      var items = Array.prototype.slice.call(document.querySelectorAll("li.finding"));
      var files = Array.prototype.slice.call(document.querySelectorAll(".file"));
      var rule = document.getElementById("filter-rule"), severity = document.getElementById("filter-severity");
      var file = document.getElementById("filter-file"), text = document.getElementById("filter-text");
      var status = document.getElementById("filter-status");
      function fill(select, values) {
        values.sort().forEach(function (v) { var o = document.createElement("option"); o.value = v; o.textContent = v; select.appendChild(o); });
      }
      var rules = {}; items.forEach(function (li) { rules[li.getAttribute("data-rule")] = true; });
      fill(rule, Object.keys(rules));
      fill(file, files.map(function (s) { return s.getAttribute("data-file"); }));
      function apply() {
        var r = rule.value, s = severity.value, f = file.value, q = text.value.toLowerCase(), shown = 0;
        files.forEach(function (section) {
          var inFile = !f || section.getAttribute("data-file") === f, visibleRows = 0;
          Array.prototype.forEach.call(section.querySelectorAll("tr.segment"), function (row) {
            var visible = 0, shownIds = {};
            Array.prototype.forEach.call(row.querySelectorAll("li.finding"), function (li) {
              var ok = inFile && (!r || li.getAttribute("data-rule") === r) && (!s || li.getAttribute("data-severity") === s) &&
                (!q || li.textContent.toLowerCase().indexOf(q) >= 0);
              li.hidden = !ok; if (ok) { visible++; shownIds[li.id] = true; }
            });
            // A mark stays marked only while one of its findings shows.
            Array.prototype.forEach.call(row.querySelectorAll("mark[data-findings]"), function (mark) {
              var on = mark.getAttribute("data-findings").split(" ").some(function (id) { return shownIds[id]; });
              mark.classList.toggle("off", !on);
              if (on) { mark.setAttribute("tabindex", "0"); } else { mark.removeAttribute("tabindex"); }
            });
            row.hidden = visible === 0; if (visible) { visibleRows++; } shown += visible;
          });
          section.hidden = visibleRows === 0;
        });
        status.textContent = shown + " of " + items.length + " findings shown";
      }
      // The filters live in the address too (#rule=…&severity=…&file=…&q=…), so a filtered view can be shared.
      function save() {
        var parts = [["rule", rule.value], ["severity", severity.value], ["file", file.value], ["q", text.value]]
          .filter(function (p) { return p[1]; }).map(function (p) { return p[0] + "=" + encodeURIComponent(p[1]); });
        try { history.replaceState(null, "", parts.length ? "#" + parts.join("&") : location.pathname); } catch (e) {}
      }
      location.hash.replace(/^#/, "").split("&").forEach(function (part) {
        var kv = part.split("="), value = "";
        try { value = kv.length > 1 ? decodeURIComponent(kv[1]) : ""; } catch (e) { return; }
        var target = { rule: rule, severity: severity, file: file, q: text }[kv[0]];
        if (target && (target === text || Array.prototype.some.call(target.options, function (o) { return o.value === value; }))) { target.value = value; }
      });
      [rule, severity, file].forEach(function (el) { el.addEventListener("change", function () { apply(); save(); }); });
      text.addEventListener("input", function () { apply(); save(); });
      // Focusing a mark points at its findings.
      document.addEventListener("focusin", function (event) {
        Array.prototype.forEach.call(document.querySelectorAll("li.finding.current"), function (li) { li.classList.remove("current"); });
        var ids = event.target.getAttribute && event.target.getAttribute("data-findings");
        (ids ? ids.split(" ") : []).forEach(function (id) { var li = document.getElementById(id); if (li) { li.classList.add("current"); } });
      });
      // Everything prints, folded files too.
      window.addEventListener("beforeprint", function () {
        Array.prototype.forEach.call(document.querySelectorAll("details.file"), function (d) { d.open = true; });
      });
      document.getElementById("filters").hidden = false;
      apply();
    })();
    """
}
