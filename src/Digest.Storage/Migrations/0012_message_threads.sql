-- A message a thread is opened on (Discord: the daily post, for follow-up questions), and the thread's name.
ALTER TABLE message_contents ADD COLUMN thread_name TEXT;
