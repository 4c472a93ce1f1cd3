// The sync engine against the real reference server on loopback: first and
// incremental sync, tombstones, resync, the outbox with its conflicts and
// refusals, token expiry, and the server's injected faults. Each test uses a
// fresh client cache; complaints are taken so that no two tests share one.

#include "SyncHarness.h"
#include "SyncStore.h"
#include "UserActions.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace rd;
using rd::test::actionBody;
using rd::test::SyncClient;
using rd::test::TestServer;

namespace {

QJsonObject fields(std::initializer_list<QPair<QString, QJsonValue>> items)
{
    QJsonObject object;
    for (const auto &[key, value] : items)
        object.insert(key, value);
    return object;
}

const QString SolvedText = QStringLiteral("Яму засыпали щебнем и заасфальтировали.");

} // namespace

class TestSyncEngine : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    QByteArray m_moderator;

    SyncEngine::Options smallPages(int limit = 40)
    {
        SyncEngine::Options options;
        options.pageLimit = limit;
        return options;
    }
    void fault(const QString &kind, const QString &path, int count = 1, int delayMs = 0)
    {
        m_server->hook(QStringLiteral("faults"), {{QStringLiteral("kind"), kind},
                                                  {QStringLiteral("path"), path},
                                                  {QStringLiteral("count"), count},
                                                  {QStringLiteral("delay_ms"), delayMs}});
    }
    void clearFaults() { fault(QStringLiteral("none"), QStringLiteral("/")); }
    int moderatorAct(qint64 id, const QString &action, const QJsonObject &extra)
    {
        const qint64 version =
            m_server->complaint(id, m_moderator).value(QStringLiteral("version")).toInteger();
        return m_server->act(id, actionBody(action, version, extra), m_moderator).status;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(600);
        QVERIFY2(m_server->isRunning(), "regiondesk-server did not start");
        m_moderator = m_server->signIn(QStringLiteral("moderator"));
    }
    void cleanup() { clearFaults(); }

    void firstSyncBringsEverythingInScope()
    {
        SyncClient clerk(*m_server, QStringLiteral("clerk"), smallPages(40));
        QSignalSpy progress(&clerk.engine(), &SyncEngine::progressChanged);
        const SyncResult result = clerk.syncOnce();
        QVERIFY2(result.succeeded(), qPrintable(result.message));
        const auto server = clerk.serverVersions();
        QVERIFY(server.size() > 40); // more than one page
        QCOMPARE(clerk.localVersions(), server);
        QCOMPARE(result.progress.records, server.size());
        QVERIFY(result.progress.pages >= 2);
        QVERIFY(result.progress.bytes > 0);
        QVERIFY(progress.size() >= result.progress.pages);
        // Clerks do not see personal data; the catalogue came along.
        const auto any = clerk.cache().complaints().complaint(server.keys().first());
        QVERIFY(any && any->authorName.isEmpty());
        QVERIFY(!clerk.cache().catalogue().load().categories.isEmpty());
        QVERIFY(clerk.cache().syncState().lastSuccess.isValid());
        QVERIFY(!clerk.cache().syncState().catalogueEtag.isEmpty());
        QCOMPARE(clerk.cache().quickCheck(), QStringList());
        // Photos came with their complaints (what "make available offline"
        // fetches for a queue).
        int serverPhotos = 0;
        for (const QJsonObject &r : clerk.serverRecords())
            serverPhotos += int(r.value(QStringLiteral("photos")).toArray().size());
        QVERIFY(serverPhotos > 0);
        QCOMPARE(clerk.cache().media().photoIds(server.keys()).size(), serverPhotos);
        // The text index is built afterwards, in chunks.
        QSignalSpy indexed(&clerk.engine(), &SyncEngine::searchIndexChanged);
        clerk.engine().indexSearchInBackground();
        QTRY_VERIFY(!indexed.isEmpty() && indexed.last().first().toLongLong() == 0);
        QCOMPARE(clerk.cache().search().pendingCount(), 0);
    }

    void incrementalSyncBringsOnlyChanges()
    {
        SyncClient moderator(*m_server, QStringLiteral("moderator"), smallPages(100));
        QVERIFY(moderator.syncOnce().succeeded());
        const auto etag = moderator.cache().syncState().catalogueEtag;
        const qint64 a = moderator.take(QStringLiteral("moderation"));
        const qint64 b = moderator.take(QStringLiteral("published"));
        QVERIFY(a && b);
        QCOMPARE(moderatorAct(a, QStringLiteral("publish"),
                              fields({{QStringLiteral("category_id"), 1},
                                      {QStringLiteral("agency_id"), 1}})),
                 200);
        QCOMPARE(moderatorAct(b, QStringLiteral("note"),
                              fields({{QStringLiteral("text"), QStringLiteral("Проверить.")}})),
                 200);
        QSignalSpy changed(&moderator.engine(), &SyncEngine::complaintsChanged);
        const SyncResult result = moderator.syncOnce();
        QVERIFY(result.succeeded());
        QCOMPARE(result.progress.records, 2);
        QCOMPARE(result.progress.pages, 1);
        QList<qint64> ids;
        for (const auto &signal : changed)
            ids += signal.first().value<QList<qint64>>();
        QCOMPARE(QSet<qint64>(ids.begin(), ids.end()), QSet<qint64>({a, b}));
        QCOMPARE(moderator.cache().complaints().complaint(a)->state, ComplaintState::Published);
        QCOMPARE(moderator.localVersions(), moderator.serverVersions());
        QCOMPARE(moderator.cache().syncState().catalogueEtag, etag); // 304, kept
        // Nothing new: an empty page.
        const SyncResult idle = moderator.syncOnce();
        QVERIFY(idle.succeeded());
        QCOMPARE(idle.progress.records, 0);
    }

    void tombstonesRemoveWhatLeftScope()
    {
        SyncClient clerk(*m_server, QStringLiteral("clerk"));
        QVERIFY(clerk.syncOnce().succeeded());
        const qint64 id = clerk.take(QStringLiteral("published"), 1);
        QVERIFY(id);
        QVERIFY(clerk.cache().complaints().complaint(id));
        QCOMPARE(
            moderatorAct(id, QStringLiteral("reroute"), fields({{QStringLiteral("agency_id"), 2}})),
            200);
        const SyncResult result = clerk.syncOnce();
        QVERIFY(result.succeeded());
        QCOMPARE(result.progress.tombstones, 1);
        QVERIFY(!clerk.cache().complaints().complaint(id));
        QCOMPARE(clerk.localVersions(), clerk.serverVersions());
    }

    void reroutedAwayWithADraftStaysFlagged()
    {
        SyncClient clerk(*m_server, QStringLiteral("clerk"));
        QVERIFY(clerk.syncOnce().succeeded());
        const qint64 id = clerk.take(QStringLiteral("published"), 1);
        Draft draft;
        draft.complaintId = id;
        draft.kind = QStringLiteral("refuse");
        draft.text = QStringLiteral("Черновик отказа, который нельзя терять.");
        draft.baseVersion = clerk.localVersions().value(id);
        clerk.cache().drafts().save(draft);
        QCOMPARE(
            moderatorAct(id, QStringLiteral("reroute"), fields({{QStringLiteral("agency_id"), 3}})),
            200);
        QVERIFY(clerk.syncOnce().succeeded());
        QVERIFY(clerk.cache().complaints().complaint(id));
        QVERIFY(clerk.cache().complaints().hasLeftScope(id));
        QCOMPARE(clerk.cache().drafts().draft(id)->text, draft.text);
        // Discarding the draft lets it go.
        clerk.cache().drafts().discard(id);
        QVERIFY(!clerk.cache().complaints().complaint(id));
    }

    void newEpochResyncsKeepingLocalWork()
    {
        SyncClient clerk(*m_server, QStringLiteral("clerk"), smallPages(50));
        QVERIFY(clerk.syncOnce().succeeded());
        const qint64 drafted = clerk.take(QStringLiteral("published"), 1);
        const qint64 queued = clerk.take(QStringLiteral("published"), 1);
        Draft draft;
        draft.complaintId = drafted;
        draft.kind = QStringLiteral("solve");
        draft.text = QStringLiteral("Черновик");
        draft.baseVersion = 1;
        clerk.cache().drafts().save(draft);
        // Something the server no longer has must go in the resync.
        Complaint ghost = clerk.cache().complaints().complaint(drafted).value();
        ghost.id = 9'000'001;
        clerk.cache().complaints().upsert({ghost});
        m_server->hook(QStringLiteral("new-epoch"));
        // Queued before the resync; sent (200) in the same run.
        UserActions actions(clerk.cache());
        actions.submit(queued, QStringLiteral("note"),
                       fields({{QStringLiteral("text"), QStringLiteral("Во время пересинхр.")}}),
                       clerk.localVersions().value(queued));
        const SyncResult result = clerk.syncOnce();
        QVERIFY2(result.succeeded(), qPrintable(result.message));
        QVERIFY(result.resynced);
        QVERIFY(!clerk.cache().complaints().complaint(ghost.id));
        QCOMPARE(clerk.cache().drafts().draft(drafted)->text, QStringLiteral("Черновик"));
        QCOMPARE(clerk.cache().outbox().count(), 0);
        QCOMPARE(clerk.serverHistoryCount(queued, QStringLiteral("note")), 1);
        QCOMPARE(clerk.localVersions(), clerk.serverVersions());
        QVERIFY(!clerk.cache().bulkLoad().isResyncing());
    }

    void cursorTooOldResyncs()
    {
        SyncClient clerk(*m_server, QStringLiteral("clerk"));
        QVERIFY(clerk.syncOnce().succeeded());
        const qint64 id = clerk.take(QStringLiteral("published"), 1);
        QCOMPARE(
            moderatorAct(id, QStringLiteral("reroute"), fields({{QStringLiteral("agency_id"), 4}})),
            200);
        // The server forgets the tombstone; only a resync can notice.
        m_server->hook(QStringLiteral("advance-clock"), {{QStringLiteral("seconds"), 40 * 86400}});
        m_server->hook(QStringLiteral("prune"));
        m_server->hook(QStringLiteral("advance-clock"), {{QStringLiteral("seconds"), -40 * 86400}});
        // Pruning also dropped the sessions that had expired by then.
        clerk.setToken(m_server->signIn(QStringLiteral("clerk")));
        m_moderator = m_server->signIn(QStringLiteral("moderator"));
        const SyncResult result = clerk.syncOnce();
        QVERIFY2(result.succeeded(), qPrintable(result.message));
        QVERIFY(result.resynced);
        QVERIFY(!clerk.cache().complaints().complaint(id));
        QCOMPARE(clerk.localVersions(), clerk.serverVersions());
    }

    void conflictKeepsBothAndCanBeReapplied()
    {
        SyncClient clerk(*m_server, QStringLiteral("clerk"));
        QVERIFY(clerk.syncOnce().succeeded());
        const qint64 id = clerk.take(QStringLiteral("published"), 1);
        const qint64 seen = clerk.localVersions().value(id);
        // Offline, the clerk answers; meanwhile the moderator redacts.
        UserActions actions(clerk.cache());
        const qint64 seq = actions.submit(id, QStringLiteral("solve"),
                                          fields({{QStringLiteral("text"), SolvedText}}), seen);
        QCOMPARE(
            moderatorAct(id, QStringLiteral("redact"),
                         fields({{QStringLiteral("text"), QStringLiteral("Отредактировано")}})),
            200);
        const SyncResult result = clerk.syncOnce();
        QVERIFY(result.succeeded());
        QCOMPARE(result.conflicts, 1);
        const auto action = clerk.cache().outbox().action(seq);
        QCOMPARE(action->status, OutboxStatus::Conflict);
        QVERIFY(!action->lastError.isEmpty());
        // The user's text is kept; the server's record waits beside the local one.
        QCOMPARE(QJsonDocument::fromJson(action->payload)["text"].toString(), SolvedText);
        QCOMPARE(clerk.cache().complaints().complaint(id)->version, seen);
        QCOMPARE(clerk.cache().complaints().serverCopy(id)->text,
                 QStringLiteral("Отредактировано"));
        QCOMPARE(clerk.serverHistoryCount(id, QStringLiteral("solve")), 0);
        // A conflict is not retried by itself.
        QVERIFY(clerk.syncOnce().succeeded());
        QCOMPARE(clerk.cache().outbox().action(seq)->status, OutboxStatus::Conflict);
        // Re-applied on the new version, it goes through once.
        actions.reapply(seq);
        const SyncResult second = clerk.syncOnce();
        QVERIFY(second.succeeded());
        QCOMPARE(second.actionsDone, 1);
        QCOMPARE(clerk.cache().outbox().count(), 0);
        QCOMPARE(clerk.serverHistoryCount(id, QStringLiteral("solve")), 1);
        const auto local = clerk.cache().complaints().complaint(id);
        QCOMPARE(local->state, ComplaintState::Solved);
        QCOMPARE(local->text, QStringLiteral("Отредактировано"));
        QVERIFY(!clerk.cache().complaints().serverCopy(id));
    }

    void conflictCanBeEditedOrDiscarded()
    {
        SyncClient clerk(*m_server, QStringLiteral("clerk"));
        QVERIFY(clerk.syncOnce().succeeded());
        const qint64 a = clerk.take(QStringLiteral("published"), 1);
        const qint64 b = clerk.take(QStringLiteral("published"), 1);
        UserActions actions(clerk.cache());
        const qint64 seqA = actions.submit(a, QStringLiteral("solve"),
                                           fields({{QStringLiteral("text"), SolvedText}}),
                                           clerk.localVersions().value(a));
        const qint64 seqB = actions.submit(b, QStringLiteral("solve"),
                                           fields({{QStringLiteral("text"), SolvedText}}),
                                           clerk.localVersions().value(b));
        for (const qint64 id : {a, b})
            QCOMPARE(moderatorAct(id, QStringLiteral("note"),
                                  fields({{QStringLiteral("text"), QStringLiteral("Срочно")}})),
                     200);
        QCOMPARE(clerk.syncOnce().conflicts, 2);
        actions.editAsDraft(seqA);
        const auto draft = clerk.cache().drafts().draft(a);
        QVERIFY(draft);
        QCOMPARE(draft->text, SolvedText);
        QCOMPARE(draft->baseVersion, clerk.serverVersion(a));
        QCOMPARE(clerk.cache().complaints().complaint(a)->version, clerk.serverVersion(a));
        actions.discard(seqB);
        QCOMPARE(clerk.cache().outbox().count(), 0);
        QCOMPARE(clerk.cache().complaints().complaint(b)->version, clerk.serverVersion(b));
        QVERIFY(clerk.syncOnce().succeeded());
        QCOMPARE(clerk.serverHistoryCount(a, QStringLiteral("solve")), 0);
        QCOMPARE(clerk.serverHistoryCount(b, QStringLiteral("solve")), 0);
    }

    void invalidFieldsGoBackToTheDraft()
    {
        SyncClient clerk(*m_server, QStringLiteral("clerk"));
        QVERIFY(clerk.syncOnce().succeeded());
        const qint64 id = clerk.take(QStringLiteral("published"), 1);
        UserActions actions(clerk.cache());
        const qint64 seq =
            actions.submit(id, QStringLiteral("refuse"),
                           fields({{QStringLiteral("ground"), QStringLiteral("no_substance")},
                                   {QStringLiteral("text"), QStringLiteral("Коротко.")}}),
                           clerk.localVersions().value(id));
        const SyncResult result = clerk.syncOnce();
        QVERIFY(result.succeeded());
        QCOMPARE(result.actionsFailed, 1);
        QCOMPARE(clerk.cache().outbox().action(seq)->status, OutboxStatus::Failed);
        const auto draft = clerk.cache().drafts().draft(id);
        QVERIFY(draft);
        QCOMPARE(draft->kind, QStringLiteral("refuse"));
        QCOMPARE(draft->text, QStringLiteral("Коротко."));
        QCOMPARE(draft->refusalGround, QStringLiteral("no_substance"));
        QVERIFY(
            QJsonDocument::fromJson(draft->fieldErrors).object().contains(QStringLiteral("text")));
        // Not retried.
        QVERIFY(clerk.syncOnce().succeeded());
        QCOMPARE(clerk.cache().outbox().action(seq)->attempts, 0);
        QCOMPARE(clerk.serverHistoryCount(id, QStringLiteral("refuse")), 0);
    }

    void forbiddenFailsWithTheServersReason()
    {
        SyncClient clerk(*m_server, QStringLiteral("clerk"));
        QVERIFY(clerk.syncOnce().succeeded());
        const qint64 id = clerk.take(QStringLiteral("published"), 1);
        UserActions actions(clerk.cache());
        const qint64 seq =
            actions.submit(id, QStringLiteral("redact"),
                           fields({{QStringLiteral("text"), QStringLiteral("Не мне решать.")}}),
                           clerk.localVersions().value(id));
        const SyncResult result = clerk.syncOnce();
        QVERIFY(result.succeeded());
        const auto action = clerk.cache().outbox().action(seq);
        QCOMPARE(action->status, OutboxStatus::Failed);
        QVERIFY2(action->lastError.contains(QStringLiteral("may not redact")),
                 qPrintable(action->lastError));
        QCOMPARE(clerk.cache().drafts().draft(id)->text, QStringLiteral("Не мне решать."));
    }

    void expiredTokenAsksToSignInAndKeepsTheOutbox()
    {
        SyncClient clerk(*m_server, QStringLiteral("clerk"));
        QVERIFY(clerk.syncOnce().succeeded());
        const qint64 id = clerk.take(QStringLiteral("published"), 1);
        UserActions actions(clerk.cache());
        const qint64 seq = actions.submit(id, QStringLiteral("solve"),
                                          fields({{QStringLiteral("text"), SolvedText}}),
                                          clerk.localVersions().value(id));
        const OutboxAction before = *clerk.cache().outbox().action(seq);
        m_server->hook(QStringLiteral("advance-clock"), {{QStringLiteral("seconds"), 13 * 3600}});
        const SyncResult result = clerk.syncOnce();
        m_server->hook(QStringLiteral("advance-clock"), {{QStringLiteral("seconds"), -13 * 3600}});
        QCOMPARE(result.outcome, SyncResult::Outcome::SignInRequired);
        QVERIFY(!result.message.isEmpty());
        QCOMPARE(*clerk.cache().outbox().action(seq), before);
        // Signed in again, it goes.
        clerk.setToken(m_server->signIn(QStringLiteral("clerk")));
        QVERIFY(clerk.syncOnce().succeeded());
        QCOMPARE(clerk.serverHistoryCount(id, QStringLiteral("solve")), 1);
    }

    void revokedTokenDuringPush()
    {
        SyncClient clerk(*m_server, QStringLiteral("clerk"));
        QVERIFY(clerk.syncOnce().succeeded());
        const qint64 id = clerk.take(QStringLiteral("published"), 1);
        UserActions actions(clerk.cache());
        const qint64 seq = actions.submit(id, QStringLiteral("note"),
                                          fields({{QStringLiteral("text"), QStringLiteral("x")}}),
                                          clerk.localVersions().value(id));
        m_server->request("DELETE", QStringLiteral("/api/v1/session"), {},
                          {{"Authorization", "Bearer " + clerk.token()}});
        QCOMPARE(clerk.syncOnce().outcome, SyncResult::Outcome::SignInRequired);
        const auto action = clerk.cache().outbox().action(seq);
        QCOMPARE(action->status, OutboxStatus::Pending);
        QCOMPARE(action->attempts, 0);
    }

    // --- faults -----------------------------------------------------------

    void errorAfterCommitIsRetriedAndAppliedOnce()
    {
        SyncClient clerk(*m_server, QStringLiteral("clerk"));
        QVERIFY(clerk.syncOnce().succeeded());
        const qint64 id = clerk.take(QStringLiteral("published"), 1);
        UserActions actions(clerk.cache());
        const qint64 seq = actions.submit(id, QStringLiteral("solve"),
                                          fields({{QStringLiteral("text"), SolvedText}}),
                                          clerk.localVersions().value(id));
        fault(QStringLiteral("error_after_commit"),
              QStringLiteral("/api/v1/complaints/%1/actions").arg(id));
        const SyncResult first = clerk.syncOnce();
        QVERIFY(first.succeeded()); // the pull went on; the action waits
        QCOMPARE(first.actionsDeferred, 1);
        const auto waiting = clerk.cache().outbox().action(seq);
        QCOMPARE(waiting->attempts, 1);
        QVERIFY(waiting->nextAttemptAt > QDateTime::currentDateTimeUtc());
        QCOMPARE(first.nextRetryAt, waiting->nextAttemptAt);
        // Too early: not sent again.
        QCOMPARE(clerk.syncOnce().actionsDone, 0);
        clerk.setClockOffsetSeconds(3600);
        const SyncResult second = clerk.syncOnce();
        QCOMPARE(second.actionsDone, 1);
        QCOMPARE(clerk.cache().outbox().count(), 0);
        QCOMPARE(clerk.serverHistoryCount(id, QStringLiteral("solve")), 1);
        QCOMPARE(clerk.cache().complaints().complaint(id)->state, ComplaintState::Solved);
    }

    void backoffGrowsWithJitter()
    {
        Backoff backoff;
        QCOMPARE(backoff.delayMs(1, 0.5), 2'000);
        QCOMPARE(backoff.delayMs(2, 0.5), 4'000);
        QCOMPARE(backoff.delayMs(3, 0.5), 8'000);
        QCOMPARE(backoff.delayMs(40, 0.5), 15 * 60'000);
        QCOMPARE(backoff.delayMs(1, 0.0), 1'000);
        QCOMPARE(backoff.delayMs(1, 1.0), 3'000);
    }

    void pullFaultsApplyNothingHalfway_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("outcome");
        QTest::newRow("cut mid-page")
            << QStringLiteral("cut_body") << int(SyncResult::Outcome::Offline);
        QTest::newRow("malformed JSON")
            << QStringLiteral("malformed_json") << int(SyncResult::Outcome::BadResponse);
        QTest::newRow("dropped connection")
            << QStringLiteral("drop") << int(SyncResult::Outcome::Offline);
        QTest::newRow("server error")
            << QStringLiteral("error_after_commit") << int(SyncResult::Outcome::ServerError);
        QTest::newRow("timeout") << QStringLiteral("delay") << int(SyncResult::Outcome::Offline);
    }
    void pullFaultsApplyNothingHalfway()
    {
        QFETCH(QString, kind);
        QFETCH(int, outcome);
        SyncEngine::Options options = smallPages(30);
        options.transferTimeoutMs = 1000;
        SyncClient clerk(*m_server, QStringLiteral("clerk"), options);
        // The third page fails; two are applied with their cursor.
        m_server->hook(QStringLiteral("faults"), {{QStringLiteral("kind"), QStringLiteral("none")},
                                                  {QStringLiteral("path"), QStringLiteral("/")}});
        // Several times over: Qt resends a GET once by itself when a
        // kept-alive connection drops before any answer.
        fault(kind, QStringLiteral("/api/v1/changes"), 5, 3000);
        const SyncResult failed = clerk.syncOnce();
        QCOMPARE(int(failed.outcome), outcome);
        QVERIFY(!failed.message.isEmpty());
        QVERIFY(clerk.cache().syncState().cursor.isEmpty()); // the very first page failed
        QCOMPARE(clerk.cache().complaints().count(), 0);
        QCOMPARE(clerk.cache().quickCheck(), QStringList());
        clearFaults();
        const SyncResult retry = clerk.syncOnce();
        QVERIFY2(retry.succeeded(), qPrintable(retry.message));
        QCOMPARE(clerk.localVersions(), clerk.serverVersions());
    }

    void faultOnALaterPageKeepsEarlierPages()
    {
        SyncClient clerk(*m_server, QStringLiteral("clerk"), smallPages(20));
        QVERIFY(clerk.syncOnce().succeeded());
        // Many changes (a note goes on a complaint in any state: a working
        // service has few awaiting an answer at a time), then a page in the
        // middle is cut off.
        QList<qint64> changed;
        const QStringList states{QStringLiteral("published"), QStringLiteral("in_progress"),
                                 QStringLiteral("solved"), QStringLiteral("confirmed")};
        for (int i = 0; i < 45; ++i) {
            qint64 id = 0;
            for (const QString &state : states)
                if (!id)
                    id = clerk.take(state, 1);
            if (!id)
                break;
            QCOMPARE(moderatorAct(id, QStringLiteral("note"),
                                  fields({{QStringLiteral("text"), QStringLiteral("n%1").arg(i)}})),
                     200);
            changed.append(id);
        }
        QVERIFY(changed.size() > 20);
        const QString before = clerk.cache().syncState().cursor;
        // Requests: catalogue is not /changes; page 1 passes, page 2 is cut.
        m_server->hook(QStringLiteral("faults"),
                       {{QStringLiteral("kind"), QStringLiteral("cut_body")},
                        {QStringLiteral("path"), QStringLiteral("/api/v1/changes")},
                        {QStringLiteral("count"), 1},
                        {QStringLiteral("skip"), 1}});
        const SyncResult failed = clerk.syncOnce();
        QCOMPARE(failed.outcome, SyncResult::Outcome::Offline);
        QCOMPARE(failed.progress.pages, 1);
        QVERIFY(clerk.cache().syncState().cursor != before);
        clearFaults();
        QVERIFY(clerk.syncOnce().succeeded());
        QCOMPARE(clerk.localVersions(), clerk.serverVersions());
    }

    void cancelStopsCleanly()
    {
        SyncEngine::Options options = smallPages(10);
        SyncClient clerk(*m_server, QStringLiteral("clerk"), options);
        fault(QStringLiteral("delay"), QStringLiteral("/api/v1/changes"), 100, 200);
        QSignalSpy finished(&clerk.engine(), &SyncEngine::finished);
        QSignalSpy progress(&clerk.engine(), &SyncEngine::progressChanged);
        QVERIFY(clerk.engine().start());
        QVERIFY(!clerk.engine().start()); // never two at once
        QTRY_VERIFY(clerk.engine().progress().pages >= 1);
        clerk.engine().cancel();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().value<SyncResult>().outcome,
                 SyncResult::Outcome::Cancelled);
        QVERIFY(!clerk.engine().isRunning());
        QVERIFY(!clerk.cache().bulkLoad().isActive());
        QCOMPARE(clerk.cache().quickCheck(), QStringList());
        clearFaults();
        QVERIFY(clerk.syncOnce().succeeded());
        QCOMPARE(clerk.localVersions(), clerk.serverVersions());
    }

    void aCacheOfAnotherUserIsRefused()
    {
        SyncClient clerk(*m_server, QStringLiteral("clerk"));
        QVERIFY(clerk.syncOnce().succeeded());
        SyncClient other(*m_server, QStringLiteral("clerk2"), {}, nullptr, clerk.cachePath());
        const SyncResult result = other.syncOnce();
        QCOMPARE(result.outcome, SyncResult::Outcome::WrongOwner);
        QVERIFY(result.message.contains(QStringLiteral("clerk")));
    }

    void tlsErrorsStopAndExplain()
    {
        // A plain-HTTP server spoken to over HTTPS fails the handshake.
        SyncClient clerk(*m_server, QStringLiteral("clerk"));
        QUrl https(m_server->baseUrl());
        https.setScheme(QStringLiteral("https"));
        clerk.engine().setSession(https, clerk.token(), {});
        const SyncResult result = clerk.syncOnce();
        QVERIFY(result.outcome == SyncResult::Outcome::TlsError ||
                result.outcome == SyncResult::Outcome::Offline);
        QVERIFY(!result.message.isEmpty());
    }

    void worksThroughAnHttpProxy()
    {
        // A relaying proxy on loopback: it forwards every connection to the
        // server and counts the bytes, so the test knows the sync went
        // through it (an HTTP proxy gets absolute-form requests, which an
        // HTTP/1.1 server accepts as they are).
        QTcpServer proxy;
        QVERIFY(proxy.listen(QHostAddress::LocalHost));
        qint64 relayed = 0;
        connect(&proxy, &QTcpServer::newConnection, &proxy, [&] {
            while (QTcpSocket *client = proxy.nextPendingConnection()) {
                auto *upstream = new QTcpSocket(client);
                upstream->connectToHost(QHostAddress::LocalHost, m_server->port());
                connect(client, &QTcpSocket::readyRead, upstream, [client, upstream, &relayed] {
                    const QByteArray data = client->readAll();
                    relayed += data.size();
                    upstream->write(data);
                });
                connect(upstream, &QTcpSocket::readyRead, client, [client, upstream, &relayed] {
                    const QByteArray data = upstream->readAll();
                    relayed += data.size();
                    client->write(data);
                });
                connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
                connect(upstream, &QTcpSocket::disconnected, client,
                        &QTcpSocket::disconnectFromHost);
            }
        });
        QNetworkAccessManager network;
        // Not "localhost" in the URL: Qt never proxies requests to localhost.
        network.setProxy(QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"),
                                       proxy.serverPort()));
        QUrl viaName(m_server->baseUrl());
        viaName.setHost(QStringLiteral("regiondesk-server.test"));
        SyncClient clerk(*m_server, QStringLiteral("clerk"), {}, &network);
        clerk.engine().setSession(viaName, clerk.token(),
                                  m_server->baseUrl() + QStringLiteral("|clerk"));
        const SyncResult result = clerk.syncOnce();
        QVERIFY2(result.succeeded(), qPrintable(result.message));
        // Everything went through it: the pages gzip-compressed (a name
        // that is not loopback is asked for gzip), a sixth of their size.
        QVERIFY2(
            relayed * 10 > result.progress.bytes && relayed < result.progress.bytes,
            qPrintable(
                QStringLiteral("%1 relayed, %2 read").arg(relayed).arg(result.progress.bytes)));
        QCOMPARE(clerk.localVersions(), clerk.serverVersions());
    }

    void unreachableServerIsOffline()
    {
        SyncClient clerk(*m_server, QStringLiteral("clerk"));
        clerk.engine().setSession(QUrl(QStringLiteral("http://127.0.0.1:1")), clerk.token(), {});
        const SyncResult result = clerk.syncOnce();
        QCOMPARE(result.outcome, SyncResult::Outcome::Offline);
        QVERIFY(result.message.contains(QStringLiteral("kept")));
    }
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
