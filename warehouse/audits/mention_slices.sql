-- severity: critical
-- quarantines: article
-- protects in_body: offsets lie inside the article body (a caption mention: inside its caption)
-- protects matches_body: the stored text is exactly the body slice, so every quote is verifiable
--
-- One row per entity mention: do its offsets lie in the text they index (the article's body,
-- or for a caption mention the article_parts text named by part_id), and is its text that
-- slice? DuckDB's substring counts Unicode code points from 1, as Python slices count them
-- from 0. A caption mention whose part is missing fails both.
SELECT article_id, id,
       coalesce(start_char >= 0 AND end_char <= length(indexed) AND start_char < end_char,
                FALSE) AS in_body,
       coalesce(substring(indexed, start_char + 1, end_char - start_char) = text, FALSE)
           AS matches_body
FROM (
    SELECT m.article_id, m.mention_id AS id, m.start_char, m.end_char, m.text,
           CASE WHEN m.part_id IS NULL THEN a.body ELSE p.text END AS indexed
    FROM entity_mentions m
    JOIN articles a USING (article_id)
    LEFT JOIN article_parts p ON p.part_id = m.part_id AND p.article_id = m.article_id
)
