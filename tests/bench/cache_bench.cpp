// scripts/bench cache: the local cache with 100 000 realistic complaints.
//
// Prints, in DESIGN.md §6's line form: the upsert of 100 000 complaints
// through the cache, the same rows through the bare SQLite C API into the
// same schema and the ratio, the deferred full-text indexing that follows a
// first sync, an incremental batch, cold open to a first queue page, a filter
// query, full-text queries, and box queries (grid cells, and a B-tree on
// latitude for comparison).

#include "BenchReport.h"
#include "CacheSchema.h"
#include "DemoGenerator.h"
#include "LocalCache.h"
#include "QueueModel.h"
#include "sqlite/Database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

#include <sqlite3.h>
#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace rd;
using rd::bench::atScale;
using rd::bench::BenchReport;
using rd::bench::medianMs;
using rd::bench::sized;

namespace {

// Starts a timed run from a quiet disk: no write-back of earlier runs. POSIX
// has sync(2); Windows has no call that flushes every file of the system
// (FlushFileBuffers takes one handle), so there a run starts with whatever
// the cache manager still holds, and its figures are noisier.
void quietDisk()
{
#ifdef Q_OS_UNIX
    ::sync();
#endif
}

// Rows per transaction, as the sync engine applies a page of the changes feed
// (it asks for the server's largest page, 2000: docs/api.md).
constexpr qsizetype PageSize = 2000;

// The baseline: the straightforward way to load these rows with the bare C
// API. The same schema (every index and trigger), one prepared INSERT with
// sqlite3_bind_* straight from the structs, all rows in one transaction. The
// cache instead commits each page with its cursor (crash-safe, DESIGN.md §4)
// and rebuilds the indexes at the end; the ratio is what that costs.
double bareInsertSeconds(const QString &path, const QList<Complaint> &rows)
{
    {
        sqlite::Database db(path, sqlite::Database::OpenMode::ReadWriteCreate);
        db.exec(QStringLiteral("PRAGMA page_size = 16384; PRAGMA journal_mode = WAL"));
        CacheSchema::migrate(db, 0, CacheSchema::latestVersion());
    }
    sqlite3 *db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    sqlite3_exec(
        db, "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32000; PRAGMA mmap_size = 268435456",
        nullptr, nullptr, nullptr);
    quietDisk();
    QElapsedTimer timer;
    timer.start();
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v2(
        db,
        "INSERT INTO complaints (id, version, state, category_id, agency_id, "
        "district_id, body, address, lat, lon, created_at, updated_at, published_at, "
        "due_date, votes, author_name, author_email, author_phone, answer_kind, "
        "answer_text, answer_deadline, refusal_ground, answered_at, "
        "deadline_extended, extension_reason, duplicate_of, reject_reason, "
        "citizen_feedback) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        -1, &stmt, nullptr);
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    const auto text = [&](int i, const QString &s) {
        if (s.isNull()) {
            sqlite3_bind_null(stmt, i);
            return;
        }
        const QByteArray utf8 = s.toUtf8();
        sqlite3_bind_text(stmt, i, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    };
    const auto ms = [&](int i, const QDateTime &t) {
        if (t.isValid())
            sqlite3_bind_int64(stmt, i, t.toMSecsSinceEpoch());
        else
            sqlite3_bind_null(stmt, i);
    };
    for (const Complaint &c : rows) {
        sqlite3_bind_int64(stmt, 1, c.id);
        sqlite3_bind_int64(stmt, 2, c.version);
        text(3, toCode(c.state));
        sqlite3_bind_int(stmt, 4, c.categoryId);
        if (c.agencyId)
            sqlite3_bind_int(stmt, 5, *c.agencyId);
        else
            sqlite3_bind_null(stmt, 5);
        if (c.districtId)
            sqlite3_bind_int(stmt, 6, *c.districtId);
        else
            sqlite3_bind_null(stmt, 6);
        text(7, c.text);
        text(8, c.address);
        sqlite3_bind_double(stmt, 9, c.latitude);
        sqlite3_bind_double(stmt, 10, c.longitude);
        ms(11, c.createdAt);
        ms(12, c.updatedAt);
        ms(13, c.publishedAt);
        text(14, c.dueDate.isValid() ? c.dueDate.toString(Qt::ISODate) : QString());
        sqlite3_bind_int(stmt, 15, c.votes);
        text(16, c.authorName);
        text(17, c.authorEmail);
        text(18, c.authorPhone);
        text(19, toCode(c.answerKind));
        text(20, c.answerText);
        text(21, c.answerDeadline.isValid() ? c.answerDeadline.toString(Qt::ISODate) : QString());
        text(22, c.refusalGround);
        ms(23, c.answeredAt);
        sqlite3_bind_int(stmt, 24, c.deadlineExtended ? 1 : 0);
        text(25, c.extensionReason);
        if (c.duplicateOf)
            sqlite3_bind_int64(stmt, 26, *c.duplicateOf);
        else
            sqlite3_bind_null(stmt, 26);
        text(27, c.rejectReason);
        text(28, c.citizenFeedback);
        sqlite3_step(stmt);
        sqlite3_reset(stmt);
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return seconds;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 100'000;
    BenchReport report("cache", count);
    QTemporaryDir dir;

    const QDateTime now = QDateTime::currentDateTimeUtc();
    demo::DemoGenerator generator(2026, now);
    QList<Complaint> rows;
    rows.reserve(count);
    for (const auto &d : generator.generate(count))
        rows.append(d.complaint);
    report.note(
        QStringLiteral("%1 demo complaints (Omsk), cache in %2").arg(count).arg(dir.path()));

    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    CacheOptions options;
    options.key = rd::bench::benchCacheKey();
    if (!options.key.isEmpty())
        report.note(QStringLiteral("the cache is encrypted (ChaCha20-Poly1305, SQLite3 Multiple "
                                   "Ciphers); the bare limit is plain SQLite"));
    double upsertSeconds = 0;
    double indexSeconds = 0;
    double smallBatchMs = 0;
    {
        // As a first sync writes: bulk mode (secondary indexes rebuilt at the
        // end, full-text indexing deferred), a transaction per page of 2000; then the
        // search index caught up in chunks, as the background indexer does.
        auto cache = LocalCache::open(path, options);
        cache->catalogue().replace(demo::DemoGenerator::catalogue());
        cache->bulkLoad().begin();
        quietDisk();
        QElapsedTimer timer;
        timer.start();
        for (qsizetype page = 0; page < rows.size(); page += PageSize) {
            LocalCache::WriteTransaction transaction(*cache);
            cache->complaints().upsert(rows.mid(page, PageSize));
            transaction.commit();
        }
        const double loadSeconds = double(timer.nsecsElapsed()) / 1e9;
        cache->bulkLoad().end();
        upsertSeconds = double(timer.nsecsElapsed()) / 1e9;
        report.note(QStringLiteral("of which rows %1 s, rebuilding indexes %2 s")
                        .arg(loadSeconds, 0, 'f', 2)
                        .arg(upsertSeconds - loadSeconds, 0, 'f', 2));
        timer.restart();
        while (cache->search().indexPending(2000) > 0) {
        }
        indexSeconds = double(timer.nsecsElapsed()) / 1e9;
        // As an incremental sync writes: 100 changed complaints, indexed at once.
        QList<Complaint> changed;
        for (int i = 0; i < 100; ++i) {
            Complaint c = rows[(i * 977) % rows.size()];
            c.version += 1;
            c.text += QStringLiteral(" Дополнение.");
            changed.append(c);
        }
        std::vector<double> rounds;
        for (int round = 0; round < 5; ++round) {
            for (Complaint &c : changed)
                c.version += 1;
            const double ms = medianMs(1, [&] {
                LocalCache::WriteTransaction transaction(*cache);
                cache->complaints().upsert(changed);
                transaction.commit();
            });
            report.note(QStringLiteral("100 changed, round %1: %2 ms%3")
                            .arg(round)
                            .arg(ms, 0, 'f', 2)
                            .arg(round == 0
                                     ? QStringLiteral(" (cold pages right after the bulk load)")
                                     : QString()));
            rounds.push_back(ms);
        }
        std::sort(rounds.begin(), rounds.end());
        smallBatchMs = rounds[rounds.size() / 2];
    }
    const double bareSeconds = bareInsertSeconds(dir.filePath(QStringLiteral("bare.sqlite")), rows);
    // DESIGN.md §6 gives a first sync of 100 000 2.5 s in all; fetching and
    // parsing the pages take ~0.4 s of it, so the cache's share is 2 s.
    report.figure(sized("upsert", count), upsertSeconds, "s", atScale(count, 2.0, 20));
    report.note(QStringLiteral("bare C API, same schema, one transaction: %1 s")
                    .arg(bareSeconds, 0, 'f', 2));
    report.figure("ratio_to_bare", upsertSeconds / bareSeconds, "x", 1.5);
    report.note(QStringLiteral("%1 complaints/s through the cache")
                    .arg(qRound(double(count) / upsertSeconds)));
    report.figure(sized("search_index", count), indexSeconds, "s", atScale(count, 4.0, 40));
    report.figure("upsert_100_changed", smallBatchMs, "ms", 50);
    // The file as it stays on the workstation, the search index in it (and
    // its write-ahead log, if the last connection left one).
    const double fileMb =
        double(QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size()) / 1e6;
    report.note(QStringLiteral("the cache file: %1 MB, %2 bytes a complaint")
                    .arg(fileMb, 0, 'f', 1)
                    .arg(qRound(fileMb * 1e6 / count)));

    // Cold open: a new connection, schema check, the queue's count and the
    // rows a window shows first (as QueueModel does at start).
    const double cold = medianMs(5, [&] {
        auto cache = LocalCache::open(path, options);
        QueueModel model(cache->queue(), cache->catalogue().load());
        for (int row = 0; row < 40; ++row)
            model.data(model.index(row, QueueModel::AddressColumn));
    });
    report.figure("cold_open_first_page", cold, "ms", 400);

    auto cache = LocalCache::open(path, options);
    const auto firstPage = [&](const QueueQuery &query) {
        cache->queue().count(query);
        cache->queue().page(query, 0, 256);
    };
    const auto timed = [&](const QString &label, const QueueQuery &query) {
        const double ms = medianMs(7, [&] { firstPage(query); });
        report.note(QStringLiteral("%1: %2 ms (%3 rows)")
                        .arg(label)
                        .arg(ms, 0, 'f', 2)
                        .arg(cache->queue().count(query)));
        return ms;
    };

    QueueQuery filter;
    filter.states = {ComplaintState::Published, ComplaintState::Contested};
    filter.categories = {1, 2, 8};
    filter.sort = QueueQuery::SortKey::DueDate;
    filter.descending = false;
    double worstFilter = timed(QStringLiteral("filter open, 3 categories, by due"), filter);
    QueueQuery overdue;
    overdue.states = {ComplaintState::Published};
    overdue.dueTo = now.date();
    overdue.agencies = {1};
    worstFilter =
        std::max(worstFilter, timed(QStringLiteral("filter overdue for agency 1"), overdue));
    QueueQuery everything; // the whole queue by votes
    everything.sort = QueueQuery::SortKey::Votes;
    worstFilter = std::max(worstFilter, timed(QStringLiteral("everything by votes"), everything));
    report.figure("filter_query", worstFilter, "ms", 30);

    // As-you-type: each prefix of a word is one keystroke's query.
    double worstFts = 0;
    for (const QString &typed :
         {QStringLiteral("я"), QStringLiteral("ям"), QStringLiteral("яма"), QStringLiteral("фонар"),
          QStringLiteral("ленина"), QStringLiteral("ул"), QStringLiteral("123")}) {
        QueueQuery search;
        search.text = typed;
        worstFts = std::max(worstFts, timed(QStringLiteral("search \"%1\"").arg(typed), search));
    }
    report.figure("fts_query", worstFts, "ms", 30);
    QueueQuery searchAndFilter;
    searchAndFilter.text = QStringLiteral("яма");
    searchAndFilter.states = {ComplaintState::Published};
    report.figure("fts_with_filter", medianMs(9, [&] { firstPage(searchAndFilter); }), "ms", 30);

    // Box queries: the city centre (a few thousand points) and the whole city.
    const GeoBox centre{54.975, 73.36, 54.995, 73.40};
    const GeoBox city{54.88, 73.15, 55.12, 73.58};
    qsizetype centreCount = 0;
    const double rtreeCentre =
        medianMs(9, [&] { centreCount = cache->queue().points(centre).size(); });
    const double rtreeCity = medianMs(5, [&] { cache->queue().points(city); });
    report.figure("box_query_centre", rtreeCentre, "ms", 30);
    report.figure("box_query_city", rtreeCity, "ms", atScale(count, 100, 1000));
    report.note(QStringLiteral("centre box holds %1 complaints").arg(centreCount));

    // An alternative the grid was chosen over, measured on the same data.
    {
        sqlite::Database db(path, sqlite::Database::OpenMode::ReadWrite, options.key);
        db.exec(QStringLiteral("CREATE INDEX IF NOT EXISTS bench_lat ON complaints (lat)"));
        const double btree = medianMs(9, [&] {
            sqlite::Statement s(
                db, QStringLiteral("SELECT id, lat, lon, state, votes FROM complaints "
                                   "WHERE lat BETWEEN ?1 AND ?2 AND lon BETWEEN ?3 AND ?4"));
            s.bind(1, centre.south).bind(2, centre.north).bind(3, centre.west).bind(4, centre.east);
            while (s.step()) {
            }
        });
        report.note(QStringLiteral("box_query_centre with a B-tree on latitude instead: %1 ms")
                        .arg(btree, 0, 'f', 2));
        db.exec(QStringLiteral("DROP INDEX bench_lat"));
    }

    // Retention (docs/cache.md): the pass after a pull when nothing crosses
    // the line (the store thread's, at most hourly), then a pass that takes
    // every closed complaint (the cache as it would stand two years on).
    {
        const double pass = medianMs(5, [&] { cache->applyRetention(now, 12); });
        report.figure("retention_pass", pass, "ms", atScale(count, 50, 500));
        QElapsedTimer timer;
        timer.start();
        const qsizetype removed = cache->applyRetention(now.addYears(2), 12).size();
        report.note(QStringLiteral("retention taking all %1 closed complaints at once: %2 ms")
                        .arg(removed)
                        .arg(double(timer.nsecsElapsed()) / 1e6, 0, 'f', 0));
    }

    report.note(
        QStringLiteral("cache file %1 MB").arg(double(QFileInfo(path).size()) / 1e6, 0, 'f', 1));
    return report.exitCode();
}
