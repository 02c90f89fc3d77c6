-- A podcast episode's audio or video file and running time, for the weekly briefing's "Watch & Listen".
-- Articles stored before this (and any without an enclosure) keep them null.
ALTER TABLE articles ADD COLUMN enclosure_url TEXT;
ALTER TABLE articles ADD COLUMN enclosure_type TEXT;
ALTER TABLE articles ADD COLUMN enclosure_length INTEGER;
ALTER TABLE articles ADD COLUMN duration_ms INTEGER;
