// The gzip content coding of the server's answers (docs/api.md,
// "Compression"): text answers a client accepts gzip for go compressed and
// decompress to exactly the plain answer; small, binary and refused ones go
// as they are; ETags stay valid across codings; a coded request body is
// refused; the bytes saved are counted. Bytes on a bare socket (RawHttp),
// so nothing decodes or adds headers behind the test's back.

#include "ContentCoding.h"
#include "PromText.h"
#include "RawHttp.h"
#include "TestServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using rd::server::acceptsGzip;
using rd::server::etagMatches;
using rd::server::gzipCompress;
using rd::server::gzipDecompress;
using rd::test::RawHttp;
using rd::test::RawResponse;
using rd::test::TestServer;

class TestServerCompression : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    QByteArray m_token;

    // One GET (or HEAD) on a fresh connection, with these extra header lines.
    RawResponse fetch(const QByteArray &target, const QByteArray &extra,
                      const QByteArray &method = "GET", TestServer *server = nullptr)
    {
        TestServer &s = server ? *server : *m_server;
        RawHttp http(s.port());
        http.send(method + ' ' + target + " HTTP/1.1\r\nHost: test\r\n" +
                  (m_token.isEmpty() ? QByteArray() : "Authorization: Bearer " + m_token + "\r\n") +
                  extra + "\r\n");
        const std::optional<RawResponse> r = http.read(30000, method == "HEAD");
        return r.value_or(RawResponse{});
    }
    QByteArray plainBody(const QByteArray &target)
    {
        const RawResponse r = fetch(target, "Accept-Encoding: identity\r\n");
        return r.status == 200 && r.header("Content-Encoding").isEmpty() ? r.body : QByteArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(1500);
        QVERIFY(m_server->isRunning());
        m_token = m_server->signIn(QStringLiteral("moderator"));
        QVERIFY(!m_token.isEmpty());
    }

    // --- the pieces ------------------------------------------------------

    void acceptEncodingIsReadAsRfc9110Says_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<bool>("gzip");
        QTest::newRow("absent") << QByteArray() << false;
        QTest::newRow("gzip") << QByteArray("gzip") << true;
        QTest::newRow("Qt's") << QByteArray("gzip, deflate") << true;
        QTest::newRow("browsers'") << QByteArray("gzip, deflate, br, zstd") << true;
        QTest::newRow("upper case") << QByteArray("GZIP") << true;
        QTest::newRow("x-gzip") << QByteArray("x-gzip") << true;
        QTest::newRow("q-value") << QByteArray("deflate, gzip;q=0.5") << true;
        QTest::newRow("spaces") << QByteArray(" br ;q=1 , gzip ; q=0.2 ") << true;
        QTest::newRow("any") << QByteArray("*") << true;
        QTest::newRow("any, low") << QByteArray("br;q=1, *;q=0.1") << true;
        QTest::newRow("gzip refused") << QByteArray("gzip;q=0") << false;
        QTest::newRow("gzip refused, any taken") << QByteArray("*, gzip;q=0") << false;
        QTest::newRow("any refused") << QByteArray("*;q=0") << false;
        QTest::newRow("identity") << QByteArray("identity") << false;
        QTest::newRow("others only") << QByteArray("br, zstd, deflate") << false;
        QTest::newRow("bad q-value") << QByteArray("gzip;q=lots") << false;
        QTest::newRow("q over 1") << QByteArray("gzip;q=2") << false;
        QTest::newRow("gzipped lookalike") << QByteArray("gzipped") << false;
    }
    void acceptEncodingIsReadAsRfc9110Says()
    {
        QFETCH(QByteArray, value);
        QFETCH(bool, gzip);
        QCOMPARE(acceptsGzip(value), gzip);
    }

    void gzipRoundTripsAndRefusesWhatIsNotWhole()
    {
        QByteArray text;
        for (int i = 0; i < 20000; ++i)
            text += R"({"id": )" + QByteArray::number(i) + R"(, "text": "Яма на дороге"},)";
        for (const int level : {1, 6, 9}) {
            const QByteArray coded = gzipCompress(text, level).value_or(QByteArray());
            QVERIFY(coded.startsWith("\x1f\x8b"));
            QVERIFY2(coded.size() * 10 < text.size(), QByteArray::number(coded.size()).constData());
            QCOMPARE(gzipDecompress(coded, text.size()).value_or(QByteArray()), text);
        }
        QCOMPARE(gzipDecompress(gzipCompress({}, 6).value_or(QByteArray()), 10).value_or("x"),
                 QByteArray());
        const QByteArray coded = gzipCompress(text, 6).value_or(QByteArray());
        QVERIFY(!gzipDecompress(coded.left(coded.size() - 1), text.size())); // cut
        QVERIFY(!gzipDecompress(coded + "junk", text.size()));               // trailing bytes
        QVERIFY(!gzipDecompress(coded, text.size() - 1));                    // over the cap
        QVERIFY(!gzipDecompress("plain text, not gzip", 1000));
    }

    void weakComparisonForIfNoneMatch()
    {
        QVERIFY(etagMatches("\"a\"", "\"a\""));
        QVERIFY(etagMatches("W/\"a\"", "\"a\""));
        QVERIFY(etagMatches("\"a\"", "W/\"a\""));
        QVERIFY(etagMatches("\"x\", W/\"a\"", "\"a\""));
        QVERIFY(etagMatches("*", "\"a\""));
        QVERIFY(!etagMatches("\"b\"", "\"a\""));
        QVERIFY(!etagMatches("", "\"a\""));
        QVERIFY(!etagMatches("\"a\"", ""));
    }

    // --- the server ------------------------------------------------------

    void aFeedPageGoesGzipAndDecodesToThePlainPage()
    {
        const QByteArray target = "/api/v1/changes?limit=1000";
        const QByteArray plain = plainBody(target);
        QVERIFY(plain.size() > 100'000);
        const RawResponse coded = fetch(target, "Accept-Encoding: gzip, deflate\r\n");
        QCOMPARE(coded.status, 200);
        QCOMPARE(coded.header("Content-Encoding"), QByteArray("gzip"));
        QVERIFY(coded.header("Vary").contains("Accept-Encoding"));
        QCOMPARE(coded.header("Content-Length").toLongLong(), qint64(coded.body.size()));
        QCOMPARE(gzipDecompress(coded.body, plain.size()).value_or(QByteArray()), plain);
        qInfo("a page of %lld bytes went as %lld (%.1f×)", qint64(plain.size()),
              qint64(coded.body.size()), double(plain.size()) / double(coded.body.size()));
        QVERIFY2(coded.body.size() * 4 < plain.size(),
                 QByteArray::number(coded.body.size()).constData());
        // Without gzip accepted: the plain page, which also says it varies.
        const RawResponse none = fetch(target, {});
        QVERIFY(none.header("Content-Encoding").isEmpty());
        QVERIFY(none.header("Vary").contains("Accept-Encoding"));
        QCOMPARE(none.body, plain);
    }

    void whatGoesAsItIs_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("acceptEncoding");
        QTest::newRow("not accepted")
            << QByteArray("/api/v1/changes?limit=200") << QByteArray("gzip;q=0, br");
        QTest::newRow("a small answer") << QByteArray("/api/v1/session") << QByteArray("gzip");
        QTest::newRow("an error") << QByteArray("/api/v1/complaints/999999999")
                                  << QByteArray("gzip");
    }
    void whatGoesAsItIs()
    {
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, acceptEncoding);
        const RawResponse r = fetch(target, "Accept-Encoding: " + acceptEncoding + "\r\n");
        QVERIFY(r.status != 0);
        QVERIFY(r.header("Content-Encoding").isEmpty());
        QVERIFY(!r.body.startsWith("\x1f\x8b"));
        QVERIFY(QJsonDocument::fromJson(r.body).isObject());
    }

    void photosGoAsTheyAre()
    {
        QString photo;
        const QJsonArray records = QJsonDocument::fromJson(plainBody("/api/v1/changes?limit=1000"))
                                       .object()
                                       .value(QStringLiteral("records"))
                                       .toArray();
        for (const QJsonValue &record : records) {
            const QJsonArray photos = record.toObject().value(QStringLiteral("photos")).toArray();
            if (!photos.isEmpty()) {
                photo = photos[0].toObject().value(QStringLiteral("id")).toString();
                break;
            }
        }
        QVERIFY(!photo.isEmpty());
        const RawResponse r =
            fetch("/api/v1/media/" + photo.toLatin1(), "Accept-Encoding: gzip\r\n");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Content-Type"), QByteArray("image/png"));
        QVERIFY(r.header("Content-Encoding").isEmpty());
        QVERIFY(r.header("Vary").isEmpty());
        QVERIFY(r.body.startsWith("\x89PNG"));
        QVERIFY(!r.header("ETag").startsWith("W/")); // the file's SHA-256: strong
    }

    void theCatalogueRevalidatesInEitherCoding()
    {
        const RawResponse coded = fetch("/api/v1/catalogue", "Accept-Encoding: gzip\r\n");
        QCOMPARE(coded.status, 200);
        QCOMPARE(coded.header("Content-Encoding"), QByteArray("gzip"));
        const QByteArray etag = coded.header("ETag");
        QVERIFY2(etag.startsWith("W/\""), etag.constData());
        const RawResponse plain = fetch("/api/v1/catalogue", "Accept-Encoding: identity\r\n");
        QCOMPARE(plain.header("ETag"), etag); // one catalogue, one tag
        QCOMPARE(gzipDecompress(coded.body, 1 << 24).value_or(QByteArray()), plain.body);
        // The tag as sent, or its strong form (an older desk kept that).
        for (const QByteArray &sent : {etag, etag.mid(2)}) {
            for (const QByteArray coding : {"gzip", "identity"}) {
                const RawResponse again =
                    fetch("/api/v1/catalogue",
                          "Accept-Encoding: " + coding + "\r\nIf-None-Match: " + sent + "\r\n");
                QCOMPARE(again.status, 304);
                QVERIFY(again.body.isEmpty());
                QVERIFY(again.header("Vary").contains("Accept-Encoding")); // as its 200's
            }
        }
    }

    void headSaysTheLengthGetWouldSend()
    {
        const QByteArray target = "/api/v1/changes?limit=300";
        const RawResponse get = fetch(target, "Accept-Encoding: gzip\r\n");
        const RawResponse head = fetch(target, "Accept-Encoding: gzip\r\n", "HEAD");
        QCOMPARE(head.status, 200);
        QCOMPARE(head.header("Content-Encoding"), QByteArray("gzip"));
        QCOMPARE(head.header("Content-Length").toLongLong(), qint64(get.body.size()));
    }

    void open311XmlAndJsonGoGzip()
    {
        const QByteArray saved = m_token;
        m_token.clear();
        for (const QByteArray format : {"xml", "json"}) {
            const RawResponse r = fetch("/open311/v2/requests." + format + "?status=open,closed",
                                        "Accept-Encoding: gzip\r\n");
            QCOMPARE(r.status, 200);
            QCOMPARE(r.header("Content-Encoding"), QByteArray("gzip"));
            const QByteArray body = gzipDecompress(r.body, 1 << 26).value_or(QByteArray());
            QVERIFY(body.startsWith(format == "xml" ? "<?xml" : "["));
        }
        m_token = saved;
    }

    void aCodedRequestBodyIsRefused_data()
    {
        QTest::addColumn<QByteArray>("coding");
        QTest::addColumn<int>("status");
        QTest::newRow("gzip") << QByteArray("gzip") << 415;
        QTest::newRow("br") << QByteArray("br") << 415;
        QTest::newRow("identity") << QByteArray("identity") << 200;
    }
    void aCodedRequestBodyIsRefused()
    {
        QFETCH(QByteArray, coding);
        QFETCH(int, status);
        const QByteArray body = coding == "identity"
                                    ? QByteArray(R"({"login": "clerk", "password": "demo"})")
                                    : gzipCompress(R"({"login": "clerk", "password": "demo"})", 6)
                                          .value_or(QByteArray());
        RawHttp http(m_server->port());
        http.send(
            "POST /api/v1/session HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
            "Content-Encoding: " +
            coding + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        const std::optional<RawResponse> r = http.read(30000);
        QVERIFY(r);
        QCOMPARE(r->status, status);
        if (status == 415) {
            QCOMPARE(r->errorCode(), QStringLiteral("unsupported_encoding"));
            QCOMPARE(r->header("Accept-Encoding"), QByteArray("identity"));
            // The connection goes on serving.
            http.send("GET /api/v1/catalogue HTTP/1.1\r\nHost: test\r\nAuthorization: Bearer " +
                      m_token + "\r\n\r\n");
            const std::optional<RawResponse> next = http.read(30000);
            QVERIFY(next);
            QCOMPARE(next->status, 200);
        }
    }

    void theMetricsCountBytesBeforeAndAfter()
    {
        fetch("/api/v1/changes?limit=500", "Accept-Encoding: gzip\r\n");
        QString error;
        const std::optional<rd::test::PromText> parsed =
            rd::test::parseProm(fetch("/metrics", {}).body, &error);
        QVERIFY2(parsed, qPrintable(error));
        const rd::test::PromText &metrics = *parsed;
        const double sent =
            metrics.value("regiondesk_http_response_bytes_total", {{"coding", "gzip"}});
        const double plain =
            metrics.value("regiondesk_http_response_plain_bytes_total", {{"coding", "gzip"}});
        QVERIFY2(sent > 0 && plain > 4 * sent,
                 qPrintable(QStringLiteral("%1 %2").arg(sent).arg(plain)));
        const double identitySent =
            metrics.value("regiondesk_http_response_bytes_total", {{"coding", "identity"}});
        QCOMPARE(
            metrics.value("regiondesk_http_response_plain_bytes_total", {{"coding", "identity"}}),
            identitySent);
    }

    void levelZeroNeverCodes()
    {
        TestServer off(50, {QStringLiteral("--gzip-level"), QStringLiteral("0")});
        QVERIFY(off.isRunning());
        const QByteArray saved = m_token;
        m_token = off.signIn(QStringLiteral("moderator"));
        const RawResponse r =
            fetch("/api/v1/changes?limit=50", "Accept-Encoding: gzip\r\n", "GET", &off);
        m_token = saved;
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Content-Encoding").isEmpty());
        QVERIFY(r.header("Vary").isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestServerCompression)
#include "tst_servercompression.moc"
