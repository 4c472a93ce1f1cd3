#pragma once

// The load run's HTTP client parts (ServerLoad.h): requests written by
// hand, and a kept-alive connection from an address of its own.

#include "BenchReport.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

#include <functional>

namespace rd::bench::load {

inline QHostAddress loopback(int net, int host)
{
    return QHostAddress(QStringLiteral("127.0.%1.%2").arg(net).arg(host % 250 + 1));
}

inline QByteArray request(const QByteArray &method, const QByteArray &target,
                          const QByteArray &token, const QByteArray &body = {},
                          const QByteArray &key = {})
{
    QByteArray r = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!token.isEmpty())
        r += "Authorization: Bearer " + token + "\r\n";
    if (!key.isEmpty())
        r += "Idempotency-Key: " + key + "\r\n";
    if (!body.isEmpty())
        r +=
            "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
            "\r\n";
    return r + "\r\n" + body;
}

// A kept-alive connection from one address, one request at a time;
// reconnects when the server closed it.
class Connection final
{
public:
    using Done = std::function<void(int status, const QByteArray &body, double ms)>;
    Connection(quint16 port, QHostAddress from)
        : m_port(port)
        , m_from(std::move(from))
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, [this] { onRead(); });
        QObject::connect(&m_socket, &QTcpSocket::disconnected, [this] { fail(); });
        QObject::connect(&m_socket, &QTcpSocket::errorOccurred, [this] {
            if (m_socket.state() != QAbstractSocket::ConnectedState)
                fail();
        });
    }
    bool busy() const { return bool(m_done); }
    // Whether the last request had to open the connection first.
    bool lastOpened() const { return m_opened; }
    void send(const QByteArray &bytes, Done done)
    {
        m_done = std::move(done);
        m_buffer.clear();
        m_timer.start();
        m_opened = m_socket.state() != QAbstractSocket::ConnectedState;
        if (m_opened) {
            m_socket.abort();
            m_socket.bind(m_from);
            m_socket.connectToHost(QHostAddress::LocalHost, m_port);
        }
        m_socket.write(bytes);
    }

private:
    void onRead()
    {
        m_buffer += m_socket.readAll();
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0 || !m_done)
            return;
        const qsizetype at = m_buffer.toLower().indexOf("content-length:");
        const qint64 length =
            at < 0 ? 0 : m_buffer.mid(at + 15, 20).split('\r').value(0).trimmed().toLongLong();
        if (m_buffer.size() < end + 4 + length)
            return;
        const int status = m_buffer.mid(9, 3).toInt();
        finishWith(status, m_buffer.mid(end + 4, length));
    }
    void fail()
    {
        if (m_done)
            finishWith(0, {});
    }
    void finishWith(int status, const QByteArray &body)
    {
        Done done = std::move(m_done);
        m_done = nullptr;
        const double ms = elapsedMs(m_timer);
        // Called back once the socket has finished emitting (readyRead,
        // disconnected, errorOccurred): the callback sends again, and a send
        // on a closed connection aborts the socket, which deletes its engine
        // while the socket may still be using it. Done inside the signal,
        // that corrupted the heap now and then under the hostile clients'
        // load ("malloc_consolidate(): unaligned fastbin chunk").
        QMetaObject::invokeMethod(
            &m_socket, [done = std::move(done), status, body, ms] { done(status, body, ms); },
            Qt::QueuedConnection);
    }

    quint16 m_port;
    QHostAddress m_from;
    QTcpSocket m_socket;
    QByteArray m_buffer;
    QElapsedTimer m_timer;
    Done m_done;
    bool m_opened = false;
};

inline QByteArray signInBody(const QString &login, const QString &password)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("login"), login},
                                     {QStringLiteral("password"), password}})
        .toJson(QJsonDocument::Compact);
}

} // namespace rd::bench::load
