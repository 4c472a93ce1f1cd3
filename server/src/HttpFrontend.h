#pragma once

#include "HttpConnection.h"
#include "ServerConfig.h"
#include "SignInThrottle.h"
#include "WorkerPool.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QSslConfiguration>
#include <QTcpServer>

#include <memory>
#include <optional>

namespace rd::server {

class SharedState;

// The server's HTTP/1.1 front. The thread it lives on (the main thread) is
// the I/O thread: it accepts connections (plain or TLS), reads and checks
// requests (HttpConnection: limits and timeouts), answers what needs no
// store (errors of the request, throttled sign-ins) and writes the
// answers. Everything else runs on worker threads: sign-ins on their own
// small pool (PBKDF2 takes a few hundred ms and must not hold other
// requests), every other request on the main pool, each worker with its
// own store connection and ApiService. A connection has at most one
// request on a worker at a time, so the queues hold at most one job per
// connection. Accepted sockets get LowDelayOption, or kept-alive responses
// stall ~40 ms (Nagle + delayed ACK).
//
// Connection caps per address and in total, and the sign-in throttle, are
// in this process's memory (per process). Test faults (cut a body, drop,
// delay, malformed JSON, 500 after commit) are taken from the SharedState
// as each answer is made and applied by the connection.
class HttpFrontend final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpFrontend)
public:
    HttpFrontend(const ServerConfig &config, SharedState &shared, StoreFactory stores,
                 SignInAudit audit, QObject *parent = nullptr);
    ~HttpFrontend() override;

    // Starts the worker threads (each opens its store); what went wrong, or empty.
    QString start();
    // Where clients reach this server, for the links in answers; before start().
    void setPublicUrl(const QUrl &url);
    // Returns the port listened on (0 on failure). With tls, HTTPS only.
    quint16 listenOn(const QHostAddress &address, quint16 port,
                     const std::optional<QSslConfiguration> &tls);
    // Runs job on a worker of the main pool (housekeeping).
    void runOnWorker(WorkerPool::Job job);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    qint64 bodyLimit(const HttpHead &head) const;
    void dispatch(HttpConnection *connection, const HttpRequest &request);
    void signIn(HttpConnection *connection, const ApiRequest &request);
    // On the worker: the answer in the coding the request takes, counted.
    void encode(const ApiRequest &request, ApiResponse &response, const FaultPlan &fault) const;
    void deliver(quint64 id, const ApiResponse &response, const FaultPlan &fault);
    void closed(HttpConnection *connection);
    void refuse(const char *why);

    const ServerConfig m_config;
    SharedState &m_shared;
    const SignInAudit m_audit;
    HttpConnection::Policy m_policy;
    std::unique_ptr<WorkerPool> m_workers;
    std::unique_ptr<WorkerPool> m_signIns;
    std::unique_ptr<WorkerPool> m_guesses; // repeated failures' sign-ins, at a lower priority
    std::unique_ptr<WorkerPool> m_bulk;    // big feed pages, at a lower priority
    SignInThrottle m_throttle;
    QElapsedTimer m_monotonic; // the throttle's clock
    std::optional<QSslConfiguration> m_tls;
    QHash<quint64, HttpConnection *> m_connections;
    QHash<QString, int> m_perAddress;
    quint64 m_nextId = 1;
    qint64 m_lastRefusalLog = -1'000'000;
    int m_refusedSinceLog = 0;
};

} // namespace rd::server
