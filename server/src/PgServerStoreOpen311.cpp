// PgServerStore's Open311 part (ServerStore.h, "Open311"): the indexed public
// listing, the updates window over history and the side table of what
// GeoReport clients posted. Lists are bound as one text parameter split by
// string_to_array, never spliced into the SQL; times compare as the stored
// ISO text (always UTC "…Z") in the "C" collation of the generated column.

#include "PgLists.h"
#include "PgServerStore.h"

#include "ApiJson.h"
#include "TimeUtil.h"
#include "pg/PgConnection.h"

namespace rd::server {

namespace {

QString idList(const QList<qint64> &ids)
{
    return joined(ids, [](qint64 id) { return QString::number(id); });
}

// Columns seq, body, author.
QList<StoredComplaint> decodeAll(const pg::Result &r,
                                 const std::function<StoredComplaint(int)> &decodeRow)
{
    QList<StoredComplaint> out;
    out.reserve(r.rows());
    for (int i = 0; i < r.rows(); ++i)
        out.append(decodeRow(i));
    return out;
}

} // namespace

void PgServerStore::addOpen311Filing(const Open311Filing &filing)
{
    m_db->query(
        QStringLiteral("INSERT INTO open311_requests (complaint_id, location_given, address_id, "
                       "media_url) VALUES ($1, $2, $3, $4) ON CONFLICT (complaint_id) DO UPDATE "
                       "SET location_given = EXCLUDED.location_given, "
                       "address_id = EXCLUDED.address_id, media_url = EXCLUDED.media_url"),
        pg::Params()
            .add(filing.complaintId)
            .add(filing.locationGiven)
            .add(filing.addressId)
            .add(filing.mediaUrl));
}

QHash<qint64, ServerStore::Open311Filing>
PgServerStore::open311Filings(const QList<qint64> &complaintIds)
{
    QHash<qint64, Open311Filing> out;
    if (complaintIds.isEmpty())
        return out;
    const pg::Result r = m_db->query(
        QStringLiteral("SELECT complaint_id, location_given, address_id, media_url FROM "
                       "open311_requests WHERE complaint_id = ANY "
                       "(string_to_array($1, ',')::bigint[])"),
        pg::Params().add(idList(complaintIds)));
    for (int i = 0; i < r.rows(); ++i) {
        out.insert(r.int64(i, 0), {r.int64(i, 0), r.boolean(i, 1), r.text(i, 2), r.text(i, 3)});
    }
    return out;
}

QList<StoredComplaint> PgServerStore::open311Requests(const Open311Query &query)
{
    // The inner query runs on the index (published, filed_at, state,
    // category_id); only the page it picks is read and decoded.
    const pg::Result r = m_db->query(
        QStringLiteral(
            "SELECT seq, body, author FROM complaints WHERE id IN ("
            "  SELECT id FROM complaints WHERE published AND filed_at BETWEEN $2 AND $3"
            "    AND state = ANY (string_to_array($1, ','))"
            "    AND ($4::text IS NULL OR category_id = ANY (string_to_array($4, ',')::int[]))"
            "  ORDER BY filed_at DESC, id DESC LIMIT $5 OFFSET $6) "
            "ORDER BY filed_at DESC, id DESC"),
        pg::Params()
            .add(joined(query.states, [](ComplaintState s) { return toCode(s); }))
            .add(ApiJson::formatTime(query.filedFrom))
            .add(ApiJson::formatTime(query.filedTo))
            .addNullable(joined(query.categories, [](int id) { return QString::number(id); }))
            .add(query.limit)
            .add(query.offset));
    return decodeAll(r, [&](int i) { return decode(r.int64(i, 0), r.bytes(i, 1), r.bytes(i, 2)); });
}

QList<StoredComplaint> PgServerStore::complaintsByIds(const QList<qint64> &ids)
{
    if (ids.isEmpty())
        return {};
    const pg::Result r =
        m_db->query(QStringLiteral("SELECT seq, body, author FROM complaints WHERE id = ANY "
                                   "(string_to_array($1, ',')::bigint[]) ORDER BY id DESC"),
                    pg::Params().add(idList(ids)));
    return decodeAll(r, [&](int i) { return decode(r.int64(i, 0), r.bytes(i, 1), r.bytes(i, 2)); });
}

QList<HistoryEntry> PgServerStore::open311History(const QStringList &actions, const QDateTime &from,
                                                  const QDateTime &to, int limit, int offset)
{
    QList<HistoryEntry> entries;
    if (actions.isEmpty())
        return entries;
    const pg::Result r = m_db->query(
        QStringLiteral(
            "SELECT h.complaint_id, h.seq, h.at, h.actor, h.action, h.old_value, h.new_value, "
            "h.comment FROM history h JOIN complaints c ON c.id = h.complaint_id "
            "WHERE h.at BETWEEN $2 AND $3 AND c.published AND h.action = ANY "
            "(string_to_array($1, ',')) ORDER BY h.at, h.complaint_id, h.seq LIMIT $4 OFFSET $5"),
        pg::Params()
            .add(actions.join(QLatin1Char(',')))
            .add(from.toMSecsSinceEpoch())
            .add(to.toMSecsSinceEpoch())
            .add(limit)
            .add(offset));
    for (int i = 0; i < r.rows(); ++i) {
        entries.append({r.int64(i, 0), r.int64(i, 1), utcFromMs(r.int64(i, 2)), r.text(i, 3),
                        r.text(i, 4), r.text(i, 5), r.text(i, 6), r.text(i, 7)});
    }
    return entries;
}

std::optional<HistoryEntry> PgServerStore::lastHistoryEntry(qint64 complaintId)
{
    const pg::Result r = m_db->query(
        QStringLiteral("SELECT seq, at, actor, action, old_value, new_value, comment FROM history "
                       "WHERE complaint_id = $1 ORDER BY seq DESC LIMIT 1"),
        pg::Params().add(complaintId));
    if (!r.rows())
        return std::nullopt;
    return HistoryEntry{complaintId,  r.int64(0, 0), utcFromMs(r.int64(0, 1)),
                        r.text(0, 2), r.text(0, 3),  r.text(0, 4),
                        r.text(0, 5), r.text(0, 6)};
}

} // namespace rd::server
