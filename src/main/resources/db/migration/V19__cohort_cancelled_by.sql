-- Who asked a running cohort to stop, so that the reason it ends CANCELLED with can name them.
alter table cohort add column cancelled_by varchar(255);
