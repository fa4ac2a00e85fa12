-- The demo queues were created without English names, so the English widget and desk showed
-- Korean topics. Only untouched demo queues are named here; a queue someone renamed is left alone.
update queue set name_en = 'Billing and payment' where code = 'BILLING' and name = '요금·납부 문의' and name_en is null;
update queue set name_en = 'Cancellation' where code = 'RETENTION' and name = '해지·해지방어' and name_en is null;
update queue set name_en = 'Technical support' where code = 'TECH' and name = '기술지원' and name_en is null;
update queue set name_en = 'VIP desk' where code = 'VIP' and name = 'VIP 전담' and name_en is null;
