-- API tokens for integrations: a coordinator creates a named token with a role; the token itself is shown once and
-- never stored: only the SHA-256 (hex) of its secret is kept, which the bearer filter looks up. A token is revoked,
-- never deleted, so that who created and revoked it stays known. Not in the event log: a credential is no fact of
-- the plan, and the log is permanent.
create table api_token (
    token_id      varchar(36)     primary key,
    name          varchar(100)    not null,
    role          varchar(20)     not null,
    token_hash    varchar(64)     not null unique,
    created_by    varchar(200)    not null,
    created_at    timestamp with time zone not null,
    last_used_at  timestamp with time zone,
    revoked_at    timestamp with time zone,
    revoked_by    varchar(200)
);
