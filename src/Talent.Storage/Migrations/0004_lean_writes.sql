-- Every stored document wrote its candidate's publications, skills and topics into tables of their own that
-- nothing read (the candidate's profile_json holds them): they go.
DROP TABLE publications;
DROP TABLE skills;
DROP TABLE topics;

-- Identity keys are looked up by kind and value: the table is now that lookup, ordered by it, instead of a row
-- table with a primary key and a lookup index beside it, so storing a key writes one index entry in random
-- order instead of two. A source's keys are found through its candidate (every key is stored under the
-- candidate of its source).
CREATE TABLE identity_keys_by_value (
    kind         TEXT NOT NULL,
    value        TEXT NOT NULL,
    source_id    TEXT NOT NULL,
    candidate_id INTEGER NOT NULL,
    PRIMARY KEY (kind, value, source_id)
) WITHOUT ROWID;
INSERT INTO identity_keys_by_value (kind, value, source_id, candidate_id)
SELECT kind, value, source_id, candidate_id FROM identity_keys;
DROP TABLE identity_keys;
ALTER TABLE identity_keys_by_value RENAME TO identity_keys;
CREATE INDEX identity_keys_candidate ON identity_keys(candidate_id);
