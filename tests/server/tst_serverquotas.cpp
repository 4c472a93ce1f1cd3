// Quotas, counted in the database: a user who uploads a day's bytes of
// photos gets 429 with Retry-After (and may upload again once the oldest
// leave the 24 hours) while another user still uploads; unattached uploads
// are capped until an answer names them; votes per client per hour, where
// votes that do not count are not counted and another client is not
// affected; two server processes on one database share the counts, even
// when requests race; Open311 filings per client per hour, in the
// specification's error format; the settings are read from the settings
// file and the command line, and bad values are refused. Runs on SQLite
// (tst_serverquotas) and PostgreSQL (…_pg).

#include "PromText.h"
#include "RawHttp.h"
#include "TestServer.h"
#include "sqlite/Database.h"

#include <QBuffer>
#include <QImage>
#include <QImageWriter>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using rd::test::HttpResult;
using rd::test::RawHttp;
using rd::test::TestServer;

namespace {

// A PNG of noise (it compresses little): some tens of kilobytes stored.
QByteArray noisePng(int side, quint32 seed)
{
    QImage image(side, side, QImage::Format_RGB32);
    QRandomGenerator random(seed);
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x)
            image.setPixel(x, y, random.generate() | 0xff000000u);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter(&buffer, "png").write(image);
    return bytes;
}

qint64 retryAfter(const HttpResult &r)
{
    return r.header("Retry-After").toLongLong();
}

QString quotaOf(const HttpResult &r)
{
    return r.json()
        .value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("quota"))
        .toString();
}

} // namespace

class TestServerQuotas : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    static HttpResult upload(TestServer &server, qint64 id, const QByteArray &token,
                             const QByteArray &png)
    {
        return server.request(
            "POST", QStringLiteral("/api/v1/complaints/%1/photos").arg(id), png,
            {{"Authorization", "Bearer " + token}, {"Content-Type", "image/png"}});
    }
    static HttpResult vote(TestServer &server, qint64 id)
    {
        return server.request("POST", QStringLiteral("/api/v1/citizen/complaints/%1/vote").arg(id),
                              {}, {{"X-Api-Key", "demo-open311-key"}});
    }
    // A complaint of the user's scope in this state.
    static qint64 inState(TestServer &server, const QByteArray &token, const char *state,
                          int skip = 0)
    {
        for (const QJsonObject &c : server.pullAll(token).records) {
            if (c.value(QStringLiteral("state")).toString() == QLatin1String(state) && skip-- == 0)
                return c.value(QStringLiteral("id")).toInteger();
        }
        return 0;
    }
    static double metric(TestServer &server, const QString &name, const QMap<QString, QString> &l)
    {
        const HttpResult r = server.request("GET", QStringLiteral("/metrics"));
        QString why;
        const auto parsed = rd::test::parseProm(r.body, &why);
        return parsed ? parsed->value(name, l) : -1;
    }
    // Rows in a table of the server's database, read beside the server.
    static qint64 rows(const TestServer &server, const QString &table)
    {
        const QString sql = QStringLiteral("SELECT count(*) FROM %1").arg(table);
        if (rd::test::testsPostgres())
            return rd::test::postgresQuery(server.dataDir(), sql).toLongLong();
        rd::sqlite::Database db(server.dataDir() + QStringLiteral("/server.sqlite"),
                                rd::sqlite::Database::OpenMode::ReadOnly);
        return db.queryInt(sql);
    }
    QString write(const QString &name, const QByteArray &text)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

private Q_SLOTS:
    void aUserAtTheUploadByteQuotaWaitsAndOthersDoNot()
    {
        const qint64 quota = 100'000;
        TestServer server(100,
                          {QStringLiteral("--upload-bytes-per-day"), QString::number(quota),
                           QStringLiteral("--unattached-uploads"), QStringLiteral("0")},
                          true);
        QVERIFY(server.isRunning());
        QByteArray clerk = server.signIn(QStringLiteral("clerk"));
        const qint64 id = inState(server, clerk, "published");
        QVERIFY(id > 0);
        const QByteArray png = noisePng(110, 7);

        qint64 stored = 0;
        qint64 each = 0;
        HttpResult refused;
        for (int i = 0; i < 10; ++i) {
            const HttpResult r = upload(server, id, clerk, png);
            if (r.status != 201) {
                refused = r;
                break;
            }
            each = r.json().value(QStringLiteral("bytes")).toInteger();
            stored += each;
        }
        QCOMPARE(refused.status, 429);
        QVERIFY2(each > 20'000 && stored >= each, qPrintable(QString::number(each)));
        QVERIFY(stored <= quota);       // everything that fitted was taken…
        QVERIFY(stored + each > quota); // …and the refused one did not fit
        QCOMPARE(refused.errorCode(), QStringLiteral("quota_exceeded"));
        QCOMPARE(quotaOf(refused), QStringLiteral("upload_bytes"));
        const qint64 wait = retryAfter(refused);
        QVERIFY2(wait > 24 * 3600 - 120 && wait <= 24 * 3600, qPrintable(QString::number(wait)));
        QVERIFY(refused.json()
                    .value(QStringLiteral("error"))
                    .toObject()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("Try again in %1 s.").arg(wait)));

        // Another user of the same agency, on the same complaint: not affected.
        const QByteArray supervisor = server.signIn(QStringLiteral("supervisor"));
        QCOMPARE(upload(server, id, supervisor, png).status, 201);
        // Refused again at once: counted again, logged once a minute.
        QCOMPARE(upload(server, id, clerk, png).status, 429);
        QCOMPARE(metric(server, QStringLiteral("regiondesk_quota_refusals_total"),
                        {{QStringLiteral("quota"), QStringLiteral("upload_bytes")}}),
                 2.0);
        QTRY_VERIFY(server.log().contains("quota upload_bytes exceeded"));
        const QByteArray log = server.log();
        QCOMPARE(log.count("quota upload_bytes exceeded"), 1);
        QVERIFY(log.contains("user \"clerk\""));

        // Retry-After later the oldest upload has left the day: room again.
        server.hook(QStringLiteral("advance-clock"), {{QStringLiteral("seconds"), wait}});
        clerk = server.signIn(QStringLiteral("clerk")); // the old token expired meanwhile
        QCOMPARE(upload(server, id, clerk, png).status, 201);
    }

    void aPhotoLargerThanADaysQuotaIsTooLarge()
    {
        TestServer server(50, {QStringLiteral("--upload-bytes-per-day"), QStringLiteral("2000")});
        QVERIFY(server.isRunning());
        const QByteArray clerk = server.signIn(QStringLiteral("clerk"));
        const qint64 id = inState(server, clerk, "published");
        QVERIFY(id > 0);
        // Waiting would never let it in: 413, not 429, and no Retry-After.
        const HttpResult r = upload(server, id, clerk, noisePng(60, 5));
        QCOMPARE(r.status, 413);
        QCOMPARE(r.errorCode(), QStringLiteral("too_large"));
        QVERIFY(r.header("Retry-After").isEmpty());
        QVERIFY(r.json()
                    .value(QStringLiteral("error"))
                    .toObject()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("larger than the 2000 bytes a user may upload")));
        // Nothing was counted: a small one still fits.
        QImage tiny(4, 4, QImage::Format_RGB32);
        tiny.fill(Qt::red);
        QByteArray small;
        QBuffer buffer(&small);
        buffer.open(QIODevice::WriteOnly);
        QImageWriter(&buffer, "png").write(tiny);
        QCOMPARE(upload(server, id, clerk, small).status, 201);
    }

    void unattachedUploadsWaitForAnAnswerToNameThem()
    {
        TestServer server(100, {QStringLiteral("--unattached-uploads"), QStringLiteral("2"),
                                QStringLiteral("--upload-bytes-per-day"), QStringLiteral("0")});
        QVERIFY(server.isRunning());
        const QByteArray clerk = server.signIn(QStringLiteral("clerk"));
        const qint64 id = inState(server, clerk, "published");
        QVERIFY(id > 0);
        const QByteArray png = noisePng(40, 3);
        const HttpResult first = upload(server, id, clerk, png);
        QCOMPARE(first.status, 201);
        QCOMPARE(upload(server, id, clerk, png).status, 201);
        HttpResult r = upload(server, id, clerk, png);
        QCOMPARE(r.status, 429);
        QCOMPARE(quotaOf(r), QStringLiteral("unattached_uploads"));
        QVERIFY(retryAfter(r) > 24 * 3600 - 120);

        // An answer names the first: one more may come, not two.
        const QJsonObject current = server.complaint(id, clerk);
        const HttpResult solved = server.act(
            id,
            {{QStringLiteral("action"), QStringLiteral("solve")},
             {QStringLiteral("base_version"), current.value(QStringLiteral("version"))},
             {QStringLiteral("text"), QStringLiteral("Сделано, фото приложено.")},
             {QStringLiteral("photo_ids"), QJsonArray{first.json().value(QStringLiteral("id"))}}},
            clerk);
        QCOMPARE(solved.status, 200);
        QCOMPARE(upload(server, id, clerk, png).status, 201);
        r = upload(server, id, clerk, png);
        QCOMPARE(r.status, 429);
        QCOMPARE(quotaOf(r), QStringLiteral("unattached_uploads"));
    }

    void votesPerClientPerHour()
    {
        TestServer server(100, {QStringLiteral("--votes-per-hour"), QStringLiteral("3")});
        QVERIFY(server.isRunning());
        const QByteArray moderator = server.signIn(QStringLiteral("moderator"));
        const qint64 open = inState(server, moderator, "published");
        const qint64 unpublished = inState(server, moderator, "moderation");
        QVERIFY(open > 0 && unpublished > 0);
        const qint64 votes =
            server.complaint(open, moderator).value(QStringLiteral("votes")).toInteger();

        // Votes that do not count are not counted.
        for (int i = 0; i < 4; ++i)
            QCOMPARE(vote(server, unpublished).status, 422);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(vote(server, open).status, 200);
        const HttpResult refused = vote(server, open);
        QCOMPARE(refused.status, 429);
        QCOMPARE(refused.errorCode(), QStringLiteral("quota_exceeded"));
        QCOMPARE(quotaOf(refused), QStringLiteral("votes"));
        const qint64 wait = retryAfter(refused);
        QVERIFY2(wait > 3600 - 120 && wait <= 3600, qPrintable(QString::number(wait)));

        // Another client (address) votes still.
        RawHttp other(server.port(), QHostAddress(QStringLiteral("127.0.0.2")));
        other.send("POST /api/v1/citizen/complaints/" + QByteArray::number(open) +
                   "/vote HTTP/1.1\r\nHost: test\r\nX-Api-Key: demo-open311-key\r\n"
                   "Content-Length: 0\r\n\r\n");
        const auto answer = other.read();
        QVERIFY(answer);
        QCOMPARE(answer->status, 200);
        QCOMPARE(server.complaint(open, moderator).value(QStringLiteral("votes")).toInteger(),
                 votes + 4);

        // An hour after the first, the first client votes again (as many
        // as have left the hour), and is held to the cap again.
        server.hook(QStringLiteral("advance-clock"), {{QStringLiteral("seconds"), wait}});
        QCOMPARE(vote(server, open).status, 200);
        int more = 0;
        while (more < 4 && vote(server, open).status == 200)
            ++more;
        QVERIFY2(more < 3, qPrintable(QString::number(more)));
    }

    void clientAddressesAreForgottenAfterTheirHour()
    {
        TestServer server(50, {QStringLiteral("--votes-per-hour"), QStringLiteral("3")});
        QVERIFY(server.isRunning());
        const QByteArray moderator = server.signIn(QStringLiteral("moderator"));
        const qint64 id = inState(server, moderator, "published");
        QCOMPARE(vote(server, id).status, 200);
        RawHttp other(server.port(), QHostAddress(QStringLiteral("127.0.0.2")));
        other.send("POST /api/v1/citizen/complaints/" + QByteArray::number(id) +
                   "/vote HTTP/1.1\r\nHost: test\r\nX-Api-Key: demo-open311-key\r\n"
                   "Content-Length: 0\r\n\r\n");
        const auto answer = other.read();
        QVERIFY(answer && answer->status == 200);
        QCOMPARE(rows(server, QStringLiteral("client_events")), 2);
        // Still within the hour: kept by the housekeeping.
        server.hook(QStringLiteral("advance-clock"), {{QStringLiteral("seconds"), 3000}});
        server.hook(QStringLiteral("prune"));
        QCOMPARE(rows(server, QStringLiteral("client_events")), 2);
        // Past it, with no vote since to clear them: gone.
        server.hook(QStringLiteral("advance-clock"), {{QStringLiteral("seconds"), 700}});
        server.hook(QStringLiteral("prune"));
        QCOMPARE(rows(server, QStringLiteral("client_events")), 0);
    }

    void open311FilingsPerClientPerHour()
    {
        TestServer server(100, {QStringLiteral("--filings-per-hour"), QStringLiteral("2")});
        QVERIFY(server.isRunning());
        const QByteArray moderator = server.signIn(QStringLiteral("moderator"));
        const auto inModeration = [&] {
            int n = 0;
            for (const QJsonObject &c : server.pullAll(moderator).records)
                n += c.value(QStringLiteral("state")).toString() == QLatin1String("moderation");
            return n;
        };
        const int before = inModeration();
        const QByteArray form = "api_key=demo-open311-key&service_code=potholes&lat=54.9841&"
                                "long=73.3722&description=%D0%AF%D0%BC%D0%B0";
        const QList<QPair<QByteArray, QByteArray>> formType{
            {"Content-Type", "application/x-www-form-urlencoded"}};
        const auto file = [&](const char *format, const QByteArray &body) {
            return server.request("POST", QStringLiteral("/open311/v2/requests.%1").arg(format),
                                  body, formType);
        };
        // Filings that file nothing are not counted.
        for (int i = 0; i < 3; ++i)
            QCOMPARE(file("json", "api_key=demo-open311-key&lat=54.98&long=73.37").status, 400);
        QCOMPARE(file("json", form).status, 201);
        QCOMPARE(file("xml", form).status, 201);
        const HttpResult refused = file("json", form);
        QCOMPARE(refused.status, 429);
        const qint64 wait = retryAfter(refused);
        QVERIFY2(wait > 3600 - 120 && wait <= 3600, qPrintable(QString::number(wait)));
        // The specification's error list, in the URL's format.
        const QJsonObject error = refused.array().at(0).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toInt(), 429);
        QVERIFY(error.value(QStringLiteral("description"))
                    .toString()
                    .contains(QStringLiteral("Try again in %1 s.").arg(wait)));
        const HttpResult xml = file("xml", form);
        QCOMPARE(xml.status, 429);
        QVERIFY2(xml.body.contains("<code>429</code>"), xml.body.constData());
        QVERIFY(!xml.header("Retry-After").isEmpty());

        // Another client files still.
        RawHttp other(server.port(), QHostAddress(QStringLiteral("127.0.0.2")));
        other.send("POST /open311/v2/requests.json HTTP/1.1\r\nHost: test\r\nContent-Type: "
                   "application/x-www-form-urlencoded\r\nContent-Length: " +
                   QByteArray::number(form.size()) + "\r\n\r\n" + form);
        const auto answer = other.read();
        QVERIFY(answer);
        QCOMPARE(answer->status, 201);
        // Three filed in all: the refused ones filed nothing.
        QCOMPARE(inModeration(), before + 3);
        QCOMPARE(metric(server, QStringLiteral("regiondesk_quota_refusals_total"),
                        {{QStringLiteral("quota"), QStringLiteral("filings")}}),
                 2.0);
    }

    void twoProcessesShareTheCountsEvenWhenRacing()
    {
        const QStringList limits{QStringLiteral("--votes-per-hour"),       QStringLiteral("4"),
                                 QStringLiteral("--upload-bytes-per-day"), QStringLiteral("100000"),
                                 QStringLiteral("--unattached-uploads"),   QStringLiteral("0")};
        TestServer a(100, limits);
        QVERIFY(a.isRunning());
        TestServer b(TestServer::SharedWith{a},
                     limits + QStringList{QStringLiteral("--open311-key"),
                                          QStringLiteral("demo-open311-key")});
        QVERIFY(b.isRunning());
        const QByteArray moderator = a.signIn(QStringLiteral("moderator"));
        const qint64 id = inState(a, moderator, "published");
        QVERIFY(id > 0);
        const qint64 votes = a.complaint(id, moderator).value(QStringLiteral("votes")).toInteger();

        // Twelve votes at once, six on each process: four count.
        QNetworkAccessManager manager;
        int pending = 0;
        QList<int> statuses;
        for (int i = 0; i < 12; ++i) {
            TestServer &server = i % 2 ? b : a;
            QNetworkRequest request(QUrl(
                server.baseUrl() + QStringLiteral("/api/v1/citizen/complaints/%1/vote").arg(id)));
            request.setRawHeader("X-Api-Key", "demo-open311-key");
            request.setTransferTimeout(60000);
            QNetworkReply *reply = manager.post(request, QByteArray());
            ++pending;
            connect(reply, &QNetworkReply::finished, this, [reply, &pending, &statuses] {
                statuses.append(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
                --pending;
                reply->deleteLater();
            });
        }
        QVERIFY(QTest::qWaitFor([&] { return pending == 0; }, 60000));
        QCOMPARE(statuses.count(200), 4);
        QCOMPARE(statuses.count(429), 8);
        QCOMPARE(b.complaint(id, moderator).value(QStringLiteral("votes")).toInteger(), votes + 4);

        // A user's upload bytes on one process count on the other.
        const QByteArray clerk = a.signIn(QStringLiteral("clerk"));
        const qint64 photoOn = inState(a, clerk, "published");
        const QByteArray png = noisePng(110, 11);
        int taken = 0;
        while (taken < 10 && upload(a, photoOn, clerk, png).status == 201)
            ++taken;
        QVERIFY(taken >= 1);
        const HttpResult onB = upload(b, photoOn, clerk, png);
        QCOMPARE(onB.status, 429);
        QCOMPARE(quotaOf(onB), QStringLiteral("upload_bytes"));
    }

    void settingsFileAndCommandLineSetTheQuotas()
    {
        const QString conf =
            write(QStringLiteral("quotas.conf"),
                  "[server]\nvotes-per-hour=2\nupload-bytes-per-day=0\nunattached-uploads=7\n"
                  "filings-per-hour=5\n");
        TestServer server(60, {QStringLiteral("--config"), conf});
        QVERIFY(server.isRunning());
        const QByteArray moderator = server.signIn(QStringLiteral("moderator"));
        const qint64 id = inState(server, moderator, "published");
        QCOMPARE(vote(server, id).status, 200);
        QCOMPARE(vote(server, id).status, 200);
        QCOMPARE(vote(server, id).status, 429);
        // The command line wins over the file.
        TestServer wins(60, {QStringLiteral("--config"), conf, QStringLiteral("--votes-per-hour"),
                             QStringLiteral("0")});
        QVERIFY(wins.isRunning());
        const QByteArray token = wins.signIn(QStringLiteral("moderator"));
        const qint64 other = inState(wins, token, "published");
        for (int i = 0; i < 5; ++i)
            QCOMPARE(vote(wins, other).status, 200);
    }

    void badValuesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString range = QStringLiteral("takes a whole number from 0 to ");
        QTest::newRow("negative votes") << QByteArray("votes-per-hour=-1") << QStringList()
                                        << QStringLiteral("--votes-per-hour ") + range;
        QTest::newRow("words for bytes") << QByteArray("upload-bytes-per-day=lots") << QStringList()
                                         << QStringLiteral("--upload-bytes-per-day ") + range;
        QTest::newRow("too many unattached")
            << QByteArray("unattached-uploads=100001") << QStringList()
            << QStringLiteral("--unattached-uploads ") + range + QStringLiteral("100000");
        QTest::newRow("a fraction of a filing")
            << QByteArray("filings-per-hour=1.5") << QStringList()
            << QStringLiteral("--filings-per-hour ") + range;
        QTest::newRow("a misspelt key") << QByteArray("vote-per-hour=3") << QStringList()
                                        << QStringLiteral("unknown setting vote-per-hour");
        QTest::newRow("on the command line")
            << QByteArray() << QStringList{QStringLiteral("--votes-per-hour"), QStringLiteral("x")}
            << QStringLiteral("--votes-per-hour ") + range;
        QTest::newRow("no token file")
            << QByteArray("metrics-token-file=/nonexistent/token") << QStringList()
            << QStringLiteral("--metrics-token-file: cannot read /nonexistent/token");
        QTest::newRow("a short token")
            << QByteArray("metrics-token-file=") + m_dir.filePath("short.token").toUtf8()
            << QStringList() << QStringLiteral("16 to 1024 printable characters");
    }

    void badValuesAreRefused()
    {
        QFETCH(QByteArray, file);
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        write(QStringLiteral("short.token"), "tooshort\n");
        const QString conf = write(QStringLiteral("bad.conf"), "[server]\n" + file + '\n');
        const rd::test::ServerRun o = rd::test::runServerProcess(
            QStringList{QStringLiteral("--config"), conf, QStringLiteral("--data"),
                        m_dir.filePath(QStringLiteral("bad")), QStringLiteral("--port"),
                        QStringLiteral("0")} +
            arguments);
        QVERIFY(!o.listening);
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(o.err.contains(message), qPrintable(o.err));
    }
};

QTEST_GUILESS_MAIN(TestServerQuotas)
#include "tst_serverquotas.moc"
