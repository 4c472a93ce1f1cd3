#include "HttpFrontend.h"

#include "ApiService.h"
#include "ContentCoding.h"
#include "ServerStore.h"
#include "SharedState.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

Q_LOGGING_CATEGORY(lcHttp, "regiondesk.server.http")

namespace rd::server {

namespace {

constexpr int ListenBacklog = 1024; // the kernel caps it (net.core.somaxconn)

ApiRequest toApiRequest(const HttpRequest &request, const HttpConnection &connection)
{
    ApiRequest api;
    api.client = connection.client();
    api.loopback = connection.isLoopback();
    // HEAD is answered as GET without the body (the connection drops it).
    api.method = request.head.method == "HEAD" ? QByteArray("GET") : request.head.method;
    api.path = request.head.path;
    api.query = request.head.query;
    api.headers = request.head.headers;
    api.body = request.body;
    return api;
}

bool isPhotoUpload(const HttpHead &head)
{
    static const QRegularExpression re(QStringLiteral(R"(^/api/v1/complaints/\d{1,15}/photos\z)"));
    return head.method == "POST" && re.match(head.path).hasMatch();
}

} // namespace

HttpFrontend::HttpFrontend(const ServerConfig &config, SharedState &shared, StoreFactory stores,
                           SignInAudit audit, QObject *parent)
    : QTcpServer(parent)
    , m_config(config)
    , m_shared(shared)
    , m_audit(std::move(audit))
    , m_workers(std::make_unique<WorkerPool>(QStringLiteral("worker"), config.http.workerThreads,
                                             stores, config, shared))
    , m_signIns(std::make_unique<WorkerPool>(QStringLiteral("sign-in"), config.http.signInThreads,
                                             stores, config, shared,
                                             config.http.cleanSignInThreads))
    , m_guesses(std::make_unique<WorkerPool>(QStringLiteral("guesses"),
                                             config.http.guessSignInThreads, stores, config, shared,
                                             0, WorkerPool::Priority::Background))
    , m_bulk(std::make_unique<WorkerPool>(QStringLiteral("bulk"), config.http.bulkThreads, stores,
                                          config, shared, 0, WorkerPool::Priority::Background))
    , m_throttle({config.http.signInFailuresPerLogin, config.http.signInFailuresPerAddress,
                  config.http.signInLockoutSecs * 1000})
{
    const HttpConfig &http = m_config.http;
    m_policy.head = {http.maxHeaderBytes, http.maxUrlBytes, http.maxHeaderCount};
    m_policy.headerTimeoutMs = http.headerTimeoutMs;
    m_policy.bodyTimeoutMs = http.bodyTimeoutMs;
    m_policy.idleTimeoutMs = http.idleTimeoutMs;
    m_policy.maxOutputBytes = http.maxOutputBytes;
    m_policy.bodyLimit = [this](const HttpHead &head) { return bodyLimit(head); };
    m_policy.served = [this](const HttpHead &head, int status, double seconds) {
        m_shared.metrics().requestServed(head.method, head.path, status, seconds);
    };
    m_monotonic.start();
    // Out of file descriptors (or another accept failure): wait a little
    // instead of retrying at once (which spins a core).
    connect(this, &QTcpServer::acceptError, this, [this](QAbstractSocket::SocketError error) {
        qCWarning(lcHttp) << "accepting a connection failed:" << error << errorString();
        pauseAccepting();
        QTimer::singleShot(200, this, [this] { resumeAccepting(); });
    });
}

HttpFrontend::~HttpFrontend()
{
    close();
    for (HttpConnection *connection : std::as_const(m_connections)) {
        disconnect(connection, nullptr, this, nullptr);
        delete connection;
    }
    m_connections.clear();
    // The workers first: they post their answers to this object.
    m_bulk.reset();
    m_guesses.reset();
    m_signIns.reset();
    m_workers.reset();
}

void HttpFrontend::setPublicUrl(const QUrl &url)
{
    m_workers->setPublicUrl(url);
    m_signIns->setPublicUrl(url);
    m_guesses->setPublicUrl(url);
    m_bulk->setPublicUrl(url);
}

QString HttpFrontend::start()
{
    QString error = m_workers->start();
    if (error.isEmpty())
        error = m_signIns->start();
    if (error.isEmpty())
        error = m_guesses->start();
    if (error.isEmpty())
        error = m_bulk->start();
    return error;
}

quint16 HttpFrontend::listenOn(const QHostAddress &address, quint16 port,
                               const std::optional<QSslConfiguration> &tls)
{
    m_tls = tls;
    // Room for bursts of new connections (Qt's default is 50): past it the
    // kernel drops connection requests and clients retry a second later.
    setListenBacklogSize(ListenBacklog);
    if (!listen(address, port))
        return 0;
    return serverPort();
}

void HttpFrontend::runOnWorker(WorkerPool::Job job)
{
    m_workers->post(QStringLiteral("housekeeping"), std::move(job));
}

void HttpFrontend::refuse(const char *why)
{
    m_shared.metrics().connectionRefused();
    // At most one line a second while refusing, with the count.
    ++m_refusedSinceLog;
    if (m_monotonic.elapsed() - m_lastRefusalLog < 1000)
        return;
    qCWarning(lcHttp) << "closed" << m_refusedSinceLog << "new connection(s):" << why;
    m_refusedSinceLog = 0;
    m_lastRefusalLog = m_monotonic.elapsed();
}

void HttpFrontend::incomingConnection(qintptr descriptor)
{
    QTcpSocket *socket = m_tls ? new QSslSocket : new QTcpSocket;
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    const QString peer = clientKey(socket->peerAddress());
    const bool full = m_connections.size() >= m_config.http.maxConnections;
    if (full || m_perAddress.value(peer) >= m_config.http.maxConnectionsPerAddress) {
        socket->abort(); // at once: the descriptor is free again
        delete socket;
        refuse(full ? "the server's connection limit" : "the limit per client address");
        return;
    }
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (auto *ssl = qobject_cast<QSslSocket *>(socket)) {
        ssl->setSslConfiguration(*m_tls);
        ssl->startServerEncryption();
    }
    const quint64 id = m_nextId++;
    auto *connection = new HttpConnection(socket, id, m_policy, this);
    m_connections.insert(id, connection);
    m_shared.metrics().setOpenConnections(m_connections.size());
    ++m_perAddress[peer];
    connect(connection, &HttpConnection::requestReady, this, &HttpFrontend::dispatch);
    connect(connection, &HttpConnection::finished, this, &HttpFrontend::closed);
}

void HttpFrontend::closed(HttpConnection *connection)
{
    m_connections.remove(connection->id());
    m_shared.metrics().setOpenConnections(m_connections.size());
    if (--m_perAddress[connection->client()] <= 0)
        m_perAddress.remove(connection->client());
    connection->deleteLater();
}

qint64 HttpFrontend::bodyLimit(const HttpHead &head) const
{
    if (!head.header("authorization").startsWith("Bearer "))
        return m_config.http.maxAnonymousBodyBytes;
    return isPhotoUpload(head) ? m_config.maxPhotoBytes : m_config.maxJsonBytes;
}

void HttpFrontend::dispatch(HttpConnection *connection, const HttpRequest &request)
{
    ApiRequest api = toApiRequest(request, *connection);
    if (const std::optional<ApiResponse> refused = refuseCodedBody(api))
        return connection->respond(*refused);
    if (api.path == QLatin1String("/api/v1/session") && api.method == "POST")
        return signIn(connection, api);
    const quint64 id = connection->id();
    // A page of many records (a first sync) goes to the bulk threads, so
    // it never holds a worker, nor much of the CPU, from a poll or an action.
    const bool bulk = api.method == "GET" && api.path == QLatin1String("/api/v1/changes") &&
                      FeedService::expectedRecords(api.query, m_config, m_shared.lastSeq()) >
                          m_config.http.bulkRecords;
    WorkerPool &pool = bulk ? *m_bulk : *m_workers;
    pool.post(connection->client(), [this, id, api](WorkerPool::Worker &worker) {
        ApiResponse response = worker.api.handle(api);
        FaultPlan fault = m_shared.takeFault(api.path);
        encode(api, response, fault);
        QMetaObject::invokeMethod(
            this, [this, id, response, fault] { deliver(id, response, fault); },
            Qt::QueuedConnection);
    });
}

void HttpFrontend::signIn(HttpConnection *connection, const ApiRequest &request)
{
    const QString login = QJsonDocument::fromJson(request.body)
                              .object()
                              .value(QStringLiteral("login"))
                              .toString()
                              .left(200);
    const QString address = connection->peer();
    const QString client = connection->client();
    const SignInThrottle::Admission admission =
        m_throttle.admit(login, client, m_monotonic.elapsed());
    if (!admission.admitted) {
        m_shared.metrics().signIn(Metrics::SignIn::Throttled);
        const qint64 seconds = (admission.retryAfterMs + 999) / 1000;
        if (admission.firstRefusal)
            m_audit({QDateTime::currentDateTimeUtc(), login, address, SignInEvent::Outcome::Refused,
                     seconds});
        ApiResponse refused = ApiResponse::error(
            429, QStringLiteral("too_many_attempts"),
            QStringLiteral("Too many failed sign-ins. Try again in %1 s.").arg(seconds));
        refused.addHeader("Retry-After", QByteArray::number(seconds));
        FaultPlan tarpit; // held back for a moment: see signInRefusalDelayMs
        tarpit.kind = FaultPlan::Kind::Delay;
        tarpit.delayMs =
            int(std::min<qint64>(m_config.http.signInRefusalDelayMs, admission.retryAfterMs));
        connection->respond(refused, tarpit);
        return;
    }
    const quint64 id = connection->id();
    // A sign-in with no failure behind it (most honest ones) goes before
    // the others; those of a login or an address that failed repeatedly
    // (guessing) are checked apart, at the lower priority.
    WorkerPool &pool = admission.guess ? *m_guesses : *m_signIns;
    pool.post(
        client,
        [this, id, request, login, address, client](WorkerPool::Worker &worker) {
            ApiResponse response = worker.api.handle(request);
            FaultPlan fault = m_shared.takeFault(request.path);
            encode(request, response, fault);
            QMetaObject::invokeMethod(
                this,
                [this, id, response, fault, login, address, client] {
                    using Result = SignInThrottle::Result;
                    const Result result = response.status == 200   ? Result::Succeeded
                                          : response.status == 401 ? Result::Failed
                                                                   : Result::NotChecked;
                    const qint64 lockMs =
                        m_throttle.finish(login, client, result, m_monotonic.elapsed());
                    if (result == Result::Failed)
                        m_shared.metrics().signIn(Metrics::SignIn::Failed);
                    if (lockMs > 0)
                        m_shared.metrics().signIn(Metrics::SignIn::LockedOut);
                    if (result != Result::NotChecked) {
                        using Outcome = SignInEvent::Outcome;
                        m_audit({QDateTime::currentDateTimeUtc(), login, address,
                                 result == Result::Succeeded ? Outcome::Succeeded
                                 : lockMs > 0                ? Outcome::LockedOut
                                                             : Outcome::Failed,
                                 lockMs / 1000});
                    }
                    deliver(id, response, fault);
                },
                Qt::QueuedConnection);
        },
        admission.clean);
}

void HttpFrontend::encode(const ApiRequest &request, ApiResponse &response,
                          const FaultPlan &fault) const
{
    // A test hook that breaks the body (cuts it, or makes it bad JSON)
    // breaks the plain one, as a broken proxy would.
    const bool breaksBody =
        fault.kind == FaultPlan::Kind::CutBody || fault.kind == FaultPlan::Kind::MalformedJson;
    CodedSize size{response.body.size(), response.body.size(), false};
    try {
        size = encodeResponse(request, response, breaksBody ? 0 : m_config.http.gzipLevel);
    } catch (const std::exception &error) {
        // Out of memory for the coded copy: the answer goes as it is.
        qCWarning(lcHttp) << "compressing an answer failed:" << error.what();
    }
    m_shared.metrics().bodySent(size.plainBytes, size.sentBytes, size.gzip);
}

void HttpFrontend::deliver(quint64 id, const ApiResponse &response, const FaultPlan &fault)
{
    // The connection may have closed while its request was on a worker.
    if (HttpConnection *connection = m_connections.value(id))
        connection->respond(response, fault);
}

} // namespace rd::server
