-- Where an erasure looked in the message broker and what it removed there (counts and queue names only).
-- broker: NULL until the worker has looked; 'in-memory' when the bus has no broker; else the queues it searched.
ALTER TABLE erasures ADD COLUMN broker TEXT NULL;
ALTER TABLE erasures ADD COLUMN broker_examined INTEGER NULL;
ALTER TABLE erasures ADD COLUMN broker_removed INTEGER NULL;
ALTER TABLE erasures ADD COLUMN broker_failure TEXT NULL;
