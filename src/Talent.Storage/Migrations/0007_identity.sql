-- Identity as a function of the current sources: links between two sources (each computed from the two alone),
-- decisions people made, and sources flagged for review. Candidates are re-derived from these, one connected
-- component at a time, whenever a source comes, changes or goes.
CREATE TABLE identity_links (
    source_a TEXT NOT NULL,
    source_b TEXT NOT NULL,
    strength INTEGER NOT NULL,
    weight   INTEGER NOT NULL,
    reason   TEXT NOT NULL,
    PRIMARY KEY (source_a, source_b)
) WITHOUT ROWID;
CREATE INDEX identity_links_b ON identity_links(source_b);

-- "These two sources are (together = 1) or are not one person", decided by someone; outranks every rule and is kept
-- across new versions, re-ingestion and reindex (it names sources, not candidates).
CREATE TABLE identity_decisions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    source_a   TEXT NOT NULL,
    source_b   TEXT NOT NULL,
    together   INTEGER NOT NULL,
    decided_by TEXT NOT NULL,
    decided_at TEXT NOT NULL
);
CREATE INDEX identity_decisions_a ON identity_decisions(source_a);
CREATE INDEX identity_decisions_b ON identity_decisions(source_b);

-- Sources that link to nobody because their strong keys reach several people (a lab page, a member list).
CREATE TABLE identity_flags (
    source_id TEXT PRIMARY KEY,
    reason    TEXT NOT NULL
) WITHOUT ROWID;

-- A name alone finds nobody any more: name keys give way to name-with-institution keys, written as sources are stored.
DELETE FROM identity_keys WHERE kind = 'name';
