-- Who started a text-to-image run (the signed-in principal): its prompts go to generators that may be
-- paid for per image. Runs started before this version have none.
alter table txt2img_run add column started_by varchar(255);
