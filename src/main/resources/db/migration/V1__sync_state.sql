-- Sync state: what the last cycles read, so that later cycles read only what was added since.
-- The same statements run on H2 (the embedded default) and on PostgreSQL.

-- One row: the settings the state was built with, and when every collection was last read in full.
CREATE TABLE sync_state (
    id INTEGER PRIMARY KEY,
    settings_fingerprint VARCHAR(64) NOT NULL,
    last_full_read VARCHAR(40)
);

-- Per collection, the X-TAXII-Date-Added-Last of its last complete read, as the server wrote it.
CREATE TABLE collection_cursor (
    collection_id VARCHAR(512) PRIMARY KEY,
    date_added_last VARCHAR(64),
    last_complete_read VARCHAR(40) NOT NULL
);

-- The kept STIX indicators with the Defender indicators they produce, as JSON.
CREATE TABLE kept_indicator (
    collection_id VARCHAR(512) NOT NULL,
    stix_id VARCHAR(512) NOT NULL,
    modified VARCHAR(40) NOT NULL,
    candidate TEXT NOT NULL,
    PRIMARY KEY (collection_id, stix_id)
);
