#include "ServerStore.h"

#include "ApiJson.h"
#include "Passwords.h"
#include "ServerSchema.h"
#include "TimeUtil.h"
#include "sqlite/Database.h"
#include "sqlite/Transaction.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

#include <stdexcept>

namespace rd::server {

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

ServerStore::ServerStore(const QString &path)
    : m_db(std::make_unique<sqlite::Database>(path, sqlite::Database::OpenMode::ReadWriteCreate))
{
    m_db->exec(QStringLiteral("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                              "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; "
                              "PRAGMA cache_size = -64000; PRAGMA mmap_size = 268435456;"));
    ServerSchema::migrate(*m_db);
    if (meta(QStringLiteral("epoch")).isEmpty()) {
        newEpoch();
        setMeta(QStringLiteral("last_seq"), QStringLiteral("0"));
        setMeta(QStringLiteral("min_cursor"), QStringLiteral("0"));
    }
    loadCatalogue();
}

ServerStore::~ServerStore() = default;

bool ServerStore::isEmpty()
{
    return m_db->queryInt(QStringLiteral("SELECT count(*) FROM users")) == 0;
}

QString ServerStore::meta(const QString &key)
{
    sqlite::Statement &s = m_db->prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?1"));
    s.bind(1, key);
    const QString value = s.step() ? s.text(0) : QString();
    s.reset();
    return value;
}

void ServerStore::setMeta(const QString &key, const QString &value)
{
    m_db->prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)"))
        .bind(1, key)
        .bind(2, value)
        .run();
}

void ServerStore::newEpoch()
{
    setMeta(QStringLiteral("epoch"), QUuid::createUuid().toString(QUuid::WithoutBraces));
}

qint64 ServerStore::lastSeq()
{
    return meta(QStringLiteral("last_seq")).toLongLong();
}

qint64 ServerStore::minCursor()
{
    return meta(QStringLiteral("min_cursor")).toLongLong();
}

qint64 ServerStore::nextSeq()
{
    const qint64 seq = lastSeq() + 1;
    setMeta(QStringLiteral("last_seq"), QString::number(seq));
    return seq;
}

qint64 ServerStore::addUser(const QString &login, const QString &displayName, Role role,
                            std::optional<int> agencyId, const QString &password)
{
    const Passwords::Hashed hashed = Passwords::hash(password);
    m_db->prepare(QStringLiteral("INSERT INTO users (login, display_name, role, agency_id, salt, "
                                 "hash, iterations) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"))
        .bind(1, login)
        .bind(2, displayName)
        .bind(3, toCode(role))
        .bind(4, agencyId)
        .bind(5, hashed.salt)
        .bind(6, hashed.hash)
        .bind(7, hashed.iterations)
        .run();
    return m_db->lastInsertRowId();
}

namespace {

User readUser(const sqlite::Statement &s)
{
    User u;
    u.id = s.int64(0);
    u.login = s.text(1);
    u.displayName = s.text(2);
    u.role = roleFromCode(s.text(3)).value_or(Role::Clerk);
    if (!s.isNull(4))
        u.agencyId = s.integer(4);
    return u;
}

// Columns id, complaint_id, mime_type, width, height, bytes, evidence.
Photo readPhoto(const sqlite::Statement &s)
{
    return {s.text(0),    s.int64(1), s.text(2),      s.integer(3),
            s.integer(4), s.int64(5), s.int64(6) != 0};
}

} // namespace

std::optional<User> ServerStore::userByLogin(const QString &login, QByteArray *salt,
                                             QByteArray *hash, int *iterations)
{
    sqlite::Statement &s = m_db->prepare(
        QStringLiteral("SELECT id, login, display_name, role, agency_id, salt, hash, iterations "
                       "FROM users WHERE login = ?1"));
    s.bind(1, login);
    std::optional<User> user;
    if (s.step()) {
        user = readUser(s);
        if (salt)
            *salt = s.blob(5);
        if (hash)
            *hash = s.blob(6);
        if (iterations)
            *iterations = s.integer(7);
    }
    s.reset();
    return user;
}

std::optional<User> ServerStore::userById(qint64 id)
{
    sqlite::Statement &s = m_db->prepare(
        QStringLiteral("SELECT id, login, display_name, role, agency_id FROM users WHERE id = ?1"));
    s.bind(1, id);
    std::optional<User> user;
    if (s.step())
        user = readUser(s);
    s.reset();
    return user;
}

void ServerStore::storeToken(const QByteArray &digest, qint64 userId, const QDateTime &expires)
{
    m_db->prepare(
            QStringLiteral("INSERT INTO tokens (digest, user_id, expires_at) VALUES (?1, ?2, ?3)"))
        .bind(1, digest)
        .bind(2, userId)
        .bind(3, expires.toMSecsSinceEpoch())
        .run();
}

std::optional<ServerStore::TokenInfo> ServerStore::token(const QByteArray &digest)
{
    sqlite::Statement &s = m_db->prepare(
        QStringLiteral("SELECT user_id, expires_at, revoked FROM tokens WHERE digest = ?1"));
    s.bind(1, digest);
    std::optional<TokenInfo> info;
    if (s.step())
        info = TokenInfo{s.int64(0), utcFromMs(s.int64(1)), s.int64(2) != 0};
    s.reset();
    return info;
}

void ServerStore::revokeToken(const QByteArray &digest)
{
    m_db->prepare(QStringLiteral("UPDATE tokens SET revoked = 1 WHERE digest = ?1"))
        .bind(1, digest)
        .run();
}

void ServerStore::setCatalogue(const Catalogue &catalogue)
{
    const QByteArray json = compact(ApiJson::catalogueToJson(catalogue));
    m_db->prepare(QStringLiteral("INSERT OR REPLACE INTO catalogue (id, json) VALUES (1, ?1)"))
        .bind(1, QString::fromUtf8(json))
        .run();
    loadCatalogue();
}

void ServerStore::loadCatalogue()
{
    const QString json = m_db->queryText(QStringLiteral("SELECT json FROM catalogue WHERE id = 1"));
    m_catalogueJson = json.toUtf8();
    m_catalogueEtag =
        '"' +
        QCryptographicHash::hash(m_catalogueJson, QCryptographicHash::Sha256).toHex().left(32) +
        '"';
    if (!json.isEmpty()) {
        const auto parsed =
            ApiJson::catalogueFromJson(QJsonDocument::fromJson(m_catalogueJson).object());
        if (!parsed)
            throw std::runtime_error("stored catalogue is invalid: " +
                                     parsed.error.toString().toStdString());
        m_catalogue = *parsed.value;
    }
}

StoredComplaint ServerStore::write(Complaint c, const QList<Photo> &photos)
{
    sqlite::Statement &old =
        m_db->prepare(QStringLiteral("SELECT version, agency_id FROM complaints WHERE id = ?1"));
    old.bind(1, c.id);
    std::optional<qint64> oldVersion;
    std::optional<int> oldAgency;
    if (old.step()) {
        oldVersion = old.int64(0);
        if (!old.isNull(1))
            oldAgency = old.integer(1);
    }
    old.reset();
    const qint64 seq = nextSeq();
    c.version = oldVersion ? *oldVersion + 1 : std::max<qint64>(c.version, 1);
    if (oldVersion && oldAgency && oldAgency != c.agencyId) {
        m_db->prepare(QStringLiteral("INSERT INTO scope_changes (seq, complaint_id, "
                                     "old_agency_id, at) VALUES (?1, ?2, ?3, ?4)"))
            .bind(1, seq)
            .bind(2, c.id)
            .bind(3, oldAgency)
            .bind(4, c.updatedAt.toMSecsSinceEpoch()) // the change's own time
            .run();
    }
    QJsonObject body = ApiJson::complaintToJson(c, photos, {false});
    const QJsonObject author{{QStringLiteral("name"), c.authorName},
                             {QStringLiteral("email"), c.authorEmail},
                             {QStringLiteral("phone"), c.authorPhone}};
    m_db->prepare(QStringLiteral("INSERT OR REPLACE INTO complaints (id, seq, version, state, "
                                 "agency_id, body, author) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"))
        .bind(1, c.id)
        .bind(2, seq)
        .bind(3, c.version)
        .bind(4, toCode(c.state))
        .bind(5, c.agencyId)
        .bind(6, QString::fromUtf8(compact(body)))
        .bind(7, QString::fromUtf8(compact(author)))
        .run();
    return {c, photos, seq};
}

ServerStore::WriteTransaction::WriteTransaction(ServerStore &store)
    : m_transaction(std::make_unique<sqlite::Transaction>(*store.m_db))
{}

ServerStore::WriteTransaction::~WriteTransaction() = default;

void ServerStore::WriteTransaction::commit()
{
    m_transaction->commit();
}

StoredComplaint ServerStore::decode(qint64 seq, const QString &bodyText,
                                    const QString &authorText) const
{
    QJsonObject body = QJsonDocument::fromJson(bodyText.toUtf8()).object();
    body.insert(QStringLiteral("author"), QJsonDocument::fromJson(authorText.toUtf8()).object());
    const auto parsed = ApiJson::complaintFromJson(body);
    if (!parsed)
        throw std::runtime_error("stored complaint is invalid: " +
                                 parsed.error.toString().toStdString());
    return StoredComplaint{parsed.value->complaint, parsed.value->photos, seq};
}

std::optional<StoredComplaint> ServerStore::complaint(qint64 id)
{
    sqlite::Statement &s =
        m_db->prepare(QStringLiteral("SELECT seq, body, author FROM complaints WHERE id = ?1"));
    s.bind(1, id);
    std::optional<StoredComplaint> result;
    if (s.step())
        result = decode(s.int64(0), s.text(1), s.text(2));
    s.reset();
    return result;
}

qint64 ServerStore::nextComplaintId()
{
    return m_db->queryInt(QStringLiteral("SELECT coalesce(max(id), 0) + 1 FROM complaints"));
}

QList<StoredComplaint> ServerStore::complaints(const ComplaintQuery &query)
{
    // Lists go in as JSON arrays (bound, never spliced into the SQL); times
    // compare as the stored ISO text, which is always UTC "…Z".
    const auto json = [](const QJsonArray &array) {
        return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
    };
    QJsonArray states;
    for (ComplaintState state : query.states)
        states.append(toCode(state));
    QJsonArray ids;
    for (qint64 id : query.ids)
        ids.append(id);
    QJsonArray categories;
    for (int category : query.categories)
        categories.append(category);
    sqlite::Statement &s = m_db->prepare(QStringLiteral(
        "SELECT seq, body, author FROM complaints "
        "WHERE state IN (SELECT value FROM json_each(?1)) "
        "  AND (?2 IS NULL OR id IN (SELECT value FROM json_each(?2))) "
        "  AND (?2 IS NOT NULL OR json_extract(body, '$.created_at') BETWEEN ?3 AND ?4) "
        "  AND (?5 IS NULL OR json_extract(body, '$.category_id') IN "
        "       (SELECT value FROM json_each(?5))) "
        "ORDER BY seq DESC LIMIT ?6"));
    s.bind(1, json(states))
        .bind(2, ids.isEmpty() ? QString() : json(ids))
        .bind(3, ApiJson::formatTime(query.filedFrom))
        .bind(4, ApiJson::formatTime(query.filedTo))
        .bind(5, categories.isEmpty() ? QString() : json(categories))
        .bind(6, query.limit);
    QList<StoredComplaint> out;
    while (s.step())
        out.append(decode(s.int64(0), s.text(1), s.text(2)));
    s.reset();
    return out;
}

void ServerStore::remove(qint64 id, const QDateTime &at)
{
    const auto existing = complaint(id);
    if (!existing)
        return;
    const qint64 seq = nextSeq();
    m_db->prepare(QStringLiteral("INSERT INTO scope_changes (seq, complaint_id, old_agency_id, "
                                 "deleted, at) VALUES (?1, ?2, ?3, 1, ?4)"))
        .bind(1, seq)
        .bind(2, id)
        .bind(3, existing->complaint.agencyId)
        .bind(4, at.toMSecsSinceEpoch())
        .run();
    m_db->prepare(QStringLiteral("DELETE FROM complaints WHERE id = ?1")).bind(1, id).run();
}

FeedPage ServerStore::feed(const Scope &scope, qint64 after, int limit)
{
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

void ServerStore::appendHistory(qint64 complaintId, const QDateTime &at, const QString &actor,
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

QList<HistoryEntry> ServerStore::history(qint64 complaintId)
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

void ServerStore::addPhoto(const Photo &photo, const QByteArray &data)
{
    m_db->prepare(QStringLiteral("INSERT OR REPLACE INTO photos (id, complaint_id, mime_type, "
                                 "width, height, bytes, evidence, data) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"))
        .bind(1, photo.id)
        .bind(2, photo.complaintId)
        .bind(3, photo.mimeType)
        .bind(4, photo.width)
        .bind(5, photo.height)
        .bind(6, photo.bytes)
        .bind(7, photo.evidence)
        .bind(8, data.isEmpty() ? QByteArray() : data)
        .run();
}

std::optional<Photo> ServerStore::photo(const QString &id, QByteArray *data)
{
    sqlite::Statement &s = m_db->prepare(
        QStringLiteral("SELECT id, complaint_id, mime_type, width, height, bytes, evidence, data "
                       "FROM photos WHERE id = ?1"));
    s.bind(1, id);
    std::optional<Photo> result;
    if (s.step()) {
        result = readPhoto(s);
        if (data)
            *data = s.blob(7);
    }
    s.reset();
    return result;
}

QList<Photo> ServerStore::photos(qint64 complaintId)
{
    sqlite::Statement &s = m_db->prepare(
        QStringLiteral("SELECT id, complaint_id, mime_type, width, height, bytes, evidence "
                       "FROM photos WHERE complaint_id = ?1 ORDER BY evidence, rowid"));
    s.bind(1, complaintId);
    QList<Photo> result;
    while (s.step())
        result.append(readPhoto(s));
    s.reset();
    return result;
}

std::optional<StoredResponse> ServerStore::storedResponse(qint64 userId, const QString &key)
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

void ServerStore::storeResponse(qint64 userId, const QString &key, const StoredResponse &response,
                                const QDateTime &now)
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

void ServerStore::prune(const QDateTime &now, qint64 keepResponsesSecs, qint64 keepTombstonesSecs)
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
