#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QTcpSocket>
#include <QTest>

#include <optional>

#ifdef Q_OS_WIN
#ifndef NOMINMAX
#define NOMINMAX
#endif
// Lean: no rpcndr.h, which defines `small` (a name the tests use).
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#include <windows.h>

#include <psapi.h> // after windows.h, which it needs (a block of its own for clang-format)
#endif

namespace rd::test {

struct RawResponse
{
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    // The API error's code ({"error": {"code": …}}), empty if none.
    QString errorCode() const
    {
        return QJsonDocument::fromJson(body)
            .object()
            .value(QStringLiteral("error"))
            .toObject()
            .value(QStringLiteral("code"))
            .toString();
    }
};

// A client speaking HTTP/1.1 over a bare socket, for what QNetworkAccessManager
// will not do: slow or endless headers, pipelining, a given source address
// (any 127.x.y.z on loopback), holding connections.
class RawHttp
{
public:
    explicit RawHttp(quint16 port, const QHostAddress &from = {})
    {
        if (!from.isNull())
            m_socket.bind(from);
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        m_socket.waitForConnected(5000);
    }
    QTcpSocket &socket() { return m_socket; }
    bool isOpen() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }
    // One response, or none if the connection closed or ms passed first.
    std::optional<RawResponse> read(int ms = 10000, bool head = false)
    {
        QElapsedTimer timer;
        timer.start();
        for (;;) {
            m_buffer += m_socket.readAll();
            if (auto response = take(head))
                return response;
            if (timer.elapsed() > ms || (m_socket.state() != QAbstractSocket::ConnectedState &&
                                         m_socket.bytesAvailable() == 0))
                return std::nullopt;
            m_socket.waitForReadyRead(50);
        }
    }
    // True if the server closed the connection within ms.
    bool waitClosed(int ms)
    {
        return QTest::qWaitFor(
            [&] {
                m_buffer += m_socket.readAll();
                return m_socket.state() == QAbstractSocket::UnconnectedState;
            },
            ms);
    }
    QByteArray unread() const { return m_buffer; }

private:
    std::optional<RawResponse> take(bool head)
    {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return std::nullopt;
        RawResponse r;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        r.status = lines.value(0).split(' ').value(1).toInt();
        qint64 length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            r.headers.append({lines[i].left(colon).trimmed(), lines[i].mid(colon + 1).trimmed()});
            if (r.headers.last().first.compare("content-length", Qt::CaseInsensitive) == 0)
                length = r.headers.last().second.toLongLong();
        }
        if (head || r.status == 100 || r.status == 204 || r.status == 304)
            length = 0;
        if (m_buffer.size() < end + 4 + length)
            return std::nullopt;
        r.body = m_buffer.mid(end + 4, length);
        m_buffer.remove(0, end + 4 + length);
        return r;
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
};

// The resident memory of a process, in MiB (Linux: VmRSS in /proc/PID/status;
// Windows: the working set, GetProcessMemoryInfo); -1 if it cannot be read.
inline double residentMiB(qint64 pid)
{
#ifdef Q_OS_WIN
    HANDLE process = ::OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, DWORD(pid));
    if (!process)
        return -1;
    PROCESS_MEMORY_COUNTERS counters{};
    const bool read = ::GetProcessMemoryInfo(process, &counters, DWORD(sizeof counters)) != FALSE;
    ::CloseHandle(process);
    return read ? double(counters.WorkingSetSize) / (1024.0 * 1024.0) : -1;
#else
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
#endif
}

} // namespace rd::test
