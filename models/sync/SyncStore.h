#pragma once

#include "ApiJson.h"
#include "CacheRecords.h"
#include "Catalogue.h"
#include "ChangesPage.h"
#include "LocalCache.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

#include <memory>

namespace rd {

// The sync engine's side of the cache: every write the engine makes, each
// one transaction, so that a crash between any two leaves a cache the next
// sync resumes from (DESIGN.md §4). Owns the engine's own connection and is
// used from one thread at a time (the engine's store thread). Throws
// CacheError.
class SyncStore final
{
public:
    explicit SyncStore(std::unique_ptr<LocalCache> cache);
    Q_DISABLE_COPY_MOVE(SyncStore)

    LocalCache &cache() { return *m_cache; }

    // Who the cache belongs to: "<server>|<login>". A cache is never synced
    // for another user or server (their data and unsent work would mix).
    QString owner();
    void setOwner(const QString &owner);

    SyncState state();

    // --- Pull ---------------------------------------------------------------
    enum class PullMode
    {
        Incremental, // from the stored cursor
        FirstLoad,   // empty cache: bulk mode (indexes rebuilt at the end)
        Resync,      // everything again; what the server no longer sends goes
    };
    // Decides how this pull starts and prepares the cache for it. A resync
    // forced by the server (410, epoch change) passes forceResync.
    PullMode beginPull(bool forceResync);

    struct PageResult
    {
        bool applied = false; // false: the cache's cursor is not fromCursor
        int records = 0;      // applied or kept beside local work
        int stale = 0;
        int removed = 0;
        QList<qint64> changedIds;
    };
    // Applies one page and moves the cursor to it, in one transaction, but
    // only if the cache's cursor is still fromCursor (pages are applied in
    // order, exactly once; a page after a failed one is refused).
    PageResult applyPage(const ChangesPage &page, const QString &fromCursor);
    // Retention at the door: a record closed and unchanged since before
    // `before` (invalid: none) is not stored, and a local copy of it leaves,
    // as its tombstone would have it (the user's work keeps it, as ever).
    // A region's first sync then writes only what retention would keep.
    void setRetentionCutoff(const QDateTime &before) { m_retentionCutoff = before; }

    // After the last page: rebuilds indexes after a first load, removes what a
    // resync did not see, applies retention (closed complaints unchanged for
    // retentionMonths leave the cache; 0 keeps everything), records the time
    // of success and the period the cache covers (LocalCache::coverage).
    // Retention runs at the first pull and then at most once an hour.
    struct PullEnd
    {
        QList<qint64> removed; // the server no longer sends them
        QList<qint64> expired; // retention
    };
    PullEnd finishPull(const QDateTime &now, int retentionMonths = 0);
    // Indexes up to maxRows complaints for text search; returns how many wait.
    qint64 indexSearch(int maxRows);

    QString catalogueEtag();
    void replaceCatalogue(const Catalogue &catalogue, const QString &etag);

    // --- Push ---------------------------------------------------------------
    // The actions to send now, in order: per complaint only those before the
    // first one that cannot go (failed, in conflict, waiting to retry).
    QList<OutboxAction> dueActions(const QDateTime &now);
    std::optional<OutboxAction> action(qint64 seq);
    // Marks an action as being on the wire (Undo is refused from then on);
    // false if it is no longer there to send (the user took it back first).
    bool markSending(qint64 seq);
    // The server took it: the row goes, the answer is stored, and later
    // actions on the same complaint made on the same base are moved onto the
    // new version (they were made on top of this one).
    QList<qint64> actionDone(const OutboxAction &action, const ApiJson::ParsedComplaint &current);
    // 409: kept as a conflict, the server's record beside the local one.
    void actionConflict(const OutboxAction &action,
                        const std::optional<ApiJson::ParsedComplaint> &current,
                        const QString &message);
    // 422/403/404/other 4xx: not retried; the user's content goes back to a
    // draft (unless they already have one), with the server's field errors.
    void actionFailed(const OutboxAction &action, const QString &message,
                      const QJsonObject &fieldErrors, const QDateTime &now);
    // Network trouble or 5xx: tried again at retryAt with the same key, one
    // attempt more. Without a retryAt (no session, cancelled) it was not an
    // attempt: pending again as it was, for the next run.
    void actionDeferred(const OutboxAction &action, const QString &message,
                        const QDateTime &retryAt);
    qint64 outboxCount();
    int conflictCount();
    // The earliest retry after a failed attempt. An action held for Undo
    // (never attempted) is not a retry: the controller wakes for it itself.
    std::optional<QDateTime> nextRetry();

    // The draft that holds an action's content (the reverse of submitting).
    static Draft draftFromAction(const OutboxAction &action, const QDateTime &now);

private:
    std::unique_ptr<LocalCache> m_cache;
    PullMode m_mode = PullMode::Incremental;
    static constexpr qint64 RetentionEverySeconds = 3600;
    QDateTime m_lastRetention;   // when finishPull() last applied retention
    QDateTime m_retentionCutoff; // setRetentionCutoff()
    int m_lastRetentionMonths = -1;
};

} // namespace rd
