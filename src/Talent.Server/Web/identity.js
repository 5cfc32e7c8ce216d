// Identity on the candidate page: every link that holds the candidate's sources together, with its reason and
// whether a person decided it, and the admin's corrections (merge with another candidate, split sources off).
// Kept apart from app.js: it watches the page for a rendered candidate and adds its own card.
"use strict";

(() => {
  const KEY_STORAGE = "talent.apiKey";

  const request = async (method, path, body) => {
    const headers = { Accept: "application/json", "X-Talent-Request": "1" };
    const key = localStorage.getItem(KEY_STORAGE);
    if (key) headers["X-Api-Key"] = key;
    if (body) headers["Content-Type"] = "application/json";
    const response = await fetch(path, { method, headers, body: body ? JSON.stringify(body) : undefined });
    let json = null;
    try { json = await response.json(); } catch { /* no body */ }
    if (!response.ok) {
      const errors = json && json.errors ? Object.values(json.errors).flat().join(" ") : "";
      throw new Error(errors || (json && (json.detail || json.title)) || `HTTP ${response.status}`);
    }
    return json;
  };

  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (name === "text") node.textContent = value;
      else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value);
    }
    for (const child of children.flat()) if (child) node.append(child);
    return node;
  };

  const candidateId = () => {
    const match = /^\/candidates\/(\d+)$/.exec(location.pathname);
    return match ? match[1] : null;
  };

  async function render(container, id) {
    const card = el("section", { class: "card identity-card", id: "identity", "aria-labelledby": "h-identity", "aria-busy": "true" },
      el("h2", { id: "h-identity", text: "Why these sources are one person" }));
    container.append(card);
    let identity;
    try {
      identity = await request("GET", `/api/candidates/${id}/identity`);
    } catch (error) {
      card.append(el("p", { class: "muted", text: `Identity links unavailable: ${error.message}` }));
      card.removeAttribute("aria-busy");
      return;
    }
    const inside = identity.links.filter(l => l.inside);
    card.append(inside.length === 0
      ? el("p", { class: "muted", text: "One source: nothing links it to another." })
      : el("ul", { class: "plain identity-links" }, inside.map(l => el("li", {},
        el("span", { text: `${l.sourceA} ↔ ${l.sourceB}: ${l.reason}` }),
        el("span", { class: l.decidedBy ? "tag decided" : "tag rule", text: l.decidedBy ? ` decided by ${l.decidedBy}` : ` rule (${l.strength})` })))));
    for (const flag of identity.flagged) {
      card.append(el("p", { class: "message", text: `${flag.sourceId}: ${flag.reason}` }));
    }

    const status = el("p", { class: "muted", role: "status" });
    const merge = el("form", { class: "inline-field identity-merge", onsubmit: async event => {
      event.preventDefault();
      const other = Number(merge.querySelector("input").value);
      try {
        const result = await request("POST", `/api/candidates/${id}/merge`, { with: other });
        const warnings = (result.warnings || []).map(w => ` Warning: ${w}.`).join("");
        status.textContent = `Merged: candidate ${result.candidateIds.join(", ")}.${warnings}`;
      } catch (error) { status.textContent = `Not merged: ${error.message}`; }
    } },
    el("label", { for: "merge-with", text: "Same person as candidate" }),
    el("input", { id: "merge-with", type: "number", min: "1", required: "" }),
    el("button", { type: "submit", text: "Merge" }));

    const choices = identity.sourceIds.map((s, i) => el("label", { class: "identity-source" },
      el("input", { type: "checkbox", value: s, id: `split-${i}` }), ` ${s}`));
    const split = el("form", { class: "identity-split", onsubmit: async event => {
      event.preventDefault();
      const sources = [...split.querySelectorAll("input:checked")].map(i => i.value);
      try {
        const result = await request("POST", `/api/candidates/${id}/split`, { sources });
        status.textContent = `Split: now candidates ${result.candidateIds.join(", ")}.`;
      } catch (error) { status.textContent = `Not split: ${error.message}`; }
    } },
    el("fieldset", {}, el("legend", { text: "These sources are another person" }), choices),
    el("button", { type: "submit", text: "Split" }));
    // Corrections are for admins: a recruiter's key would only be refused.
    if (await isAdmin()) {
      card.append(el("details", { class: "identity-admin" }, el("summary", { text: "Correct (admins)" }), merge, split, status));
    }
    card.removeAttribute("aria-busy");
  }

  // Asked for each candidate shown: another key may have been entered on the page since.
  const isAdmin = async () => {
    try {
      return (await request("GET", "/api/access/me")).role === "admin";
    } catch {
      return false;
    }
  };

  // app.js renders the candidate into #candidate and clears aria-busy when done.
  new MutationObserver(() => {
    const container = document.getElementById("candidate");
    const id = candidateId();
    if (!container || !id || container.hasAttribute("aria-busy") || container.dataset.identity === id) return;
    container.dataset.identity = id;
    render(container, id);
  }).observe(document.getElementById("view") || document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["aria-busy"] });
})();
