-- Articles, deduplicated by canonical URL and by (feed, GUID); story_id groups the same event across sources.
CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    canonical_url TEXT    NOT NULL UNIQUE,
    guid          TEXT,
    feed_url      TEXT    NOT NULL,
    source        TEXT    NOT NULL,
    title         TEXT    NOT NULL,
    text          TEXT    NOT NULL,
    published_at  INTEGER NOT NULL,
    first_seen_at INTEGER NOT NULL,
    story_id      INTEGER
);

-- A feed re-publishing an item under a new URL keeps its GUID: same feed + same GUID is the same article.
CREATE UNIQUE INDEX ux_articles_feed_guid ON articles (feed_url, guid) WHERE guid IS NOT NULL;
CREATE INDEX ix_articles_guid ON articles (guid) WHERE guid IS NOT NULL;
CREATE INDEX ix_articles_published_at ON articles (published_at);
CREATE INDEX ix_articles_story_id ON articles (story_id);

-- Full-text search over title and text; the index reads its content from articles (no second copy).
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text,
    content = 'articles', content_rowid = 'id',
    tokenize = 'porter unicode61'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;

-- Only a change of the indexed columns touches the index (assigning a story does not).
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
