-- Accepted documents stored as partial (readable text that states none of the profile facts, kept with its opening
-- text): the reason, so they can be listed beside the rejected ones (`talent admin partial`, GET /api/partial). Filled
-- when a source is stored; sources stored before are filled from the profile they were stored with.
ALTER TABLE sources ADD COLUMN partial_reason TEXT NULL;
UPDATE sources SET partial_reason = json_extract(profile_json, '$.partial')
WHERE status = 'accepted' AND instr(profile_json, '"partial":') > 0 AND json_valid(profile_json);
CREATE INDEX sources_partial ON sources(received_at DESC, source_id) WHERE partial_reason IS NOT NULL;
