-- Deliveries: one thing owed to one subscriber (a daily of a local day, a weekly, a reply), keyed so it exists once;
-- its parts are outbox rows. Editions lose their one-per-day key: a day has one per delivery slot that needs it.
--
-- This runs in one transaction with foreign keys on, which decides the order below: renaming a table rewrites the
-- foreign keys of other tables that name it, and dropping a parent table deletes its rows first, which fails while a
-- child still points at them. So nothing may reference editions or the old outbox when they are dropped.

-- When the current subscription began; until now the row's creation was the only start we knew.
ALTER TABLE subscribers ADD COLUMN subscribed_at INTEGER NOT NULL DEFAULT 0;
UPDATE subscribers SET subscribed_at = created_at;

-- edition_id has no foreign key: editions is rebuilt below, and retention keeps every edition a delivery points at.
-- Null edition_id with no outbox rows yet means the delivery waits for an edition to be composed.
CREATE TABLE deliveries (
    id            INTEGER PRIMARY KEY,
    subscriber_id INTEGER NOT NULL REFERENCES subscribers (id),
    kind          TEXT    NOT NULL CHECK (kind IN ('daily', 'weekly', 'reply')),
    slot          TEXT    NOT NULL, -- a daily's local date, a weekly's week, a reply's request key
    edition_id    INTEGER,
    created_at    INTEGER NOT NULL,
    UNIQUE (subscriber_id, kind, slot)
);

-- Each old (edition, subscriber) was one delivery; editions were one per (kind, date), so the key cannot collide.
-- Nothing recorded when rows were enqueued: their earliest not-before is the closest we have.
INSERT INTO deliveries (subscriber_id, kind, slot, edition_id, created_at)
SELECT o.subscriber_id, e.kind, e.date, o.edition_id, MIN(o.not_before)
FROM outbox o JOIN editions e ON e.id = o.edition_id
GROUP BY o.edition_id, o.subscriber_id, e.kind, e.date;

CREATE TABLE outbox_new (
    id            INTEGER PRIMARY KEY,
    delivery_id   INTEGER NOT NULL REFERENCES deliveries (id),
    subscriber_id INTEGER NOT NULL REFERENCES subscribers (id), -- the delivery's, copied so claims and drops need no join
    part          INTEGER NOT NULL,
    content_id    INTEGER NOT NULL REFERENCES message_contents (id),
    priority      INTEGER NOT NULL, -- 0 replies, 1 editions: replies are claimed first
    state         TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'claimed', 'sent', 'failed')),
    attempts      INTEGER NOT NULL DEFAULT 0, -- the message's own failures, never outages, holds or rate limits
    claims        INTEGER NOT NULL DEFAULT 0, -- with the id it names the current claim: the claim token
    claimed_by    TEXT,                       -- the sender of the current (or last) claim
    claimed_until INTEGER,
    not_before    INTEGER NOT NULL,
    created_at    INTEGER NOT NULL,
    last_error    TEXT,                       -- the last error, or why a pending row waits (rate limited, an outage)
    sent_at       INTEGER,
    UNIQUE (delivery_id, part)
);

-- The old attempts counted every claim, so they become the claim count; only given-up rows keep them as failures.
-- Rows claimed by the old version have no sender: they are taken over when their lease runs out.
INSERT INTO outbox_new (id, delivery_id, subscriber_id, part, content_id, priority, state, attempts, claims, claimed_by,
                        claimed_until, not_before, created_at, last_error, sent_at)
SELECT o.id, d.id, o.subscriber_id, o.part, o.content_id, 1, o.state,
       CASE WHEN o.state = 'failed' THEN o.attempts ELSE 0 END, o.attempts, NULL,
       o.claimed_until, o.not_before, o.not_before, o.last_error, o.sent_at
FROM outbox o JOIN deliveries d ON d.edition_id = o.edition_id AND d.subscriber_id = o.subscriber_id;

DROP TABLE outbox;

CREATE TABLE editions_new (
    id           INTEGER PRIMARY KEY,
    kind         TEXT    NOT NULL, -- daily, weekly
    date         TEXT    NOT NULL, -- yyyy-MM-dd
    generated_at INTEGER NOT NULL,
    content      TEXT    NOT NULL  -- the Edition record as JSON
);

INSERT INTO editions_new (id, kind, date, generated_at, content)
SELECT id, kind, date, generated_at, content FROM editions;

DROP TABLE editions;
ALTER TABLE editions_new RENAME TO editions;
ALTER TABLE outbox_new RENAME TO outbox;

-- The latest edition of a kind is the most recently composed.
CREATE INDEX ix_editions_kind_generated ON editions (kind, generated_at);

-- Finding deliveries that wait for an edition, oldest first; and those an edition has (counts, retention).
CREATE INDEX ix_deliveries_waiting ON deliveries (created_at, id) WHERE edition_id IS NULL;
CREATE INDEX ix_deliveries_edition ON deliveries (edition_id) WHERE edition_id IS NOT NULL;

-- Claiming walks only the unfinished rows, replies first then in id order, however many sent rows pile up.
CREATE INDEX ix_outbox_open ON outbox (priority, id, state, not_before, claimed_until, claimed_by)
    WHERE state IN ('pending', 'claimed');
CREATE INDEX ix_outbox_subscriber ON outbox (subscriber_id, state);
-- The report (every minute, and on /healthz) and send --retry-failed read only the failed rows, not 30 days of sent ones.
CREATE INDEX ix_outbox_failed ON outbox (created_at) WHERE state = 'failed';
-- Retention deletes message bodies no row uses; without this each check (and its foreign key check) scans the outbox.
CREATE INDEX ix_outbox_content ON outbox (content_id);

-- Senders that claim rows say they are alive here; a sender silent too long has its claims taken over.
CREATE TABLE senders (
    id           TEXT    PRIMARY KEY,
    heartbeat_at INTEGER NOT NULL
);
