#include "ServerSchema.h"

#include "sqlite/Database.h"
#include "sqlite/Transaction.h"

#include <array>
#include <stdexcept>

namespace rd::server::ServerSchema {

namespace {

// Step 1: users, tokens, complaints (each one row: the record's JSON as
// served and its author's apart), scope changes for tombstones, history,
// photos, idempotency records, the catalogue.
const char *const Step1 = R"sql(
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS users (
    id INTEGER PRIMARY KEY,
    login TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    agency_id INTEGER,
    salt BLOB NOT NULL,
    hash BLOB NOT NULL,
    iterations INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS tokens (
    digest BLOB PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    expires_at INTEGER NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS complaints (
    id INTEGER PRIMARY KEY,
    seq INTEGER NOT NULL,
    version INTEGER NOT NULL,
    state TEXT NOT NULL,
    agency_id INTEGER,
    body TEXT NOT NULL,
    author TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS complaints_seq ON complaints (seq);
CREATE INDEX IF NOT EXISTS complaints_agency_seq ON complaints (agency_id, seq);
CREATE TABLE IF NOT EXISTS scope_changes (
    seq INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL,
    old_agency_id INTEGER,
    deleted INTEGER NOT NULL DEFAULT 0,
    at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS history (
    complaint_id INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT,
    comment TEXT,
    PRIMARY KEY (complaint_id, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS photos (
    id TEXT PRIMARY KEY,
    complaint_id INTEGER NOT NULL,
    mime_type TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    bytes INTEGER NOT NULL,
    evidence INTEGER NOT NULL,
    data BLOB
);
CREATE INDEX IF NOT EXISTS photos_complaint ON photos (complaint_id);
CREATE TABLE IF NOT EXISTS idempotency (
    user_id INTEGER NOT NULL,
    key TEXT NOT NULL,
    request_hash BLOB NOT NULL,
    status INTEGER NOT NULL,
    body BLOB NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS catalogue (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL);
)sql";

// Step 2 (Open311, docs/api.md "Open311"): what anonymous listing filters
// on, as columns generated from the record (so every write keeps them
// true without code of its own) and one index that answers a window
// without reading a record outside it. published: the complaint went
// through publish (published_at set, cleared by return_to_moderation) and
// is in a public state. History gets an index on its time for
// servicerequestupdates; open311_requests keeps what a GeoReport client
// posted that the record has no field for.
const char *const Step2 = R"sql(
ALTER TABLE complaints ADD COLUMN filed_at TEXT
    GENERATED ALWAYS AS (json_extract(body, '$.created_at')) VIRTUAL;
ALTER TABLE complaints ADD COLUMN category_id INTEGER
    GENERATED ALWAYS AS (json_extract(body, '$.category_id')) VIRTUAL;
ALTER TABLE complaints ADD COLUMN published INTEGER
    GENERATED ALWAYS AS (json_extract(body, '$.published_at') IS NOT NULL AND state IN
        ('published', 'in_progress', 'solved', 'refused', 'confirmed', 'contested')) VIRTUAL;
CREATE INDEX complaints_open311 ON complaints (published, filed_at, state, category_id);
CREATE INDEX history_at ON history (at);
CREATE TABLE open311_requests (
    complaint_id INTEGER PRIMARY KEY,
    location_given INTEGER NOT NULL,
    address_id TEXT,
    media_url TEXT
);
)sql";

constexpr std::array Steps{Step1, Step2};

} // namespace

int latestVersion()
{
    return int(Steps.size());
}

void migrate(sqlite::Database &db, int to)
{
    if (to < 0 || to > latestVersion())
        to = latestVersion();
    const int from = int(db.queryInt(QStringLiteral("PRAGMA user_version")));
    if (from > latestVersion())
        throw std::runtime_error("the database is of a newer server (schema version " +
                                 std::to_string(from) + ")");
    for (int version = from + 1; version <= to; ++version) {
        sqlite::Transaction transaction(db);
        db.exec(QString::fromUtf8(Steps[size_t(version - 1)]));
        db.exec(QStringLiteral("PRAGMA user_version = %1").arg(version));
        transaction.commit();
    }
    db.clearStatementCache(); // prepared statements may refer to the old schema
}

} // namespace rd::server::ServerSchema
