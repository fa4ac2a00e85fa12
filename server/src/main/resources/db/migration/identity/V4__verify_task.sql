-- VERIFY: an agent checked what a customer said (date of birth, a one-time code) against the record
-- of the customer their chat claims to be; success or failure, it is an access to that customer's
-- personal data and is logged like any other.
alter table personal_data_access drop constraint personal_data_access_task_check;
alter table personal_data_access add constraint personal_data_access_task_check
    check (task in ('VIEW', 'UNMASK', 'DOWNLOAD', 'EXPORT', 'PRINT', 'VERIFY'));
