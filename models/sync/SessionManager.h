#pragma once

#include "ApiClient.h"
#include "Clock.h"

#include <QObject>
#include <QSslConfiguration>

#include <optional>

class QNetworkAccessManager;
class QSettings;

namespace rd {

class CredentialStore;

// Signing in and out (docs/api.md, "Session"). The token goes to the
// CredentialStore only; QSettings keeps who signed in where (server, login,
// role, expiry), which is not secret, so the desk can start offline and ask
// for the password alone when the token is gone or expired.
class SessionManager final : public QObject
{
    Q_OBJECT

public:
    SessionManager(QNetworkAccessManager *network, CredentialStore &credentials,
                   QSettings &settings, const Clock &clock = Clock::system(),
                   QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(SessionManager)

    void setTlsConfiguration(const QSslConfiguration &configuration) { m_tls = configuration; }
    const std::optional<Session> &session() const { return m_session; }
    // The last user and server, for the sign-in dialog (also when signed out).
    QUrl lastServer() const;
    QString lastLogin() const;

    void signIn(const QUrl &server, const QString &login, const QString &password);
    // The stored session, if its token is still in the credential store and
    // not expired: signedIn(); otherwise signInNeeded().
    void restore();
    // Revokes the token on the server (if it can be reached), forgets it
    // locally; signedOut() follows.
    void signOut();
    // The token stopped working (401): forget it, ask again.
    void expire();
    static QString accountKey(const QUrl &server, const QString &login);

Q_SIGNALS:
    void signedIn(const rd::Session &session);
    void signInFailed(const QString &message);
    void signInNeeded(const QString &reason);
    void signedOut();

private:
    void remember(const Session &session);

    QNetworkAccessManager *m_network;
    CredentialStore &m_credentials;
    const Clock &m_clock;
    QSettings &m_settings;
    std::optional<QSslConfiguration> m_tls;
    std::optional<Session> m_session;
};

} // namespace rd
