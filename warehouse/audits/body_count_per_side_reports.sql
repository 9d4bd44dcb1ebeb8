-- severity: critical
-- protects: one per-side body count satisfies every outlet that states one, however claims group
--
-- The same question asked of the claims themselves, so that no grouping decision can hide a
-- disagreement: per event, is there one per-side number that every outlet stating an explicit
-- per-side body count allows? An outlet's claims are alternatives (any of them may hold).
-- Testing the intervals' low ends suffices: where intervals overlap most, one of them begins.
WITH claims AS (
    SELECT a.event_id, o.outlet_key AS outlet,
           c.compare_low AS lo, coalesce(c.compare_high, 1e308) AS hi, c.quote
    FROM numeric_claims c
    JOIN articles a USING (article_id)
    JOIN article_outlets o USING (article_id)
    WHERE c.subject_key = 'body' AND c.kind = 'count' AND c.compare_low IS NOT NULL
      AND (c.scope = 'per_side' OR (c.scope = 'total' AND c.per_side_value IS NOT NULL))
),
outlets AS (
    SELECT event_id, count(DISTINCT outlet) AS n_outlets,
           string_agg(DISTINCT outlet || ' says ' || quote, ' | ') AS reports
    FROM claims GROUP BY event_id
),
support AS (
    SELECT p.event_id, p.lo AS value, count(DISTINCT c.outlet) AS n_allowing
    FROM (SELECT DISTINCT event_id, lo FROM claims) p
    JOIN claims c ON c.event_id = p.event_id AND p.lo BETWEEN c.lo AND c.hi
    GROUP BY ALL
)
SELECT o.event_id, o.n_outlets, max(s.n_allowing) AS most_outlets_agreeing,
       max(s.n_allowing) = o.n_outlets AS agree, o.reports
FROM outlets o JOIN support s USING (event_id)
WHERE o.n_outlets >= 2
GROUP BY o.event_id, o.n_outlets, o.reports
