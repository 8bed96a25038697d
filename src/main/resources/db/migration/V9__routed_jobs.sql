-- A completed study may go through several experiments, each in a job of its own. The study's job
-- runs the first; a job opened for each further one processes the same instances, which stay
-- attached to the study's job: instances_of names it.
alter table job add column instances_of uuid;
