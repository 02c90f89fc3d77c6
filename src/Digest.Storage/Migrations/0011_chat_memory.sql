-- What the bot remembers of a conversation: each chat's last turns (what was said outside commands, the reply, the
-- articles it was about), so "that article" and follow-ups can point back. The store keeps ten per chat.
CREATE TABLE chat_turns (
    id          INTEGER PRIMARY KEY,
    platform    TEXT    NOT NULL,
    chat_id     TEXT    NOT NULL,
    at          INTEGER NOT NULL,
    asked       TEXT    NOT NULL,
    replied     TEXT    NOT NULL,
    article_ids TEXT    NOT NULL DEFAULT '[]',
    tokens      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_chat_turns_chat ON chat_turns (platform, chat_id, id);

-- LLM tokens each chat's replies spent per UTC day (days since the Unix epoch): the per-chat daily budget. Only the
-- last two days are kept.
CREATE TABLE chat_tokens (
    platform TEXT    NOT NULL,
    chat_id  TEXT    NOT NULL,
    day      INTEGER NOT NULL,
    tokens   INTEGER NOT NULL,
    PRIMARY KEY (platform, chat_id, day)
) WITHOUT ROWID;
