-- Articles whose date nobody stated: stored (searchable) with their first-seen time, but never in an edition's window
-- until their page gives a date. Every article stored so far had a date or a first-seen time we trusted.
ALTER TABLE articles ADD COLUMN date_known INTEGER NOT NULL DEFAULT 1;

-- What each delivery put in front of its subscriber, so a later edition does not show them the same article or
-- story again. story_id is the story as it was when sent; a later regrouping is read from articles when still there.
CREATE TABLE delivered_articles (
    delivery_id INTEGER NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
    article_id  INTEGER NOT NULL,
    story_id    INTEGER NOT NULL,
    PRIMARY KEY (delivery_id, article_id)
) WITHOUT ROWID;
CREATE INDEX ix_delivered_articles_article ON delivered_articles (article_id);
CREATE INDEX ix_delivered_articles_story ON delivered_articles (story_id);
