-- Built after the COPY (faster than maintaining them during the load).
-- GiST on the earth point: the radius filter is earth_box(origin, r) @> pt (index), then
-- earth_distance(origin, pt) <= r (exact).
CREATE INDEX task_pt_gist ON task USING gist (pt);
-- Remote tasks pass the radius filter; a partial index finds them without a scan.
CREATE INDEX task_remote ON task (id) WHERE remote;
-- GIN for full-text search. The score uses text as a soft feature (no filter), so the
-- match query ranks with ts_rank on the geo candidates; the GIN index serves a plain
-- word search (tsv @@ q) and is kept so the peer is what a city team would deploy.
CREATE INDEX task_tsv_gin ON task USING gin (tsv);
-- Store the rows in GiST order so the tasks of one neighbourhood share heap pages.
CLUSTER task USING task_pt_gist;
ANALYZE task;
