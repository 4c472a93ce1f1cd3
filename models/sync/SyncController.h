#pragma once

#include "SyncEngine.h"

#include <QDateTime>
#include <QObject>
#include <QSslConfiguration>
#include <QThread>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace rd {

class Connection;
class LocalCache;

// What the status bar shows at all times (DESIGN.md §4).
struct SyncStatus
{
    bool online = true; // false after a run that could not reach the server
    bool syncing = false;
    SyncProgress progress;
    QDateTime lastSuccess;
    qint64 pendingActions = 0; // outbox, not yet accepted by the server
    qint64 conflicts = 0;
    qint64 failedActions = 0;
    bool signInRequired = false;
    QString lastError;   // plain words; empty after a successful run
    QDateTime nextRetry; // the next retry of an action whose attempt failed
    // Actions held for Undo (counted in pendingActions too): how many, and
    // when the first and the last of them go.
    qint64 heldActions = 0;
    QDateTime holdFirstRelease;
    QDateTime holdLastRelease;
    friend bool operator==(const SyncStatus &, const SyncStatus &) = default;
};

// When to sync, and the status the UI shows. Runs the SyncEngine in a worker
// thread of its own (its network manager is made there), so the UI never
// waits on the network or on the engine's cache writes. Syncs as soon as it
// has a session (at start, and after signing in again), on a timer, on demand, shortly after a
// local action, when the network comes back (QNetworkInformation, where the platform has a
// backend), when an outbox retry falls due, and when an action held for Undo is released; never
// two at once (a request during a run queues one more run).
class SyncController final : public QObject
{
    Q_OBJECT

public:
    // uiCache: the UI's own connection, read for the counts. The controller
    // follows the shared connection: a session starts syncing (at once, and
    // after signing in again), no token stops it, the TLS configuration goes
    // to the engine. makeNetwork is called in the worker thread (default: a
    // plain QNetworkAccessManager).
    SyncController(const QString &cachePath, LocalCache &uiCache, const Connection &connection,
                   SyncEngine::Options options,
                   std::function<QNetworkAccessManager *()> makeNetwork = {},
                   QObject *parent = nullptr);
    ~SyncController() override;
    Q_DISABLE_COPY_MOVE(SyncController)

    // 0 turns the timer off.
    void setInterval(int seconds);
    int interval() const { return m_interval.interval() / 1000; }
    // A local action waits this long for more before it triggers a run.
    void setLocalChangeDelay(int ms) { m_localChange.setInterval(ms); }

    const SyncStatus &status() const { return m_status; }
    bool hasSession() const { return m_hasSession; }

public Q_SLOTS:
    void syncNow();
    void cancel();
    // The user queued an action or saved a draft's decision: sync soon.
    void notifyLocalChange();
    // Re-reads the counts from the cache (after the UI changed the outbox).
    void refreshCounts();
    // A request beside the sync reached the server or found it unreachable
    // (message: why, in plain words): offline at once, or a run when it is back.
    void serverReached(bool reached, const QString &message = {});

Q_SIGNALS:
    void statusChanged(const rd::SyncStatus &status);
    void complaintsChanged(const QList<qint64> &ids);
    // The cache holds a new geography for the map (or a problem with it).
    void geographyChanged();
    void signInRequired(const QString &message);
    void finished(const rd::SyncResult &result);
    // The background search indexing stopped (the cache's words); searches
    // may miss what came in since, until the next sync resumes it.
    void searchIndexStopped(const QString &message);

private:
    void follow(); // the connection changed
    void setSession(const QUrl &server, const QByteArray &token, const QString &owner);
    void clearSession();
    void onProgress(const SyncProgress &progress);
    void onFinished(const SyncResult &result);
    void setStatus(const SyncStatus &status);
    void watchConnectivity();
    void wakeForHolds(const QDateTime &firstRelease);

    const Clock *m_clock; // the engine's
    const Connection &m_connection;
    QUrl m_server; // as last given to the engine
    QByteArray m_token;
    QString m_owner;
    std::optional<QSslConfiguration> m_tls;
    LocalCache &m_uiCache;
    QThread m_thread;
    SyncEngine *m_engine = nullptr;             // lives in m_thread; deleted there
    QNetworkAccessManager *m_network = nullptr; // ditto
    QTimer m_interval;
    QTimer m_retry;
    QTimer m_hold; // the first held action is released
    QTimer m_localChange;
    bool m_hasSession = false;
    bool m_again = false;
    SyncStatus m_status;
};

} // namespace rd

Q_DECLARE_METATYPE(rd::SyncStatus)
