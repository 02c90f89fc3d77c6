-- Usage is read by time: an edition's cost since the previous one, `digest stats` per day, retention's cutoff.
CREATE INDEX ix_llm_usage_at ON llm_usage (at);
