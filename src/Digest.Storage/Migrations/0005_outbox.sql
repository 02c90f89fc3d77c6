-- A message body is stored once however many subscribers receive it (most share a few cuts and one chart).
CREATE TABLE message_contents (
    id         INTEGER PRIMARY KEY,
    hash       BLOB    NOT NULL UNIQUE, -- SHA-256 of format, text, photo and photo name
    format     TEXT    NOT NULL,
    text       TEXT    NOT NULL,
    photo      BLOB,
    photo_name TEXT
);

-- The truth of delivery: one row per (edition, subscriber, part); every state change is one conditional UPDATE.
CREATE TABLE outbox (
    id            INTEGER PRIMARY KEY,
    edition_id    INTEGER NOT NULL REFERENCES editions (id),
    subscriber_id INTEGER NOT NULL REFERENCES subscribers (id),
    part          INTEGER NOT NULL,
    content_id    INTEGER NOT NULL REFERENCES message_contents (id),
    state         TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'claimed', 'sent', 'failed')),
    attempts      INTEGER NOT NULL DEFAULT 0,
    not_before    INTEGER NOT NULL,
    claimed_until INTEGER,
    last_error    TEXT,
    sent_at       INTEGER,
    UNIQUE (edition_id, subscriber_id, part)
);

-- Claiming walks only the unfinished rows, in id order, however many sent rows pile up.
CREATE INDEX ix_outbox_open ON outbox (id, state, not_before, claimed_until) WHERE state IN ('pending', 'claimed');
CREATE INDEX ix_outbox_subscriber ON outbox (subscriber_id, state);
