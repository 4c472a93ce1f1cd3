#include "SqliteServerStore.h"

#include "ApiJson.h"
#include "Passwords.h"
#include "TimeUtil.h"
#include "sqlite/Database.h"
#include "sqlite/SqliteError.h"
#include "sqlite/Transaction.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <iterator>
#include <stdexcept>

namespace rd::server {

namespace {

// The migration ladder: step N takes a database from user_version N-1 to N.
// Step 1 is the first schema (IF NOT EXISTS: databases made before the
// ladder existed are at version 0 and already hold it). Never edit a step
// that has shipped; add the next one.
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

// Step 2: complaint ids are never reused. The counter starts past every id
// a complaint ever had (deleted ones live on in history and scope changes).
const char *const Step2 = R"sql(
INSERT OR IGNORE INTO meta (key, value) SELECT 'last_complaint_id', max(m) FROM (
    SELECT coalesce(max(id), 0) AS m FROM complaints
    UNION ALL SELECT coalesce(max(complaint_id), 0) FROM history
    UNION ALL SELECT coalesce(max(complaint_id), 0) FROM scope_changes);
)sql";

// Step 3: administration — users can be disabled; the audit log.
const char *const Step3 = R"sql(
ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
CREATE TABLE audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    before TEXT,
    after TEXT
);
)sql";

// Step 4 (Open311, docs/api.md "Open311"): what anonymous listing filters
// on, as columns generated from the record (so every write keeps them true
// without code of its own) and one index that answers a window without
// reading a record outside it. published: the complaint went through
// publish (published_at set, cleared by return_to_moderation) and is in a
// public state. History gets an index on its time for
// servicerequestupdates; open311_requests keeps what a GeoReport client
// posted that the record has no field for.
const char *const Step4 = R"sql(
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

// Step 5, the quotas' tables: SqliteServerStoreQuotas.cpp.
// Step 6: photos move out of the database into their files — code, not
// only SQL: movePhotosToFiles() (SqliteServerStorePhotos.cpp).
const char *const Step6 = nullptr;

const char *const Steps[] = {Step1, Step2, Step3, Step4, sqliteQuotasStep(), Step6};

// A read transaction (deferred BEGIN: the WAL snapshot is taken at the first
// read), unless one is open already; always rolled back, it writes nothing.
class ReadSnapshot final
{
public:
    explicit ReadSnapshot(sqlite::Database &db)
        : m_db(db)
        , m_own(!db.inTransaction())
    {
        if (m_own)
            m_db.exec(QStringLiteral("BEGIN"));
    }
    ~ReadSnapshot()
    {
        if (m_own && m_db.inTransaction()) {
            try {
                m_db.exec(QStringLiteral("ROLLBACK"));
            } catch (const sqlite::Error &) {
                // Nothing was written; the connection ends the transaction.
            }
        }
    }
    Q_DISABLE_COPY_MOVE(ReadSnapshot)

private:
    sqlite::Database &m_db;
    bool m_own;
};

} // namespace

SqliteServerStore::SqliteServerStore(const QString &path, int schemaVersion, PhotoFiles photoFiles)
    : ServerStore(std::move(photoFiles))
    , m_db(std::make_unique<sqlite::Database>(path, sqlite::Database::OpenMode::ReadWriteCreate))
{
    // The busy timeout first: connections opening at once wait for each
    // other on the journal-mode change instead of failing "database is locked".
    m_db->exec(QStringLiteral("PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; "
                              "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; "
                              "PRAGMA cache_size = -64000; PRAGMA mmap_size = 268435456;"));
    migrate(schemaVersion < 0 ? latestSchemaVersion() : schemaVersion);
    loadCatalogue();
}

SqliteServerStore::~SqliteServerStore() = default;

int SqliteServerStore::latestSchemaVersion()
{
    return int(std::size(Steps));
}

void SqliteServerStore::migrate(int to)
{
    sqlite::Transaction transaction(*m_db);
    const int from = schemaVersion();
    refuseNewerSchema(from, latestSchemaVersion(), m_db->path());
    to = std::clamp(to, from, latestSchemaVersion());
    for (int step = from; step < to; ++step) {
        if (!Steps[step])
            movePhotosToFiles();
        else
            m_db->exec(QString::fromUtf8(Steps[step]));
    }
    m_db->exec(QStringLiteral("PRAGMA user_version = %1").arg(to));
    initialiseMeta();
    transaction.commit();
    m_db->clearStatementCache(); // prepared statements may refer to the old schema
}

int SqliteServerStore::schemaVersion()
{
    return int(m_db->queryInt(QStringLiteral("PRAGMA user_version")));
}

QString SqliteServerStore::describe() const
{
    return QStringLiteral("SQLite %1").arg(m_db->path());
}

bool SqliteServerStore::isEmpty()
{
    return m_db->queryInt(QStringLiteral("SELECT count(*) FROM users")) == 0;
}

QString SqliteServerStore::meta(const QString &key)
{
    sqlite::Statement &s = m_db->prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?1"));
    s.bind(1, key);
    const QString value = s.step() ? s.text(0) : QString();
    s.reset();
    return value;
}

void SqliteServerStore::setMeta(const QString &key, const QString &value)
{
    m_db->prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)"))
        .bind(1, key)
        .bind(2, value)
        .run();
}

qint64 SqliteServerStore::nextSeq()
{
    const qint64 seq = lastSeq() + 1;
    setMeta(QStringLiteral("last_seq"), QString::number(seq));
    return seq;
}

std::optional<StoredComplaint> SqliteServerStore::complaint(qint64 id)
{
    sqlite::Statement &s =
        m_db->prepare(QStringLiteral("SELECT seq, body, author FROM complaints WHERE id = ?1"));
    s.bind(1, id);
    std::optional<StoredComplaint> result;
    if (s.step())
        result = decode(s.int64(0), s.blob(1), s.blob(2));
    s.reset();
    return result;
}

std::optional<ServerStore::Existing> SqliteServerStore::existing(qint64 id)
{
    sqlite::Statement &old =
        m_db->prepare(QStringLiteral("SELECT version, agency_id FROM complaints WHERE id = ?1"));
    old.bind(1, id);
    std::optional<Existing> result;
    if (old.step()) {
        result = Existing{old.int64(0), std::nullopt};
        if (!old.isNull(1))
            result->agencyId = old.integer(1);
    }
    old.reset();
    return result;
}

void SqliteServerStore::logScopeChange(qint64 seq, qint64 complaintId, std::optional<int> oldAgency,
                                       bool deleted, const QDateTime &at)
{
    m_db->prepare(QStringLiteral("INSERT INTO scope_changes (seq, complaint_id, old_agency_id, "
                                 "deleted, at) VALUES (?1, ?2, ?3, ?4, ?5)"))
        .bind(1, seq)
        .bind(2, complaintId)
        .bind(3, oldAgency)
        .bind(4, deleted)
        .bind(5, at.toMSecsSinceEpoch())
        .run();
}

void SqliteServerStore::putComplaint(const Complaint &c, qint64 seq, const QByteArray &body,
                                     const QByteArray &author)
{
    m_db->prepare(QStringLiteral("INSERT OR REPLACE INTO complaints (id, seq, version, state, "
                                 "agency_id, body, author) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"))
        .bind(1, c.id)
        .bind(2, seq)
        .bind(3, c.version)
        .bind(4, toCode(c.state))
        .bind(5, c.agencyId)
        .bind(6, QString::fromUtf8(body))
        .bind(7, QString::fromUtf8(author))
        .run();
}

void SqliteServerStore::deleteComplaint(qint64 id)
{
    m_db->prepare(QStringLiteral("DELETE FROM complaints WHERE id = ?1")).bind(1, id).run();
}

void SqliteServerStore::beginWrite()
{
    m_db->exec(QStringLiteral("BEGIN IMMEDIATE"));
}

void SqliteServerStore::commitWrite()
{
    m_db->exec(QStringLiteral("COMMIT"));
}

void SqliteServerStore::rollbackWrite()
{
    if (m_db->inTransaction())
        m_db->exec(QStringLiteral("ROLLBACK"));
}

void SqliteServerStore::backupTo(const QString &file)
{
    if (QFile::exists(file))
        throw std::runtime_error(
            QStringLiteral("%1 exists: give a new file").arg(file).toStdString());
    m_db->prepare(QStringLiteral("VACUUM INTO ?1")).bind(1, file).run();
}

QByteArray SqliteServerStore::readCatalogueJson()
{
    return m_db->queryText(QStringLiteral("SELECT json FROM catalogue WHERE id = 1")).toUtf8();
}

void SqliteServerStore::saveCatalogueJson(const QByteArray &json)
{
    m_db->prepare(QStringLiteral("INSERT OR REPLACE INTO catalogue (id, json) VALUES (1, ?1)"))
        .bind(1, QString::fromUtf8(json))
        .run();
}

FeedPage SqliteServerStore::feed(const Scope &scope, qint64 after, int limit)
{
    // One snapshot for the records, the sequence number and the tombstones:
    // a write that commits between them must not move upTo past records
    // this page did not see.
    const ReadSnapshot snapshot(*m_db);
    FeedPage page;
    // Records in scope changed after the cursor, oldest change first; each
    // complaint has one row, so one changed many times appears once, as it
    // is now.
    sqlite::Statement &records = m_db->prepare(
        scope.agencyId ? QStringLiteral("SELECT seq, body, author FROM complaints "
                                        "WHERE agency_id = ?3 AND seq > ?1 ORDER BY seq LIMIT ?2")
                       : QStringLiteral("SELECT seq, body, author FROM complaints "
                                        "WHERE seq > ?1 ORDER BY seq LIMIT ?2"));
    records.bind(1, after).bind(2, limit + 1);
    if (scope.agencyId)
        records.bind(3, *scope.agencyId);
    qint64 lastRecordSeq = after;
    while (records.step()) {
        if (page.records.size() == limit) {
            page.more = true;
            break;
        }
        lastRecordSeq = records.int64(0);
        page.records.append(records.text(1).toUtf8());
        page.authors.append(records.text(2).toUtf8());
    }
    records.reset();
    page.upTo = page.more ? lastRecordSeq : lastSeq();

    // Complaints that left this scope in (after, upTo] and are not in it now.
    sqlite::Statement &gone = m_db->prepare(
        scope.agencyId
            ? QStringLiteral(
                  "SELECT DISTINCT l.complaint_id FROM scope_changes l WHERE l.seq > ?1 "
                  "AND l.seq <= ?2 AND l.old_agency_id = ?3 AND NOT EXISTS (SELECT 1 FROM "
                  "complaints c WHERE c.id = l.complaint_id AND c.agency_id = ?3) ORDER BY 1")
            : QStringLiteral(
                  "SELECT DISTINCT l.complaint_id FROM scope_changes l WHERE l.seq > ?1 "
                  "AND l.seq <= ?2 AND l.deleted = 1 AND NOT EXISTS (SELECT 1 FROM complaints c "
                  "WHERE c.id = l.complaint_id) ORDER BY 1"));
    gone.bind(1, after).bind(2, page.upTo);
    if (scope.agencyId)
        gone.bind(3, *scope.agencyId);
    while (gone.step())
        page.tombstones.append(gone.int64(0));
    gone.reset();
    return page;
}

void SqliteServerStore::appendHistory(qint64 complaintId, const QDateTime &at, const QString &actor,
                                      const QString &action, const QString &oldValue,
                                      const QString &newValue, const QString &comment)
{
    m_db->prepare(
            QStringLiteral("INSERT INTO history (complaint_id, seq, at, actor, action, old_value, "
                           "new_value, comment) VALUES (?1, (SELECT coalesce(max(seq), 0) + 1 FROM "
                           "history WHERE complaint_id = ?1), ?2, ?3, ?4, ?5, ?6, ?7)"))
        .bind(1, complaintId)
        .bind(2, at.toMSecsSinceEpoch())
        .bind(3, actor)
        .bind(4, action)
        .bind(5, oldValue)
        .bind(6, newValue)
        .bind(7, comment)
        .run();
}

QList<HistoryEntry> SqliteServerStore::history(qint64 complaintId)
{
    sqlite::Statement &s = m_db->prepare(
        QStringLiteral("SELECT seq, at, actor, action, old_value, new_value, comment FROM history "
                       "WHERE complaint_id = ?1 ORDER BY seq"));
    s.bind(1, complaintId);
    QList<HistoryEntry> entries;
    while (s.step()) {
        entries.append({complaintId, s.int64(0), utcFromMs(s.int64(1)), s.text(2), s.text(3),
                        s.text(4), s.text(5), s.text(6)});
    }
    s.reset();
    return entries;
}

std::optional<StoredResponse> SqliteServerStore::storedResponse(qint64 userId, const QString &key)
{
    sqlite::Statement &s = m_db->prepare(QStringLiteral(
        "SELECT request_hash, status, body FROM idempotency WHERE user_id = ?1 AND key = ?2"));
    s.bind(1, userId).bind(2, key);
    std::optional<StoredResponse> result;
    if (s.step())
        result = StoredResponse{s.blob(0), s.integer(1), s.blob(2)};
    s.reset();
    return result;
}

void SqliteServerStore::storeResponse(qint64 userId, const QString &key,
                                      const StoredResponse &response, const QDateTime &now)
{
    m_db->prepare(QStringLiteral("INSERT OR REPLACE INTO idempotency (user_id, key, request_hash, "
                                 "status, body, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"))
        .bind(1, userId)
        .bind(2, key)
        .bind(3, response.requestHash)
        .bind(4, response.status)
        .bind(5, response.body)
        .bind(6, now.toMSecsSinceEpoch())
        .run();
}

void SqliteServerStore::prune(const QDateTime &now, qint64 keepResponsesSecs,
                              qint64 keepTombstonesSecs)
{
    sqlite::Transaction transaction(*m_db);
    m_db->prepare(QStringLiteral("DELETE FROM idempotency WHERE created_at < ?1"))
        .bind(1, now.addSecs(-keepResponsesSecs).toMSecsSinceEpoch())
        .run();
    const qint64 cutoff = now.addSecs(-keepTombstonesSecs).toMSecsSinceEpoch();
    sqlite::Statement &last =
        m_db->prepare(QStringLiteral("SELECT max(seq) FROM scope_changes WHERE at < ?1"));
    last.bind(1, cutoff);
    const std::optional<qint64> dropped =
        last.step() && !last.isNull(0) ? std::optional<qint64>(last.int64(0)) : std::nullopt;
    last.reset();
    if (dropped) {
        m_db->prepare(QStringLiteral("DELETE FROM scope_changes WHERE seq <= ?1"))
            .bind(1, *dropped)
            .run();
        if (*dropped > minCursor())
            setMeta(QStringLiteral("min_cursor"), QString::number(*dropped));
    }
    m_db->prepare(QStringLiteral("DELETE FROM tokens WHERE expires_at < ?1"))
        .bind(1, now.toMSecsSinceEpoch())
        .run();
    transaction.commit();
}

} // namespace rd::server
