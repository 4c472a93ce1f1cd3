#include "HttpFrontend.h"

#include "ApiService.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QLoggingCategory>
#include <QPointer>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <functional>
#include <memory>

Q_LOGGING_CATEGORY(lcRequests, "regiondesk.server.requests")

namespace rd::server {

namespace {

class LowDelayTcpServer final : public QTcpServer
{
public:
    LowDelayTcpServer(std::function<void(QTcpSocket *)> accepted, QObject *parent)
        : QTcpServer(parent)
        , m_accepted(std::move(accepted))
    {}

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_accepted(socket);
        addPendingConnection(socket);
    }

private:
    std::function<void(QTcpSocket *)> m_accepted;
};

#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
QString peerKey(const QHostAddress &address, quint16 port)
{
    return address.toString() + QLatin1Char(' ') + QString::number(port);
}
#endif

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    default:
        return "OTHER";
    }
}

// declaredLength is the Content-Length sent; a fault may send less body.
void writeResponse(QHttpServerResponder &responder, const ApiResponse &response,
                   const QByteArray &body, qint64 declaredLength)
{
    const auto status = QHttpServerResponder::StatusCode(response.status);
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    QHttpHeaders headers;
    if (!response.contentType.isEmpty())
        headers.append(QHttpHeaders::WellKnownHeader::ContentType, response.contentType);
    headers.append(QHttpHeaders::WellKnownHeader::ContentLength,
                   QByteArray::number(declaredLength));
    for (const auto &[name, value] : response.headers)
        headers.append(name, value);
    responder.write(body, headers, status);
#else
    responder.writeStatusLine(status);
    if (!response.contentType.isEmpty())
        responder.writeHeader("Content-Type", response.contentType);
    responder.writeHeader("Content-Length", QByteArray::number(declaredLength));
    for (const auto &[name, value] : response.headers)
        responder.writeHeader(name, value);
    // Always: writeBody() also ends the header block, even for no body.
    responder.writeBody(body);
#endif
}

ApiResponse notFound()
{
    return ApiResponse::error(404, QStringLiteral("not_found"),
                              QStringLiteral("No such endpoint."));
}

} // namespace

HttpFrontend::HttpFrontend(ApiService &api, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_api(api)
{}

quint16 HttpFrontend::listenOn(const QHostAddress &address, quint16 port,
                               const std::optional<QSslConfiguration> &tls)
{
    QTcpServer *server = nullptr;
    if (tls) {
        auto *ssl = new QSslServer(this);
        ssl->setSslConfiguration(*tls);
        connect(ssl, &QSslServer::startedEncryptionHandshake, ssl, [this](QSslSocket *socket) {
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            track(socket);
        });
        server = ssl;
    } else {
        server = new LowDelayTcpServer([this](QTcpSocket *socket) { track(socket); }, this);
    }
    if (!server->listen(address, port)) {
        delete server;
        return 0;
    }
    bind(server);
    return server->serverPort();
}

void HttpFrontend::track([[maybe_unused]] QTcpSocket *socket)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    const QString key = peerKey(socket->peerAddress(), socket->peerPort());
    m_sockets.insert(key, socket);
    connect(socket, &QObject::destroyed, this, [this, key] { m_sockets.remove(key); });
#endif
}

#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
QTcpSocket *HttpFrontend::socketOf(const QHttpServerRequest &request) const
{
    return m_sockets.value(peerKey(request.remoteAddress(), request.remotePort()));
}

bool HttpFrontend::handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    serve(request, std::move(responder), socketOf(request));
    return true;
}

void HttpFrontend::missingHandler(const QHttpServerRequest &, QHttpServerResponder &responder)
{
    const ApiResponse error = notFound();
    writeResponse(responder, error, error.body, error.body.size());
}
#else
bool HttpFrontend::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    serve(request, makeResponder(request, socket), socket);
    return true;
}

void HttpFrontend::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const ApiResponse error = notFound();
    QHttpServerResponder responder = makeResponder(request, socket);
    writeResponse(responder, error, error.body, error.body.size());
}
#endif

void HttpFrontend::serve(const QHttpServerRequest &request, QHttpServerResponder &&reply,
                         QTcpSocket *socket)
{
    QElapsedTimer timer;
    timer.start();
    ApiRequest apiRequest;
    apiRequest.method = methodName(request.method());
    apiRequest.path = request.url().path(QUrl::FullyDecoded);
    apiRequest.query = request.query();
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    const QHttpHeaders &headers = request.headers();
    for (qsizetype i = 0; i < headers.size(); ++i) {
        // Names come in lower case; a repeated header keeps its last value,
        // as under Qt 6.4.
        const QLatin1StringView name = headers.nameAt(i);
        apiRequest.headers.insert(QByteArray(name.data(), name.size()),
                                  headers.valueAt(i).toByteArray());
    }
#else
    for (const auto &[name, value] : request.headers())
        apiRequest.headers.insert(name.toLower(), value);
#endif
    apiRequest.body = request.body();

    ApiResponse response = m_api.handle(apiRequest);
    const FaultPlan fault = m_api.takeFault(apiRequest.path);
    auto responder = std::make_shared<QHttpServerResponder>(std::move(reply));
    qCInfo(lcRequests).noquote() << apiRequest.method << apiRequest.path << response.status
                                 << QStringLiteral("%1 ms").arg(timer.elapsed());

    switch (fault.kind) {
    case FaultPlan::Kind::None:
        writeResponse(*responder, response, response.body, response.body.size());
        break;
    case FaultPlan::Kind::ErrorAfterCommit: {
        // The work above is committed; the client is told it failed.
        const ApiResponse error = ApiResponse::error(500, QStringLiteral("internal"),
                                                     QStringLiteral("Injected failure."));
        writeResponse(*responder, error, error.body, error.body.size());
        break;
    }
    case FaultPlan::Kind::CutBody: {
        const QByteArray half = response.body.left(response.body.size() / 2);
        writeResponse(*responder, response, half, response.body.size());
        if (socket) {
            socket->flush();
            socket->disconnectFromHost();
        }
        break;
    }
    case FaultPlan::Kind::MalformedJson: {
        const QByteArray broken = response.body.left(response.body.size() / 2) + "\",}{]";
        writeResponse(*responder, response, broken, broken.size());
        break;
    }
    case FaultPlan::Kind::Drop:
        if (socket)
            socket->abort();
        break;
    case FaultPlan::Kind::Delay: {
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(fault.delayMs, this, [responder, response, guard] {
            if (guard && guard->state() == QAbstractSocket::ConnectedState)
                writeResponse(*responder, response, response.body, response.body.size());
        });
        break;
    }
    }
}

} // namespace rd::server
