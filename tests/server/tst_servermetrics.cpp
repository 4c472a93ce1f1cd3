// GET /metrics: Prometheus text format 0.0.4 that a strict parser reads;
// request counts by route template, method and status class that move by
// exactly the requests made; latency histograms that hold their
// invariants; sign-in failures, lockouts and throttled sign-ins; feed lag;
// open connections and the worker queue; who may read it (this machine
// without a token; with one, whoever sends it); no id, login or address in
// any label. Runs on SQLite (tst_servermetrics) and PostgreSQL (…_pg).

#include "PromText.h"
#include "RawHttp.h"
#include "TestServer.h"

#include <QNetworkInterface>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using rd::test::HttpResult;
using rd::test::PromText;
using rd::test::RawHttp;
using rd::test::RawResponse;
using rd::test::TestServer;

namespace {

using Labels = QMap<QString, QString>;

const QByteArray ContentType = "text/plain; version=0.0.4; charset=utf-8";

// The route templates docs/api.md lists: the only values "route" may take.
const QSet<QString> &routeTemplates()
{
    static const QSet<QString> set{
        QStringLiteral("other"),
        QStringLiteral("/healthz"),
        QStringLiteral("/metrics"),
        QStringLiteral("/api/v1/session"),
        QStringLiteral("/api/v1/catalogue"),
        QStringLiteral("/api/v1/geography"),
        QStringLiteral("/api/v1/changes"),
        QStringLiteral("/api/v1/complaints/{id}"),
        QStringLiteral("/api/v1/complaints/{id}/history"),
        QStringLiteral("/api/v1/complaints/{id}/actions"),
        QStringLiteral("/api/v1/complaints/{id}/photos"),
        QStringLiteral("/api/v1/media/{photo_id}"),
        QStringLiteral("/api/v1/citizen/complaints/{id}/vote"),
        QStringLiteral("/api/v1/citizen/complaints/{id}/confirm"),
        QStringLiteral("/api/v1/citizen/complaints/{id}/contest"),
        QStringLiteral("/api/v1/_test/{hook}"),
        QStringLiteral("/open311/discovery.{format}"),
        QStringLiteral("/open311/v2/discovery.{format}"),
        QStringLiteral("/open311/v2/services.{format}"),
        QStringLiteral("/open311/v2/services/{service_code}.{format}"),
        QStringLiteral("/open311/v2/requests.{format}"),
        QStringLiteral("/open311/v2/requests/{id}.{format}"),
        QStringLiteral("/open311/v2/servicerequestupdates.{format}"),
        QStringLiteral("/open311/v2/media/{id}"),
    };
    return set;
}

Labels requestLabels(const QString &route, const QString &method, const QString &status)
{
    return {{QStringLiteral("route"), route},
            {QStringLiteral("method"), method},
            {QStringLiteral("status"), status}};
}

// A non-loopback address of this machine (the metrics' "outside").
QHostAddress outsideAddress()
{
    for (const QHostAddress &a : QNetworkInterface::allAddresses()) {
        if (!a.isLoopback() && a.protocol() == QAbstractSocket::IPv4Protocol && !a.isLinkLocal())
            return a;
    }
    return {};
}

QByteArray rawGet(const QByteArray &path, const QByteArray &headers = {})
{
    return "GET " + path + " HTTP/1.1\r\nHost: test\r\n" + headers + "\r\n";
}

} // namespace

class TestServerMetrics : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<RawHttp> m_scraper; // one kept-alive connection from 127.0.0.1
    QByteArray m_clerk;
    QList<qint64> m_clerkIds; // complaints in the clerk's scope
    QTemporaryDir m_dir;

    // A scrape over m_scraper, checked: 200, the format's content type, parses.
    bool scrape(PromText *out, QString *why)
    {
        m_scraper->send(rawGet("/metrics"));
        const std::optional<RawResponse> r = m_scraper->read(20000);
        if (!r || r->status != 200 || r->header("content-type") != ContentType) {
            *why = QStringLiteral("scrape: status %1, type %2")
                       .arg(r ? r->status : 0)
                       .arg(QString::fromLatin1(r ? r->header("content-type") : QByteArray()));
            return false;
        }
        const auto parsed = rd::test::parseProm(r->body, why);
        if (!parsed)
            return false;
        *out = *parsed;
        return true;
    }

    // TLS key and certificate valid for 127.0.0.1 and the outside address.
    bool makeCertificate(const QString &cert, const QString &key, const QHostAddress &outside)
    {
        return QProcess::execute(
                   QStringLiteral("openssl"),
                   {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                    QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                    QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                    QStringLiteral("-addext"),
                    QStringLiteral("subjectAltName=IP:127.0.0.1,IP:%1").arg(outside.toString()),
                    QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert}) == 0;
    }

    // GET /metrics at host (127.0.0.1 or the outside address) over HTTPS.
    HttpResult tlsGet(TestServer &server, const QHostAddress &host, const QByteArray &auth = {})
    {
        QNetworkAccessManager manager;
        QNetworkRequest request(
            QUrl(QStringLiteral("https://%1:%2/metrics").arg(host.toString()).arg(server.port())));
        QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
        trusting.setCaCertificates(trusting.caCertificates() +
                                   QSslCertificate::fromPath(m_dir.filePath("cert.pem")));
        request.setSslConfiguration(trusting);
        request.setTransferTimeout(30000);
        if (!auth.isEmpty())
            request.setRawHeader("Authorization", auth);
        QNetworkReply *reply = manager.get(request);
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            done.wait(30000);
        HttpResult r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.error = reply->error();
        r.body = reply->readAll();
        r.headers = reply->rawHeaderPairs();
        delete reply;
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // One worker, so the queue test can make requests wait; two failed
        // sign-ins lock a login.
        m_server = std::make_unique<TestServer>(
            100, QStringList{QStringLiteral("--workers"), QStringLiteral("1"),
                             QStringLiteral("--signin-failures-per-login"), QStringLiteral("2")});
        QVERIFY(m_server->isRunning());
        m_scraper = std::make_unique<RawHttp>(m_server->port());
        QVERIFY(m_scraper->isOpen());
        m_clerk = m_server->signIn(QStringLiteral("clerk"));
        QVERIFY(!m_clerk.isEmpty());
        for (const QJsonObject &r : m_server->pullAll(m_clerk).records)
            m_clerkIds.append(r.value(QStringLiteral("id")).toInteger());
        QVERIFY(m_clerkIds.size() >= 6);
    }

    void theFormatIsStrictAndEveryFamilyIsThere()
    {
        PromText m;
        QString why;
        QVERIFY2(scrape(&m, &why), qPrintable(why));
        const QHash<QString, QString> expected{
            {QStringLiteral("regiondesk_http_requests_total"), QStringLiteral("counter")},
            {QStringLiteral("regiondesk_http_request_duration_seconds"),
             QStringLiteral("histogram")},
            {QStringLiteral("regiondesk_http_open_connections"), QStringLiteral("gauge")},
            {QStringLiteral("regiondesk_http_refused_connections_total"),
             QStringLiteral("counter")},
            {QStringLiteral("regiondesk_http_response_bytes_total"), QStringLiteral("counter")},
            {QStringLiteral("regiondesk_http_response_plain_bytes_total"),
             QStringLiteral("counter")},
            {QStringLiteral("regiondesk_worker_queue_depth"), QStringLiteral("gauge")},
            {QStringLiteral("regiondesk_signin_failures_total"), QStringLiteral("counter")},
            {QStringLiteral("regiondesk_signin_lockouts_total"), QStringLiteral("counter")},
            {QStringLiteral("regiondesk_signin_throttled_total"), QStringLiteral("counter")},
            {QStringLiteral("regiondesk_quota_refusals_total"), QStringLiteral("counter")},
            {QStringLiteral("regiondesk_feed_last_sequence"), QStringLiteral("gauge")},
            {QStringLiteral("regiondesk_feed_last_change_age_seconds"), QStringLiteral("gauge")},
            {QStringLiteral("regiondesk_feed_cursor_lag_changes"), QStringLiteral("histogram")},
            {QStringLiteral("regiondesk_store_up"), QStringLiteral("gauge")},
            {QStringLiteral("process_start_time_seconds"), QStringLiteral("gauge")},
        };
        for (auto it = expected.cbegin(); it != expected.cend(); ++it)
            QVERIFY2(m.types.value(it.key()) == it.value(), qPrintable(it.key()));
        QCOMPARE(m.types.size(), expected.size());
        QCOMPARE(m.value(QStringLiteral("regiondesk_store_up")), 1.0);
        QVERIFY(m.has(QStringLiteral("regiondesk_worker_queue_depth"),
                      {{QStringLiteral("pool"), QStringLiteral("worker")}}));
        QVERIFY(m.has(QStringLiteral("regiondesk_worker_queue_depth"),
                      {{QStringLiteral("pool"), QStringLiteral("sign-in")}}));

        // HEAD answers as GET, without the body; the format's type either way.
        m_scraper->send("HEAD /metrics HTTP/1.1\r\nHost: test\r\n\r\n");
        const auto head = m_scraper->read(10000, true);
        QVERIFY(head);
        QCOMPARE(head->status, 200);
        QCOMPARE(head->header("content-type"), ContentType);
        QCOMPARE(head->header("cache-control"), QByteArray("no-store"));
    }

    void requestCountsMoveByExactlyWhatWasServed()
    {
        PromText before;
        PromText after;
        QString why;
        QVERIFY2(scrape(&before, &why), qPrintable(why));
        const qint64 a = m_clerkIds[0];
        const qint64 b = m_clerkIds[1];
        QCOMPARE(m_server->get(QStringLiteral("/api/v1/complaints/%1").arg(a), m_clerk).status,
                 200);
        QCOMPARE(m_server->get(QStringLiteral("/api/v1/complaints/%1").arg(b), m_clerk).status,
                 200);
        QCOMPARE(m_server->get(QStringLiteral("/api/v1/complaints/987654321"), m_clerk).status,
                 404);
        QCOMPARE(
            m_server->get(QStringLiteral("/api/v1/complaints/%1/history").arg(a), m_clerk).status,
            200);
        QCOMPARE(m_server
                     ->request("POST", QStringLiteral("/api/v1/complaints/%1/history").arg(a), "{}",
                               {{"Authorization", "Bearer " + m_clerk}})
                     .status,
                 405);
        QCOMPARE(m_server->get(QStringLiteral("/api/v1/changes?limit=1"), m_clerk).status, 200);
        QCOMPARE(m_server->get(QStringLiteral("/api/v1/changes?limit=1"), m_clerk).status, 200);
        QCOMPARE(m_server->get(QStringLiteral("/api/v1/changes"), "not-a-token").status, 401);
        QCOMPARE(m_server->request("GET", QStringLiteral("/no/such/thing/%1").arg(a)).status, 404);
        QCOMPARE(m_server->request("GET", QStringLiteral("/api/v1/complaints/abc")).status, 401);
        QCOMPARE(m_server->request("GET", QStringLiteral("/healthz")).status, 200);
        QVERIFY2(scrape(&after, &why), qPrintable(why));

        const QString get = QStringLiteral("GET");
        QHash<QString, double> expected; // every series' delta: these, and 0 for the rest
        const auto add = [&](const QString &route, const QString &method, const char *status,
                             double n) {
            expected[route + QLatin1Char(' ') + method + QLatin1Char(' ') +
                     QLatin1String(status)] += n;
        };
        add(QStringLiteral("/api/v1/complaints/{id}"), get, "2xx", 2);
        add(QStringLiteral("/api/v1/complaints/{id}"), get, "4xx", 1);
        add(QStringLiteral("/api/v1/complaints/{id}/history"), get, "2xx", 1);
        add(QStringLiteral("/api/v1/complaints/{id}/history"), QStringLiteral("POST"), "4xx", 1);
        add(QStringLiteral("/api/v1/changes"), get, "2xx", 2);
        add(QStringLiteral("/api/v1/changes"), get, "4xx", 1);
        add(QStringLiteral("other"), get, "4xx", 2);
        add(QStringLiteral("/healthz"), get, "2xx", 1);
        add(QStringLiteral("/metrics"), get, "2xx", 1); // the first scrape
        const QString requests = QStringLiteral("regiondesk_http_requests_total");
        QHash<QString, double> perRoute;
        for (const auto &s : after.all(requests)) {
            const QString key = s.labels.value(QStringLiteral("route")) + QLatin1Char(' ') +
                                s.labels.value(QStringLiteral("method")) + QLatin1Char(' ') +
                                s.labels.value(QStringLiteral("status"));
            const double delta = s.value - before.value(requests, s.labels);
            QVERIFY2(
                delta == expected.value(key),
                qPrintable(
                    QStringLiteral("%1: %2, not %3").arg(key).arg(delta).arg(expected.value(key))));
            expected.remove(key);
            perRoute[s.labels.value(QStringLiteral("route"))] += delta;
        }
        QVERIFY2(expected.isEmpty(), qPrintable(QStringList(expected.keys()).join(", ")));

        // The latency histograms: cumulative buckets in order of le, +Inf
        // equal to the count, which moved as the route's requests did.
        const QString duration = QStringLiteral("regiondesk_http_request_duration_seconds");
        const QStringList bounds{"0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1",
                                 "0.25",  "0.5",    "1",     "2.5",  "5",     "10",   "+Inf"};
        QSet<QString> routes;
        for (const auto &s : after.all(duration + QStringLiteral("_count")))
            routes.insert(s.labels.value(QStringLiteral("route")));
        QVERIFY(routes.contains(QStringLiteral("/api/v1/complaints/{id}")));
        for (const QString &route : std::as_const(routes)) {
            const Labels r{{QStringLiteral("route"), route}};
            double previous = 0;
            for (const QString &le : bounds) {
                Labels labels = r;
                labels.insert(QStringLiteral("le"), le);
                QVERIFY2(after.has(duration + QStringLiteral("_bucket"), labels),
                         qPrintable(route + QLatin1Char(' ') + le));
                const double n = after.value(duration + QStringLiteral("_bucket"), labels);
                QVERIFY2(n >= previous, qPrintable(route + QLatin1Char(' ') + le));
                previous = n;
            }
            const double count = after.value(duration + QStringLiteral("_count"), r);
            QCOMPARE(previous, count);
            QCOMPARE(after.all(duration + QStringLiteral("_bucket")).size(),
                     routes.size() * bounds.size());
            QVERIFY(after.value(duration + QStringLiteral("_sum"), r) >= 0);
            QCOMPARE(count - before.value(duration + QStringLiteral("_count"), r),
                     perRoute.value(route));
            QVERIFY(after.value(duration + QStringLiteral("_sum"), r) >=
                    before.value(duration + QStringLiteral("_sum"), r));
        }
    }

    void labelsCarryNoIdsLoginsOrAddresses()
    {
        PromText m;
        QString why;
        QVERIFY2(scrape(&m, &why), qPrintable(why));
        const QSet<QString> methods{"GET",    "HEAD",  "POST",    "PUT",
                                    "DELETE", "PATCH", "OPTIONS", "other"};
        const QSet<QString> statuses{"1xx", "2xx", "3xx", "4xx", "5xx"};
        const QSet<QString> pools{"worker", "sign-in", "guesses", "bulk"};
        const QSet<QString> quotas{"upload_bytes", "unattached_uploads", "votes", "filings"};
        for (const auto &s : m.samples) {
            for (auto it = s.labels.cbegin(); it != s.labels.cend(); ++it) {
                const QString &v = it.value();
                const QString what = s.name + QLatin1Char(' ') + it.key() + QLatin1Char('=') + v;
                if (it.key() == QLatin1String("route"))
                    QVERIFY2(routeTemplates().contains(v), qPrintable(what));
                else if (it.key() == QLatin1String("method"))
                    QVERIFY2(methods.contains(v), qPrintable(what));
                else if (it.key() == QLatin1String("status"))
                    QVERIFY2(statuses.contains(v), qPrintable(what));
                else if (it.key() == QLatin1String("pool"))
                    QVERIFY2(pools.contains(v), qPrintable(what));
                else if (it.key() == QLatin1String("quota"))
                    QVERIFY2(quotas.contains(v), qPrintable(what));
                else if (it.key() == QLatin1String("coding"))
                    QVERIFY2(v == QLatin1String("identity") || v == QLatin1String("gzip"),
                             qPrintable(what));
                else
                    QVERIFY2(it.key() == QLatin1String("le") && rd::test::prom::number(v),
                             qPrintable(what));
            }
        }
        m_scraper->send(rawGet("/metrics"));
        const auto raw = m_scraper->read(20000);
        QVERIFY(raw);
        for (const QByteArray &secret :
             {QByteArray("clerk"), QByteArray("moderator"), QByteArray("127.0.0.1"), m_clerk,
              "/complaints/" + QByteArray::number(m_clerkIds[0])})
            QVERIFY2(!raw->body.contains(secret), secret.constData());
    }

    void signInFailuresLockoutsAndThrottlingAreCounted()
    {
        PromText before;
        PromText after;
        QString why;
        QVERIFY2(scrape(&before, &why), qPrintable(why));
        const QByteArray wrong = R"({"login": "supervisor", "password": "wrong"})";
        QCOMPARE(m_server->request("POST", QStringLiteral("/api/v1/session"), wrong).status, 401);
        QCOMPARE(m_server->request("POST", QStringLiteral("/api/v1/session"), wrong).status, 401);
        const HttpResult locked =
            m_server->request("POST", QStringLiteral("/api/v1/session"), wrong);
        QCOMPARE(locked.status, 429);
        QVERIFY2(scrape(&after, &why), qPrintable(why));
        const auto delta = [&](const char *name, const Labels &labels = {}) {
            return after.value(QLatin1String(name), labels) -
                   before.value(QLatin1String(name), labels);
        };
        QCOMPARE(delta("regiondesk_signin_failures_total"), 2.0);
        QCOMPARE(delta("regiondesk_signin_lockouts_total"), 1.0);
        QCOMPARE(delta("regiondesk_signin_throttled_total"), 1.0);
        QCOMPARE(delta("regiondesk_http_requests_total",
                       requestLabels(QStringLiteral("/api/v1/session"), QStringLiteral("POST"),
                                     QStringLiteral("4xx"))),
                 3.0);
        // The refusal is held back a second: its latency shows it.
        const QString bucket = QStringLiteral("regiondesk_http_request_duration_seconds_bucket");
        const QString route = QStringLiteral("/api/v1/session");
        QCOMPARE(delta(qPrintable(bucket), {{QStringLiteral("route"), route},
                                            {QStringLiteral("le"), QStringLiteral("+Inf")}}),
                 3.0);
        QVERIFY(delta(qPrintable(bucket), {{QStringLiteral("route"), route},
                                           {QStringLiteral("le"), QStringLiteral("1")}}) <= 2.0);
    }

    void feedLagAndTheNewestChange()
    {
        PromText before;
        QString why;
        QVERIFY2(scrape(&before, &why), qPrintable(why));
        const double last = before.value(QStringLiteral("regiondesk_feed_last_sequence"));
        QVERIFY(last >= 100);
        // From the start (every change behind), then from where that left off (none).
        const HttpResult first =
            m_server->get(QStringLiteral("/api/v1/changes?limit=2000"), m_clerk);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.json().value(QStringLiteral("more")).toBool(), false);
        const QString cursor = first.json().value(QStringLiteral("cursor")).toString();
        QCOMPARE(m_server->get(QStringLiteral("/api/v1/changes?cursor=") + cursor, m_clerk).status,
                 200);
        PromText after;
        QVERIFY2(scrape(&after, &why), qPrintable(why));
        const QString lag = QStringLiteral("regiondesk_feed_cursor_lag_changes");
        const auto delta = [&](const QString &name, const Labels &labels = {}) {
            return after.value(name, labels) - before.value(name, labels);
        };
        QCOMPARE(delta(lag + QStringLiteral("_count")), 2.0);
        QCOMPARE(delta(lag + QStringLiteral("_sum")), last);
        QCOMPARE(delta(lag + QStringLiteral("_bucket"), {{QStringLiteral("le"), "0"}}), 1.0);
        QCOMPARE(delta(lag + QStringLiteral("_bucket"), {{QStringLiteral("le"), "10"}}), 1.0);
        QCOMPARE(delta(lag + QStringLiteral("_bucket"), {{QStringLiteral("le"), "+Inf"}}), 2.0);

        // A change: the sequence moves by one; two minutes later it is two minutes old.
        const QJsonObject record = m_server->complaint(m_clerkIds[2], m_clerk);
        const HttpResult note = m_server->act(
            m_clerkIds[2],
            {{QStringLiteral("action"), QStringLiteral("note")},
             {QStringLiteral("text"), QStringLiteral("Проверка метрик.")},
             {QStringLiteral("base_version"), record.value(QStringLiteral("version"))}},
            m_clerk);
        QCOMPARE(note.status, 200);
        m_server->hook(QStringLiteral("advance-clock"), {{QStringLiteral("seconds"), 120}});
        PromText later;
        QVERIFY2(scrape(&later, &why), qPrintable(why));
        QCOMPARE(later.value(QStringLiteral("regiondesk_feed_last_sequence")), last + 1);
        const double age = later.value(QStringLiteral("regiondesk_feed_last_change_age_seconds"));
        QVERIFY2(age >= 120 && age < 180, qPrintable(QString::number(age)));
    }

    void openConnectionsAndTheWorkerQueue()
    {
        PromText before;
        QString why;
        QVERIFY2(scrape(&before, &why), qPrintable(why));
        const QString open = QStringLiteral("regiondesk_http_open_connections");
        {
            std::vector<std::unique_ptr<RawHttp>> held;
            for (int i = 0; i < 3; ++i) {
                held.push_back(
                    std::make_unique<RawHttp>(m_server->port(), QHostAddress("127.0.0.3")));
                held.back()->send(rawGet("/healthz"));
                const auto r = held.back()->read();
                QVERIFY(r && r->status == 200);
            }
            PromText during;
            QVERIFY2(scrape(&during, &why), qPrintable(why));
            QCOMPARE(during.value(open) - before.value(open), 3.0);
        }
        const double baseline = before.value(open);
        PromText closed;
        QTRY_VERIFY_WITH_TIMEOUT(scrape(&closed, &why) && closed.value(open) == baseline, 10000);

        // One worker, each write held 1.5 s: three actions from one client,
        // then a scrape from another, which is served (fair turns) while the
        // third action still waits.
        QList<QJsonObject> records;
        for (int i = 0; i < 3; ++i)
            records.append(m_server->complaint(m_clerkIds[3 + i], m_clerk));
        m_server->hook(QStringLiteral("hold-commits"), {{QStringLiteral("ms"), 1500}});
        std::vector<std::unique_ptr<RawHttp>> actions;
        for (int i = 0; i < 3; ++i) {
            const qint64 id = m_clerkIds[3 + i];
            const QJsonObject &record = records[i];
            const QByteArray body =
                QJsonDocument(QJsonObject{{QStringLiteral("action"), QStringLiteral("note")},
                                          {QStringLiteral("text"), QStringLiteral("Очередь.")},
                                          {QStringLiteral("base_version"),
                                           record.value(QStringLiteral("version"))}})
                    .toJson(QJsonDocument::Compact);
            actions.push_back(
                std::make_unique<RawHttp>(m_server->port(), QHostAddress("127.0.0.4")));
            actions.back()->send("POST /api/v1/complaints/" + QByteArray::number(id) +
                                 "/actions HTTP/1.1\r\nHost: test\r\nAuthorization: Bearer " +
                                 m_clerk + "\r\nIdempotency-Key: queue-test-" +
                                 QByteArray::number(i) +
                                 "\r\nContent-Type: application/json\r\nContent-Length: " +
                                 QByteArray::number(body.size()) + "\r\n\r\n" + body);
        }
        QTest::qWait(400);
        PromText queued;
        const bool scraped = scrape(&queued, &why);
        for (auto &a : actions) {
            const auto r = a->read(20000);
            QVERIFY(r && r->status == 200);
        }
        m_server->hook(QStringLiteral("hold-commits"), {{QStringLiteral("ms"), 0}});
        QVERIFY2(scraped, qPrintable(why));
        QCOMPARE(queued.value(QStringLiteral("regiondesk_worker_queue_depth"),
                              {{QStringLiteral("pool"), QStringLiteral("worker")}}),
                 1.0);
    }

    void proxiedAndWrongMethodRequestsAreRefused()
    {
        RawHttp raw(m_server->port());
        raw.send(rawGet("/metrics", "X-Forwarded-For: 203.0.113.9\r\n"));
        auto r = raw.read();
        QVERIFY(r);
        QCOMPARE(r->status, 403);
        QVERIFY(r->body.contains("\"forbidden\""));
        raw.send(rawGet("/metrics", "Forwarded: for=203.0.113.9\r\n"));
        r = raw.read();
        QVERIFY(r);
        QCOMPARE(r->status, 403);
        raw.send("POST /metrics HTTP/1.1\r\nHost: test\r\nContent-Length: 0\r\n\r\n");
        r = raw.read();
        QVERIFY(r);
        QCOMPARE(r->status, 405);
        QCOMPARE(r->header("allow"), QByteArray("GET, HEAD"));
    }

    void fromOutsideOnlyWithTheToken()
    {
        const QHostAddress outside = outsideAddress();
        QVERIFY2(!outside.isNull(), "this test needs a non-loopback IPv4 address on the machine");
        const QString cert = m_dir.filePath(QStringLiteral("cert.pem"));
        const QString key = m_dir.filePath(QStringLiteral("key.pem"));
        QVERIFY(makeCertificate(cert, key, outside));
        const QStringList tls{QStringLiteral("--bind"),     QStringLiteral("0.0.0.0"),
                              QStringLiteral("--tls-cert"), cert,
                              QStringLiteral("--tls-key"),  key};

        // No token: this machine only.
        {
            TestServer server(30, tls);
            QVERIFY(server.isRunning());
            HttpResult r = tlsGet(server, outside);
            QCOMPARE(r.status, 403);
            QCOMPARE(r.errorCode(), QStringLiteral("forbidden"));
            r = tlsGet(server, QHostAddress::LocalHost);
            QCOMPARE(r.status, 200);
            QCOMPARE(r.header("content-type"), ContentType);
        }

        // A token: whoever sends it, from anywhere; nobody without it.
        const QByteArray token = "m3tr1cs-" + QByteArray(24, 'k');
        QFile file(m_dir.filePath(QStringLiteral("metrics.token")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(token + '\n');
        file.close();
        TestServer server(
            30, tls + QStringList{QStringLiteral("--metrics-token-file"), file.fileName()});
        QVERIFY(server.isRunning());
        HttpResult r = tlsGet(server, QHostAddress::LocalHost);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), QStringLiteral("unauthorized"));
        QCOMPARE(r.header("www-authenticate"), QByteArray("Bearer realm=\"metrics\""));
        QCOMPARE(tlsGet(server, outside, "Bearer wrong-" + token).status, 401);
        QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
        trusting.setCaCertificates(trusting.caCertificates() + QSslCertificate::fromPath(cert));
        server.setSslConfiguration(trusting);
        const QByteArray session = server.signIn(QStringLiteral("chief"));
        QVERIFY(!session.isEmpty());
        QCOMPARE(tlsGet(server, outside, "Bearer " + session).status, 401);
        r = tlsGet(server, outside, "Bearer " + token);
        QCOMPARE(r.status, 200);
        QString why;
        QVERIFY2(rd::test::parseProm(r.body, &why), qPrintable(why));
    }
};

QTEST_GUILESS_MAIN(TestServerMetrics)
#include "tst_servermetrics.moc"
