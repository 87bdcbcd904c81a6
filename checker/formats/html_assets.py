"""The inline style and script of the ``html`` report: no external assets.

The script is small vanilla JavaScript: click a column header to sort (again
to reverse), type in the box to filter rows, pick a verdict; details open for
printing. Sort keys come from ``data-v`` where the text is not the order
(item marks, counts), else from the cell text.
"""

from __future__ import annotations

STYLE = """
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC",
  sans-serif; margin: 1.5em; color: #222; }
main { display: flex; flex-direction: column; }
#overview { order: -1; }
h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 1.2em; }
table { border-collapse: collapse; font-size: 13px; }
th, td { border: 1px solid #bbb; padding: 3px 6px; vertical-align: top; }
thead th { background: #d9e1f2; position: sticky; top: 0; cursor: pointer;
  white-space: nowrap; }
th[aria-sort="ascending"]::after { content: " ▲"; }
th[aria-sort="descending"]::after { content: " ▼"; }
td.num { text-align: right; }
#scorecard td { white-space: nowrap; }
#scorecard td:last-child { white-space: normal; min-width: 20em; }
#overview p { margin: .3em 0; }
.present { background: #c6efce; color: #006100; }
.partial { background: #ffeb9c; color: #9c5700; }
.missing { background: #ffc7ce; color: #9c0006; }
.fail, .error { color: #9c0006; }
.controls { margin: .6em 0; display: flex; gap: 1em; align-items: center; }
.controls input { width: 22em; padding: 3px; }
details { border: 1px solid #ccc; margin: .4em 0; padding: .3em .6em; }
details summary { cursor: pointer; font-weight: bold; }
details table { margin: .4em 0; }
svg text { font-size: 13px; }
@media print {
  @page { size: A4 landscape; margin: 10mm; }
  body { margin: 0; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h1, h2 { break-after: avoid; }
  .controls { display: none; }
  thead { display: table-header-group; }
  thead th { position: static; }
  table { font-size: 9pt; width: 100%; }
  tr, details { break-inside: avoid; }
  #details { break-before: page; }
}
"""

SCRIPT = """
(function () {
  var table = document.getElementById("scorecard");
  var body = table.tBodies[0];
  var heads = table.tHead.rows[0].cells;
  function key(row, col) {
    var cell = row.cells[col];
    return cell.hasAttribute("data-v") ? cell.getAttribute("data-v")
                                       : cell.textContent;
  }
  function compare(a, b, numeric) {
    if (a === b) return 0;
    if (a === "") return 1;
    if (b === "") return -1;
    return numeric ? Number(a) - Number(b) : a.localeCompare(b, "zh-CN");
  }
  Array.prototype.forEach.call(heads, function (th, col) {
    th.addEventListener("click", function () {
      var up = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(heads, function (h) {
        h.removeAttribute("aria-sort");
      });
      th.setAttribute("aria-sort", up ? "ascending" : "descending");
      var numeric = th.getAttribute("data-type") === "num";
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var order = compare(key(a, col), key(b, col), numeric);
        return up ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
  var text = document.getElementById("filter");
  var verdict = document.getElementById("verdict");
  function filter() {
    var words = text.value.trim().toLowerCase();
    var shown = 0;
    Array.prototype.forEach.call(body.rows, function (row) {
      var ok = (!words || row.textContent.toLowerCase().indexOf(words) >= 0) &&
        (!verdict.value || row.getAttribute("data-status") === verdict.value);
      row.hidden = !ok;
      shown += ok ? 1 : 0;
    });
    document.getElementById("shown").textContent = shown;
  }
  text.addEventListener("input", filter);
  verdict.addEventListener("change", filter);
  body.addEventListener("click", function (event) {
    var link = event.target.closest("a");
    var target = link && document.getElementById(link.hash.slice(1));
    if (target) target.open = true;  // the file's link opens its details
  });
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
})();
"""
