// The result page: poll the job, then show one report (checklist, document
// with highlighted findings) or hand over to batch.js for the scorecard.
"use strict";
window.Fz = (function () {
  const root = document.getElementById("result");
  const job = root.dataset.job;
  const message = document.getElementById("message");

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  function show(text) {
    message.textContent = text;
    message.hidden = false;
    message.focus();
  }

  // Downloads whose answer may be a Chinese error (not yet provided): fetch first.
  async function fetchDownload(event) {
    event.preventDefault();
    const link = event.currentTarget;
    const response = await fetch(link.href);
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      show(body.error || "下载失败（" + response.status + "）");
      return;
    }
    const url = URL.createObjectURL(await response.blob());
    const save = el("a", { href: url, download: link.getAttribute("download") });
    document.body.append(save);
    save.click();
    save.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  function download(href, label, filename, fetchFirst) {
    return el("a", {
      class: "button", href: href, download: filename,
      onclick: fetchFirst ? fetchDownload : null,
    }, label);
  }

  async function getJson(url) {
    const response = await fetch(url, { headers: { accept: "application/json" } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.error || "请求失败（" + response.status + "）");
    return body;
  }

  async function poll() {
    const bar = document.getElementById("progress");
    const text = document.getElementById("progress-text");
    for (;;) {
      const state = await getJson("/api/jobs/" + job);
      bar.max = state.total;
      bar.value = state.done;
      text.textContent = "已完成 " + state.done + " / " + state.total + " 份";
      if (state.finished) return state;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }

  async function start() {
    try {
      const state = await poll();
      document.getElementById("progress-box").hidden = true;
      const index = root.dataset.index;
      if (index !== "") await window.FzSingle(state, Number(index));
      else if (state.total === 1) await window.FzSingle(state, 0);
      else window.FzBatch(state);
    } catch (error) {
      show(error.message);
    }
  }

  window.addEventListener("DOMContentLoaded", start);
  return { el, show, download, getJson, job };
})();
