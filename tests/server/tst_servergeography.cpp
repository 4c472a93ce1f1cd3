// The server's geography (docs/api.md "Geography"): the demo publishes
// Omsk's okrugs and streets, with an ETag and 304; an agency's GeoJSON file
// given with --geography replaces it and is kept over a restart; a bad file
// stops the server before it serves, saying what is wrong.

#include "GeoJson.h"
#include "OmskGeography.h"
#include "TestServer.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace rd;
using namespace rd::test;

namespace {

const QByteArray Kirovsky = R"({"type": "FeatureCollection", "features": [
  {"type": "Feature", "properties": {"name": "Кировский округ", "district_id": 3},
   "geometry": {"type": "Polygon", "coordinates": [[[73.25, 54.96], [73.32, 54.96], [73.32, 55.01], [73.25, 55.01], [73.25, 54.96]]]}},
  {"type": "Feature", "properties": {"name": "бульвар Архитекторов"},
   "geometry": {"type": "LineString", "coordinates": [[73.306, 54.9895], [73.284, 55.004]]}}]})";

// The server on dir with these arguments, until it listens (then stopped)
// or ends by itself.
rd::test::ServerRun runServer(const QString &dir, const QStringList &arguments)
{
    return rd::test::runServerProcess(rd::test::storeArguments(dir) +
                                      QStringList{QStringLiteral("--port"), QStringLiteral("0")} +
                                      arguments);
}

QByteArray call(QNetworkAccessManager &network, QNetworkRequest request, const QByteArray &body)
{
    request.setTransferTimeout(30000);
    QNetworkReply *reply = body.isEmpty() ? network.get(request) : network.post(request, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    return reply->readAll();
}

// The geography a server on dir serves when started with these arguments
// (signed in as the demo's clerk).
QByteArray servedGeography(const QString &dir, const QStringList &arguments)
{
    QProcess server;
    server.start(QStringLiteral(REGIONDESK_SERVER_BINARY),
                 rd::test::storeArguments(dir) +
                     QStringList{QStringLiteral("--port"), QStringLiteral("0")} + arguments);
    if (!server.waitForStarted(10000))
        return {};
    while (server.state() == QProcess::Running && !server.canReadLine())
        server.waitForReadyRead(1000);
    const QByteArray first = server.readLine().trimmed();
    if (!first.startsWith("listening on "))
        return {};
    const QUrl base(QString::fromLatin1(first.mid(13)));
    QNetworkAccessManager network;
    QNetworkRequest signIn(base.resolved(QUrl(QStringLiteral("/api/v1/session"))));
    signIn.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    const QByteArray token =
        QJsonDocument::fromJson(call(network, signIn, R"({"login": "clerk", "password": "demo"})"))
            .object()
            .value(QStringLiteral("token"))
            .toString()
            .toLatin1();
    QNetworkRequest get(base.resolved(QUrl(QStringLiteral("/api/v1/geography"))));
    get.setRawHeader("Authorization", "Bearer " + token);
    const QByteArray body = call(network, get, {});
    rd::test::endServerProcess(server, 15000);
    return body;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return file.fileName();
}

} // namespace

class TestServerGeography : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_files;

private Q_SLOTS:
    void theDemoPublishesOmskWithAnEtag()
    {
        TestServer server(20);
        QVERIFY(server.isRunning());
        const QByteArray token = server.signIn(QStringLiteral("clerk"));
        const HttpResult r = server.get(QStringLiteral("/api/v1/geography"), token);
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Content-Type").startsWith("application/geo+json"));
        const QByteArray etag = r.header("ETag");
        // Weak: one tag for the plain and the gzip-coded answer.
        QVERIFY2(etag.startsWith("W/\"") && etag.endsWith('"'), etag.constData());
        const auto geography = GeoJson::read(r.body);
        QVERIFY2(geography, qPrintable(geography.error.toString()));
        QCOMPARE(*geography.value, demo::omskGeography());

        const HttpResult again =
            server.request("GET", QStringLiteral("/api/v1/geography"), {},
                           {{"Authorization", "Bearer " + token}, {"If-None-Match", etag}});
        QCOMPARE(again.status, 304);
        QVERIFY(again.body.isEmpty());

        QCOMPARE(server.request("GET", QStringLiteral("/api/v1/geography")).status, 401);
        QCOMPARE(server
                     .request("POST", QStringLiteral("/api/v1/geography"), "{}",
                              {{"Authorization", "Bearer " + token}})
                     .status,
                 405);
    }

    void anAgencysFileReplacesItAndIsKept()
    {
        const QString file = writeFile(m_files, QStringLiteral("kirovsky.geojson"), Kirovsky);
        QTemporaryDir data;
        {
            TestServer server(20, {QStringLiteral("--geography"), file});
            QVERIFY(server.isRunning());
            const HttpResult r = server.get(QStringLiteral("/api/v1/geography"),
                                            server.signIn(QStringLiteral("moderator")));
            QCOMPARE(r.status, 200);
            const auto geography = GeoJson::read(r.body);
            QVERIFY2(geography, qPrintable(geography.error.toString()));
            QCOMPARE(geography.value->districts.size(), 1);
            QCOMPARE(geography.value->districts[0].districtId, std::optional<int>(3));
            QCOMPARE(geography.value->streets.size(), 1);
            QCOMPARE(geography.value->streets[0].name, QStringLiteral("бульвар Архитекторов"));
        }
        // Given once, kept: the next start without --geography serves it.
        const rd::test::ServerRun first =
            runServer(data.path(), {QStringLiteral("--demo"), QStringLiteral("5"),
                                    QStringLiteral("--geography"), file});
        QVERIFY2(first.listening, qPrintable(first.err));
        QVERIFY2(first.err.contains(QStringLiteral("1 districts and 1 streets")),
                 qPrintable(first.err));
        const auto kept = GeoJson::read(servedGeography(data.path(), {}));
        QVERIFY2(kept, qPrintable(kept.error.toString()));
        QCOMPARE(kept.value->districts.size(), 1);
        QCOMPARE(kept.value->districts[0].name, QStringLiteral("Кировский округ"));
    }

    void aBadFileStopsTheServerSayingWhy_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("words");
        QTest::newRow("not JSON") << QByteArray("<kml></kml>") << "not JSON";
        QTest::newRow("projected metres")
            << QByteArray(
                   R"({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": {"type": "LineString", "coordinates": [[8162000, 7362000], [8163000, 7363000]]}}]})")
            << "features[0].geometry.coordinates[0]";
        QTest::newRow("a district the catalogue lacks")
            << QByteArray(Kirovsky).replace("\"district_id\": 3", "\"district_id\": 9")
            << "district_id 9, which is not a district of the catalogue";
        QTest::newRow("missing") << QByteArray() << "cannot read";
    }
    void aBadFileStopsTheServerSayingWhy()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, words);
        const QString file =
            content.isEmpty()
                ? m_files.filePath(QStringLiteral("no-such.geojson"))
                : writeFile(m_files, QStringLiteral("%1.geojson").arg(QTest::currentDataTag()),
                            content);
        QTemporaryDir data;
        const rd::test::ServerRun run =
            runServer(data.path(), {QStringLiteral("--demo"), QStringLiteral("5"),
                                    QStringLiteral("--geography"), file});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!run.listening);
        QVERIFY2(run.err.contains(words), qPrintable(run.err));
        QVERIFY2(run.err.contains(file), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestServerGeography)
#include "tst_servergeography.moc"
