// `regiondesk report` on a cache synchronised by `regiondesk sync` (the
// scheduled pair, no desk, no one signed in): it is about the user's own
// agency and by the user, and its "at the end of the period" overdue is what
// the desk's overdue queue shows.

#include "CliCache.h"
#include "DeskQueues.h"
#include "LocalCache.h"
#include "TestServer.h"
#include "TestSupport.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace rd;
using rd::test::TestServer;

class TestReportCli : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    QTemporaryDir m_dir;

    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    // regiondesk with a home of its own (no desk settings: nobody signed in
    // on the desk) and no USER, as a scheduled task may run.
    Run run(const QStringList &arguments)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("REGIONDESK_PASSWORD"), QStringLiteral("demo"));
        test::useCliCacheEnvironment(env);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
        for (const char *name : {"USER", "USERNAME", "LOGNAME"})
            env.remove(QString::fromLatin1(name));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(REGIONDESK_BINARY),
                      QStringList{QStringLiteral("--language"), QStringLiteral("en")} + arguments);
        if (!process.waitForFinished(120'000)) {
            process.kill();
            process.waitForFinished();
            return {-2, {}, QStringLiteral("(still running after 120 s, killed)")};
        }
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    static QString read(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

    // The value of a measure in the CSV's block under `caption`.
    static QString csvValue(const QString &csv, const QString &caption, const QString &measure)
    {
        bool inBlock = false;
        for (const QString &line : csv.split(QStringLiteral("\r\n"))) {
            if (line.contains(caption))
                inBlock = true;
            else if (line.isEmpty())
                inBlock = false;
            else if (inBlock && line.startsWith(measure + QLatin1Char(',')))
                return line.mid(measure.size() + 1);
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        RD_SKIP_ON_WINDOWS(
            "the program's home is moved with XDG variables; on Windows its settings "
            "are the registry (HKCU\\Software\\RegionDesk) and its data %LOCALAPPDATA%, "
            "which no variable moves");
        m_server = std::make_unique<TestServer>(400);
        QVERIFY(m_server->isRunning());
    }

    void aOneAgencySupervisorsScheduledReport()
    {
        const QString cache = m_dir.filePath(QStringLiteral("supervisor.sqlite"));
        const Run synced = run({QStringLiteral("sync"), QStringLiteral("--server"),
                                m_server->baseUrl(), QStringLiteral("--user"),
                                QStringLiteral("supervisor"), QStringLiteral("--cache"), cache});
        QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
        const QString csv = m_dir.filePath(QStringLiteral("month.csv"));
        const Run made = run({QStringLiteral("report"), QStringLiteral("--cache"), cache,
                              QStringLiteral("--period"), QStringLiteral("this-month"),
                              QStringLiteral("--out"), csv});
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        const QString text = read(csv);
        const QStringList lines = text.split(QStringLiteral("\r\n"));
        // About the supervisor's agency (the cache holds no other), by them.
        auto local = LocalCache::open(cache, test::cliCacheOptions(cache));
        const Catalogue catalogue = local->catalogue().load();
        QString agency;
        for (const Agency &a : catalogue.agencies)
            if (a.id == 1)
                agency = a.name;
        QVERIFY(!agency.isEmpty());
        QVERIFY2(lines.value(0).contains(agency), qPrintable(lines.value(0)));
        QVERIFY(!lines.value(0).contains(QStringLiteral("all agencies")));
        QVERIFY2(lines.value(2).contains(QStringLiteral("Сергей Васильев")),
                 qPrintable(lines.value(2)));
        QVERIFY(!text.contains(QStringLiteral("(unknown)")));
        // The sync applied the default retention; the report says what the
        // cache covers, and that its lists hold personal data.
        QCOMPARE(local->coverage().retentionMonths, 12);
        QVERIFY2(lines.value(3).contains(QStringLiteral("keeps closed complaints for 12 month")),
                 qPrintable(lines.value(3)));
        QVERIFY(text.contains(QStringLiteral("Contains personal data")));
        // This month so far ends today: its "at the end" is the desk's now.
        DeskQueueContext desk;
        desk.role = Role::Supervisor;
        desk.agencyId = 1;
        desk.today = DeskQueues::today(catalogue.timeZone, QDateTime::currentDateTimeUtc());
        const qint64 overdue = local->queue().count(DeskQueues::query(DeskQueue::Overdue, desk));
        QVERIFY(overdue > 0);
        QCOMPARE(csvValue(text, QStringLiteral("Today, "), QStringLiteral("Overdue")),
                 QString::number(overdue));
        // Another agency than the cache's is refused, saying why.
        const Run other = run({QStringLiteral("report"), QStringLiteral("--cache"), cache,
                               QStringLiteral("--agency"), QStringLiteral("2"),
                               QStringLiteral("--out"), m_dir.filePath(QStringLiteral("x.csv"))});
        QCOMPARE(other.exitCode, 1);
        QVERIFY2(other.err.contains(QStringLiteral("agency 1 only")), qPrintable(other.err));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("x.csv"))));
        // --author says who, when the one who synchronised is not the one reporting.
        const Run signedBy = run({QStringLiteral("report"), QStringLiteral("--cache"), cache,
                                  QStringLiteral("--author"), QStringLiteral("Дежурный"),
                                  QStringLiteral("--out"), csv});
        QCOMPARE(signedBy.exitCode, 0);
        QVERIFY(
            read(csv).split(QStringLiteral("\r\n")).value(2).contains(QStringLiteral("Дежурный")));
    }
};

QTEST_GUILESS_MAIN(TestReportCli)
#include "tst_reportcli.moc"
