-- The greeting a customer reads first when a chat opens, before the protection notice, in the
-- center's own words (issue 17). Kept with the notice: the same person edits both on one page.
alter table notice_text drop constraint notice_text_kind_check;
alter table notice_text add constraint notice_text_kind_check
    check (kind in ('CHAT_GREETING', 'CHAT_NOTICE', 'FIRST_WARNING', 'FINAL_WARNING'));
