-- The peer's match query: hard filters, the weighted soft score, the top 300 (talentscan's
-- second_phase_size) and the same MMR diversity re-rank, in one statement.
-- Parameters (psycopg named placeholders, sent as a server-side prepared statement) come from
-- common.params(), talentscan's Prepared::new. Weights come from data/ranking/weights.json.
-- {GEO} is replaced by the radius predicate (or TRUE when the persona gives no origin):
--   p.box @> pt AND earth_distance(p.o, pt) <= radius  (GiST on pt answers p.box @> pt)
WITH RECURSIVE p AS MATERIALIZED (
    SELECT CASE WHEN %(words)s::text IS NULL THEN NULL
                -- any word may match (OR), as talentscan's lenient tantivy parse
                ELSE replace(plainto_tsquery('dutch', %(words)s::text)::text, '&', '|')::tsquery
           END AS q,
           -- the origin and its bounding box, computed once (a generic prepared plan would
           -- otherwise rebuild ll_to_earth(origin) for every row)
           ll_to_earth(%(lat)s::float8, %(lon)s::float8) AS o,
           earth_box(ll_to_earth(%(lat)s::float8, %(lon)s::float8), %(radius_m)s::float8) AS box
),
cand AS (
    SELECT id, org, role, main_cat, remote, lat, lon, slots, n_slots, any_moment, per_month,
           min_months, cats, skills, n_skills, learn, offers, support, first_step, tags,
           allowance, certificate, work_exp, tsv
    FROM p, task
    WHERE NOT remote
      AND {GEO}
      -- the hard filters (Prepared::allows_except_distance)
      AND (end_date IS NULL OR end_date >= current_date)
      AND load <= %(max_load)s::int AND lang <= %(max_lang)s::int
      AND (%(slots)s::int = 0 OR any_moment OR slots & %(slots)s::int <> 0)
      AND (%(hours_limit)s::float8 IS NULL OR hours <= %(hours_limit)s::float8)
      AND NOT (%(wheelchair)s::bool AND tags & 1 = 0)
    UNION ALL
    SELECT id, org, role, main_cat, remote, lat, lon, slots, n_slots, any_moment, per_month,
           min_months, cats, skills, n_skills, learn, offers, support, first_step, tags,
           allowance, certificate, work_exp, tsv
    FROM task
    WHERE remote
      AND (end_date IS NULL OR end_date >= current_date)
      AND load <= %(max_load)s::int AND lang <= %(max_lang)s::int
      AND (%(slots)s::int = 0 OR any_moment OR slots & %(slots)s::int <> 0)
      AND (%(hours_limit)s::float8 IS NULL OR hours <= %(hours_limit)s::float8)
),
f AS (
    SELECT c.id, c.org, c.role, c.main_cat,
        -- interest: sum of the person's weights over the task's categories, clamped to 0..1
        least(1.0, greatest(0.0,
            coalesce((%(interest)s::float8[])[c.cats[1]], 0) + coalesce((%(interest)s::float8[])[c.cats[2]], 0) +
            coalesce((%(interest)s::float8[])[c.cats[3]], 0) + coalesce((%(interest)s::float8[])[c.cats[4]], 0)))
            AS f_interest,
        CASE WHEN c.n_skills = 0 THEN 0.0
             ELSE bit_count((c.skills & %(skills)s::bigint)::bit(64))::float8 / c.n_skills END AS f_skill,
        CASE WHEN c.learn & %(learning)s::bigint <> 0 THEN 1.0 ELSE 0.0 END AS f_learn,
        -- motive: the task's offers distribution dotted with the person's motives
        c.offers[1] * (%(motives)s::float8[])[1] + c.offers[2] * (%(motives)s::float8[])[2] +
        c.offers[3] * (%(motives)s::float8[])[3] + c.offers[4] * (%(motives)s::float8[])[4] +
        c.offers[5] * (%(motives)s::float8[])[5] + c.offers[6] * (%(motives)s::float8[])[6] AS f_motive,
        CASE WHEN c.any_moment OR %(slots)s::int = 0 THEN 1.0
             ELSE bit_count((c.slots & %(slots)s::int)::bit(32))::float8 / greatest(c.n_slots, 1) END AS f_time,
        (CASE WHEN %(per_month)s::float8 IS NOT NULL AND c.per_month > %(per_month)s::float8
              THEN %(per_month)s::float8 / c.per_month ELSE 1.0 END)
          * (CASE WHEN %(short)s::bool AND c.min_months > 3 THEN 0.5 ELSE 1.0 END) AS f_commitment,
        -- distance: exp(-km / scale) with talentscan's planar km; remote tasks remote_value;
        -- NULL (inactive) for on-site tasks when the person gave no origin
        CASE WHEN c.remote THEN %(remote_value)s::float8
             WHEN %(lat)s::float8 IS NULL THEN NULL
             ELSE exp(-(6371.0088 * pi() / 180.0) * sqrt((c.lat - %(lat)s::float8) ^ 2
                        + ((c.lon - %(lon)s::float8) * %(cos_lat)s::float8) ^ 2) / %(scale_km)s::float8)
        END AS f_distance,
        CASE WHEN c.first_step THEN greatest(c.support, 2.0 / 3.0) ELSE c.support END AS f_first_step,
        c.allowance AS f_allowance,
        CASE WHEN c.certificate THEN 1.0 ELSE 0.0 END AS f_certificate,
        CASE WHEN c.work_exp THEN %(work_factor)s::float8 ELSE 0.0 END AS f_work,
        least(%(wanted)s::int,
              bit_count(((c.tags & %(tags)s::int & ~6))::bit(8))
              + CASE WHEN %(tags)s::int & 6 <> 0 AND c.tags & %(tags)s::int & 6 <> 0 THEN 1 ELSE 0 END
              + CASE WHEN %(wheelchair)s::bool AND c.remote AND c.tags & 1 = 0 THEN 1 ELSE 0 END
        )::float8 / %(wanted)s::int AS f_access,
        CASE WHEN p.q IS NULL THEN 0.0
             WHEN c.tsv @@ p.q THEN ts_rank('{0, 0.5, 0.5, 1.0}', c.tsv, p.q)  -- title boost 2
             ELSE 0.0 END AS rank
    FROM cand c CROSS JOIN p
),
s AS (
    SELECT id, org, role, main_cat,
        ( %(w_interest)s::float8 * f_interest + %(w_skill)s::float8 * f_skill
        + %(w_learn)s::float8 * f_learn + %(w_motive)s::float8 * f_motive
        + %(w_time)s::float8 * f_time + %(w_commitment)s::float8 * f_commitment
        + coalesce(%(w_distance)s::float8 * f_distance, 0)
        + CASE WHEN %(first_step)s::bool THEN %(w_first_step)s::float8 * f_first_step ELSE 0 END
        + CASE WHEN %(allowance)s::bool THEN %(w_allowance)s::float8 * f_allowance ELSE 0 END
        + CASE WHEN %(certificate)s::bool THEN %(w_certificate)s::float8 * f_certificate ELSE 0 END
        + CASE WHEN %(work_factor)s::float8 > 0 THEN %(w_work)s::float8 * f_work ELSE 0 END
        + CASE WHEN %(tags)s::int <> 0 THEN %(w_access)s::float8 * f_access ELSE 0 END
        -- text: ts_rank normalised by the best candidate (talentscan: BM25 / best hit)
        + CASE WHEN %(words)s::text IS NOT NULL
               THEN %(w_text)s::float8 * coalesce(rank / nullif(max(rank) OVER (), 0), 0) ELSE 0 END
        ) / (%(den)s::float8 + CASE WHEN f_distance IS NULL THEN 0 ELSE %(w_distance)s::float8 END)
        AS score
    FROM f
),
top AS MATERIALIZED (
    -- the first-phase order: score rounded to 6 decimals, ties by id
    SELECT * FROM s ORDER BY round(score * 1e6) DESC, id LIMIT %(k2)s::int
),
mmr (step, id, score, ids, orgs, roles, cats) AS (
    SELECT 0, NULL::text COLLATE "C", NULL::float8, ARRAY[]::text[] COLLATE "C", ARRAY[]::text[], ARRAY[]::text[], ARRAY[]::smallint[]
    UNION ALL
    SELECT m.step + 1, c.id::text, c.score, m.ids || c.id::text, m.orgs || c.org, m.roles || c.role,
           m.cats || c.main_cat
    FROM mmr m
    CROSS JOIN LATERAL (
        SELECT t.id, t.org, t.role, t.main_cat, t.score
        FROM top t
        WHERE t.id <> ALL (m.ids)
        ORDER BY round((t.score * (1 - (1 - %(lambda)s::float8) * greatest(
                    CASE WHEN t.org = ANY (m.orgs) THEN %(sim_org)s::float8 ELSE 0 END,
                    CASE WHEN t.role IS NOT NULL AND t.role = ANY (m.roles) THEN %(sim_role)s::float8 ELSE 0 END,
                    CASE WHEN t.main_cat = ANY (m.cats) THEN %(sim_cat)s::float8 ELSE 0 END))) * 1e6) DESC,
                 t.id
        LIMIT 1
    ) c
    WHERE m.step < %(limit)s::int
)
SELECT id, score FROM mmr WHERE step > 0 ORDER BY step
