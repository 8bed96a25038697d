-- A running cohort's owner holds it until lease_until unless its heartbeat renews the lease; a cohort
-- whose owner died (on Kubernetes a replaced pod comes back under a new name) is taken over by another
-- replica once the lease has lapsed. A cohort left running by an earlier release has no lease: the first
-- replica to look takes it up.
alter table cohort add column lease_until timestamp with time zone;
