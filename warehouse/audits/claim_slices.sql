-- severity: critical
-- quarantines: article
-- protects in_body: offsets lie inside the article body
-- protects matches_body: the stored text is exactly the body slice, so every quote is verifiable
--
-- One row per numeric claim: do its offsets lie in its article's body, and is its quote that
-- slice? DuckDB's substring counts Unicode code points from 1, as Python slices count them
-- from 0.
SELECT c.article_id, c.claim_id AS id,
       c.start_char >= 0 AND c.end_char <= length(a.body) AND c.start_char < c.end_char
           AS in_body,
       substring(a.body, c.start_char + 1, c.end_char - c.start_char) = c.quote AS matches_body
FROM numeric_claims c JOIN articles a USING (article_id)
