-- Sentence vectors, computed behind ingestion. The backlog holds candidates whose profile was stored since their
-- vectors were last computed; a worker claims a batch for a lease (claimed_until) and deletes the rows once the
-- vectors are written, so a worker that dies mid-batch leaves its rows to be claimed again after the lease.
CREATE TABLE embedding_backlog (
    candidate_id  INTEGER PRIMARY KEY,
    enqueued_at   TEXT NOT NULL,
    claimed_until TEXT NULL
);

-- One vector per distinct text (title and abstract, or a candidate's own words), keyed by the hash of the exact
-- text embedded: an unchanged paper is never embedded again, whoever lists it, and a reindex reads vectors here.
CREATE TABLE text_vectors (
    text_key TEXT PRIMARY KEY,
    model    TEXT NOT NULL,
    vector   BLOB NOT NULL
);

-- Which vectors make up a candidate: their own words' key and [title, key] pairs of their publications.
CREATE TABLE candidate_vectors (
    candidate_id     INTEGER PRIMARY KEY,
    model            TEXT NOT NULL,
    profile_key      TEXT NULL,
    publication_keys TEXT NOT NULL,
    embedded_at      TEXT NOT NULL
);
