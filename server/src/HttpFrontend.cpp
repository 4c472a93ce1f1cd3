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

#include <memory>

Q_LOGGING_CATEGORY(lcRequests, "regiondesk.server.requests")

namespace rd::server {

namespace {

class LowDelayTcpServer final : public QTcpServer
{
public:
    using QTcpServer::QTcpServer;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        addPendingConnection(socket);
    }
};

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

void writeResponse(QHttpServerResponder &responder, const ApiResponse &response,
                   const QByteArray &body, qint64 declaredLength)
{
    responder.writeStatusLine(QHttpServerResponder::StatusCode(response.status));
    if (!response.contentType.isEmpty())
        responder.writeHeader("Content-Type", response.contentType);
    responder.writeHeader("Content-Length", QByteArray::number(declaredLength));
    for (const auto &[name, value] : response.headers)
        responder.writeHeader(name, value);
    // Always: writeBody() also ends the header block, even for no body.
    responder.writeBody(body);
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
        connect(ssl, &QSslServer::startedEncryptionHandshake, ssl, [](QSslSocket *socket) {
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        });
        server = ssl;
    } else {
        server = new LowDelayTcpServer(this);
    }
    if (!server->listen(address, port)) {
        delete server;
        return 0;
    }
    bind(server);
    return server->serverPort();
}

bool HttpFrontend::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QElapsedTimer timer;
    timer.start();
    ApiRequest apiRequest;
    apiRequest.method = methodName(request.method());
    apiRequest.path = request.url().path(QUrl::FullyDecoded);
    apiRequest.query = request.query();
    for (const auto &[name, value] : request.headers())
        apiRequest.headers.insert(name.toLower(), value);
    apiRequest.body = request.body();

    ApiResponse response = m_api.handle(apiRequest);
    const FaultPlan fault = m_api.takeFault(apiRequest.path);
    auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
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
        socket->flush();
        socket->disconnectFromHost();
        break;
    }
    case FaultPlan::Kind::MalformedJson: {
        const QByteArray broken = response.body.left(response.body.size() / 2) + "\",}{]";
        writeResponse(*responder, response, broken, broken.size());
        break;
    }
    case FaultPlan::Kind::Drop:
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
    return true;
}

void HttpFrontend::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const ApiResponse error =
        ApiResponse::error(404, QStringLiteral("not_found"), QStringLiteral("No such endpoint."));
    QHttpServerResponder responder = makeResponder(request, socket);
    writeResponse(responder, error, error.body, error.body.size());
}

} // namespace rd::server
