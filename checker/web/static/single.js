// One report: metadata, checklist, the document line by line with each finding
// highlighted at its place, and the findings beside it (click to jump).
"use strict";
(function () {
  const { el, download, getJson, job } = window.Fz;
  const META = [["title", "标题"], ["unit", "单位"], ["year", "报告年度"],
    ["date", "成文日期"], ["published", "发布日期"]];

  // Where a finding sits in its line: [start, end) in characters.
  function span(line, finding) {
    let start = Math.max(0, Math.min(finding.column - 1, line.length));
    let end = start;
    const text = (finding.text || "").split("\n")[0];
    if (text && line.substr(start, text.length) === text) end = start + text.length;
    else if (text && line.indexOf(text) >= 0) {
      start = line.indexOf(text);
      end = start + text.length;
    }
    return [start, end];
  }

  function lineView(number, line, placed) {
    const body = el("span", { class: "text" });
    let cursor = 0;
    for (const { i, finding, start, end } of placed) {
      const from = Math.max(start, cursor);
      body.append(line.slice(cursor, from));
      const to = Math.max(end, from);
      const mark = el("mark", {
        id: "m" + i, tabindex: "-1", class: "sev-" + finding.severity + (to === from ? " point" : ""),
        title: finding.message, "data-i": i,
      }, to === from ? "▲" : line.slice(from, to));
      mark.addEventListener("click", () => document.getElementById("f" + i).focus());
      body.append(mark);
      cursor = to;
    }
    body.append(line.slice(cursor));
    return el("div", { class: "line", id: "l" + number },
      el("span", { class: "no", "aria-hidden": "true" }, number), body);
  }

  function documentView(data) {
    const byLine = new Map();
    data.findings.forEach((finding, i) => {
      const line = data.lines[finding.line - 1];
      if (!finding.line || line === undefined) return;
      const [start, end] = span(line, finding);
      if (!byLine.has(finding.line)) byLine.set(finding.line, []);
      byLine.get(finding.line).push({ i, finding, start, end });
    });
    const pane = el("div", { class: "doc", id: "doc", tabindex: "0", role: "region",
      "aria-label": "报告原文（按" + data.unit + "编号）" });
    if (!data.lines.length) pane.append(el("p", { text: "没有可显示的原文。" }));
    data.lines.forEach((line, n) => {
      const placed = (byLine.get(n + 1) || []).sort((a, b) => a.start - b.start);
      pane.append(lineView(n + 1, line, placed));
    });
    return pane;
  }

  function jump(i, finding) {
    document.querySelectorAll("mark.current, .line.current")
      .forEach((node) => node.classList.remove("current"));
    const target = document.getElementById("m" + i) ||
      document.getElementById("l" + finding.line);
    if (!target) return;
    target.classList.add("current");
    if (target.tagName !== "MARK") target.setAttribute("tabindex", "-1");
    target.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
  }

  function findingsView(data) {
    const list = el("ol", { class: "findings" });
    data.findings.forEach((finding, i) => {
      list.append(el("li", { class: "sev-" + finding.severity },
        el("button", { type: "button", class: "finding", id: "f" + i,
          onclick: () => jump(i, finding) },
          finding.where + " [" + finding.severity_label + "] " + finding.message),
        finding.text ? el("p", {}, "原文：", el("q", {}, finding.text)) : null,
        el("p", { class: "basis" }, "依据：" + finding.basis),
        el("p", { class: "hint" }, "修改建议：" + finding.hint),
        el("p", { class: "rule-id" }, "规则：", el("a", { href: "/rules" }, finding.rule))));
    });
    return el("section", { class: "side", "aria-labelledby": "findings-heading" },
      el("h2", { id: "findings-heading" }, "问题清单（" + data.findings.length + " 个）"),
      data.findings.length ? list : el("p", { text: "未发现问题。" }));
  }

  function checklistView(data) {
    const rows = data.checklist.map((item) => el("tr", { class: "st-" + item.status },
      el("th", { scope: "row" }, item.name),
      el("td", {}, item.required_label),
      el("td", { class: "mark" }, item.status_label),
      el("td", {}, item.evidence ? [item.where ? item.where + "：" : "", item.evidence.text,
        item.evidence.note ? "（" + item.evidence.note + "）" : ""] : "未找到")));
    return el("table", { class: "checklist" },
      el("caption", {}, "检查清单（五项内容）"),
      el("thead", {}, el("tr", {}, ["清单项", "要求", "结果", "在哪里找到"]
        .map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, rows));
  }

  function header(state, data) {
    const report = data.report;
    const base = "/api/jobs/" + job + "/documents/" + data.index;
    const stem = report.path.split("/").pop().replace(/\.[^.]*$/, "");
    const meta = el("dl", { class: "meta" });
    for (const [key, label] of META) {
      if (report.meta[key]) meta.append(el("dt", {}, label), el("dd", {}, String(report.meta[key])));
    }
    if (report.ruleset.id) meta.append(el("dt", {}, "规则包"), el("dd", {}, report.ruleset.id));
    return [
      el("h1", { id: "single-heading" }, "检查结果：" + report.path),
      el("p", { class: "verdict v-" + report.status }, "结论：" + data.verdict,
        report.error ? "（" + report.error + "）" : ""),
      el("div", { class: "downloads" },
        download(base + "/report.json", "下载 JSON 结果", stem + "-检查结果.json", false),
        report.status !== "error" ?
          download(base + "/annotated.docx", "下载批注版 Word", stem + "-批注.docx", true) : null,
        state.total > 1 ? el("a", { class: "button", href: "/jobs/" + job }, "返回汇总表") : null),
      meta,
    ];
  }

  window.FzSingle = async function (state, index) {
    const data = await getJson("/api/jobs/" + job + "/documents/" + index);
    const section = document.getElementById("single");
    section.append(...header(state, data));
    if (data.report.status !== "error") {
      section.append(checklistView(data),
        el("div", { class: "work" }, documentView(data), findingsView(data)));
    }
    section.hidden = false;
    document.getElementById("single-heading").setAttribute("tabindex", "-1");
    document.getElementById("single-heading").focus();
  };
})();
