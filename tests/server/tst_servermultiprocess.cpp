// Two server processes on one database, as behind a load balancer: a token
// from one is good on the other, the changes feed never skips a change
// although commits straddle reads (the classic trap of sequence-number
// feeds: a reader must not move past a change whose transaction has not
// committed yet), and one Idempotency-Key applies once when both race on it.
// Runs on SQLite (tst_servermultiprocess) and PostgreSQL (…_pg).

#include "TestServer.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QTest>

#include <memory>

using rd::test::HttpResult;
using rd::test::TestServer;

namespace {

// Requests in flight at once, answered in any order.
class Flight
{
public:
    void post(TestServer &server, const QString &path, const QJsonObject &body,
              const QByteArray &token, const QByteArray &key)
    {
        QNetworkRequest request(QUrl(server.baseUrl() + path));
        request.setTransferTimeout(60000);
        request.setRawHeader("Authorization", "Bearer " + token);
        request.setRawHeader("Idempotency-Key", key);
        request.setRawHeader("Content-Type", "application/json");
        QNetworkReply *reply =
            m_manager.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
        ++m_pending;
        QObject::connect(reply, &QNetworkReply::finished, reply, [this, reply] {
            m_answers.append({reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                              QNetworkReply::NoError,
                              reply->readAll(),
                              {},
                              0});
            --m_pending;
            reply->deleteLater();
        });
    }
    int pending() const { return m_pending; }
    const QList<HttpResult> &answers() const { return m_answers; }
    bool wait(int ms = 60000)
    {
        return QTest::qWaitFor([this] { return m_pending == 0; }, ms);
    }

private:
    QNetworkAccessManager m_manager;
    int m_pending = 0;
    QList<HttpResult> m_answers;
};

QJsonObject note(const QString &text, qint64 baseVersion)
{
    return {{QStringLiteral("action"), QStringLiteral("note")},
            {QStringLiteral("text"), text},
            {QStringLiteral("base_version"), baseVersion}};
}

} // namespace

class TestServerMultiProcess : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_a;
    std::unique_ptr<TestServer> m_b;
    QByteArray m_token;
    QList<QJsonObject> m_published; // the clerk's, not handed out yet

    void holdCommits(int ms)
    {
        m_a->hook(QStringLiteral("hold-commits"), {{QStringLiteral("ms"), ms}});
        m_b->hook(QStringLiteral("hold-commits"), {{QStringLiteral("ms"), ms}});
    }
    QJsonObject takePublished() { return m_published.takeFirst(); }

private Q_SLOTS:
    void initTestCase()
    {
        m_a = std::make_unique<TestServer>(600);
        QVERIFY2(m_a->isRunning(), "the first server did not start");
        m_b = std::make_unique<TestServer>(
            TestServer::SharedWith{*m_a},
            QStringList{QStringLiteral("--open311-key"), QStringLiteral("demo-open311-key")});
        QVERIFY2(m_b->isRunning(), "the second server did not start on the same database");
        m_token = m_a->signIn(QStringLiteral("clerk"));
        QVERIFY(!m_token.isEmpty());
        m_published = m_a->pullAll(m_token).records; // a note may go on any of them
        QVERIFY(m_published.size() >= 60);
    }

    void cleanupTestCase()
    {
        QVERIFY(m_b->stop());
        QVERIFY(m_a->stop());
    }

    void aTokenFromOneServerIsGoodOnTheOther()
    {
        const HttpResult r = m_b->get(QStringLiteral("/api/v1/session"), m_token);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json()
                     .value(QStringLiteral("user"))
                     .toObject()
                     .value(QStringLiteral("login"))
                     .toString(),
                 QStringLiteral("clerk"));
    }

    void feedNeverSkipsAChangeWhileCommitsStraddleReads()
    {
        const TestServer::Feed start = m_b->pullAll(m_token);
        QCOMPARE(start.status, 200);
        holdCommits(60);
        // 40 changes through both servers at once, each held open 60 ms
        // after it took its change number, while a reader keeps polling.
        Flight writers;
        QHash<qint64, qint64> expected; // id → the version the change makes
        for (int i = 0; i < 40; ++i) {
            const QJsonObject c = takePublished();
            const qint64 id = c.value(QStringLiteral("id")).toInteger();
            const qint64 version = c.value(QStringLiteral("version")).toInteger();
            expected.insert(id, version + 1);
            writers.post(i % 2 ? *m_a : *m_b,
                         QStringLiteral("/api/v1/complaints/%1/actions").arg(id),
                         note(QStringLiteral("заметка %1").arg(i), version), m_token,
                         "feed-race-" + QByteArray::number(i));
        }
        QHash<qint64, qint64> seen; // the reader's view: id → version
        QString cursor = start.cursor;
        int polls = 0;
        const auto poll = [&](TestServer &server) {
            const TestServer::Feed page = server.pullAll(m_token, cursor, 7);
            QCOMPARE(page.status, 200);
            for (const QJsonObject &r : page.records)
                seen.insert(r.value(QStringLiteral("id")).toInteger(),
                            r.value(QStringLiteral("version")).toInteger());
            cursor = page.cursor;
            ++polls;
        };
        while (writers.pending() > 0)
            poll(polls % 2 ? *m_a : *m_b);
        QVERIFY(writers.wait());
        holdCommits(0);
        poll(*m_a);
        for (const HttpResult &answer : writers.answers())
            QCOMPARE(answer.status, 200);
        QVERIFY2(polls >= 2, "the reader should have polled while commits were held");
        // Everything the writers changed reached the reader at its version.
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            QVERIFY2(seen.contains(it.key()),
                     qPrintable(QStringLiteral("the feed skipped complaint %1").arg(it.key())));
            QCOMPARE(seen.value(it.key()), it.value());
        }
    }

    void oneIdempotencyKeyAppliesOnceWhenTwoProcessesRace()
    {
        const QJsonObject c = takePublished();
        const qint64 id = c.value(QStringLiteral("id")).toInteger();
        const qint64 version = c.value(QStringLiteral("version")).toInteger();
        const int historyBefore =
            int(m_a->get(QStringLiteral("/api/v1/complaints/%1/history").arg(id), m_token)
                    .json()
                    .value(QStringLiteral("entries"))
                    .toArray()
                    .size());
        holdCommits(200);
        Flight racers;
        const QJsonObject action = note(QStringLiteral("одна заметка"), version);
        for (int i = 0; i < 10; ++i) {
            racers.post(i % 2 ? *m_a : *m_b,
                        QStringLiteral("/api/v1/complaints/%1/actions").arg(id), action, m_token,
                        "same-key-on-both-servers");
        }
        QVERIFY(racers.wait());
        holdCommits(0);
        QCOMPARE(racers.answers().size(), 10);
        for (const HttpResult &answer : racers.answers()) {
            QCOMPARE(answer.status, 200);
            QCOMPARE(answer.body, racers.answers().first().body);
        }
        const QJsonObject now = m_b->complaint(id, m_token);
        QCOMPARE(now.value(QStringLiteral("version")).toInteger(), version + 1);
        const QJsonArray history =
            m_b->get(QStringLiteral("/api/v1/complaints/%1/history").arg(id), m_token)
                .json()
                .value(QStringLiteral("entries"))
                .toArray();
        QCOMPARE(history.size(), historyBefore + 1);
    }

    void idsAreNeverReusedAfterADelete()
    {
        // The newest complaint is deleted; the next filed one gets a new id
        // and none of the deleted one's history.
        const QByteArray moderator = m_a->signIn(QStringLiteral("moderator"));
        qint64 top = 0;
        for (const QJsonObject &c : m_a->pullAll(moderator).records)
            top = std::max(top, c.value(QStringLiteral("id")).toInteger());
        m_a->hook(QStringLiteral("delete/%1").arg(top));
        const HttpResult filed = m_b->request(
            "POST", QStringLiteral("/open311/v2/requests.json"),
            "api_key=demo-open311-key&service_code=potholes&lat=54.9841&long=73.3722&"
            "description=%D0%AF%D0%BC%D0%B0%20%D0%BD%D0%B0%20%D0%B4%D0%BE%D1%80%D0%BE%D0%B3%D0%B5",
            {{"Content-Type", "application/x-www-form-urlencoded"}});
        QVERIFY2(filed.status == 200 || filed.status == 201, filed.body.constData());
        const qint64 id = filed.array()
                              .first()
                              .toObject()
                              .value(QStringLiteral("service_request_id"))
                              .toString()
                              .toLongLong();
        QVERIFY2(id > top, qPrintable(QStringLiteral("new id %1 reuses %2").arg(id).arg(top)));
        const QJsonArray history =
            m_a->get(QStringLiteral("/api/v1/complaints/%1/history").arg(id), moderator)
                .json()
                .value(QStringLiteral("entries"))
                .toArray();
        QCOMPARE(history.size(), 1); // only its own "filed"
    }
};

QTEST_GUILESS_MAIN(TestServerMultiProcess)
#include "tst_servermultiprocess.moc"
