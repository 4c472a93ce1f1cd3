// scripts/bench sync: the sync engine against the reference server on
// loopback with 100 000 demo complaints (DESIGN.md §6): the first sync, the
// bare limit for the same pages (fetch + QJsonDocument + SQLite C API
// insert, one after the other) and the ratio, an incremental sync of 100
// changes, and pushing 1 000 queued actions.

#include "BenchReport.h"
#include "BenchServer.h"
#include "BenchSync.h"
#include "LocalCache.h"
#include "SyncEngine.h"
#include "UserActions.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUuid>

#include <sqlite3.h>

#include <algorithm>
#include <vector>

using namespace rd;
using rd::bench::atScale;
using rd::bench::BenchReport;
using rd::bench::BenchServer;
using rd::bench::runSync;
using rd::bench::sized;

namespace {

QByteArray call(QNetworkAccessManager &network, const QString &url, const QByteArray &token,
                const QByteArray &method = "GET", const QByteArray &body = {},
                const QByteArray &key = {})
{
    QNetworkRequest request{QUrl(url)};
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    request.setRawHeader("Content-Type", "application/json");
    if (!key.isEmpty())
        request.setRawHeader("Idempotency-Key", key);
    QNetworkReply *reply = network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QByteArray data = reply->readAll();
    reply->deleteLater();
    return data;
}

// The bare limit: the same pages, fetched one after the other, parsed with
// QJsonDocument and inserted with the C API into a plain table.
double bareSeconds(QNetworkAccessManager &network, const QString &base, const QByteArray &token,
                   const QString &path, qint64 *records)
{
    sqlite3 *db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    sqlite3_exec(db,
                 "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                 "CREATE TABLE c (id INTEGER PRIMARY KEY, version INTEGER, state TEXT, "
                 "category_id INTEGER, agency_id INTEGER, district_id INTEGER, body TEXT, "
                 "address TEXT, lat REAL, lon REAL, created_at TEXT, updated_at TEXT, "
                 "due_date TEXT, votes INTEGER, author TEXT, answer TEXT, photos TEXT)",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt *insert = nullptr;
    sqlite3_prepare_v2(db,
                       "INSERT OR REPLACE INTO c VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                       "?11, ?12, ?13, ?14, ?15, ?16, ?17)",
                       -1, &insert, nullptr);
    QElapsedTimer timer;
    timer.start();
    QString cursor;
    *records = 0;
    for (;;) {
        const QByteArray body = call(
            network, base + QStringLiteral("/api/v1/changes?limit=2000&cursor=") + cursor, token);
        const QJsonObject page = QJsonDocument::fromJson(body).object();
        sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
        for (const QJsonValue &value : page.value(QLatin1String("records")).toArray()) {
            const QJsonObject r = value.toObject();
            auto text = [&](int index, const char *key) {
                const QByteArray utf8 = r.value(QLatin1String(key)).toString().toUtf8();
                sqlite3_bind_text(insert, index, utf8.constData(), int(utf8.size()),
                                  SQLITE_TRANSIENT);
            };
            auto json = [&](int index, const char *key) {
                const QJsonValue v = r.value(QLatin1String(key));
                const QByteArray utf8 =
                    v.isObject()  ? QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact)
                    : v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                  : QByteArray();
                sqlite3_bind_text(insert, index, utf8.constData(), int(utf8.size()),
                                  SQLITE_TRANSIENT);
            };
            sqlite3_bind_int64(insert, 1, r.value(QLatin1String("id")).toInteger());
            sqlite3_bind_int64(insert, 2, r.value(QLatin1String("version")).toInteger());
            text(3, "state");
            sqlite3_bind_int64(insert, 4, r.value(QLatin1String("category_id")).toInteger());
            sqlite3_bind_int64(insert, 5, r.value(QLatin1String("agency_id")).toInteger());
            sqlite3_bind_int64(insert, 6, r.value(QLatin1String("district_id")).toInteger());
            text(7, "text");
            text(8, "address");
            sqlite3_bind_double(insert, 9, r.value(QLatin1String("lat")).toDouble());
            sqlite3_bind_double(insert, 10, r.value(QLatin1String("lon")).toDouble());
            text(11, "created_at");
            text(12, "updated_at");
            text(13, "due_date");
            sqlite3_bind_int64(insert, 14, r.value(QLatin1String("votes")).toInteger());
            json(15, "author");
            json(16, "answer");
            json(17, "photos");
            sqlite3_step(insert);
            sqlite3_reset(insert);
            ++*records;
        }
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
        cursor = page.value(QLatin1String("cursor")).toString();
        if (!page.value(QLatin1String("more")).toBool())
            break;
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    sqlite3_finalize(insert);
    sqlite3_close(db);
    return seconds;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 100'000;
    BenchReport report("sync", count);

    BenchServer server;
    if (!server.start(count))
        return 2;
    const QString base = server.baseUrl();
    QNetworkAccessManager network;
    const QByteArray token =
        QJsonDocument::fromJson(call(network, base + QStringLiteral("/api/v1/session"), {}, "POST",
                                     R"({"login":"chief","password":"demo"})"))
            .object()
            .value(QStringLiteral("token"))
            .toString()
            .toLatin1();
    report.note(QStringLiteral("%1 demo complaints; signed in as a supervisor of all agencies "
                               "(sees everything, with personal data)")
                    .arg(count));

    // The first sync, as the app runs it: its own network manager and thread.
    const QString cachePath = server.scratchPath(QStringLiteral("cache.sqlite"));
    QNetworkAccessManager engineNetwork;
    SyncEngine::Options engineOptions;
    if (argc > 2) // for experiments: parser threads
        engineOptions.parserThreads = QString::fromLocal8Bit(argv[2]).toInt();
    engineOptions.cacheOptions.key = rd::bench::benchCacheKey();
    SyncEngine engine(cachePath, &engineNetwork, engineOptions);
    engine.setSession(QUrl(base), token, base + QStringLiteral("|chief"));
    QElapsedTimer timer;
    timer.start();
    const SyncResult firstSync = runSync(engine);
    const double firstSeconds = double(timer.nsecsElapsed()) / 1e9;
    if (!firstSync.succeeded()) {
        std::fprintf(stderr, "sync_bench: first sync failed: %s\n", qPrintable(firstSync.message));
        return 2;
    }
    report.figure(sized("first", count), firstSeconds, "s", atScale(count, 2.5, 25));
    report.note(QStringLiteral("%1 records, %2 pages, %3 MB: %4 records/s")
                    .arg(firstSync.progress.records)
                    .arg(firstSync.progress.pages)
                    .arg(double(firstSync.progress.bytes) / 1e6, 0, 'f', 1)
                    .arg(double(firstSync.progress.records) / firstSeconds, 0, 'f', 0));
    timer.restart();
    {
        QEventLoop loop;
        QObject::connect(&engine, &SyncEngine::searchIndexChanged, &loop, [&](qint64 remaining) {
            if (remaining == 0)
                loop.quit();
        });
        engine.indexSearchInBackground();
        loop.exec();
    }
    report.note(QStringLiteral("then the text-search index, built in the background in chunks: "
                               "%1 s")
                    .arg(double(timer.nsecsElapsed()) / 1e9, 0, 'f', 2));

    qint64 bareRecords = 0;
    const double bare = bareSeconds(
        network, base, token, server.scratchPath(QStringLiteral("bare.sqlite")), &bareRecords);
    report.note(QStringLiteral("bare limit (fetch, QJsonDocument, C API insert, one after "
                               "another): %1 s for %2 records")
                    .arg(bare, 0, 'f', 2)
                    .arg(bareRecords));
    report.figure("ratio_to_bare", firstSeconds / bare, "x", 1.5);

    // Incremental: 100 complaints changed on the server (internal notes).
    CacheOptions cacheOptions;
    cacheOptions.key = rd::bench::benchCacheKey();
    auto cache = LocalCache::open(cachePath, cacheOptions);
    QList<qint64> ids = cache->complaints().versions().keys();
    std::sort(ids.begin(), ids.end());
    std::vector<double> incremental;
    for (int round = 0; round < 5; ++round) {
        for (int i = 0; i < 100; ++i) {
            const qint64 id = ids[(round * 100 + i) * 97 % ids.size()];
            const qint64 version = cache->complaints().complaint(id)->version;
            call(network, base + QStringLiteral("/api/v1/complaints/%1/actions").arg(id), token,
                 "POST",
                 QStringLiteral(R"({"action":"note","base_version":%1,"text":"Проверка %2"})")
                     .arg(version)
                     .arg(round)
                     .toUtf8(),
                 QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
        }
        timer.restart();
        const SyncResult result = runSync(engine);
        incremental.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!result.succeeded() || result.progress.records != 100) {
            std::fprintf(stderr, "sync_bench: incremental sync brought %lld records: %s\n",
                         result.progress.records, qPrintable(result.message));
            return 2;
        }
    }
    std::sort(incremental.begin(), incremental.end());
    report.figure("incremental_100", incremental[incremental.size() / 2], "ms", 50);

    // Push: 1 000 queued actions on 1 000 complaints, then the run that sends
    // them (and pulls their new versions back).
    UserActions actions(*cache);
    for (int i = 0; i < 1000; ++i) {
        const qint64 id = ids[(i * 89 + 7) % ids.size()];
        actions.submit(id, QStringLiteral("note"),
                       QJsonObject{{QStringLiteral("text"), QStringLiteral("Заметка %1").arg(i)}},
                       cache->complaints().complaint(id)->version);
    }
    timer.restart();
    const SyncResult push = runSync(engine);
    const double pushSeconds = double(timer.nsecsElapsed()) / 1e9;
    if (push.actionsDone != 1000 || cache->outbox().count() != 0) {
        std::fprintf(stderr, "sync_bench: pushed %d of 1000: %s\n", push.actionsDone,
                     qPrintable(push.message));
        return 2;
    }
    report.figure("push_1000", pushSeconds, "s", 5);
    report.note(QStringLiteral("push budget is ours (DESIGN.md §6 has none): 5 ms an action, "
                               "each a round trip with its own transaction on both sides"));
    return report.exitCode();
}
