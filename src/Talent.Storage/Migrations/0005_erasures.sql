-- What each erasure removed, by place, without personal data: `talent admin erasure-report ID` prints it. One row per
-- removal (a candidate erased through the HTTP API is one removal per source document, each under the candidate's id).
CREATE TABLE erasures (
    id                INTEGER PRIMARY KEY,
    erased_at         TEXT NOT NULL,
    scope             TEXT NOT NULL CHECK (scope IN ('candidate', 'source')),
    candidate_id      INTEGER NULL,
    accepted_sources  INTEGER NOT NULL,
    rejected_sources  INTEGER NOT NULL,
    identity_keys     INTEGER NOT NULL,
    merges            INTEGER NOT NULL,
    audit_results     INTEGER NOT NULL,
    audit_texts       INTEGER NOT NULL,
    candidate_removed INTEGER NOT NULL,
    log_truncated     INTEGER NULL,
    index_purged      INTEGER NULL
);
CREATE INDEX erasures_candidate ON erasures(candidate_id);
