// Shortlists on the recruiter page: a "Shortlist" control on every result card and on the candidate page (choose or
// create a list, tags, a note), and the Shortlists view (/shortlists, /shortlists/{id}) with each list's candidates,
// a tag filter and a CSV export. Loaded before app.js so that app.js finds shortlistsView when it routes the first
// page; it uses app.js's helpers (h, api, setView, showProblem, plural) only when called, once everything has loaded.
"use strict";

/** The lists, loaded when a control or the view first needs them and again after every change. */
let shortlistCache = null;

/** A JSON call of the shortlist API with the stored key; the failure's reason (problem details) as the error's message. */
async function shortlistRequest(method, path, body) {
  const headers = { Accept: "application/json", "X-Talent-Request": "1" };
  const key = localStorage.getItem(API_KEY_STORAGE);
  if (key) headers["X-Api-Key"] = key;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  let json = null;
  try { json = await response.json(); } catch { /* 204: no body */ }
  if (!response.ok) {
    const errors = json && json.errors ? Object.values(json.errors).flat().join(" ") : "";
    throw new ApiError(response.status, errors || (json && (json.detail || json.title)) || `HTTP ${response.status}`);
  }
  return json;
}

async function loadShortlists(refresh) {
  if (!shortlistCache || refresh) shortlistCache = await api("/api/shortlists", "read shortlists");
  return shortlistCache;
}

const splitTags = text => text.split(",").map(t => t.trim()).filter(Boolean);

// ---------------------------------------------------------------- the control on cards and the candidate page

/** A "Shortlist" disclosure for one candidate: pick a list (or name a new one), tags and a note, then add. */
function shortlistControl(candidateId, prefix) {
  const id = `${prefix}-${candidateId}`;
  const select = h("select", { id: `${id}-list`, class: "shortlist-list" });
  const newName = h("input", { id: `${id}-new`, class: "shortlist-new", type: "text", maxlength: "100", autocomplete: "off", placeholder: "e.g. Backend Q3" });
  const newField = h("div", { class: "shortlist-field" }, h("label", { for: newName.id, text: "New list name" }), newName);
  const tags = h("input", { id: `${id}-tags`, class: "shortlist-tags", type: "text", autocomplete: "off", placeholder: "e.g. backend, phone screen" });
  const note = h("input", { id: `${id}-note`, class: "shortlist-note", type: "text", maxlength: "2000", autocomplete: "off" });
  const status = h("p", { class: "shortlist-status muted", role: "status" });
  const onLists = h("ul", { class: "shortlist-memberships plain" });

  const fill = async () => {
    const lists = await loadShortlists(false);
    const chosen = select.value;
    select.replaceChildren(...lists.map(l => h("option", { value: String(l.id), text: `${l.name} (${plural(l.entries, "candidate")})` })),
      h("option", { value: "new", text: "New list…" }));
    select.value = lists.some(l => String(l.id) === chosen) ? chosen : lists.length > 0 ? String(lists[0].id) : "new";
    newField.hidden = select.value !== "new";
    const memberships = await shortlistRequest("GET", `/api/candidates/${candidateId}/shortlists`);
    onLists.replaceChildren(...memberships.map(m => h("li", {},
      h("a", { href: `/shortlists/${m.shortlistId}`, "data-nav": true, text: m.shortlistName }),
      m.tags.length > 0 ? ` · ${m.tags.join(", ")}` : null)));
  };
  select.addEventListener("change", () => { newField.hidden = select.value !== "new"; });

  const form = h("form", { class: "shortlist-form", novalidate: true, onsubmit: async event => {
    event.preventDefault();
    status.textContent = "Saving…";
    try {
      let listId = select.value;
      if (listId === "new") {
        const created = await shortlistRequest("POST", "/api/shortlists", { name: newName.value });
        listId = String(created.id);
        newName.value = "";
      }
      const entry = await shortlistRequest("PUT", `/api/shortlists/${listId}/candidates/${candidateId}`, { tags: splitTags(tags.value), note: note.value });
      await loadShortlists(true);
      select.value = listId;
      await fill();
      const name = (shortlistCache.find(l => String(l.id) === listId) || { name: `list ${listId}` }).name;
      status.textContent = `Added to ${name}${entry.tags.length > 0 ? ` (${entry.tags.join(", ")})` : ""}.`;
    } catch (error) {
      status.textContent = `Not added: ${error.message}`;
      if (error.status === 401) showProblem(error, () => form.requestSubmit());
    }
  } },
  h("div", { class: "shortlist-field" }, h("label", { for: select.id, text: "List" }), select),
  newField,
  h("div", { class: "shortlist-field" }, h("label", { for: tags.id, text: "Tags (comma-separated)" }), tags),
  h("div", { class: "shortlist-field" }, h("label", { for: note.id, text: "Note" }), note),
  h("button", { type: "submit", class: "primary", text: "Add to shortlist" }));

  const details = h("details", { class: "shortlist-control", "data-candidate-id": candidateId },
    h("summary", { text: "Shortlist" }), form, status, onLists);
  details.addEventListener("toggle", () => {
    if (!details.open) return;
    fill().catch(error => { status.textContent = `Shortlists unavailable: ${error.message}`; });
  });
  return details;
}

function decorateCards() {
  for (const card of document.querySelectorAll("#results li.card.result[data-candidate-id]")) {
    if (card.querySelector(".shortlist-control")) continue;
    card.append(shortlistControl(card.dataset.candidateId, "card"));
  }
  const candidate = byId("candidate");
  const match = /^\/candidates\/(\d+)$/.exec(location.pathname);
  if (candidate && match && !candidate.hasAttribute("aria-busy") && !candidate.querySelector(".message.error") && !candidate.querySelector(".shortlist-card")) {
    // Under the profile's head (name, role, contact), before the profile's sections.
    const section = h("section", { class: "card shortlist-card", "aria-label": "Shortlist" }, shortlistControl(match[1], "page"));
    const layout = candidate.querySelector(".profile-layout");
    if (layout) layout.before(section);
    else candidate.append(section);
  }
}

// ---------------------------------------------------------------- the Shortlists view

/** /shortlists (every list) or /shortlists/{id} (one list's candidates), from app.js's router. */
function shortlistsView(id) {
  search = null;
  if (id) shortlistPage(id);
  else shortlistIndex();
}

async function shortlistIndex() {
  const body = h("div", { id: "shortlists", "aria-busy": "true" }, h("p", { class: "muted", text: "Loading shortlists…" }));
  const name = h("input", { id: "shortlist-name", type: "text", maxlength: "100", autocomplete: "off", required: true });
  const status = h("p", { class: "muted", role: "status" });
  const form = h("form", { class: "inline-field shortlist-create", novalidate: true, onsubmit: async event => {
    event.preventDefault();
    try {
      await shortlistRequest("POST", "/api/shortlists", { name: name.value });
      name.value = "";
      status.textContent = "";
      await load();
    } catch (error) { status.textContent = `Not created: ${error.message}`; }
  } }, h("label", { for: name.id, class: "visually-hidden", text: "New shortlist name" }), name, h("button", { type: "submit", class: "primary", text: "Create shortlist" }));
  setView("Shortlists — Talent", h("div", { class: "shortlists-page" }, h("h1", { text: "Shortlists" }), form, status, body));
  const load = async () => {
    try {
      const lists = await loadShortlists(true);
      if (!body.isConnected) return;
      body.replaceChildren(lists.length === 0
        ? h("p", { class: "message", text: "No shortlist yet. Create one here, or from a candidate's Shortlist button." })
        : h("ul", { class: "shortlists plain" }, lists.map(l => h("li", { class: "card shortlist-item", "data-shortlist-id": l.id },
          h("a", { class: "shortlist-link", href: `/shortlists/${l.id}`, "data-nav": true, text: l.name }),
          h("span", { class: "muted", text: ` ${plural(l.entries, "candidate")} · created by ${l.owner}` })))));
    } catch (error) {
      body.replaceChildren(h("p", { class: "message error", role: "alert", text: error.message }));
      showProblem(error, load);
    } finally {
      body.removeAttribute("aria-busy");
    }
  };
  await load();
}

async function shortlistPage(id) {
  const tag = new URLSearchParams(location.search).get("tag");
  const body = h("div", { id: "shortlist", "aria-busy": "true" }, h("p", { class: "muted", text: "Loading shortlist…" }));
  setView("Shortlist — Talent", h("div", { class: "shortlist-page" },
    h("p", { class: "back-row" }, h("a", { class: "back", href: "/shortlists", "data-nav": true, text: "← All shortlists" })), body));
  const load = async () => {
    try {
      const list = await api(`/api/shortlists/${id}${tag ? `?tag=${encodeURIComponent(tag)}` : ""}`, "read shortlists");
      if (!body.isConnected) return;
      document.title = `${list.name} — Talent`;
      body.replaceChildren(...renderShortlist(list, load));
    } catch (error) {
      if (!body.isConnected) return;
      body.replaceChildren(h("p", { class: "message error", role: "alert", text: error.status === 404 ? `There is no shortlist with id ${id}.` : error.message }));
      if (error.status !== 404) showProblem(error, load);
    } finally {
      body.removeAttribute("aria-busy");
    }
  };
  await load();
}

function renderShortlist(list, reload) {
  const base = `/shortlists/${list.id}`;
  const filter = h("ul", { class: "chips shortlist-tags-filter", "aria-label": "Filter by tag" },
    h("li", {}, h("a", { class: `chip${list.tag ? "" : " active"}`, href: base, "data-nav": true, "aria-current": list.tag ? null : "true", text: `All (${list.entries})` })),
    list.tags.map(t => h("li", {}, h("a", { class: `chip${list.tag === t.value ? " active" : ""}`, href: `${base}?tag=${encodeURIComponent(t.value)}`, "data-nav": true,
      "aria-current": list.tag === t.value ? "true" : null, text: `${t.value} (${t.count})` }))));
  const exportButton = h("button", { type: "button", class: "secondary", text: "Export CSV", onclick: () => exportShortlist(list) });
  const cards = list.candidates.map(c => h("li", { class: "card shortlist-entry", "data-candidate-id": c.candidateId },
    h("h3", { class: "candidate-name" }, h("a", { href: `/candidates/${c.candidateId}`, "data-nav": true, text: c.name })),
    c.title || c.employer || c.location
      ? h("p", { class: "role-line" }, h("span", { class: "role", text: [c.title, c.employer].filter(Boolean).join(" at ") }), c.location ? h("span", { class: "location", text: c.location }) : null)
      : null,
    c.tags.length > 0 ? h("ul", { class: "tags", "aria-label": "Tags" }, c.tags.map(t => h("li", { class: "tag tag-shortlist", text: t }))) : null,
    c.note ? h("p", { class: "shortlist-entry-note", text: c.note }) : null,
    h("p", { class: "muted small", text: `added by ${c.addedBy}, ${new Date(c.addedAt).toISOString().slice(0, 10)}` }),
    h("button", { type: "button", class: "link-button", text: "Remove from this list", onclick: async () => {
      try {
        await shortlistRequest("DELETE", `/api/shortlists/${list.id}/candidates/${c.candidateId}`);
        shortlistCache = null;
        await reload();
      } catch (error) { showNotice(error.message); }
    } })));
  const rename = h("input", { id: "shortlist-rename", type: "text", maxlength: "100", autocomplete: "off" });
  rename.value = list.name;
  const manage = h("details", { class: "shortlist-manage" }, h("summary", { text: "Rename or delete" }),
    h("form", { class: "inline-field", novalidate: true, onsubmit: async event => {
      event.preventDefault();
      try {
        await shortlistRequest("PATCH", `/api/shortlists/${list.id}`, { name: rename.value });
        shortlistCache = null;
        await reload();
      } catch (error) { showNotice(error.message); }
    } }, h("label", { for: rename.id, class: "visually-hidden", text: "New name" }), rename, h("button", { type: "submit", class: "secondary", text: "Rename" })),
    h("button", { type: "button", class: "secondary danger", text: "Delete this shortlist", onclick: async () => {
      if (!confirm(`Delete the shortlist "${list.name}"? Its candidates stay in Talent.`)) return;
      try {
        await shortlistRequest("DELETE", `/api/shortlists/${list.id}`);
        shortlistCache = null;
        navigate("/shortlists");
      } catch (error) { showNotice(error.message); }
    } }));
  return [
    h("div", { class: "shortlist-head" }, h("h1", { id: "shortlist-name", text: list.name }), exportButton),
    h("p", { class: "muted", text: `${plural(list.entries, "candidate")} · created by ${list.owner}` }),
    filter,
    cards.length > 0 ? h("ol", { class: "cards shortlist-entries" }, cards) : h("p", { class: "message", text: list.tag ? `No candidate on this list is tagged ${list.tag}.` : "No candidate on this list yet: add them from a search result or a candidate page." }),
    manage,
  ];
}

async function exportShortlist(list) {
  const headers = { "X-Talent-Request": "1" };
  const key = localStorage.getItem(API_KEY_STORAGE);
  if (key) headers["X-Api-Key"] = key;
  try {
    const response = await fetch(`/api/shortlists/${list.id}/export?format=csv${list.tag ? `&tag=${encodeURIComponent(list.tag)}` : ""}`, { headers });
    if (!response.ok) throw new ApiError(response.status, `The export failed (HTTP ${response.status}).`);
    const url = URL.createObjectURL(await response.blob());
    const link = h("a", { href: url, download: `talent-shortlist-${list.id}.csv`, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (error) {
    showNotice(error.message || "The export failed.");
  }
}

// Cards and the candidate page are rendered by app.js; the controls are added once each is on the page.
document.addEventListener("DOMContentLoaded", () => {
  new MutationObserver(decorateCards).observe(document.getElementById("view") || document.body,
    { childList: true, subtree: true, attributes: true, attributeFilter: ["aria-busy"] });
  decorateCards();
});
