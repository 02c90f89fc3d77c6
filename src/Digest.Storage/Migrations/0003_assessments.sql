-- Assess once, serve many: one row per (article, model, prompt version), never overwritten.
CREATE TABLE assessments (
    id             INTEGER PRIMARY KEY,
    article_id     INTEGER NOT NULL REFERENCES articles (id),
    model_id       TEXT    NOT NULL,
    prompt_version TEXT    NOT NULL,
    relevance      INTEGER NOT NULL,
    quality        INTEGER NOT NULL,
    timeliness     INTEGER NOT NULL,
    category       TEXT    NOT NULL, -- slug: ai-ml, security, …
    keywords       TEXT    NOT NULL, -- JSON array of strings
    assessed_at    INTEGER NOT NULL,
    UNIQUE (article_id, model_id, prompt_version)
);

CREATE TABLE writeups (
    id             INTEGER PRIMARY KEY,
    article_id     INTEGER NOT NULL REFERENCES articles (id),
    model_id       TEXT    NOT NULL,
    prompt_version TEXT    NOT NULL,
    language       TEXT    NOT NULL,
    summary        TEXT    NOT NULL,
    why_read       TEXT    NOT NULL,
    tags           TEXT    NOT NULL, -- JSON array of strings
    UNIQUE (article_id, model_id, prompt_version, language)
);

CREATE TABLE llm_usage (
    id                INTEGER PRIMARY KEY,
    model_id          TEXT    NOT NULL,
    purpose           TEXT    NOT NULL,
    prompt_tokens     INTEGER NOT NULL,
    completion_tokens INTEGER NOT NULL,
    succeeded         INTEGER NOT NULL,
    at                INTEGER NOT NULL
);
