#include "UserActions.h"

#include "ActionRules.h"
#include "LocalCache.h"
#include "SyncStore.h"

#include <QJsonDocument>
#include <QUuid>

#include <stdexcept>

namespace rd {

UserActions::UserActions(LocalCache &cache, const Clock &clock)
    : m_cache(cache)
    , m_clock(clock)
{}

QDateTime UserActions::now() const
{
    return m_clock.now();
}

QString UserActions::newIdempotencyKey()
{
    return QStringLiteral("rd-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

OutboxAction UserActions::outboxRow(qint64 complaintId, const QString &action,
                                    const QJsonObject &fields, qint64 baseVersion,
                                    const QDateTime &created) const
{
    QJsonObject body = fields;
    body.insert(QStringLiteral("action"), action);
    body.insert(QStringLiteral("base_version"), baseVersion);
    OutboxAction row;
    row.complaintId = complaintId;
    row.idempotencyKey = newIdempotencyKey();
    row.action = action;
    row.payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
    row.baseVersion = baseVersion;
    row.createdAt = created;
    // Held: not an attempt that failed (attempts stay 0), a first attempt
    // that lies ahead. The engine sends nothing of this complaint before it.
    if (m_holdSeconds > 0)
        row.nextAttemptAt = created.addSecs(m_holdSeconds);
    return row;
}

qint64 UserActions::submit(qint64 complaintId, const QString &action, const QJsonObject &fields,
                           qint64 baseVersion)
{
    const OutboxAction row = outboxRow(complaintId, action, fields, baseVersion, now());
    LocalCache::WriteTransaction transaction(m_cache);
    const qint64 seq = m_cache.outbox().enqueue(row);
    m_cache.drafts().discard(complaintId);
    transaction.commit();
    return seq;
}

QList<qint64> UserActions::submitMany(const BulkPlan &plan)
{
    QList<qint64> seqs;
    seqs.reserve(plan.items.size());
    const QDateTime created = now();
    LocalCache::WriteTransaction transaction(m_cache);
    for (const BulkPlan::Item &item : plan.items)
        seqs.append(m_cache.outbox().enqueue(
            outboxRow(item.complaintId, plan.action, item.fields, item.baseVersion, created)));
    transaction.commit();
    return seqs;
}

bool UserActions::undo(qint64 seq, bool restoreDraft)
{
    LocalCache::WriteTransaction transaction(m_cache);
    const std::optional<OutboxAction> action = m_cache.outbox().action(seq);
    if (!action || action->status == OutboxStatus::Sending)
        return false;
    // A moderation decision taken back is simply not taken; an answer or a
    // note comes back as the draft it was (unless the user has begun another).
    const ActionRule *rule = ActionRules::find(action->action);
    if (restoreDraft && (!rule || rule->restoresDraftOnUndo()) &&
        !m_cache.drafts().draft(action->complaintId))
        m_cache.drafts().save(SyncStore::draftFromAction(*action, now()));
    m_cache.outbox().remove(seq);
    transaction.commit();
    return true;
}

int UserActions::releaseHolds()
{
    return m_cache.outbox().releaseHolds(now());
}

void UserActions::reapply(qint64 seq)
{
    LocalCache::WriteTransaction transaction(m_cache);
    std::optional<OutboxAction> action = m_cache.outbox().action(seq);
    if (!action)
        return;
    const auto server = m_cache.complaints().serverCopy(action->complaintId);
    const auto local = m_cache.complaints().complaint(action->complaintId);
    const qint64 version = server ? server->version : local ? local->version : action->baseVersion;
    QJsonObject body = QJsonDocument::fromJson(action->payload).object();
    body.insert(QStringLiteral("base_version"), version);
    m_cache.outbox().rebase(seq, version, QJsonDocument(body).toJson(QJsonDocument::Compact),
                            newIdempotencyKey());
    action->status = OutboxStatus::Pending;
    action->attempts = 0;
    action->nextAttemptAt = {};
    action->lastError.clear();
    m_cache.outbox().update(*action);
    transaction.commit();
}

void UserActions::editAsDraft(qint64 seq)
{
    LocalCache::WriteTransaction transaction(m_cache);
    const std::optional<OutboxAction> action = m_cache.outbox().action(seq);
    if (!action)
        return;
    const qint64 id = action->complaintId;
    const auto server = m_cache.complaints().serverCopy(id);
    Draft draft = m_cache.drafts().draft(id).value_or(SyncStore::draftFromAction(*action, now()));
    if (server)
        draft.baseVersion = server->version;
    draft.updatedAt = now();
    m_cache.drafts().save(draft);               // keeps the complaint protected…
    m_cache.outbox().remove(seq);               // …while the action goes,
    m_cache.complaints().promoteServerCopy(id); // and the draft now reads the server's version
    transaction.commit();
}

void UserActions::discard(qint64 seq)
{
    m_cache.outbox().remove(seq);
}

void UserActions::retry(qint64 seq)
{
    std::optional<OutboxAction> action = m_cache.outbox().action(seq);
    if (!action)
        return;
    action->status = OutboxStatus::Pending;
    action->nextAttemptAt = {};
    action->lastError.clear();
    m_cache.outbox().update(*action);
}

} // namespace rd
