// The upload forms: drag and drop onto the zone, or choose; post; go to the result.
"use strict";
(function () {
  const message = document.getElementById("message");

  function show(text) {
    message.textContent = text;
    message.hidden = false;
    message.focus();
  }

  function names(input) {
    const files = Array.from(input.files);
    if (!files.length) return "";
    if (files.length === 1) return "已选择：" + files[0].name;
    return "已选择 " + files.length + " 个文件";
  }

  function wire(form) {
    const input = form.querySelector("input[type=file]");
    const zone = form.querySelector("[data-drop]");
    const chosen = zone.querySelector(".chosen");
    input.addEventListener("change", () => { chosen.textContent = names(input); });
    zone.addEventListener("dragover", (event) => {
      event.preventDefault();
      zone.classList.add("over");
    });
    zone.addEventListener("dragleave", () => zone.classList.remove("over"));
    zone.addEventListener("drop", (event) => {
      event.preventDefault();
      zone.classList.remove("over");
      const files = event.dataTransfer.files;
      if (!input.multiple && files.length > 1) {
        show("这里一次只检查一份报告；多份请用“批量检查”。");
        return;
      }
      input.files = files;
      chosen.textContent = names(input);
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      submit(form, input);
    });
  }

  async function submit(form, input) {
    const data = new FormData(form);
    if (form.dataset.kind === "one" && input.files.length) data.delete("text");
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    button.dataset.label = button.textContent;
    button.textContent = "正在上传……";
    message.hidden = true;
    try {
      const response = await fetch("/api/check", { method: "POST", body: data });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) {
        show(body.error || "上传失败（" + response.status + "）");
        return;
      }
      window.location.href = body.url;
    } catch (error) {
      show("无法连接检查服务，请确认 fazhi-check serve 仍在运行。");
    } finally {
      button.disabled = false;
      button.textContent = button.dataset.label;
    }
  }

  document.querySelectorAll("form[data-kind]").forEach(wire);
})();
