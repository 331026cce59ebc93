-- One row per Idempotency-Key a client sent with a POST that succeeded. The row is written in the same database
-- transaction as the events of the request's command, so a key is stored if and only if its events are; a retry
-- with the key is answered from the row (same status, body, Location and ETag) and records nothing.
-- The primary key makes a concurrent duplicate wait for the first request's transaction and then fail, after which
-- it is answered from the row as well. Keys are kept (rows are small); see README "Idempotency and concurrency".
create table idempotency_key (
    idempotency_key       varchar(200)    primary key,
    recorded_by           varchar(200)    not null,
    -- SHA-256 (hex) of the request's method, path, query, content type and body
    request_fingerprint   varchar(64)     not null,
    response_status       integer,
    response_content_type varchar(200),
    response_location     varchar(2000),
    response_etag         varchar(100),
    response_body         varchar(1000000),
    created_at            timestamp with time zone not null
);
