// scripts/bench server: the reference server on loopback with 100 000 demo
// complaints. Prints the full changes feed (time, pages/s), a page's bytes
// plain and gzip-coded (docs/api.md, "Compression"), the latency of
// an empty incremental pull and of an action, a run of 50 clients polling
// at once (p50/p99), and the load run of issue 19 (ServerLoad.h: desks,
// actions, first syncs and sign-ins among hostile clients; its length in
// seconds from REGIONDESK_BENCH_LOAD_SECONDS, default 60) on SQLite, then
// on PostgreSQL with one server process and with two.

#include "BenchReport.h"
#include "BenchServer.h"
#include "ServerLoad.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUuid>

#include <algorithm>
#include <vector>

using rd::bench::BenchReport;
using rd::bench::BenchServer;

namespace {

struct Client
{
    QNetworkAccessManager manager;
    QString base;
    QByteArray token;

    QByteArray acceptEncoding; // set: sent as it is, and the body left coded

    QNetworkReply *send(const QByteArray &method, const QString &path, const QByteArray &body = {},
                        const QByteArray &key = {})
    {
        QNetworkRequest request(QUrl(base + path));
        if (!acceptEncoding.isEmpty())
            request.setRawHeader("Accept-Encoding", acceptEncoding);
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token);
        request.setRawHeader("Content-Type", "application/json");
        if (!key.isEmpty())
            request.setRawHeader("Idempotency-Key", key);
        return manager.sendCustomRequest(request, method, body);
    }
    QByteArray call(const QByteArray &method, const QString &path, const QByteArray &body = {},
                    const QByteArray &key = {}, int *status = nullptr)
    {
        QNetworkReply *reply = send(method, path, body, key);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        if (status)
            *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray data = reply->readAll();
        reply->deleteLater();
        return data;
    }
};

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * double(values.size())))];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    BenchReport report("server");
    const int count = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 100'000;

    BenchServer server;
    QElapsedTimer timer;
    timer.start();
    if (!server.start(count))
        return 2;
    report.note(QStringLiteral("server filled with %1 demo complaints in %2 s")
                    .arg(count)
                    .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1));
    Client client;
    client.base = server.baseUrl();
    // Plain, as the desk asks a server on its own machine: the server's own
    // throughput; what gzip costs and saves is measured on its own below.
    client.acceptEncoding = "identity";
    client.token = QJsonDocument::fromJson(client.call("POST", QStringLiteral("/api/v1/session"),
                                                       R"({"login":"chief","password":"demo"})"))
                       .object()
                       .value(QStringLiteral("token"))
                       .toString()
                       .toLatin1();

    // The whole feed, as a first sync fetches it: the server's time and the
    // transfer. The cursor and the more-flag head each page, so the client
    // reads them without parsing the page; parsing is measured after.
    QString cursor;
    int pages = 0;
    qint64 bytes = 0;
    QList<QByteArray> bodies;
    timer.restart();
    for (;;) {
        QByteArray body =
            client.call("GET", QStringLiteral("/api/v1/changes?limit=2000&cursor=%1").arg(cursor));
        bytes += body.size();
        const QByteArray head = body.left(200);
        const qsizetype c = head.indexOf("\"cursor\":\"") + 10;
        cursor = QString::fromLatin1(head.mid(c, head.indexOf('"', c) - c));
        ++pages;
        const bool more = head.contains("\"more\":true");
        bodies.append(std::move(body));
        if (!more)
            break;
    }
    const double feedSeconds = double(timer.nsecsElapsed()) / 1e9;
    timer.restart();
    qint64 records = 0;
    for (const QByteArray &body : std::as_const(bodies))
        records += QJsonDocument::fromJson(body)
                       .object()
                       .value(QStringLiteral("records"))
                       .toArray()
                       .size();
    report.note(QStringLiteral("parsing those pages on the client: %1 s")
                    .arg(double(timer.nsecsElapsed()) / 1e9, 0, 'f', 2));
    bodies.clear();
    report.figure("feed_100k", feedSeconds, "s", 1.5);
    report.note(QStringLiteral("%1 records in %2 pages, %3 MB, %4 pages/s")
                    .arg(records)
                    .arg(pages)
                    .arg(double(bytes) / 1e6, 0, 'f', 1)
                    .arg(double(pages) / feedSeconds, 0, 'f', 1));

    // Bytes on the wire for one full page of 2 000 (the first of a first
    // sync), plain and gzip-coded as the server sends it to the desk (Qt
    // asks for gzip by itself), and the page's time each way (p50 of 10).
    {
        const QString first = QStringLiteral("/api/v1/changes?limit=2000");
        const auto page = [&](const QByteArray &coding, qint64 *size) {
            Client raw;
            raw.base = client.base;
            raw.token = client.token;
            raw.acceptEncoding = coding;
            std::vector<double> times;
            for (int i = 0; i < 10; ++i) {
                QElapsedTimer t;
                t.start();
                *size = raw.call("GET", first).size();
                times.push_back(double(t.nsecsElapsed()) / 1e6);
            }
            return percentile(times, 0.5);
        };
        qint64 plainBytes = 0;
        qint64 gzipBytes = 0;
        const double plainMs = page("identity", &plainBytes);
        const double gzipMs = page("gzip", &gzipBytes);
        report.figure("feed_page_gzip_bytes_per_complaint", double(gzipBytes) / 2000.0, "B", 220);
        report.figure("feed_page_gzip_ms", gzipMs, "ms", 100);
        report.note(QStringLiteral("a page of 2000: %1 bytes plain (%2 a complaint), %3 gzip "
                                   "(%4× less); served in %5 ms plain, %6 ms gzip (--gzip-level "
                                   "as started)")
                        .arg(plainBytes)
                        .arg(double(plainBytes) / 2000.0, 0, 'f', 0)
                        .arg(gzipBytes)
                        .arg(double(plainBytes) / double(std::max<qint64>(gzipBytes, 1)), 0, 'f', 1)
                        .arg(plainMs, 0, 'f', 1)
                        .arg(gzipMs, 0, 'f', 1));
    }

    // An incremental pull with nothing new, on a kept-alive connection.
    std::vector<double> empty;
    for (int i = 0; i < 200; ++i) {
        QElapsedTimer t;
        t.start();
        client.call("GET", QStringLiteral("/api/v1/changes?cursor=%1").arg(cursor));
        empty.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    report.figure("empty_pull_p50", percentile(empty, 0.5), "ms", 10);

    // An action's round trip: a note on a published complaint.
    const QJsonObject someone =
        QJsonDocument::fromJson(client.call("GET", QStringLiteral("/api/v1/changes?limit=50")))
            .object()
            .value(QStringLiteral("records"))
            .toArray()
            .at(0)
            .toObject();
    const qint64 id = someone.value(QStringLiteral("id")).toInteger();
    qint64 version = someone.value(QStringLiteral("version")).toInteger();
    std::vector<double> actions;
    for (int i = 0; i < 100; ++i) {
        QElapsedTimer t;
        t.start();
        int status = 0;
        client.call("POST", QStringLiteral("/api/v1/complaints/%1/actions").arg(id),
                    QStringLiteral(R"({"action":"note","base_version":%1,"text":"замер %2"})")
                        .arg(version)
                        .arg(i)
                        .toUtf8(),
                    QUuid::createUuid().toByteArray(QUuid::WithoutBraces), &status);
        actions.push_back(double(t.nsecsElapsed()) / 1e6);
        if (status == 200)
            ++version;
    }
    report.figure("action_p50", percentile(actions, 0.5), "ms", 20);

    // Anonymous Open311 listings: a window that matches nothing (the index
    // answers it without reading a complaint), and a full page of the
    // last 90 days in XML (1000 requests read, decoded and written).
    const QString scale = count >= 1'000'000 ? QStringLiteral("%1m").arg(count / 1'000'000)
                                             : QStringLiteral("%1k").arg(count / 1000);
    const auto open311 = [&](const QString &path) {
        std::vector<double> times;
        for (int i = 0; i < 50; ++i) {
            QElapsedTimer t;
            t.start();
            client.call("GET", path);
            times.push_back(double(t.nsecsElapsed()) / 1e6);
        }
        return percentile(times, 0.5);
    };
    report.figure(qPrintable(QStringLiteral("open311_empty_window_") + scale),
                  open311(QStringLiteral("/open311/v2/requests.json?start_date=2001-01-01T00%3A00"
                                         "%3A00Z&end_date=2001-02-01T00%3A00%3A00Z")),
                  "ms", 5);
    report.figure(qPrintable(QStringLiteral("open311_page1000_xml_") + scale),
                  open311(QStringLiteral("/open311/v2/requests.xml?page_size=1000")), "ms", 150);

    // 50 clients polling at once, each on its own connection.
    constexpr int Clients = 50;
    constexpr int Rounds = 20;
    std::vector<std::unique_ptr<Client>> clients;
    for (int i = 0; i < Clients; ++i) {
        auto c = std::make_unique<Client>();
        c->base = client.base;
        c->token = client.token;
        clients.push_back(std::move(c));
    }
    std::vector<double> latencies;
    int outstanding = Clients;
    int failures = 0;
    QEventLoop loop;
    std::function<void(Client *, int)> poll = [&](Client *c, int round) {
        auto *t = new QElapsedTimer;
        t->start();
        QNetworkReply *reply =
            c->send("GET", QStringLiteral("/api/v1/changes?limit=100&cursor=%1").arg(cursor));
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, c, round, reply, t] {
            latencies.push_back(double(t->nsecsElapsed()) / 1e6);
            delete t;
            if (reply->error() != QNetworkReply::NoError)
                ++failures;
            reply->deleteLater();
            if (round + 1 < Rounds)
                poll(c, round + 1);
            else if (--outstanding == 0)
                loop.quit();
        });
    };
    timer.restart();
    for (auto &c : clients)
        poll(c.get(), 0);
    loop.exec();
    const double loadSeconds = double(timer.nsecsElapsed()) / 1e9;
    report.figure("load50_p50", percentile(latencies, 0.5), "ms", 30);
    report.figure("load50_p99", percentile(latencies, 0.99), "ms", 150);
    report.note(QStringLiteral("%1 polls by %2 clients in %3 s (%4/s), %5 failed")
                    .arg(latencies.size())
                    .arg(Clients)
                    .arg(loadSeconds, 0, 'f', 2)
                    .arg(double(latencies.size()) / loadSeconds, 0, 'f', 0)
                    .arg(failures));
    if (failures > 0)
        report.figure("load50_failures", failures, "requests", 0);

    bool ok = false;
    const int runSeconds = qEnvironmentVariableIntValue("REGIONDESK_BENCH_LOAD_SECONDS", &ok);
    const int runFor = ok && runSeconds > 0 ? runSeconds : 60;
    rd::bench::runServerLoad(report, {server.port()}, runFor, scale);

    // The same load on PostgreSQL (scripts/bench starts a cluster and gives
    // its database in REGIONDESK_BENCH_PG): one server process, then two
    // on the one database with the clients spread over them.
    if (const QString pg = qEnvironmentVariable("REGIONDESK_BENCH_PG"); !pg.isEmpty()) {
        BenchServer first;
        timer.restart();
        // One photos folder for both processes, as on a shared filesystem.
        const QStringList pgArguments{QStringLiteral("--database"), pg, QStringLiteral("--photos"),
                                      first.scratchPath(QStringLiteral("photos"))};
        if (!first.start(count, pgArguments))
            return 2;
        report.note(QStringLiteral("PostgreSQL filled with %1 demo complaints in %2 s")
                        .arg(count)
                        .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1));
        rd::bench::runServerLoad(report, {first.port()}, runFor, QStringLiteral("pg_") + scale);
        BenchServer second;
        if (!second.start(-1, pgArguments))
            return 2;
        rd::bench::runServerLoad(report, {first.port(), second.port()}, runFor,
                                 QStringLiteral("pg2_") + scale);
    } else {
        report.note(QStringLiteral("no PostgreSQL given (REGIONDESK_BENCH_PG): its load runs "
                                   "skipped"));
    }

    return report.exitCode();
}
