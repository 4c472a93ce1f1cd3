#include "SessionManager.h"

#include "Account.h"
#include "CredentialStore.h"

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
                               QSettings &settings, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_credentials(credentials)
    , m_settings(settings)
{}

QString SessionManager::accountKey(const QUrl &server, const QString &login)
{
    return rd::accountKey(server, login);
}

QUrl SessionManager::lastServer() const
{
    return QUrl(m_settings.value(QStringLiteral("session/server")).toString());
}

QString SessionManager::lastLogin() const
{
    return m_settings.value(QStringLiteral("session/login")).toString();
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
    m_settings.setValue(QStringLiteral("session/server"),
                        normalizedServer(session.server).toString());
    m_settings.setValue(QStringLiteral("session/login"), session.user.login);
    m_settings.setValue(QStringLiteral("session/userId"), session.user.id);
    m_settings.setValue(QStringLiteral("session/displayName"), session.user.displayName);
    m_settings.setValue(QStringLiteral("session/role"), toCode(session.user.role));
    m_settings.setValue(QStringLiteral("session/agencyId"),
                        session.user.agencyId ? QVariant(*session.user.agencyId) : QVariant());
    m_settings.setValue(QStringLiteral("session/expiresAt"), session.expiresAt);
}

void SessionManager::restore()
{
    const QUrl server = normalizedServer(lastServer());
    const QString login = lastLogin();
    const QDateTime expires = m_settings.value(QStringLiteral("session/expiresAt")).toDateTime();
    if (!server.isValid() || login.isEmpty()) {
        Q_EMIT signInNeeded({});
        return;
    }
    if (!expires.isValid() || expires <= QDateTime::currentDateTimeUtc()) {
        Q_EMIT signInNeeded(Tr::tr("Your session has ended. Sign in again."));
        return;
    }
    m_credentials.load(
        accountKey(server, login), [this, server, login, expires](std::optional<QByteArray> token) {
            if (!token || token->isEmpty()) {
                Q_EMIT signInNeeded(Tr::tr("Sign in to continue."));
                return;
            }
            Session session;
            session.server = server;
            session.token = *token;
            session.expiresAt = expires;
            session.user.login = login;
            session.user.id = m_settings.value(QStringLiteral("session/userId")).toLongLong();
            session.user.displayName =
                m_settings.value(QStringLiteral("session/displayName")).toString();
            const auto role =
                roleFromCode(m_settings.value(QStringLiteral("session/role")).toString());
            if (!role) {
                Q_EMIT signInNeeded(Tr::tr("Sign in to continue."));
                return;
            }
            session.user.role = *role;
            const QVariant agency = m_settings.value(QStringLiteral("session/agencyId"));
            if (agency.isValid() && !agency.isNull())
                session.user.agencyId = agency.toLongLong();
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
    m_settings.remove(QStringLiteral("session/expiresAt"));
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
    m_settings.remove(QStringLiteral("session/expiresAt"));
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

bool SessionManager::wipeCache(const QString &path)
{
    bool ok = true;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        if (QFile::exists(path + suffix))
            ok = QFile::remove(path + suffix) && ok;
    }
    return ok;
}

} // namespace rd
