-- An output exported to several destinations records all their names, comma-separated.
alter table job_output alter column destination set data type varchar(512);
