#include "BulkLoad.h"

#include "CacheGuard.h"
#include "ComplaintRows.h"
#include "ComplaintStore.h"
#include "SearchIndex.h"
#include "sqlite/Database.h"

#include <tuple>

namespace rd {

using detail::guarded;
using detail::guardedWrite;
using rows::isDeferredIndex;

BulkLoad::BulkLoad(sqlite::Database &db, ComplaintStore &complaints, SearchIndex &search)
    : m_db(db)
    , m_complaints(complaints)
    , m_search(search)
{}

void BulkLoad::begin()
{
    // Foreign keys are checked per row (a parent lookup for each photo and
    // history row: half the cost of a first sync's photos). In bulk mode the
    // loader writes children with their parents in the same page, and
    // restoreIndexes() removes any orphan before turning the
    // checks back on. The pragma is per connection and does nothing inside
    // a transaction, so it is set here, before one.
    if (!m_db.inTransaction())
        guarded([&] { m_db.exec(QStringLiteral("PRAGMA foreign_keys = OFF")); });
    guardedWrite(m_db, [&] {
        // The secondary indexes of complaints and photos and the search
        // triggers go; their
        // SQL (as SQLite keeps it in sqlite_schema, never outside input) is
        // kept in meta to be replayed by restoreIndexes().
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
    m_search.setDeferred(true);
}

void BulkLoad::end()
{
    restoreIndexes();
}

qint64 BulkLoad::buildDeferredIndexes(int maxIndexes)
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
            // SQL that SQLite itself wrote into sqlite_schema (begin).
            m_db.exec(indexes[i].second);
            done.bind(1, indexes[i].first).run();
        }
        return qint64(indexes.size() - count);
    });
}

bool BulkLoad::isActive()
{
    return guarded([&] {
        return m_db.queryInt(QStringLiteral(
                   "SELECT count(*) FROM meta WHERE key = 'bulk_load' AND value = '1'")) > 0;
    });
}

void BulkLoad::restoreIndexes()
{
    if (!isActive())
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
        // (CacheSchema step 3's invariant), indexed by SearchIndex::indexPending().
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
    m_search.setDeferred(false);
}

void BulkLoad::beginResync()
{
    guardedWrite(m_db, [&] {
        m_db.prepare(QStringLiteral("DELETE FROM resync_seen")).run();
        m_db.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) "
                                    "VALUES ('resync', '1')"))
            .run();
    });
}

bool BulkLoad::isResyncing()
{
    return guarded([&] {
        sqlite::Statement &s =
            m_db.prepare(QStringLiteral("SELECT EXISTS (SELECT 1 FROM meta WHERE key = 'resync')"));
        const bool result = s.step() && s.int64(0) != 0;
        s.reset();
        return result;
    });
}

void BulkLoad::markSeen(const QList<qint64> &ids)
{
    guardedWrite(m_db, [&] {
        sqlite::Statement &s =
            m_db.prepare(QStringLiteral("INSERT OR IGNORE INTO resync_seen (id) VALUES (?1)"));
        for (const qint64 id : ids)
            s.bind(1, id).run();
    });
}

QList<qint64> BulkLoad::finishResync()
{
    return guardedWrite(m_db, [&] {
        QList<qint64> gone;
        sqlite::Statement &s = m_db.prepare(QStringLiteral(
            "SELECT id FROM complaints WHERE id NOT IN (SELECT id FROM resync_seen)"));
        while (s.step())
            gone.append(s.int64(0));
        s.reset();
        for (const qint64 id : gone)
            m_complaints.applyTombstone(id);
        m_db.prepare(QStringLiteral("DELETE FROM resync_seen")).run();
        m_db.prepare(QStringLiteral("DELETE FROM meta WHERE key = 'resync'")).run();
        return gone;
    });
}

} // namespace rd
