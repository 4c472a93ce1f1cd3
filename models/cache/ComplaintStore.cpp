#include "ComplaintStore.h"

#include "CacheGuard.h"
#include "ComplaintRows.h"
#include "SearchIndex.h"
#include "sqlite/Database.h"

#include <QStringList>

#include <algorithm>

namespace rd {

using detail::guarded;
using detail::guardedWrite;
using namespace rows;

ComplaintStore::ComplaintStore(sqlite::Database &db, SearchIndex &search)
    : m_db(db)
    , m_search(search)
{}

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
        if (!m_search.isDeferred())
            m_search.index(written);
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
        m_search.index({id});
    }
}

ComplaintStore::Expired ComplaintStore::expireClosed(const QDateTime &before)
{
    return guardedWrite(m_db, [&] {
        QStringList closed;
        for (const ComplaintState state : allComplaintStates()) {
            if (isClosed(state))
                closed.append(QLatin1Char('\'') + toCode(state) + QLatin1Char('\''));
        }
        // The codes are ours, never input; the cut-off is bound.
        sqlite::Statement &select = m_db.prepare(
            QStringLiteral("SELECT id FROM complaints WHERE updated_at < ?1 AND state IN (%1) "
                           "AND id NOT IN (SELECT complaint_id FROM drafts) "
                           "AND id NOT IN (SELECT complaint_id FROM outbox)")
                .arg(closed.join(QLatin1Char(','))));
        select.bind(1, before.toMSecsSinceEpoch());
        Expired expired;
        while (select.step())
            expired.ids.append(select.int64(0));
        select.reset();
        // The search index deletes securely (schema step 14): a page rewrite
        // per word of each row, about a millisecond a complaint. Past a
        // hundredth of the cache, building the index afresh costs less: the
        // rows are queued as if unindexed (the delete trigger then leaves
        // the index alone), and the rebuild drops every word of theirs.
        const bool rebuild = expired.ids.size() > std::max<qint64>(RebuildAbove, count() / 100);
        if (rebuild) {
            sqlite::Statement &queue = m_db.prepare(
                QStringLiteral("INSERT OR IGNORE INTO search_pending (id) VALUES (?1)"));
            for (const qint64 id : std::as_const(expired.ids))
                queue.bind(1, id).run();
        }
        sqlite::Statement &photos =
            m_db.prepare(QStringLiteral("SELECT id FROM photos WHERE complaint_id = ?1"));
        sqlite::Statement &remove =
            m_db.prepare(QStringLiteral("DELETE FROM complaints WHERE id = ?1"));
        sqlite::Statement &copy =
            m_db.prepare(QStringLiteral("DELETE FROM server_copies WHERE id = ?1"));
        sqlite::Statement &note =
            m_db.prepare(QStringLiteral("INSERT OR IGNORE INTO expired_photos (id) VALUES (?1)"));
        for (const qint64 id : std::as_const(expired.ids)) {
            QStringList these;
            photos.bind(1, id);
            while (photos.step())
                these.append(photos.text(0));
            photos.reset();
            for (const QString &photo : std::as_const(these))
                note.bind(1, photo).run();
            expired.photoIds += these;
            remove.bind(1, id).run(); // photos and history go with it (ON DELETE CASCADE)
            copy.bind(1, id).run();
        }
        if (rebuild) {
            // Every remaining complaint is indexed by the rebuild: none waits.
            m_db.exec(
                QStringLiteral("INSERT INTO complaints_fts (complaints_fts) VALUES ('rebuild'); "
                               "DELETE FROM search_pending;"));
        }
        return expired;
    });
}

std::optional<Complaint> ComplaintStore::readOne(const char *table, qint64 id)
{
    return guarded([&]() -> std::optional<Complaint> {
        sqlite::Statement &s = m_db.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE id = ?1")
                                                .arg(columnList(), QLatin1String(table)));
        s.bind(1, id);
        std::optional<Complaint> result;
        if (s.step())
            result = readComplaint(s);
        s.reset();
        return result;
    });
}

std::optional<Complaint> ComplaintStore::complaint(qint64 id)
{
    return readOne("complaints", id);
}

std::optional<Complaint> ComplaintStore::serverCopy(qint64 id)
{
    return readOne("server_copies", id);
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

} // namespace rd
