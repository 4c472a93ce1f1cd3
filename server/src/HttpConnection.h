#pragma once

#include "ApiTypes.h"
#include "HttpParser.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QTimer>

#include <functional>

class QTcpSocket;

namespace rd::server {

// A complete request as a connection read it.
struct HttpRequest
{
    HttpHead head;
    QByteArray body;
};

// One client connection, on the I/O thread. It reads one request at a
// time under the limits and timeouts of its Policy, hands it out with
// requestReady, and reads nothing more (the socket's read buffer is small,
// so TCP holds the rest at the client) until respond() is called and what
// waits to be sent is below maxOutputBytes: pipelined requests are
// answered in order and a client that does not read its answers cannot
// make the server buffer more than about one answer for it.
//
// Errors of the request itself (malformed, too large, too slow) are
// answered here and close the connection: the answer is sent, the sending
// side shut, what the client still sends read and dropped for a moment,
// then the socket closed (so the client reads the answer instead of a
// reset). The connection owns its socket; its owner deletes it after
// finished().
class HttpConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)
public:
    struct Policy
    {
        HttpHeadLimits head;
        int headerTimeoutMs = 10'000;
        int bodyTimeoutMs = 60'000;
        int idleTimeoutMs = 60'000;
        qint64 maxOutputBytes = 1 << 20;
        // The largest body this request may have (checked before reading it).
        std::function<qint64(const HttpHead &)> bodyLimit;
        // Called as each answer is written (for the metrics): the request's
        // head (empty if it could not be read), the status, and the seconds
        // from the request's last byte to now (0 for errors of the request
        // itself, answered before it was handed out).
        std::function<void(const HttpHead &, int status, double seconds)> served;
    };

    HttpConnection(QTcpSocket *socket, quint64 id, const Policy &policy, QObject *parent);
    ~HttpConnection() override;

    quint64 id() const { return m_id; }
    // The client's address, as the audit log writes it.
    const QString &peer() const { return m_peer; }
    // Whose connection this is for the caps, the throttle and the queues:
    // the IPv4 address, or the IPv6 /64 prefix (one subscriber's network).
    const QString &client() const { return m_client; }
    // Whether the client is on this machine (a loopback address).
    bool isLoopback() const { return m_loopback; }

    // The answer to the request last handed out (a fault from the test
    // hooks changes how it is sent).
    void respond(const ApiResponse &response, const FaultPlan &fault = {});

Q_SIGNALS:
    void requestReady(rd::server::HttpConnection *connection,
                      const rd::server::HttpRequest &request);
    void finished(rd::server::HttpConnection *connection);

private:
    enum class State
    {
        Head,   // reading a request's line and headers (or waiting for one)
        Body,   // reading its body
        Busy,   // handed out; waiting for respond()
        Closing // answered for the last time; draining, then closed
    };
    void process();
    bool readHead();
    void startBody(const HttpHead &head);
    bool readBody();
    void send(const ApiResponse &response, const QByteArray &body, qint64 declaredLength);
    void afterResponse();
    void fail(int status, const QString &code, const QString &message);
    void closeGracefully();
    void shutWriting();
    void onWritten();
    void onTimeout();
    void arm(int ms);
    void finish();

    QTcpSocket *m_socket;
    const quint64 m_id;
    const Policy &m_policy;
    QString m_peer;
    QString m_client;
    bool m_loopback = false;
    State m_state = State::Head;
    bool m_waiting = true; // Head: no byte of the next request yet
    bool m_keepAlive = true;
    bool m_finished = false;
    bool m_shut = false;
    QByteArray m_buffer; // read, not yet parsed (at most a head's worth)
    HttpRequest m_request;
    QTimer m_timer;
    QElapsedTimer m_started;   // since the request's first byte
    QElapsedTimer m_handedOut; // since requestReady (invalid until then)
};

// One line per request in the log category regiondesk.server.requests:
// method, the path as sent (still percent-encoded; any control or non-ASCII
// byte escaped, so no request can forge a log line), status, time.
void logRequest(const QByteArray &method, const QByteArray &target, int status, qint64 ms);

// HttpConnection::client() of an address.
QString clientKey(const QHostAddress &address);

} // namespace rd::server
