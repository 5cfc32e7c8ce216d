-- Shortlists: named lists of candidates a recruiting team keeps, each entry with tags and a note.
-- owner: who created the list, as the audit trail names callers ("API key tk_ab12cd", "anonymous (local)", "alice (command
-- line)"); owner_key_id: the API key, when one was used. Names are unique whatever their (ASCII) case.
CREATE TABLE shortlists (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    name         TEXT NOT NULL UNIQUE COLLATE NOCASE,
    owner        TEXT NOT NULL,
    owner_key_id INTEGER NULL,
    created_at   TEXT NOT NULL
);

-- One candidate on one list. tags: a JSON array of short lower-case labels. A candidate's entries go with the candidate
-- (erasure, or a candidate left without sources): the cascade below; a merge moves them to the surviving candidate first
-- (CandidateStore.RegroupAsync). The note is the only free text; erasure also scrubs notes that name an erased person.
CREATE TABLE shortlist_entries (
    shortlist_id INTEGER NOT NULL REFERENCES shortlists(id) ON DELETE CASCADE,
    candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
    tags         TEXT NOT NULL DEFAULT '[]',
    note         TEXT NULL,
    added_by     TEXT NOT NULL,
    added_at     TEXT NOT NULL,
    PRIMARY KEY (shortlist_id, candidate_id)
);
CREATE INDEX shortlist_entries_candidate ON shortlist_entries(candidate_id);

-- What each erasure removed from shortlists: the person's entries, and notes (on anyone's entry) that named them.
ALTER TABLE erasures ADD COLUMN shortlist_entries INTEGER NOT NULL DEFAULT 0;
ALTER TABLE erasures ADD COLUMN shortlist_notes INTEGER NOT NULL DEFAULT 0;
