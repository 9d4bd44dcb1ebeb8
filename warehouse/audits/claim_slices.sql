-- severity: critical
-- quarantines: article
-- protects in_body: offsets lie inside the article body (a headline or caption claim: inside its part)
-- protects matches_body: the stored text is exactly the body slice, so every quote is verifiable
--
-- One row per numeric claim: do its offsets lie in the text they index (the article's body,
-- or for a part claim the article_parts text named by part_id), and is its quote that slice?
-- DuckDB's substring counts Unicode code points from 1, as Python slices count them from 0.
-- A part claim whose part is missing fails both.
SELECT article_id, id,
       coalesce(start_char >= 0 AND end_char <= length(indexed) AND start_char < end_char,
                FALSE) AS in_body,
       coalesce(substring(indexed, start_char + 1, end_char - start_char) = quote, FALSE)
           AS matches_body
FROM (
    SELECT c.article_id, c.claim_id AS id, c.start_char, c.end_char, c.quote,
           CASE WHEN c.part_id IS NULL THEN a.body ELSE p.text END AS indexed
    FROM numeric_claims c
    JOIN articles a USING (article_id)
    LEFT JOIN article_parts p ON p.part_id = c.part_id AND p.article_id = c.article_id
)
