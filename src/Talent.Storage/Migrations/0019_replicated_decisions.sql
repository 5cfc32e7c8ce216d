-- Identity decisions travel between read replicas by their own id: a node that already holds a decision (the node that
-- took it, or one that received it before) records it once. Decisions taken before this migration have none.
ALTER TABLE identity_decisions ADD COLUMN decision_id TEXT;
CREATE INDEX identity_decisions_decision ON identity_decisions(decision_id);
