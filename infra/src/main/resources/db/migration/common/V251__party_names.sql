-- The register of parties (issue 10): every name a party has had (its name, its abbreviation, other names it was
-- written under), keyed by the compared form of the name (PartyNames.key: NFKC, lower case, single spaces,
-- trimmed). Written by the party's commands in their transaction; the primary key makes a name name one party only.
-- The procurement rules read it to count awards recorded under any of a party's names as one authority's.
create table party_name (
    name_key  varchar(600) primary key,
    party_id  varchar(64)  not null,
    name      varchar(200) not null
);
create index party_name_party_ix on party_name (party_id);
