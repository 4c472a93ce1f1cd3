#pragma once

#include <QList>

namespace rd {

namespace sqlite {
class Database;
}

// The cache's full-text index of complaints (CacheSchema step 3). By default
// every write indexes the complaints it wrote, in the same transaction. A
// bulk sync may defer that and index later in chunks with indexPending(),
// keeping the first sync fast; until then those complaints are found by
// every filter but the text search. pendingCount() tells the UI. Every
// method throws CacheError.
class SearchIndex final
{
public:
    explicit SearchIndex(sqlite::Database &db);
    Q_DISABLE_COPY_MOVE(SearchIndex)

    void setDeferred(bool defer) { m_deferred = defer; }
    bool isDeferred() const { return m_deferred; }
    // Indexes these complaints now, if they are queued (inside the caller's
    // write).
    void index(const QList<qint64> &ids);
    // Indexes up to maxRows queued complaints (all, if maxRows < 0) in one
    // transaction; returns how many remain queued.
    qint64 indexPending(int maxRows = -1);
    qint64 pendingCount();

private:
    sqlite::Database &m_db;
    bool m_deferred = false;
};

} // namespace rd
