-- The store of record for PostgreSQL mode: catalog records and API keys (one table, so
-- replicas follow one ordered stream), stored scans, and facts about this database.

-- Every catalog record and every API key (kind 'key', id = the key's hash). A delete
-- keeps the row with `doc` NULL so that replicas see it in the stream; `seq` is the write
-- that last touched the row, handed out under a lock so that seq order is commit order.
CREATE TABLE records (
    kind text NOT NULL,
    id   text NOT NULL,
    doc  text,
    seq  bigint NOT NULL,
    PRIMARY KEY (kind, id)
);
CREATE INDEX records_by_seq ON records (seq);
CREATE SEQUENCE write_seq;

-- Stored scans: sealed (crate::sealed) under the lookup hash of their id; never mirrored
-- into a replica, so an erased scan is gone for every replica at once.
CREATE TABLE scans (
    lookup     text PRIMARY KEY,
    doc        text NOT NULL,
    expires_at timestamptz NOT NULL
);
CREATE INDEX scans_by_expiry ON scans (expires_at);

-- 'instance': a random id of this database, so a replica's local copy from another
-- database (or a restored one) is thrown away; 'seeded': the sample was published once.
CREATE TABLE meta (
    key   text PRIMARY KEY,
    value text NOT NULL
);
INSERT INTO meta (key, value) VALUES ('instance', gen_random_uuid()::text);
