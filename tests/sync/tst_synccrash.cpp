// Crash safety (DESIGN.md §4): a sync client process is killed outright
// (QProcess::kill(): SIGKILL on POSIX, TerminateProcess on Windows) at
// random moments during pulls and pushes, many times over. After every
// kill the cache passes PRAGMA integrity_check and holds no complaint in a
// version the server never had; in the end, after one undisturbed run, the
// cache equals the server and every queued action reached the server
// exactly once.

#include "SyncHarness.h"
#include "UserActions.h"
#include "sqlite/Database.h"

#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

using namespace rd;
using rd::test::actionBody;
using rd::test::SyncClient;
using rd::test::TestServer;

class TestSyncCrash : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(500);
        QVERIFY2(m_server->isRunning(), "regiondesk-server did not start");
    }

    void killedAtRandomMomentsLosesAndRepeatsNothing()
    {
        // The moderator sees everything: the largest pull.
        SyncClient client(*m_server, QStringLiteral("moderator"));
        const QByteArray moderator = client.token();
        const QString owner = m_server->baseUrl() + QStringLiteral("|moderator");
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("random seed %u", seed);
        QRandomGenerator random(seed);

        QList<QJsonObject> records = client.serverRecords();
        QHash<qint64, QString> queued; // complaint → the unique text of its note
        // Every answer a little slow, so that kills land inside pulls and pushes.
        m_server->hook(QStringLiteral("faults"),
                       {{QStringLiteral("kind"), QStringLiteral("delay")},
                        {QStringLiteral("path"), QStringLiteral("/api/v1/c")},
                        {QStringLiteral("count"), 1'000'000},
                        {QStringLiteral("delay_ms"), 8}});
        int kills = 0;
        int finishedOnTheirOwn = 0;
        for (int round = 0; round < 30; ++round) {
            // Work for this round: the user queues notes, the server changes.
            {
                LocalCache &cache = client.cache();
                UserActions actions(cache);
                for (int k = 0; k < 3; ++k) {
                    const QJsonObject r = records[random.bounded(int(records.size()))];
                    const qint64 id = r.value(QStringLiteral("id")).toInteger();
                    if (queued.contains(id) || cache.outbox().forComplaint(id).size() > 0)
                        continue;
                    // Made on the server's latest version (a stale one would
                    // rightly end in a conflict, not what this test is about).
                    const qint64 version = client.serverVersion(id);
                    const QString text = QStringLiteral("заметка %1-%2").arg(round).arg(k);
                    actions.submit(id, QStringLiteral("note"), {{QStringLiteral("text"), text}},
                                   version);
                    queued.insert(id, text);
                }
            }
            for (int k = 0; k < 3; ++k) {
                const qint64 id = records[random.bounded(int(records.size()))]
                                      .value(QStringLiteral("id"))
                                      .toInteger();
                if (queued.contains(id))
                    continue; // keeps the user's notes free of conflicts
                m_server->act(id,
                              actionBody(QStringLiteral("note"), client.serverVersion(id),
                                         {{QStringLiteral("text"), QStringLiteral("сервер")}}),
                              moderator);
            }
            if (round % 6 == 5)
                m_server->hook(QStringLiteral("new-epoch")); // a full resync to be killed in
            QProcess worker;
            worker.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("regiondesk.*=false"));
            worker.setProcessEnvironment(env);
            worker.start(
                QStringLiteral(SYNCWORKER_BINARY),
                {m_server->baseUrl(), QString::fromLatin1(moderator), client.cachePath(), owner});
            QVERIFY(worker.waitForStarted());
            const int delay = int(random.bounded(30, 400));
            if (!worker.waitForFinished(delay)) {
                worker.kill(); // SIGKILL on POSIX, TerminateProcess on Windows
                worker.waitForFinished();
                ++kills;
            } else {
                ++finishedOnTheirOwn;
            }
            // After every kill: a sound file, and nothing the server never had.
            sqlite::Database db(client.cachePath(), sqlite::Database::OpenMode::ReadOnly);
            QCOMPARE(db.queryText(QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
            const auto server = client.serverVersions();
            const auto local = client.localVersions();
            for (auto it = local.begin(); it != local.end(); ++it)
                QVERIFY2(server.value(it.key()) >= it.value(),
                         qPrintable(QStringLiteral("complaint %1").arg(it.key())));
        }
        qInfo("%d kills, %d runs finished before their kill", kills, finishedOnTheirOwn);
        QVERIFY(kills >= 10);

        // One undisturbed run: everything converges.
        m_server->hook(QStringLiteral("faults"), {{QStringLiteral("kind"), QStringLiteral("none")},
                                                  {QStringLiteral("path"), QStringLiteral("/")}});
        const SyncResult last = client.syncOnce();
        QVERIFY2(last.succeeded(), qPrintable(last.message));
        for (const OutboxAction &left : client.cache().outbox().all())
            qWarning() << "left in the outbox:" << left.complaintId << toCode(left.status)
                       << left.lastError;
        QCOMPARE(client.cache().outbox().count(), 0);
        QCOMPARE(client.localVersions(), client.serverVersions());
        for (auto it = queued.begin(); it != queued.end(); ++it) {
            int seen = 0;
            const auto r = m_server->get(
                QStringLiteral("/api/v1/complaints/%1/history").arg(it.key()), moderator);
            for (const QJsonValue &e : r.json().value(QStringLiteral("entries")).toArray())
                seen += e.toObject().value(QStringLiteral("comment")).toString() == it.value();
            QVERIFY2(seen == 1, qPrintable(QStringLiteral("%1 on complaint %2: seen %3 times")
                                               .arg(it.value())
                                               .arg(it.key())
                                               .arg(seen)));
        }
    }
};

QTEST_GUILESS_MAIN(TestSyncCrash)
#include "tst_synccrash.moc"
