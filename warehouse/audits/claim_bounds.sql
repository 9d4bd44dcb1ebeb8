-- severity: critical
-- quarantines: article
-- protects: a claim's value lies inside the interval its wording allows
--
-- One row per numeric claim: does its value lie between its low and high bounds? The relative
-- tolerance of 1e-9 keeps floating-point rounding at a bound from failing the check.
SELECT claim_id, article_id,
       (value_low IS NULL OR value IS NULL OR value >= value_low - 1e-9 * abs(value_low))
       AND (value_high IS NULL OR value IS NULL OR value <= value_high + 1e-9 * abs(value_high))
       AS value_within_bounds
FROM numeric_claims
