-- A candidate may need verdicts from several readers (synthgate.experiments.<name>.readers), each kept;
-- held for review, it records how many. Null, on rows from before, means one.
alter table job_output add column readers_required integer;
create index review_decision_candidate on review_decision (sop_instance_uid, reviewer);
