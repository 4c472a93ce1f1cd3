#pragma once

#include "CacheRecords.h"
#include "Complaint.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>

#include <optional>

namespace rd {

class SearchIndex;

namespace sqlite {
class Database;
}

// Complaint records in the local cache, and the guard of the user's work.
// The sync engine writes them; the complaint view reads them (queues, the
// map and reports read through QueueReader). Every method throws
// CacheError.
//
// The guard: a complaint with a draft or a pending outbox action is
// "protected". A newer server record for it never overwrites the local row
// (which is what the user's draft was written against); it is kept beside
// it in server_copies until the draft and the outbox are done, then
// promoted. A tombstone for it flags the row left_scope instead of deleting
// it.
class ComplaintStore final
{
public:
    ComplaintStore(sqlite::Database &db, SearchIndex &search);
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
    // Indexes them for search unless the search index is deferred.
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

    // Retention (docs/cache.md, "Retention"): closed complaints (rejected,
    // duplicates, refused, confirmed) unchanged since before `before` leave
    // the cache with their photos and history, unless the user has work on
    // them (a draft, an outbox action). Returns what left. Part of the
    // caller's transaction if one is open.
    struct Expired
    {
        QList<qint64> ids;
        QStringList photoIds; // their photos, for the photo cache to drop
    };
    Expired expireClosed(const QDateTime &before);

    std::optional<Complaint> complaint(qint64 id);
    std::optional<Complaint> serverCopy(qint64 id);
    bool hasLeftScope(qint64 id);
    qint64 count();
    // id → version of every cached complaint (for checks and diagnostics).
    QHash<qint64, qint64> versions();

private:
    enum class ShadowResult
    {
        NotLocal,
        Stale,
        Shadowed
    };
    ShadowResult shadow(const Complaint &complaint);
    void promote(qint64 id);
    QSet<qint64> protectedIds();
    // The row of complaints or server_copies (the table: a literal of ours).
    std::optional<Complaint> readOne(const char *table, qint64 id);

    // expireClosed(): above this many (and a hundredth of the cache), the
    // search index is rebuilt instead of deleted from row by row.
    static constexpr qint64 RebuildAbove = 500;

    sqlite::Database &m_db;
    SearchIndex &m_search;
};

} // namespace rd
