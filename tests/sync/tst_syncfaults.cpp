// Faults the reference server cannot make by itself, through an injected
// network manager (duplicated pages, replies arriving out of order, equal
// timestamps), and the fault loop of Nextcloud's testdatabaseerror: make the
// i-th cache operation of a sync fail, for every i, and check that the next
// sync converges to what a run without faults gives.

#include "FaultyNetwork.h"
#include "SyncHarness.h"
#include "UserActions.h"
#include "sqlite/Database.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace rd;
using rd::test::actionBody;
using rd::test::FaultyNetwork;
using rd::test::SyncClient;
using rd::test::TestServer;

namespace {

const QString ChangesPath = QStringLiteral("/api/v1/changes");

QString integrityCheck(const QString &path)
{
    sqlite::Database db(path, sqlite::Database::OpenMode::ReadOnly);
    return db.queryText(QStringLiteral("PRAGMA integrity_check"));
}

} // namespace

class TestSyncFaults : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    QByteArray m_moderator;

    void noteOnServer(qint64 id, const QString &text)
    {
        const qint64 version =
            m_server->complaint(id, m_moderator).value(QStringLiteral("version")).toInteger();
        const auto r = m_server->act(
            id, actionBody(QStringLiteral("note"), version, {{QStringLiteral("text"), text}}),
            m_moderator);
        QCOMPARE(r.status, 200);
    }
    int serverNotesWithText(qint64 id, const QString &text)
    {
        int n = 0;
        const auto r =
            m_server->get(QStringLiteral("/api/v1/complaints/%1/history").arg(id), m_moderator);
        for (const QJsonValue &entry : r.json().value(QStringLiteral("entries")).toArray())
            n += entry.toObject().value(QStringLiteral("comment")).toString() == text ? 1 : 0;
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(400);
        QVERIFY2(m_server->isRunning(), "regiondesk-server did not start");
        m_moderator = m_server->signIn(QStringLiteral("moderator"));
    }

    void duplicatedPageIsHarmless()
    {
        // The third page's request gets the second page's answer again.
        FaultyNetwork network;
        QByteArray previous;
        network.hook = [&](int n, const QString &path, FaultyNetwork::Change &change) {
            if (path != ChangesPath)
                return false;
            change.rewrite = [&previous, n](const QByteArray &body) {
                const QByteArray out = n == 2 ? previous : body;
                previous = body;
                return out;
            };
            return true;
        };
        SyncEngine::Options options;
        options.pageLimit = 15;
        options.pagesInFlight = 1;
        SyncClient clerk(*m_server, QStringLiteral("clerk"), options, &network);
        const SyncResult result = clerk.syncOnce();
        QVERIFY2(result.succeeded(), qPrintable(result.message));
        QCOMPARE(clerk.localVersions(), clerk.serverVersions());
        QVERIFY(network.requests(ChangesPath) > result.progress.pages - 1);
    }

    void repliesArrivingOutOfOrderAreAppliedInOrder()
    {
        // Every first-of-two page reply is held back, so its successor
        // (asked for early through the Link header) finishes first.
        FaultyNetwork network;
        network.hook = [](int n, const QString &path, FaultyNetwork::Change &change) {
            if (path != ChangesPath || n % 2 != 0)
                return false;
            change.finishDelayMs = 150;
            return true;
        };
        SyncEngine::Options options;
        options.pageLimit = 20;
        SyncClient moderator(*m_server, QStringLiteral("moderator"), options, &network);
        const SyncResult result = moderator.syncOnce();
        QVERIFY2(result.succeeded(), qPrintable(result.message));
        QCOMPARE(moderator.localVersions(), moderator.serverVersions());
        QCOMPARE(moderator.cache().quickCheck(), QStringList());
    }

    // The first page of a run is asked for alone (a poll is one request),
    // and only from the second on is the next one asked for while one
    // downloads: the second request waits for the held-back first page,
    // the third goes out while the held-back second one is still coming.
    void firstPageAloneThenPrefetch()
    {
        FaultyNetwork network;
        QElapsedTimer clock;
        clock.start();
        QList<qint64> askedAt;
        network.hook = [&](int n, const QString &path, FaultyNetwork::Change &change) {
            if (path != ChangesPath)
                return false;
            askedAt.append(clock.elapsed());
            if (n > 1)
                return false;
            change.finishDelayMs = 400;
            return true;
        };
        SyncEngine::Options options;
        options.pageLimit = 40;
        SyncClient moderator(*m_server, QStringLiteral("moderator"), options, &network);
        const SyncResult result = moderator.syncOnce();
        QVERIFY2(result.succeeded(), qPrintable(result.message));
        QCOMPARE(moderator.localVersions(), moderator.serverVersions());
        QVERIFY2(askedAt.size() >= 3, "the sync should take at least three pages");
        QVERIFY2(askedAt[1] - askedAt[0] >= 350,
                 qPrintable(QStringLiteral("the second page asked for %1 ms after the first")
                                .arg(askedAt[1] - askedAt[0])));
        QVERIFY2(askedAt[2] - askedAt[1] < 350,
                 qPrintable(QStringLiteral("the third page asked for %1 ms after the second")
                                .arg(askedAt[2] - askedAt[1])));
    }

    // Actions for different complaints go several at once (at most
    // actionsInFlight), those of one complaint one after another and in the
    // order written: each answer held back 300 ms.
    void actionsGoConcurrentlyExceptWithinAComplaint()
    {
        FaultyNetwork network;
        QElapsedTimer clock;
        clock.start();
        QList<QPair<qint64, QString>> asked; // when, which path
        network.hook = [&](int, const QString &path, FaultyNetwork::Change &change) {
            if (!path.endsWith(QLatin1String("/actions")))
                return false;
            asked.append({clock.elapsed(), path});
            change.finishDelayMs = 300;
            return true;
        };
        SyncEngine::Options options;
        options.actionsInFlight = 3;
        SyncClient clerk(*m_server, QStringLiteral("clerk"), options, &network);
        QVERIFY(clerk.syncOnce().succeeded());
        const QList<qint64> ids = clerk.localVersions().keys().mid(0, 5);
        QCOMPARE(ids.size(), 5);
        UserActions actions(clerk.cache());
        const auto note = [&](qint64 id, const QString &text) {
            actions.submit(id, QStringLiteral("note"), {{QStringLiteral("text"), text}},
                           clerk.localVersions().value(id));
        };
        for (int i = 0; i < 3; ++i)
            note(ids[0], QStringLiteral("по порядку %1").arg(i));
        for (int i = 1; i < 5; ++i)
            note(ids[i], QStringLiteral("одна %1").arg(i));
        asked.clear();
        const SyncResult result = clerk.syncOnce();
        QVERIFY2(result.succeeded(), qPrintable(result.message));
        QCOMPARE(result.actionsDone, 7);
        QCOMPARE(clerk.cache().outbox().count(), 0);
        QCOMPARE(asked.size(), 7);
        // Three at once from the start, never more.
        QVERIFY2(asked[2].first - asked[0].first < 200, "the first three did not go at once");
        for (int i = 3; i < asked.size(); ++i)
            QVERIFY2(asked[i].first - asked[i - 3].first >= 250, "more than three on their way");
        // The first complaint's three: each after the one before was answered.
        const QString first = QStringLiteral("/api/v1/complaints/%1/actions").arg(ids[0]);
        QList<qint64> firstAt;
        for (const auto &[at, path] : std::as_const(asked)) {
            if (path == first)
                firstAt.append(at);
        }
        QCOMPARE(firstAt.size(), 3);
        QVERIFY(firstAt[1] - firstAt[0] >= 250 && firstAt[2] - firstAt[1] >= 250);
        const auto history =
            m_server->get(QStringLiteral("/api/v1/complaints/%1/history").arg(ids[0]), m_moderator);
        QStringList notes;
        for (const QJsonValue &entry : history.json().value(QStringLiteral("entries")).toArray()) {
            const QString comment = entry.toObject().value(QStringLiteral("comment")).toString();
            if (comment.startsWith(QStringLiteral("по порядку")))
                notes.append(comment);
        }
        QCOMPARE(notes, (QStringList{QStringLiteral("по порядку 0"), QStringLiteral("по порядку 1"),
                                     QStringLiteral("по порядку 2")}));
        QCOMPARE(clerk.localVersions(), clerk.serverVersions());
    }

    // A duplicate mark waits for the earlier actions of the complaint it
    // names; cancelling with several on their way loses none and applies
    // none twice.
    void duplicateWaitsForItsOriginalAndCancelKeepsTheRest()
    {
        FaultyNetwork network;
        QElapsedTimer clock;
        clock.start();
        QHash<QString, qint64> askedAt; // path: when first asked
        int actionRequests = 0;
        network.hook = [&](int, const QString &path, FaultyNetwork::Change &change) {
            if (!path.endsWith(QLatin1String("/actions")))
                return false;
            ++actionRequests;
            if (!askedAt.contains(path))
                askedAt.insert(path, clock.elapsed());
            change.finishDelayMs = 300;
            return true;
        };
        SyncClient moderator(*m_server, QStringLiteral("moderator"), {}, &network);
        QVERIFY(moderator.syncOnce().succeeded());
        const qint64 copy = moderator.take(QStringLiteral("moderation"));
        const qint64 original = moderator.take(QStringLiteral("published"));
        QVERIFY(copy > 0 && original > 0);
        UserActions actions(moderator.cache());
        actions.submit(original, QStringLiteral("note"),
                       {{QStringLiteral("text"), QStringLiteral("до отметки дубля")}},
                       moderator.localVersions().value(original));
        actions.submit(copy, QStringLiteral("mark_duplicate"),
                       {{QStringLiteral("duplicate_of"), original}},
                       moderator.localVersions().value(copy));
        const SyncResult marked = moderator.syncOnce();
        QVERIFY2(marked.succeeded(), qPrintable(marked.message));
        QCOMPARE(marked.actionsDone, 2);
        const auto path = [](qint64 id) {
            return QStringLiteral("/api/v1/complaints/%1/actions").arg(id);
        };
        QVERIFY2(askedAt.value(path(copy)) - askedAt.value(path(original)) >= 250,
                 "the duplicate mark went before its original's note was answered");

        // Six notes on six complaints; the sync cancelled with four on their way.
        const QList<qint64> ids = moderator.localVersions().keys().mid(10, 6);
        for (const qint64 id : ids)
            actions.submit(id, QStringLiteral("note"),
                           {{QStringLiteral("text"), QStringLiteral("отмена %1").arg(id)}},
                           moderator.localVersions().value(id));
        actionRequests = 0;
        QSignalSpy finished(&moderator.engine(), &SyncEngine::finished);
        QVERIFY(moderator.engine().start());
        QTRY_COMPARE_WITH_TIMEOUT(actionRequests, 4, 5000);
        moderator.engine().cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
        QCOMPARE(finished.first().first().value<SyncResult>().outcome,
                 SyncResult::Outcome::Cancelled);
        QCOMPARE(moderator.cache().outbox().count(), 6);
        network.hook = {};
        const SyncResult rest = moderator.syncOnce();
        QVERIFY2(rest.succeeded(), qPrintable(rest.message));
        QCOMPARE(moderator.cache().outbox().count(), 0);
        for (const qint64 id : ids)
            QCOMPARE(serverNotesWithText(id, QStringLiteral("отмена %1").arg(id)), 1);
        QCOMPARE(moderator.localVersions(), moderator.serverVersions());
    }

    void manyRecordsWithTheSameTimestamp()
    {
        SyncEngine::Options options;
        options.pageLimit = 7;
        SyncClient clerk(*m_server, QStringLiteral("clerk"), options);
        QVERIFY(clerk.syncOnce().succeeded());
        // 40 changes in a burst; then every record claims the same instant.
        QList<qint64> changed;
        for (int i = 0; i < 40; ++i) {
            const qint64 id = clerk.take(QStringLiteral("published"));
            if (!id)
                break;
            noteOnServer(id, QStringLiteral("одновременно %1").arg(i));
            changed.append(id);
        }
        FaultyNetwork network;
        network.hook = [](int, const QString &path, FaultyNetwork::Change &change) {
            if (path != ChangesPath)
                return false;
            change.rewrite = [](const QByteArray &body) {
                QJsonObject page = QJsonDocument::fromJson(body).object();
                QJsonArray records = page.value(QStringLiteral("records")).toArray();
                for (qsizetype i = 0; i < records.size(); ++i) {
                    QJsonObject r = records[i].toObject();
                    r.insert(QStringLiteral("updated_at"),
                             QStringLiteral("2026-11-20T09:30:00.000Z"));
                    records[i] = r;
                }
                page.insert(QStringLiteral("records"), records);
                return QJsonDocument(page).toJson(QJsonDocument::Compact);
            };
            return true;
        };
        const QString copyPath = clerk.cachePath() + QStringLiteral(".copy");
        {
            sqlite::Database db(clerk.cachePath(), sqlite::Database::OpenMode::ReadWrite);
            db.exec(QStringLiteral("VACUUM INTO '%1'").arg(copyPath));
        }
        SyncClient sameInstant(*m_server, QStringLiteral("clerk"), options, &network, copyPath);
        const SyncResult result = sameInstant.syncOnce();
        QVERIFY2(result.succeeded(), qPrintable(result.message));
        QCOMPARE(result.progress.records, changed.size());
        QVERIFY(result.progress.pages >= changed.size() / 7);
        QCOMPARE(sameInstant.localVersions(), sameInstant.serverVersions());
    }

    // The search index is built after a first sync, in the background; a
    // cache fault there stops it with the cache's own words (not silently),
    // and the next round picks up where it stopped.
    void aFaultWhileIndexingIsSaidAndRecovered()
    {
        bool armed = false;
        SyncEngine::Options options;
        options.cacheFaultHook = [&armed] { return armed; };
        SyncClient client(*m_server, QStringLiteral("clerk"), options);
        QVERIFY(client.syncOnce().succeeded());
        // What a first load leaves for the background: the search backlog
        // and the desk's sort indexes (one a round). Read raw: opening a
        // LocalCache would catch up on some of it.
        const auto backlog = [&] {
            sqlite::Database db(client.cachePath(), sqlite::Database::OpenMode::ReadOnly);
            return db.queryInt(
                QStringLiteral("SELECT (SELECT count(*) FROM search_pending) + "
                               "(SELECT count(*) FROM meta WHERE key LIKE 'deferred_sql.%')"));
        };
        const qint64 pending = backlog();
        QVERIFY2(pending > 0, "a first sync leaves indexing for the background");

        QSignalSpy stopped(&client.engine(), &SyncEngine::searchIndexStopped);
        QSignalSpy progressed(&client.engine(), &SyncEngine::searchIndexChanged);
        armed = true;
        client.engine().indexSearchInBackground();
        QVERIFY(stopped.wait(10000));
        QCOMPARE(progressed.size(), 0);
        const QString message = stopped.first().first().toString();
        QVERIFY2(message.contains(QDir::toNativeSeparators(client.cachePath())),
                 qPrintable(message)); // names the file
        QCOMPARE(backlog(), pending);  // nothing half-done

        armed = false;
        client.engine().indexSearchInBackground();
        QTRY_VERIFY_WITH_TIMEOUT(
            !progressed.isEmpty() && progressed.last().first().toLongLong() == 0, 20000);
        QCOMPARE(backlog(), 0);
        QCOMPARE(stopped.size(), 1);
    }

    void everyCacheFaultConverges()
    {
        // The baseline: a clerk's cache, synced.
        SyncEngine::Options options;
        options.pageLimit = 4;
        SyncClient baseline(*m_server, QStringLiteral("clerk"), options);
        QVERIFY(baseline.syncOnce().succeeded());
        // Complaints to change: notes go on any state (a working service has
        // few awaiting an answer at a time).
        QList<qint64> pool;
        for (const char *state : {"published", "in_progress", "solved", "confirmed"})
            for (qint64 id = baseline.take(QString::fromLatin1(state)); id && pool.size() < 400;
                 id = baseline.take(QString::fromLatin1(state)))
                pool.append(id);
        QVERIFY(pool.size() >= 6);

        int operations = -1; // of a fault-free run, measured at i = 0
        int faultsThatFailedARun = 0;
        for (int i = 0;; ++i) {
            // Each round: the server changes two complaints, the user queues
            // a note on a third, then a sync whose i-th cache operation fails.
            const qint64 a = pool[(3 * i) % pool.size()];
            const qint64 b = pool[(3 * i + 1) % pool.size()];
            const qint64 mine = pool[(3 * i + 2) % pool.size()];
            QVERIFY(baseline.syncOnce().succeeded());
            noteOnServer(a, QStringLiteral("сервер %1").arg(i));
            noteOnServer(b, QStringLiteral("сервер %1").arg(i));
            const QString path = baseline.cachePath() + QStringLiteral(".round");
            QFile::remove(path);
            QFile::remove(path + QStringLiteral("-wal"));
            QFile::remove(path + QStringLiteral("-shm"));
            {
                // A consistent copy of the baseline, its WAL included.
                sqlite::Database db(baseline.cachePath(), sqlite::Database::OpenMode::ReadWrite);
                db.exec(QStringLiteral("VACUUM INTO '%1'").arg(path));
            }
            const QString text = QStringLiteral("моя заметка %1").arg(i);
            {
                auto cache = LocalCache::open(path);
                UserActions(*cache).submit(mine, QStringLiteral("note"),
                                           {{QStringLiteral("text"), text}},
                                           cache->complaints().complaint(mine)->version);
            }
            int counter = 0;
            SyncEngine::Options faulty = options;
            faulty.cacheFaultHook = [&counter, i] { return ++counter == i; };
            bool faultHit = false;
            {
                SyncClient client(*m_server, QStringLiteral("clerk"), faulty, nullptr, path);
                const SyncResult result = client.syncOnce();
                faultHit = i > 0 && counter >= i;
                if (faultHit && !result.succeeded())
                    ++faultsThatFailedARun;
                if (!faultHit)
                    QVERIFY2(result.succeeded(), qPrintable(result.message));
                if (i == 0)
                    operations = counter;
            }
            // The next sync, without faults, converges.
            SyncClient after(*m_server, QStringLiteral("clerk"), options, nullptr, path);
            const SyncResult result = after.syncOnce();
            QVERIFY2(
                result.succeeded(),
                qPrintable(QStringLiteral("fault at operation %1: %2").arg(i).arg(result.message)));
            QCOMPARE(integrityCheck(path), QStringLiteral("ok"));
            QCOMPARE(after.cache().outbox().count(), 0);
            QCOMPARE(after.localVersions(), after.serverVersions());
            QCOMPARE(serverNotesWithText(mine, text), 1);
            QCOMPARE(after.cache().bulkLoad().isActive(), false);
            if (i > 0 && !faultHit)
                break; // past the last operation of a sync
        }
        qInfo("a sync made %d cache operations; %d injected faults ended their run early",
              operations, faultsThatFailedARun);
        QVERIFY(operations > 10);
        QVERIFY(faultsThatFailedARun > operations / 2);
    }
};

QTEST_GUILESS_MAIN(TestSyncFaults)
#include "tst_syncfaults.moc"
