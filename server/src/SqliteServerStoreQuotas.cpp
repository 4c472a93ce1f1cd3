// SqliteServerStore: what the quotas count (uploads per user, votes and
// filings per client) and the newest change's time for the metrics.

#include "SqliteServerStore.h"

#include "ApiJson.h"
#include "TimeUtil.h"
#include "sqlite/Database.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace rd::server {

// uploads: one row per photo uploaded (the bytes stored), whether an answer
// names it yet. client_events: one row per counted vote or filing, by the
// client's address key; rows older than their window are deleted as new
// ones come, so addresses are kept an hour at most.
const char *sqliteQuotasStep()
{
    return R"sql(
CREATE TABLE uploads (
    photo_id TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL,
    bytes INTEGER NOT NULL,
    at INTEGER NOT NULL,
    attached INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX uploads_user_at ON uploads (user_id, at);
CREATE INDEX uploads_at ON uploads (at);
CREATE TABLE client_events (
    kind TEXT NOT NULL,
    client TEXT NOT NULL,
    at INTEGER NOT NULL
);
CREATE INDEX client_events_client ON client_events (kind, client, at);
CREATE INDEX client_events_at ON client_events (kind, at);
)sql";
}

void SqliteServerStore::recordUpload(const Upload &upload, const QDateTime &forgetBefore)
{
    m_db->prepare(QStringLiteral("DELETE FROM uploads WHERE at < ?1"))
        .bind(1, forgetBefore.toMSecsSinceEpoch())
        .run();
    m_db->prepare(QStringLiteral("INSERT OR REPLACE INTO uploads (photo_id, user_id, bytes, at) "
                                 "VALUES (?1, ?2, ?3, ?4)"))
        .bind(1, upload.photoId)
        .bind(2, upload.userId)
        .bind(3, upload.bytes)
        .bind(4, upload.at.toMSecsSinceEpoch())
        .run();
}

void SqliteServerStore::attachUploads(const QStringList &photoIds)
{
    if (photoIds.isEmpty())
        return;
    m_db->prepare(QStringLiteral("UPDATE uploads SET attached = 1 "
                                 "WHERE photo_id IN (SELECT value FROM json_each(?1))"))
        .bind(
            1,
            QString::fromUtf8(
                QJsonDocument(QJsonArray::fromStringList(photoIds)).toJson(QJsonDocument::Compact)))
        .run();
}

qint64 SqliteServerStore::uploadedBytes(qint64 userId, const QDateTime &since)
{
    sqlite::Statement &s = m_db->prepare(QStringLiteral(
        "SELECT coalesce(sum(bytes), 0) FROM uploads WHERE user_id = ?1 AND at > ?2"));
    s.bind(1, userId).bind(2, since.toMSecsSinceEpoch());
    const qint64 bytes = s.step() ? s.int64(0) : 0;
    s.reset();
    return bytes;
}

std::optional<QDateTime> SqliteServerStore::uploadedBytesReach(qint64 userId,
                                                               const QDateTime &since, qint64 bytes)
{
    sqlite::Statement &s = m_db->prepare(QStringLiteral(
        "SELECT at FROM (SELECT at, sum(bytes) OVER (ORDER BY at, photo_id ROWS UNBOUNDED "
        "PRECEDING) AS running FROM uploads WHERE user_id = ?1 AND at > ?2) "
        "WHERE running >= ?3 ORDER BY at LIMIT 1"));
    s.bind(1, userId).bind(2, since.toMSecsSinceEpoch()).bind(3, bytes);
    std::optional<QDateTime> at;
    if (s.step())
        at = utcFromMs(s.int64(0));
    s.reset();
    return at;
}

QList<QDateTime> SqliteServerStore::unattachedUploads(qint64 userId, const QDateTime &since,
                                                      int limit)
{
    sqlite::Statement &s = m_db->prepare(
        QStringLiteral("SELECT at FROM uploads WHERE user_id = ?1 AND at > ?2 AND attached = 0 "
                       "ORDER BY at LIMIT ?3"));
    s.bind(1, userId).bind(2, since.toMSecsSinceEpoch()).bind(3, limit);
    QList<QDateTime> out;
    while (s.step())
        out.append(utcFromMs(s.int64(0)));
    s.reset();
    return out;
}

void SqliteServerStore::recordClientEvent(const QString &kind, const QString &client,
                                          const QDateTime &at, const QDateTime &forgetBefore)
{
    m_db->prepare(QStringLiteral("DELETE FROM client_events WHERE kind = ?1 AND at < ?2"))
        .bind(1, kind)
        .bind(2, forgetBefore.toMSecsSinceEpoch())
        .run();
    m_db->prepare(
            QStringLiteral("INSERT INTO client_events (kind, client, at) VALUES (?1, ?2, ?3)"))
        .bind(1, kind)
        .bind(2, client)
        .bind(3, at.toMSecsSinceEpoch())
        .run();
}

QList<QDateTime> SqliteServerStore::clientEvents(const QString &kind, const QString &client,
                                                 const QDateTime &since, int limit)
{
    sqlite::Statement &s = m_db->prepare(
        QStringLiteral("SELECT at FROM client_events WHERE kind = ?1 AND client = ?2 AND at > ?3 "
                       "ORDER BY at LIMIT ?4"));
    s.bind(1, kind).bind(2, client).bind(3, since.toMSecsSinceEpoch()).bind(4, limit);
    QList<QDateTime> out;
    while (s.step())
        out.append(utcFromMs(s.int64(0)));
    s.reset();
    return out;
}

void SqliteServerStore::forgetQuotaCounts(const QDateTime &eventsBefore,
                                          const QDateTime &uploadsBefore)
{
    m_db->prepare(QStringLiteral("DELETE FROM client_events WHERE at < ?1"))
        .bind(1, eventsBefore.toMSecsSinceEpoch())
        .run();
    m_db->prepare(QStringLiteral("DELETE FROM uploads WHERE at < ?1"))
        .bind(1, uploadsBefore.toMSecsSinceEpoch())
        .run();
}

std::optional<QDateTime> SqliteServerStore::lastChangeAt()
{
    // The newest change is the complaint written last or, if a deletion
    // came after it, that deletion (a re-route logs its scope change with
    // the complaint's own sequence number and time).
    sqlite::Statement &s = m_db->prepare(QStringLiteral(
        "SELECT seq, json_extract(body, '$.updated_at'), NULL FROM (SELECT seq, body FROM "
        "complaints ORDER BY seq DESC LIMIT 1) UNION ALL SELECT seq, NULL, at FROM (SELECT seq, "
        "at FROM scope_changes ORDER BY seq DESC LIMIT 1) ORDER BY 1 DESC LIMIT 1"));
    std::optional<QDateTime> at;
    if (s.step())
        at = s.isNull(1) ? std::optional<QDateTime>(utcFromMs(s.int64(2)))
                         : ApiJson::parseTime(s.text(1));
    s.reset();
    return at;
}

} // namespace rd::server
