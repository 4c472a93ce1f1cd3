// The HTTP front against hostile and careless clients (issue 19): limits
// answered at once without reading what is too large, timeouts, connection
// caps, pipelining that cannot make the server buffer, a log no request can
// forge, strict routes and JSON, and the headers every answer carries. The
// real server on loopback, raw sockets where a normal client would not do it.

#include "RawHttp.h"
#include "TestServer.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>
#include <vector>

using rd::test::RawHttp;
using rd::test::RawResponse;
using rd::test::TestServer;

namespace {

QByteArray get(const QByteArray &target, const QByteArray &token = {}, const QByteArray &extra = {})
{
    QByteArray r = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!token.isEmpty())
        r += "Authorization: Bearer " + token + "\r\n";
    return r + extra + "\r\n";
}

QStringList seconds(const char *option, const char *value)
{
    return {QString::fromLatin1(option), QString::fromLatin1(value)};
}

} // namespace

class TestServerLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Malformed or unsupported requests: a clear status, then the
    // connection closes (what follows cannot be framed).
    void badRequests_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("garbage") << QByteArray("hello\r\n\r\n") << 400 << "bad_request";
        QTest::newRow("asterisk form")
            << QByteArray("OPTIONS * HTTP/1.1\r\n\r\n") << 400 << "bad_request";
        QTest::newRow("http/2.0") << QByteArray("GET / HTTP/2.0\r\n\r\n") << 505
                                  << "http_version_not_supported";
        QTest::newRow("space before colon")
            << QByteArray("GET / HTTP/1.1\r\nHost : x\r\n\r\n") << 400 << "bad_request";
        QTest::newRow("folded header")
            << QByteArray("GET / HTTP/1.1\r\nX-A: 1\r\n  2\r\n\r\n") << 400 << "bad_request";
        QTest::newRow("bare CR") << QByteArray("GET / HTTP/1.1\r\nX-A: 1\r2\r\n\r\n") << 400
                                 << "bad_request";
        QTest::newRow("bad content-length")
            << QByteArray("POST /api/v1/session HTTP/1.1\r\nContent-Length: 1e3\r\n\r\n") << 400
            << "bad_request";
        QTest::newRow("two content-lengths")
            << QByteArray("POST /api/v1/session HTTP/1.1\r\nContent-Length: 2\r\n"
                          "Content-Length: 3\r\n\r\n")
            << 400 << "bad_request";
        QTest::newRow("chunked") << QByteArray(
                                        "POST /api/v1/session HTTP/1.1\r\n"
                                        "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n")
                                 << 411 << "length_required";
        QTest::newRow("gzip coding")
            << QByteArray("POST /api/v1/session HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n") << 501
            << "not_implemented";
        QTest::newRow("length and chunked")
            << QByteArray("POST /api/v1/session HTTP/1.1\r\nContent-Length: 3\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n")
            << 400 << "bad_request";
        QTest::newRow("expect other")
            << QByteArray("GET / HTTP/1.1\r\nExpect: magic\r\n\r\n") << 417 << "expectation_failed";
        QTest::newRow("bad percent")
            << QByteArray("GET /api/v1/%zz HTTP/1.1\r\n\r\n") << 400 << "bad_request";
    }
    void badRequests()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        QFETCH(QString, code);
        RawHttp client(m_server->port());
        client.send(request);
        const auto r = client.read();
        QVERIFY(r);
        QCOMPARE(r->status, status);
        QCOMPARE(r->errorCode(), code);
        QCOMPARE(r->header("Connection"), QByteArray("close"));
        QVERIFY(client.waitClosed(3000));
    }

    // 431 and 414 as soon as the limit passes, without waiting for the end
    // of the line or the head; the server does not grow with what is sent.
    void oversizedHeadAnsweredAtOnce()
    {
        const double before = rd::test::residentMiB(m_server->pid());
        {
            RawHttp client(m_server->port());
            client.send("GET /api/v1/session HTTP/1.1\r\nX-Filler: " + QByteArray(40 << 10, 'a'));
            const auto r = client.read(3000);
            QVERIFY(r);
            QCOMPARE(r->status, 431);
            QVERIFY(client.waitClosed(4000));
        }
        {
            RawHttp client(m_server->port());
            client.send("GET /api/v1/" + QByteArray(16 << 10, 'a'));
            const auto r = client.read(3000);
            QVERIFY(r);
            QCOMPARE(r->status, 414);
            QVERIFY(client.waitClosed(4000));
        }
        {
            // Many headers, each small.
            RawHttp client(m_server->port());
            QByteArray head = "GET /api/v1/session HTTP/1.1\r\n";
            for (int i = 0; i < 150; ++i)
                head += "X-" + QByteArray::number(i) + ": 1\r\n";
            client.send(head + "\r\n");
            const auto r = client.read(3000);
            QVERIFY(r);
            QCOMPARE(r->status, 431);
        }
        {
            // 64 MiB of header pushed as fast as the server takes it: it
            // answers after 32 KiB and drops the rest.
            RawHttp client(m_server->port());
            client.send("GET / HTTP/1.1\r\nX-Filler: ");
            const QByteArray chunk(1 << 20, 'b');
            for (int i = 0; i < 64 && client.isOpen(); ++i) {
                client.socket().write(chunk);
                client.socket().waitForBytesWritten(2000);
            }
            const auto r = client.read(3000);
            QVERIFY(r);
            QCOMPARE(r->status, 431);
        }
        const double after = rd::test::residentMiB(m_server->pid());
        QVERIFY2(after - before < 16,
                 qPrintable(QStringLiteral("%1 → %2 MiB").arg(before).arg(after)));
    }

    // Content-Length over the limit: 413 before a byte of the body is read
    // (anonymous: a small limit; signed in: per route).
    void oversizedBodyAnsweredAtOnce()
    {
        const double before = rd::test::residentMiB(m_server->pid());
        RawHttp client(m_server->port());
        client.send("POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    "Content-Length: 536870912\r\n\r\n");
        auto r = client.read(3000);
        QVERIFY(r);
        QCOMPARE(r->status, 413);
        QVERIFY(r->body.contains("65536"));
        QVERIFY(client.waitClosed(4000));
        // Pushing the body anyway: dropped, never kept.
        RawHttp pusher(m_server->port());
        pusher.send("POST /api/v1/session HTTP/1.1\r\nContent-Length: 268435456\r\n\r\n");
        const QByteArray chunk(1 << 20, '{');
        for (int i = 0; i < 64 && pusher.isOpen(); ++i) {
            pusher.socket().write(chunk);
            pusher.socket().waitForBytesWritten(2000);
        }
        QVERIFY(rd::test::residentMiB(m_server->pid()) - before < 16);

        // Signed in: an action may have 1 MiB, a photo 5 MiB.
        const QByteArray token = m_server->signIn(QStringLiteral("clerk"));
        RawHttp signedIn(m_server->port());
        signedIn.send("POST /api/v1/complaints/1/actions HTTP/1.1\r\nAuthorization: Bearer " +
                      token + "\r\nContent-Length: 2000000\r\n\r\n");
        r = signedIn.read(3000);
        QVERIFY(r);
        QCOMPARE(r->status, 413);
        RawHttp photo(m_server->port());
        photo.send("POST /api/v1/complaints/1/photos HTTP/1.1\r\nAuthorization: Bearer " + token +
                   "\r\nContent-Type: image/png\r\nExpect: 100-continue\r\n"
                   "Content-Length: 2000000\r\n\r\n");
        r = photo.read(3000);
        QVERIFY(r);
        QCOMPARE(r->status, 100); // within the photo limit: go on
    }

    // A client that sends its headers a byte at a time is cut off at the
    // header timeout (408), however steadily it trickles.
    void slowHeadersClosed()
    {
        TestServer server(50, seconds("--header-timeout", "1"));
        QVERIFY(server.isRunning());
        RawHttp client(server.port());
        QElapsedTimer timer;
        timer.start();
        const QByteArray request = get("/open311/v2/services.json") + QByteArray(4000, ' ');
        qsizetype sent = 0;
        while (client.isOpen() && timer.elapsed() < 5000 && sent < request.size()) {
            client.send(request.mid(sent++, 1));
            QTest::qWait(50);
        }
        QVERIFY2(timer.elapsed() < 2500, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(client.unread().contains("408") || client.read(1000)->status == 408);
    }

    // A slow body is cut off at the body timeout.
    void slowBodyClosed()
    {
        TestServer server(50, seconds("--body-timeout", "0.5"));
        QVERIFY(server.isRunning());
        RawHttp client(server.port());
        client.send("POST /api/v1/session HTTP/1.1\r\nContent-Length: 100\r\n\r\n{\"lo");
        QElapsedTimer timer;
        timer.start();
        const auto r = client.read(3000);
        QVERIFY(r);
        QCOMPARE(r->status, 408);
        QVERIFY(timer.elapsed() < 2000);
    }

    // A kept-alive connection with nothing to do closes after the idle
    // timeout; a connection that never sends anything after the header timeout.
    void idleConnectionsClosed()
    {
        TestServer server(50, seconds("--idle-timeout", "0.5") + seconds("--header-timeout", "1"));
        QVERIFY(server.isRunning());
        RawHttp idle(server.port());
        idle.send(get("/open311/v2/services.json"));
        const auto r = idle.read();
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(idle.waitClosed(3000));
        QVERIFY(timer.elapsed() >= 400);
        RawHttp silent(server.port());
        QVERIFY(silent.isOpen());
        QVERIFY(silent.waitClosed(3000));
        QVERIFY(silent.unread().isEmpty()); // no request, no answer
        // Many silent ones opened at once close spread over the last
        // quarter of the header timeout, not in one instant.
        std::vector<std::unique_ptr<RawHttp>> flood;
        for (int i = 0; i < 20; ++i)
            flood.push_back(std::make_unique<RawHttp>(server.port()));
        timer.restart();
        QList<qint64> closedAt(20, -1);
        while (timer.elapsed() < 3000 && closedAt.contains(-1)) {
            QTest::qWait(5);
            for (int i = 0; i < 20; ++i) {
                if (closedAt[i] < 0 && !flood[size_t(i)]->isOpen())
                    closedAt[i] = timer.elapsed();
            }
        }
        QVERIFY(!closedAt.contains(-1));
        const auto [first, last] = std::minmax_element(closedAt.begin(), closedAt.end());
        QVERIFY2(*first >= 700 && *last <= 1500 && *last - *first >= 60,
                 qPrintable(QStringLiteral("closed from %1 to %2 ms").arg(*first).arg(*last)));
    }

    // Connections over the cap per address, or in all, are closed at once;
    // the ones held are still served, and a freed place can be taken.
    void connectionCaps()
    {
        TestServer server(50, {QStringLiteral("--max-connections-per-address"), QStringLiteral("3"),
                               QStringLiteral("--max-connections"), QStringLiteral("5")});
        QVERIFY(server.isRunning());
        std::vector<std::unique_ptr<RawHttp>> held;
        const auto open = [&](const char *from) {
            held.push_back(
                std::make_unique<RawHttp>(server.port(), QHostAddress(QLatin1String(from))));
            RawHttp &c = *held.back();
            c.send(get("/open311/v2/services.json"));
            const auto r = c.read(3000);
            return r && r->status == 200;
        };
        QVERIFY(open("127.0.0.1"));
        QVERIFY(open("127.0.0.1"));
        QVERIFY(open("127.0.0.1"));
        QVERIFY(!open("127.0.0.1")); // a fourth from one address
        QVERIFY(held.back()->waitClosed(1000));
        QVERIFY(open("127.0.0.2"));
        QVERIFY(open("127.0.0.2"));
        QVERIFY(!open("127.0.0.3")); // a sixth in all
        held.erase(held.begin());    // one of 127.0.0.1's closes: its place is free again
        QVERIFY(QTest::qWaitFor([&] { return open("127.0.0.1"); }, 5000));
    }

    // Pipelined requests are answered in order, one at a time: while the
    // client does not read, the server keeps about one answer for it.
    void pipelinedRequestsBounded()
    {
        const QByteArray token = m_server->signIn(QStringLiteral("chief"));
        const double before = rd::test::residentMiB(m_server->pid());
        RawHttp client(m_server->port());
        client.socket().setReadBufferSize(64 * 1024); // do not read ahead
        constexpr int Requests = 200;
        QByteArray pipeline;
        for (int i = 0; i < Requests; ++i)
            pipeline += get("/api/v1/changes?limit=600&n=" + QByteArray::number(i), token);
        client.send(pipeline);
        QTest::qWait(1500);
        const double held = rd::test::residentMiB(m_server->pid());
        QVERIFY2(held - before < 30,
                 qPrintable(QStringLiteral("%1 → %2 MiB").arg(before).arg(held)));
        client.socket().setReadBufferSize(0);
        for (int i = 0; i < Requests; ++i) {
            const auto r = client.read(10000);
            QVERIFY2(r, qPrintable(QString::number(i)));
            QCOMPARE(r->status, 200);
            QVERIFY(r->body.size() > 100'000);
        }
    }

    // HEAD: the GET's headers and no body; HTTP/1.0 closes unless asked.
    void headAndVersions()
    {
        RawHttp client(m_server->port());
        client.send("HEAD /open311/v2/services.json HTTP/1.1\r\nHost: x\r\n\r\n" +
                    get("/open311/v2/services.json"));
        const auto head = client.read(3000, true);
        QVERIFY(head);
        QCOMPARE(head->status, 200);
        QVERIFY(head->body.isEmpty());
        const auto full = client.read(3000);
        QVERIFY(full);
        QCOMPARE(full->header("Content-Length").toLongLong(), full->body.size());
        QCOMPARE(head->header("Content-Length"), full->header("Content-Length"));
        // The absolute form (as through a proxy) names the same resource.
        client.send(get("http://127.0.0.1/open311/v2/services.json"));
        QCOMPARE(client.read(3000)->body, full->body);
        RawHttp old(m_server->port());
        old.send("GET /open311/v2/services.json HTTP/1.0\r\n\r\n");
        QCOMPARE(old.read(3000)->status, 200);
        QVERIFY(old.waitClosed(3000));
    }

    // The log writes the path as sent: a %0A stays "%0A" on one line.
    void logLinesCannotBeForged()
    {
        TestServer server(50, {}, true);
        QVERIFY(server.isRunning());
        RawHttp client(server.port());
        client.send(get("/api/v1/session%0Aregiondesk.server.requests:%20POST%20/forged%20200"));
        const auto r = client.read();
        QVERIFY(r);
        QCOMPARE(r->status, 404);
        QVERIFY(QTest::qWaitFor([&] { return server.log().contains("%0A"); }, 3000));
        for (const QByteArray &line : server.log().split('\n'))
            QVERIFY2(!line.startsWith("regiondesk.server.requests: POST /forged"),
                     line.constData());
    }

    // A route with a trailing newline (or any control character) is no route.
    void trailingNewlineIsNoRoute()
    {
        const QByteArray token = m_server->signIn(QStringLiteral("chief"));
        RawHttp client(m_server->port());
        client.send(get("/api/v1/complaints/1", token));
        QCOMPARE(client.read()->status, 200);
        client.send(get("/api/v1/complaints/1%0A", token));
        QCOMPARE(client.read()->status, 404);
        client.send(get("/api/v1/complaints/1/history%0A", token));
        QCOMPARE(client.read()->status, 404);
        client.send(get("/api/v1/session%0A", token));
        QCOMPARE(client.read()->status, 404);
    }

    // A JSON body that repeats a key is refused (the last would win).
    void duplicateJsonKeys()
    {
        rd::test::HttpResult r =
            m_server->request("POST", QStringLiteral("/api/v1/session"),
                              R"({"login":"clerk","password":"wrong","password":"demo"})");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("bad_json"));
        QVERIFY(r.json()
                    .value(QStringLiteral("error"))
                    .toObject()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("password")));
        // Escaped the same: still the same key; nested objects have their own.
        r = m_server->request("POST", QStringLiteral("/api/v1/session"),
                              R"({"login":"clerk","p\u0061ssword":"x","password":"demo"})");
        QCOMPARE(r.status, 400);
        const QByteArray token = m_server->signIn(QStringLiteral("clerk"));
        r = m_server->request(
            "POST", QStringLiteral("/api/v1/complaints/1/actions"),
            R"({"action":"note","text":"a","action":"publish","base_version":1})",
            {{"Authorization", "Bearer " + token}, {"Idempotency-Key", "dup-keys-0001"}});
        QCOMPARE(r.status, 400);
        r = m_server->request("POST", QStringLiteral("/api/v1/session"),
                              R"({"login":"clerk","password":"demo","x":[{"a":1},{"a":2}]})");
        QCOMPARE(r.status, 422); // no repeat: the unknown field is the fault
    }

    // Every answer: nosniff; no-store unless the endpoint set its own caching.
    void securityHeaders()
    {
        const QByteArray token = m_server->signIn(QStringLiteral("clerk"));
        for (const QString &path :
             {QStringLiteral("/api/v1/session"), QStringLiteral("/api/v1/changes?limit=5"),
              QStringLiteral("/api/v1/complaints/999999"), QStringLiteral("/nothing")}) {
            const rd::test::HttpResult r = m_server->get(path, token);
            QCOMPARE(r.header("X-Content-Type-Options"), QByteArray("nosniff"));
            QCOMPARE(r.header("Cache-Control"), QByteArray("no-store"));
        }
        const rd::test::HttpResult signIn = m_server->request(
            "POST", QStringLiteral("/api/v1/session"), R"({"login":"clerk","password":"demo"})");
        QCOMPARE(signIn.header("Cache-Control"), QByteArray("no-store"));
        const rd::test::HttpResult catalogue =
            m_server->get(QStringLiteral("/api/v1/catalogue"), token);
        QCOMPARE(catalogue.header("Cache-Control"), QByteArray("private, no-cache"));
        QCOMPARE(catalogue.header("X-Content-Type-Options"), QByteArray("nosniff"));
    }

    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(600);
        QVERIFY(m_server->isRunning());
    }

private:
    std::unique_ptr<TestServer> m_server;
};

QTEST_GUILESS_MAIN(TestServerLimits)
#include "tst_serverlimits.moc"
