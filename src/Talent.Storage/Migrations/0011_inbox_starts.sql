-- How many starts of the worker have submitted an inbox entry again. A document that crashes or stalls the worker
-- would otherwise be submitted at every start for ever; past a few starts it is recorded as rejected instead.
ALTER TABLE inbox ADD COLUMN starts INTEGER NOT NULL DEFAULT 0;
