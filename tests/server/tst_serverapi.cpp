// The reference server, over HTTP on loopback: sessions, the catalogue, the
// changes feed, actions (roles, state machine, validation, idempotency),
// media, Open311 and bad input. One server per test class; tests take
// complaints they have not used before.

#include "ApiJson.h"
#include "TestServer.h"
#include "sqlite/Database.h"

#include <QNetworkReply>
#include <QTest>
#include <QThread>
#include <QUuid>

using namespace rd;
using rd::test::HttpResult;
using rd::test::TestServer;

class TestServerApi : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    QHash<QString, QByteArray> m_tokens;
    QList<QJsonObject> m_all; // every complaint at the start, from the moderator's feed

    QByteArray token(const char *login)
    {
        const QString key = QString::fromLatin1(login);
        if (!m_tokens.contains(key))
            m_tokens.insert(key, m_server->signIn(key));
        return m_tokens.value(key);
    }
    // A complaint not handed out before, in one of the states, of an agency.
    qint64 take(std::initializer_list<const char *> states, std::optional<int> agency = 1)
    {
        for (qsizetype i = 0; i < m_all.size(); ++i) {
            const QJsonObject c = m_all[i];
            const QString state = c.value(QStringLiteral("state")).toString();
            const bool stateOk = std::any_of(states.begin(), states.end(), [&](const char *s) {
                return state == QLatin1String(s);
            });
            const QJsonValue a = c.value(QStringLiteral("agency_id"));
            const bool agencyOk = !agency || (a.isDouble() && a.toInt() == *agency);
            if (stateOk && agencyOk) {
                m_all.removeAt(i);
                return c.value(QStringLiteral("id")).toInteger();
            }
        }
        qFatal("no unused complaint in the wanted state");
    }
    qint64 version(qint64 id)
    {
        return m_server->complaint(id, token("moderator"))
            .value(QStringLiteral("version"))
            .toInteger();
    }
    QJsonObject act(qint64 id, const char *login, QJsonObject action, int expectStatus)
    {
        action.insert(QStringLiteral("base_version"), version(id));
        const HttpResult r = m_server->act(id, action, token(login));
        if (r.status != expectStatus)
            qWarning().noquote() << "unexpected" << r.status << r.body;
        return r.status == expectStatus ? r.json()
                                        : QJsonObject{{QStringLiteral("unexpected"), r.status}};
    }

private Q_SLOTS:
    void cleanupTestCase()
    {
        // After everything above (faults, hostile input, races), the server
        // shuts down cleanly and its database is sound.
        QVERIFY(m_server->stop());
        if (rd::test::testsPostgres()) {
            QCOMPARE(rd::test::postgresQuery(
                         m_server->dataDir(),
                         QStringLiteral("SELECT count(*) FROM complaints WHERE NOT "
                                        "(body::jsonb ? 'id') OR NOT (author::jsonb ? "
                                        "'name')")),
                     QStringLiteral("0"));
            return;
        }
        sqlite::Database db(m_server->dataDir() + QStringLiteral("/server.sqlite"),
                            sqlite::Database::OpenMode::ReadOnly);
        QCOMPARE(db.queryText(QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
        QCOMPARE(db.queryInt(QStringLiteral("SELECT count(*) FROM complaints WHERE "
                                            "json_valid(body) = 0 OR json_valid(author) = 0")),
                 0);
    }

    void initTestCase()
    {
        // Enough complaints awaiting an answer for every test to take its
        // own: in a working service they are a few per cent at a time.
        m_server = std::make_unique<TestServer>(3000);
        QVERIFY2(m_server->isRunning(), "regiondesk-server did not start");
        const auto feed = m_server->pullAll(token("moderator"));
        QCOMPARE(feed.status, 200);
        m_all = feed.records;
        QCOMPARE(m_all.size(), 3000);
    }

    // --- sessions -------------------------------------------------------

    void signInAnswersRoleAndAgency()
    {
        const HttpResult r = m_server->request("POST", QStringLiteral("/api/v1/session"),
                                               "{\"login\":\"clerk2\",\"password\":\"demo\"}");
        QCOMPARE(r.status, 200);
        const QJsonObject user = r.json().value(QStringLiteral("user")).toObject();
        QCOMPARE(user.value(QStringLiteral("role")).toString(), QStringLiteral("clerk"));
        QCOMPARE(user.value(QStringLiteral("agency_id")).toInt(), 5);
        QVERIFY(r.json().value(QStringLiteral("token")).toString().size() >= 40);
        QVERIFY(ApiJson::parseTime(r.json().value(QStringLiteral("expires_at")).toString()));
    }

    void signInFailures_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("wrong password") << QByteArray("{\"login\":\"clerk\",\"password\":\"nope\"}")
                                        << 401 << QStringLiteral("bad_credentials");
        QTest::newRow("unknown user") << QByteArray("{\"login\":\"nobody\",\"password\":\"demo\"}")
                                      << 401 << QStringLiteral("bad_credentials");
        QTest::newRow("malformed JSON")
            << QByteArray("{\"login\":\"clerk\",") << 400 << QStringLiteral("bad_json");
        QTest::newRow("not an object")
            << QByteArray("[\"clerk\",\"demo\"]") << 400 << QStringLiteral("bad_json");
        QTest::newRow("missing password")
            << QByteArray("{\"login\":\"clerk\"}") << 422 << QStringLiteral("invalid");
        QTest::newRow("wrong type") << QByteArray("{\"login\":42,\"password\":\"demo\"}") << 422
                                    << QStringLiteral("invalid");
        QTest::newRow("unknown field")
            << QByteArray("{\"login\":\"clerk\",\"password\":\"demo\",\"admin\":true}") << 422
            << QStringLiteral("invalid");
        QTest::newRow("SQL in the login")
            << QByteArray("{\"login\":\"' OR 1=1 --\",\"password\":\"x\"}") << 401
            << QStringLiteral("bad_credentials");
    }
    void signInFailures()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        const HttpResult r = m_server->request("POST", QStringLiteral("/api/v1/session"), body);
        QCOMPARE(r.status, status);
        QCOMPARE(r.errorCode(), code);
        QVERIFY(!r.json()
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("message"))
                     .toString()
                     .isEmpty());
    }

    void tokensAreCheckedOnEveryCall()
    {
        HttpResult r = m_server->request("GET", QStringLiteral("/api/v1/catalogue"));
        QCOMPARE(r.status, 401);
        QVERIFY(r.header("WWW-Authenticate").startsWith("Bearer"));
        r = m_server->get(QStringLiteral("/api/v1/catalogue"), "made-up-token");
        QCOMPARE(r.status, 401);

        const QByteArray t = m_server->signIn(QStringLiteral("supervisor"));
        QCOMPARE(m_server->get(QStringLiteral("/api/v1/session"), t).status, 200);
        QCOMPARE(m_server
                     ->request("DELETE", QStringLiteral("/api/v1/session"), {},
                               {{"Authorization", "Bearer " + t}})
                     .status,
                 204);
        r = m_server->get(QStringLiteral("/api/v1/session"), t);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), QStringLiteral("token_revoked"));
    }

    void tokensExpire()
    {
        const QByteArray t = m_server->signIn(QStringLiteral("clerk"));
        m_server->hook(QStringLiteral("advance-clock"), {{QStringLiteral("seconds"), 13 * 3600}});
        const HttpResult r = m_server->get(QStringLiteral("/api/v1/catalogue"), t);
        m_server->hook(QStringLiteral("advance-clock"), {{QStringLiteral("seconds"), -13 * 3600}});
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), QStringLiteral("token_expired"));
    }

    // --- catalogue ------------------------------------------------------

    void catalogueWithEtag()
    {
        const HttpResult r = m_server->get(QStringLiteral("/api/v1/catalogue"), token("clerk"));
        QCOMPARE(r.status, 200);
        const auto catalogue = ApiJson::catalogueFromJson(r.json());
        QVERIFY2(catalogue, qPrintable(catalogue.error.toString()));
        QCOMPARE(catalogue.value->rules.answerDays, 30);
        QVERIFY(std::any_of(catalogue.value->refusalGrounds.begin(),
                            catalogue.value->refusalGrounds.end(), [](const RefusalGround &g) {
                                return g.legalBasis.startsWith(QStringLiteral("59-ФЗ ст. 11"));
                            }));
        QVERIFY(std::any_of(
            catalogue.value->rejectReasons.begin(), catalogue.value->rejectReasons.end(),
            [](const RejectReason &reason) { return reason.code == QLatin1String("spam"); }));
        const QByteArray etag = r.header("ETag");
        QVERIFY(!etag.isEmpty());
        const HttpResult again = m_server->request(
            "GET", QStringLiteral("/api/v1/catalogue"), {},
            {{"Authorization", "Bearer " + token("clerk")}, {"If-None-Match", etag}});
        QCOMPARE(again.status, 304);
        QVERIFY(again.body.isEmpty());
    }

    // --- the changes feed -----------------------------------------------

    void feedIsScopedAndComplete()
    {
        const auto all = m_server->pullAll(token("chief"), {}, 97);
        const auto clerk = m_server->pullAll(token("clerk"), {}, 50);
        QCOMPARE(all.status, 200);
        QCOMPARE(clerk.status, 200);
        QVERIFY(clerk.pages > 1);
        QSet<qint64> ids;
        for (const QJsonObject &record : clerk.records) {
            QCOMPARE(record.value(QStringLiteral("agency_id")).toInt(), 1);
            QVERIFY(record.value(QStringLiteral("author")).isNull()); // clerks see no personal data
            const auto parsed = ApiJson::complaintFromJson(record);
            QVERIFY2(parsed, qPrintable(parsed.error.toString()));
            ids.insert(record.value(QStringLiteral("id")).toInteger());
        }
        QCOMPARE(ids.size(), clerk.records.size()); // each once
        qsizetype expected = 0;
        for (const QJsonObject &record : all.records) {
            if (record.value(QStringLiteral("agency_id")).toInt() == 1)
                ++expected;
            QVERIFY(record.value(QStringLiteral("author")).isObject()); // supervisors do
        }
        QCOMPARE(ids.size(), expected);
        // Nothing new: an empty page, the same cursor.
        const auto none = m_server->pullAll(token("clerk"), clerk.cursor);
        QCOMPARE(none.records.size(), 0);
        QCOMPARE(none.cursor, clerk.cursor);
    }

    void pageSizeIsCapped()
    {
        const HttpResult r =
            m_server->get(QStringLiteral("/api/v1/changes?limit=1000000"), token("moderator"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.json().value(QStringLiteral("records")).toArray().size() <= 2000);
        QCOMPARE(
            m_server->get(QStringLiteral("/api/v1/changes?limit=-3"), token("moderator")).status,
            400);
        QCOMPARE(
            m_server->get(QStringLiteral("/api/v1/changes?limit=abc"), token("moderator")).status,
            400);
    }

    void changedManyTimesAppearsOnceAtLatest()
    {
        const auto start = m_server->pullAll(token("clerk"));
        const qint64 id = take({"published"});
        act(id, "clerk",
            {{QStringLiteral("action"), QStringLiteral("note")},
             {QStringLiteral("text"), QStringLiteral("первая")}},
            200);
        act(id, "clerk",
            {{QStringLiteral("action"), QStringLiteral("note")},
             {QStringLiteral("text"), QStringLiteral("вторая")}},
            200);
        const auto next = m_server->pullAll(token("clerk"), start.cursor);
        QCOMPARE(next.records.size(), 1);
        QCOMPARE(next.records[0].value(QStringLiteral("id")).toInteger(), id);
        QCOMPARE(next.records[0].value(QStringLiteral("version")).toInteger(), version(id));
    }

    void reroutingSendsATombstone()
    {
        const auto clerkStart = m_server->pullAll(token("clerk"));
        const auto otherStart = m_server->pullAll(token("clerk2"));
        const qint64 id = take({"published"});
        act(id, "moderator",
            {{QStringLiteral("action"), QStringLiteral("reroute")},
             {QStringLiteral("agency_id"), 5},
             {QStringLiteral("reason"), QStringLiteral("Это освещение")}},
            200);
        const auto clerk = m_server->pullAll(token("clerk"), clerkStart.cursor);
        QCOMPARE(clerk.tombstones, QList<qint64>{id});
        QVERIFY(clerk.records.isEmpty());
        const auto other = m_server->pullAll(token("clerk2"), otherStart.cursor);
        QCOMPARE(other.records.size(), 1);
        QCOMPARE(other.records[0].value(QStringLiteral("id")).toInteger(), id);
        QCOMPARE(
            m_server->get(QStringLiteral("/api/v1/complaints/%1").arg(id), token("clerk")).status,
            403);

        // Deleted on the server: a tombstone for everyone who could see it.
        const auto chiefStart = m_server->pullAll(token("chief"));
        m_server->hook(QStringLiteral("delete/%1").arg(id));
        QCOMPARE(m_server->pullAll(token("clerk2"), other.cursor).tombstones, QList<qint64>{id});
        QCOMPARE(m_server->pullAll(token("chief"), chiefStart.cursor).tombstones,
                 QList<qint64>{id});
    }

    void staleCursorsAnswer410()
    {
        const auto start = m_server->pullAll(token("clerk"));
        // Not a cursor of ours.
        QCOMPARE(
            m_server->get(QStringLiteral("/api/v1/changes?cursor=garbage!"), token("clerk")).status,
            400);
        // Another epoch (the server's data was reset).
        QCOMPARE(
            m_server
                ->get(QStringLiteral("/api/v1/changes?cursor=%1&epoch=old-epoch").arg(start.cursor),
                      token("clerk"))
                .status,
            410);
        // Older than the tombstones the server keeps.
        const qint64 id = take({"published"});
        act(id, "moderator",
            {{QStringLiteral("action"), QStringLiteral("reroute")},
             {QStringLiteral("agency_id"), 2}},
            200);
        m_server->hook(QStringLiteral("advance-clock"),
                       {{QStringLiteral("seconds"), 31 * 24 * 3600}});
        m_server->hook(QStringLiteral("prune"));
        m_server->hook(QStringLiteral("advance-clock"),
                       {{QStringLiteral("seconds"), -31 * 24 * 3600}});
        m_tokens.clear(); // pruning 31 days ahead also dropped every session token
        const HttpResult gone = m_server->get(
            QStringLiteral("/api/v1/changes?cursor=%1").arg(start.cursor), token("clerk"));
        QCOMPARE(gone.status, 410);
        QCOMPARE(gone.errorCode(), QStringLiteral("resync"));
        QCOMPARE(m_server->pullAll(token("clerk")).status, 200); // starting over works
    }

    // --- actions: who may do what ---------------------------------------

    void authorization_data()
    {
        QTest::addColumn<QByteArray>("login");
        QTest::addColumn<QString>("state");
        QTest::addColumn<int>("agency");
        QTest::addColumn<QJsonObject>("action");
        QTest::addColumn<int>("status");
        const QJsonObject publish{{QStringLiteral("action"), QStringLiteral("publish")},
                                  {QStringLiteral("category_id"), 1},
                                  {QStringLiteral("agency_id"), 1}};
        const QJsonObject solve{
            {QStringLiteral("action"), QStringLiteral("solve")},
            {QStringLiteral("text"), QStringLiteral("Яму заделали асфальтом.")}};
        const QJsonObject note{{QStringLiteral("action"), QStringLiteral("note")},
                               {QStringLiteral("text"), QStringLiteral("Проверено")}};
        QTest::newRow("clerk may not publish")
            << QByteArray("clerk") << QStringLiteral("moderation") << 0 << publish << 403;
        QTest::newRow("supervisor may not publish")
            << QByteArray("supervisor") << QStringLiteral("moderation") << 0 << publish << 403;
        QTest::newRow("moderator publishes")
            << QByteArray("moderator") << QStringLiteral("moderation") << 0 << publish << 200;
        QTest::newRow("moderator may not answer")
            << QByteArray("moderator") << QStringLiteral("published") << 1 << solve << 403;
        QTest::newRow("other agency's clerk may not answer")
            << QByteArray("clerk2") << QStringLiteral("published") << 1 << solve << 403;
        QTest::newRow("all-agency supervisor may not answer")
            << QByteArray("chief") << QStringLiteral("published") << 1 << solve << 403;
        QTest::newRow("agency clerk answers")
            << QByteArray("clerk") << QStringLiteral("published") << 1 << solve << 200;
        QTest::newRow("agency supervisor answers")
            << QByteArray("supervisor") << QStringLiteral("published") << 1 << solve << 200;
        QTest::newRow("other agency's clerk may not note")
            << QByteArray("clerk2") << QStringLiteral("published") << 1 << note << 403;
        QTest::newRow("chief notes")
            << QByteArray("chief") << QStringLiteral("published") << 1 << note << 200;
    }
    void authorization()
    {
        QFETCH(QByteArray, login);
        QFETCH(QString, state);
        QFETCH(int, agency);
        QFETCH(QJsonObject, action);
        QFETCH(int, status);
        const qint64 id = state == QLatin1String("moderation") ? take({"moderation"}, std::nullopt)
                                                               : take({"published"}, agency);
        const qint64 before = version(id);
        const QJsonObject answer = act(id, login.constData(), action, status);
        QVERIFY(!answer.contains(QStringLiteral("unexpected")));
        QCOMPARE(version(id), status == 200 ? before + 1 : before);
    }

    void wholeLifecycle()
    {
        const qint64 id = take({"moderation"}, std::nullopt);
        act(id, "moderator",
            {{QStringLiteral("action"), QStringLiteral("redact")},
             {QStringLiteral("text"),
              QStringLiteral("Яма у остановки, телефон убран модератором.")}},
            200);
        QJsonObject c = act(id, "moderator",
                            {{QStringLiteral("action"), QStringLiteral("publish")},
                             {QStringLiteral("category_id"), 1},
                             {QStringLiteral("agency_id"), 1}},
                            200);
        QCOMPARE(c.value(QStringLiteral("state")).toString(), QStringLiteral("published"));
        QVERIFY(!c.value(QStringLiteral("due_date")).toString().isEmpty());
        const QDate promised = QDate::currentDate().addDays(20);
        c = act(id, "clerk",
                {{QStringLiteral("action"), QStringLiteral("set_deadline")},
                 {QStringLiteral("deadline"), promised.toString(Qt::ISODate)},
                 {QStringLiteral("text"), QStringLiteral("Ремонт включён в план на этот месяц.")}},
                200);
        QCOMPARE(c.value(QStringLiteral("state")).toString(), QStringLiteral("in_progress"));
        c = act(id, "clerk",
                {{QStringLiteral("action"), QStringLiteral("extend_deadline")},
                 {QStringLiteral("deadline"), promised.addDays(10).toString(Qt::ISODate)},
                 {QStringLiteral("reason"), QStringLiteral("Дожди, асфальт не кладут.")}},
                200);
        QVERIFY(c.value(QStringLiteral("answer"))
                    .toObject()
                    .value(QStringLiteral("extended"))
                    .toBool());
        // Only once.
        const QJsonObject again =
            act(id, "clerk",
                {{QStringLiteral("action"), QStringLiteral("extend_deadline")},
                 {QStringLiteral("deadline"), promised.addDays(15).toString(Qt::ISODate)},
                 {QStringLiteral("reason"), QStringLiteral("Снова дожди и ветер.")}},
                422);
        QVERIFY(again.value(QStringLiteral("error"))
                    .toObject()
                    .value(QStringLiteral("fields"))
                    .toObject()
                    .contains(QStringLiteral("deadline")));
        c = act(id, "clerk",
                {{QStringLiteral("action"), QStringLiteral("solve")},
                 {QStringLiteral("text"), QStringLiteral("Яма заделана, фото прилагаем.")}},
                200);
        QCOMPARE(c.value(QStringLiteral("state")).toString(), QStringLiteral("solved"));
        // The citizen contests; the complaint returns to the agency.
        const HttpResult contest = m_server->request(
            "POST", QStringLiteral("/api/v1/citizen/complaints/%1/contest").arg(id),
            "{\"comment\":\"Яма осталась\"}", {{"X-Api-Key", "demo-open311-key"}});
        QCOMPARE(contest.status, 200);
        QCOMPARE(m_server->complaint(id, token("clerk")).value(QStringLiteral("state")).toString(),
                 QStringLiteral("contested"));

        // The history has it all.
        const QJsonArray history =
            m_server->get(QStringLiteral("/api/v1/complaints/%1/history").arg(id), token("clerk"))
                .json()
                .value(QStringLiteral("entries"))
                .toArray();
        QStringList actions;
        for (const QJsonValue &e : history)
            actions.append(e.toObject().value(QStringLiteral("action")).toString());
        QVERIFY2(actions.join(QLatin1Char(','))
                     .endsWith(QStringLiteral(
                         "redact,publish,set_deadline,extend_deadline,solve,contest")),
                 qPrintable(actions.join(QLatin1Char(','))));
        // The redaction's original is the moderators' only (tst_serverprivacy).
        const qsizetype at = actions.indexOf(QStringLiteral("redact"));
        QVERIFY(history[at].toObject().value(QStringLiteral("old")).isNull());
        const QJsonArray moderators =
            m_server
                ->get(QStringLiteral("/api/v1/complaints/%1/history").arg(id), token("moderator"))
                .json()
                .value(QStringLiteral("entries"))
                .toArray();
        QVERIFY(!moderators[at].toObject().value(QStringLiteral("old")).toString().isEmpty());
    }

    void illegalTransitionsAndBadFields_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<QByteArray>("login");
        QTest::addColumn<QJsonObject>("action");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        const QString past = QDate::currentDate().addDays(-3).toString(Qt::ISODate);
        QTest::newRow("publish twice")
            << QStringLiteral("published") << QByteArray("moderator")
            << QJsonObject{{QStringLiteral("action"), QStringLiteral("publish")},
                           {QStringLiteral("category_id"), 1},
                           {QStringLiteral("agency_id"), 1}}
            << QStringLiteral("invalid_transition") << QString();
        QTest::newRow("refuse a solved complaint")
            << QStringLiteral("solved") << QByteArray("clerk")
            << QJsonObject{{QStringLiteral("action"), QStringLiteral("refuse")},
                           {QStringLiteral("ground"), QStringLiteral("no_substance")},
                           {QStringLiteral("text"), QString(60, QLatin1Char('x'))}}
            << QStringLiteral("invalid_transition") << QString();
        QTest::newRow("reasoning too short")
            << QStringLiteral("published") << QByteArray("clerk")
            << QJsonObject{{QStringLiteral("action"), QStringLiteral("refuse")},
                           {QStringLiteral("ground"), QStringLiteral("no_substance")},
                           {QStringLiteral("text"), QStringLiteral("Нет.")}}
            << QStringLiteral("invalid") << QStringLiteral("text");
        QTest::newRow("ground not in catalogue")
            << QStringLiteral("published") << QByteArray("clerk")
            << QJsonObject{{QStringLiteral("action"), QStringLiteral("refuse")},
                           {QStringLiteral("ground"), QStringLiteral("because")},
                           {QStringLiteral("text"), QString(60, QLatin1Char('x'))}}
            << QStringLiteral("invalid") << QStringLiteral("ground");
        QTest::newRow("deadline in the past")
            << QStringLiteral("published") << QByteArray("clerk")
            << QJsonObject{{QStringLiteral("action"), QStringLiteral("set_deadline")},
                           {QStringLiteral("deadline"), past},
                           {QStringLiteral("text"), QStringLiteral("План работ на квартал")}}
            << QStringLiteral("invalid") << QStringLiteral("deadline");
        QTest::newRow("deadline far away")
            << QStringLiteral("published") << QByteArray("clerk")
            << QJsonObject{{QStringLiteral("action"), QStringLiteral("set_deadline")},
                           {QStringLiteral("deadline"), QStringLiteral("9999-12-31")},
                           {QStringLiteral("text"), QStringLiteral("План работ на квартал")}}
            << QStringLiteral("invalid") << QStringLiteral("deadline");
        QTest::newRow("deadline not a date")
            << QStringLiteral("published") << QByteArray("clerk")
            << QJsonObject{{QStringLiteral("action"), QStringLiteral("set_deadline")},
                           {QStringLiteral("deadline"), QStringLiteral("завтра")},
                           {QStringLiteral("text"), QStringLiteral("План работ на квартал")}}
            << QStringLiteral("invalid") << QStringLiteral("deadline");
        QTest::newRow("unknown field")
            << QStringLiteral("published") << QByteArray("clerk")
            << QJsonObject{{QStringLiteral("action"), QStringLiteral("note")},
                           {QStringLiteral("text"), QStringLiteral("x")},
                           {QStringLiteral("state"), QStringLiteral("confirmed")}}
            << QStringLiteral("invalid") << QStringLiteral("state");
        QTest::newRow("unknown action")
            << QStringLiteral("published") << QByteArray("clerk")
            << QJsonObject{{QStringLiteral("action"), QStringLiteral("close_quietly")}}
            << QStringLiteral("invalid") << QStringLiteral("action");
        QTest::newRow("duplicate of itself")
            << QStringLiteral("moderation") << QByteArray("moderator")
            << QJsonObject{{QStringLiteral("action"), QStringLiteral("mark_duplicate")},
                           {QStringLiteral("duplicate_of"), -1}}
            << QStringLiteral("invalid") << QStringLiteral("duplicate_of");
        QTest::newRow("reject reason not in catalogue")
            << QStringLiteral("moderation") << QByteArray("moderator")
            << QJsonObject{{QStringLiteral("action"), QStringLiteral("reject")},
                           {QStringLiteral("reason_code"), QStringLiteral("because")},
                           {QStringLiteral("reason"), QStringLiteral("Потому что")}}
            << QStringLiteral("invalid") << QStringLiteral("reason_code");
        QTest::newRow("reject reason too short")
            << QStringLiteral("moderation") << QByteArray("moderator")
            << QJsonObject{{QStringLiteral("action"), QStringLiteral("reject")},
                           {QStringLiteral("reason_code"), QStringLiteral("spam")},
                           {QStringLiteral("reason"), QStringLiteral("Да")}}
            << QStringLiteral("invalid") << QStringLiteral("reason");
        QTest::newRow("wrong type")
            << QStringLiteral("moderation") << QByteArray("moderator")
            << QJsonObject{{QStringLiteral("action"), QStringLiteral("publish")},
                           {QStringLiteral("category_id"), QStringLiteral("1")},
                           {QStringLiteral("agency_id"), 1}}
            << QStringLiteral("invalid") << QStringLiteral("category_id");
    }
    void illegalTransitionsAndBadFields()
    {
        QFETCH(QString, state);
        QFETCH(QByteArray, login);
        QFETCH(QJsonObject, action);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const qint64 id = state == QLatin1String("moderation")
                              ? take({"moderation"}, std::nullopt)
                              : take({state.toLatin1().constData()});
        const qint64 before = version(id);
        const QJsonObject answer = act(id, login.constData(), action, 422);
        const QJsonObject error = answer.value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toString(), code);
        if (!field.isEmpty())
            QVERIFY2(error.value(QStringLiteral("fields")).toObject().contains(field),
                     qPrintable(QJsonDocument(answer).toJson()));
        QCOMPARE(version(id), before); // nothing changed
    }

    void staleVersionIs409WithTheCurrentRecord()
    {
        const qint64 id = take({"published"});
        const qint64 base = version(id);
        act(id, "clerk",
            {{QStringLiteral("action"), QStringLiteral("note")},
             {QStringLiteral("text"), QStringLiteral("сначала")}},
            200);
        const HttpResult r =
            m_server->act(id,
                          {{QStringLiteral("action"), QStringLiteral("solve")},
                           {QStringLiteral("base_version"), base},
                           {QStringLiteral("text"), QStringLiteral("Сделано в срок, спасибо.")}},
                          token("clerk"));
        QCOMPARE(r.status, 409);
        QCOMPARE(r.errorCode(), QStringLiteral("version_conflict"));
        QCOMPARE(r.json()
                     .value(QStringLiteral("current"))
                     .toObject()
                     .value(QStringLiteral("version"))
                     .toInteger(),
                 base + 1);
    }

    void idempotencyReplaysAndRefusesReuse()
    {
        const qint64 id = take({"published"});
        const QJsonObject note{{QStringLiteral("action"), QStringLiteral("note")},
                               {QStringLiteral("base_version"), version(id)},
                               {QStringLiteral("text"), QStringLiteral("один раз")}};
        const HttpResult first = m_server->act(id, note, token("clerk"), "key-replay-0001");
        const HttpResult second = m_server->act(id, note, token("clerk"), "key-replay-0001");
        QCOMPARE(first.status, 200);
        QCOMPARE(second.status, 200);
        QCOMPARE(second.body, first.body);
        QCOMPARE(second.header("Idempotent-Replay"), QByteArray("true"));
        QJsonObject other = note;
        other.insert(QStringLiteral("text"), QStringLiteral("другое"));
        const HttpResult reused = m_server->act(id, other, token("clerk"), "key-replay-0001");
        QCOMPARE(reused.status, 422);
        QCOMPARE(reused.errorCode(), QStringLiteral("idempotency_key_reused"));
        // A refused action replays its refusal too.
        const QJsonObject publish{{QStringLiteral("action"), QStringLiteral("publish")},
                                  {QStringLiteral("base_version"), version(id)},
                                  {QStringLiteral("category_id"), 1},
                                  {QStringLiteral("agency_id"), 1}};
        QCOMPARE(m_server->act(id, publish, token("clerk"), "key-replay-0002").status, 403);
        QCOMPARE(m_server->act(id, publish, token("clerk"), "key-replay-0002").status, 403);
        QJsonObject fresh = note;
        fresh.insert(QStringLiteral("base_version"), version(id));
        QCOMPARE(m_server->act(id, fresh, token("clerk"), "").status, 200); // a new key
        QCOMPARE(m_server
                     ->postJson(QStringLiteral("/api/v1/complaints/%1/actions").arg(id), note,
                                token("clerk"))
                     .status,
                 400); // no key at all
    }

    void replaysAreKeptForSevenDays()
    {
        const qint64 id = take({"published"});
        const QJsonObject note{{QStringLiteral("action"), QStringLiteral("note")},
                               {QStringLiteral("base_version"), version(id)},
                               {QStringLiteral("text"), QStringLiteral("неделя")}};
        const HttpResult first = m_server->act(id, note, token("clerk"), "key-week-0001");
        QCOMPARE(first.status, 200);
        // Seven days and a housekeeping run later (tokens last 12 hours, so
        // the client signs in again), the retry still gets the first answer.
        m_server->hook(QStringLiteral("advance-clock"),
                       {{QStringLiteral("seconds"), 7 * 24 * 3600}});
        m_server->hook(QStringLiteral("prune"));
        const QByteArray fresh = m_server->signIn(QStringLiteral("clerk"));
        const HttpResult retry = m_server->act(id, note, fresh, "key-week-0001");
        m_server->hook(QStringLiteral("advance-clock"),
                       {{QStringLiteral("seconds"), -7 * 24 * 3600}});
        m_tokens.clear(); // the prune dropped the sessions that had expired by then
        QCOMPARE(retry.status, 200);
        QCOMPARE(retry.header("Idempotent-Replay"), QByteArray("true"));
        QCOMPARE(retry.body, first.body);
    }

    void errorAfterCommitIsNotAppliedTwice()
    {
        const qint64 id = take({"published"});
        const QJsonObject solve{
            {QStringLiteral("action"), QStringLiteral("solve")},
            {QStringLiteral("base_version"), version(id)},
            {QStringLiteral("text"), QStringLiteral("Провели ремонт тротуара.")}};
        m_server->hook(
            QStringLiteral("faults"),
            {{QStringLiteral("kind"), QStringLiteral("error_after_commit")},
             {QStringLiteral("path"), QStringLiteral("/api/v1/complaints/%1/actions").arg(id)}});
        QCOMPARE(m_server->act(id, solve, token("clerk"), "key-after-commit-1").status, 500);
        const HttpResult retry = m_server->act(id, solve, token("clerk"), "key-after-commit-1");
        QCOMPARE(retry.status, 200);
        QCOMPARE(retry.header("Idempotent-Replay"), QByteArray("true"));
        int solves = 0;
        for (const QJsonValue &e :
             m_server->get(QStringLiteral("/api/v1/complaints/%1/history").arg(id), token("clerk"))
                 .json()
                 .value(QStringLiteral("entries"))
                 .toArray())
            solves +=
                e.toObject().value(QStringLiteral("action")).toString() == QLatin1String("solve")
                    ? 1
                    : 0;
        QCOMPARE(solves, 1);
    }

    // --- faults the HTTP front can inject --------------------------------

    void injectedFaults_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("cut mid-body") << QStringLiteral("cut_body");
        QTest::newRow("malformed JSON") << QStringLiteral("malformed_json");
        QTest::newRow("dropped connection") << QStringLiteral("drop");
        QTest::newRow("slow answer") << QStringLiteral("delay");
    }
    void injectedFaults()
    {
        QFETCH(QString, kind);
        // A dropped connection is retried once by QNetworkAccessManager on
        // its own (HTTP allows it for GET), so that fault is armed twice.
        m_server->hook(QStringLiteral("faults"),
                       {{QStringLiteral("kind"), kind},
                        {QStringLiteral("path"), QStringLiteral("/api/v1/changes")},
                        {QStringLiteral("count"), kind == QLatin1String("drop") ? 2 : 1},
                        {QStringLiteral("delay_ms"), 700}});
        const HttpResult r =
            m_server->get(QStringLiteral("/api/v1/changes?limit=50"), token("moderator"));
        if (kind == QLatin1String("delay")) {
            QCOMPARE(r.status, 200);
            QVERIFY(r.elapsedMs >= 650);
        } else if (kind == QLatin1String("malformed_json")) {
            QCOMPARE(r.status, 200);
            QJsonParseError error;
            QJsonDocument::fromJson(r.body, &error);
            QVERIFY(error.error != QJsonParseError::NoError);
        } else {
            QVERIFY2(r.error != QNetworkReply::NoError, qPrintable(QString::number(r.status)));
        }
        // The next request is served normally.
        m_server->hook(QStringLiteral("faults"),
                       {{QStringLiteral("kind"), QStringLiteral("none")}});
        QCOMPARE(
            m_server->get(QStringLiteral("/api/v1/changes?limit=5"), token("moderator")).status,
            200);
    }

    // --- media ----------------------------------------------------------

    void photosAreServedWithCachingHeaders()
    {
        QString photoId;
        qint64 owner = 0;
        for (const QJsonObject &c : std::as_const(m_all)) {
            const QJsonArray photos = c.value(QStringLiteral("photos")).toArray();
            if (!photos.isEmpty() && c.value(QStringLiteral("agency_id")).toInt() == 1) {
                photoId = photos[0].toObject().value(QStringLiteral("id")).toString();
                owner = c.value(QStringLiteral("id")).toInteger();
                break;
            }
        }
        QVERIFY(owner != 0);
        const HttpResult r =
            m_server->get(QStringLiteral("/api/v1/media/") + photoId, token("clerk"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.startsWith("\x89PNG"));
        QCOMPARE(r.header("Content-Type"), QByteArray("image/png"));
        QVERIFY(r.header("Cache-Control").contains("max-age=604800"));
        const HttpResult cached = m_server->request(
            "GET", QStringLiteral("/api/v1/media/") + photoId, {},
            {{"Authorization", "Bearer " + token("clerk")}, {"If-None-Match", r.header("ETag")}});
        QCOMPARE(cached.status, 304);
        QCOMPARE(m_server->get(QStringLiteral("/api/v1/media/") + photoId, token("clerk2")).status,
                 403);
        QCOMPARE(
            m_server->get(QStringLiteral("/api/v1/media/no-such-photo"), token("clerk")).status,
            404);
    }

    void evidenceUploadIsChecked()
    {
        const qint64 id = take({"published"});
        const auto upload = [&](const QByteArray &bytes, const QByteArray &type,
                                const char *login = "clerk") {
            return m_server->request(
                "POST", QStringLiteral("/api/v1/complaints/%1/photos").arg(id), bytes,
                {{"Authorization", "Bearer " + token(login)}, {"Content-Type", type}});
        };
        // A real PNG from the server itself.
        const QByteArray png =
            m_server->request("GET", QStringLiteral("/open311/v2/media/nothing")).status == 404
                ? QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4n"
                                         "GP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==")
                : QByteArray();
        HttpResult r = upload(png, "image/png");
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(QStringLiteral("width")).toInt(), 2);
        const QString photoId = r.json().value(QStringLiteral("id")).toString();
        QCOMPARE(upload("<html>not a picture</html>", "image/png").status, 415);
        QCOMPARE(upload(png, "image/jpeg").status, 415); // the bytes say otherwise
        QCOMPARE(upload(png, "application/pdf").status, 415);
        QCOMPARE(upload(QByteArray(6 << 20, 'x'), "image/png").status, 413);
        QCOMPARE(upload(png, "image/png", "clerk2").status, 403);
        QCOMPARE(upload(png, "image/png", "moderator").status, 403);
        const QJsonObject c =
            act(id, "clerk",
                {{QStringLiteral("action"), QStringLiteral("solve")},
                 {QStringLiteral("text"), QStringLiteral("Сделано, фото прилагаем.")},
                 {QStringLiteral("photo_ids"), QJsonArray{photoId}}},
                200);
        bool attached = false;
        for (const QJsonValue &p : c.value(QStringLiteral("photos")).toArray())
            attached |= p.toObject().value(QStringLiteral("id")).toString() == photoId &&
                        p.toObject().value(QStringLiteral("evidence")).toBool();
        QVERIFY(attached);
    }

    // --- bad input ------------------------------------------------------

    void hostileInputIsRefusedOrStoredVerbatim()
    {
        const qint64 id = take({"published"});
        // SQL-looking text is just text.
        const QString sql = QStringLiteral("'); DROP TABLE complaints; -- и ещё \"кавычки\"");
        QCOMPARE(m_server
                     ->act(id,
                           {{QStringLiteral("action"), QStringLiteral("note")},
                            {QStringLiteral("base_version"), version(id)},
                            {QStringLiteral("text"), sql}},
                           token("clerk"))
                     .status,
                 200);
        const QJsonArray history =
            m_server->get(QStringLiteral("/api/v1/complaints/%1/history").arg(id), token("clerk"))
                .json()
                .value(QStringLiteral("entries"))
                .toArray();
        QCOMPARE(history.last().toObject().value(QStringLiteral("comment")).toString(), sql);
        // A body past the limit.
        const HttpResult huge = m_server->request(
            "POST", QStringLiteral("/api/v1/complaints/%1/actions").arg(id),
            QByteArray(2 << 20, ' '),
            {{"Authorization", "Bearer " + token("clerk")}, {"Idempotency-Key", "huge-body-0001"}});
        QCOMPARE(huge.status, 413);
        // Wrong shapes.
        QCOMPARE(m_server
                     ->request("POST", QStringLiteral("/api/v1/complaints/%1/actions").arg(id),
                               "[1,2,3]",
                               {{"Authorization", "Bearer " + token("clerk")},
                                {"Idempotency-Key", "array-body-0001"}})
                     .status,
                 400);
        QCOMPARE(m_server
                     ->act(id,
                           {{QStringLiteral("action"), QStringLiteral("note")},
                            {QStringLiteral("base_version"), QStringLiteral("3")},
                            {QStringLiteral("text"), QStringLiteral("x")}},
                           token("clerk"))
                     .status,
                 422);
        QCOMPARE(m_server
                     ->act(id,
                           {{QStringLiteral("action"), QStringLiteral("note")},
                            {QStringLiteral("base_version"), 1.5},
                            {QStringLiteral("text"), QStringLiteral("x")}},
                           token("clerk"))
                     .status,
                 422);
        QCOMPARE(
            m_server->get(QStringLiteral("/api/v1/complaints/99999999"), token("clerk")).status,
            404);
        QCOMPARE(m_server->get(QStringLiteral("/api/v1/complaints/abc"), token("clerk")).status,
                 404);
        QCOMPARE(m_server->get(QStringLiteral("/api/v1/nothing"), token("clerk")).status, 404);
        QCOMPARE(m_server
                     ->request("PUT", QStringLiteral("/api/v1/catalogue"), "{}",
                               {{"Authorization", "Bearer " + token("clerk")}})
                     .status,
                 405);
        QCOMPARE(m_server->get(QStringLiteral("/api/v1/session"), token("clerk")).status,
                 200); // still alive
    }

    // --- Open311 --------------------------------------------------------

    void open311ServicesAndRequests()
    {
        HttpResult r = m_server->request("GET", QStringLiteral("/open311/v2/services.json"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.array().size(), 12);
        QCOMPARE(r.array()[0].toObject().value(QStringLiteral("service_code")).toString(),
                 QStringLiteral("potholes"));
        QCOMPARE(
            m_server->request("GET", QStringLiteral("/open311/v2/services/potholes.json")).status,
            200);
        QCOMPARE(
            m_server->request("GET", QStringLiteral("/open311/v2/services/teleport.json")).status,
            404);

        r = m_server->request(
            "GET", QStringLiteral(
                       "/open311/v2/requests.json?status=closed&service_code=potholes,lighting"));
        QCOMPARE(r.status, 200);
        QVERIFY(!r.array().isEmpty());
        for (const QJsonValue &v : r.array()) {
            const QJsonObject o = v.toObject();
            QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("closed"));
            QVERIFY(
                o.value(QStringLiteral("service_code")).toString() == QLatin1String("potholes") ||
                o.value(QStringLiteral("service_code")).toString() == QLatin1String("lighting"));
            QVERIFY(ApiJson::parseTime(o.value(QStringLiteral("requested_datetime")).toString()));
        }
        const QString oneId =
            r.array()[0].toObject().value(QStringLiteral("service_request_id")).toString();
        const HttpResult one =
            m_server->request("GET", QStringLiteral("/open311/v2/requests/%1.json").arg(oneId));
        QCOMPARE(one.status, 200);
        QCOMPARE(one.array().size(), 1);
        // Moderation is not public: by its number, only the reduced form.
        const qint64 hidden = take({"moderation"}, std::nullopt);
        const HttpResult reduced =
            m_server->request("GET", QStringLiteral("/open311/v2/requests/%1.json").arg(hidden));
        QCOMPARE(reduced.status, 200);
        QVERIFY(reduced.array()[0].toObject().value(QStringLiteral("description")).isNull());
        QVERIFY(reduced.array()[0].toObject().value(QStringLiteral("lat")).isNull());
        QCOMPARE(
            m_server
                ->request("GET", QStringLiteral("/open311/v2/requests.json?start_date=yesterday"))
                .status,
            400);
        QCOMPARE(m_server->request("GET", QStringLiteral("/open311/v2/requests.json?status=maybe"))
                     .status,
                 400);

        // By ids, whatever the window: the public one in full, the other reduced.
        r = m_server->request("GET",
                              QStringLiteral("/open311/v2/requests.json?service_request_id=%1,%2")
                                  .arg(oneId)
                                  .arg(hidden));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.array().size(), 2);
        QCOMPARE(r.array()[0].toObject().value(QStringLiteral("service_request_id")).toString(),
                 oneId);
        QVERIFY(r.array()[0].toObject().value(QStringLiteral("description")).isString());
        QVERIFY(r.array()[1].toObject().value(QStringLiteral("description")).isNull());
        // Open ones only, and a window of filing times around one request.
        r = m_server->request("GET", QStringLiteral("/open311/v2/requests.json?status=open"));
        QVERIFY(!r.array().isEmpty());
        for (const QJsonValue &v : r.array())
            QCOMPARE(v.toObject().value(QStringLiteral("status")).toString(),
                     QStringLiteral("open"));
        const QDateTime filed = *ApiJson::parseTime(
            one.array()[0].toObject().value(QStringLiteral("requested_datetime")).toString());
        const auto encoded = [](const QDateTime &t) {
            return QString::fromLatin1(QUrl::toPercentEncoding(ApiJson::formatTime(t)));
        };
        r = m_server->request("GET",
                              QStringLiteral("/open311/v2/requests.json?start_date=%1"
                                             "&end_date=%2")
                                  .arg(encoded(filed.addSecs(-1)), encoded(filed.addSecs(1))));
        QVERIFY2(r.status == 200, r.body.constData());
        bool found = false;
        for (const QJsonValue &v : r.array()) {
            const QJsonObject o = v.toObject();
            const QDateTime at =
                *ApiJson::parseTime(o.value(QStringLiteral("requested_datetime")).toString());
            QVERIFY(at >= filed.addSecs(-1) && at <= filed.addSecs(1));
            found = found || o.value(QStringLiteral("service_request_id")).toString() == oneId;
        }
        QVERIFY(found);
    }

    void open311FilingGoesToModeration()
    {
        const QByteArray form =
            "api_key=demo-open311-key&service_code=potholes&lat=54.9841&long=73.3722"
            "&address_string=" +
            QUrl::toPercentEncoding(QStringLiteral("г. Омск, ул. Ленина, 12")) + "&description=" +
            QUrl::toPercentEncoding(QStringLiteral("Глубокая яма прямо на пешеходном переходе")) +
            "&first_name=" + QUrl::toPercentEncoding(QStringLiteral("Пётр")) +
            "&email=petr@example.ru";
        const QList<QPair<QByteArray, QByteArray>> formType{
            {"Content-Type", "application/x-www-form-urlencoded"}};
        const HttpResult r =
            m_server->request("POST", QStringLiteral("/open311/v2/requests.json"), form, formType);
        QCOMPARE(r.status, 201);
        const qint64 id = r.array()[0]
                              .toObject()
                              .value(QStringLiteral("service_request_id"))
                              .toString()
                              .toLongLong();
        QVERIFY(id > 0);
        const QJsonObject c = m_server->complaint(id, token("moderator"));
        QCOMPARE(c.value(QStringLiteral("state")).toString(), QStringLiteral("moderation"));
        QCOMPARE(
            c.value(QStringLiteral("author")).toObject().value(QStringLiteral("email")).toString(),
            QStringLiteral("petr@example.ru"));
        QCOMPARE(
            m_server->get(QStringLiteral("/api/v1/complaints/%1").arg(id), token("clerk")).status,
            403);

        const auto bad = [&](const QByteArray &body) {
            return m_server->request("POST", QStringLiteral("/open311/v2/requests.json"), body,
                                     formType);
        };
        HttpResult e = bad("api_key=wrong&service_code=potholes&lat=54.98&long=73.37&description=" +
                           QUrl::toPercentEncoding(QStringLiteral("Яма на дороге")));
        QCOMPARE(e.status, 403);
        QCOMPARE(e.array()[0].toObject().value(QStringLiteral("code")).toInt(), 403);
        QCOMPARE(bad("api_key=demo-open311-key&service_code=potholes&lat=154.98&long=73.37&"
                     "description=abcdefgh")
                     .status,
                 400);
        QCOMPARE(bad("api_key=demo-open311-key&service_code=teleport&lat=54.98&long=73.37&"
                     "description=abcdefgh")
                     .status,
                 404);
        QCOMPARE(bad("api_key=demo-open311-key&service_code=potholes&lat=NaN&long=73.37&"
                     "description=abcdefgh")
                     .status,
                 400);
        QCOMPARE(m_server->request("POST", QStringLiteral("/open311/v2/requests.json"), "{\"a\":1}")
                     .status,
                 400);
    }

    // --- every read and write endpoint, per role --------------------------

    void endpointsPerRole_data()
    {
        QTest::addColumn<QByteArray>("login");
        QTest::addColumn<int>("read");   // complaint, history, media
        QTest::addColumn<int>("upload"); // evidence photo
        QTest::addColumn<int>("note");   // an action anyone in scope may take
        QTest::newRow("clerk of the agency") << QByteArray("clerk") << 200 << 201 << 200;
        QTest::newRow("clerk of another agency") << QByteArray("clerk2") << 403 << 403 << 403;
        QTest::newRow("supervisor of the agency") << QByteArray("supervisor") << 200 << 201 << 200;
        QTest::newRow("supervisor of all agencies") << QByteArray("chief") << 200 << 403 << 200;
        QTest::newRow("moderator") << QByteArray("moderator") << 200 << 403 << 200;
    }
    void endpointsPerRole()
    {
        QFETCH(QByteArray, login);
        QFETCH(int, read);
        QFETCH(int, upload);
        QFETCH(int, note);
        qint64 id = 0;
        QString photo;
        for (qsizetype i = 0; i < m_all.size() && id == 0; ++i) {
            const QJsonObject c = m_all[i];
            const QJsonArray photos = c.value(QStringLiteral("photos")).toArray();
            if (c.value(QStringLiteral("agency_id")).toInt() == 1 &&
                c.value(QStringLiteral("state")).toString() == QLatin1String("published") &&
                !photos.isEmpty()) {
                id = c.value(QStringLiteral("id")).toInteger();
                photo = photos[0].toObject().value(QStringLiteral("id")).toString();
                m_all.removeAt(i);
            }
        }
        QVERIFY(id != 0);
        const QByteArray t = token(login.constData());
        QCOMPARE(m_server->get(QStringLiteral("/api/v1/complaints/%1").arg(id), t).status, read);
        QCOMPARE(m_server->get(QStringLiteral("/api/v1/complaints/%1/history").arg(id), t).status,
                 read);
        QCOMPARE(m_server->get(QStringLiteral("/api/v1/media/") + photo, t).status, read);
        const QByteArray png =
            QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8A"
                                   "ARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==");
        QCOMPARE(m_server
                     ->request("POST", QStringLiteral("/api/v1/complaints/%1/photos").arg(id), png,
                               {{"Authorization", "Bearer " + t}, {"Content-Type", "image/png"}})
                     .status,
                 upload);
        QCOMPARE(m_server
                     ->act(id,
                           {{QStringLiteral("action"), QStringLiteral("note")},
                            {QStringLiteral("base_version"), version(id)},
                            {QStringLiteral("text"), QStringLiteral("Проверка прав")}},
                           t)
                     .status,
                 note);
    }

    // --- several clients at once ---------------------------------------

    void concurrentClients()
    {
        const qint64 id = take({"published"});
        const qint64 startVersion = version(id);
        constexpr int Clients = 8;
        QList<QThread *> threads;
        QAtomicInt failures;
        const QString base = m_server->baseUrl();
        const QByteArray clerkToken = token("clerk");
        for (int i = 0; i < Clients; ++i) {
            threads.append(QThread::create([&, i] {
                QNetworkAccessManager manager;
                const auto call = [&](const QByteArray &method, const QString &path,
                                      const QByteArray &body, const QByteArray &key) {
                    QNetworkRequest request(QUrl(base + path));
                    request.setRawHeader("Authorization", "Bearer " + clerkToken);
                    request.setRawHeader("Content-Type", "application/json");
                    if (!key.isEmpty())
                        request.setRawHeader("Idempotency-Key", key);
                    QNetworkReply *reply = manager.sendCustomRequest(request, method, body);
                    QEventLoop loop;
                    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
                    loop.exec();
                    const int status =
                        reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                    reply->deleteLater();
                    return status;
                };
                for (int round = 0; round < 5; ++round) {
                    if (call("GET", QStringLiteral("/api/v1/changes?limit=200"), {}, {}) != 200)
                        failures.fetchAndAddRelaxed(1);
                    // Notes need the current version; a 409 is a correct answer to a race.
                    const int status =
                        call("POST", QStringLiteral("/api/v1/complaints/%1/actions").arg(id),
                             QStringLiteral(
                                 "{\"action\":\"note\",\"base_version\":%1,\"text\":\"клиент %2\"}")
                                 .arg(startVersion)
                                 .arg(i)
                                 .toUtf8(),
                             QStringLiteral("conc-%1-%2").arg(i).arg(round).toLatin1());
                    if (status != 200 && status != 409)
                        failures.fetchAndAddRelaxed(1);
                }
            }));
            threads.last()->start();
        }
        for (QThread *t : threads) {
            QVERIFY(t->wait(120000));
            delete t;
        }
        QCOMPARE(failures.loadRelaxed(), 0);
        // Exactly one note won the race on startVersion; the database agrees.
        QCOMPARE(version(id), startVersion + 1);
        int notes = 0;
        for (const QJsonValue &e :
             m_server->get(QStringLiteral("/api/v1/complaints/%1/history").arg(id), token("clerk"))
                 .json()
                 .value(QStringLiteral("entries"))
                 .toArray())
            notes +=
                e.toObject().value(QStringLiteral("action")).toString() == QLatin1String("note")
                    ? 1
                    : 0;
        QCOMPARE(notes, 1);
    }
};

QTEST_GUILESS_MAIN(TestServerApi)
#include "tst_serverapi.moc"
