-- De-identification: the generated pseudonym key (when none is configured) and the
-- re-identification table. Neither is ever exported or served by the REST API.

create table deid_secret (
    id integer primary key,
    secret varchar(128) not null
);

create table reidentification (
    pseudonym varchar(32) primary key,
    issuer_of_patient_id varchar(64),
    patient_id varchar(64),
    patient_name varchar(324),
    date_shift_days integer not null,
    first_seen_at timestamp with time zone not null
);
