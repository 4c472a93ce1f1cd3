#pragma once

#include "CacheRecords.h"

#include <QList>

#include <optional>

namespace rd {

namespace sqlite {
class Database;
}
class ComplaintStore;

// Actions waiting to reach the server, in the order they were made. The
// sync engine sends them; the cache keeps them across crashes. Writing an
// action together with its local change is one transaction (open one with
// LocalCache::WriteTransaction around both).
class OutboxStore final
{
public:
    OutboxStore(sqlite::Database &db, ComplaintStore &complaints);
    Q_DISABLE_COPY_MOVE(OutboxStore)

    // Appends the action and returns its sequence number. The idempotency
    // key must be unique; a duplicate is refused (it would be sent twice).
    qint64 enqueue(const OutboxAction &action);
    std::optional<OutboxAction> action(qint64 seq);
    QList<OutboxAction> all();
    QList<OutboxAction> forComplaint(qint64 complaintId);
    // Status, attempts, next attempt and last error of an existing action.
    void update(const OutboxAction &action);
    // Marks an action as on its way (status "sending") in one statement,
    // unless it is gone or failed or in conflict; true if it was marked. An
    // Undo that removed it first wins, and one that comes later sees it is
    // being sent: never both.
    bool claimForSending(qint64 seq);

    // The actions held for Undo (docs/sync.md "Hold"): pending, never
    // attempted, with their first attempt after now.
    struct Holds
    {
        qint64 count = 0;
        QDateTime firstRelease; // the earliest goes then
        QDateTime lastRelease;  // the latest (the last one queued, as a rule)
        friend bool operator==(const Holds &, const Holds &) = default;
    };
    Holds holds(const QDateTime &now);
    // Lets every held action go at once ("Send now"); returns how many.
    int releaseHolds(const QDateTime &now);
    // Moves an action onto another base version: its base, body and key
    // (a new key: the old one's answer is remembered by the server).
    void rebase(qint64 seq, qint64 baseVersion, const QByteArray &payload,
                const QString &idempotencyKey);
    // The server took the action (or the user discarded it); the complaint's
    // waiting server copy is promoted once nothing else protects it.
    void remove(qint64 seq);
    qint64 count();
    qint64 count(OutboxStatus status);

private:
    sqlite::Database &m_db;
    ComplaintStore &m_complaints;
};

QString toCode(OutboxStatus status);
OutboxStatus outboxStatusFromCode(const QString &code);

} // namespace rd
