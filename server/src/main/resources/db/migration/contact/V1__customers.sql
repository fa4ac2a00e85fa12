-- Customers of the organisation. Name, mobile phone, e-mail and birth date are personal data
-- (개인정보): screens, logs and search results show them masked, and every view is written to
-- identity's access log. Unique identifiers (주민등록번호 and the like) are not stored here; when
-- they are, they are stored encrypted (PRODUCT.md).
create table customer (
    id              bigint generated always as identity primary key,
    customer_number varchar(20)  not null unique,
    name            varchar(50)  not null,
    mobile_phone    varchar(20),
    email           varchar(100),
    birth_date      date,
    grade           varchar(10)  not null default 'NORMAL' check (grade in ('NORMAL', 'VIP', 'VVIP')),
    senior          boolean      not null default false,
    accessibility   boolean      not null default false,
    created_at      timestamptz  not null default now()
);
create index customer_name on customer (name);
create index customer_phone_last_digits on customer (right(regexp_replace(mobile_phone, '[^0-9]', '', 'g'), 4));
