-- An erasure whose work outside SQLite (the pass over the broker's error queues, the index purge) is not finished yet,
-- with what that work recognises the person by (source ids, e-mail addresses, phone numbers, homepages). Written in
-- the erasure's own transaction and deleted (secure_delete, then a log checkpoint) as soon as that work is done, so a
-- worker stopped in between finishes it when it starts again; nothing of the person stays once it has.
CREATE TABLE erasure_pending (
    erasure_id INTEGER PRIMARY KEY REFERENCES erasures(id),
    person     TEXT NOT NULL
);
