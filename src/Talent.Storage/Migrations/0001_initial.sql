-- Candidates: one row per person, with the merged profile as JSON (derived from their sources).
CREATE TABLE candidates (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    name         TEXT NULL,
    profile_json TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

-- Sources: the latest version of every document received, raw content kept for re-extraction.
CREATE TABLE sources (
    source_id        TEXT PRIMARY KEY,
    candidate_id     INTEGER NULL REFERENCES candidates(id),
    version          INTEGER NOT NULL,
    content_hash     TEXT NOT NULL,
    content_type     TEXT NOT NULL,
    content          TEXT NOT NULL,
    uri              TEXT NULL,
    status           TEXT NOT NULL CHECK (status IN ('accepted', 'rejected')),
    rejection_reason TEXT NULL,
    profile_json     TEXT NULL,
    received_at      TEXT NOT NULL
);
CREATE INDEX sources_candidate ON sources(candidate_id);
CREATE INDEX sources_status ON sources(status);

-- Identity evidence per accepted source (normalised e-mails, homepages, links, titles, names).
CREATE TABLE identity_keys (
    source_id    TEXT NOT NULL REFERENCES sources(source_id) ON DELETE CASCADE,
    candidate_id INTEGER NOT NULL,
    kind         TEXT NOT NULL,
    value        TEXT NOT NULL,
    PRIMARY KEY (source_id, kind, value)
);
CREATE INDEX identity_keys_lookup ON identity_keys(kind, value);
CREATE INDEX identity_keys_candidate ON identity_keys(candidate_id);

-- Why each source joined its candidate.
CREATE TABLE merges (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    candidate_id INTEGER NOT NULL,
    source_id    TEXT NOT NULL,
    reason       TEXT NOT NULL,
    merged_at    TEXT NOT NULL
);
CREATE INDEX merges_candidate ON merges(candidate_id);

-- Queryable facts of each candidate, rewritten whenever the candidate is re-derived.
CREATE TABLE publications (
    candidate_id INTEGER NOT NULL,
    title        TEXT NOT NULL,
    venue        TEXT NULL,
    year         INTEGER NULL,
    kind         TEXT NOT NULL,
    first_author INTEGER NOT NULL
);
CREATE INDEX publications_candidate ON publications(candidate_id);

CREATE TABLE skills (
    candidate_id INTEGER NOT NULL,
    skill        TEXT NOT NULL,
    PRIMARY KEY (candidate_id, skill)
);

CREATE TABLE topics (
    candidate_id INTEGER NOT NULL,
    topic        TEXT NOT NULL,
    PRIMARY KEY (candidate_id, topic)
);

-- Every change to a candidate, in order. The index records the last sequence it applied.
CREATE TABLE changes (
    sequence     INTEGER PRIMARY KEY AUTOINCREMENT,
    candidate_id INTEGER NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('upsert', 'delete')),
    changed_at   TEXT NOT NULL
);
