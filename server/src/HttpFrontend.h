#pragma once

#include <QAbstractHttpServer>
#include <QHash>
#include <QHostAddress>
#include <QPointer>
#include <QSslConfiguration>
#include <QTcpSocket>

#include <optional>

class QHttpServerResponder;

namespace rd::server {

class ApiService;

// Carries HTTP to and from the ApiService: QtHttpServer parses requests;
// this class turns them into ApiRequests, writes the ApiResponses, applies
// test faults, and logs one line per request. Accepted sockets get
// LowDelayOption, or kept-alive responses stall ~40 ms (Nagle + delayed ACK).
//
// QtHttpServer's API changed in Qt 6.8 (it left technical preview): the
// request handler gets a QHttpServerResponder instead of the socket, headers
// are QHttpHeaders, and a response is written in one call. Both are served
// here; the faults that act on the connection itself (cut a body, drop the
// connection) find its socket by the request's peer address and port, which
// the listening server registers as it accepts.
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
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    bool handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
    void missingHandler(const QHttpServerRequest &request,
                        QHttpServerResponder &responder) override;
#else
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;
#endif

private:
    void serve(const QHttpServerRequest &request, QHttpServerResponder &&responder,
               QTcpSocket *socket);
    void track(QTcpSocket *socket); // Qt >= 6.8: remembers an accepted connection

    ApiService &m_api;
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    QTcpSocket *socketOf(const QHttpServerRequest &request) const;
    // Open connections by peer "address port" (for the connection faults).
    QHash<QString, QPointer<QTcpSocket>> m_sockets;
#endif
};

} // namespace rd::server
