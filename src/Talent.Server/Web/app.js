// Talent's recruiter page: search, candidate and rejected-documents views over the JSON API.
// No inline code and no eval: the service sends Content-Security-Policy default-src 'self'.
// Every value from the API is put on the page as text (textContent), never as markup.
"use strict";

const API_KEY_STORAGE = "talent.apiKey";
const LAST_SEARCH_STORAGE = "talent.lastSearch";
const MAX_QUERY_LENGTH = 1000;
// Filters of the search: a box to type one (input) with catalog suggestions (suggest), and a facet group.
const FILTERS = [
  { kind: "skill", label: "Skills", facet: "skills", placeholder: "e.g. PyTorch", input: true, suggest: true },
  { kind: "topic", label: "Topics", facet: "topics", placeholder: "e.g. video generation", input: true, suggest: true },
  { kind: "venue", label: "Venues", facet: "venues", placeholder: "e.g. ICLR", input: true, suggest: true },
  { kind: "school", label: "Schools", facet: "institutions", placeholder: "e.g. Stanford", input: true },
  { kind: "company", label: "Employers", facet: "employers", placeholder: "e.g. Google", input: true },
  { kind: "current_company", label: "Current employers", facet: "currentEmployers", chip: "works at" },
  { kind: "location", label: "Places", facet: "cities", placeholder: "e.g. Lisbon", input: true, extraFacets: [{ label: "Countries", facet: "countries" }] },
  { kind: "degree", label: "Degrees", facet: "degrees" },
];
const SEARCH_PARAMS = ["q", "skill", "topic", "venue", "school", "company", "current_company", "location", "degree", "since", "until", "min_years", "max_years", "page", "size"];
/** The experience facet's ranges as the service names them, and the years each covers. */
const EXPERIENCE = { "0–2 years": ["0", "2"], "3–5 years": ["3", "5"], "6–10 years": ["6", "10"], "over 10 years": ["11", ""] };
const PAGE_SIZES = [10, 20, 50];
const FACET_VISIBLE = 8;

// ---------------------------------------------------------------- DOM helpers

/** Creates an element: attributes (class, text, on*, aria-*, data-*, hidden …) and children (nodes or strings). */
function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") element.className = value;
    else if (name === "text") element.textContent = value;
    else if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, "");
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

const byId = id => document.getElementById(id);

/** A topic's evidence in plain words, as `talent show` prints it. */
function describeEvidence(e) {
  switch ((e.kind || "").toLowerCase()) {
    case "abstracts": return e.abstracts === 1 ? "1 abstract" : `${e.abstracts} abstracts`;
    case "title": return `paper title “${e.text}”`;
    case "role": return `role “${e.text}”`;
    case "keywords": return `paper keywords “${e.text}”`;
    default: return `research interest “${e.text}”`;
  }
}
const plural = (n, word) => `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;

// ---------------------------------------------------------------- API access

/** A failed API call, with what the page should say about it. */
class ApiError extends Error {
  constructor(status, message, fields, retryAfter) {
    super(message);
    this.status = status;
    this.fields = fields || {};
    this.retryAfter = retryAfter;
  }
}

/** GET a JSON resource, sending the stored API key; `action` completes "this key may not …". */
async function api(path, action) {
  // X-Talent-Request: a page on another site cannot add it without CORS, so the service takes state-changing
  // requests without a key only when it is there.
  const headers = { Accept: "application/json", "X-Talent-Request": "1" };
  const key = localStorage.getItem(API_KEY_STORAGE);
  if (key) headers["X-Api-Key"] = key;
  let response;
  try {
    response = await fetch(path, { headers });
  } catch {
    throw new ApiError(0, "The Talent service cannot be reached. Check the connection and try again.");
  }
  if (response.ok) return response.json();

  let body = null;
  try {
    body = await response.json();
  } catch {
    // Not every error has a problem-details body (a proxy's 502, say); the status is enough.
  }
  const detail = body && (body.detail || body.title);
  switch (response.status) {
    case 400:
      return Promise.reject(new ApiError(400, detail || "The request was not valid.", body && body.errors));
    case 401:
      return Promise.reject(new ApiError(401, key ? "The stored API key was not accepted. Enter a valid key." : "This Talent service asks for an API key."));
    case 403:
      return Promise.reject(new ApiError(403, `This key may not ${action}. Ask an administrator for a key with the right role.`));
    case 404:
      return Promise.reject(new ApiError(404, detail || "Not found."));
    case 429: {
      const seconds = retryAfterSeconds(response.headers.get("Retry-After"));
      return Promise.reject(new ApiError(429, seconds === null
        ? "Too many requests. Wait a moment and retry."
        : `Too many requests, retry in ${seconds} s.`, null, seconds));
    }
    default:
      return Promise.reject(new ApiError(response.status, `The Talent service failed to answer (HTTP ${response.status}). Try again in a moment.`));
  }
}

/** Retry-After is either seconds or an HTTP date. */
function retryAfterSeconds(value) {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

let retryAfterKey = null;

/** Shows what went wrong outside a view's own message area: key form, permission, rate limit, network. */
function showProblem(error, retry) {
  if (error.status === 401) {
    retryAfterKey = retry;
    byId("key-message").textContent = error.message + " It is kept in this browser only.";
    byId("key-panel").hidden = false;
    byId("api-key").value = "";
    byId("api-key").focus();
    return;
  }
  showNotice(error.message);
}

function showNotice(message) {
  const notice = byId("notice");
  notice.textContent = message;
  notice.hidden = false;
}

function clearNotice() {
  byId("notice").hidden = true;
  byId("notice").textContent = "";
}

function setUpKeyForm() {
  byId("key-form").addEventListener("submit", event => {
    event.preventDefault();
    const key = byId("api-key").value.trim();
    if (!key) return;
    localStorage.setItem(API_KEY_STORAGE, key);
    byId("key-panel").hidden = true;
    const retry = retryAfterKey;
    retryAfterKey = null;
    if (retry) retry();
  });
}

let venueTiers = null;

/** Venue name → { tier, fullName, kind } from the catalog; decoration only, so a failure leaves tiers out. */
async function loadVenueTiers() {
  if (venueTiers) return venueTiers;
  try {
    const venues = await api("/api/venues", "read the venue catalog");
    venueTiers = new Map(venues.map(v => [v.name, v]));
  } catch (error) {
    console.warn("venue tiers unavailable:", error.message);
    return new Map();
  }
  return venueTiers;
}

// ---------------------------------------------------------------- navigation

function navigate(url, replace) {
  if (replace) history.replaceState(null, "", url);
  else history.pushState(null, "", url);
  route();
}

function route() {
  clearNotice();
  byId("key-panel").hidden = true;
  const path = location.pathname;
  const candidate = /^\/candidates\/(\d+)$/.exec(path);
  const shortlist = /^\/shortlists(?:\/(\d+))?$/.exec(path); // the view is shortlist.js's
  markCurrent(byId("nav-search"), path === "/" || candidate !== null);
  markCurrent(byId("nav-shortlists"), shortlist !== null);
  markCurrent(byId("nav-rejected"), path === "/admin/rejected");
  if (path === "/") searchView();
  else if (candidate) candidateView(candidate[1]);
  else if (shortlist) shortlistsView(shortlist[1]);
  else if (path === "/admin/rejected") rejectedView();
  else notFoundView();
}

function markCurrent(link, current) {
  if (current) link.setAttribute("aria-current", "page");
  else link.removeAttribute("aria-current");
}

function setUpNavigation() {
  document.addEventListener("click", event => {
    const link = event.target.closest("a[data-nav]");
    if (!link || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(link.getAttribute("href"));
  });
  window.addEventListener("popstate", route);
  document.addEventListener("keydown", event => {
    // "/" jumps to the search box, as on most search sites.
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return;
    const box = byId("q");
    if (box) {
      event.preventDefault();
      box.focus();
    }
  });
}

function setView(title, ...children) {
  document.title = title;
  const view = byId("view");
  view.replaceChildren(...children);
  return view;
}

function notFoundView() {
  setView("Not found — Talent",
    h("div", { class: "page-narrow" },
      h("h1", { text: "Page not found" }),
      h("p", {}, "There is no page at this address. ", h("a", { href: "/", "data-nav": true, text: "Search candidates" }), ".")));
}

// ---------------------------------------------------------------- search state

/** The whole search lives in the URL: q, skill*, topic*, venue*, since, page, size. */
function readSearch(params) {
  const state = { q: params.get("q") || "", since: params.get("since") || "", until: params.get("until") || "", min_years: params.get("min_years") || "", max_years: params.get("max_years") || "", page: Number(params.get("page")) || 1, size: Number(params.get("size")) || 10 };
  for (const { kind } of FILTERS) {
    state[kind] = unique(params.getAll(kind).map(v => v.trim()).filter(Boolean));
  }
  return state;
}

function unique(values) {
  const seen = new Set();
  return values.filter(v => {
    const key = v.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function searchParams(state) {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set("q", state.q.trim());
  for (const { kind } of FILTERS) for (const value of state[kind]) params.append(kind, value);
  for (const name of ["since", "until", "min_years", "max_years"]) if (state[name]) params.set(name, state[name]);
  if (state.page > 1) params.set("page", String(state.page));
  if (state.size !== 10) params.set("size", String(state.size));
  return params;
}

function searchUrl(state) {
  const query = searchParams(state).toString();
  return query ? "/?" + query : "/";
}

/** Problems the page can name before asking the service; the service checks everything again. */
function checkQuery(q) {
  if (q.length > MAX_QUERY_LENGTH) {
    return `The search text is ${q.length.toLocaleString("en")} characters long; the limit is ${MAX_QUERY_LENGTH.toLocaleString("en")}. Shorten it and search again.`;
  }
  if (/<\/?[a-z!][^>]*>/i.test(q)) {
    return "The search text contains markup such as <tag>. Search with plain words instead.";
  }
  if ((q.match(/"/g) || []).length % 2 === 1) {
    return "The search text has an unmatched quotation mark (\"). Close the quote or remove it.";
  }
  // Parentheses group terms; inside quotes they are only text.
  let depth = 0;
  for (const c of q.replace(/"[^"]*"/g, "")) {
    depth += c === "(" ? 1 : c === ")" ? -1 : 0;
    if (depth < 0) break;
  }
  if (depth !== 0) {
    return "The search text has an unmatched parenthesis. Close it or remove it.";
  }
  return null;
}

// ---------------------------------------------------------------- search view

let search = null; // the search view's elements and state while it is shown

function searchView() {
  const state = readSearch(new URLSearchParams(location.search));
  const q = h("input", { id: "q", name: "q", type: "search", autocomplete: "off", spellcheck: "false", "aria-describedby": "q-hint q-error", placeholder: 'video generation, "sequence parallelism", title:diffusion' });
  q.value = state.q;
  const since = h("select", { id: "since", name: "since" },
    h("option", { value: "", text: "Any year" }),
    Array.from({ length: 30 }, (_, i) => new Date().getFullYear() - i).map(year => h("option", { value: String(year), text: `${year} or later` })));
  if (state.since && !since.querySelector(`option[value="${CSS.escape(state.since)}"]`)) {
    since.append(h("option", { value: state.since, text: `${state.since} or later` }));
  }
  since.value = state.since;
  since.addEventListener("change", () => submitSearch({ since: since.value, page: 1 }));

  const until = h("select", { id: "until", name: "until" },
    h("option", { value: "", text: "Any year" }),
    Array.from({ length: 30 }, (_, i) => new Date().getFullYear() - i).map(year => h("option", { value: String(year), text: `${year} or earlier` })));
  if (state.until && !until.querySelector(`option[value="${CSS.escape(state.until)}"]`)) {
    until.append(h("option", { value: state.until, text: `${state.until} or earlier` }));
  }
  until.value = state.until;
  until.addEventListener("change", () => submitSearch({ until: until.value, page: 1 }));

  const filterBoxes = FILTERS.filter(f => f.input).map(filter => filterInput(filter));
  const form = h("form", { id: "search-form", class: "search-form", role: "search", "aria-label": "Candidates", novalidate: true, onsubmit: onSearchSubmit },
    h("label", { for: "q", class: "search-label", text: "Search candidates" }),
    h("div", { class: "inline-field searchbar" }, q, h("button", { type: "submit", class: "primary", text: "Search" })),
    h("p", { id: "q-hint", class: "hint" }, "Free text over names, schools, employers, titles, places, skills and papers; an e-mail or homepage finds its owner. Use quotes for a phrase, school:, company:, location: for one field; press / to come back here."),
    h("p", { id: "q-error", class: "field-error", role: "alert", hidden: true }),
    h("div", { class: "filters" },
      filterBoxes,
      h("div", { class: "filter" }, h("label", { for: "since", text: "Papers since" }), since),
      h("div", { class: "filter" }, h("label", { for: "until", text: "Papers until" }), until)),
    h("div", { id: "active-filters", class: "active-filters", "aria-label": "Active filters" }));

  const facets = h("details", { class: "facets", id: "facets" },
    h("summary", { text: "Narrow down" }),
    h("div", { id: "facet-groups" }));
  facets.open = window.matchMedia("(min-width: 860px)").matches;

  const results = h("section", { class: "results", "aria-labelledby": "results-title" },
    h("div", { class: "results-bar" },
      h("h2", { id: "results-title", class: "visually-hidden", text: "Results" }),
      h("p", { id: "summary", class: "summary", "aria-live": "polite" }),
      h("button", { type: "button", id: "export", class: "secondary", text: "Export CSV", title: "Download up to 1,000 candidates of this search as CSV", onclick: () => exportResults() }),
      h("div", { class: "page-size" },
        h("label", { for: "size", text: "Per page" }),
        h("select", { id: "size", onchange: event => submitSearch({ size: Number(event.target.value), page: 1 }) },
          unique([...PAGE_SIZES, state.size].map(String)).map(n => h("option", { value: n, text: n }))))),
    h("p", { id: "search-error", class: "message error", role: "alert", hidden: true }),
    h("ol", { id: "results", class: "cards" }),
    h("nav", { id: "pagination", class: "pagination", "aria-label": "Result pages" }));
  results.querySelector("#size").value = String(state.size);

  setView(state.q ? `${state.q} — Talent search` : "Talent — find technical and research talent",
    h("div", { class: "search-page" }, form, h("div", { class: "search-layout" }, facets, results)));
  search = { state, form };
  renderActiveFilters();
  runSearch();
}

/** A filter input with catalog suggestions (a native datalist, so arrow keys and screen readers work). */
function filterInput({ kind, label, placeholder, suggest }) {
  const id = `add-${kind}`;
  const list = h("datalist", { id: `${kind}-suggestions` });
  const input = h("input", { id, type: "text", list: list.id, autocomplete: "off", spellcheck: "false", placeholder, "aria-describedby": `${id}-hint` });
  let pending = 0;
  const add = () => {
    const value = input.value.trim();
    if (!value) return;
    input.value = "";
    list.replaceChildren();
    if (!search.state[kind].some(v => v.toLowerCase() === value.toLowerCase())) {
      submitSearch({ [kind]: [...search.state[kind], value], page: 1 });
    }
  };
  input.addEventListener("input", async event => {
    const value = input.value.trim();
    // Picking a suggestion replaces the text without typing: take it as the filter at once.
    if (!event.inputType || event.inputType === "insertReplacementText") {
      if ([...list.options].some(o => o.value === value)) {
        add();
        return;
      }
    }
    if (!suggest || value.length === 0 || value.length > 100) {
      list.replaceChildren();
      return;
    }
    const ticket = ++pending;
    try {
      const suggestions = await api(`/api/suggest?field=${kind}&prefix=${encodeURIComponent(value)}&limit=8`, "use suggestions");
      if (ticket !== pending) return;
      list.replaceChildren(...suggestions.map(s => h("option", { value: s.value, label: s.matched ? `${s.value} (${s.matched})` : s.detail || s.value })));
    } catch (error) {
      // Suggestions are a convenience: typing the full name still works, so a failure is only logged.
      console.warn("suggestions unavailable:", error.message);
    }
  });
  input.addEventListener("keydown", event => {
    if (event.key === "Enter") {
      event.preventDefault();
      add();
    }
  });
  return h("div", { class: "filter" },
    h("label", { for: id, text: label }),
    h("div", { class: "inline-field" }, input, h("button", { type: "button", class: "secondary", "aria-label": `Add ${kind} filter`, text: "Add", onclick: add })),
    h("span", { id: `${id}-hint`, class: "visually-hidden", text: suggest ? `Type to see ${label.toLowerCase()} from the catalog; Enter adds the filter.` : "Enter adds the filter." }),
    list);
}

function onSearchSubmit(event) {
  event.preventDefault();
  // Text typed into a filter box but not added yet still counts.
  const changes = { q: byId("q").value, page: 1 };
  for (const { kind } of FILTERS.filter(f => f.input)) {
    const pending = byId(`add-${kind}`).value.trim();
    if (pending) {
      changes[kind] = unique([...search.state[kind], pending]);
      byId(`add-${kind}`).value = "";
    }
  }
  submitSearch(changes);
}

/** Applies changes to the search, records it in the URL (a new history entry) and runs it. */
function submitSearch(changes) {
  const state = { ...search.state, ...changes };
  search.state = state;
  history.pushState(null, "", searchUrl(state));
  document.title = state.q ? `${state.q} — Talent search` : "Talent — find technical and research talent";
  if (byId("q").value !== state.q) byId("q").value = state.q;
  byId("since").value = state.since;
  byId("until").value = state.until;
  renderActiveFilters();
  runSearch();
}

function renderActiveFilters() {
  const state = search.state;
  const chips = [];
  for (const { kind, chip } of FILTERS) {
    for (const value of state[kind]) {
      chips.push(h("li", { class: `chip chip-${kind}` },
        h("span", { class: "chip-kind", text: chip || kind }), h("span", { text: value }),
        h("button", { type: "button", class: "chip-remove", "aria-label": `Remove ${kind} filter ${value}`, text: "×",
          onclick: () => submitSearch({ [kind]: state[kind].filter(v => v !== value), page: 1 }) })));
    }
  }
  for (const [name, label] of [["since", "since"], ["until", "until"], ["min_years", "years at least"], ["max_years", "years at most"]]) {
    if (!state[name]) continue;
    chips.push(h("li", { class: "chip chip-year" }, h("span", { class: "chip-kind", text: label }), h("span", { text: state[name] }),
      h("button", { type: "button", class: "chip-remove", "aria-label": `Remove filter ${label} ${state[name]}`, text: "×", onclick: () => submitSearch({ [name]: "", page: 1 }) })));
  }
  const box = byId("active-filters");
  box.replaceChildren();
  if (chips.length > 0) {
    box.append(h("ul", { class: "chips" }, chips),
      h("button", { type: "button", class: "link-button", text: "Clear filters", onclick: () => submitSearch({ ...Object.fromEntries(FILTERS.map(f => [f.kind, []])), since: "", until: "", min_years: "", max_years: "", page: 1 }) }));
  }
}

let searchTicket = 0;
let startingRerun = null;

/** Runs the search in the URL; `refresh` is a re-run of the same search while Talent is still starting, shown without "Searching…". */
async function runSearch(refresh) {
  const state = search.state;
  const ticket = ++searchTicket;
  clearTimeout(startingRerun);
  sessionStorage.setItem(LAST_SEARCH_STORAGE, searchUrl(state));
  const problem = checkQuery(state.q.trim());
  setQueryError(problem);
  if (problem) {
    showSearchError(problem);
    return;
  }
  if (refresh !== true) byId("summary").textContent = "Searching…";
  byId("results").setAttribute("aria-busy", "true");
  try {
    const [response, tiers] = await Promise.all([api("/api/search?" + searchParams(state).toString(), "search candidates"), loadVenueTiers()]);
    if (ticket !== searchTicket || !byId("results")) return;
    byId("search-error").hidden = true;
    renderResults(response, tiers);
    if (response.notice) {
      // Answered before Talent was ready (the demo still loading): say so, and ask again until it is.
      byId("summary").append(h("span", { class: "starting", text: ` · ${response.notice} These results refresh by themselves.` }));
      startingRerun = setTimeout(() => { if (ticket === searchTicket && byId("results")) runSearch(true); }, 1000);
    }
  } catch (error) {
    if (ticket !== searchTicket || !byId("results")) return;
    if (error.status === 400) {
      const messages = Object.entries(error.fields);
      const text = messages.length > 0 ? messages.map(([field, list]) => `${fieldName(field)}: ${list.join(" ")}`).join(" ") : error.message;
      setQueryError(messages.some(([field]) => field === "q") ? text : null);
      showSearchError("The search could not run. " + text);
    } else {
      showSearchError(error.message);
      showProblem(error, runSearch);
    }
  } finally {
    if (ticket === searchTicket && byId("results")) byId("results").removeAttribute("aria-busy");
  }
}

function fieldName(field) {
  return { q: "Search text", skill: "Skill filter", topic: "Topic filter", venue: "Venue filter", school: "School filter", company: "Employer filter",
    current_company: "Current employer filter", location: "Place filter", degree: "Degree filter", since: "Year", until: "Year", min_years: "Years of experience",
    max_years: "Years of experience", page: "Page", size: "Page size" }[field] || field;
}

function setQueryError(message) {
  const box = byId("q");
  const error = byId("q-error");
  if (message) {
    box.setAttribute("aria-invalid", "true");
    error.textContent = message;
    error.hidden = false;
  } else {
    box.removeAttribute("aria-invalid");
    error.hidden = true;
    error.textContent = "";
  }
}

function showSearchError(message) {
  const error = byId("search-error");
  error.textContent = message;
  error.hidden = false;
  byId("summary").textContent = "No results shown.";
  byId("results").replaceChildren();
  byId("pagination").replaceChildren();
  byId("facet-groups").replaceChildren();
}

function renderResults(response, tiers) {
  const state = search.state;
  const first = (state.page - 1) * state.size + 1;
  const last = first + response.results.length - 1;
  byId("summary").replaceChildren(response.total === 0
    ? "No candidates match this search."
    : h("span", {}, h("strong", { text: plural(response.total, "candidate") }),
      response.nearMatches > 0 ? ` (the last ${response.nearMatches} holding most of the words but not all)` : null,
      response.results.length > 0 ? ` · showing ${first}–${last}` : " · no results on this page",
      h("span", { class: "muted", text: ` · ${response.tookMs.toFixed(1)} ms` })));
  const list = byId("results");
  list.replaceChildren(...response.results.map(hit => resultCard(hit, tiers)));
  if (response.total === 0) {
    list.append(h("li", { class: "empty" },
      h("p", { text: "Nobody matches all of this. Remove a filter or use fewer or broader words." })));
  }
  renderPagination(response.total);
  renderFacets(response.facets);
}

function resultCard(hit, tiers) {
  const matches = hit.matches || { skills: [], topics: [], venues: [] };
  const why = [
    ...matches.topics.map(t => h("li", { class: "tag tag-topic" }, h("span", { class: "tag-kind", text: "topic" }), t)),
    ...matches.venues.map(v => h("li", { class: "tag tag-venue" }, h("span", { class: "tag-kind", text: "venue" }), `${v.venue} × ${v.count}`)),
  ];
  const role = [hit.title, hit.employer].filter(Boolean).join(" at ");
  const skills = hit.skills || [];
  return h("li", { class: "card result", "data-candidate-id": hit.id },
    h("div", { class: "card-head" },
      h("h3", { class: `candidate-name${hit.name ? "" : " unnamed"}` }, h("a", { href: `/candidates/${hit.id}`, "data-nav": true, text: hit.displayName || hit.name || "Name not stated" })),
      hit.fit != null
        ? h("span", { class: `fit fit-${(hit.fitLabel || "").toLowerCase()}`, title: "Share of what this search asks that the candidate shows", text: `${hit.fitLabel} match · ${hit.fit}%` })
        : null),
    hit.nearMatch ? h("p", { class: "muted near-match", text: "Near match: holds most of the search's words, not every one" }) : null,
    role || hit.location
      ? h("p", { class: "role-line" }, role ? h("span", { class: "role", text: role }) : null, hit.location ? h("span", { class: "location", text: hit.location }) : null)
      : null,
    hit.highlights && hit.highlights.length > 0
      ? h("ul", { class: "highlights", "aria-label": "Why this candidate" }, hit.highlights.map(line => h("li", { text: line })))
      : null,
    skills.length > 0
      ? h("div", { class: "why" }, h("span", { class: "why-label", text: "Skills" }),
        h("ul", { class: "tags", "aria-label": "Top skills; the ones this search asks for are marked" },
          skills.map(s => h("li", { class: `tag tag-skill${s.matched ? " matched" : ""}`, title: s.matched ? "Asked for in this search" : null }, s.matched ? "✓ " : null, s.name))))
      : null,
    why.length > 0 ? h("div", { class: "why" }, h("span", { class: "why-label", text: "Matched" }), h("ul", { class: "tags", "aria-label": "Matched topics and venues" }, why)) : null,
    hit.evidence.length > 0
      ? h("div", { class: "evidence" },
        h("span", { class: "why-label", text: "Supporting papers" }),
        h("ul", { class: "papers" }, hit.evidence.map(e => paperLine(e, tiers))))
      : null);
}

/** Downloads this search's candidates (up to 1,000) as CSV, with the stored key when there is one. */
async function exportResults() {
  const params = searchParams({ ...search.state, page: 1 });
  params.delete("size");
  params.set("format", "csv");
  const headers = { "X-Talent-Request": "1" };
  const key = localStorage.getItem(API_KEY_STORAGE);
  if (key) headers["X-Api-Key"] = key;
  try {
    const response = await fetch("/api/search/export?" + params.toString(), { headers });
    if (!response.ok) throw new ApiError(response.status, `The export failed (HTTP ${response.status}).`);
    const url = URL.createObjectURL(await response.blob());
    const link = h("a", { href: url, download: "talent-search.csv", hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (error) {
    showNotice(error.message || "The export failed.");
  }
}

function paperLine(paper, tiers) {
  return h("li", { class: "paper" },
    h("span", { class: "paper-title", text: paper.title }),
    h("span", { class: "paper-meta" },
      paper.venue ? venueBadge(paper.venue, tiers) : null,
      paper.year ? h("span", { class: "year", text: String(paper.year) }) : null,
      paper.firstAuthor ? h("span", { class: "first-author", title: "First author", text: "1st author" })
        : paper.lastAuthor ? h("span", { class: "last-author", title: "Last author: the senior author's place in most fields", text: "last author" }) : null));
}

function venueBadge(venue, tiers) {
  const info = tiers && tiers.get(venue);
  const tier = info ? info.tier : null;
  const tierClass = tier ? "tier-" + tier.replace("*", "star").toLowerCase() : "tier-none";
  return h("span", { class: `venue ${tierClass}`, title: info ? `${info.fullName || venue} · tier ${tier}` : venue },
    h("span", { class: "venue-name", text: venue }),
    tier ? h("span", { class: "tier", "aria-label": `tier ${tier}`, text: tier }) : null);
}

function renderPagination(total) {
  const state = search.state;
  const pages = Math.max(1, Math.ceil(total / state.size));
  const nav = byId("pagination");
  nav.replaceChildren();
  if (pages <= 1 && state.page <= 1) return;
  const link = (page, text, label, current) => page < 1 || page > pages
    ? h("span", { class: "page disabled", "aria-disabled": "true", text })
    : h("a", { class: "page", href: searchUrl({ ...state, page }), "aria-label": label, "aria-current": current ? "page" : null, text,
      onclick: event => {
        if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
        event.preventDefault();
        submitSearch({ page });
        byId("results-title").scrollIntoView({ block: "start" });
      } });
  const numbers = [];
  for (let page = Math.max(1, state.page - 2); page <= Math.min(pages, state.page + 2); page++) {
    numbers.push(link(page, String(page), `Page ${page}`, page === state.page));
  }
  nav.append(link(state.page - 1, "← Previous", "Previous page"), ...numbers, link(state.page + 1, "Next →", "Next page"),
    h("span", { class: "muted page-count", text: `page ${state.page} of ${pages}` }));
}

function renderFacets(facets) {
  const state = search.state;
  const groups = [];
  const same = (a, b) => a.toLowerCase() === b.toLowerCase();
  for (const { kind, label, facet, extraFacets } of FILTERS) {
    for (const group of [{ label, facet }, ...(extraFacets || [])]) {
      groups.push(facetGroup(group.label, facets[group.facet] || [], value => state[kind].some(v => same(v, value)),
        (value, active) => submitSearch({ [kind]: active ? state[kind].filter(v => !same(v, value)) : [...state[kind], value], page: 1 })));
    }
  }
  groups.push(facetGroup("Experience", facets.experience || [],
    value => EXPERIENCE[value] && state.min_years === EXPERIENCE[value][0] && state.max_years === EXPERIENCE[value][1],
    (value, active) => submitSearch({ min_years: active ? "" : EXPERIENCE[value][0], max_years: active ? "" : EXPERIENCE[value][1], page: 1 })));
  // A year's count is of candidates with a paper in that year, so choosing it asks for papers in that year.
  const years = [...(facets.years || [])].sort((a, b) => Number(b.value) - Number(a.value));
  groups.push(facetGroup("Papers in", years, value => state.since === value && state.until === value,
    (value, active) => submitSearch({ since: active ? "" : value, until: active ? "" : value, page: 1 }), count => `${plural(count, "candidate")} with papers that year`));
  byId("facet-groups").replaceChildren(...groups.filter(Boolean));
}

function facetGroup(label, values, isActive, toggle, describe) {
  if (values.length === 0) return null;
  const id = "facet-" + label.toLowerCase().replace(/[^a-z]+/g, "-");
  const items = values.map((v, index) => {
    const active = isActive(v.value);
    return h("li", { hidden: index >= FACET_VISIBLE && !active },
      h("button", { type: "button", class: "facet-value", "aria-pressed": active ? "true" : "false",
        title: describe ? describe(v.count) : `${plural(v.count, "candidate")}`, onclick: () => toggle(v.value, active) },
      h("span", { class: "facet-label", text: v.value }), h("span", { class: "count", "aria-label": plural(v.count, "candidate"), text: v.count.toLocaleString("en") })));
  });
  const list = h("ul", { class: "facet-values", id: id + "-values" }, items);
  const more = values.length > FACET_VISIBLE
    ? h("button", { type: "button", class: "link-button", "aria-controls": list.id, "aria-expanded": "false", text: `Show all ${values.length}`,
      onclick: event => {
        const expanded = event.target.getAttribute("aria-expanded") === "true";
        items.forEach((item, index) => { if (index >= FACET_VISIBLE) item.hidden = expanded; });
        event.target.setAttribute("aria-expanded", expanded ? "false" : "true");
        event.target.textContent = expanded ? `Show all ${values.length}` : "Show fewer";
      } })
    : null;
  return h("section", { class: "facet", "aria-labelledby": id }, h("h3", { id, text: label }), list, more);
}

// ---------------------------------------------------------------- candidate view

async function candidateView(id) {
  search = null;
  const back = h("a", { class: "back", href: sessionStorage.getItem(LAST_SEARCH_STORAGE) || "/", "data-nav": true, text: "← Back to search" });
  const body = h("div", { id: "candidate", "aria-busy": "true" }, h("p", { class: "muted", text: "Loading profile…" }));
  setView("Candidate — Talent", h("div", { class: "candidate-page" }, h("p", { class: "back-row" }, back), body));
  const load = async () => {
    try {
      const [details, tiers] = await Promise.all([api(`/api/candidates/${id}`, "open candidate profiles"), loadVenueTiers()]);
      if (!body.isConnected) return;
      body.removeAttribute("aria-busy");
      renderCandidate(body, details, tiers);
    } catch (error) {
      if (!body.isConnected) return;
      body.removeAttribute("aria-busy");
      body.replaceChildren(h("p", { class: "message error", role: "alert", text: error.status === 404 ? `There is no candidate with id ${id}. The profile may have been removed.` : error.message }));
      if (error.status !== 404) showProblem(error, load);
    }
  };
  await load();
}

function renderCandidate(container, details, tiers) {
  const profile = details.profile;
  const sources = details.sources;
  const number = new Map(sources.map((s, i) => [s.sourceId, i + 1]));
  const reasons = new Map(details.merges.map(m => [m.sourceId, m.reason]));
  const marks = ids => {
    const list = [...new Set(ids)].filter(id => number.has(id)).sort((a, b) => number.get(a) - number.get(b));
    if (list.length === 0) return null;
    return h("span", { class: "sources-marks" }, list.map(id =>
      h("a", { class: "src", href: `#source-${number.get(id)}`, title: id, "aria-label": `source ${number.get(id)}: ${id}`, text: String(number.get(id)) })));
  };
  // Which sources state a plain fact (skill, e-mail …): the merged profile keeps the value, each source its own list.
  const statedBy = (select, value) => sources.filter(s => (select(s.profile) || []).some(v => String(v).toLowerCase() === String(value).toLowerCase())).map(s => s.sourceId);
  const scalarBy = (select, value) => sources.filter(s => select(s.profile) && select(s.profile) === value).map(s => s.sourceId);

  document.title = `${profile.name || "Name not stated"} — Talent`;
  const heading = h("h1", { id: "candidate-name", tabindex: "-1", text: profile.name || "Name not stated" });
  // The current role: one without an end (or ending "present"), else the latest.
  const roles = profile.experience.map(e => e.value);
  const current = roles.find(r => r.start && (!r.end || /present|now|current/i.test(r.end))) || null;
  const role = current ? [current.title, current.organization].filter(Boolean).join(" at ") : "";
  const contacts = [
    ...profile.emails.map(e => h("li", {}, h("span", { class: "contact-kind", text: "E-mail" }), h("a", { href: `mailto:${e}`, text: e }), marks(statedBy(p => p.emails, e)))),
    ...profile.homepages.map(u => h("li", {}, h("span", { class: "contact-kind", text: "Homepage" }), externalLink(u), marks(statedBy(p => p.homepages, u)))),
    ...profile.links.map(u => h("li", {}, h("span", { class: "contact-kind", text: "Link" }), externalLink(u), marks(statedBy(p => p.links, u)))),
    ...profile.phones.map(p => h("li", {}, h("span", { class: "contact-kind", text: "Phone" }), h("span", { text: p }), marks(statedBy(x => x.phones, p)))),
  ];
  const metrics = profile.metrics || {};
  const head = h("header", { class: "profile-head card" },
    heading,
    profile.headline ? h("p", { class: "headline", text: profile.headline }) : null,
    profile.summary ? h("p", { class: "about-text", "aria-label": "Summary", text: profile.summary }) : null,
    role ? h("p", { class: "role-line" }, h("span", { class: "role", text: role }), current.location && !profile.location ? h("span", { class: "location", text: current.location }) : null) : null,
    h("p", { class: "profile-facts" },
      profile.location ? h("span", {}, profile.location, marks(scalarBy(p => p.location, profile.location))) : null,
      h("span", { text: plural(profile.publications.length, "publication") }),
      metrics.hIndex != null ? h("span", { text: `h-index ${metrics.hIndex}` }) : null,
      metrics.citations != null ? h("span", { text: `${metrics.citations.toLocaleString("en")} citations` }) : null,
      h("span", { text: plural(sources.length, "source") })),
    contacts.length > 0 ? h("ul", { class: "contacts", "aria-label": "Contact" }, contacts) : null);

  const topicSection = (p, stated) => p.topics.length === 0 ? null : h("section", { class: "card", "aria-labelledby": "h-topic" },
    h("h2", { id: "h-topic", text: "Research topics" }),
    h("ul", { class: "topic-list" }, p.topics.map(t => {
      const all = (p.topicEvidence || []).filter(e => e.value.topic === t).map(e => e.value);
      const evidence = all.filter((e, i) => all.findIndex(o => o.kind === e.kind) === i).map(describeEvidence); // the first of each kind
      return h("li", {}, h("span", { class: "tag tag-topic", text: t }), marks(stated(x => x.topics, t)),
        evidence.length > 0 ? h("div", { class: "muted evidence", text: "from " + evidence.join("; ") }) : null);
    })));

  const tagSection = (title, values, select, kind) => values.length === 0 ? null : h("section", { class: "card", "aria-labelledby": `h-${kind}` },
    h("h2", { id: `h-${kind}`, text: title }),
    h("ul", { class: "tags" }, values.map(v => h("li", { class: `tag tag-${kind}` }, v, marks(statedBy(select, v))))));

  const side = h("div", { class: "profile-side" },
    sourcesSection(sources, reasons),
    tagSection("Skills", profile.skills, p => p.skills, "skill"),
    topicSection(profile, statedBy),
    profile.interests.length === 0 ? null : h("section", { class: "card", "aria-labelledby": "h-interests" },
      h("h2", { id: "h-interests", text: "Interests" }),
      h("ul", { class: "plain" }, profile.interests.map(i => h("li", {}, i, marks(statedBy(p => p.interests, i)))))));

  const experience = profile.experience.length === 0 ? null : h("section", { class: "card", "aria-labelledby": "h-experience" },
    h("h2", { id: "h-experience", text: "Experience" }),
    h("ul", { class: "timeline" }, profile.experience.map(({ value: e, sources: ids }) => h("li", {},
      h("div", { class: "entry-head" }, h("strong", { text: [e.title, e.organization].filter(Boolean).join(" · ") || "Role" }), marks(ids)),
      h("div", { class: "muted", text: [period(e.start, e.end), e.location].filter(Boolean).join(" · ") }),
      e.highlights && e.highlights.length ? h("ul", { class: "highlights" }, e.highlights.map(x => h("li", { text: x }))) : null))));

  // Older stored profiles have no projects: a missing list is an empty one.
  const projectList = profile.projects || [];
  const projects = projectList.length === 0 ? null : h("section", { class: "card", "aria-labelledby": "h-projects" },
    h("h2", { id: "h-projects", text: "Projects" }),
    h("ul", { class: "timeline" }, projectList.map(({ value: p, sources: ids }) => h("li", {},
      h("div", { class: "entry-head" }, p.url ? h("strong", {}, externalLink(p.url, p.name)) : h("strong", { text: p.name }), marks(ids)),
      p.description ? h("div", { text: p.description }) : null))));

  const education = profile.education.length === 0 ? null : h("section", { class: "card", "aria-labelledby": "h-education" },
    h("h2", { id: "h-education", text: "Education" }),
    h("ul", { class: "timeline" }, profile.education.map(({ value: e, sources: ids }) => h("li", {},
      h("div", { class: "entry-head" }, h("strong", { text: [e.degree, e.field].filter(Boolean).join(", ") || "Studies" }), marks(ids)),
      h("div", { text: e.institution || "" }),
      h("div", { class: "muted", text: [period(e.start, e.end), e.advisor ? `advisor ${e.advisor}` : null].filter(Boolean).join(" · ") })))));

  const main = h("div", { class: "profile-main" }, publicationsSection(profile, tiers, marks), experience, projects, education);
  container.replaceChildren(head, h("div", { class: "profile-layout" }, main, side));
  heading.focus();
}

function externalLink(address, label) {
  const href = /^[a-z]+:\/\//i.test(address) ? address : "https://" + address;
  const text = label || address;
  return /^https?:\/\//i.test(href) ? h("a", { href, rel: "noopener noreferrer", target: "_blank", text }) : h("span", { text });
}

function period(start, end) {
  if (!start && !end) return null;
  return `${start || "?"} – ${end || "present"}`;
}

function sourcesSection(sources, reasons) {
  return h("section", { class: "card", "aria-labelledby": "h-sources", id: "sources" },
    h("h2", { id: "h-sources", text: `Sources (${sources.length})` }),
    h("p", { class: "muted small", text: "Every document merged into this profile. The numbers beside each fact say which sources state it." }),
    h("ol", { class: "source-list" }, sources.map((s, i) => h("li", { id: `source-${i + 1}`, class: "source" },
      h("span", { class: "src src-big", "aria-hidden": "true", text: String(i + 1) }),
      h("div", {},
        h("div", { class: "source-id" }, s.uri ? externalLink(s.uri) : h("span", { text: s.sourceId })),
        s.uri ? h("div", { class: "muted small", text: s.sourceId }) : null,
        h("div", { class: "muted small", text: `${s.contentType} · version ${s.version} · received ${new Date(s.receivedAt).toISOString().slice(0, 10)}` }),
        h("div", { class: "small merge-reason", text: reasons.has(s.sourceId) ? `Merged: ${reasons.get(s.sourceId)}` : "First source of this profile" }),
        s.profile && s.profile.partial ? h("div", { class: "small partial-reason", text: `Stored as partial: ${s.profile.partial}` }) : null)))));
}

function publicationsSection(profile, tiers, marks) {
  const byYear = new Map();
  for (const merged of profile.publications) {
    const year = merged.publication.year || "Year unknown";
    if (!byYear.has(year)) byYear.set(year, []);
    byYear.get(year).push(merged);
  }
  const years = [...byYear.keys()].sort((a, b) => (typeof b === "number" ? b : -1) - (typeof a === "number" ? a : -1));
  const name = (profile.name || "").toLowerCase();
  return h("section", { class: "card", "aria-labelledby": "h-publications" },
    h("h2", { id: "h-publications", text: `Publications (${profile.publications.length})` }),
    profile.publications.length === 0 ? h("p", { class: "muted", text: "No publications in any source." }) : null,
    years.map(year => h("section", { class: "year-group", "aria-labelledby": `year-${year}`.replace(/\s+/g, "-") },
      h("h3", { id: `year-${year}`.replace(/\s+/g, "-"), class: "year-heading", text: String(year) }),
      h("ul", { class: "publications" }, byYear.get(year).map(({ publication: p, claims }) => h("li", { class: "publication" },
        h("div", { class: "paper-title", text: p.title }),
        p.authors.length ? h("div", { class: "authors" }, p.authors.map((a, i) => [i > 0 ? ", " : null, a.toLowerCase() === name ? h("strong", { text: a }) : a])) : null,
        h("div", { class: "paper-meta" },
          p.venue ? venueBadge(p.venue, tiers) : h("span", { class: "muted", text: "no venue" }),
          p.kind && p.kind !== "unknown" ? h("span", { class: "kind", text: p.kind }) : null,
          p.firstAuthor ? h("span", { class: "first-author", title: "First author", text: "1st author" }) : null,
          (p.awards || []).map(a => h("span", { class: "award", text: a })),
          marks(claims.map(c => c.sourceId))),
        claims.length > 1 ? h("ul", { class: "claims small", "aria-label": "What each source says about this paper" }, claims.map(c =>
          h("li", {}, marks([c.sourceId]), h("span", { class: "muted", text: ` ${c.venueRaw || c.venue || "no venue"}${c.year && !(c.venueRaw || "").includes(String(c.year)) ? ` · ${c.year}` : ""}` })))) : null))))));
}

// ---------------------------------------------------------------- rejected documents (admin)

async function rejectedView() {
  search = null;
  const body = h("div", { id: "rejected", "aria-busy": "true" }, h("p", { class: "muted", text: "Loading…" }));
  setView("Rejected documents — Talent",
    h("div", { class: "page-narrow" },
      h("h1", { text: "Rejected documents", tabindex: "-1", id: "rejected-title" }),
      h("p", { class: "muted", text: "Documents whose latest version could not be used, newest first, with the reason. Fix the document and send it again with a higher version." }),
      body));
  const load = async () => {
    try {
      const rows = await api("/api/rejected?limit=200", "list rejected documents");
      if (!body.isConnected) return;
      body.removeAttribute("aria-busy");
      if (rows.length === 0) {
        body.replaceChildren(h("p", { class: "message", text: "No document has been rejected." }));
        return;
      }
      body.replaceChildren(h("div", { class: "table-scroll" },
        h("table", { class: "rejected" },
          h("caption", { class: "visually-hidden", text: "Rejected documents with their reasons" }),
          h("thead", {}, h("tr", {}, ["Source", "Reason", "Type", "Version", "Received"].map(c => h("th", { scope: "col", text: c })))),
          h("tbody", {}, rows.map(r => h("tr", {},
            h("td", { class: "source-id", "data-label": "Source", text: r.sourceId }),
            h("td", { class: "reason", "data-label": "Reason", text: r.reason }),
            h("td", { "data-label": "Type", text: r.contentType }),
            h("td", { "data-label": "Version", text: String(r.version) }),
            h("td", { "data-label": "Received", text: new Date(r.receivedAt).toISOString().replace("T", " ").slice(0, 16) + " UTC" })))))));
    } catch (error) {
      if (!body.isConnected) return;
      body.removeAttribute("aria-busy");
      body.replaceChildren(h("p", { class: "message error", role: "alert", text: error.message }));
      showProblem(error, load);
    }
  };
  await load();
}

// ---------------------------------------------------------------- start

setUpKeyForm();
setUpNavigation();
route();
