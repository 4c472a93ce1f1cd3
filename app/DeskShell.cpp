#include "DeskShell.h"

#include "Account.h"

#include "CacheError.h"
#include "CacheUnlock.h"
#include "Connection.h"
#include "CredentialStore.h"
#include "DeskClient.h"
#include "DeskSettings.h"
#include "DeskWindow.h"
#include "Diagnostics.h"
#include "LocalCache.h"
#include "LogFile.h"
#include "PhotoCache.h"
#include "PhotoFetcher.h"
#include "SessionManager.h"
#include "SignInDialog.h"
#include "SyncController.h"
#include "TileSource.h"
#include "Translations.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTimer>

namespace rd {

Q_LOGGING_CATEGORY(lcDesk, "regiondesk.desk")

namespace {

constexpr qint64 PhotoCacheBytes = 512LL * 1024 * 1024;

QString ownerOf(const QUrl &server, const QString &login)
{
    // The same form the sync command writes (SyncCommand), so a cache synced
    // on the command line opens here for the same account.
    return accountKey(server, login);
}

} // namespace

DeskShell::DeskShell(QSettings &settings, Options options, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_options(std::move(options))
{
    m_network = new QNetworkAccessManager(this);
    m_connection = new Connection(this);
    m_credentials = std::make_unique<CredentialStore>(QStringLiteral("RegionDesk"),
                                                      m_options.useSystemKeychain);
    m_keys = std::make_unique<CacheKeys>(*m_credentials, m_options.cacheProtection);
    m_unlock = new CacheUnlock(*m_keys, this);
    m_sessions = new SessionManager(m_network, *m_credentials, m_settings, *m_options.clock, this);
    if (!m_options.extraCaFile.isEmpty()) {
        const auto tls = ApiClient::tlsConfiguration(m_options.extraCaFile);
        m_tls = tls.value;
        if (!tls) {
            qCWarning(lcDesk) << tls.error.toString();
            m_tlsError = tls.error.toString();
        }
    }
    if (m_tls) {
        m_sessions->setTlsConfiguration(*m_tls);
        m_connection->setTlsConfiguration(m_tls);
    }
    connect(m_sessions, &SessionManager::signedIn, this, &DeskShell::signedIn);
    connect(m_sessions, &SessionManager::signInFailed, this, [this](const QString &message) {
        if (m_dialog)
            m_dialog->failed(m_tlsError.isEmpty() ? message
                                                  : m_tlsError + QLatin1Char('\n') + message);
        else
            showSignIn(message);
    });
    connect(m_sessions, &SessionManager::signInNeeded, this, &DeskShell::showSignIn);
    connect(m_sessions, &SessionManager::signedOut, this, [this] {
        showSignIn(!m_wipeNote.isEmpty()
                       ? m_wipeNote
                       : tr("You have signed out. Your drafts and unsent actions stay on this "
                            "computer."));
    });
}

DeskShell::~DeskShell()
{
    // The window and the sync use the cache: they go first.
    if (m_window) {
        m_window->setAskBeforeClosing(false); // going anyway: the outbox is kept
        m_window->close();
    }
    m_window.reset();
    m_sync.reset();
    m_tiles.reset();
}

QString DeskShell::cachePathFor(const QUrl &server, const QString &login) const
{
    if (!m_options.cachePath.isEmpty())
        return m_options.cachePath;
    const QByteArray hash =
        QCryptographicHash::hash(ownerOf(server, login).toUtf8(), QCryptographicHash::Sha1)
            .toHex()
            .left(16);
    return QDir(m_options.dataDirectory)
        .filePath(QStringLiteral("cache-%1.sqlite").arg(QString::fromLatin1(hash)));
}

QString DeskShell::photoCachePathFor(const QString &cachePath)
{
    QString base = cachePath;
    if (base.endsWith(QLatin1String(".sqlite")))
        base.chop(7);
    return base + QStringLiteral("-photos.sqlite");
}

void DeskShell::start()
{
    if (m_options.server.isValid() && !m_options.login.isEmpty() && !m_options.password.isEmpty())
        m_sessions->signIn(m_options.server, m_options.login, m_options.password);
    else
        m_sessions->restore();
}

void DeskShell::showSignIn(const QString &reason)
{
    if (!m_dialog) {
        m_dialog = new SignInDialog(m_window.get());
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dialog, &SignInDialog::signInRequested, m_sessions, &SessionManager::signIn);
        connect(m_dialog, &SignInDialog::offlineRequested, this, &DeskShell::workOffline);
        connect(m_dialog, &QDialog::rejected, this, [this] {
            if (!m_window)
                Q_EMIT failed({});
        });
    }
    QStringList servers = DeskSettings(m_settings).recentServers();
    const QUrl last = m_sessions->lastServer();
    if (last.isValid() && !servers.contains(last.toString()))
        servers.prepend(last.toString());
    if (m_options.server.isValid() && !servers.contains(m_options.server.toString()))
        servers.prepend(m_options.server.toString());
    if (m_options.lockedServer.isValid())
        m_dialog->setServerLocked(m_options.lockedServer);
    else
        m_dialog->setServers(servers);
    m_dialog->setLogin(m_options.login.isEmpty() ? m_sessions->lastLogin() : m_options.login);
    const bool offline =
        !m_window && last.isValid() && QFile::exists(cachePathFor(last, m_sessions->lastLogin()));
    m_dialog->setOfflineAvailable(offline, m_sessions->lastLogin());
    // A server with its own CA is then refused as untrusted: say why first.
    m_dialog->setMessage(
        m_tlsError.isEmpty() ? reason : (m_tlsError + QLatin1Char('\n') + reason).trimmed());
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

void DeskShell::signedIn(const Session &session)
{
    DeskSettings(m_settings).addRecentServer(session.server);
    openDesk(session.server, session.user, session.token, [this, session] {
        if (m_dialog)
            m_dialog->close();
        m_window->setUser(session.user, true); // the connection's session started a sync
        m_window->retryPhotos();               // signed in again after working offline
        Q_EMIT deskOpened();
    });
}

void DeskShell::workOffline()
{
    const DeskSettings::LastSession last = DeskSettings(m_settings).lastSession();
    UserInfo user;
    user.login = last.login;
    user.displayName = last.displayName;
    user.role = last.role.value_or(Role::Clerk); // the least a user can be
    user.agencyId = last.agencyId;
    openDesk(m_sessions->lastServer(), user, {}, [this, user] {
        if (m_dialog)
            m_dialog->close();
        m_window->setUser(user, false);
        Q_EMIT deskOpened();
    });
}

void DeskShell::openDesk(const QUrl &server, const UserInfo &user, const QByteArray &token,
                         std::function<void()> opened)
{
    const QString account = ownerOf(server, user.login);
    const auto useConnection = [this, server, user, token] {
        if (token.isEmpty())
            m_connection->setOffline(server, user.login);
        else
            m_connection->setSession(server, user.login, token);
    };
    if (m_window && account == m_account) {
        useConnection(); // signed in again: everything follows the connection
        opened();
        return;
    }
    // Another account: its own cache, photo cache and window. What follows
    // the connection goes before the connection moves to the new account.
    closeDesk();
    useConnection();
    const QString path = cachePathFor(server, user.login);
    QDir().mkpath(QFileInfo(path).absolutePath());
    // The photo cache all accounts once shared holds photos in plain text.
    if (m_options.cachePath.isEmpty())
        QFile::remove(QDir(m_options.dataDirectory).filePath(QStringLiteral("photos.sqlite")));
    const quint64 opening = ++m_opening;
    const QString who = user.displayName.isEmpty() ? user.login : user.displayName;
    m_unlock->open(path, photoCachePathFor(path), who, m_dialog,
                   [this, opening, account, path, user, opened](CacheUnlock::Result result) {
                       if (opening != m_opening)
                           return; // another sign-in came meanwhile
                       if (!result.cache) {
                           openFailed(result.error);
                           return;
                       }
                       m_cache = std::move(result.cache);
                       m_account = account;
                       if (openWindow(path, user))
                           opened();
                   });
}

void DeskShell::closeDesk()
{
    m_window.reset();
    m_sync.reset();
    m_tiles.reset();
    delete m_client;
    m_client = nullptr;
    delete m_photos;
    m_photos = nullptr;
    m_photoCache.reset();
    m_cache.reset();
    m_account.clear();
}

void DeskShell::openFailed(const QString &message)
{
    m_connection->clearToken();
    if (message.isEmpty()) { // the user cancelled the passphrase
        showSignIn(tr("The local cache stays locked until its passphrase is given."));
        return;
    }
    if (m_dialog)
        m_dialog->failed(message);
    else
        Q_EMIT failed(message);
}

bool DeskShell::openWindow(const QString &path, const UserInfo &user)
{
    m_wipeNote.clear();
    // For reports made from this cache on the command line.
    if (!user.login.isEmpty())
        m_cache->setUser({user.login, user.displayName, user.agencyId});
    try {
        m_photoCache =
            PhotoCache::open(photoCachePathFor(path), PhotoCacheBytes, m_cache->options().key);
    } catch (const CacheError &error) {
        m_cache.reset();
        m_account.clear();
        openFailed(error.message());
        return false;
    }
    m_photos = new PhotoFetcher(m_network, *m_photoCache, *m_connection, this);
    connect(m_photos, &PhotoFetcher::photoReady, this,
            [this](const QString &id, const QByteArray &data, const QString &) {
                if (m_window)
                    m_window->showPhoto(id, QImage::fromData(data));
            });
    connect(m_photos, &PhotoFetcher::photoFailed, this,
            [this](const QString &id, const QString &message) {
                qCInfo(lcDesk) << "photo" << id << "not shown:" << message;
                if (m_window)
                    m_window->showPhotoFailed(id, message);
            });
    m_client = new DeskClient(m_network, *m_cache, *m_connection, this);
    if (!m_probe) {
        m_probe = new QTimer(this);
        m_probe->setInterval(std::max(1, m_options.probeSeconds) * 1000);
        connect(m_probe, &QTimer::timeout, this, [this] {
            if (m_client && m_sync && m_sync->hasSession() && !m_sync->status().syncing)
                m_client->probe();
        });
        m_probe->start();
    }

    SyncEngine::Options syncOptions;
    syncOptions.clock = m_options.clock;
    syncOptions.cacheOptions = m_cache->options(); // the same key for the engine's connection
    syncOptions.retentionMonths = m_options.retentionMonths;
    m_sync = std::make_unique<SyncController>(path, *m_cache, *m_connection, syncOptions,
                                              m_options.makeSyncNetwork);
    m_sync->setInterval(
        DeskSettings(m_settings).syncIntervalSeconds(m_options.syncIntervalSeconds));
    m_tiles = makeTileSource();
    wireServices();
    dropExpiredPhotos(); // those a sync left for the photo cache, if it could not
    m_window = std::make_unique<DeskWindow>(*m_cache, m_settings, m_tiles.get(), *m_options.clock);
    wireWindow();
    m_window->show();
    return true;
}

void DeskShell::changeLanguage(const QString &code)
{
    // Every widget's text comes from tr() as it is built: the window is built
    // again in the new language, where the user was (the queue is in the
    // settings; the complaint, the search, the locks and the user carried
    // over; a draft is saved when the old window closes).
    Translations::use(code);
    if (!m_window)
        return;
    const DeskWindow::WorkState state = m_window->workState();
    const UserInfo user = m_window->user();
    const bool online = m_sync && m_sync->hasSession() && m_sync->status().online;
    const QStringList locks = m_window->lockedKeys();
    const QStringList sources = m_window->policySources();
    m_window->setAskBeforeClosing(false); // the outbox stays as it is
    m_window->close();                    // saves the layout and the draft
    m_window.reset();
    m_window = std::make_unique<DeskWindow>(*m_cache, m_settings, m_tiles.get(), *m_options.clock);
    wireWindow();
    m_window->setAdminLocks(locks, sources);
    m_window->setUser(user, online);
    m_window->restoreWorkState(state);
    m_window->show();
    Q_EMIT windowRebuilt();
}

std::unique_ptr<TileSource> DeskShell::makeTileSource()
{
    // As the settings say (View ▸ Map tiles…, or the administrator).
    const DeskSettings settings(m_settings);
    if (!m_options.onlineTiles || settings.mapSource() == DeskSettings::MapSource::None)
        return nullptr;
    TileSource::Settings tiles;
    if (!settings.mapUrlTemplate().isEmpty())
        tiles.urlTemplate = settings.mapUrlTemplate();
    tiles.mbtilesPath = settings.mapMbtiles();
    auto source =
        std::make_unique<TileSource>(m_network, m_cache->tiles(), tiles, *m_options.clock);
    source->follow(*m_connection);
    return source;
}

QString DeskShell::diagnostics() const
{
    DiagnosticsInput input;
    input.cachePath = QDir::toNativeSeparators(m_cache->path());
    if (const LogFile *log = LogFile::installed()) {
        input.logPath = QDir::toNativeSeparators(log->path());
        input.logLines = log->lastLines(60);
    }
    input.lockedKeys = m_window->lockedKeys();
    input.policySources = m_window->policySources();
    const SyncStatus status = m_sync ? m_sync->status() : SyncStatus{};
    if (m_sync)
        input.sync = &status;
    const UserInfo &user = m_window->user();
    if (!user.login.isEmpty())
        input.signedInAs = QStringLiteral("%1 (%2)").arg(user.login, toCode(user.role));
    return diagnosticsText(m_settings, input);
}

void DeskShell::wireWindow()
{
    // Queued: the choice comes from the window's own menu, and the window is
    // replaced.
    connect(m_window.get(), &DeskWindow::languageChosen, this, &DeskShell::changeLanguage,
            Qt::QueuedConnection);
    connect(m_window.get(), &DeskWindow::mapSourceChanged, this, [this] {
        std::unique_ptr<TileSource> next = makeTileSource();
        m_window->setTileSource(next.get());
        m_tiles = std::move(next); // the old one goes only once the map has let go
    });
    m_window->setSyncController(m_sync.get());
    m_window->setDiagnosticsSource([this] { return diagnostics(); });
    connect(m_window.get(), &DeskWindow::photoWanted, this, &DeskShell::photoWanted);
    connect(m_window.get(), &DeskWindow::historyWanted, m_client, &DeskClient::fetchHistory);
    connect(m_client, &DeskClient::historyUpdated, m_window.get(), &DeskWindow::historyArrived);
    connect(m_client, &DeskClient::historyFailed, m_window.get(), &DeskWindow::historyFailed);
    connect(m_window.get(), &DeskWindow::evidenceWanted, m_client, &DeskClient::uploadEvidence);
    connect(m_client, &DeskClient::evidenceUploaded, m_window.get(), &DeskWindow::evidenceUploaded);
    connect(m_client, &DeskClient::evidenceFailed, m_window.get(), &DeskWindow::evidenceFailed);
    connect(m_window.get(), &DeskWindow::signInRequested, this,
            [this] { showSignIn(tr("Sign in to send your work and receive changes.")); });
    connect(m_window.get(), &DeskWindow::signOutRequested, this, &DeskShell::signOut);
}

void DeskShell::wireServices()
{
    // Once per account (the window may be built again; these stay).
    const auto expired = [this](const QString &message) {
        m_connection->clearToken();
        m_sessions->expire();
        showSignIn(message);
    };
    connect(m_sync.get(), &SyncController::signInRequired, this, expired);
    connect(m_client, &DeskClient::signInRequired, this, expired);
    connect(m_client, &DeskClient::serverReached, m_sync.get(), &SyncController::serverReached);
    connect(m_sync.get(), &SyncController::finished, this, &DeskShell::dropExpiredPhotos);
}

void DeskShell::photoWanted(const QString &photoId)
{
    if (const auto entry = m_photoCache->get(photoId)) {
        m_window->showPhoto(photoId, QImage::fromData(entry->data));
        return;
    }
    m_photos->fetch(photoId);
}

} // namespace rd

namespace rd {

SignInDialog *DeskShell::signInDialog() const
{
    return m_dialog;
}

} // namespace rd
