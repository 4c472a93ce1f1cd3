#pragma once

#include "BulkActions.h"
#include "CacheRecords.h"
#include "Clock.h"

#include <QJsonObject>
#include <QString>

#include <algorithm>
#include <functional>

namespace rd {

class LocalCache;

// The user's side of the outbox (DESIGN.md §4): an action is written with its
// outbox row in one transaction, and the draft it came from goes in the same
// one, so a crash leaves either the draft or the queued action, never both
// and never neither. Also how the user settles what the engine could not
// send: conflicts (409) and refusals (403/422). Runs on the UI's own cache
// connection. Throws CacheError.
class UserActions final
{
public:
    explicit UserActions(LocalCache &cache, const Clock &clock = Clock::system());

    // How long a queued action is held before the sync may send it, so that
    // undo() can still take it back (docs/sync.md "Hold"): its first attempt
    // is then. 0 (the default here; the desk sets its setting) sends at once.
    void setHoldSeconds(int seconds) { m_holdSeconds = std::max(0, seconds); }
    int holdSeconds() const { return m_holdSeconds; }

    // Queues action ("solve", "publish", …) with its fields, made against
    // baseVersion, held for holdSeconds(); returns its outbox sequence number.
    qint64 submit(qint64 complaintId, const QString &action, const QJsonObject &fields,
                  qint64 baseVersion);
    // Queues a bulk plan's actions (BulkActions::plan), each its own row and
    // idempotency key, in one transaction; returns their sequence numbers in
    // the plan's order.
    QList<qint64> submitMany(const BulkPlan &plan);
    // Takes back an action that has not started on its way to the server, in
    // one transaction: the outbox row goes, and an answer's or a note's
    // content returns as the complaint's draft (a moderation decision leaves
    // none). False if it is already being sent (or gone).
    // restoreDraft false: nothing comes back as a draft (a bulk action's
    // text was the dialog's, for all of them, not this complaint's own).
    bool undo(qint64 seq, bool restoreDraft = true);
    // "Send now": every held action may go at once; returns how many were held.
    int releaseHolds();

    // Conflict: send the same content again on the server's current version
    // (a new idempotency key: the first one's 409 stays remembered).
    void reapply(qint64 seq);
    // Conflict or failure: the content becomes a draft on the server's
    // current version for the user to edit; the action is dropped.
    void editAsDraft(qint64 seq);
    // Conflict or failure: drop the action (its draft, if any, stays).
    void discard(qint64 seq);
    // Failed: try again as it is (after whatever refused it was fixed).
    void retry(qint64 seq);

    static QString newIdempotencyKey();

private:
    QDateTime now() const;
    OutboxAction outboxRow(qint64 complaintId, const QString &action, const QJsonObject &fields,
                           qint64 baseVersion, const QDateTime &created) const;

    LocalCache &m_cache;
    const Clock &m_clock;
    int m_holdSeconds = 0;
};

} // namespace rd
