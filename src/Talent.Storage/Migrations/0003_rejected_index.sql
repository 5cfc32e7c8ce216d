-- An index on status matched nearly every row for status = 'accepted', yet SQLite preferred it to the candidate
-- index for "this candidate's accepted sources": a scan of every source per lookup, slower with every document
-- stored. Rejected documents, the only status listed by itself, get a partial index of their own instead.
DROP INDEX sources_status;
CREATE INDEX sources_rejected ON sources(received_at DESC, source_id) WHERE status = 'rejected';
