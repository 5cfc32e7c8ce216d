// Documents stored as partial on the rejected-documents page: readable documents in which none of the profile facts
// were found, kept with their opening text (so they are searchable) rather than rejected, each with the reason and a
// link to its candidate. Kept apart from app.js, whose helpers it uses (h, api, showProblem: app.js loads first): it
// watches the page for a loaded rejected list and adds its own section after it.
"use strict";

(() => {
  const received = iso => new Date(iso).toISOString().replace("T", " ").slice(0, 16) + " UTC";

  const table = rows => h("div", { class: "table-scroll" },
    h("table", { class: "partial" },
      h("caption", { class: "visually-hidden", text: "Documents stored as partial with their reasons" }),
      h("thead", {}, h("tr", {}, ["Source", "Reason", "Candidate", "Type", "Version", "Received"].map(c => h("th", { scope: "col", text: c })))),
      h("tbody", {}, rows.map(r => h("tr", {},
        h("td", { class: "source-id", "data-label": "Source", text: r.sourceId }),
        h("td", { class: "reason", "data-label": "Reason", text: r.reason }),
        h("td", { class: "candidate", "data-label": "Candidate" }, r.candidateId
          ? h("a", { href: `/candidates/${r.candidateId}`, "data-nav": true, text: `Candidate ${r.candidateId}` })
          : "none"),
        h("td", { "data-label": "Type", text: r.contentType }),
        h("td", { "data-label": "Version", text: String(r.version) }),
        h("td", { "data-label": "Received", text: received(r.receivedAt) }))))));

  async function render(rejected) {
    const body = h("div", { id: "partial-list", "aria-busy": "true" }, h("p", { class: "muted", text: "Loading…" }));
    // Inside a .rejected container, so the rejected table's layout (and its narrow-screen form) applies.
    rejected.after(h("section", { id: "partial", class: "rejected partial-documents", "aria-labelledby": "partial-title" },
      h("h2", { id: "partial-title", text: "Stored as partial" }),
      h("p", { class: "muted", text: "Readable documents in which no name, contact, education, experience, publication or skill was found. They are kept with their opening text, so search finds them; a clearer version of the document, sent with a higher version, replaces them." }),
      body));
    try {
      const rows = await api("/api/partial?limit=200", "list documents stored as partial");
      body.replaceChildren(rows.length === 0 ? h("p", { class: "message", text: "No document is stored as partial." }) : table(rows));
    } catch (error) {
      body.replaceChildren(h("p", { class: "message error", role: "alert", text: error.message }));
    } finally {
      body.removeAttribute("aria-busy");
    }
  }

  // app.js renders the rejected list into #rejected and clears aria-busy once it has loaded (or failed: the section
  // waits for a successful load, which follows a key entered on a 401).
  new MutationObserver(() => {
    const rejected = document.getElementById("rejected");
    if (!rejected || rejected.hasAttribute("aria-busy") || rejected.querySelector(".error") || document.getElementById("partial")) return;
    render(rejected);
  }).observe(document.getElementById("view") || document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["aria-busy"] });
})();
