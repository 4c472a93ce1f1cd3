#pragma once

#include <QByteArray>
#include <QObject>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>

#include <optional>

namespace rd {

// The one connection to the server that the desk's parts share: the server
// (normalised once, here), the signed-in user's login and token, the TLS
// configuration (the system's CAs plus an administrator's extra CA file) and
// the account key. The sync controller, the desk client, the photo fetcher
// and the tile source read it and follow changed(); the shell is the only one
// that sets it. Lives on the GUI thread.
class Connection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Connection)
public:
    explicit Connection(QObject *parent = nullptr);

    // Signed in: requests carry the token.
    void setSession(const QUrl &server, const QString &login, const QByteArray &token);
    // Working offline, or the token ended: the account stays, requests stop.
    void setOffline(const QUrl &server, const QString &login);
    void clearToken();
    void setTlsConfiguration(const std::optional<QSslConfiguration> &configuration);

    const QUrl &server() const { return m_server; }
    const QString &login() const { return m_login; }
    const QByteArray &token() const { return m_token; }
    bool hasSession() const { return m_server.isValid() && !m_token.isEmpty(); }
    // accountKey(server, login): whose cache, whose stored token; empty
    // before anyone signs in.
    QString account() const;
    const std::optional<QSslConfiguration> &tlsConfiguration() const { return m_tls; }

Q_SIGNALS:
    // Any of the above moved.
    void changed();

private:
    void set(const QUrl &server, const QString &login, const QByteArray &token);

    QUrl m_server;
    QString m_login;
    QByteArray m_token;
    std::optional<QSslConfiguration> m_tls;
};

} // namespace rd
