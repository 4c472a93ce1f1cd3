#pragma once

#include "ComplaintRecords.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace rd {

// Records the cache keeps beside complaints. The sync engine and the UI fill
// in the behaviour; the cache only stores them faithfully.

// A user's unsent answer or moderation decision, autosaved as they type.
struct Draft
{
    qint64 complaintId = 0;
    QString kind; // action code: "solve", "set_deadline", "refuse", "reject", …
    QString text;
    QDate deadline;
    QString refusalGround;
    qint64 baseVersion = 0;
    QDateTime updatedAt;
    QByteArray fieldErrors; // JSON object field → message, from a 422
    QStringList photoIds;   // evidence already uploaded, for a "solved" answer
    friend bool operator==(const Draft &, const Draft &) = default;
};

enum class OutboxStatus
{
    Pending,
    Sending,
    Failed,
    Conflict
};

// An action waiting to reach the server. The idempotency key is chosen when
// the row is written and never changes, so retries cannot apply it twice.
struct OutboxAction
{
    qint64 seq = 0; // local order; assigned by the cache
    qint64 complaintId = 0;
    QString idempotencyKey;
    QString action;
    QByteArray payload; // the JSON body to send
    qint64 baseVersion = 0;
    OutboxStatus status = OutboxStatus::Pending;
    int attempts = 0;
    QDateTime createdAt;
    QDateTime nextAttemptAt;
    QString lastError;
    friend bool operator==(const OutboxAction &, const OutboxAction &) = default;
};

struct SyncState
{
    QString cursor; // opaque, from the server
    QString epoch;
    QDateTime lastSuccess;
    QString catalogueEtag;
    friend bool operator==(const SyncState &, const SyncState &) = default;
};

} // namespace rd
