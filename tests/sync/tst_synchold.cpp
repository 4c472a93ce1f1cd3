// The hold before sending (docs/sync.md "Hold") against the real reference
// server: an action held for Undo is not sent during the hold (the engine's
// clock is moved, not waited for), nor anything after it on the same
// complaint; it goes once the hold is over, in order; one taken back during
// the hold never reaches the server; Send now and a hold of 0 send at once;
// a hold is no retry after a failure; and the controller wakes by itself
// when the hold ends.

#include "Connection.h"
#include "SyncController.h"
#include "SyncHarness.h"
#include "UserActions.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace rd;
using rd::test::SyncClient;
using rd::test::TestServer;

namespace {

QJsonObject note(const QString &text)
{
    return {{QStringLiteral("text"), text}};
}

} // namespace

class TestSyncHold : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;

    // The texts of the complaint's notes on the server, oldest first.
    QStringList serverNotes(qint64 id)
    {
        const QByteArray chief = m_server->signIn(QStringLiteral("chief"));
        QStringList notes;
        const auto r =
            m_server->get(QStringLiteral("/api/v1/complaints/%1/history").arg(id), chief);
        for (const QJsonValue &e : r.json().value(QStringLiteral("entries")).toArray()) {
            if (e.toObject().value(QStringLiteral("action")).toString() == QLatin1String("note"))
                notes.append(e.toObject().value(QStringLiteral("comment")).toString());
        }
        return notes;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(1500);
        QVERIFY(m_server->isRunning());
    }

    void aHeldActionWaitsAndThenGoesInOrder()
    {
        SyncClient clerk(*m_server, QStringLiteral("clerk"));
        QVERIFY(clerk.syncOnce().succeeded());
        const qint64 id = clerk.take(QStringLiteral("published"), 1);
        UserActions held(clerk.cache());
        held.setHoldSeconds(600);
        const qint64 seq = held.submit(id, QStringLiteral("note"), note(QStringLiteral("первая")),
                                       clerk.localVersions().value(id));
        // Made right after, with no hold: still behind the held one.
        UserActions atOnce(clerk.cache());
        atOnce.submit(id, QStringLiteral("note"), note(QStringLiteral("вторая")),
                      clerk.localVersions().value(id));

        const SyncResult during = clerk.syncOnce();
        QVERIFY(during.succeeded());
        QCOMPARE(during.actionsDone, 0);
        QCOMPARE(clerk.cache().outbox().count(), 2);
        QVERIFY(serverNotes(id).isEmpty());
        const OutboxAction waiting = *clerk.cache().outbox().action(seq);
        QCOMPARE(waiting.status, OutboxStatus::Pending);
        QCOMPARE(waiting.attempts, 0);
        QVERIFY(waiting.lastError.isEmpty());
        QVERIFY2(!during.nextRetryAt.isValid(), "a hold is not a retry after a failure");

        // A minute before the end (the margin is the test's own running
        // time, which a loaded machine stretches): still held.
        clerk.setClockOffsetSeconds(540);
        QCOMPARE(clerk.syncOnce().actionsDone, 0);
        clerk.setClockOffsetSeconds(601);
        const SyncResult after = clerk.syncOnce();
        QCOMPARE(after.actionsDone, 2);
        QCOMPARE(clerk.cache().outbox().count(), 0);
        QCOMPARE(serverNotes(id),
                 (QStringList{QStringLiteral("первая"), QStringLiteral("вторая")}));
    }

    void takenBackDuringTheHoldNothingReachesTheServer()
    {
        SyncClient clerk(*m_server, QStringLiteral("clerk"));
        QVERIFY(clerk.syncOnce().succeeded());
        const qint64 id = clerk.take(QStringLiteral("published"), 1);
        UserActions actions(clerk.cache());
        actions.setHoldSeconds(10);
        const qint64 seq =
            actions.submit(id, QStringLiteral("solve"),
                           {{QStringLiteral("text"), QStringLiteral("Яму заделали, проверено.")}},
                           clerk.localVersions().value(id));
        QCOMPARE(clerk.syncOnce().actionsDone, 0);
        QVERIFY(actions.undo(seq));
        clerk.setClockOffsetSeconds(60);
        const SyncResult result = clerk.syncOnce();
        QVERIFY(result.succeeded());
        QCOMPARE(result.actionsDone, 0);
        QCOMPARE(clerk.serverHistoryCount(id, QStringLiteral("solve")), 0);
        QCOMPARE(clerk.cache().complaints().complaint(id)->state, ComplaintState::Published);
        QVERIFY(clerk.cache().drafts().draft(id)); // the answer is back as the draft it was
    }

    void sendNowAndAHoldOfZeroSendAtOnce()
    {
        SyncClient clerk(*m_server, QStringLiteral("clerk"));
        QVERIFY(clerk.syncOnce().succeeded());
        const qint64 first = clerk.take(QStringLiteral("published"), 1);
        const qint64 second = clerk.take(QStringLiteral("published"), 1);
        UserActions actions(clerk.cache());
        actions.setHoldSeconds(60);
        actions.submit(first, QStringLiteral("note"), note(QStringLiteral("сразу")),
                       clerk.localVersions().value(first));
        QCOMPARE(actions.releaseHolds(), 1); // Send now
        QCOMPARE(clerk.syncOnce().actionsDone, 1);
        QCOMPARE(serverNotes(first), QStringList{QStringLiteral("сразу")});

        actions.setHoldSeconds(0);
        actions.submit(second, QStringLiteral("note"), note(QStringLiteral("без паузы")),
                       clerk.localVersions().value(second));
        QCOMPARE(clerk.syncOnce().actionsDone, 1);
        QCOMPARE(serverNotes(second), QStringList{QStringLiteral("без паузы")});
    }

    // The desk's controller: the held count in its status, no send by the
    // run a local change starts, and a run of its own when the hold ends
    // (a real two-second hold: the timer is what is tested).
    void theControllerWakesWhenTheHoldEnds()
    {
        SyncClient probe(*m_server, QStringLiteral("clerk"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        auto ui = LocalCache::open(path);
        Connection connection;
        SyncController controller(path, *ui, connection, {});
        controller.setLocalChangeDelay(50);
        QSignalSpy finished(&controller, &SyncController::finished);
        connection.setSession(QUrl(m_server->baseUrl()), QStringLiteral("clerk"),
                              m_server->signIn(QStringLiteral("clerk")));
        QVERIFY(finished.wait(30000));

        qint64 id = 0; // one no earlier test has put a note on
        do
            id = probe.take(QStringLiteral("published"), 1);
        while (id && !serverNotes(id).isEmpty());
        QVERIFY(id);
        UserActions actions(*ui);
        actions.setHoldSeconds(2);
        QElapsedTimer sinceSubmit;
        sinceSubmit.start();
        actions.submit(id, QStringLiteral("note"), note(QStringLiteral("после паузы")),
                       ui->complaints().complaint(id)->version);
        controller.notifyLocalChange();
        QCOMPARE(controller.status().pendingActions, 1);
        QCOMPARE(controller.status().heldActions, 1);
        QCOMPARE(controller.status().holdFirstRelease,
                 ui->outbox().all().first().createdAt.addSecs(2));
        QVERIFY(finished.wait(30000)); // the local change's run: nothing sent
        QCOMPARE(finished.last().first().value<SyncResult>().actionsDone, 0);
        QVERIFY(serverNotes(id).isEmpty());
        QVERIFY(!controller.status().nextRetry.isValid());

        QTRY_COMPARE_WITH_TIMEOUT(serverNotes(id), QStringList{QStringLiteral("после паузы")},
                                  15000);
        QVERIFY2(sinceSubmit.elapsed() >= 1900, qPrintable(QString::number(sinceSubmit.elapsed())));
        QTRY_COMPARE_WITH_TIMEOUT(controller.status().pendingActions, 0, 15000);
        QCOMPARE(controller.status().heldActions, 0);
        QVERIFY(!controller.status().syncing || finished.wait(30000));
    }
};

QTEST_GUILESS_MAIN(TestSyncHold)
#include "tst_synchold.moc"
