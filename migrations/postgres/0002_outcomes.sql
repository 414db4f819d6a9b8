-- Closing the loop (crate::outcomes): the match log, responses and per-task counters.
-- Shared by every replica, never copied into one.

-- Each match as logged: no person in it (random id, the hour, banded values).
CREATE TABLE match_log (
    match_id text PRIMARY KEY,
    hour     timestamptz NOT NULL,
    doc      text NOT NULL
);
CREATE INDEX match_log_by_hour ON match_log (hour);

-- Responses: the contact details are sealed in `doc` under `secret`; erasing deletes both.
CREATE TABLE responses (
    id              text PRIMARY KEY,
    organisation_id text NOT NULL,
    expires_at      timestamptz NOT NULL,
    doc             text NOT NULL,
    secret          text NOT NULL
);
CREATE INDEX responses_by_organisation ON responses (organisation_id);
CREATE INDEX responses_by_expiry ON responses (expires_at);

-- How often each task was shown, followed, responded to, started and stayed.
CREATE TABLE task_stats (
    task_id text PRIMARY KEY,
    counts  bigint[] NOT NULL
);
