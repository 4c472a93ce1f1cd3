#include "CacheSchema.h"

#include "sqlite/Database.h"
#include "sqlite/Transaction.h"

#include <QStringList>

#include <array>

namespace rd::CacheSchema {

namespace {

// Step 1: complaints, their photos and history, the catalogue, sync state.
// Times are INTEGER milliseconds since the Unix epoch, UTC; calendar dates
// (due dates, promised deadlines) are ISO 'YYYY-MM-DD' TEXT, which sorts.
const char *const Step1 = R"sql(
CREATE TABLE categories (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    default_agency_id INTEGER,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE agencies (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE districts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE refusal_grounds (
    code TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    template_text TEXT NOT NULL,
    legal_basis TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT
) WITHOUT ROWID;
CREATE TABLE complaints (
    id INTEGER PRIMARY KEY,
    version INTEGER NOT NULL,
    state TEXT NOT NULL,
    category_id INTEGER NOT NULL,
    agency_id INTEGER,
    district_id INTEGER,
    body TEXT NOT NULL,
    address TEXT NOT NULL,
    lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    published_at INTEGER,
    due_date TEXT,
    votes INTEGER NOT NULL DEFAULT 0,
    author_name TEXT,
    author_email TEXT,
    author_phone TEXT,
    answer_kind TEXT NOT NULL DEFAULT '',
    answer_text TEXT,
    answer_deadline TEXT,
    refusal_ground TEXT,
    answered_at INTEGER,
    deadline_extended INTEGER NOT NULL DEFAULT 0,
    extension_reason TEXT,
    duplicate_of INTEGER,
    reject_reason TEXT,
    citizen_feedback TEXT,
    left_scope INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX complaints_state_category_due ON complaints (state, category_id, due_date);
CREATE INDEX complaints_updated ON complaints (updated_at);
CREATE INDEX complaints_votes ON complaints (votes);
CREATE TABLE photos (
    id TEXT PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
    mime_type TEXT NOT NULL,
    width INTEGER NOT NULL DEFAULT 0,
    height INTEGER NOT NULL DEFAULT 0,
    bytes INTEGER NOT NULL DEFAULT 0,
    evidence INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX photos_complaint ON photos (complaint_id);
CREATE TABLE history (
    complaint_id INTEGER NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT,
    comment TEXT,
    PRIMARY KEY (complaint_id, seq)
) WITHOUT ROWID;
CREATE TABLE sync_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    cursor TEXT,
    epoch TEXT,
    last_success INTEGER,
    catalogue_etag TEXT
);
INSERT INTO sync_state (id) VALUES (1);
)sql";

// Step 2: the user's own work. Drafts and the outbox have no foreign key to
// complaints on purpose: they must outlive the complaint leaving scope.
// server_copies holds a newer server record that arrived while the user had
// a draft or a pending action on the complaint (never a silent overwrite).
const char *const Step2 = R"sql(
CREATE TABLE drafts (
    complaint_id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    deadline TEXT,
    refusal_ground TEXT,
    base_version INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    field_errors TEXT
);
CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    complaint_id INTEGER NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    action TEXT NOT NULL,
    payload BLOB NOT NULL,
    base_version INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    next_attempt_at INTEGER,
    last_error TEXT
);
CREATE INDEX outbox_complaint ON outbox (complaint_id, seq);
CREATE TABLE server_copies AS SELECT * FROM complaints WHERE 0;
CREATE UNIQUE INDEX server_copies_id ON server_copies (id);
)sql";

// Step 3: full-text search over the complaint number, text and address.
// External content (no second copy of the text) read through a view that
// folds 'ё' to 'е': Russian writers use both, and unicode61 only strips Latin
// diacritics. unicode61 folds case for Cyrillic and keeps 'й' apart from 'и'.
//
// Indexing is the costliest part of a write (tokenising ~130 characters per
// complaint), so triggers only keep the index *correct*: they remove a
// changed or deleted row's old entry at once and queue its id in
// search_pending; ComplaintStore indexes queued ids right after its own
// writes, or later in chunks when a bulk sync asked to defer (docs/cache.md).
// Invariant: a complaint is in complaints_fts exactly when its id is not in
// search_pending. (The triggers say NOT EXISTS rather than INSERT OR IGNORE:
// inside an upsert, the outer statement's conflict policy would override it.)
const char *const Step3 = R"sql(
CREATE VIEW complaints_search (id, ref, body, address) AS
SELECT id, CAST(id AS TEXT),
       replace(replace(body, 'ё', 'е'), 'Ё', 'Е'),
       replace(replace(address, 'ё', 'е'), 'Ё', 'Е')
FROM complaints;
CREATE VIRTUAL TABLE complaints_fts USING fts5 (
    ref, body, address,
    content = 'complaints_search', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2'
);
CREATE TABLE search_pending (id INTEGER PRIMARY KEY);
CREATE TRIGGER complaints_search_insert AFTER INSERT ON complaints BEGIN
    INSERT INTO search_pending (id) SELECT new.id
    WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE id = new.id);
END;
CREATE TRIGGER complaints_search_delete AFTER DELETE ON complaints BEGIN
    INSERT INTO complaints_fts (complaints_fts, rowid, ref, body, address)
    SELECT 'delete', old.id, CAST(old.id AS TEXT),
           replace(replace(old.body, 'ё', 'е'), 'Ё', 'Е'),
           replace(replace(old.address, 'ё', 'е'), 'Ё', 'Е')
    WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE id = old.id);
    DELETE FROM search_pending WHERE id = old.id;
END;
CREATE TRIGGER complaints_search_update AFTER UPDATE OF body, address ON complaints
WHEN old.body IS NOT new.body OR old.address IS NOT new.address BEGIN
    INSERT INTO complaints_fts (complaints_fts, rowid, ref, body, address)
    SELECT 'delete', old.id, CAST(old.id AS TEXT),
           replace(replace(old.body, 'ё', 'е'), 'Ё', 'Е'),
           replace(replace(old.address, 'ё', 'е'), 'Ё', 'Е')
    WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE id = old.id);
    INSERT INTO search_pending (id) SELECT new.id
    WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE id = new.id);
END;
INSERT INTO search_pending (id) SELECT id FROM complaints;
)sql";

// Step 4: the spatial index: a B-tree over a grid cell of 0.005° (about
// 550 m × 320 m at Omsk's latitude), a virtual generated column so it costs
// no storage. Measured against an R*Tree (docs/cache.md): as fast to query
// at city scale, and nearly free to maintain where the R*Tree tripled the
// time of a bulk insert. Small boxes walk the cell rows they span in this
// index and refine on the exact coordinates; large ones scan (ComplaintStore).
const char *const Step4 = R"sql(
ALTER TABLE complaints ADD COLUMN cell INTEGER GENERATED ALWAYS AS
    (CAST((lat + 90.0) * 200 AS INTEGER) * 100000 + CAST((lon + 180.0) * 200 AS INTEGER)) VIRTUAL;
CREATE INDEX complaints_cell ON complaints (cell);
)sql";

// Step 5: room for the map's tile cache (DESIGN.md §5): size-capped, LRU,
// expiry honoured; the map issue fills in the behaviour.
const char *const Step5 = R"sql(
CREATE TABLE tiles (
    source TEXT NOT NULL,
    z INTEGER NOT NULL,
    x INTEGER NOT NULL,
    y INTEGER NOT NULL,
    data BLOB NOT NULL,
    etag TEXT,
    fetched_at INTEGER NOT NULL,
    expires_at INTEGER,
    last_used INTEGER NOT NULL,
    PRIMARY KEY (source, z, x, y)
) WITHOUT ROWID;
CREATE INDEX tiles_last_used ON tiles (last_used);
)sql";

// Step 6: full resync bookkeeping. While the client pulls everything again
// (epoch change, 410), the ids the server sent are recorded here page by page,
// in the page's transaction, so a crash midway resumes without losing track;
// at the end, complaints the server no longer sent are removed (or kept,
// flagged, for the user's unsent work).
const char *const Step6 = R"sql(
CREATE TABLE resync_seen (id INTEGER PRIMARY KEY);
)sql";

// Step 7: evidence photos a "solved" draft names (uploaded already, their
// server ids separated by spaces), so a draft keeps its attachments.
const char *const Step7 = R"sql(
ALTER TABLE drafts ADD COLUMN photo_ids TEXT NOT NULL DEFAULT '';
)sql";

// Step 8: the desk's queues (DESIGN.md §6, "queue switch and sort ≤ 30 ms"
// with 100 000 cached). A clerk's queues filter by agency, state and due
// date: one covering index counts them without reading a row. Sorting a
// whole queue by a column walks that column's index; the rowid each index
// entry ends with is the id tie-break of the sort. A moderator's "possible
// duplicates" looks for the same category in neighbouring grid cells: one
// covering index answers that without reading rows. After a bulk load the
// sort indexes are built in the background (ComplaintStore::
// buildDeferredIndexes), not in the first sync. Measured: docs/cache.md.
const char *const Step8 = R"sql(
CREATE INDEX complaints_agency_state_due ON complaints (agency_id, state, due_date);
CREATE INDEX complaints_state ON complaints (state);
CREATE INDEX complaints_category ON complaints (category_id);
CREATE INDEX complaints_created ON complaints (created_at);
CREATE INDEX complaints_due ON complaints (due_date);
CREATE INDEX complaints_address ON complaints (address);
CREATE INDEX complaints_category_cell ON complaints (category_id, cell, lat, lon, state);
)sql";

// Step 9: the catalogue's standard reasons for rejecting a complaint.
const char *const Step9 = R"sql(
CREATE TABLE reject_reasons (
    code TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    position INTEGER NOT NULL
);
)sql";

// Step 10: when the first answer was given (the API's answer.first_answered_at;
// answered_at moves with every later answer), for the supervisors' reports.
// Caches synced before it take the latest answer as the best they know.
const char *const Step10 = R"sql(
ALTER TABLE complaints ADD COLUMN first_answered_at INTEGER;
ALTER TABLE server_copies ADD COLUMN first_answered_at INTEGER;
UPDATE complaints SET first_answered_at = answered_at;
UPDATE server_copies SET first_answered_at = answered_at;
)sql";

// Step 11: the city's geography as the server publishes it (docs/api.md
// "Geography"), for the map to draw without tiles: one row per district
// outline or street line, its shape a blob of nested point lists
// (GeographyStore). Its ETag and the last problem reading it are in meta.
const char *const Step11 = R"sql(
CREATE TABLE geography (
    seq INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('district', 'street')),
    district_id INTEGER,
    name TEXT NOT NULL,
    shape BLOB NOT NULL
);
)sql";

// Step 12: a region's cache (1 000 000 complaints). A clerk's queues that
// show one agency's complaints in a state newest first (in progress, and
// the default sort of others) sorted every row of the queue after reading
// it from the table: 92 ms for the 11 000 in progress of one agency. This
// covering index hands out the page in order without reading a row
// (0.1 ms). Built in the background after a bulk load, like step 8's.
const char *const Step12 = R"sql(
CREATE INDEX complaints_agency_state_updated ON complaints (agency_id, state, updated_at);
)sql";

// Step 13: retention (docs/cache.md, "Retention"). The photos of complaints
// that left the cache, noted in the same transaction, until the photo cache
// (another file) has dropped them: a crash between the two loses nothing.
const char *const Step13 = R"sql(
CREATE TABLE expired_photos (id TEXT PRIMARY KEY) WITHOUT ROWID;
)sql";

// Step 14: retention and wipes remove complaints for privacy's sake; FTS5
// otherwise keeps a deleted row's words in its index segments (a delete
// marker) until they merge. secure-delete removes them at once (SQLite
// 3.44+; the vendored library is newer). SQLITE_SECURE_DELETE covers the
// tables' own pages.
const char *const Step14 = R"sql(
INSERT INTO complaints_fts (complaints_fts, rank) VALUES ('secure-delete', 1);
)sql";

// Step 15: the catalogue gained the production calendar, working-day
// deadline rules and response templates. A cache made by an earlier desk
// holds the catalogue without them under the server's ETag, which the
// server would answer with 304 for ever: the ETag is forgotten, so the
// next sync fetches the catalogue whole (what the cache has stays usable
// until then).
const char *const Step15 = R"sql(
UPDATE sync_state SET catalogue_etag = NULL;
)sql";

const std::array<const char *, 15> Steps{Step1,  Step2,  Step3,  Step4,  Step5,
                                         Step6,  Step7,  Step8,  Step9,  Step10,
                                         Step11, Step12, Step13, Step14, Step15};

} // namespace

int latestVersion()
{
    return int(Steps.size());
}

void migrate(sqlite::Database &db, int from, int to)
{
    Q_ASSERT(from >= 0 && to <= latestVersion() && from <= to);
    for (int version = from + 1; version <= to; ++version) {
        sqlite::Transaction transaction(db);
        db.exec(QString::fromUtf8(Steps[size_t(version - 1)]));
        db.exec(QStringLiteral("PRAGMA application_id = %1").arg(ApplicationId));
        db.exec(QStringLiteral("PRAGMA user_version = %1").arg(version));
        transaction.commit();
    }
    db.clearStatementCache(); // prepared statements may refer to the old schema
}

} // namespace rd::CacheSchema
