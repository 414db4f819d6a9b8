-- Training groups (crate::insight::groups). A stored scan whose resident asked to hear of a
-- course nearby keeps its learning wish beside it (topics, slots, wijk, reach band; no
-- person), deleted with the row.
ALTER TABLE scans ADD COLUMN wish text;

-- Groups announced to the residents they fit: topic, slot, venue; nothing per person.
CREATE TABLE announcements (
    id         text PRIMARY KEY,
    doc        text NOT NULL,
    expires_at timestamptz NOT NULL
);
