-- Sources flagged for review (a page whose e-mails or addresses point at several people, linked to nobody) that an
-- erasure deleted because they held the person's contact details, like the rejected documents it deletes.
ALTER TABLE erasures ADD COLUMN flagged_sources INTEGER NOT NULL DEFAULT 0;
