// SqliteServerStore's Open311 part (ServerStore.h, "Open311"): the indexed public
// listing, the updates window over history and the side table of what
// GeoReport clients posted. Lists are bound as JSON arrays, never spliced
// into the SQL; times compare as the stored ISO text (always UTC "…Z").

#include "SqliteServerStore.h"

#include "ApiJson.h"
#include "TimeUtil.h"
#include "sqlite/Database.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace rd::server {

namespace {

QString jsonList(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

} // namespace

void SqliteServerStore::addOpen311Filing(const Open311Filing &filing)
{
    m_db->prepare(QStringLiteral("INSERT OR REPLACE INTO open311_requests (complaint_id, "
                                 "location_given, address_id, media_url) VALUES (?1, ?2, ?3, ?4)"))
        .bind(1, filing.complaintId)
        .bind(2, filing.locationGiven)
        .bind(3, filing.addressId)
        .bind(4, filing.mediaUrl)
        .run();
}

QHash<qint64, ServerStore::Open311Filing>
SqliteServerStore::open311Filings(const QList<qint64> &complaintIds)
{
    QJsonArray ids;
    for (qint64 id : complaintIds)
        ids.append(id);
    sqlite::Statement &s = m_db->prepare(
        QStringLiteral("SELECT complaint_id, location_given, address_id, media_url "
                       "FROM open311_requests WHERE complaint_id IN (SELECT value FROM "
                       "json_each(?1))"));
    s.bind(1, jsonList(ids));
    QHash<qint64, Open311Filing> out;
    while (s.step())
        out.insert(s.int64(0), {s.int64(0), s.int64(1) != 0, s.text(2), s.text(3)});
    s.reset();
    return out;
}

QList<StoredComplaint> SqliteServerStore::open311Requests(const Open311Query &query)
{
    QJsonArray states;
    for (ComplaintState state : query.states)
        states.append(toCode(state));
    QJsonArray categories;
    for (int category : query.categories)
        categories.append(category);
    // The inner query runs on the index alone (published, filed_at, state,
    // category_id); only the page it picks is read and decoded.
    sqlite::Statement &s = m_db->prepare(
        QStringLiteral("SELECT seq, body, author FROM complaints WHERE id IN ("
                       "  SELECT id FROM complaints INDEXED BY complaints_open311"
                       "  WHERE published = 1 AND filed_at BETWEEN ?2 AND ?3"
                       "    AND state IN (SELECT value FROM json_each(?1))"
                       "    AND (?4 IS NULL OR category_id IN (SELECT value FROM json_each(?4)))"
                       "  ORDER BY filed_at DESC LIMIT ?5 OFFSET ?6) "
                       "ORDER BY filed_at DESC, id DESC"));
    s.bind(1, jsonList(states))
        .bind(2, ApiJson::formatTime(query.filedFrom))
        .bind(3, ApiJson::formatTime(query.filedTo))
        .bind(4, categories.isEmpty() ? QString() : jsonList(categories))
        .bind(5, query.limit)
        .bind(6, query.offset);
    QList<StoredComplaint> out;
    while (s.step())
        out.append(decode(s.int64(0), s.blob(1), s.blob(2)));
    s.reset();
    return out;
}

QList<StoredComplaint> SqliteServerStore::complaintsByIds(const QList<qint64> &ids)
{
    QJsonArray list;
    for (qint64 id : ids)
        list.append(id);
    sqlite::Statement &s = m_db->prepare(
        QStringLiteral("SELECT seq, body, author FROM complaints "
                       "WHERE id IN (SELECT value FROM json_each(?1)) ORDER BY id DESC"));
    s.bind(1, jsonList(list));
    QList<StoredComplaint> out;
    while (s.step())
        out.append(decode(s.int64(0), s.blob(1), s.blob(2)));
    s.reset();
    return out;
}

QList<HistoryEntry> SqliteServerStore::open311History(const QStringList &actions,
                                                      const QDateTime &from, const QDateTime &to,
                                                      int limit, int offset)
{
    sqlite::Statement &s = m_db->prepare(QStringLiteral(
        "SELECT h.complaint_id, h.seq, h.at, h.actor, h.action, h.old_value, h.new_value, "
        "h.comment FROM history h INDEXED BY history_at JOIN complaints c ON c.id = "
        "h.complaint_id WHERE h.at BETWEEN ?2 AND ?3 AND c.published = 1 AND h.action IN "
        "(SELECT value FROM json_each(?1)) ORDER BY h.at, h.complaint_id, h.seq "
        "LIMIT ?4 OFFSET ?5"));
    s.bind(1, jsonList(QJsonArray::fromStringList(actions)))
        .bind(2, from.toMSecsSinceEpoch())
        .bind(3, to.toMSecsSinceEpoch())
        .bind(4, limit)
        .bind(5, offset);
    QList<HistoryEntry> entries;
    while (s.step()) {
        entries.append({s.int64(0), s.int64(1), utcFromMs(s.int64(2)), s.text(3), s.text(4),
                        s.text(5), s.text(6), s.text(7)});
    }
    s.reset();
    return entries;
}

std::optional<HistoryEntry> SqliteServerStore::lastHistoryEntry(qint64 complaintId)
{
    sqlite::Statement &s = m_db->prepare(
        QStringLiteral("SELECT seq, at, actor, action, old_value, new_value, comment FROM history "
                       "WHERE complaint_id = ?1 ORDER BY seq DESC LIMIT 1"));
    s.bind(1, complaintId);
    std::optional<HistoryEntry> entry;
    if (s.step())
        entry = HistoryEntry{complaintId, s.int64(0), utcFromMs(s.int64(1)),
                             s.text(2),   s.text(3),  s.text(4),
                             s.text(5),   s.text(6)};
    s.reset();
    return entry;
}

} // namespace rd::server
