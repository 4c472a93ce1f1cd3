// Bulk actions (issue 23) on the real cache: what a plan leaves out and
// why (not cached, not allowed in its state or to this role, an action
// already waiting, a draft, fields that do not fit, past the cap, the
// fields' own refusal), each complaint once; and submitMany writing one
// outbox row per complaint, each with its own idempotency key and base
// version, held like a single action, in one transaction.

#include "BulkActions.h"
#include "LocalCache.h"
#include "TestSupport.h"
#include "UserActions.h"

#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace rd;
using namespace rd::test;

class TestBulkActions : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalCache> m_cache;

    static Parsed<QJsonObject> reason(const Complaint &)
    {
        return succeeded(
            QJsonObject{{QStringLiteral("reason"), QStringLiteral("Спам, не жалоба")}});
    }
    QString reasonOf(const BulkPlan &plan, qint64 id) const
    {
        for (const BulkPlan::Skip &s : plan.skipped) {
            if (s.complaintId == id)
                return s.reason;
        }
        return {};
    }

private Q_SLOTS:
    void init()
    {
        m_cache = LocalCache::open(m_dir.filePath(
            QStringLiteral("bulk-%1.sqlite").arg(QDateTime::currentMSecsSinceEpoch())));
        QList<Complaint> list;
        for (qint64 id = 1; id <= 6; ++id) {
            Complaint c = makeComplaint(id, id + 10);
            c.state = ComplaintState::Moderation;
            c.agencyId.reset();
            list.append(c);
        }
        list[3].state = ComplaintState::Published; // 4: not from moderation
        list[3].agencyId = 1;
        m_cache->complaints().upsert(list);
        Draft draft; // 5: the moderator's note being written
        draft.complaintId = 5;
        draft.kind = QStringLiteral("note");
        draft.text = QStringLiteral("черновик");
        draft.baseVersion = 15;
        draft.updatedAt = fixedNow();
        m_cache->drafts().save(draft);
        ManualClock clock(fixedNow());
        UserActions(*m_cache, clock)
            .submit(6, QStringLiteral("note"), {{QStringLiteral("text"), QStringLiteral("уже")}},
                    16);
    }
    void cleanup() { m_cache.reset(); }

    void whatIsLeftOutAndWhy()
    {
        const Actor moderator{Role::Moderator, std::nullopt};
        const BulkPlan plan =
            BulkActions::plan(*m_cache, {1, 2, 3, 4, 5, 6, 99, 1}, QStringLiteral("reject"),
                              moderator, DeadlineRules{}, &TestBulkActions::reason);
        QCOMPARE(plan.items.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(plan.items[i].complaintId, qint64(i + 1));
            QCOMPARE(plan.items[i].baseVersion, qint64(i + 11)); // each its own version
        }
        QCOMPARE(plan.skipped.size(), 4); // 1 twice is one complaint
        QVERIFY(reasonOf(plan, 4).contains(QLatin1String("state")));
        QVERIFY(reasonOf(plan, 5).contains(QLatin1String("draft")));
        QVERIFY(reasonOf(plan, 6).contains(QLatin1String("outbox")));
        QVERIFY(reasonOf(plan, 99).contains(QLatin1String("copy")));

        // A clerk may not reject: every one is left out, saying so.
        const BulkPlan clerk = BulkActions::plan(*m_cache, {1, 2}, QStringLiteral("reject"),
                                                 {Role::Clerk, 1}, {}, &TestBulkActions::reason);
        QVERIFY(clerk.items.isEmpty());
        QVERIFY(reasonOf(clerk, 1).contains(QLatin1String("may not")));

        // The fields' own refusal, and fields the action does not accept.
        const BulkPlan own = BulkActions::plan(
            *m_cache, {1, 2, 3}, QStringLiteral("reject"), moderator, {},
            [](const Complaint &c) -> Parsed<QJsonObject> {
                if (c.id == 2)
                    return failed<QJsonObject>(QStringLiteral("no agency for it"));
                return succeeded(
                    QJsonObject{{QStringLiteral("reason"),
                                 c.id == 3 ? QStringLiteral("x") : QStringLiteral("Спам")}});
            });
        QCOMPARE(own.items.size(), 1);
        QCOMPARE(reasonOf(own, 2), QStringLiteral("no agency for it"));
        QVERIFY2(reasonOf(own, 3).startsWith(QLatin1String("reason")),
                 qPrintable(reasonOf(own, 3)));
    }

    void atMostOneThousand()
    {
        QList<qint64> ids;
        for (qint64 id = 1; id <= BulkActions::MaxComplaints + 5; ++id)
            ids.append(id);
        const BulkPlan plan =
            BulkActions::plan(*m_cache, ids, QStringLiteral("reject"),
                              {Role::Moderator, std::nullopt}, {}, &TestBulkActions::reason);
        QCOMPARE(plan.items.size() + plan.skipped.size(), BulkActions::MaxComplaints + 5);
        QVERIFY(reasonOf(plan, BulkActions::MaxComplaints + 1).contains(QLatin1String("1000")));
    }

    void eachItsOwnRowAndKey()
    {
        const BulkPlan plan =
            BulkActions::plan(*m_cache, {1, 2, 3}, QStringLiteral("reject"),
                              {Role::Moderator, std::nullopt}, {}, &TestBulkActions::reason);
        ManualClock clock(fixedNow());
        UserActions actions(*m_cache, clock);
        actions.setHoldSeconds(10);
        const QList<qint64> seqs = actions.submitMany(plan);
        QCOMPARE(seqs.size(), 3);
        QSet<QString> keys;
        for (int i = 0; i < 3; ++i) {
            const auto row = m_cache->outbox().action(seqs[i]);
            QVERIFY(row);
            QCOMPARE(row->complaintId, qint64(i + 1));
            QCOMPARE(row->action, QStringLiteral("reject"));
            QCOMPARE(row->baseVersion, qint64(i + 11));
            QCOMPARE(row->nextAttemptAt, fixedNow().addSecs(10)); // held for Undo
            const QJsonObject body = QJsonDocument::fromJson(row->payload).object();
            QCOMPARE(body.value(QStringLiteral("reason")).toString(),
                     QStringLiteral("Спам, не жалоба"));
            QCOMPARE(body.value(QStringLiteral("base_version")).toInteger(), i + 11);
            keys.insert(row->idempotencyKey);
        }
        QCOMPARE(keys.size(), 3);
        // Each can be taken back on its own.
        QVERIFY(actions.undo(seqs[1]));
        QCOMPARE(m_cache->outbox().forComplaint(2).size(), 0);
        QCOMPARE(m_cache->outbox().forComplaint(1).size(), 1);
        // Planned again, those waiting are left out.
        const BulkPlan again =
            BulkActions::plan(*m_cache, {1, 2, 3}, QStringLiteral("reject"),
                              {Role::Moderator, std::nullopt}, {}, &TestBulkActions::reason);
        QCOMPARE(again.items.size(), 1);
        QCOMPARE(again.items.first().complaintId, qint64(2));
    }
};

QTEST_GUILESS_MAIN(TestBulkActions)
#include "tst_bulkactions.moc"
