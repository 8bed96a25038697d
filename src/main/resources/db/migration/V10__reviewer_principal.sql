-- The reviewer is now the signed-in principal, not a name typed in: single sign-on names users by
-- e-mail address or subject, which may be longer than 64 characters.
alter table review_decision alter column reviewer set data type varchar(255);
