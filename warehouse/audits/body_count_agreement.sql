-- severity: critical
-- protects: the outlets of an event that report the bodies returned per side agree on the number
--
-- The mission's check: per event, the groups of bodies returned per side, and whether the
-- outlets reporting them agree (their intervals meet). Single-outlet groups cannot disagree.
SELECT g.group_id, g.event_id, g.n_outlets, g.n_independent, g.status,
       g.consensus_low, g.consensus_high, g.status <> 'conflict' AS agree,
       string_agg(c.outlet_key || ' says ' || c.quotes, ' | ' ORDER BY c.outlet_key) AS reports
FROM claim_groups g JOIN claim_comparison c USING (group_id)
WHERE g.subject = 'body' AND g.kind = 'count' AND g.scope IN ('per_side', 'unknown')
  AND g.n_outlets >= 2
GROUP BY ALL
