-- The picture size a text-to-image run asks its generator for (WIDTHxHEIGHT); null uses the
-- generator's configured size.
alter table txt2img_run add column canvas_size varchar(16);
