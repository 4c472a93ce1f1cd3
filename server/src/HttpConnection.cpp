#include "HttpConnection.h"

#include "Open311Node.h"

#include <QDateTime>
#include <QLocale>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSslSocket>
#include <QTcpSocket>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

Q_LOGGING_CATEGORY(lcRequests, "regiondesk.server.requests")

namespace rd::server {

namespace {

constexpr qint64 SocketReadBuffer = 64 * 1024; // what Qt reads ahead of us per socket
constexpr int LingerMs = 2000;                 // draining after a last answer
constexpr qint64 MaxDrainBytes = 1 << 20;      // …and at most this much

QByteArray reason(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 414:
        return "URI Too Long";
    case 415:
        return "Unsupported Media Type";
    case 417:
        return "Expectation Failed";
    case 422:
        return "Unprocessable Content";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Status";
    }
}

// The Date header's value (RFC 9110 §5.6.7), computed once a second.
QByteArray httpDate()
{
    thread_local qint64 second = -1;
    thread_local QByteArray text;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (now.toSecsSinceEpoch() != second) {
        second = now.toSecsSinceEpoch();
        text = QLocale::c().toString(now, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss")).toLatin1() +
               " GMT";
    }
    return text;
}

bool hasHeader(const ApiResponse &response, const char *name)
{
    for (const auto &[key, value] : response.headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

QString clientKey(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4)
        return QHostAddress(v4).toString();
    Q_IPV6ADDR v6 = address.toIPv6Address();
    for (int i = 8; i < 16; ++i)
        v6[i] = 0;
    return QHostAddress(v6).toString() + QStringLiteral("/64");
}

void logRequest(const QByteArray &method, const QByteArray &target, int status, qint64 ms)
{
    const qsizetype query = target.indexOf('?');
    QByteArray path;
    for (const char c : query < 0 ? target : target.first(query)) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f)
            path += '%' + QByteArray::number(u, 16).rightJustified(2, '0').toUpper();
        else
            path += c;
    }
    qCInfo(lcRequests).noquote() << (method.isEmpty() ? QByteArray("-") : method.left(20))
                                 << (path.isEmpty() ? QByteArray("-") : path) << status
                                 << QStringLiteral("%1 ms").arg(ms);
}

HttpConnection::HttpConnection(QTcpSocket *socket, quint64 id, const Policy &policy,
                               QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_id(id)
    , m_policy(policy)
    , m_peer(socket->peerAddress().toString())
    , m_client(clientKey(socket->peerAddress()))
{
    bool isV4 = false;
    const quint32 v4 = socket->peerAddress().toIPv4Address(&isV4); // also ::ffff:a.b.c.d
    m_loopback = isV4 ? QHostAddress(v4).isLoopback() : socket->peerAddress().isLoopback();
    m_socket->setParent(this);
    m_socket->setReadBufferSize(SocketReadBuffer);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    connect(m_socket, &QIODevice::readyRead, this, &HttpConnection::process);
    connect(m_socket, &QIODevice::bytesWritten, this, &HttpConnection::onWritten);
    connect(m_socket, &QAbstractSocket::disconnected, this, &HttpConnection::finish);
    connect(m_socket, &QAbstractSocket::errorOccurred, this, [this] {
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            finish();
    });
    // A new connection has the header timeout for its first request (and
    // its TLS handshake); a kept-alive one waits the idle timeout. Until its
    // first byte, 75–100 % of it, at random: a thousand connections opened
    // at once that send nothing (a flood) are not all closed in the same
    // instant, which held every other client's requests for 50 ms every
    // 11 s in the load run (and the flood opened them again all at once).
    const int full = m_policy.headerTimeoutMs;
    arm(full - int(QRandomGenerator::global()->bounded(full / 4 + 1)));
    m_started.start();
}

HttpConnection::~HttpConnection()
{
    disconnect(m_socket, nullptr, this, nullptr); // no finished() from a dying connection
}

void HttpConnection::arm(int ms)
{
    m_timer.start(std::max(1, ms));
}

void HttpConnection::process()
{
    while (!m_finished) {
        if (m_state == State::Closing) {
            // What the client still sends after the last answer: dropped.
            m_socket->read(MaxDrainBytes);
            return;
        }
        if (m_state == State::Head) {
            if (m_socket->bytesToWrite() > m_policy.maxOutputBytes)
                return; // onWritten() comes back once the client has read
            if (!readHead())
                return;
        } else if (m_state == State::Body) {
            if (!readBody())
                return;
        } else {
            return; // Busy: the socket's small buffer holds what comes
        }
    }
}

// True if a head was read (the state moved on).
bool HttpConnection::readHead()
{
    const qint64 room = m_policy.head.maxHeaderBytes + 1 - m_buffer.size();
    if (room > 0)
        m_buffer += m_socket->read(room);
    if (m_buffer.isEmpty())
        return false;
    if (m_waiting) {
        m_waiting = false;
        m_started.start();
        arm(m_policy.headerTimeoutMs);
    }
    HttpHeadResult result = parseHttpHead(m_buffer, m_policy.head);
    switch (result.kind) {
    case HttpHeadResult::Kind::NeedMore:
        return false;
    case HttpHeadResult::Kind::Error:
        fail(result.status, result.code, result.message);
        return false;
    case HttpHeadResult::Kind::Complete:
        break;
    }
    m_buffer.remove(0, result.consumed);
    startBody(result.head);
    return m_state == State::Body;
}

void HttpConnection::startBody(const HttpHead &head)
{
    m_request = HttpRequest{head, {}};
    m_keepAlive = head.keepAlive;
    if (head.chunked)
        return fail(411, QStringLiteral("length_required"),
                    QStringLiteral("Send the body with a Content-Length: chunked bodies are not "
                                   "accepted."));
    if (head.otherTransferCoding)
        return fail(501, QStringLiteral("not_implemented"),
                    QStringLiteral("Transfer-Encoding other than chunked is not understood."));
    const qint64 limit = m_policy.bodyLimit(head);
    if (head.contentLength > limit)
        return fail(413, QStringLiteral("too_large"),
                    QStringLiteral("The body is larger than %1 bytes.").arg(limit));
    if (head.expectContinue && head.contentLength > 0)
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    m_state = State::Body;
    arm(m_policy.bodyTimeoutMs);
}

// True if the body is complete (the request was handed out).
bool HttpConnection::readBody()
{
    QByteArray &body = m_request.body;
    const qint64 length = m_request.head.contentLength;
    if (!m_buffer.isEmpty()) {
        const qint64 take = std::min<qint64>(length - body.size(), m_buffer.size());
        body += m_buffer.first(take);
        m_buffer.remove(0, take);
    }
    if (body.size() < length)
        body += m_socket->read(length - body.size());
    if (body.size() < length)
        return false;
    m_state = State::Busy;
    m_timer.stop();
    m_handedOut.start();
    Q_EMIT requestReady(this, m_request);
    return true;
}

void HttpConnection::send(const ApiResponse &response, const QByteArray &body,
                          qint64 declaredLength)
{
    QByteArray head =
        "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reason(response.status) + "\r\n";
    if (!response.contentType.isEmpty())
        head += "Content-Type: " + response.contentType + "\r\n";
    head += "Content-Length: " + QByteArray::number(declaredLength) + "\r\n";
    for (const auto &[name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    // Every answer: no content sniffing; none stored by caches unless the
    // endpoint said otherwise (tokens and personal data travel here).
    head += "X-Content-Type-Options: nosniff\r\n";
    if (!hasHeader(response, "Cache-Control"))
        head += "Cache-Control: no-store\r\n";
    head += "Date: " + httpDate() + "\r\n";
    if (!m_keepAlive)
        head += "Connection: close\r\n";
    else if (m_request.head.minorVersion == 0)
        head += "Connection: keep-alive\r\n";
    head += "\r\n";
    if (m_request.head.method != "HEAD")
        head += body;
    m_socket->write(head);
    logRequest(m_request.head.method, m_request.head.target, response.status, m_started.elapsed());
    if (m_policy.served)
        m_policy.served(m_request.head, response.status,
                        m_handedOut.isValid() ? double(m_handedOut.nsecsElapsed()) / 1e9 : 0.0);
}

void HttpConnection::respond(const ApiResponse &response, const FaultPlan &fault)
{
    if (m_state != State::Busy || m_finished)
        return;
    switch (fault.kind) {
    case FaultPlan::Kind::None:
        send(response, response.body, response.body.size());
        break;
    case FaultPlan::Kind::ErrorAfterCommit: {
        // The work is committed; the client is told it failed.
        const ApiResponse error = ApiResponse::error(500, QStringLiteral("internal"),
                                                     QStringLiteral("Injected failure."));
        send(error, error.body, error.body.size());
        break;
    }
    case FaultPlan::Kind::CutBody:
        m_keepAlive = false;
        send(response, response.body.left(response.body.size() / 2), response.body.size());
        m_state = State::Closing;
        closeGracefully();
        return;
    case FaultPlan::Kind::MalformedJson: {
        const QByteArray broken = response.body.left(response.body.size() / 2) + "\",}{]";
        send(response, broken, broken.size());
        break;
    }
    case FaultPlan::Kind::Drop:
        m_socket->abort();
        finish();
        return;
    case FaultPlan::Kind::Delay:
        QTimer::singleShot(fault.delayMs, this, [this, response] { respond(response); });
        return;
    }
    afterResponse();
}

void HttpConnection::afterResponse()
{
    if (!m_keepAlive) {
        closeGracefully();
        return;
    }
    m_state = State::Head;
    m_waiting = true;
    m_request = {};
    m_handedOut.invalidate();
    arm(m_policy.idleTimeoutMs);
    // A pipelined request may be waiting already; read it from the event
    // loop, not from inside this answer (no recursion however many wait).
    QMetaObject::invokeMethod(this, &HttpConnection::process, Qt::QueuedConnection);
}

void HttpConnection::fail(int status, const QString &code, const QString &message)
{
    m_keepAlive = false;
    m_state = State::Busy;
    // Open311 clients read the specification's error list, in the format
    // of the URL; everyone else the API's error object.
    const QString &path = m_request.head.path;
    const ApiResponse error =
        path.startsWith(QLatin1String("/open311/"))
            ? open311Error(status, message,
                           path.endsWith(QLatin1String(".xml")) ? Open311Format::Xml
                                                                : Open311Format::Json)
            : ApiResponse::error(status, code, message);
    send(error, error.body, error.body.size());
    closeGracefully();
}

void HttpConnection::closeGracefully()
{
    m_state = State::Closing;
    m_buffer.clear();
    arm(LingerMs);
    if (m_socket->bytesToWrite() == 0)
        shutWriting();
}

// The answer is out: the sending side is shut (the client reads an end),
// and the connection closes when the client closes or the linger ends.
void HttpConnection::shutWriting()
{
    if (m_shut)
        return;
    m_shut = true;
#ifdef Q_OS_UNIX
    if (!qobject_cast<QSslSocket *>(m_socket)) {
        ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
        m_socket->read(MaxDrainBytes);
        return;
    }
#endif
    m_socket->disconnectFromHost();
}

void HttpConnection::onWritten()
{
    if (m_finished)
        return;
    if (m_state == State::Closing) {
        if (m_socket->bytesToWrite() == 0)
            shutWriting();
        return;
    }
    if (m_state == State::Head && m_waiting) {
        arm(m_policy.idleTimeoutMs); // the client reads: not stalled
        if (m_socket->bytesToWrite() <= m_policy.maxOutputBytes)
            process();
    }
}

void HttpConnection::onTimeout()
{
    if (m_state == State::Head && !m_waiting) {
        fail(408, QStringLiteral("timeout"),
             QStringLiteral("The request's headers did not arrive within %1 s.")
                 .arg(double(m_policy.headerTimeoutMs) / 1000.0));
    } else if (m_state == State::Body) {
        fail(408, QStringLiteral("timeout"),
             QStringLiteral("The request's body did not arrive within %1 s.")
                 .arg(double(m_policy.bodyTimeoutMs) / 1000.0));
    } else if (m_state != State::Busy) {
        // Idle, a reader that stopped reading, or the linger after the end.
        m_socket->abort();
        finish();
    }
}

void HttpConnection::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    Q_EMIT finished(this);
}

} // namespace rd::server
