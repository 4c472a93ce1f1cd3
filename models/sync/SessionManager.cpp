#include "SessionManager.h"

#include "Account.h"
#include "CredentialStore.h"
#include "DeskSettings.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSettings>

namespace rd {

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(rd::SessionManager)
};

} // namespace

SessionManager::SessionManager(QNetworkAccessManager *network, CredentialStore &credentials,
                               QSettings &settings, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_credentials(credentials)
    , m_clock(clock)
    , m_settings(settings)
{}

QString SessionManager::accountKey(const QUrl &server, const QString &login)
{
    return rd::accountKey(server, login);
}

QUrl SessionManager::lastServer() const
{
    return DeskSettings(m_settings).lastSession().server;
}

QString SessionManager::lastLogin() const
{
    return DeskSettings(m_settings).lastSession().login;
}

void SessionManager::signIn(const QUrl &server, const QString &login, const QString &password)
{
    auto *api = new ApiClient(m_network, this);
    api->setServer(server);
    if (m_tls)
        api->setTlsConfiguration(*m_tls);
    QNetworkReply *reply = api->signIn(login, password);
    connect(reply, &QNetworkReply::finished, this, [this, api, reply, server] {
        reply->deleteLater();
        api->deleteLater();
        const QByteArray body = reply->readAll();
        const ApiError error = ApiClient::errorOf(reply, body);
        if (error.isError()) {
            Q_EMIT signInFailed(error.status == 401 ? Tr::tr("Wrong user name or password.")
                                                    : error.toUserText());
            return;
        }
        const auto session =
            ApiClient::sessionFromJson(server, QJsonDocument::fromJson(body).object());
        if (!session) {
            Q_EMIT signInFailed(Tr::tr("The server's answer to signing in cannot be read. Is "
                                       "%1 a RegionDesk server?")
                                    .arg(server.toString()));
            return;
        }
        m_session = session;
        remember(*session);
        m_credentials.save(accountKey(server, session->user.login), session->token,
                           [this, s = *session](bool) { Q_EMIT signedIn(s); });
    });
}

void SessionManager::remember(const Session &session)
{
    DeskSettings::LastSession last;
    last.server = normalizedServer(session.server);
    last.login = session.user.login;
    last.userId = session.user.id;
    last.displayName = session.user.displayName;
    last.role = session.user.role;
    last.agencyId = session.user.agencyId;
    last.expiresAt = session.expiresAt;
    DeskSettings(m_settings).setLastSession(last);
}

void SessionManager::restore()
{
    const DeskSettings::LastSession last = DeskSettings(m_settings).lastSession();
    const QUrl server = normalizedServer(last.server);
    const QString login = last.login;
    const QDateTime expires = last.expiresAt;
    if (!server.isValid() || login.isEmpty()) {
        Q_EMIT signInNeeded({});
        return;
    }
    if (!expires.isValid() || expires <= m_clock.now()) {
        Q_EMIT signInNeeded(Tr::tr("Your session has ended. Sign in again."));
        return;
    }
    m_credentials.load(accountKey(server, login),
                       [this, server, last](std::optional<QByteArray> token) {
                           if (!token || token->isEmpty()) {
                               Q_EMIT signInNeeded(Tr::tr("Sign in to continue."));
                               return;
                           }
                           if (!last.role) { // unknown: nothing safe to show
                               Q_EMIT signInNeeded(Tr::tr("Sign in to continue."));
                               return;
                           }
                           Session session;
                           session.server = server;
                           session.token = *token;
                           session.expiresAt = last.expiresAt;
                           session.user.login = last.login;
                           session.user.id = last.userId;
                           session.user.displayName = last.displayName;
                           session.user.role = *last.role;
                           session.user.agencyId = last.agencyId;
                           m_session = session;
                           Q_EMIT signedIn(session);
                       });
}

void SessionManager::expire()
{
    if (!m_session)
        return;
    const Session old = *m_session;
    m_session.reset();
    DeskSettings(m_settings).forgetSessionExpiry();
    m_credentials.remove(accountKey(old.server, old.user.login), [this] {
        Q_EMIT signInNeeded(Tr::tr("Your session has ended. Sign in again; your unsent work is "
                                   "kept."));
    });
}

void SessionManager::signOut()
{
    if (!m_session) {
        Q_EMIT signedOut();
        return;
    }
    const Session old = *m_session;
    m_session.reset();
    DeskSettings(m_settings).forgetSessionExpiry();
    auto *api = new ApiClient(m_network, this);
    api->setServer(old.server);
    api->setToken(old.token);
    api->setTransferTimeout(5000);
    if (m_tls)
        api->setTlsConfiguration(*m_tls);
    QNetworkReply *reply = api->remove(QStringLiteral("/api/v1/session"));
    connect(reply, &QNetworkReply::finished, this, [this, api, reply, old] {
        reply->deleteLater();
        api->deleteLater();
        m_credentials.remove(accountKey(old.server, old.user.login),
                             [this] { Q_EMIT signedOut(); });
    });
}

} // namespace rd
