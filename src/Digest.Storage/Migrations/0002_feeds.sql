-- The user's changes to the baseline feed list: one row per URL, either added or removed.
CREATE TABLE user_feeds (
    url        TEXT    PRIMARY KEY,
    title      TEXT,
    site_url   TEXT,
    removed    INTEGER NOT NULL DEFAULT 0,
    changed_at INTEGER NOT NULL
);

CREATE TABLE feed_health (
    url                  TEXT    PRIMARY KEY,
    etag                 TEXT,
    last_modified        TEXT,
    last_success_at      INTEGER,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    last_error           TEXT,
    next_attempt_at      INTEGER,
    last_item_count      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE collect_reports (
    id            INTEGER PRIMARY KEY,
    started_at    INTEGER NOT NULL,
    finished_at   INTEGER NOT NULL,
    sources_ok    INTEGER NOT NULL,
    sources_total INTEGER NOT NULL,
    items_fetched INTEGER NOT NULL,
    new_articles  INTEGER NOT NULL,
    failures      TEXT    NOT NULL -- JSON array of {url, error}
);
