// Open311 GeoReport v2 reads, as a city's 311 app makes them: every answer
// in XML and JSON validated against the specification's schemas by
// xmllint and python3-jsonschema (Open311Check.h); parameters encoded as
// HTTP libraries encode them and as people type them; the windows, the
// id lists and the pages of the specification and its extension; what is
// public and what is not.

#include "ApiJson.h"
#include "Open311Check.h"
#include "TestServer.h"
#include "TestSupport.h"

#include <QSet>
#include <QTest>
#include <QUrl>

using rd::test::HttpResult;
using rd::test::TestServer;
using rd::test::xmlRecords;
namespace ApiJson = rd::ApiJson;

namespace {

QString encoded(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QStringList ids(const HttpResult &json)
{
    QStringList out;
    for (const QJsonValue &v : json.array())
        out.append(str(v.toObject(), "service_request_id"));
    return out;
}

} // namespace

class TestOpen311 : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    QList<QJsonObject> m_all; // every complaint, as the moderator sees it

    HttpResult get(const QString &path, const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return m_server->request("GET", QStringLiteral("/open311/") + path, {}, headers);
    }
    QList<QJsonObject> inState(const char *state)
    {
        QList<QJsonObject> out;
        for (const QJsonObject &c : std::as_const(m_all))
            if (str(c, "state") == QLatin1String(state))
                out.append(c);
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Every answer is checked by xmllint and Debian's python3 with jsonschema
        // (Open311Check.h).
        RD_REQUIRE_TOOL(xmllint, "xmllint", "libxml2-utils");
        RD_REQUIRE_TOOL(python, "/usr/bin/python3", "python3-jsonschema");
        m_server = std::make_unique<TestServer>(
            1500, QStringList{QStringLiteral("--public-url"),
                              QStringLiteral("https://311.example.org/city")});
        QVERIFY(m_server->isRunning());
        m_all = m_server->pullAll(m_server->signIn(QStringLiteral("moderator"))).records;
        QVERIFY(m_all.size() == 1500);
    }

    // Every endpoint answers both formats, each valid against its schema.
    void everyEndpointBothFormats_data()
    {
        QTest::addColumn<QString>("path"); // without the format
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("status");
        QTest::newRow("discovery") << "discovery"
                                   << "discovery" << 200;
        QTest::newRow("v2 discovery") << "v2/discovery"
                                      << "discovery" << 200;
        QTest::newRow("services") << "v2/services"
                                  << "services" << 200;
        QTest::newRow("service definition") << "v2/services/potholes"
                                            << "service_definition" << 200;
        QTest::newRow("unknown service") << "v2/services/teleport"
                                         << "errors" << 404;
        QTest::newRow("requests") << "v2/requests"
                                  << "requests" << 200;
        QTest::newRow("open requests") << "v2/requests?status=open"
                                       << "requests" << 200;
        QTest::newRow("closed requests")
            << "v2/requests?status=closed&service_code=potholes,lighting"
            << "requests" << 200;
        QTest::newRow("unknown request") << "v2/requests/987654321"
                                         << "errors" << 404;
        QTest::newRow("not a request id") << "v2/requests/abc"
                                          << "errors" << 404;
        QTest::newRow("bad status") << "v2/requests?status=maybe"
                                    << "errors" << 400;
        QTest::newRow("bad date") << "v2/requests?start_date=yesterday"
                                  << "errors" << 400;
        QTest::newRow("bad id list") << "v2/requests?service_request_id=1,x"
                                     << "errors" << 400;
        QTest::newRow("unknown service_code") << "v2/requests?service_code=teleport"
                                              << "errors" << 404;
        QTest::newRow("bad page") << "v2/requests?page=0"
                                  << "errors" << 400;
        QTest::newRow("bad page_size") << "v2/requests?page_size=1001"
                                       << "errors" << 400;
        QTest::newRow("updates") << "v2/servicerequestupdates"
                                 << "updates" << 200;
        QTest::newRow("bad updates date") << "v2/servicerequestupdates?end_date=soon"
                                          << "errors" << 400;
        QTest::newRow("no such endpoint") << "v2/tokens/abc"
                                          << "errors" << 404;
    }
    void everyEndpointBothFormats()
    {
        QFETCH(QString, path);
        QFETCH(QString, kind);
        QFETCH(int, status);
        const qsizetype q = path.indexOf(QLatin1Char('?'));
        const QString query = q < 0 ? QString() : path.mid(q);
        const QString bare = q < 0 ? path : path.left(q);
        const HttpResult xml = get(bare + QStringLiteral(".xml") + query);
        QCOMPARE(xml.status, status);
        QVERIFY_OPEN311(xml, qPrintable(kind), true);
        const HttpResult json = get(bare + QStringLiteral(".json") + query);
        QCOMPARE(json.status, status);
        QVERIFY_OPEN311(json, qPrintable(kind), false);
        if (kind == QLatin1String("requests")) {
            // The same records in both formats.
            QStringList fromXml;
            for (const auto &r : xmlRecords(xml.body, QStringLiteral("request")))
                fromXml.append(r.value(QStringLiteral("service_request_id")));
            QCOMPARE(fromXml, ids(json));
            QVERIFY(!fromXml.isEmpty());
        }
    }

    void wrongMethodAndNoFormat()
    {
        const HttpResult put =
            m_server->request("PUT", QStringLiteral("/open311/v2/services.xml"), "x");
        QCOMPARE(put.status, 405);
        QVERIFY_OPEN311(put, "errors", true);
        const HttpResult bare = get(QStringLiteral("v2/services"));
        QCOMPARE(bare.status, 404);
        QVERIFY_OPEN311(bare, "errors", false);
    }

    // Links come from --public-url, whatever Host the caller sends.
    void linksFromConfigurationNotHost()
    {
        const QList<QPair<QByteArray, QByteArray>> evil{{"Host", "evil.example"}};
        const HttpResult d = get(QStringLiteral("discovery.json"), evil);
        QCOMPARE(d.json()
                     .value(QStringLiteral("endpoints"))
                     .toArray()[0]
                     .toObject()
                     .value(QStringLiteral("url"))
                     .toString(),
                 QStringLiteral("https://311.example.org/city/open311/v2"));
        const HttpResult r = get(QStringLiteral("v2/requests.json"), evil);
        int links = 0;
        for (const QJsonValue &v : r.array()) {
            const QString media = str(v.toObject(), "media_url");
            if (media.isEmpty())
                continue;
            ++links;
            QVERIFY2(media.startsWith(QLatin1String("https://311.example.org/city/open311/v2/"
                                                    "media/")),
                     qPrintable(media));
            // And the photo is there, under the server's own path.
            const QString path = QUrl(media).path().mid(QStringLiteral("/city").size());
            const HttpResult photo = m_server->request("GET", path);
            QCOMPARE(photo.status, 200);
            QCOMPARE(photo.header("x-content-type-options"), QByteArray("nosniff"));
        }
        QVERIFY(links > 0);
        QVERIFY(!r.body.contains("evil.example"));
    }

    // Encoded by an HTTP library (%2C, %3A, %2B) or typed by hand: the same.
    void parametersEncodedOrNot_data()
    {
        QTest::addColumn<QString>("form"); // {a}, {b}: two request ids
        QTest::newRow("plain") << "service_request_id={a},{b}";
        QTest::newRow("percent-encoded comma") << "service_request_id={a}%2C{b}";
        QTest::newRow("space after the comma, as +") << "service_request_id={a},+{b}";
        QTest::newRow("space after the comma, as %20") << "service_request_id={a}%2C%20{b}";
        QTest::newRow("lower-case escape") << "service_request_id={a}%2c{b}";
        QTest::newRow("encoded name") << "service%5Frequest%5Fid={a}%2C{b}";
        QTest::newRow("with other filters ignored")
            << "service_request_id={a},{b}&status=maybe&start_date=nonsense&page=0";
    }
    void parametersEncodedOrNot()
    {
        QFETCH(QString, form);
        const QList<QJsonObject> published = inState("published");
        QVERIFY(published.size() >= 2);
        const QString a = QString::number(published[0].value(QStringLiteral("id")).toInteger());
        const QString b = QString::number(published[1].value(QStringLiteral("id")).toInteger());
        QString query = form;
        query.replace(QStringLiteral("{a}"), a).replace(QStringLiteral("{b}"), b);
        for (const bool xml : {false, true}) {
            const HttpResult r =
                get(QStringLiteral("v2/requests.%1?").arg(xml ? "xml" : "json") + query);
            QCOMPARE(r.status, 200);
            QVERIFY_OPEN311(r, "requests", xml);
            QStringList got;
            if (xml) {
                for (const auto &rec : xmlRecords(r.body, QStringLiteral("request")))
                    got.append(rec.value(QStringLiteral("service_request_id")));
            } else {
                got = ids(r);
            }
            QCOMPARE(got, (QStringList{a, b}));
        }
    }

    void datesEncodedOrNot_data()
    {
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("end");
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString from = now.addDays(-20).toString(Qt::ISODate); // …Z
        const QString to = now.addDays(1).toString(Qt::ISODate);
        const QString fromOmsk =
            now.addDays(-20).toOffsetFromUtc(6 * 3600).toString(Qt::ISODate); // …+06:00
        const QString toOmsk = now.addDays(1).toOffsetFromUtc(6 * 3600).toString(Qt::ISODate);
        QTest::newRow("plain Z") << from << to;
        QTest::newRow("encoded Z") << encoded(from) << encoded(to);
        QTest::newRow("encoded +06:00") << encoded(fromOmsk) << encoded(toOmsk);
        QTest::newRow("unencoded +06:00 (a space)") << fromOmsk << toOmsk;
    }
    void datesEncodedOrNot()
    {
        QFETCH(QString, start);
        QFETCH(QString, end);
        const HttpResult reference = get(
            QStringLiteral("v2/requests.json?start_date=%1&end_date=%2")
                .arg(encoded(QDateTime::currentDateTimeUtc().addDays(-20).toString(Qt::ISODate)),
                     encoded(QDateTime::currentDateTimeUtc().addDays(1).toString(Qt::ISODate))));
        QCOMPARE(reference.status, 200);
        QVERIFY(!reference.array().isEmpty());
        const HttpResult r =
            get(QStringLiteral("v2/requests.xml?start_date=%1&end_date=%2").arg(start, end));
        QVERIFY2(r.status == 200, r.body.constData());
        QVERIFY_OPEN311(r, "requests", true);
        QStringList got;
        for (const auto &rec : xmlRecords(r.body, QStringLiteral("request")))
            got.append(rec.value(QStringLiteral("service_request_id")));
        // Within a second of each other: the same records, give or take the
        // edges of the window.
        const QStringList referenceIds = ids(reference);
        const QSet<QString> expected(referenceIds.begin(), referenceIds.end());
        const QSet<QString> actual(got.begin(), got.end());
        QVERIFY((expected - actual).size() <= 1 && (actual - expected).size() <= 1);
        QVERIFY(actual.size() > 10);
    }

    // The windows of the specification: at most 90 days; one end alone
    // means the 90 days from it or before it.
    void dateWindows()
    {
        const auto filedTimes = [&](const QString &query) {
            const HttpResult r = get(QStringLiteral("v2/requests.json?page_size=1000&") + query);
            [&] { QVERIFY2(r.status == 200, r.body.constData()); }();
            QList<QDateTime> out;
            for (const QJsonValue &v : r.array())
                out.append(*ApiJson::parseTime(str(v.toObject(), "requested_datetime")));
            return out;
        };
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QDateTime end = now.addDays(-100);
        const QList<QDateTime> before =
            filedTimes(QStringLiteral("end_date=") + encoded(ApiJson::formatTime(end)));
        QVERIFY(!before.isEmpty());
        for (const QDateTime &t : before)
            QVERIFY(t <= end && t >= end.addDays(-90));
        const QDateTime start = now.addDays(-300);
        const QList<QDateTime> after =
            filedTimes(QStringLiteral("start_date=") + encoded(ApiJson::formatTime(start)));
        QVERIFY(!after.isEmpty());
        for (const QDateTime &t : after)
            QVERIFY(t >= start && t <= start.addDays(90));
        for (const QDateTime &t : filedTimes(QString()))
            QVERIFY(t >= now.addDays(-90).addSecs(-60));
        const auto status = [&](const QDateTime &from, const QDateTime &to) {
            return get(QStringLiteral("v2/requests.xml?start_date=%1&end_date=%2")
                           .arg(encoded(ApiJson::formatTime(from)),
                                encoded(ApiJson::formatTime(to))))
                .status;
        };
        QCOMPARE(status(now.addDays(-91), now), 400);
        QCOMPARE(status(now, now.addDays(-1)), 400);
        QCOMPARE(status(now.addDays(-90), now), 200);
    }

    // page and page_size, as Chicago, Boston and others do it.
    void pagination()
    {
        const auto page = [&](int n, int size) {
            return ids(
                get(QStringLiteral("v2/requests.json?page=%1&page_size=%2").arg(n).arg(size)));
        };
        const QStringList first = page(1, 5);
        const QStringList second = page(2, 5);
        QCOMPARE(first.size(), 5);
        QCOMPARE(second.size(), 5);
        QCOMPARE(first + second, page(1, 10));
        const HttpResult xml = get(QStringLiteral("v2/requests.xml?page=2&page_size=5"));
        QVERIFY_OPEN311(xml, "requests", true);
        QCOMPARE(xmlRecords(xml.body, QStringLiteral("request")).size(), 5);
        QVERIFY(page(100, 1000).isEmpty());
        QCOMPARE(get(QStringLiteral("v2/requests.json?page=102&page_size=1000")).status, 400);
    }

    // Only what went through publish is public in full. Duplicates and
    // rejected complaints never did: by number, a reduced form without
    // text, place or photo; never in a listing; their photos 404.
    void onlyPublishedIsPublic_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("status");
        QTest::newRow("duplicate") << "duplicate"
                                   << "closed";
        QTest::newRow("rejected") << "rejected"
                                  << "closed";
        QTest::newRow("moderation") << "moderation"
                                    << "open";
    }
    void onlyPublishedIsPublic()
    {
        QFETCH(QString, state);
        QFETCH(QString, status);
        const QList<QJsonObject> hidden = inState(qPrintable(state));
        QVERIFY(!hidden.isEmpty());
        const QJsonObject c = hidden.first();
        const qint64 id = c.value(QStringLiteral("id")).toInteger();
        for (const bool xml : {false, true}) {
            const HttpResult r =
                get(QStringLiteral("v2/requests/%1.%2").arg(id).arg(xml ? "xml" : "json"));
            QCOMPARE(r.status, 200);
            QVERIFY_OPEN311(r, "requests", xml);
            QVERIFY(!r.body.contains(str(c, "text").left(40).toUtf8()));
            QVERIFY(!r.body.contains(str(c, "address").toUtf8()));
        }
        const QJsonObject reduced =
            get(QStringLiteral("v2/requests/%1.json").arg(id)).array()[0].toObject();
        QCOMPARE(str(reduced, "status"), status);
        QVERIFY(reduced.value(QStringLiteral("description")).isNull());
        QVERIFY(reduced.value(QStringLiteral("lat")).isNull());
        QVERIFY(reduced.value(QStringLiteral("media_url")).isNull());
        if (state == QLatin1String("duplicate"))
            QVERIFY(str(reduced, "status_notes")
                        .contains(
                            QString::number(c.value(QStringLiteral("duplicate_of")).toInteger())));
        // Never in a listing of the window it was filed in.
        const QDateTime filed = *ApiJson::parseTime(str(c, "created_at"));
        const QStringList listed =
            ids(get(QStringLiteral("v2/requests.json?start_date=%1&end_date=%2")
                        .arg(encoded(ApiJson::formatTime(filed.addSecs(-60))),
                             encoded(ApiJson::formatTime(filed.addSecs(60))))));
        QVERIFY(!listed.contains(QString::number(id)));
        for (const QJsonValue &p : c.value(QStringLiteral("photos")).toArray())
            QCOMPARE(get(QStringLiteral("v2/media/") + str(p.toObject(), "id")).status, 404);
    }

    // The mapping of docs/api.md: open for published, in progress and
    // contested; the answer as status_notes; a deadline as
    // expected_datetime.
    void statesAndAnswers()
    {
        for (const QJsonObject &c : inState("in_progress").mid(0, 3)) {
            const QJsonObject r = get(QStringLiteral("v2/requests/%1.json")
                                          .arg(c.value(QStringLiteral("id")).toInteger()))
                                      .array()[0]
                                      .toObject();
            QCOMPARE(str(r, "status"), QStringLiteral("open"));
            QCOMPARE(str(r, "status_notes"),
                     str(c.value(QStringLiteral("answer")).toObject(), "text"));
            QVERIFY(ApiJson::parseTime(str(r, "expected_datetime")));
        }
        for (const char *closed : {"solved", "refused", "confirmed"}) {
            const QList<QJsonObject> list = inState(closed);
            QVERIFY(!list.isEmpty());
            const QJsonObject r = get(QStringLiteral("v2/requests/%1.json")
                                          .arg(list[0].value(QStringLiteral("id")).toInteger()))
                                      .array()[0]
                                      .toObject();
            QCOMPARE(str(r, "status"), QStringLiteral("closed"));
            QVERIFY(!str(r, "status_notes").isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestOpen311)
#include "tst_open311.moc"
