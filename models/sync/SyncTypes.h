#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace rd {

// How far a sync has come, for a progress bar and the command line.
struct SyncProgress
{
    enum class Phase
    {
        Idle,
        Catalogue,
        Pushing,
        Pulling,
        Finishing,
    };
    Phase phase = Phase::Idle;
    qint64 records = 0;    // complaints received (applied or kept beside local work)
    qint64 tombstones = 0; // complaints removed
    qint64 expired = 0;    // closed complaints retention removed
    int pages = 0;
    qint64 bytes = 0;
    int actionsSent = 0;
    int actionsToSend = 0;
    friend bool operator==(const SyncProgress &, const SyncProgress &) = default;
};

struct SyncResult
{
    enum class Outcome
    {
        Success,
        Cancelled,
        Offline,        // the server could not be reached; try later
        SignInRequired, // 401: the token expired or was revoked
        TlsError,       // the certificate is not trusted: needs an administrator
        ServerError,    // the server failed or refused; try later
        BadResponse,    // the server's answer is unreadable; nothing applied
        CacheError,     // the local cache failed (disk full, damaged…)
        WrongOwner,     // the cache belongs to another user or server
    };
    Outcome outcome = Outcome::Success;
    QString message; // plain words for the status bar, translated; empty on success
    SyncProgress progress;
    bool resynced = false; // the server asked for a full resync (410, new epoch)
    int actionsDone = 0;
    int actionsFailed = 0; // 403/422/…: back to the user as a draft
    int conflicts = 0;     // 409 in this run
    int actionsDeferred = 0;
    QDateTime nextRetryAt; // earliest outbox retry, if any waits
    QDateTime finishedAt;

    bool succeeded() const { return outcome == Outcome::Success; }
};

} // namespace rd

Q_DECLARE_METATYPE(rd::SyncProgress)
Q_DECLARE_METATYPE(rd::SyncResult)
