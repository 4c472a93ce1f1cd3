// `regiondesk sync` against the reference server: it signs in with the
// password from the environment, syncs, prints a summary, signs out; wrong
// passwords and unreachable servers end with a clear message and exit 1.

#include "LocalCache.h"
#include "TestServer.h"

#include "CliCache.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace rd;
using rd::test::TestServer;

class TestSyncCli : public QObject
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
    Run run(const QStringList &arguments, const QString &password)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("REGIONDESK_PASSWORD"), password);
        test::useCliCacheEnvironment(env);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(REGIONDESK_BINARY),
                      QStringList{QStringLiteral("--language"), QStringLiteral("en")} + arguments);
        if (!process.waitForFinished(120'000)) {
            // A command that waits for ever is a defect of its own: say so.
            process.kill();
            process.waitForFinished();
            return {-2, QString::fromUtf8(process.readAllStandardOutput()),
                    QStringLiteral("(still running after 120 s, killed) ") +
                        QString::fromUtf8(process.readAllStandardError())};
        }
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(300);
        QVERIFY(m_server->isRunning());
    }

    void syncsAndSummarises()
    {
        const QString cache = m_dir.filePath(QStringLiteral("cli.sqlite"));
        const Run r = run({QStringLiteral("sync"), QStringLiteral("--server"), m_server->baseUrl(),
                           QStringLiteral("--user"), QStringLiteral("supervisor"),
                           QStringLiteral("--cache"), cache},
                          QStringLiteral("demo"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.startsWith(QStringLiteral("Synchronised: ")), qPrintable(r.out));
        QVERIFY(r.err.contains(QStringLiteral("Signed in as")));
        auto local = LocalCache::open(cache, test::cliCacheOptions(cache));
        QVERIFY(local->complaints().count() > 0);
        QVERIFY(r.out.contains(
            QStringLiteral("%1 complaint(s) received").arg(local->complaints().count())));
        QCOMPARE(local->search().pendingCount(), 0);
        // Run again: nothing new.
        const Run again = run({QStringLiteral("sync"), QStringLiteral("--server"),
                               m_server->baseUrl(), QStringLiteral("--user"),
                               QStringLiteral("supervisor"), QStringLiteral("--cache"), cache},
                              QStringLiteral("demo"));
        QCOMPARE(again.exitCode, 0);
        QVERIFY(again.out.contains(QStringLiteral(": 0 complaint(s) received")));
    }

    // One server, however its address is written, is one account: a cache
    // synced through "http://host:port" syncs again through
    // "http://host:port/" (this waited for ever once); a cache of another
    // account ends at once with the reason and exit 1.
    void oneAccountHoweverTheServerIsWritten()
    {
        const QString cache = m_dir.filePath(QStringLiteral("slash.sqlite"));
        const QStringList args{QStringLiteral("--user"), QStringLiteral("clerk"),
                               QStringLiteral("--cache"), cache};
        const QString server = m_server->baseUrl();
        Run r = run(QStringList{QStringLiteral("sync"), QStringLiteral("--server"), server} + args,
                    QStringLiteral("demo"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (const QString &same : {server + QLatin1Char('/'), server + QStringLiteral("/#top")}) {
            r = run(QStringList{QStringLiteral("sync"), QStringLiteral("--server"), same} + args,
                    QStringLiteral("demo"));
            QVERIFY2(r.exitCode == 0, qPrintable(same + QLatin1Char(' ') + r.err));
            QVERIFY2(r.out.contains(QStringLiteral(": 0 complaint(s) received")),
                     qPrintable(r.out));
        }
        r = run({QStringLiteral("sync"), QStringLiteral("--server"), server,
                 QStringLiteral("--user"), QStringLiteral("supervisor"), QStringLiteral("--cache"),
                 cache},
                QStringLiteral("demo"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("belongs to another user")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("clerk @ ") + server), qPrintable(r.err));
    }

    void wrongPasswordAndNoServer()
    {
        const QString cache = m_dir.filePath(QStringLiteral("bad.sqlite"));
        Run r = run({QStringLiteral("sync"), QStringLiteral("--server"), m_server->baseUrl(),
                     QStringLiteral("--user"), QStringLiteral("clerk"), QStringLiteral("--cache"),
                     cache},
                    QStringLiteral("wrong"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("Wrong user name or password")));
        r = run({QStringLiteral("sync"), QStringLiteral("--server"),
                 QStringLiteral("http://127.0.0.1:1"), QStringLiteral("--user"),
                 QStringLiteral("clerk"), QStringLiteral("--cache"), cache},
                QStringLiteral("demo"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("cannot be reached")));
        r = run({QStringLiteral("sync"), QStringLiteral("--server"), QStringLiteral("ftp://x"),
                 QStringLiteral("--user"), QStringLiteral("clerk")},
                QStringLiteral("demo"));
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("--server")));
    }
};

QTEST_GUILESS_MAIN(TestSyncCli)
#include "tst_synccli.moc"
