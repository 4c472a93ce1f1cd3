#include "ComplaintStore.h"

#include "report/Report.h"

#include "CacheGuard.h"
#include "sqlite/Database.h"

#include <sqlite3.h>

#include <QStringList>

#include <cmath>
#include <memory>
#include <stdexcept>
#include <tuple>
#include <variant>

namespace rd {

using detail::fromDateText;
using detail::fromMs;
using detail::guarded;
using detail::guardedWrite;
using detail::toDateText;
using detail::toMs;

namespace {

// Above this many text matches, a queue page is read in index order (see
// buildSelect). Measured on 100 000 demo complaints: docs/cache.md.
constexpr qint64 DenseMatchThreshold = 2000;

// Above this many grid cells a box query scans instead (see buildSelect);
// measured on 100 000 Omsk complaints, docs/cache.md.
constexpr qint64 MaxCellsForIndexWalk = 400;

// A state code straight from the row's bytes, without a QString per row.
ComplaintState stateFromBytes(QByteArrayView code)
{
    static const QList<QPair<QByteArray, ComplaintState>> codes = [] {
        QList<QPair<QByteArray, ComplaintState>> list;
        for (const ComplaintState state :
             {ComplaintState::Moderation, ComplaintState::Published, ComplaintState::Rejected,
              ComplaintState::Duplicate, ComplaintState::InProgress, ComplaintState::Solved,
              ComplaintState::Refused, ComplaintState::Confirmed, ComplaintState::Contested})
            list.append({toCode(state).toLatin1(), state});
        return list;
    }();
    for (const auto &[bytes, state] : codes) {
        if (code == bytes)
            return state;
    }
    return ComplaintState::Published; // as readComplaint() does for unknown codes
}

// The server-owned columns, in the order bindComplaint() and readComplaint()
// use. left_scope is local and handled apart.
const QStringList &complaintColumns()
{
    static const QStringList columns{
        QStringLiteral("id"),
        QStringLiteral("version"),
        QStringLiteral("state"),
        QStringLiteral("category_id"),
        QStringLiteral("agency_id"),
        QStringLiteral("district_id"),
        QStringLiteral("body"),
        QStringLiteral("address"),
        QStringLiteral("lat"),
        QStringLiteral("lon"),
        QStringLiteral("created_at"),
        QStringLiteral("updated_at"),
        QStringLiteral("published_at"),
        QStringLiteral("due_date"),
        QStringLiteral("votes"),
        QStringLiteral("author_name"),
        QStringLiteral("author_email"),
        QStringLiteral("author_phone"),
        QStringLiteral("answer_kind"),
        QStringLiteral("answer_text"),
        QStringLiteral("answer_deadline"),
        QStringLiteral("refusal_ground"),
        QStringLiteral("answered_at"),
        QStringLiteral("deadline_extended"),
        QStringLiteral("extension_reason"),
        QStringLiteral("duplicate_of"),
        QStringLiteral("reject_reason"),
        QStringLiteral("citizen_feedback"),
        QStringLiteral("first_answered_at"),
    };
    return columns;
}

QString columnList(const QString &prefix = {})
{
    QStringList names;
    for (const QString &column : complaintColumns())
        names.append(prefix + column);
    return names.join(QStringLiteral(", "));
}

// Columns the complaints table has secondary indexes on (CacheSchema steps
// 1, 4 and 8), updated_at apart: it changes with every new version.
bool isIndexedColumn(const QString &column)
{
    static const QStringList indexed{
        QStringLiteral("state"),      QStringLiteral("category_id"), QStringLiteral("agency_id"),
        QStringLiteral("address"),    QStringLiteral("lat"),         QStringLiteral("lon"),
        QStringLiteral("created_at"), QStringLiteral("due_date"),    QStringLiteral("votes"),
    };
    return indexed.contains(column);
}

// INSERT … ON CONFLICT DO UPDATE that only ever moves a row forward in
// version: an older or equal record is ignored (changes() == 0). With
// withIndexedColumns false the update leaves the indexed columns to
// updateIndexedSql(): SQLite rewrites every index whose columns an UPDATE
// names, changed or not, and a typical new version (a note, a vote) changes
// none of them.
QString upsertSql(const QString &table, bool withIndexedColumns = true)
{
    QStringList placeholders;
    QStringList assignments;
    const QStringList &columns = complaintColumns();
    for (qsizetype i = 0; i < columns.size(); ++i) {
        placeholders.append(QStringLiteral("?%1").arg(i + 1));
        if (i > 0 && (withIndexedColumns || !isIndexedColumn(columns[i])))
            assignments.append(QStringLiteral("%1 = excluded.%1").arg(columns[i]));
    }
    return QStringLiteral("INSERT INTO %1 (%2, left_scope) VALUES (%3, 0) "
                          "ON CONFLICT (id) DO UPDATE SET %4, left_scope = 0 "
                          "WHERE excluded.version > %1.version")
        .arg(table, columnList(), placeholders.join(QStringLiteral(", ")),
             assignments.join(QStringLiteral(", ")));
}

// The indexed columns of a complaint upsertSql(…, false) wrote, only where
// one of them differs (same parameter numbers as bindComplaint()).
QString updateIndexedSql()
{
    QStringList assignments;
    QStringList differences;
    const QStringList &columns = complaintColumns();
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (!isIndexedColumn(columns[i]))
            continue;
        assignments.append(QStringLiteral("%1 = ?%2").arg(columns[i]).arg(i + 1));
        differences.append(QStringLiteral("%1 IS NOT ?%2").arg(columns[i]).arg(i + 1));
    }
    return QStringLiteral("UPDATE complaints SET %1 WHERE id = ?1 AND (%2)")
        .arg(assignments.join(QStringLiteral(", ")), differences.join(QStringLiteral(" OR ")));
}

// The sort indexes of CacheSchema step 8 that a bulk load builds after the
// fact (buildDeferredIndexes()).
bool isDeferredIndex(const QString &name)
{
    static const QStringList names{
        QStringLiteral("complaints_state"),   QStringLiteral("complaints_category"),
        QStringLiteral("complaints_created"), QStringLiteral("complaints_due"),
        QStringLiteral("complaints_address"), QStringLiteral("complaints_category_cell"),
    };
    return names.contains(name);
}

// The parameters of updateIndexedSql(), numbered as bindComplaint() numbers
// them (SQLite refuses a parameter a statement does not have).
void bindIndexedColumns(sqlite::Statement &s, const Complaint &c)
{
    s.bind(1, c.id)
        .bind(3, toCode(c.state))
        .bind(4, c.categoryId)
        .bind(5, c.agencyId)
        .bind(8, c.address.isNull() ? QStringLiteral("") : c.address)
        .bind(9, c.latitude)
        .bind(10, c.longitude)
        .bind(11, toMs(c.createdAt))
        .bind(14, toDateText(c.dueDate))
        .bind(15, c.votes);
}

QString nonNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

void validate(const Complaint &c)
{
    if (c.id <= 0)
        throw std::invalid_argument("complaint without a valid id");
    if (c.version <= 0)
        throw std::invalid_argument("complaint " + std::to_string(c.id) + " without a version");
    if (!std::isfinite(c.latitude) || !std::isfinite(c.longitude) || std::abs(c.latitude) > 90.0 ||
        std::abs(c.longitude) > 180.0)
        throw std::invalid_argument("complaint " + std::to_string(c.id) +
                                    " has coordinates off the globe");
    if (!c.createdAt.isValid() || !c.updatedAt.isValid())
        throw std::invalid_argument("complaint " + std::to_string(c.id) + " without times");
}

void bindComplaint(sqlite::Statement &s, const Complaint &c)
{
    s.bind(1, c.id)
        .bind(2, c.version)
        .bind(3, toCode(c.state))
        .bind(4, c.categoryId)
        .bind(5, c.agencyId)
        .bind(6, c.districtId)
        .bind(7, nonNull(c.text))
        .bind(8, nonNull(c.address))
        .bind(9, c.latitude)
        .bind(10, c.longitude)
        .bind(11, toMs(c.createdAt))
        .bind(12, toMs(c.updatedAt))
        .bind(13, toMs(c.publishedAt))
        .bind(14, toDateText(c.dueDate))
        .bind(15, c.votes)
        .bind(16, c.authorName)
        .bind(17, c.authorEmail)
        .bind(18, c.authorPhone)
        .bind(19, toCode(c.answerKind))
        .bind(20, c.answerText)
        .bind(21, toDateText(c.answerDeadline))
        .bind(22, c.refusalGround)
        .bind(23, toMs(c.answeredAt))
        .bind(24, c.deadlineExtended)
        .bind(25, c.extensionReason)
        .bind(26, c.duplicateOf)
        .bind(27, c.rejectReason)
        .bind(28, c.citizenFeedback)
        .bind(29, toMs(c.firstAnsweredAt));
}

Complaint readComplaint(const sqlite::Statement &s)
{
    Complaint c;
    c.id = s.int64(0);
    c.version = s.int64(1);
    // A state this build does not know (a newer server) reads as Published,
    // the safest "visible, not actionable here" state; the code is kept in
    // the database untouched.
    c.state = complaintStateFromCode(s.text(2)).value_or(ComplaintState::Published);
    c.categoryId = s.integer(3);
    if (!s.isNull(4))
        c.agencyId = s.integer(4);
    if (!s.isNull(5))
        c.districtId = s.integer(5);
    c.text = s.text(6);
    c.address = s.text(7);
    c.latitude = s.real(8);
    c.longitude = s.real(9);
    c.createdAt = fromMs(s, 10);
    c.updatedAt = fromMs(s, 11);
    c.publishedAt = fromMs(s, 12);
    c.dueDate = fromDateText(s, 13);
    c.votes = s.integer(14);
    c.authorName = s.text(15);
    c.authorEmail = s.text(16);
    c.authorPhone = s.text(17);
    c.answerKind = answerKindFromCode(s.text(18)).value_or(AnswerKind::None);
    c.answerText = s.text(19);
    c.answerDeadline = fromDateText(s, 20);
    c.refusalGround = s.text(21);
    c.answeredAt = fromMs(s, 22);
    c.deadlineExtended = s.int64(23) != 0;
    c.extensionReason = s.text(24);
    if (!s.isNull(25))
        c.duplicateOf = s.int64(25);
    c.rejectReason = s.text(26);
    c.citizenFeedback = s.text(27);
    c.firstAnsweredAt = fromMs(s, 28);
    return c;
}

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

struct ComplaintStore::Sql
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

ComplaintStore::ComplaintStore(sqlite::Database &db)
    : m_db(db)
{
    sqlite3_create_function_v2(m_db.handle(), "rd_in_polygon", 3,
                               SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, inPolygon, nullptr,
                               nullptr, nullptr);
}

QSet<qint64> ComplaintStore::protectedIds()
{
    QSet<qint64> ids;
    sqlite::Statement &s = m_db.prepare(
        QStringLiteral("SELECT complaint_id FROM drafts UNION SELECT complaint_id FROM outbox"));
    while (s.step())
        ids.insert(s.int64(0));
    s.reset();
    return ids;
}

bool ComplaintStore::isProtected(qint64 id)
{
    return guarded([&] {
        sqlite::Statement &s = m_db.prepare(
            QStringLiteral("SELECT EXISTS (SELECT 1 FROM drafts WHERE complaint_id = ?1) "
                           "OR EXISTS (SELECT 1 FROM outbox WHERE complaint_id = ?1)"));
        s.bind(1, id);
        const bool result = s.step() && s.int64(0) != 0;
        s.reset();
        return result;
    });
}

ComplaintStore::ShadowResult ComplaintStore::shadow(const Complaint &complaint)
{
    sqlite::Statement &local =
        m_db.prepare(QStringLiteral("SELECT version FROM complaints WHERE id = ?1"));
    local.bind(1, complaint.id);
    const std::optional<qint64> localVersion =
        local.step() ? std::optional<qint64>(local.int64(0)) : std::nullopt;
    local.reset();
    if (!localVersion)
        return ShadowResult::NotLocal;
    if (complaint.version <= *localVersion)
        return ShadowResult::Stale;
    sqlite::Statement &copy = m_db.prepare(upsertSql(QStringLiteral("server_copies")));
    bindComplaint(copy, complaint);
    copy.run();
    m_db.prepare(QStringLiteral("UPDATE complaints SET left_scope = 0 WHERE id = ?1"))
        .bind(1, complaint.id)
        .run();
    return ShadowResult::Shadowed;
}

ComplaintStore::UpsertStats ComplaintStore::upsert(const QList<Complaint> &complaints)
{
    for (const Complaint &complaint : complaints)
        validate(complaint);
    return guardedWrite(m_db, [&] {
        UpsertStats stats;
        QList<qint64> written;
        written.reserve(complaints.size());
        const QSet<qint64> guardedIds = protectedIds();
        sqlite::Statement &main = m_db.prepare(upsertSql(QStringLiteral("complaints"), false));
        sqlite::Statement &indexed = m_db.prepare(updateIndexedSql());
        for (const Complaint &complaint : complaints) {
            if (guardedIds.contains(complaint.id)) {
                switch (shadow(complaint)) {
                case ShadowResult::Stale:
                    ++stats.stale;
                    continue;
                case ShadowResult::Shadowed:
                    ++stats.shadowed;
                    stats.written.append(complaint.id);
                    continue;
                case ShadowResult::NotLocal:
                    break;
                }
            }
            bindComplaint(main, complaint);
            main.run();
            if (m_db.changes() > 0) {
                bindIndexedColumns(indexed, complaint);
                indexed.run();
                ++stats.applied;
                written.append(complaint.id);
            } else {
                ++stats.stale;
            }
        }
        if (!m_deferSearchIndexing)
            indexSearch(written);
        if (stats.shadowed == 0)
            stats.written = std::move(written);
        else
            stats.written += written;
        return stats;
    });
}

ComplaintStore::TombstoneResult ComplaintStore::applyTombstone(qint64 id)
{
    return guardedWrite(m_db, [&] {
        if (isProtected(id)) {
            sqlite::Statement &s =
                m_db.prepare(QStringLiteral("UPDATE complaints SET left_scope = 1 WHERE id = ?1"));
            s.bind(1, id).run();
            m_db.prepare(QStringLiteral("DELETE FROM server_copies WHERE id = ?1"))
                .bind(1, id)
                .run();
            return TombstoneResult::KeptForLocalWork;
        }
        m_db.prepare(QStringLiteral("DELETE FROM server_copies WHERE id = ?1")).bind(1, id).run();
        sqlite::Statement &s = m_db.prepare(QStringLiteral("DELETE FROM complaints WHERE id = ?1"));
        s.bind(1, id).run();
        return m_db.changes() > 0 ? TombstoneResult::Removed : TombstoneResult::Unknown;
    });
}

void ComplaintStore::releaseIfUnprotected(qint64 id)
{
    guardedWrite(m_db, [&] {
        if (isProtected(id))
            return;
        promote(id);
        // A complaint kept only for the user's work leaves with it.
        m_db.prepare(QStringLiteral("DELETE FROM complaints WHERE id = ?1 AND left_scope = 1"))
            .bind(1, id)
            .run();
    });
}

void ComplaintStore::promoteServerCopy(qint64 id)
{
    guardedWrite(m_db, [&] { promote(id); });
}

void ComplaintStore::promote(qint64 id)
{
    {
        // Promote a newer server copy. "WHERE true" keeps SQLite's parser from
        // reading ON CONFLICT as a join constraint of the SELECT.
        QStringList assignments;
        for (const QString &column : complaintColumns().mid(1))
            assignments.append(QStringLiteral("%1 = excluded.%1").arg(column));
        sqlite::Statement &promote =
            m_db.prepare(QStringLiteral("INSERT INTO complaints (%1, left_scope) "
                                        "SELECT %1, 0 FROM server_copies WHERE id = ?1 AND true "
                                        "ON CONFLICT (id) DO UPDATE SET %2, left_scope = 0 "
                                        "WHERE excluded.version > complaints.version")
                             .arg(columnList(), assignments.join(QStringLiteral(", "))));
        promote.bind(1, id).run();
        m_db.prepare(QStringLiteral("DELETE FROM server_copies WHERE id = ?1")).bind(1, id).run();
        indexSearch({id});
    }
}

void ComplaintStore::indexSearch(const QList<qint64> &ids)
{
    sqlite::Statement &index = m_db.prepare(
        QStringLiteral("INSERT INTO complaints_fts (rowid, ref, body, address) "
                       "SELECT s.id, s.ref, s.body, s.address FROM complaints_search s "
                       "WHERE s.id = ?1 AND EXISTS (SELECT 1 FROM search_pending WHERE id = ?1)"));
    sqlite::Statement &done =
        m_db.prepare(QStringLiteral("DELETE FROM search_pending WHERE id = ?1"));
    for (const qint64 id : ids) {
        index.bind(1, id).run();
        done.bind(1, id).run();
    }
}

qint64 ComplaintStore::indexPendingSearch(int maxRows)
{
    return guardedWrite(m_db, [&] {
        const qint64 limit = maxRows < 0 ? -1 : qint64(maxRows);
        m_db.prepare(QStringLiteral(
                         "INSERT INTO complaints_fts (rowid, ref, body, address) "
                         "SELECT s.id, s.ref, s.body, s.address FROM complaints_search s "
                         "WHERE s.id IN (SELECT id FROM search_pending ORDER BY id LIMIT ?1)"))
            .bind(1, limit)
            .run();
        const bool indexedSome = m_db.changes() > 0;
        m_db.prepare(QStringLiteral("DELETE FROM search_pending WHERE id IN "
                                    "(SELECT id FROM search_pending ORDER BY id LIMIT ?1)"))
            .bind(1, limit)
            .run();
        const qint64 remaining =
            m_db.queryInt(QStringLiteral("SELECT count(*) FROM search_pending"));
        if (indexedSome && remaining == 0) // the backlog's last chunk: merge the segments it left
            m_db.exec(QStringLiteral(
                "INSERT INTO complaints_fts (complaints_fts, rank) VALUES ('merge', 500)"));
        return remaining;
    });
}

void ComplaintStore::beginBulkLoad()
{
    // Foreign keys are checked per row (a parent lookup for each photo and
    // history row: half the cost of a first sync's photos). In bulk mode the
    // loader writes children with their parents in the same page, and
    // restoreIndexesAfterBulkLoad() removes any orphan before turning the
    // checks back on. The pragma is per connection and does nothing inside
    // a transaction, so it is set here, before one.
    if (!m_db.inTransaction())
        guarded([&] { m_db.exec(QStringLiteral("PRAGMA foreign_keys = OFF")); });
    guardedWrite(m_db, [&] {
        // The secondary indexes of complaints and photos and the search
        // triggers go; their
        // SQL (as SQLite keeps it in sqlite_schema, never outside input) is
        // kept in meta to be replayed by restoreIndexesAfterBulkLoad().
        sqlite::Statement &found = m_db.prepare(QStringLiteral(
            "SELECT type, name, sql FROM sqlite_schema WHERE tbl_name IN ('complaints', "
            "'photos') AND sql IS NOT NULL AND (type = 'index' OR (type = 'trigger' "
            "AND substr(name, 1, 18) = 'complaints_search_'))"));
        QList<std::tuple<QString, QString, QString>> objects;
        while (found.step())
            objects.append({found.text(0), found.text(1), found.text(2)});
        found.reset();
        sqlite::Statement &keep = m_db.prepare(
            QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)"));
        for (const auto &[type, name, sql] : objects) {
            keep.bind(1, QStringLiteral("bulk_sql.") + name).bind(2, sql).run();
            m_db.exec(QStringLiteral("DROP %1 \"%2\"").arg(type.toUpper(), name));
        }
        keep.bind(1, QStringLiteral("bulk_load")).bind(2, QStringLiteral("1")).run();
    });
    m_deferSearchIndexing = true;
}

void ComplaintStore::endBulkLoad()
{
    restoreIndexesAfterBulkLoad();
}

qint64 ComplaintStore::buildDeferredIndexes(int maxIndexes)
{
    return guardedWrite(m_db, [&] {
        sqlite::Statement &pending =
            m_db.prepare(QStringLiteral("SELECT key, value FROM meta WHERE substr(key, 1, 13) = "
                                        "'deferred_sql.' ORDER BY key"));
        QList<std::pair<QString, QString>> indexes;
        while (pending.step())
            indexes.append({pending.text(0), pending.text(1)});
        pending.reset();
        const qsizetype count =
            maxIndexes < 0 ? indexes.size() : std::min<qsizetype>(maxIndexes, indexes.size());
        sqlite::Statement &done = m_db.prepare(QStringLiteral("DELETE FROM meta WHERE key = ?1"));
        for (qsizetype i = 0; i < count; ++i) {
            // SQL that SQLite itself wrote into sqlite_schema (beginBulkLoad).
            m_db.exec(indexes[i].second);
            done.bind(1, indexes[i].first).run();
        }
        return qint64(indexes.size() - count);
    });
}

bool ComplaintStore::isBulkLoading()
{
    return guarded([&] {
        return m_db.queryInt(QStringLiteral(
                   "SELECT count(*) FROM meta WHERE key = 'bulk_load' AND value = '1'")) > 0;
    });
}

void ComplaintStore::restoreIndexesAfterBulkLoad()
{
    if (!isBulkLoading())
        return;
    guardedWrite(m_db, [&] {
        sqlite::Statement &saved = m_db.prepare(QStringLiteral(
            "SELECT substr(key, 10), value FROM meta WHERE substr(key, 1, 9) = 'bulk_sql.'"));
        QStringList statements;
        QList<std::pair<QString, QString>> deferred;
        while (saved.step()) {
            if (isDeferredIndex(saved.text(0)))
                deferred.append({saved.text(0), saved.text(1)});
            else
                statements.append(saved.text(1));
        }
        saved.reset();
        sqlite::Statement &later = m_db.prepare(
            QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)"));
        for (const auto &[name, sql] : deferred)
            later.bind(1, QStringLiteral("deferred_sql.") + name).bind(2, sql).run();
        // Each index is one sort; SQLite may spread a sort over helper threads.
        m_db.exec(QStringLiteral("PRAGMA threads = 2"));
        for (const QString &sql : statements)
            m_db.exec(sql);
        m_db.exec(QStringLiteral("PRAGMA threads = 0"));
        // Without its triggers the search index could not follow the bulk
        // writes, so it starts over: empty, with every complaint queued
        // (CacheSchema step 3's invariant), indexed by indexPendingSearch().
        m_db.exec(QStringLiteral(
            "INSERT INTO complaints_fts (complaints_fts) VALUES ('delete-all'); "
            "DELETE FROM search_pending; "
            "INSERT INTO search_pending (id) SELECT id FROM complaints; "
            "DELETE FROM meta WHERE substr(key, 1, 9) = 'bulk_sql.' OR key = 'bulk_load';"
            "DELETE FROM photos WHERE complaint_id NOT IN (SELECT id FROM complaints);"
            "DELETE FROM history WHERE complaint_id NOT IN (SELECT id FROM complaints);"));
    });
    if (!m_db.inTransaction())
        guarded([&] { m_db.exec(QStringLiteral("PRAGMA foreign_keys = ON")); });
    m_deferSearchIndexing = false;
}

qint64 ComplaintStore::pendingSearchCount()
{
    return guarded(
        [&] { return m_db.queryInt(QStringLiteral("SELECT count(*) FROM search_pending")); });
}

std::optional<Complaint> ComplaintStore::complaint(qint64 id)
{
    return guarded([&]() -> std::optional<Complaint> {
        sqlite::Statement &s = m_db.prepare(
            QStringLiteral("SELECT %1 FROM complaints WHERE id = ?1").arg(columnList()));
        s.bind(1, id);
        std::optional<Complaint> result;
        if (s.step())
            result = readComplaint(s);
        s.reset();
        return result;
    });
}

std::optional<Complaint> ComplaintStore::serverCopy(qint64 id)
{
    return guarded([&]() -> std::optional<Complaint> {
        sqlite::Statement &s = m_db.prepare(
            QStringLiteral("SELECT %1 FROM server_copies WHERE id = ?1").arg(columnList()));
        s.bind(1, id);
        std::optional<Complaint> result;
        if (s.step())
            result = readComplaint(s);
        s.reset();
        return result;
    });
}

bool ComplaintStore::hasLeftScope(qint64 id)
{
    return guarded([&] {
        sqlite::Statement &s =
            m_db.prepare(QStringLiteral("SELECT left_scope FROM complaints WHERE id = ?1"));
        s.bind(1, id);
        const bool result = s.step() && s.int64(0) != 0;
        s.reset();
        return result;
    });
}

QHash<qint64, qint64> ComplaintStore::versions()
{
    return guarded([&] {
        QHash<qint64, qint64> result;
        sqlite::Statement &s = m_db.prepare(QStringLiteral("SELECT id, version FROM complaints"));
        while (s.step())
            result.insert(s.int64(0), s.int64(1));
        s.reset();
        return result;
    });
}

qint64 ComplaintStore::count()
{
    return guarded(
        [&] { return m_db.queryInt(QStringLiteral("SELECT count(*) FROM complaints")); });
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

ComplaintStore::Sql ComplaintStore::buildSelect(const QueueQuery &query, const QString &columns,
                                                bool ordered, bool denseMatch) const
{
    Sql sql;
    QStringList where;
    const auto asInt = [](int value) { return BindValue(qint64(value)); };
    if (!query.states.isEmpty()) {
        where.append(QStringLiteral("c.state IN ") +
                     inList(query.states, sql.binds,
                            [](ComplaintState state) { return BindValue(toCode(state)); }));
    }
    if (!query.categories.isEmpty())
        where.append(QStringLiteral("c.category_id IN ") +
                     inList(query.categories, sql.binds, asInt));
    if (!query.agencies.isEmpty())
        where.append(QStringLiteral("c.agency_id IN ") + inList(query.agencies, sql.binds, asInt));
    if (!query.districts.isEmpty())
        where.append(QStringLiteral("c.district_id IN ") +
                     inList(query.districts, sql.binds, asInt));
    if (query.dueFrom) {
        where.append(QStringLiteral("c.due_date >= ?"));
        sql.binds.append(toDateText(*query.dueFrom));
    }
    if (query.dueTo) {
        where.append(QStringLiteral("c.due_date <= ?"));
        sql.binds.append(toDateText(*query.dueTo));
    }
    if (query.minVotes) {
        where.append(QStringLiteral("c.votes >= ?"));
        sql.binds.append(qint64(*query.minVotes));
    }
    const QString match = QueueQuery::matchExpression(query.text);
    if (!match.isEmpty()) {
        where.append(QStringLiteral(
            "c.id IN (SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ?)"));
        sql.binds.append(match);
    }
    QList<BindValue> cellBinds;
    if (query.box) {
        const GeoBox &b = *query.box;
        if (!b.isValid())
            throw std::invalid_argument("invalid geographic box");
        // The grid cells the box spans, row by row (CacheSchema step 4), then
        // the exact test. Cells are 1/200° and a row is 100000 apart.
        const auto cellOf = [](double degrees, double offset) {
            return qint64((degrees + offset) * 200.0);
        };
        where.append(QStringLiteral("c.lat BETWEEN ? AND ? AND c.lon BETWEEN ? AND ?"));
        sql.binds << b.south << b.north << b.west << b.east;
        // A box of a few hundred cells (a few km²) walks the cell index; a
        // larger one reads most of the table anyway, faster in rowid order.
        const qint64 cellRows = cellOf(b.north, 90.0) - cellOf(b.south, 90.0) + 1;
        const qint64 cellColumns = cellOf(b.east, 180.0) - cellOf(b.west, 180.0) + 1;
        if (query.polygon.size() >= 3) {
            where.append(QStringLiteral("rd_in_polygon(c.lat, c.lon, ?)"));
            sql.binds.append(QueueQuery::polygonText(query.polygon));
        }
        if (cellRows * cellColumns <= MaxCellsForIndexWalk)
            cellBinds << cellOf(b.south, 90.0) << cellOf(b.north, 90.0) << cellOf(b.west, 180.0)
                      << cellOf(b.east, 180.0);
    }
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
    if (ordered && !match.isEmpty() && !query.box &&
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

void ComplaintStore::refreshSuspectedDuplicates(const QueueQuery &query)
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

QList<ComplaintRow> ComplaintStore::queuePage(const QueueQuery &query, int offset, int limit)
{
    return guarded([&] {
        const QString match = QueueQuery::matchExpression(query.text);
        const bool dense = !match.isEmpty() && !isBulkLoading() && isDenseMatch(match);
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

qint64 ComplaintStore::textMatchCount(const QString &match)
{
    sqlite::Statement &s = m_db.prepare(
        QStringLiteral("SELECT count(*) FROM complaints_fts WHERE complaints_fts MATCH ?1"));
    s.bind(1, match);
    const qint64 result = s.step() ? s.int64(0) : 0;
    s.reset();
    m_lastDensity = {match, result > DenseMatchThreshold};
    return result;
}

bool ComplaintStore::isDenseMatch(const QString &match)
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

qint64 ComplaintStore::queueCount(const QueueQuery &query)
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

QList<qint64> ComplaintStore::queueIds(const QueueQuery &query)
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

QList<ReportRow> ComplaintStore::reportRows(const QDateTime &from, const QDateTime &to,
                                            const std::optional<int> &agencyId,
                                            const QList<int> &categories,
                                            const QList<int> &districts)
{
    return guarded([&] {
        Sql sql;
        sql.text = QStringLiteral(
            "SELECT c.id, c.state, c.category_id, c.agency_id, c.district_id, c.created_at, "
            "c.published_at, c.due_date, c.votes, c.answer_kind, c.answer_deadline, "
            "c.first_answered_at, c.address FROM complaints c "
            "WHERE c.created_at >= ? AND c.created_at < ?");
        sql.binds << from.toMSecsSinceEpoch() << to.toMSecsSinceEpoch();
        const auto asInt = [](int value) { return BindValue(qint64(value)); };
        if (agencyId) {
            sql.text += QStringLiteral(" AND c.agency_id = ?");
            sql.binds << qint64(*agencyId);
        }
        if (!categories.isEmpty())
            sql.text +=
                QStringLiteral(" AND c.category_id IN ") + inList(categories, sql.binds, asInt);
        if (!districts.isEmpty())
            sql.text +=
                QStringLiteral(" AND c.district_id IN ") + inList(districts, sql.binds, asInt);
        const auto statement = sql.prepare(m_db);
        sqlite::Statement &s = *statement;
        QList<ReportRow> rows;
        while (s.step()) {
            ReportRow row;
            row.id = s.int64(0);
            row.state = stateFromBytes(s.textView(1));
            row.categoryId = s.integer(2);
            if (!s.isNull(3))
                row.agencyId = s.integer(3);
            if (!s.isNull(4))
                row.districtId = s.integer(4);
            row.createdAt = fromMs(s, 5);
            row.publishedAt = fromMs(s, 6);
            row.dueDate = fromDateText(s, 7);
            row.votes = s.integer(8);
            row.answerKind = answerKindFromCode(s.text(9)).value_or(AnswerKind::None);
            row.answerDeadline = fromDateText(s, 10);
            row.firstAnsweredAt = fromMs(s, 11);
            row.address = s.text(12);
            rows.append(row);
        }
        s.reset();
        return rows;
    });
}

QList<ComplaintPoint> ComplaintStore::points(const GeoBox &box, const QueueQuery &query)
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

void ComplaintStore::beginResync()
{
    guardedWrite(m_db, [&] {
        m_db.prepare(QStringLiteral("DELETE FROM resync_seen")).run();
        m_db.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) "
                                    "VALUES ('resync', '1')"))
            .run();
    });
}

bool ComplaintStore::isResyncing()
{
    return guarded([&] {
        sqlite::Statement &s =
            m_db.prepare(QStringLiteral("SELECT EXISTS (SELECT 1 FROM meta WHERE key = 'resync')"));
        const bool result = s.step() && s.int64(0) != 0;
        s.reset();
        return result;
    });
}

void ComplaintStore::markSeen(const QList<qint64> &ids)
{
    guardedWrite(m_db, [&] {
        sqlite::Statement &s =
            m_db.prepare(QStringLiteral("INSERT OR IGNORE INTO resync_seen (id) VALUES (?1)"));
        for (const qint64 id : ids)
            s.bind(1, id).run();
    });
}

QList<qint64> ComplaintStore::finishResync()
{
    return guardedWrite(m_db, [&] {
        QList<qint64> gone;
        sqlite::Statement &s = m_db.prepare(QStringLiteral(
            "SELECT id FROM complaints WHERE id NOT IN (SELECT id FROM resync_seen)"));
        while (s.step())
            gone.append(s.int64(0));
        s.reset();
        for (const qint64 id : gone)
            applyTombstone(id);
        m_db.prepare(QStringLiteral("DELETE FROM resync_seen")).run();
        m_db.prepare(QStringLiteral("DELETE FROM meta WHERE key = 'resync'")).run();
        return gone;
    });
}

void ComplaintStore::replacePhotos(const QList<QPair<qint64, QList<Photo>>> &batch, bool knownEmpty)
{
    guardedWrite(m_db, [&] {
        sqlite::Statement &remove =
            m_db.prepare(QStringLiteral("DELETE FROM photos WHERE complaint_id = ?1"));
        sqlite::Statement &insert = m_db.prepare(QStringLiteral(
            "INSERT OR REPLACE INTO photos (id, complaint_id, mime_type, width, height, bytes, "
            "evidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
        for (const auto &[complaintId, photos] : batch) {
            if (!knownEmpty)
                remove.bind(1, complaintId).run();
            for (const Photo &photo : photos) {
                insert.bind(1, photo.id)
                    .bind(2, complaintId)
                    .bind(3, nonNull(photo.mimeType))
                    .bind(4, photo.width)
                    .bind(5, photo.height)
                    .bind(6, photo.bytes)
                    .bind(7, photo.evidence)
                    .run();
            }
        }
    });
}

void ComplaintStore::replacePhotos(qint64 complaintId, const QList<Photo> &photos)
{
    replacePhotos({{complaintId, photos}}, false);
}

QStringList ComplaintStore::photoIds(const QList<qint64> &complaintIds)
{
    return guarded([&] {
        QStringList ids;
        sqlite::Statement &s = m_db.prepare(
            QStringLiteral("SELECT id FROM photos WHERE complaint_id = ?1 ORDER BY id"));
        for (const qint64 complaintId : complaintIds) {
            s.bind(1, complaintId);
            while (s.step())
                ids.append(s.text(0));
            s.reset();
        }
        return ids;
    });
}

QList<Photo> ComplaintStore::photos(qint64 complaintId)
{
    return guarded([&] {
        sqlite::Statement &s = m_db.prepare(
            QStringLiteral("SELECT id, mime_type, width, height, bytes, evidence FROM photos "
                           "WHERE complaint_id = ?1 ORDER BY evidence, rowid"));
        s.bind(1, complaintId);
        QList<Photo> photos;
        while (s.step()) {
            photos.append({s.text(0), complaintId, s.text(1), s.integer(2), s.integer(3),
                           s.int64(4), s.int64(5) != 0});
        }
        s.reset();
        return photos;
    });
}

void ComplaintStore::replaceHistory(qint64 complaintId, const QList<HistoryEntry> &entries)
{
    guardedWrite(m_db, [&] {
        m_db.prepare(QStringLiteral("DELETE FROM history WHERE complaint_id = ?1"))
            .bind(1, complaintId)
            .run();
        sqlite::Statement &s = m_db.prepare(QStringLiteral(
            "INSERT OR REPLACE INTO history (complaint_id, seq, at, actor, action, old_value, "
            "new_value, comment) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
        for (const HistoryEntry &entry : entries) {
            s.bind(1, complaintId)
                .bind(2, entry.seq)
                .bind(3, toMs(entry.at).value_or(0))
                .bind(4, nonNull(entry.actor))
                .bind(5, nonNull(entry.action))
                .bind(6, entry.oldValue)
                .bind(7, entry.newValue)
                .bind(8, entry.comment)
                .run();
        }
    });
}

QList<HistoryEntry> ComplaintStore::history(qint64 complaintId)
{
    return guarded([&] {
        sqlite::Statement &s = m_db.prepare(QStringLiteral(
            "SELECT seq, at, actor, action, old_value, new_value, comment FROM history "
            "WHERE complaint_id = ?1 ORDER BY seq"));
        s.bind(1, complaintId);
        QList<HistoryEntry> entries;
        while (s.step()) {
            entries.append({complaintId, s.int64(0), fromMs(s, 1), s.text(2), s.text(3), s.text(4),
                            s.text(5), s.text(6)});
        }
        s.reset();
        return entries;
    });
}

} // namespace rd
