// Open311 GeoReport v2 writes, as 311 apps and FixMyStreet-style front ends
// make them: POST with the specification's leniency and its errors, a
// posted request readable at once in its reduced form and in full once
// published, a posted media_url, the servicerequestupdates extension both
// ways, and a standard-library client (open311/client_flow.py) walking the
// whole flow in XML. Every answer validated (Open311Check.h).

#include "ApiJson.h"
#include "Open311Check.h"
#include "TestServer.h"
#include "TestSupport.h"

#include <QProcess>
#include <QTest>
#include <QUrl>

using rd::test::HttpResult;
using rd::test::TestServer;
using rd::test::xmlRecords;

namespace {

const QList<QPair<QByteArray, QByteArray>> FormType{
    {"Content-Type", "application/x-www-form-urlencoded"}};

QByteArray enc(const QString &text)
{
    return QUrl::toPercentEncoding(text);
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

class TestOpen311Filing : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    QHash<QString, QByteArray> m_tokens;

    QByteArray token(const QString &login)
    {
        if (!m_tokens.contains(login))
            m_tokens.insert(login, m_server->signIn(login));
        return m_tokens.value(login);
    }
    HttpResult post(const QString &path, const QByteArray &form,
                    const QList<QPair<QByteArray, QByteArray>> &headers = FormType)
    {
        return m_server->request("POST", QStringLiteral("/open311/v2/") + path, form, headers);
    }
    QJsonObject request(const QString &id)
    {
        return m_server->request("GET", QStringLiteral("/open311/v2/requests/%1.json").arg(id))
            .array()[0]
            .toObject();
    }
    // A moderator's or clerk's action through the desk API.
    void act(qint64 id, const char *login, QJsonObject action)
    {
        const QJsonObject c = m_server->complaint(id, token(QStringLiteral("moderator")));
        action.insert(QStringLiteral("base_version"), c.value(QStringLiteral("version")));
        const HttpResult r = m_server->act(id, action, token(QLatin1String(login)));
        QVERIFY2(r.status == 200, r.body.constData());
    }
    void publishAndSolve(qint64 id, const QString &answer)
    {
        act(id, "moderator",
            {{QStringLiteral("action"), QStringLiteral("publish")},
             {QStringLiteral("category_id"), 1},
             {QStringLiteral("agency_id"), 1}});
        act(id, "clerk",
            {{QStringLiteral("action"), QStringLiteral("solve")},
             {QStringLiteral("text"), answer}});
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Every answer is checked by xmllint and Debian's python3 with jsonschema
        // (Open311Check.h).
        RD_REQUIRE_TOOL(xmllint, "xmllint", "libxml2-utils");
        RD_REQUIRE_TOOL(python, "/usr/bin/python3", "python3-jsonschema");
        m_server = std::make_unique<TestServer>(400);
        QVERIFY(m_server->isRunning());
    }

    // The POST of the specification: what it allows is accepted, each of
    // its errors answered with its code, in the URL's format.
    void postLeniencyAndErrors_data()
    {
        QTest::addColumn<QByteArray>("form");
        QTest::addColumn<QString>("query"); // of the URL
        QTest::addColumn<int>("status");
        const QByteArray key = "api_key=demo-open311-key&";
        const QByteArray point = "&lat=54.9841&long=73.3722";
        QTest::newRow("point, no description")
            << key + "service_code=potholes" + point << "" << 201;
        QTest::newRow("address_string only")
            << key + "service_code=potholes&address_string=" + enc(QStringLiteral("ул. Ленина, 10"))
            << "" << 201;
        QTest::newRow("address_id only") << key + "service_code=lighting&address_id=ABC-17"
                                         << "" << 201;
        QTest::newRow("description of 4000")
            << key + "service_code=potholes" + point +
                   "&description=" + enc(QString(4000, QChar(0x042F)))
            << "" << 201;
        QTest::newRow("description of 4001")
            << key + "service_code=potholes" + point +
                   "&description=" + enc(QString(4001, QChar(0x042F)))
            << "" << 400;
        QTest::newRow("api_key in the query string")
            << QByteArray("service_code=potholes" + point) << "?api_key=demo-open311-key" << 201;
        QTest::newRow("form encoding: + is a space, %2B a plus")
            << key + "service_code=potholes" + point + "&description=1%2B1+is+two"
            << "" << 201;
        QTest::newRow("no api_key") << QByteArray("service_code=potholes" + point) << "" << 403;
        QTest::newRow("wrong api_key")
            << QByteArray("api_key=guess&service_code=potholes" + point) << "" << 403;
        QTest::newRow("no service_code") << key + point.mid(1) << "" << 400;
        QTest::newRow("unknown service_code") << key + "service_code=teleport" + point << "" << 404;
        QTest::newRow("no location") << key + "service_code=potholes&description=x"
                                     << "" << 400;
        QTest::newRow("lat without long") << key + "service_code=potholes&lat=54.9"
                                          << "" << 400;
        QTest::newRow("lat off the globe") << key + "service_code=potholes&lat=154.9&long=73.3"
                                           << "" << 400;
        QTest::newRow("media_url not a link")
            << key + "service_code=potholes" + point + "&media_url=javascript%3Aalert(1)"
            << "" << 400;
        QTest::newRow("media_url with a password")
            << key + "service_code=potholes" + point + "&media_url=https%3A%2F%2Fu%3Ap%40x.org%2Fa"
            << "" << 400;
        QTest::newRow("too large")
            << key + "service_code=potholes" + point + "&description=" + QByteArray(1100000, 'a')
            << "" << 413;
    }
    void postLeniencyAndErrors()
    {
        QFETCH(QByteArray, form);
        QFETCH(QString, query);
        QFETCH(int, status);
        for (const bool xml : {false, true}) {
            const HttpResult r =
                post(QStringLiteral("requests.%1%2").arg(xml ? "xml" : "json", query), form);
            QVERIFY2(r.status == status, r.body.left(300).constData());
            QVERIFY_OPEN311(r, status == 201 ? "posted" : "errors", xml);
            if (status != 201)
                continue;
            const QString id = xml ? xmlRecords(r.body, QStringLiteral("request"))
                                         .value(0)
                                         .value(QStringLiteral("service_request_id"))
                                   : str(r.array()[0].toObject(), "service_request_id");
            // Readable at once, reduced, valid in both formats.
            for (const bool asXml : {false, true}) {
                const HttpResult one = m_server->request(
                    "GET",
                    QStringLiteral("/open311/v2/requests/%1.%2").arg(id, asXml ? "xml" : "json"));
                QCOMPARE(one.status, 200);
                QVERIFY_OPEN311(one, "requests", asXml);
            }
        }
    }

    void wrongContentType()
    {
        const HttpResult r =
            post(QStringLiteral("requests.xml"), "{\"api_key\":\"demo-open311-key\"}",
                 {{"Content-Type", "application/json"}});
        QCOMPARE(r.status, 400);
        QVERIFY_OPEN311(r, "errors", true);
    }

    // Posted, readable at once without anything the moderator has not
    // seen; in full once published, with the posted link; the citizen's
    // name and address never.
    void postedAwaitsModerationThenPublished()
    {
        const QString link = QStringLiteral("https://photos.example.org/p/42.jpg");
        const QByteArray form =
            "api_key=demo-open311-key&service_code=potholes&lat=54.9841&long=73.3722"
            "&description=" +
            enc(QStringLiteral("Яма у дома 5, звоните 8-913-000-00-00")) +
            "&email=ivan@example.org&first_name=" + enc(QStringLiteral("Иван")) +
            "&media_url=" + enc(link);
        const HttpResult posted = post(QStringLiteral("requests.json"), form);
        QCOMPARE(posted.status, 201);
        const QString id = str(posted.array()[0].toObject(), "service_request_id");
        HttpResult one =
            m_server->request("GET", QStringLiteral("/open311/v2/requests/%1.xml").arg(id));
        QCOMPARE(one.status, 200);
        QVERIFY_OPEN311(one, "requests", true);
        for (const char *secret : {"8-913", "ivan@", "Иван", "photos.example.org", "54.98"})
            QVERIFY2(!one.body.contains(secret), secret);
        QCOMPARE(xmlRecords(one.body, QStringLiteral("request"))[0].value(QStringLiteral("status")),
                 QStringLiteral("open"));
        // Not listed while it awaits moderation.
        QVERIFY(!m_server->request("GET", QStringLiteral("/open311/v2/requests.json"))
                     .body.contains(QStringLiteral("\"%1\"").arg(id).toUtf8()));

        act(id.toLongLong(), "moderator",
            {{QStringLiteral("action"), QStringLiteral("publish")},
             {QStringLiteral("category_id"), 1},
             {QStringLiteral("agency_id"), 1}});
        QJsonObject r = request(id);
        QVERIFY(str(r, "description").contains(QStringLiteral("Яма у дома 5")));
        QCOMPARE(str(r, "media_url"), link);
        QCOMPARE(r.value(QStringLiteral("lat")).toDouble(), 54.9841);
        QVERIFY(!QJsonDocument(r).toJson().contains("ivan@"));
        // The moderator takes the link out of the text: it is not public any more.
        act(id.toLongLong(), "moderator",
            {{QStringLiteral("action"), QStringLiteral("redact")},
             {QStringLiteral("text"), QStringLiteral("Яма у дома 5")}});
        r = request(id);
        QVERIFY(r.value(QStringLiteral("media_url")).isNull());
        QCOMPARE(str(r, "description"), QStringLiteral("Яма у дома 5"));
    }

    // An address-only report: the address as given, no invented point.
    void addressOnlyHasNoPoint()
    {
        const HttpResult posted =
            post(QStringLiteral("requests.json"),
                 "api_key=demo-open311-key&service_code=potholes&address_string=" +
                     enc(QStringLiteral("г. Омск, ул. Ленина, 10")) + "&address_id=L-10");
        QCOMPARE(posted.status, 201);
        const QString id = str(posted.array()[0].toObject(), "service_request_id");
        act(id.toLongLong(), "moderator",
            {{QStringLiteral("action"), QStringLiteral("publish")},
             {QStringLiteral("category_id"), 1},
             {QStringLiteral("agency_id"), 1}});
        const QJsonObject r = request(id);
        QCOMPARE(str(r, "address"), QStringLiteral("г. Омск, ул. Ленина, 10"));
        QCOMPARE(str(r, "address_id"), QStringLiteral("L-10"));
        QVERIFY(r.value(QStringLiteral("lat")).isNull());
        QVERIFY(r.value(QStringLiteral("long")).isNull());
        QVERIFY(r.value(QStringLiteral("description")).toString().isEmpty());
    }

    // Form encoding: '+' is a space, %2B a plus, UTF-8 escapes decoded.
    void formDecoding()
    {
        const HttpResult posted =
            post(QStringLiteral("requests.json"),
                 "api_key=demo-open311-key&service_code=potholes&lat=54.98&long=73.37"
                 "&description=1%2B1+is+two%2C+%D0%AF%D0%BC%D0%B0");
        QCOMPARE(posted.status, 201);
        const QString id = str(posted.array()[0].toObject(), "service_request_id");
        act(id.toLongLong(), "moderator",
            {{QStringLiteral("action"), QStringLiteral("publish")},
             {QStringLiteral("category_id"), 1},
             {QStringLiteral("agency_id"), 1}});
        QCOMPARE(str(request(id), "description"), QStringLiteral("1+1 is two, Яма"));
    }

    // servicerequestupdates: the history as updates; a citizen's update on
    // a solved request is civic control.
    void updatesBothWays()
    {
        const HttpResult posted =
            post(QStringLiteral("requests.json"), "api_key=demo-open311-key&service_code=potholes"
                                                  "&lat=54.98&long=73.37&description=pothole");
        const QString id = str(posted.array()[0].toObject(), "service_request_id");
        publishAndSolve(id.toLongLong(), QStringLiteral("Яму заделали."));
        const QString since = QString::fromLatin1(
            enc(rd::ApiJson::formatTime(QDateTime::currentDateTimeUtc().addSecs(-600))));
        HttpResult u = m_server->request(
            "GET", QStringLiteral("/open311/v2/servicerequestupdates.xml?start_date=") + since);
        QCOMPARE(u.status, 200);
        QVERIFY_OPEN311(u, "updates", true);
        QList<QHash<QString, QString>> mine;
        for (const auto &rec : xmlRecords(u.body, QStringLiteral("request_update")))
            if (rec.value(QStringLiteral("service_request_id")) == id)
                mine.append(rec);
        QCOMPARE(mine.size(), 2); // published, solved
        QCOMPARE(mine[0].value(QStringLiteral("status")), QStringLiteral("OPEN"));
        QCOMPARE(mine[1].value(QStringLiteral("status")), QStringLiteral("CLOSED"));
        QCOMPARE(mine[1].value(QStringLiteral("description")), QStringLiteral("Яму заделали."));
        QCOMPARE(str(request(id), "status_notes"), QStringLiteral("Яму заделали."));

        // The citizen contests through the front end: OPEN on a solved request.
        const QByteArray contest =
            "api_key=demo-open311-key&service_request_id=" + id.toUtf8() +
            "&status=OPEN&description=" + enc(QStringLiteral("Яма осталась")) + "&update_id=fms-1";
        const HttpResult first = post(QStringLiteral("servicerequestupdates.xml"), contest);
        QCOMPARE(first.status, 200);
        QVERIFY_OPEN311(first, "posted_update", true);
        QCOMPARE(str(request(id), "status"), QStringLiteral("open"));
        const QJsonObject desk =
            m_server->complaint(id.toLongLong(), token(QStringLiteral("moderator")));
        QCOMPARE(str(desk, "state"), QStringLiteral("contested"));
        // Sent again (a retry): the first answer, nothing applied twice.
        const HttpResult again = post(QStringLiteral("servicerequestupdates.xml"), contest);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.body, first.body);
        QCOMPARE(m_server->complaint(id.toLongLong(), token(QStringLiteral("moderator")))
                     .value(QStringLiteral("version")),
                 desk.value(QStringLiteral("version")));
        const HttpResult json = post(QStringLiteral("servicerequestupdates.json"), contest);
        QVERIFY_OPEN311(json, "posted_update", false);
    }

    void updateErrors_data()
    {
        QTest::addColumn<QByteArray>("form"); // {id}: a published, unanswered request
        QTest::addColumn<int>("status");
        QTest::newRow("not solved") << QByteArray("service_request_id={id}&status=CLOSED") << 400;
        QTest::newRow("bad status") << QByteArray("service_request_id={id}&status=FIXED") << 400;
        QTest::newRow("no id") << QByteArray("status=OPEN") << 400;
        QTest::newRow("unknown id") << QByteArray("service_request_id=987654&status=OPEN") << 404;
        QTest::newRow("comment too long")
            << QByteArray("service_request_id={id}&status=OPEN&description=" +
                          QByteArray(2001, 'a'))
            << 400;
    }
    void updateErrors()
    {
        QFETCH(QByteArray, form);
        QFETCH(int, status);
        const HttpResult posted =
            post(QStringLiteral("requests.json"), "api_key=demo-open311-key&service_code=potholes"
                                                  "&lat=54.98&long=73.37");
        const QString id = str(posted.array()[0].toObject(), "service_request_id");
        act(id.toLongLong(), "moderator",
            {{QStringLiteral("action"), QStringLiteral("publish")},
             {QStringLiteral("category_id"), 1},
             {QStringLiteral("agency_id"), 1}});
        form.replace("{id}", id.toUtf8());
        for (const bool xml : {false, true}) {
            const HttpResult r =
                post(QStringLiteral("servicerequestupdates.%1").arg(xml ? "xml" : "json"),
                     "api_key=demo-open311-key&" + form);
            QVERIFY2(r.status == status, r.body.constData());
            QVERIFY_OPEN311(r, "errors", xml);
        }
        const HttpResult noKey =
            post(QStringLiteral("servicerequestupdates.xml"), "service_request_id=1&status=OPEN");
        QCOMPARE(noKey.status, 403);
        QVERIFY_OPEN311(noKey, "errors", true);
    }

    // A client in Python's standard library, XML by default (README.md).
    void standardLibraryClientFlow()
    {
        const auto run = [&](const QStringList &extra) {
            QProcess p;
            p.setProcessChannelMode(QProcess::MergedChannels);
            p.start(QStringLiteral("/usr/bin/python3"),
                    QStringList{QStringLiteral(REGIONDESK_OPEN311_SCHEMAS "/client_flow.py"),
                                m_server->baseUrl(), QStringLiteral("demo-open311-key")} +
                        extra);
            const bool done = p.waitForFinished(60000);
            const QString out = QString::fromUtf8(p.readAll());
            [&] {
                QVERIFY2(done && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0,
                         qPrintable(out));
            }();
            return out;
        };
        const QString out = run({});
        const auto m = QRegularExpression(QStringLiteral(R"(posted (\d+))")).match(out);
        QVERIFY2(m.hasMatch(), qPrintable(out));
        publishAndSolve(m.captured(1).toLongLong(), QStringLiteral("Яму у остановки заделали."));
        run({QStringLiteral("follow"), m.captured(1)});
    }
};

QTEST_GUILESS_MAIN(TestOpen311Filing)
#include "tst_open311filing.moc"
