#pragma once

#include <QList>

namespace rd {

class ComplaintStore;
class SearchIndex;

namespace sqlite {
class Database;
}

// Loading many complaints at once: a first sync, and a full resync. Every
// method throws CacheError.
//
// Bulk loading: the secondary indexes of complaints and the search triggers
// are dropped (their SQL kept in the meta table), so each page costs what
// the table itself costs; end() rebuilds the indexes in one sort each and
// starts the search index over with every complaint queued for
// SearchIndex::indexPending(). If the process dies in between,
// LocalCache::open() does the same. Queries stay correct meanwhile (only
// slower), except text search, which finds nothing new until the queue is
// indexed.
//
// Full resync (CacheSchema step 6): the ids the server sent since
// beginResync(); finishResync() removes every other complaint (keeping,
// flagged left_scope, those with the user's work) and returns their ids.
class BulkLoad final
{
public:
    BulkLoad(sqlite::Database &db, ComplaintStore &complaints, SearchIndex &search);
    Q_DISABLE_COPY_MOVE(BulkLoad)

    void begin();
    void end();
    bool isActive();
    void restoreIndexes();
    // The desk's sort and duplicate-search indexes (CacheSchema step 8) only
    // speed up sorting a whole queue by one column and the moderator's
    // "possible duplicates", so end() leaves them for later: this builds up
    // to maxIndexes of them (all if < 0), one transaction each, and returns
    // how many are still to build. Sorting stays correct meanwhile, only
    // slower.
    qint64 buildDeferredIndexes(int maxIndexes = -1);

    void beginResync();
    void markSeen(const QList<qint64> &ids);
    bool isResyncing();
    QList<qint64> finishResync();

private:
    sqlite::Database &m_db;
    ComplaintStore &m_complaints;
    SearchIndex &m_search;
};

} // namespace rd
