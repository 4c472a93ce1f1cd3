// return_to_moderation on the live reference server (docs/api.md "Return to
// moderation"): who may (the moderator only: clerks and supervisors get
// 403), from where (published, rejected, duplicate; an answered complaint
// keeps its answer: 422), with what (a reason, 3 to 2000 characters: 422
// without), and what it does: back in the moderation queue, what the
// decision set cleared, the history entry with the reason and the actor,
// the version up, in the feed (the agency's clerks get a tombstone), and
// a new publication from there.

#include "TestServer.h"

#include <QTest>

using rd::test::HttpResult;
using rd::test::TestServer;

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

class TestReturnToModeration : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    QHash<QString, QByteArray> m_tokens;
    QList<QJsonObject> m_pool; // as the moderator saw them at the start
    QSet<qint64> m_taken;

    QByteArray token(const QString &login)
    {
        if (!m_tokens.contains(login))
            m_tokens.insert(login, m_server->signIn(login));
        return m_tokens.value(login);
    }

    // A complaint in state (of agency 1 where it has one) not used before.
    QJsonObject take(const QString &state)
    {
        for (const QJsonObject &c : std::as_const(m_pool)) {
            const qint64 id = c.value(QStringLiteral("id")).toInteger();
            const QJsonValue agency = c.value(QStringLiteral("agency_id"));
            if (str(c, "state") == state && !m_taken.contains(id) &&
                (agency.isNull() || agency.toInt() == 1)) {
                m_taken.insert(id);
                return m_server->complaint(id, token(QStringLiteral("moderator")));
            }
        }
        return {};
    }

    HttpResult returnIt(const QJsonObject &c, const QString &login, const QJsonValue &reason)
    {
        QJsonObject body{{QStringLiteral("action"), QStringLiteral("return_to_moderation")},
                         {QStringLiteral("base_version"), c.value(QStringLiteral("version"))}};
        if (!reason.isUndefined())
            body.insert(QStringLiteral("reason"), reason);
        return m_server->act(c.value(QStringLiteral("id")).toInteger(), body, token(login));
    }

    QJsonObject lastHistoryEntry(qint64 id)
    {
        const HttpResult r = m_server->get(QStringLiteral("/api/v1/complaints/%1/history").arg(id),
                                           token(QStringLiteral("moderator")));
        return r.json().value(QStringLiteral("entries")).toArray().last().toObject();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(
            3000); // contested complaints are rare in a working service
        QVERIFY(m_server->isRunning());
        m_pool = m_server->pullAll(token(QStringLiteral("moderator"))).records;
        QVERIFY(!m_pool.isEmpty());
    }

    void onlyTheModeratorMayReturn_data()
    {
        QTest::addColumn<QString>("login");
        QTest::newRow("clerk of the agency") << QStringLiteral("clerk");
        QTest::newRow("supervisor of the agency") << QStringLiteral("supervisor");
        QTest::newRow("supervisor of all agencies") << QStringLiteral("chief");
    }
    void onlyTheModeratorMayReturn()
    {
        QFETCH(QString, login);
        const QJsonObject c = take(QStringLiteral("published"));
        QVERIFY(!c.isEmpty());
        const HttpResult r = returnIt(c, login, QStringLiteral("Опубликована по ошибке"));
        QCOMPARE(r.status, 403);
        QCOMPARE(r.errorCode(), QStringLiteral("forbidden"));
        const QJsonObject after =
            m_server->complaint(c.value(QStringLiteral("id")).toInteger(), token(login));
        QCOMPARE(str(after, "state"), QStringLiteral("published"));
        QCOMPARE(after.value(QStringLiteral("version")), c.value(QStringLiteral("version")));
    }

    // An answered or promised complaint keeps its answer; one awaiting
    // moderation has nothing to return from.
    void notFromOtherStates_data()
    {
        QTest::addColumn<QString>("state");
        for (const char *state :
             {"moderation", "in_progress", "solved", "refused", "confirmed", "contested"})
            QTest::newRow(state) << QString::fromLatin1(state);
    }
    void notFromOtherStates()
    {
        QFETCH(QString, state);
        const QJsonObject c = take(state);
        QVERIFY2(!c.isEmpty(), "the demo data has none in this state");
        const HttpResult r = returnIt(c, QStringLiteral("moderator"), QStringLiteral("Ошибка"));
        QCOMPARE(r.status, 422);
        QCOMPARE(r.errorCode(), QStringLiteral("invalid_transition"));
        const QJsonObject after = m_server->complaint(c.value(QStringLiteral("id")).toInteger(),
                                                      token(QStringLiteral("moderator")));
        QCOMPARE(after.value(QStringLiteral("answer")), c.value(QStringLiteral("answer")));
        QCOMPARE(str(after, "state"), state);
    }

    void theReasonIsRequired_data()
    {
        QTest::addColumn<QJsonValue>("reason");
        QTest::addColumn<QString>("problem");
        QTest::newRow("missing") << QJsonValue(QJsonValue::Undefined)
                                 << QStringLiteral("is required");
        QTest::newRow("null") << QJsonValue(QJsonValue::Null) << QStringLiteral("is required");
        QTest::newRow("blank") << QJsonValue(QStringLiteral("   "))
                               << QStringLiteral("must be at least 3 characters");
        QTest::newRow("too long") << QJsonValue(QString(2001, QChar(u'я')))
                                  << QStringLiteral("must be at most 2000 characters");
        QTest::newRow("not text") << QJsonValue(42) << QStringLiteral("must be text");
    }
    void theReasonIsRequired()
    {
        QFETCH(QJsonValue, reason);
        QFETCH(QString, problem);
        const QJsonObject c = take(QStringLiteral("rejected"));
        QVERIFY(!c.isEmpty());
        const HttpResult r = returnIt(c, QStringLiteral("moderator"), reason);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.errorCode(), QStringLiteral("invalid"));
        const QJsonObject fields = r.json()
                                       .value(QStringLiteral("error"))
                                       .toObject()
                                       .value(QStringLiteral("fields"))
                                       .toObject();
        QCOMPARE(fields.value(QStringLiteral("reason")).toString(), problem);
        QCOMPARE(str(m_server->complaint(c.value(QStringLiteral("id")).toInteger(),
                                         token(QStringLiteral("moderator"))),
                     "state"),
                 QStringLiteral("rejected"));
    }

    // A publication reversed: out of the agency's sight (a tombstone in its
    // clerk's feed), not public, back in the queue with its category; the
    // history says who and why; a new publication routes it again.
    void aPublicationIsReversedAndCanBeRedone()
    {
        const QString clerkCursor = m_server->pullAll(token(QStringLiteral("clerk"))).cursor;
        const QJsonObject c = take(QStringLiteral("published"));
        QVERIFY(!c.isEmpty());
        const qint64 id = c.value(QStringLiteral("id")).toInteger();
        const QString reason = QStringLiteral("Опубликована по ошибке: адрес вне города.");
        const HttpResult r = returnIt(c, QStringLiteral("moderator"), reason);
        QVERIFY2(r.status == 200, r.body.constData());
        const QJsonObject after = r.json();
        QCOMPARE(str(after, "state"), QStringLiteral("moderation"));
        QCOMPARE(after.value(QStringLiteral("version")).toInteger(),
                 c.value(QStringLiteral("version")).toInteger() + 1);
        QVERIFY(after.value(QStringLiteral("agency_id")).isNull());
        QVERIFY(after.value(QStringLiteral("published_at")).isNull());
        QCOMPARE(after.value(QStringLiteral("category_id")),
                 c.value(QStringLiteral("category_id")));
        QCOMPARE(str(after, "text"), str(c, "text"));
        QCOMPARE(after.value(QStringLiteral("votes")), c.value(QStringLiteral("votes")));
        QCOMPARE(str(after, "due_date"), str(c, "due_date"));

        const QJsonObject entry = lastHistoryEntry(id);
        QCOMPARE(str(entry, "action"), QStringLiteral("return_to_moderation"));
        QCOMPARE(str(entry, "comment"), reason);
        QCOMPARE(str(entry, "old"), QStringLiteral("published"));
        QCOMPARE(str(entry, "new"), QStringLiteral("moderation"));
        // The actor is named as in every moderation entry: the display name.
        QCOMPARE(
            str(entry, "actor"),
            m_server->get(QStringLiteral("/api/v1/session"), token(QStringLiteral("moderator")))
                .json()
                .value(QStringLiteral("user"))
                .toObject()
                .value(QStringLiteral("display_name"))
                .toString());

        // The agency no longer sees it: a tombstone in its feed, 403 to a read.
        const TestServer::Feed clerkFeed =
            m_server->pullAll(token(QStringLiteral("clerk")), clerkCursor);
        QVERIFY(clerkFeed.tombstones.contains(id));
        QCOMPARE(m_server
                     ->get(QStringLiteral("/api/v1/complaints/%1").arg(id),
                           token(QStringLiteral("clerk")))
                     .status,
                 403);
        // Not public any more (Open311 shows published complaints only): by
        // its number, the reduced form without text or place.
        const HttpResult open311 =
            m_server->request("GET", QStringLiteral("/open311/v2/requests/%1.json").arg(id));
        QCOMPARE(open311.status, 200);
        const QJsonObject reduced = open311.array()[0].toObject();
        QVERIFY(reduced.value(QStringLiteral("description")).isNull());
        QVERIFY(reduced.value(QStringLiteral("address")).isNull());
        QCOMPARE(reduced.value(QStringLiteral("status_notes")).toString(),
                 QStringLiteral("Ожидает модерации"));
        // In the moderator's feed as it is now.
        bool inFeed = false;
        for (const QJsonObject &record :
             m_server->pullAll(token(QStringLiteral("moderator"))).records)
            inFeed = inFeed || (record.value(QStringLiteral("id")).toInteger() == id &&
                                str(record, "state") == QLatin1String("moderation"));
        QVERIFY(inFeed);

        // Published again, to another agency this time.
        const HttpResult again = m_server->act(
            id,
            {{QStringLiteral("action"), QStringLiteral("publish")},
             {QStringLiteral("base_version"), after.value(QStringLiteral("version"))},
             {QStringLiteral("category_id"), after.value(QStringLiteral("category_id"))},
             {QStringLiteral("agency_id"), 2}},
            token(QStringLiteral("moderator")));
        QVERIFY2(again.status == 200, again.body.constData());
        QCOMPARE(str(again.json(), "state"), QStringLiteral("published"));
        QCOMPARE(again.json().value(QStringLiteral("agency_id")).toInt(), 2);
        QVERIFY(!str(again.json(), "published_at").isEmpty());
    }

    void aRejectionAndADuplicateMarkAreWithdrawn_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("cleared");
        QTest::newRow("rejected") << QStringLiteral("rejected") << QStringLiteral("reject_reason");
        QTest::newRow("duplicate") << QStringLiteral("duplicate") << QStringLiteral("duplicate_of");
    }
    void aRejectionAndADuplicateMarkAreWithdrawn()
    {
        QFETCH(QString, state);
        QFETCH(QString, cleared);
        const QJsonObject c = take(state);
        QVERIFY(!c.isEmpty());
        QVERIFY(!c.value(cleared).isNull());
        const HttpResult r =
            returnIt(c, QStringLiteral("moderator"), QStringLiteral("Решение было ошибочным"));
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(str(r.json(), "state"), QStringLiteral("moderation"));
        QVERIFY(r.json().value(cleared).isNull());
        const QJsonObject entry = lastHistoryEntry(c.value(QStringLiteral("id")).toInteger());
        QCOMPARE(str(entry, "action"), QStringLiteral("return_to_moderation"));
        QCOMPARE(str(entry, "old"), state);
        QCOMPARE(str(entry, "comment"), QStringLiteral("Решение было ошибочным"));
        // Sent twice with the same base version: the second is stale (409),
        // and a moderation-state complaint cannot be returned again (422).
        const HttpResult stale =
            returnIt(c, QStringLiteral("moderator"), QStringLiteral("Ещё раз"));
        QCOMPARE(stale.status, 409);
        const HttpResult again =
            returnIt(r.json(), QStringLiteral("moderator"), QStringLiteral("Ещё раз"));
        QCOMPARE(again.status, 422);
        QCOMPARE(again.errorCode(), QStringLiteral("invalid_transition"));
    }
};

QTEST_GUILESS_MAIN(TestReturnToModeration)
#include "tst_returntomoderation.moc"
