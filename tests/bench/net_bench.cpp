// scripts/bench net: the desk's sync over poor links (issue 24), through
// ThrottledLink in front of the reference server on loopback. Per profile
// (2 Mbit/s with a 300 ms round trip; 256 kbit/s, 800 ms and 2 % loss; the
// 2 Mbit/s line dropping every 30 s): bytes on the wire per complaint, the
// time to the first usable queue (the first page in the cache), the time
// to a complete first sync of a clerk's complaints (a dropped link: the
// sync is started again as the desk's controller would, and goes on from
// its cursor), an empty incremental poll (requests, bytes) and a push of
// 50 actions. Budgets (issue 24) at 2 Mbit/s, 300 ms: first queue ≤ 5 s,
// complete ≤ 30 s, an empty poll one request and ≤ 1 kB.
//
// The demo's clerk (agency 1) sees about a third of the complaints: the
// server is filled with 31 000 (argument 1 to change) for about 10 000.

#include "BenchReport.h"
#include "BenchServer.h"
#include "BenchSync.h"
#include "LocalCache.h"
#include "SyncEngine.h"
#include "ThrottledLink.h"
#include "UserActions.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>

using namespace rd;
using rd::bench::BenchReport;
using rd::bench::BenchServer;
using rd::bench::runSync;
using rd::bench::ThrottledLink;

namespace {

QByteArray signIn(const QString &base, const QString &login)
{
    QNetworkAccessManager network;
    QNetworkRequest request{QUrl(base + QStringLiteral("/api/v1/session"))};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    QNetworkReply *reply = network.post(
        request, QStringLiteral(R"({"login":"%1","password":"demo"})").arg(login).toUtf8());
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    return QJsonDocument::fromJson(reply->readAll())
        .object()
        .value(QStringLiteral("token"))
        .toString()
        .toLatin1();
}

bool retryable(const SyncResult &result)
{
    using Outcome = SyncResult::Outcome;
    return result.outcome == Outcome::Offline || result.outcome == Outcome::ServerError ||
           result.outcome == Outcome::BadResponse;
}

// Runs the sync until it succeeds, starting it again after each failure
// that a later run can get past (a dropped link), for at most limitMs.
SyncResult syncUntilDone(SyncEngine &engine, qint64 limitMs, int *runs)
{
    QElapsedTimer timer;
    timer.start();
    SyncResult result;
    *runs = 0;
    do {
        result = runSync(engine);
        ++*runs;
    } while (!result.succeeded() && retryable(result) && timer.elapsed() < limitMs);
    return result;
}

// One profile: a desk's fresh cache syncing through its link.
class ProfileRun
{
public:
    ProfileRun(BenchReport &report, const BenchServer &server, const QByteArray &token,
               const ThrottledLink::Profile &profile)
        : m_report(report)
        , m_tag(QString::fromLatin1(profile.name))
        , m_budgeted(profile.bitsPerSecond == 2'000'000 && profile.dropEverySecs == 0)
        , m_link(server.port(), profile)
        , m_cachePath(m_dir.filePath(QStringLiteral("cache.sqlite")))
    {
        QObject::connect(&m_network, &QNetworkAccessManager::finished, &m_network,
                         [this] { ++m_requests; });
        SyncEngine::Options options;
        // The relay is on loopback; the desk it stands for is not.
        options.compression = ApiClient::Compression::Always;
        // A failed action is retried by the next run (started at once here).
        options.backoff.baseMs = 1;
        options.backoff.maxMs = 1;
        m_engine = std::make_unique<SyncEngine>(m_cachePath, &m_network, options);
        m_engine->setSession(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_link.port())), token,
                             server.baseUrl() + QStringLiteral("|clerk"));
    }

    bool firstSync();
    void emptyPoll();
    void push();

private:
    QByteArray name(const char *what) const { return (m_tag + QLatin1Char('.') + what).toUtf8(); }
    void restartCounters()
    {
        m_link.resetCounters();
        m_requests = 0;
    }

    BenchReport &m_report;
    const QString m_tag;
    const bool m_budgeted; // the profile issue 24 gives budgets for
    ThrottledLink m_link;
    QTemporaryDir m_dir;
    const QString m_cachePath;
    QNetworkAccessManager m_network;
    int m_requests = 0;
    std::unique_ptr<SyncEngine> m_engine;
    std::unique_ptr<LocalCache> m_cache;
};

// The first sync, started again after each failure (a dropped link); false
// if it could not be completed.
bool ProfileRun::firstSync()
{
    QElapsedTimer timer;
    double firstQueueSeconds = -1;
    const QMetaObject::Connection first =
        QObject::connect(m_engine.get(), &SyncEngine::complaintsChanged, m_engine.get(), [&] {
            if (firstQueueSeconds < 0)
                firstQueueSeconds = double(timer.nsecsElapsed()) / 1e9;
        });
    timer.start();
    int runs = 0;
    const SyncResult result = syncUntilDone(*m_engine, 900'000, &runs);
    const double completeSeconds = double(timer.nsecsElapsed()) / 1e9;
    QObject::disconnect(first);
    if (!result.succeeded()) {
        std::fprintf(stderr, "net_bench %s: the first sync failed: %s\n", qPrintable(m_tag),
                     qPrintable(result.message));
        return false;
    }
    m_cache = LocalCache::open(m_cachePath);
    const qint64 records = m_cache->complaints().count();
    const double perComplaint = double(m_link.bytesDown()) / double(std::max<qint64>(records, 1));
    if (m_budgeted) {
        m_report.figure(name("first_queue").constData(), firstQueueSeconds, "s", 5);
        m_report.figure(name("first_sync_clerk").constData(), completeSeconds, "s", 30);
        m_report.figure(name("bytes_per_complaint").constData(), perComplaint, "B", 250);
    } else {
        m_report.note(QStringLiteral("%1: first queue %2 s, first sync %3 s, %4 B a complaint")
                          .arg(m_tag)
                          .arg(firstQueueSeconds, 0, 'f', 1)
                          .arg(completeSeconds, 0, 'f', 1)
                          .arg(perComplaint, 0, 'f', 0));
    }
    m_report.note(QStringLiteral("%1: %2 complaints, %3 KB down, %4 KB up, %5 requests on %6 "
                                 "connections, %7 run(s), the link dropped %8 time(s)")
                      .arg(m_tag)
                      .arg(records)
                      .arg(double(m_link.bytesDown()) / 1e3, 0, 'f', 0)
                      .arg(double(m_link.bytesUp()) / 1e3, 0, 'f', 0)
                      .arg(m_requests)
                      .arg(m_link.connectionsOpened())
                      .arg(runs)
                      .arg(m_link.drops()));
    return true;
}

// An empty incremental poll on the kept-alive connection.
void ProfileRun::emptyPoll()
{
    restartCounters();
    QElapsedTimer timer;
    timer.start();
    const SyncResult poll = runSync(*m_engine);
    const double pollMs = double(timer.nsecsElapsed()) / 1e6;
    const qint64 pollBytes = m_link.bytesDown() + m_link.bytesUp();
    if (m_budgeted) {
        m_report.figure(name("empty_poll_requests").constData(), m_requests, "requests", 1);
        m_report.figure(name("empty_poll_bytes").constData(), double(pollBytes), "B", 1000);
    }
    m_report.note(
        QStringLiteral("%1: an empty poll %2 ms, %3 request(s), %4 B (%5 up, %6 down)%7")
            .arg(m_tag)
            .arg(pollMs, 0, 'f', 0)
            .arg(m_requests)
            .arg(pollBytes)
            .arg(m_link.bytesUp())
            .arg(m_link.bytesDown())
            .arg(poll.succeeded() ? QString() : QStringLiteral(" FAILED: ") + poll.message));
}

// 50 actions queued offline, then the runs that send them.
void ProfileRun::push()
{
    UserActions actions(*m_cache);
    const QList<qint64> ids = m_cache->complaints().versions().keys();
    for (int i = 0; i < 50 && i < ids.size(); ++i) {
        const qint64 id = ids[(i * 89 + 7) % ids.size()];
        actions.submit(id, QStringLiteral("note"),
                       QJsonObject{{QStringLiteral("text"), QStringLiteral("Заметка %1").arg(i)}},
                       m_cache->complaints().complaint(id)->version);
    }
    restartCounters();
    QElapsedTimer timer;
    timer.start();
    int runs = 0;
    syncUntilDone(*m_engine, 600'000, &runs);
    m_report.note(QStringLiteral("%1: a push of 50 actions %2 s, %3 requests, %4 KB, %5 run(s), "
                                 "%6 left in the outbox, the link dropped %7 time(s)")
                      .arg(m_tag)
                      .arg(double(timer.nsecsElapsed()) / 1e9, 0, 'f', 1)
                      .arg(m_requests)
                      .arg(double(m_link.bytesDown() + m_link.bytesUp()) / 1e3, 0, 'f', 1)
                      .arg(runs)
                      .arg(m_cache->outbox().count())
                      .arg(m_link.drops()));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    BenchReport report("net");
    const int count = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 31'000;
    BenchServer server;
    if (!server.start(count))
        return 2;
    const QByteArray token = signIn(server.baseUrl(), QStringLiteral("clerk"));
    if (token.isEmpty()) {
        std::fprintf(stderr, "net_bench: the clerk could not sign in\n");
        return 2;
    }
    report.note(QStringLiteral("%1 demo complaints; the clerk of agency 1 syncs through the "
                               "link (gzip as Qt asks for it)")
                    .arg(count));
    bool ok = true;
    for (const ThrottledLink::Profile &profile : rd::bench::poorLinkProfiles()) {
        ProfileRun run(report, server, token, profile);
        if (!run.firstSync()) {
            ok = false;
            continue;
        }
        run.emptyPoll();
        run.push();
    }
    return ok ? report.exitCode() : 2;
}
