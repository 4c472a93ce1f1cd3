#include "Connection.h"

#include "Account.h"

namespace rd {

Connection::Connection(QObject *parent)
    : QObject(parent)
{}

void Connection::set(const QUrl &server, const QString &login, const QByteArray &token)
{
    const QUrl normal = server.isValid() ? normalizedServer(server) : QUrl();
    if (normal == m_server && login == m_login && token == m_token)
        return;
    m_server = normal;
    m_login = login;
    m_token = token;
    Q_EMIT changed();
}

void Connection::setSession(const QUrl &server, const QString &login, const QByteArray &token)
{
    set(server, login, token);
}

void Connection::setOffline(const QUrl &server, const QString &login)
{
    set(server, login, {});
}

void Connection::clearToken()
{
    set(m_server, m_login, {});
}

void Connection::setTlsConfiguration(const std::optional<QSslConfiguration> &configuration)
{
    if (configuration == m_tls)
        return;
    m_tls = configuration;
    Q_EMIT changed();
}

QString Connection::account() const
{
    return m_login.isEmpty() ? QString() : accountKey(m_server, m_login);
}

} // namespace rd
