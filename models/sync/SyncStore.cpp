#include "SyncStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace rd {

namespace {

const QString OwnerKey = QStringLiteral("sync_owner");

// The page's complaints to store: all, but those closed and unchanged
// since before the retention cut-off (none when it is invalid) that the
// user has no work on, whose ids go to *expired instead.
QList<Complaint> complaintsOf(const QList<ApiJson::ParsedComplaint> &records,
                              const QDateTime &cutoff, ComplaintStore &store,
                              QList<qint64> *expired)
{
    QList<Complaint> complaints;
    complaints.reserve(records.size());
    for (const auto &record : records) {
        const Complaint &c = record.complaint;
        if (cutoff.isValid() && isClosed(c.state) && c.updatedAt < cutoff &&
            !store.isProtected(c.id)) {
            expired->append(c.id);
            continue;
        }
        complaints.append(c);
    }
    return complaints;
}

} // namespace

SyncStore::SyncStore(std::unique_ptr<LocalCache> cache)
    : m_cache(std::move(cache))
{}

QString SyncStore::owner()
{
    return m_cache->meta(OwnerKey);
}

void SyncStore::setOwner(const QString &owner)
{
    m_cache->setMeta(OwnerKey, owner);
}

SyncState SyncStore::state()
{
    return m_cache->syncState();
}

SyncStore::PullMode SyncStore::beginPull(bool forceResync)
{
    ComplaintStore &complaints = m_cache->complaints();
    SyncState state = m_cache->syncState();
    if (forceResync) {
        LocalCache::WriteTransaction transaction(*m_cache);
        state.cursor.clear();
        state.epoch.clear();
        m_cache->saveSyncState(state);
        if (complaints.count() > 0)
            m_cache->bulkLoad().beginResync();
        transaction.commit();
    }
    if (!state.cursor.isEmpty()) {
        // Incremental, or a resync or first load resumed after a crash.
        m_mode = m_cache->bulkLoad().isResyncing() ? PullMode::Resync : PullMode::Incremental;
    } else if (complaints.count() == 0) {
        m_mode = PullMode::FirstLoad;
        m_cache->bulkLoad().begin();
    } else {
        m_mode = PullMode::Resync;
        if (!m_cache->bulkLoad().isResyncing())
            m_cache->bulkLoad().beginResync();
    }
    // The search index of a big page set is built afterwards, in chunks.
    m_cache->search().setDeferred(m_mode != PullMode::Incremental);
    return m_mode;
}

SyncStore::PageResult SyncStore::applyPage(const ChangesPage &page, const QString &fromCursor)
{
    ComplaintStore &complaints = m_cache->complaints();
    PageResult result;
    LocalCache::WriteTransaction transaction(*m_cache);
    SyncState state = m_cache->syncState();
    if (state.cursor != fromCursor)
        return result;
    QList<qint64> expired;
    const ComplaintStore::UpsertStats stats =
        complaints.upsert(complaintsOf(page.records, m_retentionCutoff, complaints, &expired));
    result.records = stats.applied + stats.shadowed;
    result.stale = stats.stale;
    result.changedIds = stats.written;
    if (!stats.written.isEmpty()) {
        QHash<qint64, qsizetype> index;
        index.reserve(page.records.size());
        for (qsizetype i = 0; i < page.records.size(); ++i)
            index.insert(page.records[i].complaint.id, i);
        QList<QPair<qint64, QList<Photo>>> photos;
        photos.reserve(stats.written.size());
        for (const qint64 id : stats.written)
            photos.append({id, page.records[index.value(id)].photos});
        m_cache->media().replacePhotos(photos, m_mode == PullMode::FirstLoad);
    }
    for (const qint64 id : std::as_const(expired)) {
        if (complaints.applyTombstone(id) != ComplaintStore::TombstoneResult::Unknown)
            result.changedIds.append(id);
    }
    for (const qint64 id : page.tombstones) {
        if (complaints.applyTombstone(id) != ComplaintStore::TombstoneResult::Unknown) {
            ++result.removed;
            result.changedIds.append(id);
        }
    }
    if (m_mode == PullMode::Resync) {
        QList<qint64> seen;
        seen.reserve(page.records.size());
        for (const auto &record : page.records)
            seen.append(record.complaint.id);
        m_cache->bulkLoad().markSeen(seen);
    }
    state.cursor = page.cursor;
    state.epoch = page.epoch;
    m_cache->saveSyncState(state);
    transaction.commit();
    result.applied = true;
    return result;
}

SyncStore::PullEnd SyncStore::finishPull(const QDateTime &now, int retentionMonths)
{
    PullEnd end;
    if (m_cache->bulkLoad().isActive())
        m_cache->bulkLoad().end();
    LocalCache::WriteTransaction transaction(*m_cache);
    if (m_cache->bulkLoad().isResyncing())
        end.removed = m_cache->bulkLoad().finishResync();
    // Complaints cross the line only as time passes (or as the user's work
    // on them ends): once an hour is often enough, and spares an
    // incremental pull the scan of a large cache's old rows.
    const bool retain = !m_lastRetention.isValid() || m_lastRetentionMonths != retentionMonths ||
                        m_lastRetention.secsTo(now) >= RetentionEverySeconds ||
                        now < m_lastRetention;
    if (retain)
        end.expired = m_cache->applyRetention(now, retentionMonths);
    SyncState state = m_cache->syncState();
    state.lastSuccess = now;
    m_cache->saveSyncState(state);
    transaction.commit();
    if (retain) {
        m_lastRetention = now;
        m_lastRetentionMonths = retentionMonths;
    }
    // What left is overwritten in the file (secure delete); the WAL is
    // emptied too, so no copy of those pages waits there for a checkpoint.
    if (!end.expired.isEmpty())
        m_cache->checkpoint();
    m_cache->search().setDeferred(false);
    m_mode = PullMode::Incremental;
    return end;
}

qint64 SyncStore::indexSearch(int maxRows)
{
    // The search backlog first (complaints), then the sort indexes a bulk
    // load left for later, one a call: "remaining" counts whichever is left.
    const qint64 remaining = m_cache->search().indexPending(maxRows);
    return remaining > 0 ? remaining : m_cache->bulkLoad().buildDeferredIndexes(1);
}

QString SyncStore::catalogueEtag()
{
    return m_cache->syncState().catalogueEtag;
}

void SyncStore::replaceCatalogue(const Catalogue &catalogue, const QString &etag)
{
    LocalCache::WriteTransaction transaction(*m_cache);
    m_cache->catalogue().replace(catalogue);
    SyncState state = m_cache->syncState();
    state.catalogueEtag = etag;
    m_cache->saveSyncState(state);
    transaction.commit();
}

QList<OutboxAction> SyncStore::dueActions(const QDateTime &now)
{
    QList<OutboxAction> due;
    QSet<qint64> blocked;
    for (const OutboxAction &action : m_cache->outbox().all()) {
        if (blocked.contains(action.complaintId))
            continue;
        const bool waiting = action.nextAttemptAt.isValid() && action.nextAttemptAt > now;
        if (action.status == OutboxStatus::Failed || action.status == OutboxStatus::Conflict ||
            waiting) {
            blocked.insert(action.complaintId);
            continue;
        }
        due.append(action);
    }
    return due;
}

std::optional<OutboxAction> SyncStore::action(qint64 seq)
{
    return m_cache->outbox().action(seq);
}

bool SyncStore::markSending(qint64 seq)
{
    return m_cache->outbox().claimForSending(seq);
}

QList<qint64> SyncStore::actionDone(const OutboxAction &action,
                                    const ApiJson::ParsedComplaint &current)
{
    OutboxStore &outbox = m_cache->outbox();
    ComplaintStore &complaints = m_cache->complaints();
    LocalCache::WriteTransaction transaction(*m_cache);
    outbox.remove(action.seq);
    for (const OutboxAction &later : outbox.forComplaint(action.complaintId)) {
        if (later.baseVersion != action.baseVersion || later.status == OutboxStatus::Sending)
            continue;
        QJsonObject body = QJsonDocument::fromJson(later.payload).object();
        body.insert(QStringLiteral("base_version"), current.complaint.version);
        outbox.rebase(later.seq, current.complaint.version,
                      QJsonDocument(body).toJson(QJsonDocument::Compact), later.idempotencyKey);
    }
    const auto stats = complaints.upsert({current.complaint});
    if (!stats.written.isEmpty())
        m_cache->media().replacePhotos(current.complaint.id, current.photos);
    transaction.commit();
    return {action.complaintId};
}

void SyncStore::actionConflict(const OutboxAction &action,
                               const std::optional<ApiJson::ParsedComplaint> &current,
                               const QString &message)
{
    LocalCache::WriteTransaction transaction(*m_cache);
    if (current)
        m_cache->complaints().upsert({current->complaint}); // kept beside the local row
    OutboxAction updated = action;
    updated.status = OutboxStatus::Conflict;
    updated.lastError = message;
    updated.nextAttemptAt = {};
    m_cache->outbox().update(updated);
    transaction.commit();
}

Draft SyncStore::draftFromAction(const OutboxAction &action, const QDateTime &now)
{
    const QJsonObject body = QJsonDocument::fromJson(action.payload).object();
    Draft draft;
    draft.complaintId = action.complaintId;
    draft.kind = action.action;
    draft.text = body.value(QStringLiteral("text")).toString();
    if (draft.text.isEmpty())
        draft.text = body.value(QStringLiteral("reason")).toString();
    draft.deadline =
        QDate::fromString(body.value(QStringLiteral("deadline")).toString(), Qt::ISODate);
    draft.refusalGround = body.value(QStringLiteral("ground")).toString();
    for (const QJsonValue &id : body.value(QStringLiteral("photo_ids")).toArray())
        draft.photoIds.append(id.toString());
    draft.baseVersion = action.baseVersion;
    draft.updatedAt = now;
    return draft;
}

void SyncStore::actionFailed(const OutboxAction &action, const QString &message,
                             const QJsonObject &fieldErrors, const QDateTime &now)
{
    LocalCache::WriteTransaction transaction(*m_cache);
    OutboxAction updated = action;
    updated.status = OutboxStatus::Failed;
    updated.lastError = message;
    updated.nextAttemptAt = {};
    m_cache->outbox().update(updated);
    if (!m_cache->drafts().draft(action.complaintId)) {
        Draft draft = draftFromAction(action, now);
        QJsonObject errors = fieldErrors;
        if (errors.isEmpty())
            errors.insert(QStringLiteral("_"), message);
        draft.fieldErrors = QJsonDocument(errors).toJson(QJsonDocument::Compact);
        m_cache->drafts().save(draft);
    }
    transaction.commit();
}

void SyncStore::actionDeferred(const OutboxAction &action, const QString &message,
                               const QDateTime &retryAt)
{
    OutboxAction updated = action;
    updated.status = OutboxStatus::Pending;
    updated.attempts = action.attempts + (retryAt.isValid() ? 1 : 0);
    updated.lastError = message;
    updated.nextAttemptAt = retryAt;
    m_cache->outbox().update(updated);
}

qint64 SyncStore::outboxCount()
{
    return m_cache->outbox().count();
}

int SyncStore::conflictCount()
{
    return int(m_cache->outbox().count(OutboxStatus::Conflict));
}

std::optional<QDateTime> SyncStore::nextRetry()
{
    std::optional<QDateTime> next;
    for (const OutboxAction &action : m_cache->outbox().all()) {
        if (action.status != OutboxStatus::Pending || !action.nextAttemptAt.isValid() ||
            action.attempts == 0)
            continue;
        if (!next || action.nextAttemptAt < *next)
            next = action.nextAttemptAt;
    }
    return next;
}

} // namespace rd
