-- A masked name and phone can be longer than 50 characters (the name alone may be 50).
alter table conversation alter column customer_label type varchar(100);
