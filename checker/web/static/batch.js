// A batch: the scorecard, one row per report, sortable and filterable.
"use strict";
(function () {
  const { el, download, job } = window.Fz;
  const ORDER = { present: 0, partial: 1, missing: 2, pass: 0, fail: 1, error: 2 };
  const STATUS = [["present", "✓ 有"], ["partial", "△ 部分"], ["missing", "✗ 缺"]];
  const COUNTS = [["error", "错误"], ["warning", "警告"], ["info", "提示"]];

  function columns(state) {
    return [
      { label: "文件", key: (r) => r.name, text: true },
      { label: "结论", key: (r) => ORDER[r.status] },
      ...state.items.map((item) => ({
        label: item.label, title: item.name, item: item.id,
        key: (r) => (item.id in r.items ? ORDER[r.items[item.id]] : 9),
      })),
      ...COUNTS.map(([level, label]) => ({ label, key: (r) => r.counts[level] })),
    ];
  }

  function cells(row, state) {
    const name = el("th", { scope: "row" },
      el("a", { href: "/jobs/" + job + "/" + row.index }, row.name));
    return [
      name,
      el("td", { class: "v-" + row.status, title: row.error || "" },
        row.verdict + (row.error ? "：" + row.error : "")),
      ...state.items.map((item) => el("td", { class: "mark st-" + (row.items[item.id] || "") },
        row.marks[item.id] || "")),
      ...COUNTS.map(([level]) => el("td", { class: "num" }, row.counts[level])),
    ];
  }

  function select(label, id, options) {
    return el("label", {}, label, el("select", { id },
      options.map(([value, text]) => el("option", { value }, text))));
  }

  function filters(state) {
    const rules = [...new Set(state.rows.flatMap((r) => r.rules))].sort();
    return el("div", { class: "filters", role: "group", "aria-label": "筛选" },
      select("清单项", "f-item", [["", "全部清单项"],
        ...state.items.map((i) => [i.id, i.label])]),
      select("状态", "f-status", [["", "全部状态"], ...STATUS]),
      select("规则", "f-rule", [["", "全部规则"], ...rules.map((r) => [r, r])]),
      el("span", { id: "shown", role: "status", "aria-live": "polite" }));
  }

  function visible(row) {
    const item = document.getElementById("f-item").value;
    const status = document.getElementById("f-status").value;
    const rule = document.getElementById("f-rule").value;
    if (rule && !row.rules.includes(rule)) return false;
    if (!status) return true;
    const statuses = item ? [row.items[item]] : Object.values(row.items);
    return statuses.includes(status);
  }

  window.FzBatch = function (state) {
    const section = document.getElementById("batch");
    const cols = columns(state);
    const tbody = el("tbody");
    const sort = { col: null, dir: 1 };
    const heads = cols.map((col, c) => el("th", { scope: "col", title: col.title || null },
      el("button", { type: "button", class: "sort", onclick: () => sortBy(c) }, col.label)));

    function render() {
      const rows = state.rows.filter(visible);
      if (sort.col !== null) {
        const col = cols[sort.col];
        rows.sort((a, b) => {
          const x = col.key(a), y = col.key(b);
          const d = col.text ? String(x).localeCompare(String(y), "zh") : x - y;
          return sort.dir * d || a.index - b.index;
        });
      }
      tbody.replaceChildren(...rows.map((row) => el("tr", {}, cells(row, state))));
      document.getElementById("shown").textContent =
        "显示 " + rows.length + " / " + state.rows.length + " 份";
    }

    function sortBy(c) {
      sort.dir = sort.col === c ? -sort.dir : 1;
      sort.col = c;
      heads.forEach((th, i) => {
        if (i === c) th.setAttribute("aria-sort", sort.dir > 0 ? "ascending" : "descending");
        else th.removeAttribute("aria-sort");
      });
      render();
    }

    const count = (s) => state.rows.filter((r) => r.status === s).length;
    section.append(...[
      el("h1", { id: "batch-heading", tabindex: "-1" }, "批量检查结果（" + state.total + " 份）"),
      el("p", {}, "通过 " + count("pass") + " 份，不通过 " + count("fail") +
        " 份，无法检查 " + count("error") + " 份。点击文件名查看该报告的问题和原文。"),
      el("div", { class: "downloads" },
        download("/api/jobs/" + job + "/report.json", "下载 JSON 结果", "fazhi-check.json", false),
        download("/api/jobs/" + job + "/scorecard.xlsx", "下载 Excel 汇总表", "fazhi-check.xlsx", true)),
      state.skipped.length ? el("p", { class: "note" },
        "压缩包中未检查的文件（格式不支持）：" + state.skipped.join("、")) : null,
      filters(state),
      el("div", { class: "table-wrap" }, el("table", { class: "scorecard" },
        el("caption", {}, "汇总表（点击表头排序）"),
        el("thead", {}, el("tr", {}, heads)), tbody)),
    ].filter(Boolean));
    section.querySelectorAll("select").forEach((s) => s.addEventListener("change", render));
    render();
    section.hidden = false;
    document.getElementById("batch-heading").focus();
  };
})();
