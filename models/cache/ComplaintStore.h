#pragma once

#include "CacheRecords.h"
#include "Complaint.h"
#include "QueueQuery.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QSet>
#include <QStringList>

#include <optional>

namespace rd {

struct ReportRow;

namespace sqlite {
class Database;
}

// Complaints in the local cache: the sync engine writes them, the queues,
// the complaint view and the map read them. Every method throws CacheError.
//
// The guard that protects a user's work: a complaint with a draft or a
// pending outbox action is "protected". A newer server record for it never
// overwrites the local row (which is what the user's draft was written
// against); it is kept beside it in server_copies until the draft and the
// outbox are done, then promoted. A tombstone for it flags the row
// left_scope instead of deleting it.
class ComplaintStore final
{
public:
    explicit ComplaintStore(sqlite::Database &db);
    Q_DISABLE_COPY_MOVE(ComplaintStore)

    struct UpsertStats
    {
        int applied = 0;       // inserted, or replaced an older version
        int stale = 0;         // not newer than what the cache holds: ignored
        int shadowed = 0;      // newer, kept beside a protected complaint
        QList<qint64> written; // ids applied or shadowed (their photos follow)
    };
    // Writes server records; atomic, and part of the caller's transaction if
    // one is open. Throws std::invalid_argument for a record that is not
    // fit to store (no id, coordinates off the globe), before writing any.
    UpsertStats upsert(const QList<Complaint> &complaints);

    enum class TombstoneResult
    {
        Removed,
        KeptForLocalWork,
        Unknown
    };
    TombstoneResult applyTombstone(qint64 id);

    // When a complaint is no longer protected, its waiting server copy (if
    // newer) replaces the local row and left_scope is kept as the server
    // said. Called by the draft and outbox stores; harmless to call anytime.
    void releaseIfUnprotected(qint64 id);
    bool isProtected(qint64 id);
    // Makes the waiting server copy the local row even though the complaint
    // is still protected: the user chose to continue on the server's version
    // (a conflict resolved by editing).
    void promoteServerCopy(qint64 id);

    std::optional<Complaint> complaint(qint64 id);
    std::optional<Complaint> serverCopy(qint64 id);
    bool hasLeftScope(qint64 id);
    qint64 count();
    // id → version of every cached complaint (for checks and diagnostics).
    QHash<qint64, qint64> versions();

    QList<ComplaintRow> queuePage(const QueueQuery &query, int offset, int limit);
    qint64 queueCount(const QueueQuery &query);
    // Every matching id in queue order: cheap (ids only), for models that
    // page rows in lazily over a whole queue.
    QList<qint64> queueIds(const QueueQuery &query);
    // Positions of the complaints inside box (and inside query's own box,
    // when it has one, and matching its other filters), for the map.
    QList<ComplaintPoint> points(const GeoBox &box, const QueueQuery &query = {});

    // The complaints registered in [from, to), of an agency (or all), some
    // categories and districts (empty: all), as a report reads them.
    QList<ReportRow> reportRows(const QDateTime &from, const QDateTime &to,
                                const std::optional<int> &agencyId, const QList<int> &categories,
                                const QList<int> &districts);

    // Full-text indexing (see CacheSchema step 3). By default every write
    // indexes the complaints it wrote, in the same transaction. A bulk sync
    // may defer that and index later in chunks with indexPendingSearch(),
    // keeping the first sync fast; until then those complaints are found by
    // every filter but the text search. pendingSearchCount() tells the UI.
    void setDeferSearchIndexing(bool defer) { m_deferSearchIndexing = defer; }
    bool defersSearchIndexing() const { return m_deferSearchIndexing; }
    // Indexes up to maxRows queued complaints (all, if maxRows < 0) in one
    // transaction; returns how many remain queued.
    qint64 indexPendingSearch(int maxRows = -1);
    qint64 pendingSearchCount();

    // Bulk loading, for a first sync or a resync: the secondary indexes of
    // complaints and the search triggers are dropped (their SQL kept in the
    // meta table), so each page costs what the table itself costs;
    // endBulkLoad() rebuilds the indexes in one sort each and starts the
    // search index over with every complaint queued for indexPendingSearch().
    // If the process dies in between, LocalCache::open() does the same.
    // Queries stay correct meanwhile (only slower), except text search,
    // which finds nothing new until the queue is indexed.
    void beginBulkLoad();
    void endBulkLoad();
    bool isBulkLoading();
    void restoreIndexesAfterBulkLoad();
    // The desk's sort and duplicate-search indexes (CacheSchema step 8) only
    // speed up sorting a whole queue by one column and the moderator's
    // "possible duplicates", so endBulkLoad() leaves them for later:
    // this builds up to maxIndexes of them (all if < 0), one transaction
    // each, and returns how many are still to build. Sorting stays correct
    // meanwhile, only slower.
    qint64 buildDeferredIndexes(int maxIndexes = -1);

    // Full resync (CacheSchema step 6): the ids the server sent since
    // beginResync(); finishResync() removes every other complaint (keeping,
    // flagged left_scope, those with the user's work) and returns their ids.
    void beginResync();
    void markSeen(const QList<qint64> &ids);
    bool isResyncing();
    QList<qint64> finishResync();

    void replacePhotos(qint64 complaintId, const QList<Photo> &photos);
    // Several complaints' photo lists at once; knownEmpty skips deleting old
    // rows (a first sync into an empty cache).
    void replacePhotos(const QList<QPair<qint64, QList<Photo>>> &batch, bool knownEmpty);
    QList<Photo> photos(qint64 complaintId);
    // The photo ids of these complaints, in their order ("make a queue
    // available offline").
    QStringList photoIds(const QList<qint64> &complaintIds);
    void replaceHistory(qint64 complaintId, const QList<HistoryEntry> &entries);
    QList<HistoryEntry> history(qint64 complaintId);

private:
    struct Sql;
    enum class ShadowResult
    {
        NotLocal,
        Stale,
        Shadowed
    };
    ShadowResult shadow(const Complaint &complaint);
    void promote(qint64 id);
    Sql buildSelect(const QueueQuery &query, const QString &columns, bool ordered,
                    bool denseMatch = false) const;
    qint64 textMatchCount(const QString &match);
    void refreshSuspectedDuplicates(const QueueQuery &query);
    bool isDenseMatch(const QString &match);
    QSet<qint64> protectedIds();
    void indexSearch(const QList<qint64> &ids);

    sqlite::Database &m_db;
    bool m_deferSearchIndexing = false;
    // What temp.suspected_duplicates was computed from: PRAGMA data_version
    // (other connections' commits) and this connection's total changes.
    std::pair<qint64, qint64> m_suspectedKey{-1, -1};
    QPair<QString, bool> m_lastDensity; // match expression → "matches many"
};

} // namespace rd
