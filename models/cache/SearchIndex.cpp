#include "SearchIndex.h"

#include "CacheGuard.h"
#include "sqlite/Database.h"

namespace rd {

using detail::guarded;
using detail::guardedWrite;

SearchIndex::SearchIndex(sqlite::Database &db)
    : m_db(db)
{}

void SearchIndex::index(const QList<qint64> &ids)
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

qint64 SearchIndex::indexPending(int maxRows)
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

qint64 SearchIndex::pendingCount()
{
    return guarded(
        [&] { return m_db.queryInt(QStringLiteral("SELECT count(*) FROM search_pending")); });
}

} // namespace rd
