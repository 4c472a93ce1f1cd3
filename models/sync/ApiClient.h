#pragma once

#include "ActionRules.h"
#include "Parsed.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QNetworkRequest>
#include <QObject>
#include <QPair>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace rd {

class Connection;

struct UserInfo
{
    qint64 id = 0;
    QString login;
    QString displayName;
    Role role = Role::Clerk;
    std::optional<qint64> agencyId;
    Actor actor() const { return {role, agencyId}; }
    friend bool operator==(const UserInfo &, const UserInfo &) = default;
};

// A signed-in session. The token is a secret: it lives in memory and in the
// system's credential store (CredentialStore), never in a file or QSettings.
struct Session
{
    QUrl server;
    QByteArray token;
    QDateTime expiresAt;
    UserInfo user;
    bool isValid() const { return server.isValid() && !token.isEmpty(); }
};

// What went wrong with a request, in the terms callers act on.
struct ApiError
{
    Q_GADGET
public:
    enum class Kind
    {
        None,
        Network,     // no connection, refused, cut off: try again later
        Timeout,     // no data for too long: try again later
        Tls,         // the certificate is not trusted: stop and explain
        Http,        // the server answered with an error status
        BadResponse, // the answer is not what docs/api.md promises
        Cancelled,
    };

    Kind kind = Kind::None;
    int status = 0;     // HTTP status, when the server answered
    QString code;       // the API's error code ("version_conflict", …)
    QString message;    // the server's message (English) or the network's
    QJsonObject fields; // 422: field → what is wrong
    QJsonObject body;   // the whole error body (409 has "current")

    bool isError() const { return kind != Kind::None; }
    // Worth retrying with the same request later: network trouble, timeouts,
    // 5xx, and an answer that arrived garbled (the idempotency key makes the
    // retry safe).
    bool isTransient() const;
    bool needsSignIn() const { return kind == Kind::Http && status == 401; }
    // Plain words for the user, translated.
    QString toUserText() const;
};

// The client side of docs/api.md: builds requests against one server with
// one token and classifies what comes back. Replies belong to the caller.
// Works through the application's proxy settings (the system's by default,
// see main()); TLS errors are never ignored.
class ApiClient final : public QObject
{
    Q_OBJECT

public:
    explicit ApiClient(QNetworkAccessManager *network, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ApiClient)

    void setServer(const QUrl &server) { m_server = server; }
    const QUrl &server() const { return m_server; }
    void setToken(const QByteArray &token) { m_token = token; }
    const QByteArray &token() const { return m_token; }
    // No data for this long fails a request with Kind::Timeout.
    void setTransferTimeout(int ms) { m_timeoutMs = ms; }
    void setTlsConfiguration(const QSslConfiguration &configuration) { m_tls = configuration; }
    // Whether answers are asked for gzip-compressed (docs/api.md,
    // "Compression"): by default (Auto) yes, except from a server on this
    // machine (a loopback address or "localhost"), where compressing only
    // costs both sides CPU; Always, e.g. for a link measured through a
    // relay on loopback.
    enum class Compression
    {
        Auto,
        Always
    };
    void setCompression(Compression compression) { m_compression = compression; }
    // Whether requests to server ask for compressed answers under compression.
    static bool asksForCompression(const QUrl &server, Compression compression);
    // Server, token and TLS as the shared connection has them now.
    void use(const Connection &connection);

    // The system's CAs plus those in extraCaFile (PEM), if given. An
    // unreadable or empty file is an error that says which and why.
    static Parsed<QSslConfiguration> tlsConfiguration(const QString &extraCaFile);

    using Headers = QList<QPair<QByteArray, QByteArray>>;
    QNetworkReply *get(const QString &pathAndQuery, const Headers &headers = {});
    QNetworkReply *post(const QString &path, const QByteArray &body, const Headers &headers = {},
                        const QByteArray &contentType = "application/json");
    QNetworkReply *remove(const QString &path);

    QNetworkReply *signIn(const QString &login, const QString &password);
    static std::optional<Session> sessionFromJson(const QUrl &server, const QJsonObject &object);

    // The error of a finished reply whose body has been read into body
    // (Kind::None for a 2xx/304 answer).
    static ApiError errorOf(QNetworkReply *reply, const QByteArray &body);
    static int statusOf(QNetworkReply *reply);
    // Aborts a reply so that errorOf() reports Kind::Cancelled, not a timeout.
    static void cancel(QNetworkReply *reply);
    static QString userAgent();

private:
    QNetworkRequest makeRequest(const QString &pathAndQuery, const Headers &headers) const;
    QNetworkReply *watch(QNetworkReply *reply) const;

    QNetworkAccessManager *m_network;
    QUrl m_server;
    QByteArray m_token;
    int m_timeoutMs = 30000;
    std::optional<QSslConfiguration> m_tls;
    Compression m_compression = Compression::Auto;
};

} // namespace rd
Q_DECLARE_METATYPE(rd::Session)
