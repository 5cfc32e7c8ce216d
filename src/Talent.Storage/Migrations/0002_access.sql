-- API keys: only a SHA-256 hash of each key is stored; the prefix identifies a key in listings.
CREATE TABLE api_keys (
    id INTEGER PRIMARY KEY,
    key_hash TEXT NOT NULL UNIQUE,
    prefix TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('recruiter', 'admin')),
    name TEXT,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);

-- Who searched what and who opened which candidate. key_id is null for anonymous local use.
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    key_id INTEGER,
    client TEXT,
    action TEXT NOT NULL,
    detail TEXT
);
CREATE INDEX audit_at ON audit (at);

-- The candidates an audited request returned or opened; erasing a candidate deletes their rows here,
-- while the audit row (that the access happened) stays.
CREATE TABLE audit_candidates (
    audit_id INTEGER NOT NULL REFERENCES audit (id),
    candidate_id INTEGER NOT NULL,
    PRIMARY KEY (audit_id, candidate_id)
);
CREATE INDEX audit_candidates_candidate ON audit_candidates (candidate_id);
