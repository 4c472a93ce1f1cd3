#include "PgServerStore.h"

#include "ApiJson.h"
#include "Passwords.h"
#include "TimeUtil.h"
#include "pg/PgConnection.h"

#include <QStringList>

#include <algorithm>
#include <iterator>
#include <stdexcept>

namespace rd::server {

namespace {

// Keys of the advisory locks (any 64-bit number unique to RegionDesk).
constexpr qint64 WriteLock = 0x52442d7772697465;   // "RD-write"
constexpr qint64 MigrateLock = 0x52442d6d69677261; // "RD-migra"

// The migration ladder: step N takes the database from version N-1 to N
// (table schema_migrations). Never edit a step that has shipped.
const char *const Step1 = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE users (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    login TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    agency_id INTEGER,
    salt BYTEA NOT NULL,
    hash BYTEA NOT NULL,
    iterations INTEGER NOT NULL
);
CREATE TABLE tokens (
    digest BYTEA PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    expires_at BIGINT NOT NULL,
    revoked BOOLEAN NOT NULL DEFAULT false
);
CREATE TABLE complaints (
    id BIGINT PRIMARY KEY,
    seq BIGINT NOT NULL,
    version BIGINT NOT NULL,
    state TEXT NOT NULL,
    agency_id INTEGER,
    body TEXT NOT NULL,
    author TEXT NOT NULL
);
CREATE INDEX complaints_seq ON complaints (seq);
CREATE INDEX complaints_agency_seq ON complaints (agency_id, seq);
CREATE TABLE scope_changes (
    seq BIGINT PRIMARY KEY,
    complaint_id BIGINT NOT NULL,
    old_agency_id INTEGER,
    deleted BOOLEAN NOT NULL DEFAULT false,
    at BIGINT NOT NULL
);
CREATE TABLE history (
    complaint_id BIGINT NOT NULL,
    seq INTEGER NOT NULL,
    at BIGINT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT,
    comment TEXT,
    PRIMARY KEY (complaint_id, seq)
);
CREATE TABLE photos (
    id TEXT PRIMARY KEY,
    complaint_id BIGINT NOT NULL,
    mime_type TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    bytes BIGINT NOT NULL,
    evidence BOOLEAN NOT NULL,
    data BYTEA,
    added BIGINT GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX photos_complaint ON photos (complaint_id, evidence, added);
CREATE TABLE idempotency (
    user_id BIGINT NOT NULL,
    key TEXT NOT NULL,
    request_hash BYTEA NOT NULL,
    status INTEGER NOT NULL,
    body BYTEA NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_created ON idempotency (created_at);
CREATE TABLE catalogue (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL);
)sql";

// Step 2: administration — users can be disabled; the audit log.
const char *const Step2 = R"sql(
ALTER TABLE users ADD COLUMN disabled BOOLEAN NOT NULL DEFAULT false;
CREATE TABLE audit (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at BIGINT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    before TEXT,
    after TEXT
);
)sql";

// Step 3 (Open311, docs/api.md "Open311"): what anonymous listing filters
// on, as columns generated from the record (every write keeps them true)
// and one index that answers a window without reading a record outside
// it; filed_at compares byte-wise (collation "C"), as ISO text does.
// published: the complaint went through publish (published_at set,
// cleared by return_to_moderation) and is in a public state. History gets
// an index on its time for servicerequestupdates; open311_requests keeps
// what a GeoReport client posted that the record has no field for.
const char *const Step3 = R"sql(
ALTER TABLE complaints ADD COLUMN filed_at TEXT COLLATE "C"
    GENERATED ALWAYS AS (body::jsonb ->> 'created_at') STORED;
ALTER TABLE complaints ADD COLUMN category_id INTEGER
    GENERATED ALWAYS AS ((body::jsonb ->> 'category_id')::integer) STORED;
ALTER TABLE complaints ADD COLUMN published BOOLEAN
    GENERATED ALWAYS AS ((body::jsonb ->> 'published_at') IS NOT NULL AND state IN
        ('published', 'in_progress', 'solved', 'refused', 'confirmed', 'contested')) STORED;
CREATE INDEX complaints_open311 ON complaints (published, filed_at, state, category_id);
CREATE INDEX history_at ON history (at);
CREATE TABLE open311_requests (
    complaint_id BIGINT PRIMARY KEY,
    location_given BOOLEAN NOT NULL,
    address_id TEXT,
    media_url TEXT
);
)sql";

// Step 4, the quotas' tables: PgServerStoreQuotas.cpp.
// Step 5: photos move out of the database into their files — code, not
// only SQL: movePhotosToFiles() (PgServerStorePhotos.cpp).
const char *const Step5 = nullptr;

const char *const Steps[] = {Step1, Step2, Step3, pgQuotasStep(), Step5};

User readUser(const pg::Result &r, int row, int disabledColumn)
{
    User u;
    u.id = r.int64(row, 0);
    u.login = r.text(row, 1);
    u.displayName = r.text(row, 2);
    u.role = roleFromCode(r.text(row, 3)).value_or(Role::Clerk);
    if (!r.isNull(row, 4))
        u.agencyId = r.integer(row, 4);
    u.disabled = r.boolean(row, disabledColumn);
    return u;
}

} // namespace

PgServerStore::PgServerStore(const QString &uri, int schemaVersion, PhotoFiles photoFiles)
    : ServerStore(std::move(photoFiles))
    , m_db(std::make_unique<pg::Connection>(uri))
{
    migrate(schemaVersion < 0 ? latestSchemaVersion() : schemaVersion);
    loadCatalogue();
}

PgServerStore::~PgServerStore() = default;

int PgServerStore::latestSchemaVersion()
{
    return int(std::size(Steps));
}

void PgServerStore::migrate(int to)
{
    // Several processes may start at once: one migrates, the others wait.
    pg::Transaction transaction(*m_db);
    m_db->query(QStringLiteral("SELECT pg_advisory_xact_lock($1)"), pg::Params().add(MigrateLock));
    m_db->exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER "
                              "PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"));
    const int from = schemaVersion();
    refuseNewerSchema(from, latestSchemaVersion(), describe());
    to = std::clamp(to, from, latestSchemaVersion());
    for (int step = from; step < to; ++step) {
        if (Steps[step])
            m_db->exec(QString::fromUtf8(Steps[step]));
        else
            movePhotosToFiles();
        m_db->query(QStringLiteral("INSERT INTO schema_migrations (version) VALUES ($1)"),
                    pg::Params().add(step + 1));
    }
    initialiseMeta();
    transaction.commit();
}

int PgServerStore::schemaVersion()
{
    return int(
        m_db->queryInt(QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_migrations")));
}

QString PgServerStore::describe() const
{
    return QStringLiteral("PostgreSQL %1").arg(m_db->describe());
}

bool PgServerStore::isEmpty()
{
    return m_db->queryInt(QStringLiteral("SELECT count(*) FROM users")) == 0;
}

QString PgServerStore::meta(const QString &key)
{
    const pg::Result r =
        m_db->query(QStringLiteral("SELECT value FROM meta WHERE key = $1"), pg::Params().add(key));
    return r.rows() ? r.text(0, 0) : QString();
}

void PgServerStore::setMeta(const QString &key, const QString &value)
{
    m_db->query(QStringLiteral("INSERT INTO meta (key, value) VALUES ($1, $2) "
                               "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                pg::Params().add(key).add(value));
}

qint64 PgServerStore::nextSeq()
{
    return m_db->queryInt(QStringLiteral("UPDATE meta SET value = (value::bigint + 1)::text "
                                         "WHERE key = 'last_seq' RETURNING value::bigint"));
}

qint64 PgServerStore::addUser(const QString &login, const QString &displayName, Role role,
                              std::optional<int> agencyId, const QString &password)
{
    const Passwords::Hashed hashed = Passwords::hash(password);
    return m_db->queryInt(
        QStringLiteral("INSERT INTO users (login, display_name, role, agency_id, salt, hash, "
                       "iterations) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id"),
        pg::Params()
            .add(login)
            .add(displayName)
            .add(toCode(role))
            .add(agencyId)
            .add(hashed.salt)
            .add(hashed.hash)
            .add(hashed.iterations));
}

std::optional<User> PgServerStore::userByLogin(const QString &login, QByteArray *salt,
                                               QByteArray *hash, int *iterations)
{
    const pg::Result r = m_db->query(
        QStringLiteral("SELECT id, login, display_name, role, agency_id, salt, hash, iterations, "
                       "disabled FROM users WHERE login = $1"),
        pg::Params().add(login));
    if (!r.rows())
        return std::nullopt;
    if (salt)
        *salt = r.blob(0, 5);
    if (hash)
        *hash = r.blob(0, 6);
    if (iterations)
        *iterations = r.integer(0, 7);
    return readUser(r, 0, 8);
}

std::optional<User> PgServerStore::userById(qint64 id)
{
    const pg::Result r = m_db->query(
        QStringLiteral("SELECT id, login, display_name, role, agency_id, disabled FROM users "
                       "WHERE id = $1"),
        pg::Params().add(id));
    return r.rows() ? std::optional<User>(readUser(r, 0, 5)) : std::nullopt;
}

void PgServerStore::storeToken(const QByteArray &digest, qint64 userId, const QDateTime &expires)
{
    m_db->query(
        QStringLiteral("INSERT INTO tokens (digest, user_id, expires_at) VALUES ($1, $2, $3)"),
        pg::Params().add(digest).add(userId).add(expires.toMSecsSinceEpoch()));
}

std::optional<ServerStore::TokenInfo> PgServerStore::token(const QByteArray &digest)
{
    const pg::Result r = m_db->query(
        QStringLiteral("SELECT user_id, expires_at, revoked FROM tokens WHERE digest = $1"),
        pg::Params().add(digest));
    if (!r.rows())
        return std::nullopt;
    return TokenInfo{r.int64(0, 0), utcFromMs(r.int64(0, 1)), r.boolean(0, 2)};
}

void PgServerStore::revokeToken(const QByteArray &digest)
{
    m_db->query(QStringLiteral("UPDATE tokens SET revoked = true WHERE digest = $1"),
                pg::Params().add(digest));
}

QList<User> PgServerStore::users()
{
    const pg::Result r = m_db->query(QStringLiteral(
        "SELECT id, login, display_name, role, agency_id, disabled FROM users ORDER BY id"));
    QList<User> out;
    for (int i = 0; i < r.rows(); ++i)
        out.append(readUser(r, i, 5));
    return out;
}

void PgServerStore::updateUser(const User &user)
{
    m_db->query(QStringLiteral("UPDATE users SET display_name = $2, role = $3, agency_id = $4, "
                               "disabled = $5 WHERE id = $1"),
                pg::Params()
                    .add(user.id)
                    .add(user.displayName)
                    .add(toCode(user.role))
                    .add(user.agencyId)
                    .add(user.disabled));
}

void PgServerStore::setPassword(qint64 userId, const QString &password)
{
    const Passwords::Hashed hashed = Passwords::hash(password);
    m_db->query(
        QStringLiteral("UPDATE users SET salt = $2, hash = $3, iterations = $4 WHERE id = $1"),
        pg::Params().add(userId).add(hashed.salt).add(hashed.hash).add(hashed.iterations));
}

void PgServerStore::revokeTokensOf(qint64 userId)
{
    m_db->query(QStringLiteral("UPDATE tokens SET revoked = true WHERE user_id = $1"),
                pg::Params().add(userId));
}

void PgServerStore::appendAudit(const AuditEntry &e)
{
    m_db->query(QStringLiteral("INSERT INTO audit (at, actor, action, subject, before, after) "
                               "VALUES ($1, $2, $3, $4, $5, $6)"),
                pg::Params()
                    .add(e.at.toMSecsSinceEpoch())
                    .add(e.actor)
                    .add(e.action)
                    .add(e.subject)
                    .addNullable(e.before)
                    .addNullable(e.after));
}

QList<ServerStore::AuditEntry> PgServerStore::audit(int limit)
{
    const pg::Result r = m_db->query(
        QStringLiteral("SELECT id, at, actor, action, subject, before, after FROM audit "
                       "ORDER BY id DESC LIMIT $1"),
        pg::Params().add(limit));
    QList<AuditEntry> out;
    for (int i = 0; i < r.rows(); ++i)
        out.append({r.int64(i, 0), utcFromMs(r.int64(i, 1)), r.text(i, 2), r.text(i, 3),
                    r.text(i, 4), r.text(i, 5), r.text(i, 6)});
    return out;
}

void PgServerStore::backupTo(const QString &)
{
    throw std::runtime_error("back a PostgreSQL database up with pg_dump (docs/deployment.md, "
                             "\"Backup and restore\")");
}

QByteArray PgServerStore::readCatalogueJson()
{
    const pg::Result r = m_db->query(QStringLiteral("SELECT json FROM catalogue WHERE id = 1"));
    return r.rows() ? r.bytes(0, 0) : QByteArray();
}

void PgServerStore::saveCatalogueJson(const QByteArray &json)
{
    m_db->query(QStringLiteral("INSERT INTO catalogue (id, json) VALUES (1, $1) "
                               "ON CONFLICT (id) DO UPDATE SET json = excluded.json"),
                pg::Params().add(QString::fromUtf8(json)));
}

void PgServerStore::beginWrite()
{
    m_db->exec(QStringLiteral("BEGIN"));
    try {
        m_db->query(QStringLiteral("SELECT pg_advisory_xact_lock($1)"),
                    pg::Params().add(WriteLock));
    } catch (...) {
        rollbackWrite();
        throw;
    }
}

void PgServerStore::commitWrite()
{
    m_db->exec(QStringLiteral("COMMIT"));
}

void PgServerStore::rollbackWrite()
{
    if (m_db->isOk() && m_db->inTransaction()) {
        try {
            m_db->exec(QStringLiteral("ROLLBACK"));
        } catch (const pg::Error &) {
            // The connection broke; the server has rolled the transaction back.
        }
    }
}

} // namespace rd::server
