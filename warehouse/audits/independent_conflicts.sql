-- severity: warning
-- protects: no quantity is reported differently by two or more independent outlets
--
-- The conflicting claim groups with at least two independent outlets (outlets counted once per
-- wire text). Such conflicts are findings a fact-checker wants published: they warn, never block.
SELECT group_id, event_id, subject, n_independent FROM claim_groups
WHERE status = 'conflict' AND n_independent >= 2
