-- Documents answered 202 Accepted by POST /api/documents and not yet stored. A document is written here before the
-- answer and deleted in the transaction that stores it, so a process that dies in between loses nothing: the worker
-- submits what is left here again when it starts.
CREATE TABLE inbox (
    id           INTEGER PRIMARY KEY,
    source_id    TEXT NOT NULL,
    message_json TEXT NOT NULL,
    received_at  TEXT NOT NULL
);
