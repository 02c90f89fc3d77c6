-- Where each article stood in the cut a delivery showed, in reading order: a chat's "#3" is position 3. Rows recorded
-- before this have position 0 and count as unordered.
ALTER TABLE delivered_articles ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
