#include "ApiClient.h"

#include "Connection.h"

#include "Account.h"

#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslError>
#include <QUrlQuery>

namespace rd {

namespace {

const char *const SslErrorsProperty = "rd_ssl_errors";
const char *const CancelledProperty = "rd_cancelled";

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(rd::ApiError)
};

} // namespace

bool ApiError::isTransient() const
{
    switch (kind) {
    case Kind::Network:
    case Kind::Timeout:
    case Kind::BadResponse:
        return true;
    case Kind::Http:
        return status >= 500 || status == 429 || status == 408;
    case Kind::None:
    case Kind::Tls:
    case Kind::Cancelled:
        return false;
    }
    return false;
}

QString ApiError::toUserText() const
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Network:
        return Tr::tr("The server cannot be reached (%1). Your work is kept and will be sent "
                      "when the connection returns.")
            .arg(message);
    case Kind::Timeout:
        return Tr::tr("The server did not answer in time. Your work is kept and will be sent "
                      "later.");
    case Kind::Tls:
        return Tr::tr("The server's certificate is not trusted, so nothing was sent (%1). If "
                      "your agency uses its own certificate authority, ask your administrator "
                      "for its certificate file and set it in the settings.")
            .arg(message);
    case Kind::BadResponse:
        return Tr::tr("The server sent an answer RegionDesk cannot read (%1). Nothing was "
                      "changed; it will try again later. If this persists, tell your "
                      "administrator.")
            .arg(message);
    case Kind::Cancelled:
        return Tr::tr("Cancelled.");
    case Kind::Http:
        break;
    }
    if (status == 401)
        return Tr::tr("Your session has ended. Sign in again; your unsent work is kept.");
    if (status == 403)
        return Tr::tr("The server refused: %1").arg(message);
    if (status >= 500)
        return Tr::tr("The server had a problem (HTTP %1). It will be tried again later.")
            .arg(status);
    return Tr::tr("The server answered HTTP %1: %2").arg(status).arg(message);
}

ApiClient::ApiClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{}

void ApiClient::use(const Connection &connection)
{
    m_server = connection.server();
    m_token = connection.token();
    m_tls = connection.tlsConfiguration();
}

Parsed<QSslConfiguration> ApiClient::tlsConfiguration(const QString &extraCaFile)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    if (extraCaFile.isEmpty())
        return succeeded(configuration);
    QFile file(extraCaFile);
    if (!file.open(QIODevice::ReadOnly))
        return failed<QSslConfiguration>(
            Tr::tr("The extra CA certificate file %1 cannot be read: %2")
                .arg(extraCaFile, file.errorString()));
    const QList<QSslCertificate> certificates =
        QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (certificates.isEmpty())
        return failed<QSslConfiguration>(
            Tr::tr("The extra CA certificate file %1 holds no PEM certificate.").arg(extraCaFile));
    configuration.addCaCertificates(certificates);
    return succeeded(configuration);
}

QString ApiClient::userAgent()
{
    return QStringLiteral("RegionDesk/%1 (+https://regiondesk.example/)")
        .arg(QCoreApplication::applicationVersion().isEmpty()
                 ? QStringLiteral("dev")
                 : QCoreApplication::applicationVersion());
}

bool ApiClient::asksForCompression(const QUrl &server, Compression compression)
{
    if (compression == Compression::Always)
        return true;
    const QString host = server.host();
    const QHostAddress address(host);
    return !(host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 ||
             (!address.isNull() && address.isLoopback()));
}

QNetworkRequest ApiClient::makeRequest(const QString &pathAndQuery, const Headers &headers) const
{
    QUrl url = m_server;
    const qsizetype question = pathAndQuery.indexOf(QLatin1Char('?'));
    QString basePath = url.path();
    if (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + pathAndQuery.left(question));
    if (question >= 0)
        url.setQuery(pathAndQuery.mid(question + 1));
    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs);
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    if (m_tls)
        request.setSslConfiguration(*m_tls);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token);
    // Unset, Qt asks for gzip and deflate and decodes the answer by itself.
    if (!asksForCompression(m_server, m_compression))
        request.setRawHeader("Accept-Encoding", "identity");
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    return request;
}

QNetworkReply *ApiClient::watch(QNetworkReply *reply) const
{
    // Never ignored: the reply fails with SslHandshakeFailedError and the
    // reasons are kept for the message.
    connect(reply, &QNetworkReply::sslErrors, reply, [reply](const QList<QSslError> &errors) {
        QStringList reasons;
        for (const QSslError &error : errors)
            reasons.append(error.errorString());
        reply->setProperty(SslErrorsProperty, reasons.join(QStringLiteral("; ")));
    });
    return reply;
}

QNetworkReply *ApiClient::get(const QString &pathAndQuery, const Headers &headers)
{
    return watch(m_network->get(makeRequest(pathAndQuery, headers)));
}

QNetworkReply *ApiClient::post(const QString &path, const QByteArray &body, const Headers &headers,
                               const QByteArray &contentType)
{
    QNetworkRequest request = makeRequest(path, headers);
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    return watch(m_network->post(request, body));
}

QNetworkReply *ApiClient::remove(const QString &path)
{
    return watch(m_network->deleteResource(makeRequest(path, {})));
}

QNetworkReply *ApiClient::signIn(const QString &login, const QString &password)
{
    const QJsonObject body{{QStringLiteral("login"), login},
                           {QStringLiteral("password"), password}};
    return post(QStringLiteral("/api/v1/session"),
                QJsonDocument(body).toJson(QJsonDocument::Compact));
}

std::optional<Session> ApiClient::sessionFromJson(const QUrl &server, const QJsonObject &object)
{
    const QJsonObject user = object.value(QStringLiteral("user")).toObject();
    Session session;
    session.server = normalizedServer(server);
    session.token = object.value(QStringLiteral("token")).toString().toLatin1();
    session.expiresAt = QDateTime::fromString(object.value(QStringLiteral("expires_at")).toString(),
                                              Qt::ISODateWithMs);
    session.user.id = user.value(QStringLiteral("id")).toInteger();
    session.user.login = user.value(QStringLiteral("login")).toString();
    session.user.displayName = user.value(QStringLiteral("display_name")).toString();
    const auto role = roleFromCode(user.value(QStringLiteral("role")).toString());
    if (!role)
        return std::nullopt; // a role this desk does not know: nothing safe to show
    session.user.role = *role;
    const QJsonValue agency = user.value(QStringLiteral("agency_id"));
    if (agency.isDouble())
        session.user.agencyId = agency.toInteger();
    else if (!agency.isNull())
        return std::nullopt;
    if (session.token.isEmpty() || !session.expiresAt.isValid() || session.user.id <= 0 ||
        session.user.login.isEmpty())
        return std::nullopt;
    return session;
}

void ApiClient::cancel(QNetworkReply *reply)
{
    if (!reply)
        return;
    reply->setProperty(CancelledProperty, true);
    reply->abort();
}

int ApiClient::statusOf(QNetworkReply *reply)
{
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

ApiError ApiClient::errorOf(QNetworkReply *reply, const QByteArray &body)
{
    ApiError error;
    const int status = statusOf(reply);
    const QNetworkReply::NetworkError network = reply->error();
    if (status == 0) {
        switch (network) {
        case QNetworkReply::NoError:
            error.kind = ApiError::Kind::BadResponse;
            error.message = Tr::tr("no HTTP status");
            return error;
        case QNetworkReply::OperationCanceledError:
            // Aborted by us (cancel), or by the transfer timeout.
            error.kind = reply->property(CancelledProperty).toBool() ? ApiError::Kind::Cancelled
                                                                     : ApiError::Kind::Timeout;
            break;
        case QNetworkReply::TimeoutError:
            error.kind = ApiError::Kind::Timeout;
            break;
        case QNetworkReply::SslHandshakeFailedError:
            error.kind = ApiError::Kind::Tls;
            break;
        default:
            error.kind = ApiError::Kind::Network;
            break;
        }
        const QString ssl = reply->property(SslErrorsProperty).toString();
        error.message = ssl.isEmpty() ? reply->errorString() : ssl;
        return error;
    }
    error.status = status;
    if (status >= 200 && status < 300 && network == QNetworkReply::UnknownContentError) {
        // Headers arrived, then a body that does not decode (a damaged gzip
        // body; Qt says UnknownContentError): the server was reached, its
        // answer cannot be read. (A cut stream, ProtocolFailure on HTTP/2,
        // stays a network error below.)
        error.kind = ApiError::Kind::BadResponse;
        QString detail = reply->errorString().trimmed();
        while (detail.endsWith(QLatin1Char(':')))
            detail.chop(1);
        error.message = Tr::tr("the answer arrived damaged: %1").arg(detail);
        return error;
    }
    if (status >= 200 && status < 300 && network != QNetworkReply::NoError) {
        // Headers arrived, then the connection broke mid-body.
        error.kind = network != QNetworkReply::OperationCanceledError ? ApiError::Kind::Network
                     : reply->property(CancelledProperty).toBool()    ? ApiError::Kind::Cancelled
                                                                      : ApiError::Kind::Timeout;
        error.message = reply->errorString();
        return error;
    }
    if ((status >= 200 && status < 300) || status == 304)
        return error;
    error.kind = ApiError::Kind::Http;
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject inner = document.object().value(QStringLiteral("error")).toObject();
    error.body = document.object();
    error.code = inner.value(QStringLiteral("code")).toString();
    error.message = inner.value(QStringLiteral("message")).toString();
    error.fields = inner.value(QStringLiteral("fields")).toObject();
    if (error.message.isEmpty())
        error.message = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    return error;
}

} // namespace rd
