-- The services (CPV codes of its procurement) of each contract awarded by reserving a welfare-services procurement:
-- the repeat-award bar of LOU 19 kap. 6 a § and 25 § holds only "for the services concerned". Written with the
-- award row in the same transaction; V221 fills it in for awards recorded before it existed. An award without rows
-- here is taken to concern every service.
create table reserved_welfare_award_service (
    procurement_id varchar(64) not null references reserved_welfare_award (procurement_id) on delete cascade,
    cpv_code       varchar(10) not null,
    primary key (procurement_id, cpv_code)
);
