-- Anonymous counters for the neighbourhood figures (crate::insight): month|wijk|dimension
-- -> count. Nothing per person.
CREATE TABLE insight_counts (
    key text PRIMARY KEY,
    n   bigint NOT NULL
);
