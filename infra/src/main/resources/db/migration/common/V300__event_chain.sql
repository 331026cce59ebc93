-- The hash chain over the event log (see docs/auditing.md, "Tamper evidence").
-- One row per event of domain_event_entry, written in the same transaction as the event and under the append lock
-- (SerialisedAppendsEventStorageEngine), so the chain follows the order of commit.
-- link = SHA-256(link of the previous row || canonical form of the event), lowercase hex; the first row's
-- previous link is 32 zero bytes. The digests of the canonical form, the payload and the metadata, and the previous
-- row's position, are kept beside the link so that a verification can say what changed, not only that something did.
create table event_chain (
    global_index      bigint       primary key,
    previous_index    bigint,
    event_identifier  varchar(255) not null,
    event_sha256      varchar(64)  not null,
    payload_sha256    varchar(64)  not null,
    meta_data_sha256  varchar(64),
    link              varchar(64)  not null,
    chained_at        varchar(40)  not null,
    constraint event_chain_event_identifier_uk unique (event_identifier)
);

-- Signed checkpoints: the chain's head at a position, signed with the service's Ed25519 key. Auditors download them
-- and keep them outside the system.
create table event_chain_checkpoint (
    position     bigint       primary key,
    head         varchar(64)  not null,
    created_at   varchar(40)  not null,
    key_id       varchar(64)  not null,
    signature    varchar(200) not null
);

-- The signing key the service generated for itself when none was configured (profiles 'local' and 'test' only).
create table event_chain_signing_key (
    key_id       varchar(64)   primary key,
    private_key  varchar(2000) not null,
    public_key   varchar(2000) not null,
    created_at   varchar(40)   not null
);

-- Verifications of the chain: started through the API or the command line, polled, and the last one shown by health.
create table event_chain_verification (
    id                varchar(36)  primary key,
    started_at        varchar(40)  not null,
    started_by        varchar(255) not null,
    state             varchar(20)  not null,
    position          bigint,
    head              bigint,
    events            bigint       not null,
    updated_at        varchar(40)  not null,
    finished_at       varchar(40),
    break_count       integer      not null,
    result            text
);
