// PgServerStore: what the quotas count (uploads per user, votes and filings
// per client) and the newest change's time for the metrics.

#include "PgServerStore.h"

#include "ApiJson.h"
#include "TimeUtil.h"
#include "pg/PgConnection.h"

namespace rd::server {

// As SqliteServerStoreQuotas.cpp's step: uploads per photo with whether
// an answer names it, client events kept for their window only.
const char *pgQuotasStep()
{
    return R"sql(
CREATE TABLE uploads (
    photo_id TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL,
    bytes BIGINT NOT NULL,
    at BIGINT NOT NULL,
    attached BOOLEAN NOT NULL DEFAULT false
);
CREATE INDEX uploads_user_at ON uploads (user_id, at);
CREATE INDEX uploads_at ON uploads (at);
CREATE TABLE client_events (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind TEXT NOT NULL,
    client TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX client_events_client ON client_events (kind, client, at);
CREATE INDEX client_events_at ON client_events (kind, at);
)sql";
}

void PgServerStore::recordUpload(const Upload &upload, const QDateTime &forgetBefore)
{
    m_db->query(QStringLiteral("DELETE FROM uploads WHERE at < $1"),
                pg::Params().add(forgetBefore.toMSecsSinceEpoch()));
    m_db->query(QStringLiteral("INSERT INTO uploads (photo_id, user_id, bytes, at) "
                               "VALUES ($1, $2, $3, $4) ON CONFLICT (photo_id) DO UPDATE SET "
                               "user_id = excluded.user_id, bytes = excluded.bytes, "
                               "at = excluded.at, attached = false"),
                pg::Params()
                    .add(upload.photoId)
                    .add(upload.userId)
                    .add(upload.bytes)
                    .add(upload.at.toMSecsSinceEpoch()));
}

void PgServerStore::attachUploads(const QStringList &photoIds)
{
    if (photoIds.isEmpty())
        return;
    // Photo ids are letters, digits and '-' (ComplaintService): no commas.
    m_db->query(QStringLiteral("UPDATE uploads SET attached = true "
                               "WHERE photo_id = ANY(string_to_array($1, ','))"),
                pg::Params().add(photoIds.join(QLatin1Char(','))));
}

qint64 PgServerStore::uploadedBytes(qint64 userId, const QDateTime &since)
{
    return m_db->queryInt(QStringLiteral("SELECT coalesce(sum(bytes), 0)::bigint FROM uploads "
                                         "WHERE user_id = $1 AND at > $2"),
                          pg::Params().add(userId).add(since.toMSecsSinceEpoch()));
}

std::optional<QDateTime> PgServerStore::uploadedBytesReach(qint64 userId, const QDateTime &since,
                                                           qint64 bytes)
{
    const pg::Result r = m_db->query(
        QStringLiteral("SELECT at FROM (SELECT at, sum(bytes) OVER (ORDER BY at, photo_id ROWS "
                       "UNBOUNDED PRECEDING) AS running FROM uploads WHERE user_id = $1 AND "
                       "at > $2) w WHERE running >= $3 ORDER BY at LIMIT 1"),
        pg::Params().add(userId).add(since.toMSecsSinceEpoch()).add(bytes));
    if (!r.rows())
        return std::nullopt;
    return utcFromMs(r.int64(0, 0));
}

QList<QDateTime> PgServerStore::unattachedUploads(qint64 userId, const QDateTime &since, int limit)
{
    const pg::Result r = m_db->query(
        QStringLiteral("SELECT at FROM uploads WHERE user_id = $1 AND at > $2 AND NOT attached "
                       "ORDER BY at LIMIT $3"),
        pg::Params().add(userId).add(since.toMSecsSinceEpoch()).add(limit));
    QList<QDateTime> out;
    for (int row = 0; row < r.rows(); ++row)
        out.append(utcFromMs(r.int64(row, 0)));
    return out;
}

void PgServerStore::recordClientEvent(const QString &kind, const QString &client,
                                      const QDateTime &at, const QDateTime &forgetBefore)
{
    m_db->query(QStringLiteral("DELETE FROM client_events WHERE kind = $1 AND at < $2"),
                pg::Params().add(kind).add(forgetBefore.toMSecsSinceEpoch()));
    m_db->query(QStringLiteral("INSERT INTO client_events (kind, client, at) VALUES ($1, $2, $3)"),
                pg::Params().add(kind).add(client).add(at.toMSecsSinceEpoch()));
}

QList<QDateTime> PgServerStore::clientEvents(const QString &kind, const QString &client,
                                             const QDateTime &since, int limit)
{
    const pg::Result r = m_db->query(
        QStringLiteral("SELECT at FROM client_events WHERE kind = $1 AND client = $2 AND at > $3 "
                       "ORDER BY at LIMIT $4"),
        pg::Params().add(kind).add(client).add(since.toMSecsSinceEpoch()).add(limit));
    QList<QDateTime> out;
    for (int row = 0; row < r.rows(); ++row)
        out.append(utcFromMs(r.int64(row, 0)));
    return out;
}

void PgServerStore::forgetQuotaCounts(const QDateTime &eventsBefore, const QDateTime &uploadsBefore)
{
    m_db->query(QStringLiteral("DELETE FROM client_events WHERE at < $1"),
                pg::Params().add(eventsBefore.toMSecsSinceEpoch()));
    m_db->query(QStringLiteral("DELETE FROM uploads WHERE at < $1"),
                pg::Params().add(uploadsBefore.toMSecsSinceEpoch()));
}

std::optional<QDateTime> PgServerStore::lastChangeAt()
{
    // As in SqliteServerStoreQuotas.cpp: the complaint written last, or a
    // deletion after it.
    const pg::Result r = m_db->query(QStringLiteral(
        "SELECT seq, updated, at FROM ((SELECT seq, body::json->>'updated_at' AS updated, "
        "NULL::bigint AS at FROM complaints ORDER BY seq DESC LIMIT 1) UNION ALL (SELECT seq, "
        "NULL, at FROM scope_changes ORDER BY seq DESC LIMIT 1)) newest ORDER BY seq DESC "
        "LIMIT 1"));
    if (!r.rows())
        return std::nullopt;
    if (r.isNull(0, 1))
        return utcFromMs(r.int64(0, 2));
    return ApiJson::parseTime(r.text(0, 1));
}

} // namespace rd::server
