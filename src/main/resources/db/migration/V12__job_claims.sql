-- Replicas share one database: the replica running a job claims it, and its claim lasts until
-- lease_until unless its heartbeat renews it. A job whose owner died is taken over once the lease
-- has passed. Both null while no replica runs the job.
alter table job add column owner varchar(128);
alter table job add column lease_until timestamp with time zone;
create index job_claim on job (state, lease_until);
