#pragma once

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QSslConfiguration>

#include <optional>

namespace rd::server {

class ApiService;

// Carries HTTP to and from the ApiService: QtHttpServer parses requests;
// this class turns them into ApiRequests, writes the ApiResponses, applies
// test faults, and logs one line per request. Accepted sockets get
// LowDelayOption, or kept-alive responses stall ~40 ms (Nagle + delayed ACK).
class HttpFrontend final : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpFrontend)
public:
    explicit HttpFrontend(ApiService &api, QObject *parent = nullptr);

    // Returns the port listened on (0 on failure). With tls, HTTPS only.
    quint16 listenOn(const QHostAddress &address, quint16 port,
                     const std::optional<QSslConfiguration> &tls);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    ApiService &m_api;
};

} // namespace rd::server
