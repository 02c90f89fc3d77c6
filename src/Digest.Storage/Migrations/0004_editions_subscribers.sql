-- One edition per kind and day; recomposing replaces the content but keeps the id deliveries point at.
CREATE TABLE editions (
    id           INTEGER PRIMARY KEY,
    kind         TEXT    NOT NULL, -- daily, weekly
    date         TEXT    NOT NULL, -- yyyy-MM-dd
    generated_at INTEGER NOT NULL,
    content      TEXT    NOT NULL, -- the Edition record as JSON
    UNIQUE (kind, date)
);

CREATE TABLE subscribers (
    id               INTEGER PRIMARY KEY,
    platform         TEXT    NOT NULL,
    chat_id          TEXT    NOT NULL,
    kind             TEXT    NOT NULL, -- private, group, channel
    title            TEXT,
    active           INTEGER NOT NULL,
    frequency        INTEGER NOT NULL, -- flags: 1 daily, 2 weekly
    categories       TEXT    NOT NULL, -- JSON array of slugs; empty means all
    top_n            INTEGER NOT NULL,
    delivery_minutes INTEGER NOT NULL, -- minutes after local midnight
    time_zone        TEXT    NOT NULL,
    created_at       INTEGER NOT NULL,
    UNIQUE (platform, chat_id)
);

CREATE INDEX ix_subscribers_active ON subscribers (active, frequency);
