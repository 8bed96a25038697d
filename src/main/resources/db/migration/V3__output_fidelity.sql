-- The mask each generated object was made with (mask language text, reproducible), and its fidelity
-- against the source: inside the mask (PSNR, SSIM, mean absolute error) and outside it (largest
-- absolute difference, which must be 0).
alter table job_output add column mask_spec varchar(2000);
alter table job_output add column psnr_db double precision;
alter table job_output add column ssim double precision;
alter table job_output add column mean_absolute_error double precision;
alter table job_output add column max_abs_difference_outside_mask integer;
