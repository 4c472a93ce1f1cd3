#pragma once

#include "ApiClient.h"
#include "CacheKeys.h"
#include "Clock.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QSettings;
class QTimer;

namespace rd {

class Connection;
class CacheUnlock;
class CredentialStore;
class DeskClient;
class DeskWindow;
class LocalCache;
class PhotoCache;
class PhotoFetcher;
class SessionManager;
class SignInDialog;
class SyncController;
class TileSource;

// Signing in, opening the signed-in user's cache, and wiring the desk
// window to the sync, the photo and history fetches. One shell per
// application; it owns everything it builds. The window works on the cache;
// the shell keeps it connected when a session exists and lets it work
// offline when not.
class DeskShell final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeskShell)
public:
    struct Options
    {
        QString cachePath;     // a fixed cache (--cache); empty: one per account
        QString dataDirectory; // where per-account caches and the photo cache live
        bool useSystemKeychain = true;
        // Where the cache's key comes from (the policy's cache/protection).
        CacheProtection cacheProtection = CacheProtection::Keychain;
        // The policy's cache/retentionMonths (0 keeps closed complaints).
        int retentionMonths = 12;
        // The policy's cache/wipeOnSignOut=always: signing out always wipes
        // this computer's copy (else it is offered).
        bool wipeOnSignOut = false;
        bool onlineTiles = true; // the map's tile source (settings may point it elsewhere)
        int syncIntervalSeconds = 300;
        // Between two checks that the server is still there (while signed in
        // and not synchronising): the status bar says "offline" within this.
        int probeSeconds = 15;
        QString extraCaFile;
        QUrl lockedServer; // the administrator's server: the only one offered
        // Sign in without the dialog (the demo, kiosk set-ups): the password
        // comes from the environment, never from a file or the command line.
        QUrl server;
        QString login;
        QString password;
        std::function<QNetworkAccessManager *()> makeSyncNetwork; // tests inject faults
        const Clock *clock = &Clock::system(); // what every part asks for the time
    };

    DeskShell(QSettings &settings, Options options, QObject *parent = nullptr);
    ~DeskShell() override;

    void start();
    DeskWindow *window() const { return m_window.get(); }
    SignInDialog *signInDialog() const;
    SyncController *sync() const { return m_sync.get(); }
    LocalCache *cache() const { return m_cache.get(); }
    QString cachePathFor(const QUrl &server, const QString &login) const;
    // The photo cache of that cache: beside it, with its key.
    static QString photoCachePathFor(const QString &cachePath);

Q_SIGNALS:
    void deskOpened();
    // The window was built again (another language chosen): window() is new.
    void windowRebuilt();
    void failed(const QString &message); // nothing can be shown: the application ends

private:
    void showSignIn(const QString &reason);
    void signedIn(const Session &session);
    void workOffline();
    // Opens the account's cache (asking for its passphrase if need be), then
    // its window; calls opened once the window is up (not at all on a
    // failure, which is reported).
    void openDesk(const QUrl &server, const UserInfo &user, const QByteArray &token,
                  std::function<void()> opened);
    bool openWindow(const QString &path, const UserInfo &user);
    void openFailed(const QString &message);
    void wireWindow();
    void wireServices();
    QString diagnostics() const; // Help ▸ Copy diagnostics
    std::unique_ptr<TileSource> makeTileSource();
    void photoWanted(const QString &photoId);
    // File ▸ Sign out (DeskShellSignOut.cpp): offers to wipe this computer's
    // copy (or wipes it when the policy says always), then signs out.
    void signOut();
    enum class SignOutChoice
    {
        Cancel,
        Keep,
        Wipe,
    };
    SignOutChoice askSignOut();
    // Closes the account's window, caches and connections, removes its
    // cache, photo cache and key from this computer, and asks to sign in.
    void wipeAccount();
    static QString wipedNote();
    // Closes what openDesk() opened for the account (nothing left open on
    // its files).
    void closeDesk();
    // Retention's photos (MediaStore::expiredPhotos) leave the photo cache.
    void dropExpiredPhotos();
    void changeLanguage(const QString &code);

    QSettings &m_settings;
    Options m_options;
    QNetworkAccessManager *m_network = nullptr;
    Connection *m_connection = nullptr; // what the sync, client, photos and tiles follow
    std::unique_ptr<CredentialStore> m_credentials;
    std::unique_ptr<CacheKeys> m_keys;
    CacheUnlock *m_unlock = nullptr;
    quint64 m_opening = 0; // which openDesk() a late unlock belongs to
    SessionManager *m_sessions = nullptr;
    QPointer<SignInDialog> m_dialog;
    std::unique_ptr<LocalCache> m_cache;
    std::unique_ptr<PhotoCache> m_photoCache;
    PhotoFetcher *m_photos = nullptr;
    DeskClient *m_client = nullptr;
    std::unique_ptr<TileSource> m_tiles;
    QTimer *m_probe = nullptr;
    std::unique_ptr<SyncController> m_sync;
    std::unique_ptr<DeskWindow> m_window;
    QString m_account;  // server|login of the open cache
    QString m_wipeNote; // what the last wipe left to say at sign-in
    std::optional<QSslConfiguration> m_tls;
    QString m_tlsError; // the extra CA file could not be used: said at every sign-in
};

} // namespace rd
