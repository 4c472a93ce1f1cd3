// Working-day deadlines on the reference server (issue 23, "Working-day
// deadlines"): the production calendar imported and edited with
// regiondesk-server admin (audited; a bad file or date changes nothing),
// published in the catalogue, and counted by the server when a complaint is
// published (its answer due date) and when a promised deadline is extended
// (the latest day allowed). The expected days are counted here by a loop of
// the test's own, not by the server's function. On both stores.

#include "TestServer.h"

#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>

using rd::test::HttpResult;
using rd::test::TestServer;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// The fixture's calendar: every Wednesday off, and every first Saturday of
// a month worked, from 400 days back to 400 days ahead.
struct Fixture
{
    QList<QDate> holidays, workingDays;
    bool worked(const QDate &d) const
    {
        if (d.dayOfWeek() >= Qt::Saturday)
            return workingDays.contains(d);
        return !holidays.contains(d);
    }
    QDate addWorkingDays(QDate d, int n) const
    {
        while (n > 0) {
            d = d.addDays(1);
            n -= worked(d);
        }
        return d;
    }
};

Fixture fixture()
{
    Fixture f;
    const QDate today = QDate::currentDate();
    for (QDate d = today.addDays(-400); d <= today.addDays(400); d = d.addDays(1)) {
        if (d.dayOfWeek() == Qt::Wednesday)
            f.holidays.append(d);
        if (d.dayOfWeek() == Qt::Saturday && d.day() <= 7)
            f.workingDays.append(d);
    }
    return f;
}

QJsonArray days(const QList<QDate> &list)
{
    QJsonArray out;
    for (const QDate &d : list)
        out.append(d.toString(Qt::ISODate));
    return out;
}

} // namespace

class TestServerDeadlines : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    QTemporaryDir m_files;
    Fixture m_fixture = fixture();

    Run admin(const QStringList &arguments)
    {
        QProcess p;
        p.start(QStringLiteral(REGIONDESK_SERVER_BINARY),
                QStringList{QStringLiteral("admin")} +
                    rd::test::storeArguments(m_server->dataDir()) + arguments);
        p.waitForStarted();
        p.closeWriteChannel();
        p.waitForFinished(60000);
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }
    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        QFile f(m_files.filePath(name));
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            return {};
        return f.fileName();
    }
    // An action on the complaint's current version.
    HttpResult act(qint64 id, QJsonObject action, const QByteArray &token)
    {
        action.insert(QStringLiteral("base_version"),
                      m_server->complaint(id, token).value(QStringLiteral("version")));
        const HttpResult r = m_server->act(id, action, token);
        if (r.status != 200)
            qWarning().noquote() << r.status << r.body;
        return r;
    }
    QJsonObject catalogue(const QByteArray &token)
    {
        return m_server->get(QStringLiteral("/api/v1/catalogue"), token).json();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_files.isValid());
        m_server = std::make_unique<TestServer>(100);
        QVERIFY(m_server->isRunning());
    }

    void calendarIsImportedAndEdited()
    {
        const QByteArray token = m_server->signIn(QStringLiteral("moderator"));
        const QString before = admin({QStringLiteral("catalogue"), QStringLiteral("export")}).out;
        // Refused, and nothing changes: a worked weekday, a day that does
        // not exist, not JSON, a Monday made a working day, a bad count.
        const QString weekday =
            writeFile(QStringLiteral("weekday.json"),
                      R"({"holidays": ["2026-01-01"], "working_days": ["2025-11-03"]})");
        const QString noDay =
            writeFile(QStringLiteral("noday.json"), R"({"holidays": ["2026-02-30"]})");
        const QString notJson = writeFile(QStringLiteral("bad.json"), "holidays: 2026-01-01");
        // A key misspelt would have emptied the calendar.
        const QString typo =
            writeFile(QStringLiteral("typo.json"), R"({"holiday": ["2026-01-01"]})");
        const QString empty = writeFile(QStringLiteral("empty.json"), "{}");
        const QList<QStringList> refused{
            {QStringLiteral("calendar"), QStringLiteral("import"), weekday},
            {QStringLiteral("calendar"), QStringLiteral("import"), noDay},
            {QStringLiteral("calendar"), QStringLiteral("import"), notJson},
            {QStringLiteral("calendar"), QStringLiteral("import"), typo},
            {QStringLiteral("calendar"), QStringLiteral("import"), empty},
            {QStringLiteral("calendar"), QStringLiteral("working-day"),
             QStringLiteral("2025-11-03")},
            {QStringLiteral("calendar"), QStringLiteral("holiday"), QStringLiteral("2026-13-01")},
            {QStringLiteral("deadlines"), QStringLiteral("set"), QStringLiteral("--day-count"),
             QStringLiteral("weekly")},
        };
        for (const QStringList &arguments : refused) {
            const Run r = admin(arguments);
            QVERIFY2(r.exitCode == 1, qPrintable(arguments.join(QLatin1Char(' '))));
            QVERIFY2(!r.err.isEmpty(), qPrintable(arguments.join(QLatin1Char(' '))));
        }
        QCOMPARE(admin({QStringLiteral("catalogue"), QStringLiteral("export")}).out, before);
        // Imported whole, then a day at a time.
        const QString good = writeFile(
            QStringLiteral("calendar.json"),
            QJsonDocument(
                QJsonObject{{QStringLiteral("holidays"), days(m_fixture.holidays)},
                            {QStringLiteral("working_days"), days(m_fixture.workingDays)}})
                .toJson());
        Run r = admin({QStringLiteral("calendar"), QStringLiteral("import"), good});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QDate extra(2030, 1, 1); // outside the fixture's span
        r = admin(
            {QStringLiteral("calendar"), QStringLiteral("holiday"), extra.toString(Qt::ISODate)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(admin({QStringLiteral("calendar"), QStringLiteral("show")})
                    .out.contains(QStringLiteral("2030-01-01")));
        r = admin(
            {QStringLiteral("calendar"), QStringLiteral("clear"), extra.toString(Qt::ISODate)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = admin({QStringLiteral("deadlines"), QStringLiteral("set"),
                   QStringLiteral("--day-count"), QStringLiteral("working"),
                   QStringLiteral("--answer-days"), QStringLiteral("10"),
                   QStringLiteral("--max-extension-days"), QStringLiteral("5")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString audit =
            admin({QStringLiteral("audit"), QStringLiteral("--limit"), QStringLiteral("20")}).out;
        for (const char *action : {"calendar.import", "calendar.holiday", "calendar.clear"})
            QVERIFY2(audit.contains(QLatin1String(action)), action);

        // The running server publishes it within a second or so.
        QJsonObject now;
        QTRY_VERIFY_WITH_TIMEOUT(
            (now = catalogue(token), now.value(QStringLiteral("deadline_rules"))
                                             .toObject()
                                             .value(QStringLiteral("day_count"))
                                             .toString() == QLatin1String("working")),
            5000);
        const QJsonObject calendar = now.value(QStringLiteral("calendar")).toObject();
        QCOMPARE(calendar.value(QStringLiteral("holidays")).toArray(), days(m_fixture.holidays));
        QCOMPARE(calendar.value(QStringLiteral("working_days")).toArray(),
                 days(m_fixture.workingDays));
    }

    void publishedComplaintsAreDueInWorkingDays()
    {
        const QByteArray moderator = m_server->signIn(QStringLiteral("moderator"));
        const QByteArray clerk = m_server->signIn(QStringLiteral("clerk"));
        // Every worker has the rules (catalogue answers come from any).
        QTRY_VERIFY_WITH_TIMEOUT(catalogue(moderator)
                                         .value(QStringLiteral("deadline_rules"))
                                         .toObject()
                                         .value(QStringLiteral("day_count"))
                                         .toString() == QLatin1String("working"),
                                 5000);
        QTest::qWait(1500); // each worker looks again within a second
        const QTimeZone zone(
            catalogue(moderator).value(QStringLiteral("time_zone")).toString().toUtf8());
        QVERIFY(zone.isValid());
        int published = 0;
        for (const QJsonObject &record : m_server->pullAll(moderator).records) {
            if (record.value(QStringLiteral("state")).toString() != QLatin1String("moderation"))
                continue;
            const qint64 id = record.value(QStringLiteral("id")).toInteger();
            const HttpResult r = act(id,
                                     {{QStringLiteral("action"), QStringLiteral("publish")},
                                      {QStringLiteral("category_id"), 1},
                                      {QStringLiteral("agency_id"), 1}},
                                     moderator);
            QCOMPARE(r.status, 200);
            const QJsonObject c = r.json();
            const QDate created =
                QDateTime::fromString(c.value(QStringLiteral("created_at")).toString(),
                                      Qt::ISODateWithMs)
                    .toTimeZone(zone)
                    .date();
            const QDate due =
                QDate::fromString(c.value(QStringLiteral("due_date")).toString(), Qt::ISODate);
            QCOMPARE(due, m_fixture.addWorkingDays(created, 10));
            QVERIFY(m_fixture.worked(due));
            if (++published == 3)
                break;
        }
        QVERIFY(published >= 2); // the demo of 100 has two in moderation
    }

    void extensionsAreLimitedInWorkingDays()
    {
        const QByteArray moderator = m_server->signIn(QStringLiteral("moderator"));
        const QByteArray clerk = m_server->signIn(QStringLiteral("clerk"));
        qint64 id = 0;
        for (const QJsonObject &record : m_server->pullAll(clerk).records) {
            if (record.value(QStringLiteral("state")).toString() == QLatin1String("published")) {
                id = record.value(QStringLiteral("id")).toInteger();
                break;
            }
        }
        QVERIFY(id > 0);
        // A Tuesday a fortnight or so ahead: the next day is a fixture holiday.
        QDate promised = QDate::currentDate().addDays(14);
        while (promised.dayOfWeek() != Qt::Tuesday)
            promised = promised.addDays(1);
        HttpResult r = act(id,
                           {{QStringLiteral("action"), QStringLiteral("set_deadline")},
                            {QStringLiteral("deadline"), promised.toString(Qt::ISODate)},
                            {QStringLiteral("text"), QStringLiteral("Ремонт включён в план.")}},
                           clerk);
        QCOMPARE(r.status, 200);
        const QDate latest = m_fixture.addWorkingDays(promised, 5);
        QVERIFY(latest > promised.addDays(5)); // the Wednesday and the weekend are not counted
        r = act(id,
                {{QStringLiteral("action"), QStringLiteral("extend_deadline")},
                 {QStringLiteral("deadline"), latest.addDays(1).toString(Qt::ISODate)},
                 {QStringLiteral("reason"), QStringLiteral("Подрядчик задерживается.")}},
                clerk);
        QCOMPARE(r.status, 422);
        const QString message = r.json()
                                    .value(QStringLiteral("error"))
                                    .toObject()
                                    .value(QStringLiteral("fields"))
                                    .toObject()
                                    .value(QStringLiteral("deadline"))
                                    .toString();
        QVERIFY2(message.contains(latest.toString(Qt::ISODate)), qPrintable(message));
        r = act(id,
                {{QStringLiteral("action"), QStringLiteral("extend_deadline")},
                 {QStringLiteral("deadline"), latest.toString(Qt::ISODate)},
                 {QStringLiteral("reason"), QStringLiteral("Подрядчик задерживается.")}},
                clerk);
        QCOMPARE(r.status, 200);
    }
};

QTEST_GUILESS_MAIN(TestServerDeadlines)
#include "tst_serverdeadlines.moc"
