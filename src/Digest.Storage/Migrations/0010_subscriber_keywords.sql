-- Keywords a chat boosts (its articles rank higher) or mutes (left out of its digest), said in plain words in the chat.
-- JSON arrays of lower-case keywords; a boost may also be a category slug. Every chat so far had neither.
ALTER TABLE subscribers ADD COLUMN boosts TEXT NOT NULL DEFAULT '[]';
ALTER TABLE subscribers ADD COLUMN mutes  TEXT NOT NULL DEFAULT '[]';
