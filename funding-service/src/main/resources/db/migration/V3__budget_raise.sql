-- Budget raises (追加预算): prepared by one finance officer, decided by a different finance approver.
create table budget_raise (
    id                  uuid primary key,
    program_code        varchar(64) not null,
    fiscal_year         int not null,
    amount_minor        bigint not null,
    state               varchar(20) not null,
    prepared_by_subject varchar(200) not null,
    prepared_by_name    varchar(200) not null,
    prepared_at         timestamptz not null,
    decided_by_subject  varchar(200),
    decided_by_name     varchar(200),
    decided_at          timestamptz,
    decision_reason     varchar(500),
    version             bigint not null default 0,
    constraint budget_raise_amount_positive check (amount_minor > 0),
    constraint budget_raise_state check (state in ('PREPARED','APPROVED','REJECTED')),
    constraint budget_raise_budget foreign key (program_code, fiscal_year) references budget (program_code, fiscal_year),
    constraint budget_raise_four_eyes check (decided_by_subject is null or decided_by_subject <> prepared_by_subject)
);
