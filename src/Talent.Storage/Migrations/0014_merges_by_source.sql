-- Re-grouping a source's component deletes its merge records by source id at every ingest: without this index that was
-- a scan of every merge record, so ingestion slowed down as the database grew (490 documents/s at the start of a
-- 100,000-person load, 308/s at its end).
CREATE INDEX IF NOT EXISTS merges_source ON merges(source_id);
