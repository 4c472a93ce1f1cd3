// The user's side of the outbox (UserActions): submit and undo, each one
// transaction over the real cache (docs/sync.md "Undo").

#include "CacheError.h"
#include "LocalCache.h"
#include "TestSupport.h"
#include "UserActions.h"
#include "sqlite/Database.h"

#include <QJsonArray>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace rd;

class TestUserActions : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalCache> m_cache;
    ManualClock m_clock{test::fixedNow()};
    std::unique_ptr<UserActions> m_actions;

    QString path() const { return m_dir->filePath(QStringLiteral("cache.sqlite")); }
    qint64 submit(const QString &action, const QJsonObject &fields)
    {
        return m_actions->submit(7, action, fields, 1);
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_cache = LocalCache::open(path());
        m_cache->complaints().upsert({test::makeComplaint(7)});
        m_actions = std::make_unique<UserActions>(*m_cache, m_clock);
    }
    void cleanup()
    {
        m_actions.reset();
        m_cache.reset();
    }

    void undoingAModerationDecisionLeavesNothing()
    {
        const qint64 seq = submit(QStringLiteral("publish"), {{QStringLiteral("category_id"), 1},
                                                              {QStringLiteral("agency_id"), 1}});
        QVERIFY(m_actions->undo(seq));
        QVERIFY(!m_cache->outbox().action(seq));
        QVERIFY2(!m_cache->drafts().draft(7), "a decision taken back is simply not taken");
    }

    void undoingAnAnswerGivesBackItsDraft()
    {
        const qint64 seq =
            submit(QStringLiteral("solve"),
                   {{QStringLiteral("text"), QStringLiteral("Яму заделали.")},
                    {QStringLiteral("photo_ids"), QJsonArray{QStringLiteral("e1")}}});
        QVERIFY(!m_cache->drafts().draft(7)); // the draft went into the outbox
        m_clock.advance(90);                  // taken back a minute and a half later
        QVERIFY(m_actions->undo(seq));
        QVERIFY(!m_cache->outbox().action(seq));
        const auto draft = m_cache->drafts().draft(7);
        QVERIFY(draft);
        QCOMPARE(draft->kind, QStringLiteral("solve"));
        QCOMPARE(draft->text, QStringLiteral("Яму заделали."));
        QCOMPARE(draft->photoIds, QStringList{QStringLiteral("e1")});
        QCOMPARE(draft->baseVersion, 1);
        QCOMPARE(draft->updatedAt, m_clock.now());
        QCOMPARE(m_clock.now(), test::fixedNow().addSecs(90));
    }

    void undoKeepsADraftWrittenSince()
    {
        const qint64 seq = submit(QStringLiteral("reject"),
                                  {{QStringLiteral("reason"), QStringLiteral("Не по адресу")}});
        Draft note;
        note.complaintId = 7;
        note.kind = QStringLiteral("note");
        note.text = QStringLiteral("Позвонить заявителю");
        note.baseVersion = 1;
        note.updatedAt = test::fixedNow();
        m_cache->drafts().save(note);
        QVERIFY(m_actions->undo(seq));
        QCOMPARE(m_cache->drafts().draft(7)->text, note.text);
    }

    void anActionOnItsWayCannotBeUndone()
    {
        const qint64 seq =
            submit(QStringLiteral("note"), {{QStringLiteral("text"), QStringLiteral("Проверено")}});
        auto action = *m_cache->outbox().action(seq);
        action.status = OutboxStatus::Sending;
        m_cache->outbox().update(action);
        QVERIFY(!m_actions->undo(seq));
        QVERIFY(m_cache->outbox().action(seq));
        QVERIFY(!m_cache->drafts().draft(7));
        QVERIFY(!m_actions->undo(seq + 100)); // gone: nothing to take back
    }

    // The hold (docs/sync.md "Hold"): the first attempt lies hold seconds
    // after the action was made, and it is no attempt (no retry after a
    // failure); 0 sends at once.
    void anActionIsHeldForTheSettableTime()
    {
        QCOMPARE(m_actions->holdSeconds(), 0); // UserActions itself holds nothing
        const qint64 now = submit(QStringLiteral("note"), {{QStringLiteral("text"), "a"}});
        QVERIFY(!m_cache->outbox().action(now)->nextAttemptAt.isValid());
        QCOMPARE(m_cache->outbox().holds(m_clock.now()).count, 0);

        m_actions->setHoldSeconds(12);
        const qint64 held = submit(QStringLiteral("publish"), {{QStringLiteral("category_id"), 1},
                                                               {QStringLiteral("agency_id"), 1}});
        const OutboxAction row = *m_cache->outbox().action(held);
        QCOMPARE(row.status, OutboxStatus::Pending);
        QCOMPARE(row.attempts, 0);
        QCOMPARE(row.createdAt, m_clock.now());
        QCOMPARE(row.nextAttemptAt, m_clock.now().addSecs(12));
        m_clock.advance(2);
        const qint64 later = submit(QStringLiteral("note"), {{QStringLiteral("text"), "b"}});
        OutboxStore::Holds holds = m_cache->outbox().holds(m_clock.now());
        QCOMPARE(holds.count, 2);
        QCOMPARE(holds.firstRelease, row.nextAttemptAt);
        QCOMPARE(holds.lastRelease, m_clock.now().addSecs(12));
        // Ten seconds on, the first is released, the second still held.
        m_clock.advance(10);
        holds = m_cache->outbox().holds(m_clock.now());
        QCOMPARE(holds.count, 1);
        QCOMPARE(holds.firstRelease, m_cache->outbox().action(later)->nextAttemptAt);

        // Negative is none.
        m_actions->setHoldSeconds(-5);
        QCOMPARE(m_actions->holdSeconds(), 0);
    }

    void undoWorksDuringTheHoldAndSendNowReleases()
    {
        m_actions->setHoldSeconds(10);
        const qint64 a = submit(QStringLiteral("reject"), {{QStringLiteral("reason"), "Не то"}});
        m_clock.advance(9); // the whole hold long
        QVERIFY(m_actions->undo(a));
        QVERIFY(!m_cache->outbox().action(a));

        const qint64 b = submit(QStringLiteral("publish"), {{QStringLiteral("category_id"), 1},
                                                            {QStringLiteral("agency_id"), 1}});
        const qint64 c = submit(QStringLiteral("note"), {{QStringLiteral("text"), "c"}});
        QCOMPARE(m_actions->releaseHolds(), 2);
        QCOMPARE(m_cache->outbox().holds(m_clock.now()).count, 0);
        for (const qint64 seq : {b, c}) {
            const OutboxAction row = *m_cache->outbox().action(seq);
            QVERIFY(!row.nextAttemptAt.isValid());
            QCOMPARE(row.attempts, 0);
            QCOMPARE(row.status, OutboxStatus::Pending);
        }
        QCOMPARE(m_actions->releaseHolds(), 0);
        // Released, not yet on its way: Undo still takes it back.
        QVERIFY(m_actions->undo(c));
    }

    // Undo and the engine marking an action as sent race at the hold's end:
    // whichever comes first wins, never both.
    void undoAndSendingNeverBothWin()
    {
        const qint64 a = submit(QStringLiteral("note"), {{QStringLiteral("text"), "a"}});
        QVERIFY(m_actions->undo(a));
        QVERIFY2(!m_cache->outbox().claimForSending(a), "taken back: not sent");

        const qint64 b = submit(QStringLiteral("note"), {{QStringLiteral("text"), "b"}});
        QVERIFY(m_cache->outbox().claimForSending(b));
        QCOMPARE(m_cache->outbox().action(b)->status, OutboxStatus::Sending);
        QVERIFY2(!m_actions->undo(b), "on its way: not taken back");
        QVERIFY(m_cache->outbox().claimForSending(b)); // resent after a crash: same key

        auto failed = *m_cache->outbox().action(
            submit(QStringLiteral("note"), {{QStringLiteral("text"), "c"}}));
        failed.status = OutboxStatus::Failed;
        m_cache->outbox().update(failed);
        QVERIFY(!m_cache->outbox().claimForSending(failed.seq));
    }

    // The outbox row and the draft move in one transaction: when the last
    // step fails, the first is rolled back (no draft beside a queued action).
    void undoIsOneTransaction()
    {
        const qint64 seq = submit(QStringLiteral("solve"),
                                  {{QStringLiteral("text"), QStringLiteral("Яму заделали.")}});
        {
            sqlite::Database other(path(), sqlite::Database::OpenMode::ReadWrite);
            other.exec(QStringLiteral("CREATE TRIGGER fail_delete BEFORE DELETE ON outbox "
                                      "BEGIN SELECT RAISE(ABORT, 'injected fault'); END"));
        }
        QVERIFY_THROWS_EXCEPTION(CacheError, m_actions->undo(seq));
        QVERIFY(m_cache->outbox().action(seq));
        QVERIFY2(!m_cache->drafts().draft(7), "the restored draft was rolled back");
    }
};

QTEST_GUILESS_MAIN(TestUserActions)
#include "tst_useractions.moc"
