#include "SyncController.h"

#include "CacheError.h"
#include "Connection.h"
#include "LocalCache.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkInformation>

namespace rd {

SyncController::SyncController(const QString &cachePath, LocalCache &uiCache,
                               const Connection &connection, SyncEngine::Options options,
                               std::function<QNetworkAccessManager *()> makeNetwork,
                               QObject *parent)
    : QObject(parent)
    , m_clock(options.clock ? options.clock : &Clock::system())
    , m_connection(connection)
    , m_uiCache(uiCache)
{
    qRegisterMetaType<SyncStatus>();
    m_thread.setObjectName(QStringLiteral("regiondesk-sync"));
    m_thread.start();
    // The engine's connection opens the file as the window's did, key and all.
    if (options.cacheOptions.key.isEmpty())
        options.cacheOptions.key = uiCache.options().key;
    // Built in the worker thread: the network manager and the engine belong
    // there. (The QThread object itself lives here, so a helper object living
    // in the worker runs the construction.)
    QObject builder;
    builder.moveToThread(&m_thread);
    QMetaObject::invokeMethod(
        &builder,
        [&] {
            m_network = makeNetwork ? makeNetwork() : new QNetworkAccessManager;
            m_engine = new SyncEngine(cachePath, m_network, std::move(options));
            builder.moveToThread(thread()); // back, so it can be destroyed here
        },
        Qt::BlockingQueuedConnection);
    connect(m_engine, &SyncEngine::progressChanged, this, &SyncController::onProgress);
    connect(m_engine, &SyncEngine::finished, this, &SyncController::onFinished);
    connect(m_engine, &SyncEngine::complaintsChanged, this, &SyncController::complaintsChanged);
    connect(m_engine, &SyncEngine::geographyChanged, this, &SyncController::geographyChanged);
    connect(m_engine, &SyncEngine::outboxChanged, this, &SyncController::refreshCounts);
    connect(m_engine, &SyncEngine::searchIndexStopped, this, &SyncController::searchIndexStopped);

    m_interval.setInterval(5 * 60 * 1000);
    connect(&m_interval, &QTimer::timeout, this, &SyncController::syncNow);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &SyncController::syncNow);
    m_hold.setSingleShot(true);
    m_hold.setTimerType(Qt::PreciseTimer); // never before the release
    connect(&m_hold, &QTimer::timeout, this, [this] {
        refreshCounts(); // the held count changes now, with a session or without
        syncNow();
    });
    m_localChange.setSingleShot(true);
    m_localChange.setInterval(1500);
    connect(&m_localChange, &QTimer::timeout, this, &SyncController::syncNow);
    try {
        m_status.lastSuccess = m_uiCache.syncState().lastSuccess;
    } catch (...) { // NOLINT(bugprone-empty-catch): counts are refreshed after each run
    }
    refreshCounts();
    watchConnectivity();
    connect(&m_connection, &Connection::changed, this, &SyncController::follow);
    follow();
}

void SyncController::follow()
{
    if (m_connection.tlsConfiguration() != m_tls) {
        m_tls = m_connection.tlsConfiguration();
        const QSslConfiguration tls = m_tls.value_or(QSslConfiguration::defaultConfiguration());
        QMetaObject::invokeMethod(m_engine,
                                  [engine = m_engine, tls] { engine->setTlsConfiguration(tls); });
    }
    if (!m_connection.hasSession()) {
        if (m_hasSession)
            clearSession();
        return;
    }
    if (m_hasSession && m_connection.server() == m_server && m_connection.token() == m_token &&
        m_connection.account() == m_owner)
        return;
    m_server = m_connection.server();
    m_token = m_connection.token();
    m_owner = m_connection.account();
    setSession(m_server, m_token, m_owner);
}

SyncController::~SyncController()
{
    SyncEngine *engine = m_engine;
    QNetworkAccessManager *network = m_network;
    QMetaObject::invokeMethod(
        engine,
        [engine, network] {
            delete engine;
            delete network;
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void SyncController::watchConnectivity()
{
    if (!QNetworkInformation::loadDefaultBackend() &&
        !QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability))
        return; // no backend on this platform: the timer and the retries do the work
    QNetworkInformation *info = QNetworkInformation::instance();
    if (!info || !info->supports(QNetworkInformation::Feature::Reachability))
        return;
    connect(info, &QNetworkInformation::reachabilityChanged, this,
            [this](QNetworkInformation::Reachability reachability) {
                const bool online = reachability == QNetworkInformation::Reachability::Online ||
                                    reachability == QNetworkInformation::Reachability::Site;
                SyncStatus s = m_status;
                s.online = online;
                setStatus(s);
                if (online)
                    syncNow(); // the connection is back
            });
}

void SyncController::setSession(const QUrl &server, const QByteArray &token, const QString &owner)
{
    m_hasSession = true;
    QMetaObject::invokeMethod(m_engine, [engine = m_engine, server, token, owner] {
        engine->setSession(server, token, owner);
    });
    SyncStatus s = m_status;
    s.signInRequired = false;
    setStatus(s);
    if (m_interval.interval() > 0)
        m_interval.start();
    syncNow(); // at start, and after signing in again
}

void SyncController::clearSession()
{
    m_hasSession = false;
    m_interval.stop();
    m_retry.stop();
    cancel();
}

void SyncController::setInterval(int seconds)
{
    if (seconds <= 0) {
        m_interval.stop();
        m_interval.setInterval(0);
        return;
    }
    m_interval.setInterval(seconds * 1000);
    if (m_hasSession)
        m_interval.start();
}

void SyncController::syncNow()
{
    if (!m_hasSession || m_status.signInRequired)
        return;
    if (m_status.syncing) {
        m_again = true;
        return;
    }
    m_localChange.stop();
    SyncStatus s = m_status;
    s.syncing = true;
    s.progress = {};
    setStatus(s);
    QMetaObject::invokeMethod(m_engine, &SyncEngine::start);
}

void SyncController::cancel()
{
    m_again = false;
    QMetaObject::invokeMethod(m_engine, &SyncEngine::cancel);
}

void SyncController::notifyLocalChange()
{
    refreshCounts();
    m_localChange.start();
}

void SyncController::refreshCounts()
{
    SyncStatus s = m_status;
    try {
        s.pendingActions = m_uiCache.outbox().count(OutboxStatus::Pending) +
                           m_uiCache.outbox().count(OutboxStatus::Sending);
        s.conflicts = m_uiCache.outbox().count(OutboxStatus::Conflict);
        s.failedActions = m_uiCache.outbox().count(OutboxStatus::Failed);
        const OutboxStore::Holds holds = m_uiCache.outbox().holds(m_clock->now());
        s.heldActions = holds.count;
        s.holdFirstRelease = holds.firstRelease;
        s.holdLastRelease = holds.lastRelease;
    } catch (const CacheError &error) {
        s.lastError = error.message();
    }
    setStatus(s);
    wakeForHolds(s.heldActions > 0 ? s.holdFirstRelease : QDateTime());
}

void SyncController::wakeForHolds(const QDateTime &firstRelease)
{
    // A run when the first held action may go (a little after, so that the
    // engine's clock agrees it is due); each run's end re-reads the holds.
    if (!firstRelease.isValid()) {
        m_hold.stop();
        return;
    }
    const qint64 ms = std::max<qint64>(0, m_clock->now().msecsTo(firstRelease)) + 50;
    m_hold.start(int(std::min<qint64>(ms, 24LL * 3600 * 1000)));
}

void SyncController::serverReached(bool reached, const QString &message)
{
    if (!m_hasSession || m_status.syncing)
        return; // the run says it better
    if (!reached && m_status.online) {
        // Another request (a history, a photo, the liveness check) found the
        // server gone: the status bar says so now, not at the next run.
        SyncStatus s = m_status;
        s.online = false;
        s.lastError = message;
        setStatus(s);
    } else if (reached && !m_status.online) {
        syncNow(); // back: a run brings the work across and says "online"
    }
}

void SyncController::onProgress(const SyncProgress &progress)
{
    SyncStatus s = m_status;
    s.progress = progress;
    setStatus(s);
}

void SyncController::onFinished(const SyncResult &result)
{
    SyncStatus s = m_status;
    s.syncing = false;
    s.progress = result.progress;
    s.lastError = result.message;
    s.nextRetry = result.nextRetryAt;
    switch (result.outcome) {
    case SyncResult::Outcome::Success:
        s.online = true;
        s.lastSuccess = result.finishedAt;
        break;
    case SyncResult::Outcome::Offline:
        s.online = false;
        break;
    case SyncResult::Outcome::SignInRequired:
        s.online = true;
        s.signInRequired = true;
        break;
    default:
        s.online = result.outcome != SyncResult::Outcome::TlsError;
        break;
    }
    setStatus(s);    // the end of the run, whether or not the counts change
    refreshCounts(); // and the counts, if they did
    if (result.nextRetryAt.isValid()) {
        const qint64 ms = std::max<qint64>(1000, m_clock->now().msecsTo(result.nextRetryAt));
        m_retry.start(int(std::min<qint64>(ms, 24LL * 3600 * 1000)));
    }
    if (result.succeeded())
        QMetaObject::invokeMethod(m_engine, &SyncEngine::indexSearchInBackground);
    Q_EMIT finished(result);
    if (result.outcome == SyncResult::Outcome::SignInRequired)
        Q_EMIT signInRequired(result.message);
    if (m_again && m_hasSession) {
        m_again = false;
        syncNow();
    }
}

void SyncController::setStatus(const SyncStatus &status)
{
    if (status == m_status)
        return;
    m_status = status;
    Q_EMIT statusChanged(m_status);
}

} // namespace rd
