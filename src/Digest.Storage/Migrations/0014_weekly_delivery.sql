-- The local weekday each chat's weekly briefing comes on (0 Sunday … 6 Saturday, as .NET's DayOfWeek); every chat so
-- far gets it on Mondays.
ALTER TABLE subscribers ADD COLUMN weekly_day INTEGER NOT NULL DEFAULT 1;
-- Whether the article led the delivery (a daily's must-read #1), so a weekly does not lead with a story the chat's
-- daily already led with. Rows recorded before this led nothing.
ALTER TABLE delivered_articles ADD COLUMN lead INTEGER NOT NULL DEFAULT 0;
