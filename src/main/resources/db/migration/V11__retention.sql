-- Retention removes a finished job's files (and, once every job of its study is done, the study's
-- originals and de-identified copies); the job keeps its record, and says when its files went, so
-- that it is not retried without them.
alter table job add column files_removed_at timestamp;
create index job_retention on job (state, files_removed_at);
