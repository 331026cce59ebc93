-- The per-person keys personal data in the event log is encrypted under (crypto-shredding, docs/privacy.md), one row
-- per subject (a sole trader: 'enterprise:<enterprise id>'), never in domain_event_entry. key_material is the
-- Base64 key, wrapped (AES-GCM) under the configured master key when wrapped is true. Erasing the subject's personal
-- data (gallring) sets key_material to null and destroyed_at, in the transaction of the event that records the
-- erasure; the row stays, so no new key is made for an erased subject and reads know the name was erased.
create table personal_data_key (
    subject      varchar(200)             primary key,
    key_material varchar(200),
    wrapped      boolean                  not null,
    created_at   timestamp with time zone not null,
    destroyed_at timestamp with time zone,
    constraint personal_data_key_destroyed_ck check ((key_material is null) = (destroyed_at is not null))
);
