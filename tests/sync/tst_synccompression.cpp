// The desk's sync over the gzip content coding (docs/api.md, "Compression"):
// a first sync through the real server travels gzip-compressed (the
// server's byte counters say so) and lands the same cache as a server that
// never compresses; a server on this machine is asked for plain answers; a
// page whose gzip is damaged on the way fails the run with a clear message
// and applies nothing of it.

#include "RawHttp.h"
#include "SyncHarness.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace rd;
using rd::test::RawHttp;
using rd::test::SyncClient;
using rd::test::TestServer;

namespace {

// The server's gzip byte counters (GET /metrics): as sent, and before.
struct GzipBytes
{
    double sent = -1;
    double plain = -1;
};
GzipBytes gzipBytes(TestServer &server)
{
    const QByteArray text = server.request("GET", QStringLiteral("/metrics")).body;
    const auto value = [&text](const QByteArray &series) {
        for (const QByteArray &line : text.split('\n'))
            if (line.startsWith(series + ' '))
                return line.mid(series.size() + 1).toDouble();
        return -1.0;
    };
    return {value(R"(regiondesk_http_response_bytes_total{coding="gzip"})"),
            value(R"(regiondesk_http_response_plain_bytes_total{coding="gzip"})")};
}

// A gateway on loopback in front of the real server that damages the body
// of every gzip-coded changes page (a byte in its middle flipped), as a
// broken proxy or a bad link would, and passes everything else on.
class DamagingGateway : public QTcpServer
{
public:
    explicit DamagingGateway(quint16 upstream)
        : m_upstream(upstream)
    {
        listen(QHostAddress::LocalHost);
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = nextPendingConnection()) {
                connect(client, &QTcpSocket::readyRead, client, [this, client] { relay(client); });
                connect(client, &QTcpSocket::disconnected, this, [this, client] {
                    m_buffers.remove(client);
                    client->deleteLater();
                });
            }
        });
    }
    int damaged = 0;

private:
    void relay(QTcpSocket *client)
    {
        m_buffers[client] += client->readAll();
        while (relayOne(client)) {
        }
    }
    // One whole request waiting from client relayed; false if none waits.
    bool relayOne(QTcpSocket *client)
    {
        QByteArray &buffer = m_buffers[client];
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        static const QRegularExpression length(QStringLiteral("(?i)content-length: *(\\d+)"));
        const QRegularExpressionMatch m = length.match(QString::fromLatin1(buffer.left(end)));
        const qsizetype total = end + 4 + (m.hasMatch() ? m.captured(1).toLongLong() : 0);
        if (buffer.size() < total)
            return false;
        const QByteArray request = buffer.left(total);
        buffer.remove(0, total);
        RawHttp upstream(m_upstream);
        upstream.send(request);
        std::optional<rd::test::RawResponse> response = upstream.read(60000);
        if (!response) {
            client->abort();
            return false;
        }
        if (request.startsWith("GET /api/v1/changes") &&
            response->header("Content-Encoding") == "gzip" && response->body.size() > 100) {
            response->body[response->body.size() / 2] =
                char(response->body[response->body.size() / 2] ^ 0x5a);
            ++damaged;
        }
        QByteArray out = "HTTP/1.1 " + QByteArray::number(response->status) + " X\r\n";
        for (const auto &[name, value] : response->headers)
            out += name + ": " + value + "\r\n";
        client->write(out + "\r\n" + response->body);
        return true;
    }

    quint16 m_upstream;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace

class TestSyncCompression : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(2000);
        QVERIFY(m_server->isRunning());
    }

    void aFirstSyncTravelsGzipAndLandsTheSameCache()
    {
        SyncEngine::Options always;
        always.compression = ApiClient::Compression::Always; // the server is on loopback
        SyncClient moderator(*m_server, QStringLiteral("moderator"), always);
        const GzipBytes before = gzipBytes(*m_server);
        QVERIFY(before.sent >= 0 && before.plain >= 0);
        const SyncResult result = moderator.syncOnce();
        const GzipBytes after = gzipBytes(*m_server);
        QVERIFY2(result.succeeded(), qPrintable(result.message));
        // (The first scrape's own answer counts in the second: a few KiB.)
        const double sent = after.sent - before.sent;
        const double plain = after.plain - before.plain;
        QVERIFY(!moderator.localVersions().isEmpty());
        QCOMPARE(moderator.localVersions(), moderator.serverVersions());
        qInfo("the sync's coded answers: %.0f bytes for %.0f plain (%.1f×); the desk read %lld",
              sent, plain, plain / std::max(sent, 1.0), result.progress.bytes);
        QVERIFY2(sent > 0 && plain > 4 * sent,
                 qPrintable(QStringLiteral("%1 %2").arg(sent).arg(plain)));
        // What the desk read is the plain pages.
        QVERIFY(result.progress.bytes * 1.2 > plain);

        // The same data from a server that never compresses: the same cache.
        TestServer plainServer(TestServer::SharedWith{*m_server},
                               {QStringLiteral("--gzip-level"), QStringLiteral("0")});
        QVERIFY(plainServer.isRunning());
        SyncClient again(plainServer, QStringLiteral("moderator"));
        QVERIFY2(again.syncOnce().succeeded(), "plain sync");
        QCOMPARE(again.localVersions(), moderator.localVersions());
        QCOMPARE(gzipBytes(plainServer).sent, 0.0);
    }

    void aServerOnThisMachineIsAskedForPlainAnswers()
    {
        QVERIFY(!ApiClient::asksForCompression(QUrl(m_server->baseUrl()),
                                               ApiClient::Compression::Auto));
        QVERIFY(!ApiClient::asksForCompression(QUrl(QStringLiteral("https://LocalHost:8443")),
                                               ApiClient::Compression::Auto));
        QVERIFY(!ApiClient::asksForCompression(QUrl(QStringLiteral("http://[::1]:8080")),
                                               ApiClient::Compression::Auto));
        QVERIFY(ApiClient::asksForCompression(QUrl(QStringLiteral("https://desk.omsk.example")),
                                              ApiClient::Compression::Auto));
        QVERIFY(ApiClient::asksForCompression(QUrl(QStringLiteral("http://10.0.0.5:8080")),
                                              ApiClient::Compression::Auto));
        QVERIFY(ApiClient::asksForCompression(QUrl(m_server->baseUrl()),
                                              ApiClient::Compression::Always));
        SyncClient clerk(*m_server, QStringLiteral("clerk"));
        const GzipBytes before = gzipBytes(*m_server);
        const SyncResult result = clerk.syncOnce();
        const GzipBytes after = gzipBytes(*m_server);
        QVERIFY2(result.succeeded(), qPrintable(result.message));
        QVERIFY(result.progress.records > 0);
        // Only the first scrape's own answer went coded in between.
        QVERIFY2(after.plain - before.plain < 64 * 1024,
                 qPrintable(QString::number(after.plain - before.plain)));
    }

    void aDamagedPageFailsTheRunAndAppliesNothing()
    {
        DamagingGateway gateway(m_server->port());
        QVERIFY(gateway.isListening());
        SyncEngine::Options always;
        always.compression = ApiClient::Compression::Always;
        SyncClient clerk(*m_server, QStringLiteral("clerk"), always);
        const QString via = QStringLiteral("http://127.0.0.1:%1").arg(gateway.serverPort());
        clerk.engine().setSession(QUrl(via), clerk.token(),
                                  m_server->baseUrl() + QStringLiteral("|clerk"));
        const SyncResult broken = clerk.syncOnce();
        QVERIFY(gateway.damaged > 0);
        // Not "cannot be reached": the server answered, the answer is bad.
        QCOMPARE(broken.outcome, SyncResult::Outcome::BadResponse);
        QVERIFY2(broken.message.contains(QStringLiteral("damaged")), qPrintable(broken.message));
        qInfo("a damaged page: %s", qPrintable(broken.message));
        QVERIFY(clerk.localVersions().isEmpty());
        // Straight to the server, the same cache syncs whole.
        clerk.setToken(clerk.token());
        const SyncResult result = clerk.syncOnce();
        QVERIFY2(result.succeeded(), qPrintable(result.message));
        QCOMPARE(clerk.localVersions(), clerk.serverVersions());
    }
};

QTEST_GUILESS_MAIN(TestSyncCompression)
#include "tst_synccompression.moc"
