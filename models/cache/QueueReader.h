#pragma once

#include "Complaint.h"
#include "QueueQuery.h"

#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace rd {

class BulkLoad;

namespace sqlite {
class Database;
}

// Reading the cache the way the desk looks at it: a queue's rows a page at
// a time, its count, its ids and the map's points, with
// the filters of a QueueQuery (text search, area, polygon, suspected
// duplicates). Every method throws CacheError.
class QueueReader final
{
public:
    // bulkLoad: whether a bulk load is under way (the text search's plan).
    QueueReader(sqlite::Database &db, BulkLoad &bulkLoad);
    Q_DISABLE_COPY_MOVE(QueueReader)

    QList<ComplaintRow> page(const QueueQuery &query, int offset, int limit);
    qint64 count(const QueueQuery &query);
    // Every matching id in queue order: cheap (ids only), for models that
    // page rows in lazily over a whole queue.
    QList<qint64> ids(const QueueQuery &query);
    // Positions of the complaints inside box (and inside query's own box,
    // when it has one, and matching its other filters), for the map.
    QList<ComplaintPoint> points(const GeoBox &box, const QueueQuery &query = {});

    // The complaint this one most likely repeats: of the same category, not
    // rejected or a duplicate itself, within the suspected-duplicate radius
    // (QueueQuery::Duplicate…Degrees), filed earlier where there is one,
    // nearest first. None when there is no such complaint.
    std::optional<qint64> likelyOriginal(qint64 id);

private:
    struct Sql;
    Sql buildSelect(const QueueQuery &query, const QString &columns, bool ordered,
                    bool denseMatch = false) const;
    qint64 textMatchCount(const QString &match);
    void refreshSuspectedDuplicates(const QueueQuery &query);
    bool isDenseMatch(const QString &match);

    sqlite::Database &m_db;
    BulkLoad &m_bulkLoad;
    // What temp.suspected_duplicates was computed from: PRAGMA data_version
    // (other connections' commits) and this connection's total changes.
    std::pair<qint64, qint64> m_suspectedKey{-1, -1};
    QPair<QString, bool> m_lastDensity; // match expression → "matches many"
};

} // namespace rd
