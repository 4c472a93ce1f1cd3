// PgServerStore: complaints, the feed, history, idempotency records.

#include "PgServerStore.h"

#include "ApiJson.h"
#include "TimeUtil.h"
#include "pg/PgConnection.h"

#include <QStringList>

namespace rd::server {

namespace {

// A REPEATABLE READ, read-only transaction (one snapshot for several
// statements), unless one is open already; rolled back, it writes nothing.
class ReadSnapshot final
{
public:
    explicit ReadSnapshot(pg::Connection &db)
    {
        if (!db.inTransaction())
            m_transaction.emplace(db, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    }

private:
    std::optional<pg::Transaction> m_transaction;
};

} // namespace

std::optional<ServerStore::Existing> PgServerStore::existing(qint64 id)
{
    const pg::Result r =
        m_db->query(QStringLiteral("SELECT version, agency_id FROM complaints WHERE id = $1"),
                    pg::Params().add(id));
    if (!r.rows())
        return std::nullopt;
    Existing e{r.int64(0, 0), std::nullopt};
    if (!r.isNull(0, 1))
        e.agencyId = r.integer(0, 1);
    return e;
}

void PgServerStore::logScopeChange(qint64 seq, qint64 complaintId, std::optional<int> oldAgency,
                                   bool deleted, const QDateTime &at)
{
    m_db->query(QStringLiteral("INSERT INTO scope_changes (seq, complaint_id, old_agency_id, "
                               "deleted, at) VALUES ($1, $2, $3, $4, $5)"),
                pg::Params()
                    .add(seq)
                    .add(complaintId)
                    .add(oldAgency)
                    .add(deleted)
                    .add(at.toMSecsSinceEpoch()));
}

void PgServerStore::putComplaint(const Complaint &c, qint64 seq, const QByteArray &body,
                                 const QByteArray &author)
{
    m_db->query(
        QStringLiteral("INSERT INTO complaints (id, seq, version, state, agency_id, body, author) "
                       "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO UPDATE SET "
                       "seq = excluded.seq, version = excluded.version, state = excluded.state, "
                       "agency_id = excluded.agency_id, body = excluded.body, "
                       "author = excluded.author"),
        pg::Params()
            .add(c.id)
            .add(seq)
            .add(c.version)
            .add(toCode(c.state))
            .add(c.agencyId)
            .add(QString::fromUtf8(body))
            .add(QString::fromUtf8(author)));
}

void PgServerStore::deleteComplaint(qint64 id)
{
    m_db->query(QStringLiteral("DELETE FROM complaints WHERE id = $1"), pg::Params().add(id));
}

std::optional<StoredComplaint> PgServerStore::complaint(qint64 id)
{
    const pg::Result r =
        m_db->query(QStringLiteral("SELECT seq, body, author FROM complaints WHERE id = $1"),
                    pg::Params().add(id));
    if (!r.rows())
        return std::nullopt;
    return decode(r.int64(0, 0), r.bytes(0, 1), r.bytes(0, 2));
}

FeedPage PgServerStore::feed(const Scope &scope, qint64 after, int limit)
{
    const ReadSnapshot snapshot(*m_db);
    FeedPage page;
    const pg::Result records = m_db->query(
        QStringLiteral("SELECT seq, body, author FROM complaints WHERE ($3::int IS NULL OR "
                       "agency_id = $3) AND seq > $1 ORDER BY seq LIMIT $2"),
        pg::Params().add(after).add(limit + 1).add(scope.agencyId));
    qint64 lastRecordSeq = after;
    for (int i = 0; i < records.rows(); ++i) {
        if (page.records.size() == limit) {
            page.more = true;
            break;
        }
        lastRecordSeq = records.int64(i, 0);
        page.records.append(records.bytes(i, 1));
        page.authors.append(records.bytes(i, 2));
    }
    page.upTo = page.more ? lastRecordSeq : lastSeq();

    // Complaints that left this scope in (after, upTo] and are not in it now.
    const pg::Result gone = m_db->query(
        QStringLiteral(
            "SELECT DISTINCT l.complaint_id FROM scope_changes l WHERE l.seq > $1 "
            "AND l.seq <= $2 AND CASE WHEN $3::int IS NULL THEN l.deleted AND NOT EXISTS "
            "(SELECT 1 FROM complaints c WHERE c.id = l.complaint_id) ELSE l.old_agency_id = $3 "
            "AND NOT EXISTS (SELECT 1 FROM complaints c WHERE c.id = l.complaint_id AND "
            "c.agency_id = $3) END ORDER BY 1"),
        pg::Params().add(after).add(page.upTo).add(scope.agencyId));
    for (int i = 0; i < gone.rows(); ++i)
        page.tombstones.append(gone.int64(i, 0));
    return page;
}

void PgServerStore::appendHistory(qint64 complaintId, const QDateTime &at, const QString &actor,
                                  const QString &action, const QString &oldValue,
                                  const QString &newValue, const QString &comment)
{
    m_db->query(
        QStringLiteral("INSERT INTO history (complaint_id, seq, at, actor, action, old_value, "
                       "new_value, comment) VALUES ($1, (SELECT coalesce(max(seq), 0) + 1 FROM "
                       "history WHERE complaint_id = $1), $2, $3, $4, $5, $6, $7)"),
        pg::Params()
            .add(complaintId)
            .add(at.toMSecsSinceEpoch())
            .add(actor)
            .add(action)
            .add(oldValue)
            .add(newValue)
            .add(comment));
}

QList<HistoryEntry> PgServerStore::history(qint64 complaintId)
{
    const pg::Result r = m_db->query(
        QStringLiteral("SELECT seq, at, actor, action, old_value, new_value, comment FROM history "
                       "WHERE complaint_id = $1 ORDER BY seq"),
        pg::Params().add(complaintId));
    QList<HistoryEntry> entries;
    for (int i = 0; i < r.rows(); ++i) {
        entries.append({complaintId, r.int64(i, 0), utcFromMs(r.int64(i, 1)), r.text(i, 2),
                        r.text(i, 3), r.text(i, 4), r.text(i, 5), r.text(i, 6)});
    }
    return entries;
}

std::optional<StoredResponse> PgServerStore::storedResponse(qint64 userId, const QString &key)
{
    const pg::Result r = m_db->query(
        QStringLiteral("SELECT request_hash, status, body FROM idempotency WHERE user_id = $1 "
                       "AND key = $2"),
        pg::Params().add(userId).add(key));
    if (!r.rows())
        return std::nullopt;
    return StoredResponse{r.blob(0, 0), r.integer(0, 1), r.blob(0, 2)};
}

void PgServerStore::storeResponse(qint64 userId, const QString &key, const StoredResponse &response,
                                  const QDateTime &now)
{
    m_db->query(
        QStringLiteral("INSERT INTO idempotency (user_id, key, request_hash, status, body, "
                       "created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (user_id, key) DO "
                       "UPDATE SET request_hash = excluded.request_hash, status = excluded.status, "
                       "body = excluded.body, created_at = excluded.created_at"),
        pg::Params()
            .add(userId)
            .add(key)
            .add(response.requestHash)
            .add(response.status)
            .add(response.body)
            .add(now.toMSecsSinceEpoch()));
}

void PgServerStore::prune(const QDateTime &now, qint64 keepResponsesSecs, qint64 keepTombstonesSecs)
{
    WriteTransaction transaction(*this);
    m_db->query(QStringLiteral("DELETE FROM idempotency WHERE created_at < $1"),
                pg::Params().add(now.addSecs(-keepResponsesSecs).toMSecsSinceEpoch()));
    const qint64 cutoff = now.addSecs(-keepTombstonesSecs).toMSecsSinceEpoch();
    const pg::Result last =
        m_db->query(QStringLiteral("SELECT max(seq) FROM scope_changes WHERE at < $1"),
                    pg::Params().add(cutoff));
    if (last.rows() && !last.isNull(0, 0)) {
        const qint64 dropped = last.int64(0, 0);
        m_db->query(QStringLiteral("DELETE FROM scope_changes WHERE seq <= $1"),
                    pg::Params().add(dropped));
        if (dropped > minCursor())
            setMeta(QStringLiteral("min_cursor"), QString::number(dropped));
    }
    m_db->query(QStringLiteral("DELETE FROM tokens WHERE expires_at < $1"),
                pg::Params().add(now.toMSecsSinceEpoch()));
    transaction.commit();
}

} // namespace rd::server
