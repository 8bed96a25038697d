-- Text-to-image runs, started from the REST API. A run makes one job per body part (origin
-- TEXT_RUN); the job's outputs are that prompt's candidates, all kept, each with its seed.
alter table job add column origin varchar(16) default 'STUDY' not null;

create table txt2img_run (
    id uuid primary key,
    created_at timestamp with time zone not null,
    generator varchar(64) not null,
    prompt_template varchar(2000) not null,
    negative_prompt varchar(2000),
    candidates_per_prompt integer not null,
    seed_policy varchar(32)
);

create table txt2img_prompt (
    job_id uuid primary key references job (id),
    run_id uuid not null references txt2img_run (id),
    position integer not null,
    body_part varchar(64) not null,
    prompt varchar(2000) not null,
    outcome varchar(16),
    outcome_detail varchar(2000)
);
create index txt2img_prompt_run on txt2img_prompt (run_id);

-- A text-to-image candidate has no source image; every output records its candidate index and seed.
alter table job_output alter column source_sop_instance_uid drop not null;
alter table job_output add column candidate_index integer;
alter table job_output add column seed bigint;
