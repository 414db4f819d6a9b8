-- PostgreSQL peer of the talentscan matcher: one row per task, the attributes the hard
-- filters and the soft score read, precomputed at load time (like the matcher's columns).
-- Loaded by load.py with COPY; indexes are built after the COPY, then ANALYZE.
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;

DROP TABLE IF EXISTS task;
CREATE TABLE task (
    id          text COLLATE "C" PRIMARY KEY,   -- byte order, as the matcher breaks ties
    org         text NOT NULL,                  -- organisation id (diversity)
    role        text,                           -- role id or NULL (diversity)
    main_cat    smallint NOT NULL,              -- position of the first category (diversity)
    title       text NOT NULL,
    remote      boolean NOT NULL,               -- remote or without a location
    lat         float8,                         -- NULL when remote
    lon         float8,
    pt          earth GENERATED ALWAYS AS (ll_to_earth(lat, lon)) STORED,  -- NULL when remote
    slots       integer NOT NULL,               -- bitmask over the 21 slots (bit = day*3+part)
    n_slots     smallint NOT NULL,              -- popcount(slots)
    any_moment  boolean NOT NULL,               -- on_call, flexible or no slots
    load        smallint NOT NULL,              -- physical load rank 0..2
    lang        smallint NOT NULL,              -- language level rank 0..3 (A2..C1)
    hours       float8 NOT NULL,                -- hours a week
    per_month   float8 NOT NULL,                -- frequency as times a month
    min_months  integer NOT NULL,
    end_date    date,                           -- NULL = no end
    cats        smallint[] NOT NULL,            -- 1-based category positions (<= 4)
    skills      bigint NOT NULL,                -- bitmask over skill positions
    n_skills    smallint NOT NULL,
    learn       bigint NOT NULL,                -- bitmask of skills the task teaches
    offers      float8[] NOT NULL,              -- distribution over the 6 VFI motives
    support     float8 NOT NULL,                -- (intro + buddy + trial) / 3
    first_step  boolean NOT NULL,               -- suitable_for has first_step
    tags        smallint NOT NULL,              -- accessibility tag bits (wheelchair=1, ...)
    allowance   float8 NOT NULL,                -- 1 volunteer allowance, 0.5 expenses, 0 none
    certificate boolean NOT NULL,
    work_exp    boolean NOT NULL,
    body        text NOT NULL,                  -- description
    keywords    text NOT NULL,                  -- org name, category/skill names + synonyms,
                                                -- work experience (as the tantivy index)
    tsv         tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('dutch', title), 'A') ||
                    setweight(to_tsvector('dutch', body), 'B') ||
                    setweight(to_tsvector('dutch', keywords), 'C')) STORED
);
