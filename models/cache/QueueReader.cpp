#include "QueueReader.h"

#include "BulkLoad.h"
#include "CacheGuard.h"
#include "ComplaintRows.h"
#include "sqlite/Database.h"

#include <sqlite3.h>

#include <QStringList>

#include <cmath>
#include <memory>
#include <variant>

namespace rd {

using detail::fromDateText;
using detail::fromMs;
using detail::guarded;
using detail::toDateText;
using namespace rows;

namespace {

// Above this many text matches, a queue page is read in index order (see
// buildSelect). Measured on 100 000 demo complaints: docs/cache.md.
constexpr qint64 DenseMatchThreshold = 2000;

// Above this many grid cells a box query scans instead (see buildSelect);
// measured on 100 000 Omsk complaints, docs/cache.md.
constexpr qint64 MaxCellsForIndexWalk = 400;

using BindValue = std::variant<qint64, double, QString>;

template<typename T, typename F>
QString inList(const QList<T> &values, QList<BindValue> &binds, F &&convert)
{
    QStringList marks;
    for (const T &value : values) {
        binds.append(convert(value));
        marks.append(QStringLiteral("?"));
    }
    return QStringLiteral("(%1)").arg(marks.join(QStringLiteral(", ")));
}

} // namespace

struct QueueReader::Sql
{
    QString text;
    QList<BindValue> binds;

    // Queue SQL varies with the filters, so it is prepared per use rather
    // than cached (preparing costs microseconds; the query, milliseconds).
    std::unique_ptr<sqlite::Statement> prepare(sqlite::Database &db) const
    {
        auto statement = std::make_unique<sqlite::Statement>(db, text);
        for (qsizetype i = 0; i < binds.size(); ++i)
            std::visit([&](const auto &value) { statement->bind(int(i + 1), value); }, binds[i]);
        return statement;
    }
};

namespace {

// rd_in_polygon(lat, lon, polygon): 1 when the point lies in the polygon
// given as QueueQuery::polygonText(). The text is parsed once per query,
// not per row.
void inPolygon(sqlite3_context *context, int, sqlite3_value **values)
{
    thread_local QByteArray lastText;
    thread_local QList<QPointF> lastPolygon;
    const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(values[2]));
    const QByteArray polygonText(text ? text : "");
    if (polygonText != lastText) {
        lastText = polygonText;
        lastPolygon.clear();
        for (const QByteArray &vertex : polygonText.split(';')) {
            const QList<QByteArray> parts = vertex.split(' ');
            if (parts.size() == 2)
                lastPolygon.append({parts[0].toDouble(), parts[1].toDouble()});
        }
    }
    const bool inside = lastPolygon.size() >= 3 &&
                        QueueQuery::polygonContains(lastPolygon, sqlite3_value_double(values[0]),
                                                    sqlite3_value_double(values[1]));
    sqlite3_result_int(context, inside ? 1 : 0);
}

} // namespace

QueueReader::QueueReader(sqlite::Database &db, BulkLoad &bulkLoad)
    : m_db(db)
    , m_bulkLoad(bulkLoad)
{
    sqlite3_create_function_v2(m_db.handle(), "rd_in_polygon", 3,
                               SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, inPolygon, nullptr,
                               nullptr, nullptr);
}

namespace {

// The queue's sort, ties broken by id so pages never overlap. Each key has
// an index whose implicit rowid suffix is that tie-break (CacheSchema step
// 8), so the first page of a sort over the whole cache is an index walk.
QString orderBy(const QueueQuery &query, const QString &prefix)
{
    const QString direction = query.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    QString key;
    switch (query.sort) {
    case QueueQuery::SortKey::Updated:
        key = QStringLiteral("updated_at") + direction;
        break;
    case QueueQuery::SortKey::Created:
        key = QStringLiteral("created_at") + direction;
        break;
    case QueueQuery::SortKey::DueDate: // complaints without a due date last, either way
        key = QStringLiteral("due_date") + direction + QStringLiteral(" NULLS LAST");
        break;
    case QueueQuery::SortKey::Votes:
        key = QStringLiteral("votes") + direction;
        break;
    case QueueQuery::SortKey::Id:
        return prefix + QStringLiteral("id") + direction;
    case QueueQuery::SortKey::State:
        key = QStringLiteral("state") + direction;
        break;
    case QueueQuery::SortKey::Category:
        key = QStringLiteral("category_id") + direction;
        break;
    case QueueQuery::SortKey::Address:
        key = QStringLiteral("address") + direction;
        break;
    }
    return prefix + key + QStringLiteral(", ") + prefix + QStringLiteral("id") + direction;
}

} // namespace

namespace {

// The complaint's own fields: states, categories, agencies, districts, due
// dates, votes and the text search. Returns whether the text matches.
bool whereFields(const QueueQuery &query, QStringList &where, QList<BindValue> &binds)
{
    const auto asInt = [](int value) { return BindValue(qint64(value)); };
    if (!query.states.isEmpty()) {
        where.append(QStringLiteral("c.state IN ") +
                     inList(query.states, binds,
                            [](ComplaintState state) { return BindValue(toCode(state)); }));
    }
    if (!query.categories.isEmpty())
        where.append(QStringLiteral("c.category_id IN ") + inList(query.categories, binds, asInt));
    if (!query.agencies.isEmpty())
        where.append(QStringLiteral("c.agency_id IN ") + inList(query.agencies, binds, asInt));
    if (!query.districts.isEmpty())
        where.append(QStringLiteral("c.district_id IN ") + inList(query.districts, binds, asInt));
    if (query.dueFrom) {
        where.append(QStringLiteral("c.due_date >= ?"));
        binds.append(toDateText(*query.dueFrom));
    }
    if (query.dueTo) {
        where.append(QStringLiteral("c.due_date <= ?"));
        binds.append(toDateText(*query.dueTo));
    }
    if (query.minVotes) {
        where.append(QStringLiteral("c.votes >= ?"));
        binds.append(qint64(*query.minVotes));
    }
    const QString match = QueueQuery::matchExpression(query.text);
    if (!match.isEmpty()) {
        where.append(QStringLiteral(
            "c.id IN (SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ?)"));
        binds.append(match);
    }
    return !match.isEmpty();
}

// The map's box (and lasso). Returns the grid cells to walk (south, north
// rows, west, east columns), or none when the box is too large for that.
QList<BindValue> whereBox(const QueueQuery &query, QStringList &where, QList<BindValue> &binds)
{
    QList<BindValue> cellBinds;
    if (!query.box)
        return cellBinds;
    const GeoBox &b = *query.box;
    if (!b.isValid())
        throw std::invalid_argument("invalid geographic box");
    // The grid cells the box spans, row by row (CacheSchema step 4), then
    // the exact test. Cells are 1/200° and a row is 100000 apart.
    const auto cellOf = [](double degrees, double offset) {
        return qint64((degrees + offset) * 200.0);
    };
    where.append(QStringLiteral("c.lat BETWEEN ? AND ? AND c.lon BETWEEN ? AND ?"));
    binds << b.south << b.north << b.west << b.east;
    // A box of a few hundred cells (a few km²) walks the cell index; a
    // larger one reads most of the table anyway, faster in rowid order.
    const qint64 cellRows = cellOf(b.north, 90.0) - cellOf(b.south, 90.0) + 1;
    const qint64 cellColumns = cellOf(b.east, 180.0) - cellOf(b.west, 180.0) + 1;
    if (query.polygon.size() >= 3) {
        where.append(QStringLiteral("rd_in_polygon(c.lat, c.lon, ?)"));
        binds.append(QueueQuery::polygonText(query.polygon));
    }
    if (cellRows * cellColumns <= MaxCellsForIndexWalk)
        cellBinds << cellOf(b.south, 90.0) << cellOf(b.north, 90.0) << cellOf(b.west, 180.0)
                  << cellOf(b.east, 180.0);
    return cellBinds;
}

// The user's own work: drafts, the outbox, conflicts; suspected duplicates.
void whereLocalWork(const QueueQuery &query, QStringList &where)
{
    if (query.withDraftOnly)
        where.append(QStringLiteral("c.id IN (SELECT complaint_id FROM drafts)"));
    if (query.withPendingActionOnly)
        where.append(QStringLiteral("c.id IN (SELECT complaint_id FROM outbox)"));
    if (query.withoutPendingAction)
        where.append(QStringLiteral("c.id NOT IN (SELECT complaint_id FROM outbox)"));
    if (query.withConflictOnly)
        where.append(
            QStringLiteral("c.id IN (SELECT complaint_id FROM outbox WHERE status = 'conflict')"));
    if (query.suspectedDuplicateOnly) // refreshSuspectedDuplicates() made it
        where.append(QStringLiteral("c.id IN (SELECT id FROM temp.suspected_duplicates)"));
}

} // namespace

QueueReader::Sql QueueReader::buildSelect(const QueueQuery &query, const QString &columns,
                                          bool ordered, bool denseMatch) const
{
    Sql sql;
    QStringList where;
    const bool matching = whereFields(query, where, sql.binds);
    const QList<BindValue> cellBinds = whereBox(query, where, sql.binds);
    whereLocalWork(query, where);

    if (!cellBinds.isEmpty()) {
        // Walk the grid rows the box spans and each row's cell range in the
        // index (CROSS JOIN keeps that order), then the exact test above.
        sql.text =
            QStringLiteral(
                "WITH RECURSIVE r(k) AS (SELECT ? UNION ALL SELECT k + 1 FROM r WHERE k < ?) "
                "SELECT %1 FROM r CROSS JOIN complaints c "
                "ON c.cell BETWEEN r.k * 100000 + ? AND r.k * 100000 + ?")
                .arg(columns);
        sql.binds = cellBinds + sql.binds;
    } else {
        sql.text = QStringLiteral("SELECT %1 FROM complaints c").arg(columns);
    }
    // A text that matches much of the cache ("ул", the first letters typed):
    // walking the sort order's index and stopping at the page's end beats
    // sorting every match. SQLite's planner cannot know the match count.
    if (ordered && matching && !query.box &&
        (query.sort == QueueQuery::SortKey::Updated || query.sort == QueueQuery::SortKey::Votes) &&
        denseMatch) {
        sql.text += query.sort == QueueQuery::SortKey::Updated
                        ? QStringLiteral(" INDEXED BY complaints_updated")
                        : QStringLiteral(" INDEXED BY complaints_votes");
    }
    if (!where.isEmpty())
        sql.text += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    if (ordered)
        sql.text += QStringLiteral(" ORDER BY ") + orderBy(query, QStringLiteral("c."));
    return sql;
}

void QueueReader::refreshSuspectedDuplicates(const QueueQuery &query)
{
    if (!query.suspectedDuplicateOnly)
        return;
    // The count and every page of the queue, and the queue counts after each
    // sync, ask the same question: answered once per change of the cache.
    const std::pair<qint64, qint64> key{m_db.queryInt(QStringLiteral("PRAGMA data_version")),
                                        m_db.totalChanges()};
    if (key == m_suspectedKey)
        return;
    m_db.exec(QStringLiteral(
        "CREATE TEMP TABLE IF NOT EXISTS suspected_duplicates (id INTEGER PRIMARY KEY); "
        "DELETE FROM temp.suspected_duplicates;"));
    // A complaint awaiting moderation with a live one of the same category
    // within the radius: its own grid cell first (where most neighbours
    // are), then the eight around it (CacheSchema step 4: a cell is 0.005°,
    // wider than the radius; a row of cells is 100000 apart). Each is one
    // narrow range of the (category, cell, lat) index of step 8.
    QStringList cells;
    for (const char *offset : {"", " - 1", " + 1", " - 100000", " + 100000", " - 100001",
                               " - 99999", " + 99999", " + 100001"}) {
        cells.append(QStringLiteral("EXISTS (SELECT 1 FROM complaints o "
                                    "WHERE o.category_id = c.category_id AND o.cell = c.cell%1 "
                                    "AND o.lat BETWEEN c.lat - ?1 AND c.lat + ?1 "
                                    "AND o.id <> c.id AND o.state NOT IN ('rejected', 'duplicate') "
                                    "AND abs(o.lon - c.lon) <= ?2)")
                         .arg(QLatin1String(offset)));
    }
    sqlite::Statement fill(m_db, QStringLiteral("INSERT INTO temp.suspected_duplicates (id) "
                                                "SELECT c.id FROM complaints c "
                                                "WHERE c.state = 'moderation' AND (%1)")
                                     .arg(cells.join(QStringLiteral(" OR "))));
    fill.bind(1, QueueQuery::DuplicateLatitudeDegrees)
        .bind(2, QueueQuery::DuplicateLongitudeDegrees)
        .run();
    m_suspectedKey = {m_db.queryInt(QStringLiteral("PRAGMA data_version")), m_db.totalChanges()};
}

std::optional<qint64> QueueReader::likelyOriginal(qint64 id)
{
    return guarded([&]() -> std::optional<qint64> {
        // The nine grid cells around it, as refreshSuspectedDuplicates() looks;
        // distance squared with a degree of longitude at 55° N ≈ 0.57 of one
        // of latitude (0.3 squared, near enough to rank neighbours).
        sqlite::Statement s(
            m_db,
            QStringLiteral("SELECT o.id FROM complaints c JOIN complaints o "
                           "ON o.category_id = c.category_id AND o.cell IN (c.cell, c.cell - 1, "
                           "c.cell + 1, c.cell - 100000, c.cell + 100000, c.cell - 100001, "
                           "c.cell - 99999, c.cell + 99999, c.cell + 100001) "
                           "AND o.lat BETWEEN c.lat - ?2 AND c.lat + ?2 "
                           "WHERE c.id = ?1 AND o.id <> c.id AND abs(o.lon - c.lon) <= ?3 "
                           "AND o.state NOT IN ('rejected', 'duplicate') "
                           "ORDER BY o.created_at > c.created_at, "
                           "(o.lat - c.lat) * (o.lat - c.lat) + "
                           "(o.lon - c.lon) * (o.lon - c.lon) * 0.3, o.id LIMIT 1"));
        s.bind(1, id)
            .bind(2, QueueQuery::DuplicateLatitudeDegrees)
            .bind(3, QueueQuery::DuplicateLongitudeDegrees);
        std::optional<qint64> original;
        if (s.step())
            original = s.int64(0);
        s.reset();
        return original;
    });
}

QList<ComplaintRow> QueueReader::page(const QueueQuery &query, int offset, int limit)
{
    return guarded([&] {
        const QString match = QueueQuery::matchExpression(query.text);
        const bool dense = !match.isEmpty() && !m_bulkLoad.isActive() && isDenseMatch(match);
        // The page is chosen first, then only its rows look up their drafts,
        // outbox and server copies: SQLite computes result columns before
        // sorting, so asking for them in the sorted query costs three lookups
        // for every row of the queue, not of the page.
        refreshSuspectedDuplicates(query);
        Sql sql = buildSelect(query,
                              QStringLiteral("c.id, c.state, c.category_id, c.agency_id, "
                                             "c.address, c.created_at, c.updated_at, "
                                             "c.due_date, c.votes, c.left_scope"),
                              true, dense);
        sql.text = QStringLiteral("SELECT p.id, p.state, p.category_id, p.agency_id, p.address, "
                                  "p.created_at, p.updated_at, p.due_date, p.votes, "
                                  "EXISTS (SELECT 1 FROM drafts d WHERE d.complaint_id = p.id), "
                                  "(SELECT count(*) FROM outbox o WHERE o.complaint_id = p.id), "
                                  "p.left_scope, "
                                  "EXISTS (SELECT 1 FROM server_copies s WHERE s.id = p.id) "
                                  "FROM (%1 LIMIT ? OFFSET ?) p ORDER BY %2")
                       .arg(sql.text, orderBy(query, QStringLiteral("p.")));
        sql.binds << qint64(limit) << qint64(offset);
        const auto statement = sql.prepare(m_db);
        sqlite::Statement &s = *statement;
        QList<ComplaintRow> rows;
        rows.reserve(limit);
        while (s.step()) {
            ComplaintRow row;
            row.id = s.int64(0);
            row.state = stateFromBytes(s.textView(1));
            row.categoryId = s.integer(2);
            if (!s.isNull(3))
                row.agencyId = s.integer(3);
            row.address = s.text(4);
            row.createdAt = fromMs(s, 5);
            row.updatedAt = fromMs(s, 6);
            row.dueDate = fromDateText(s, 7);
            row.votes = s.integer(8);
            row.hasDraft = s.int64(9) != 0;
            row.pendingActions = s.integer(10);
            row.leftScope = s.int64(11) != 0;
            row.hasServerCopy = s.int64(12) != 0;
            rows.append(row);
        }
        s.reset();
        return rows;
    });
}

namespace {

bool onlyText(const QueueQuery &query)
{
    QueueQuery bare;
    bare.text = query.text;
    bare.sort = query.sort;
    bare.descending = query.descending;
    return query == bare;
}

} // namespace

qint64 QueueReader::textMatchCount(const QString &match)
{
    sqlite::Statement &s = m_db.prepare(
        QStringLiteral("SELECT count(*) FROM complaints_fts WHERE complaints_fts MATCH ?1"));
    s.bind(1, match);
    const qint64 result = s.step() ? s.int64(0) : 0;
    s.reset();
    m_lastDensity = {match, result > DenseMatchThreshold};
    return result;
}

bool QueueReader::isDenseMatch(const QString &match)
{
    // A queue asks for its count and then its first page with the same text:
    // the count already told. Density only picks a plan, never the result,
    // so a remembered answer that went stale costs speed, not correctness.
    if (m_lastDensity.first == match)
        return m_lastDensity.second;
    // Counting stops at the threshold (though FTS5 still merges a prefix's
    // doclists first).
    sqlite::Statement &s = m_db.prepare(QStringLiteral(
        "SELECT count(*) FROM (SELECT 1 FROM complaints_fts WHERE complaints_fts MATCH ?1 "
        "LIMIT ?2)"));
    s.bind(1, match).bind(2, DenseMatchThreshold + 1);
    const bool dense = s.step() && s.int64(0) > DenseMatchThreshold;
    s.reset();
    m_lastDensity = {match, dense};
    return dense;
}

qint64 QueueReader::count(const QueueQuery &query)
{
    return guarded([&] {
        // Typing into the search box with no other filter: the index alone
        // knows the count, no join needed.
        const QString match = QueueQuery::matchExpression(query.text);
        if (!match.isEmpty() && onlyText(query))
            return textMatchCount(match);
        refreshSuspectedDuplicates(query);
        const Sql sql = buildSelect(query, QStringLiteral("count(*)"), false);
        const auto statement = sql.prepare(m_db);
        sqlite::Statement &s = *statement;
        const qint64 result = s.step() ? s.int64(0) : 0;
        s.reset();
        return result;
    });
}

QList<qint64> QueueReader::ids(const QueueQuery &query)
{
    return guarded([&] {
        refreshSuspectedDuplicates(query);
        const Sql sql = buildSelect(query, QStringLiteral("c.id"), true);
        const auto statement = sql.prepare(m_db);
        sqlite::Statement &s = *statement;
        QList<qint64> ids;
        while (s.step())
            ids.append(s.int64(0));
        s.reset();
        return ids;
    });
}

QList<ComplaintPoint> QueueReader::points(const GeoBox &box, const QueueQuery &query)
{
    return guarded([&] {
        QueueQuery boxed = query;
        boxed.box = query.box ? query.box->intersected(box) : box;
        refreshSuspectedDuplicates(boxed);
        const Sql sql =
            buildSelect(boxed,
                        QStringLiteral("c.id, c.lat, c.lon, c.state, c.votes, c.due_date, "
                                       "EXISTS (SELECT 1 FROM drafts d "
                                       "WHERE d.complaint_id = c.id)"),
                        false);
        const auto statement = sql.prepare(m_db);
        sqlite::Statement &s = *statement;
        QList<ComplaintPoint> points;
        while (s.step()) {
            points.append({s.int64(0), s.real(1), s.real(2),
                           complaintStateFromCode(s.text(3)).value_or(ComplaintState::Published),
                           s.integer(4), QDate::fromString(s.text(5), Qt::ISODate),
                           s.int64(6) != 0});
        }
        s.reset();
        return points;
    });
}

} // namespace rd
