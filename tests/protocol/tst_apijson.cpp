// The protocol's JSON: what the server writes, the client reads back the
// same; and what a broken or hostile server might send is refused with an
// error naming the field, never read as a silent default.

#include "Account.h"
#include "ApiClient.h"
#include "ApiJson.h"
#include "DemoGenerator.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>
#include <QTimeZone>

using namespace rd;

class TestApiJson : public QObject
{
    Q_OBJECT

private:
    static QJsonObject valid()
    {
        Complaint c = rd::test::makeComplaint(7, 3);
        c.answerKind = AnswerKind::Deadline;
        c.answerDeadline = QDate(2026, 12, 1);
        c.answerText = QStringLiteral("План");
        c.answeredAt = rd::test::fixedNow();
        return ApiJson::complaintToJson(
            c, {{QStringLiteral("p1"), 7, QStringLiteral("image/png"), 10, 20, 300, true}});
    }

private Q_SLOTS:
    // One server, one account, however the address is written (Account.h).
    // The sign-in answer's role is one this desk knows, or the session is
    // refused: never shown as some other role.
    void signInAnswersWithAKnownRoleOnly_data()
    {
        QTest::addColumn<QJsonValue>("role");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("moderator") << QJsonValue(QStringLiteral("moderator")) << true;
        QTest::newRow("supervisor") << QJsonValue(QStringLiteral("supervisor")) << true;
        QTest::newRow("unknown") << QJsonValue(QStringLiteral("operator")) << false;
        QTest::newRow("wrong case") << QJsonValue(QStringLiteral("Clerk")) << false;
        QTest::newRow("missing") << QJsonValue() << false;
        QTest::newRow("a number") << QJsonValue(1) << false;
    }
    void signInAnswersWithAKnownRoleOnly()
    {
        QFETCH(QJsonValue, role);
        QFETCH(bool, accepted);
        QJsonObject user{{QStringLiteral("id"), 4},
                         {QStringLiteral("login"), QStringLiteral("anna")},
                         {QStringLiteral("display_name"), QStringLiteral("Анна Белова")},
                         {QStringLiteral("agency_id"), QJsonValue()}};
        if (!role.isNull())
            user.insert(QStringLiteral("role"), role);
        const QJsonObject answer{
            {QStringLiteral("token"), QStringLiteral("t0k3n")},
            {QStringLiteral("expires_at"), QStringLiteral("2026-12-02T08:00:00.000Z")},
            {QStringLiteral("user"), user}};
        const auto session =
            ApiClient::sessionFromJson(QUrl(QStringLiteral("https://desk.example.ru/")), answer);
        QCOMPARE(bool(session), accepted);
        if (session) {
            QCOMPARE(toCode(session->user.role), role.toString());
            QCOMPARE(session->server, QUrl(QStringLiteral("https://desk.example.ru")));
        }
    }

    void serverAddressesNormalise_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("normal");
        const QString plain = QStringLiteral("http://127.0.0.1:8631");
        QTest::newRow("as is") << plain << plain;
        QTest::newRow("trailing slash") << plain + QLatin1Char('/') << plain;
        QTest::newRow("fragment") << plain + QStringLiteral("/#x") << plain;
        QTest::newRow("empty query") << plain + QStringLiteral("/?") << plain;
        QTest::newRow("host case") << QStringLiteral("https://Desk.Example.RU/")
                                   << QStringLiteral("https://desk.example.ru");
        QTest::newRow("default https port") << QStringLiteral("https://desk.example.ru:443/")
                                            << QStringLiteral("https://desk.example.ru");
        QTest::newRow("default http port") << QStringLiteral("http://desk.example.ru:80")
                                           << QStringLiteral("http://desk.example.ru");
        QTest::newRow("other port kept") << QStringLiteral("https://desk.example.ru:8443")
                                         << QStringLiteral("https://desk.example.ru:8443");
        QTest::newRow("path kept") << QStringLiteral("https://gov.example.ru/desk/")
                                   << QStringLiteral("https://gov.example.ru/desk");
        QTest::newRow("dot segments") << QStringLiteral("https://gov.example.ru/a/../desk/./")
                                      << QStringLiteral("https://gov.example.ru/desk");
    }
    void serverAddressesNormalise()
    {
        QFETCH(QString, typed);
        QFETCH(QString, normal);
        QCOMPARE(normalizedServer(QUrl(typed)).toString(), normal);
        QCOMPARE(accountKey(QUrl(typed), QStringLiteral("clerk")),
                 normal + QStringLiteral("|clerk"));
        // A key written before the normalisation is today's key.
        QCOMPARE(canonicalAccountKey(typed + QStringLiteral("|clerk")),
                 normal + QStringLiteral("|clerk"));
    }

    void complaintsRoundTrip()
    {
        demo::DemoGenerator generator(5, rd::test::fixedNow());
        for (const auto &d : generator.generate(300)) {
            QList<Photo> photos = d.photos;
            const QJsonObject json = ApiJson::complaintToJson(d.complaint, photos);
            // Through text, as on the wire.
            const QJsonObject wire = QJsonDocument::fromJson(QJsonDocument(json).toJson()).object();
            const auto parsed = ApiJson::complaintFromJson(wire);
            QVERIFY2(parsed, qPrintable(parsed.error.toString()));
            Complaint expected = d.complaint;
            // Times travel with millisecond precision.
            QCOMPARE(parsed.value->complaint, expected);
            QCOMPARE(parsed.value->photos, photos);
        }
    }

    void demoDataIsDeterministicAndComplete()
    {
        demo::DemoGenerator a(42, rd::test::fixedNow());
        demo::DemoGenerator b(42, rd::test::fixedNow());
        const auto first = a.generate(2000);
        const auto second = b.generate(2000);
        QSet<ComplaintState> states;
        int overdue = 0;
        for (qsizetype i = 0; i < first.size(); ++i) {
            QCOMPARE(first[i].complaint, second[i].complaint);
            QCOMPARE(first[i].history, second[i].history);
            const Complaint &c = first[i].complaint;
            states.insert(c.state);
            // Inside Omsk, a history that starts with filing and ends at the last change.
            QVERIFY(c.latitude > 54.88 && c.latitude < 55.12 && c.longitude > 73.15 &&
                    c.longitude < 73.58);
            QCOMPARE(first[i].history.first().action, QStringLiteral("file"));
            QCOMPARE(first[i].history.last().at, c.updatedAt);
            QCOMPARE(c.version, first[i].history.size());
            QVERIFY(c.updatedAt <= rd::test::fixedNow());
            if (c.state == ComplaintState::Published && c.dueDate < rd::test::fixedNow().date())
                ++overdue;
        }
        QCOMPARE(states.size(), 9); // every state of the lifecycle
        QVERIFY(overdue > 0);
        QVERIFY(demo::DemoGenerator(43, rd::test::fixedNow()).generate(5).first().complaint !=
                first.first().complaint);
    }

    void personalDataCanBeWithheld()
    {
        const Complaint c = rd::test::makeComplaint(1);
        const QJsonObject json = ApiJson::complaintToJson(c, {}, {false});
        QVERIFY(json.value(QStringLiteral("author")).isNull());
        QVERIFY(ApiJson::complaintFromJson(json).value->complaint.authorEmail.isEmpty());
    }

    void catalogueRoundTrips()
    {
        Catalogue catalogue = demo::DemoGenerator::catalogue();
        catalogue.etag.clear(); // not part of the body; it travels as a header
        const auto parsed = ApiJson::catalogueFromJson(ApiJson::catalogueToJson(catalogue));
        QVERIFY2(parsed, qPrintable(parsed.error.toString()));
        QCOMPARE(*parsed.value, catalogue);
    }

    void times_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::newRow("UTC") << QStringLiteral("2026-11-20T09:30:00Z") << true;
        QTest::newRow("millis") << QStringLiteral("2026-11-20T09:30:00.123Z") << true;
        QTest::newRow("Omsk offset") << QStringLiteral("2026-11-20T15:30:00+06:00") << true;
        QTest::newRow("no offset") << QStringLiteral("2026-11-20T09:30:00") << false;
        QTest::newRow("date only") << QStringLiteral("2026-11-20") << false;
        QTest::newRow("month 13") << QStringLiteral("2026-13-20T09:30:00Z") << false;
        QTest::newRow("words") << QStringLiteral("вчера") << false;
        QTest::newRow("server form") << QStringLiteral("2024-02-29T23:59:59.999Z") << true;
        QTest::newRow("server form, 30 Feb") << QStringLiteral("2026-02-30T10:00:00.000Z") << false;
        QTest::newRow("server form, letters")
            << QStringLiteral("2026-02-03T1x:00:00.000Z") << false;
    }
    void times()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        const auto t = ApiJson::parseTime(text);
        QCOMPARE(t.has_value(), ok);
        if (ok && text.contains(QLatin1String("+06:00")))
            QCOMPARE(*t, QDateTime(QDate(2026, 11, 20), QTime(9, 30), QTimeZone::utc()));
        // The fast path for the server's own form agrees with Qt's parser.
        if (ok)
            QCOMPARE(*t, QDateTime::fromString(text, Qt::ISODateWithMs).toUTC());
    }

    void badRecordsNameTheField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("reported");
        QTest::newRow("id missing")
            << QStringLiteral("id") << QJsonValue(QJsonValue::Undefined) << QStringLiteral("id");
        QTest::newRow("id as text")
            << QStringLiteral("id") << QJsonValue(QStringLiteral("7")) << QStringLiteral("id");
        QTest::newRow("id fractional")
            << QStringLiteral("id") << QJsonValue(7.5) << QStringLiteral("id");
        QTest::newRow("id beyond 2^53")
            << QStringLiteral("id") << QJsonValue(1e17) << QStringLiteral("id");
        QTest::newRow("version zero")
            << QStringLiteral("version") << QJsonValue(0) << QStringLiteral("version");
        QTest::newRow("unknown state")
            << QStringLiteral("state") << QJsonValue(QStringLiteral("archived"))
            << QStringLiteral("state");
        QTest::newRow("latitude 91")
            << QStringLiteral("lat") << QJsonValue(91.0) << QStringLiteral("lat");
        QTest::newRow("longitude text")
            << QStringLiteral("lon") << QJsonValue(QStringLiteral("73.3")) << QStringLiteral("lon");
        QTest::newRow("time without offset")
            << QStringLiteral("created_at") << QJsonValue(QStringLiteral("2026-11-20T09:30:00"))
            << QStringLiteral("created_at");
        QTest::newRow("bad due date")
            << QStringLiteral("due_date") << QJsonValue(QStringLiteral("2026-02-30"))
            << QStringLiteral("due_date");
        QTest::newRow("negative votes")
            << QStringLiteral("votes") << QJsonValue(-1) << QStringLiteral("votes");
        QTest::newRow("text as number")
            << QStringLiteral("text") << QJsonValue(5) << QStringLiteral("text");
        QTest::newRow("author as text")
            << QStringLiteral("author") << QJsonValue(QStringLiteral("Анна"))
            << QStringLiteral("author");
        QTest::newRow("answer kind unknown")
            << QStringLiteral("answer")
            << QJsonValue(QJsonObject{{QStringLiteral("kind"), QStringLiteral("maybe")}})
            << QStringLiteral("answer.kind");
        QTest::newRow("photos not a list")
            << QStringLiteral("photos") << QJsonValue(QJsonObject{}) << QStringLiteral("photos");
        QTest::newRow("photo without id")
            << QStringLiteral("photos")
            << QJsonValue(QJsonArray{
                   QJsonObject{{QStringLiteral("mime_type"), QStringLiteral("image/png")}}})
            << QStringLiteral("photos[0].id");
    }
    void badRecordsNameTheField()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, reported);
        QJsonObject json = valid();
        if (value.isUndefined())
            json.remove(field);
        else
            json.insert(field, value);
        const auto parsed = ApiJson::complaintFromJson(json);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error.field, reported);
        QVERIFY(!parsed.error.message.isEmpty());
    }

    void badCatalogueIsRefused()
    {
        QJsonObject json = ApiJson::catalogueToJson(demo::DemoGenerator::catalogue());
        json.insert(QStringLiteral("deadline_rules"),
                    QJsonObject{{QStringLiteral("answer_days"), 0}});
        const auto parsed = ApiJson::catalogueFromJson(json);
        QVERIFY(!parsed);
        QVERIFY(parsed.error.field.startsWith(QStringLiteral("deadline_rules.")));
        QVERIFY(!ApiJson::catalogueFromJson({}));
        // A reject reason without its title.
        json = ApiJson::catalogueToJson(demo::DemoGenerator::catalogue());
        json.insert(QStringLiteral("reject_reasons"),
                    QJsonArray{QJsonObject{{QStringLiteral("code"), QStringLiteral("spam")}}});
        const auto noTitle = ApiJson::catalogueFromJson(json);
        QVERIFY(!noTitle);
        QCOMPARE(noTitle.error.field, QStringLiteral("reject_reasons[0].title"));
    }

    // A server before reject reasons existed: none, and the rest reads.
    void catalogueWithoutRejectReasonsReads()
    {
        QJsonObject json = ApiJson::catalogueToJson(demo::DemoGenerator::catalogue());
        json.remove(QStringLiteral("reject_reasons"));
        const auto parsed = ApiJson::catalogueFromJson(json);
        QVERIFY2(parsed, qPrintable(parsed.error.toString()));
        QVERIFY(parsed.value->rejectReasons.isEmpty());
        QVERIFY(!parsed.value->refusalGrounds.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestApiJson)
#include "tst_apijson.moc"
