// "Add CVs": files picked or dropped on the page are sent to POST /api/documents one at a time, with a progress line
// and each file's outcome (new candidate, merged into whom, unchanged, rejected and why).
// Kept apart from app.js. The control appears only for a key that may add documents: GET /api/documents/formats
// says whether the caller may (mayAdd), and its answer is also what the control needs (accepted formats, size limit).
"use strict";

(() => {
  const KEY_STORAGE = "talent.apiKey";
  let formats = null; // the service's formats and limits once it answered; null while the control is hidden
  let running = null; // the batch being sent: { total, done, counts }
  const queue = [];

  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "text") node.textContent = value;
      else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children.flat()) if (child) node.append(child);
    return node;
  };

  const headers = () => {
    // X-Talent-Request: the service takes state-changing requests without a key only with it (no other site can add it).
    const result = { Accept: "application/json", "X-Talent-Request": "1" };
    const key = localStorage.getItem(KEY_STORAGE);
    if (key) result["X-Api-Key"] = key;
    return result;
  };

  /** Sizes the way the service words its limit ("document is 6.2 MB, over the 5.0 MB limit"). */
  const megabytes = bytes => {
    const text = (bytes / 1048576).toFixed(2);
    return text.endsWith("0") ? text.slice(0, -1) : text;
  };

  // ------------------------------------------------------------ the control

  const button = el("button", { type: "button", id: "upload-open", class: "upload-open", "aria-expanded": "false", "aria-controls": "upload-panel", hidden: true, text: "Add CVs" });
  const input = el("input", { id: "upload-files", type: "file", multiple: true, class: "visually-hidden", tabindex: "-1", "aria-hidden": "true" });
  // The picker is reached through this button (the input itself stays out of the way, and out of the tab order).
  const choose = el("button", { type: "button", class: "secondary", id: "upload-choose", "aria-describedby": "upload-limits", text: "Choose files…" });
  const limits = el("p", { id: "upload-limits", class: "muted small" });
  const zone = el("div", { class: "upload-zone", id: "upload-zone", role: "group", "aria-label": "Drop CV files here" },
    el("p", { class: "upload-zone-text", text: "Drop CV files here, or" }), choose, input, limits);
  const progress = el("p", { id: "upload-progress", class: "upload-progress", role: "status", "aria-live": "polite" });
  const bar = el("progress", { id: "upload-bar", max: "1", value: "0", hidden: true, "aria-labelledby": "upload-progress" });
  const results = el("ol", { id: "upload-results", class: "upload-results", "aria-label": "Files sent" });
  const close = el("button", { type: "button", class: "link-button", text: "Close" });
  const panel = el("section", { id: "upload-panel", class: "upload-panel", hidden: true, "aria-labelledby": "upload-title", "aria-describedby": "upload-limits" },
    el("div", { class: "upload-head" }, el("h2", { id: "upload-title", text: "Add CVs" }), close),
    zone, progress, bar, results);

  const show = open => {
    panel.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
  };

  button.addEventListener("click", () => {
    const open = panel.hidden;
    show(open);
    // The button opens the file picker at once; the panel stays for dropping more files and for the outcomes.
    if (open) input.click();
  });
  close.addEventListener("click", () => { show(false); button.focus(); });
  choose.addEventListener("click", () => input.click());
  input.addEventListener("change", () => {
    add([...input.files]);
    input.value = ""; // the same file may be chosen again
  });

  const dragsFiles = event => event.dataTransfer && [...event.dataTransfer.types].includes("Files");
  zone.addEventListener("dragenter", event => { if (dragsFiles(event)) zone.classList.add("dragging"); });
  zone.addEventListener("dragleave", event => { if (!zone.contains(event.relatedTarget)) zone.classList.remove("dragging"); });
  // Files dropped anywhere on the page are taken, rather than the browser leaving the page to open them.
  document.addEventListener("dragover", event => {
    if (!formats || !dragsFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  });
  document.addEventListener("drop", event => {
    if (!formats || !event.dataTransfer || event.dataTransfer.files.length === 0) return;
    event.preventDefault();
    zone.classList.remove("dragging");
    show(true);
    add([...event.dataTransfer.files]);
  });

  // ------------------------------------------------------------ sending

  /** Queues files: each gets its line at once, and is sent when the ones before it are done. */
  function add(files) {
    if (files.length === 0) return;
    if (!running) {
      running = { total: 0, done: 0, counts: {} };
      results.replaceChildren();
    }
    for (const file of files) {
      const line = el("li", { class: "upload-file", "data-outcome": "waiting" },
        el("span", { class: "upload-name", text: file.name }),
        el("span", { class: "upload-outcome", text: "waiting" }));
      results.append(line);
      queue.push({ file, line });
      running.total++;
    }
    report();
    if (queue.length === files.length) next();
  }

  async function next() {
    const item = queue[0];
    if (!item) {
      finish();
      return;
    }
    setOutcome(item.line, "sending", "sending…");
    const outcome = await send(item.file);
    setOutcome(item.line, outcome.kind, outcome.text, outcome.reason, outcome.link);
    running.counts[outcome.kind] = (running.counts[outcome.kind] || 0) + 1;
    running.done++;
    queue.shift();
    report();
    next();
  }

  /** One file as a one-file multipart upload; the service answers with its outcome once the worker has it. */
  async function send(file) {
    const tooLarge = file.size > formats.maxDocumentBytes;
    if (tooLarge || file.size === 0) {
      return { kind: "rejected", text: "rejected", reason: tooLarge ? `document is ${megabytes(file.size)} MB, over the ${megabytes(formats.maxDocumentBytes)} MB limit (not sent)` : "the file is empty (not sent)" };
    }
    const body = new FormData();
    body.append("files", file, file.name);
    let response;
    try {
      response = await fetch("/api/documents", { method: "POST", headers: headers(), body });
    } catch {
      return { kind: "failed", text: "not sent", reason: "the Talent service cannot be reached" };
    }
    let json = null;
    try { json = await response.json(); } catch { /* no body */ }
    if (response.ok && Array.isArray(json) && json.length === 1) return describe(json[0]);
    const errors = json && json.errors ? Object.values(json.errors).flat().join(" ") : "";
    switch (response.status) {
      case 400: return { kind: "rejected", text: "rejected", reason: errors || (json && json.detail) || "the service refused the file" };
      case 401: return { kind: "failed", text: "not sent", reason: "the stored API key was not accepted" };
      case 403: return { kind: "failed", text: "not sent", reason: "this key may not add documents" };
      case 413: return { kind: "rejected", text: "rejected", reason: "the file is over the service's size limit" };
      case 429: return { kind: "failed", text: "not sent", reason: "too many requests; send it again in a moment" };
      default: return { kind: "failed", text: "not sent", reason: `the service failed to answer (HTTP ${response.status})` };
    }
  }

  /** The service's outcome in a recruiter's words. */
  function describe(result) {
    const who = result.candidateId ? { href: `/candidates/${result.candidateId}`, text: result.candidateName || `candidate ${result.candidateId}` } : null;
    switch (result.outcome) {
      case "accepted": return { kind: "new", text: "new candidate", link: who, reason: result.reason };
      case "merged": return { kind: "merged", text: "merged into", link: who, reason: result.reason };
      // The worker answers these before reading the file, so the candidate is named only when it says who.
      case "unchanged": return { kind: "unchanged", text: who ? "unchanged: already stored for" : "unchanged: already stored", link: who };
      case "stale": return { kind: "unchanged", text: "unchanged: older than the version already stored" };
      default: return { kind: "rejected", text: "rejected", reason: result.reason || "the document could not be read" };
    }
  }

  function setOutcome(line, kind, text, reason, link) {
    line.dataset.outcome = kind;
    const outcome = line.querySelector(".upload-outcome");
    outcome.replaceChildren(text);
    if (link) outcome.append(" ", el("a", { href: link.href, "data-nav": true, class: "upload-candidate", text: link.text }));
    if (reason) outcome.append(el("span", { class: "upload-reason", text: (kind === "rejected" || kind === "failed" ? ": " : " — ") + reason }));
  }

  const WORDS = [["new", "new"], ["merged", "merged"], ["unchanged", "unchanged"], ["rejected", "rejected"], ["failed", "not sent"]];

  function report(finished) {
    const { total, done, counts } = running;
    const parts = WORDS.filter(([kind]) => counts[kind]).map(([kind, word]) => `${counts[kind]} ${word}`);
    progress.textContent = `${done} of ${total} sent` + (parts.length ? `: ${parts.join(", ")}` : "") + (finished ? ". Done." : "");
    bar.hidden = false;
    bar.max = total;
    bar.value = done;
  }

  function finish() {
    if (!running) return;
    report(true);
    running = null;
  }

  // ------------------------------------------------------------ who sees it

  /** Shows the control when the key may add documents; asked again when a key is entered. */
  async function probe() {
    let answer = null;
    try {
      const response = await fetch("/api/documents/formats", { headers: headers() });
      if (response.ok) {
        const formats = await response.json();
        if (formats.mayAdd) answer = formats;
      }
    } catch {
      // Unreachable service: the page says so itself; the control stays hidden.
    }
    formats = answer;
    button.hidden = !answer;
    if (!answer) {
      show(false);
      return;
    }
    const extensions = [...new Set(answer.formats.flatMap(f => f.extensions))];
    input.setAttribute("accept", [...extensions, ...answer.formats.map(f => f.contentType)].join(","));
    limits.textContent = `${extensions.join(" ")} — up to ${megabytes(answer.maxDocumentBytes)} MB and ${answer.maxPdfPages} PDF pages each.`;
  }

  document.querySelector(".topbar-inner").append(button);
  document.querySelector(".topbar").after(panel);
  // app.js saves a new key in its own submit handler, registered first.
  const keyForm = document.getElementById("key-form");
  if (keyForm) keyForm.addEventListener("submit", () => probe());
  probe();
})();
