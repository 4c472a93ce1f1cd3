// regiondesk's command line works without a display, and says clearly what
// is wrong with bad arguments.

#include "CliCache.h"
#include "LocalCache.h"
#include "TestSupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

// Why the runs below that move the program's home cannot run on Windows.
constexpr const char *HomeMovedByXdg =
    "the program's home is moved with XDG variables; on Windows its settings are the "
    "registry (HKCU\\Software\\RegionDesk) and its data %LOCALAPPDATA%, which no variable "
    "moves";

class TestCommandLine : public QObject
{
    Q_OBJECT

private:
    struct Result
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    // Runs regiondesk with no display at all: no X, no Wayland, no platform
    // plugin override. A command that needed one would fail to start.
    Result run(const QStringList &arguments,
               const QProcessEnvironment &base = QProcessEnvironment::systemEnvironment())
    {
        QProcess process;
        QProcessEnvironment env = base;
        if (!env.contains(QStringLiteral("REGIONDESK_CACHE_PASSPHRASE")))
            rd::test::useCliCacheEnvironment(env);
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(REGIONDESK_BINARY), arguments);
        if (!process.waitForFinished(60000))
            return {};
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    // The user's settings, data and (for the administrator's file) system
    // configuration directories moved into dir.
    static QProcessEnvironment homeIn(const QTemporaryDir &dir)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_CONFIG_DIRS"), dir.filePath(QStringLiteral("system")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
        return env;
    }

    bool makeDemoCache(const QString &path, const QProcessEnvironment &env)
    {
        return run({QStringLiteral("demo-cache"), QStringLiteral("--count"), QStringLiteral("5"),
                    QStringLiteral("--cache"), path},
                   env)
                   .exitCode == 0;
    }

private Q_SLOTS:
    void version()
    {
        const Result result = run({QStringLiteral("--version")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains(QStringLiteral(REGIONDESK_VERSION)), qPrintable(result.out));
    }

    void help()
    {
        const Result result = run({QStringLiteral("--help")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains(QStringLiteral("--cache")));
        QVERIFY(result.out.contains(QStringLiteral("demo-cache")));
    }

    // `report --help` is the report's: its options and periods, not the
    // general help.
    void reportHelp()
    {
        const Result result = run({QStringLiteral("report"), QStringLiteral("--help")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains(QStringLiteral("previous-month")), qPrintable(result.out));
        QVERIFY(result.out.contains(QStringLiteral("--period")));
        QVERIFY(result.out.contains(QStringLiteral("--today")));
        QVERIFY(!result.out.contains(QStringLiteral("demo-cache")));
        QVERIFY(!result.out.contains(QStringLiteral("--screenshot")));
        // The general help points to it.
        QVERIFY(run({QStringLiteral("--help")}).out.contains(QStringLiteral("report --help")));
    }

    // The report command's words: "1 complaint", never "1 complaints"; a
    // file that cannot be written says so in its own words, with no Qt
    // console noise; this month on its first day is one day, and says what
    // to give for the month that ended, which is the default.
    void reportCommandSpeaksPlainly()
    {
        RD_SKIP_ON_WINDOWS(HomeMovedByXdg);
        QTemporaryDir dir;
        const QProcessEnvironment env = homeIn(dir);
        const QString cache = dir.filePath(QStringLiteral("one.sqlite"));
        QVERIFY(run({QStringLiteral("demo-cache"), QStringLiteral("--count"), QStringLiteral("1"),
                     QStringLiteral("--cache"), cache},
                    env)
                    .exitCode == 0);
        const QString csv = dir.filePath(QStringLiteral("r.csv"));
        const QStringList en{QStringLiteral("--language"), QStringLiteral("en")};
        Result r = run(en + QStringList{QStringLiteral("report"), QStringLiteral("--cache"), cache,
                                        QStringLiteral("--period"),
                                        QStringLiteral("2000-01-01..2100-12-31"),
                                        QStringLiteral("--out"), csv},
                       env);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral(": 1 complaint")), qPrintable(r.out));
        QVERIFY2(!r.out.contains(QStringLiteral("1 complaints")), qPrintable(r.out));
        r = run(en + QStringList{QStringLiteral("report"), QStringLiteral("--cache"), cache,
                                 QStringLiteral("--out"),
                                 dir.filePath(QStringLiteral("no-such-folder/r.pdf"))},
                env);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("no-such-folder")), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("QPainter")), qPrintable(r.err));
        // On the 1st: "month" is that day, said on stderr; the default is
        // the month that ended.
        r = run(en + QStringList{QStringLiteral("report"), QStringLiteral("--cache"), cache,
                                 QStringLiteral("--period"), QStringLiteral("month"),
                                 QStringLiteral("--today"), QStringLiteral("2026-12-01"),
                                 QStringLiteral("--out"), csv},
                env);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(QStringLiteral("previous-month")), qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("1 Dec 2026 – 1 Dec 2026")));
        r = run(en + QStringList{QStringLiteral("report"), QStringLiteral("--cache"), cache,
                                 QStringLiteral("--today"), QStringLiteral("2026-12-01"),
                                 QStringLiteral("--out"), csv},
                env);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("1 Nov 2026 – 30 Nov 2026")), qPrintable(r.out));
        QVERIFY(!r.err.contains(QStringLiteral("previous-month")));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(file.readAll())
                    .contains(QStringLiteral("At the end of the period, 30 Nov 2026")));
        // Bad periods and days are refused, naming what is taken.
        r = run({QStringLiteral("report"), QStringLiteral("--period"), QStringLiteral("last-month"),
                 QStringLiteral("--out"), csv});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(QStringLiteral("previous-month")), qPrintable(r.err));
        r = run({QStringLiteral("report"), QStringLiteral("--today"), QStringLiteral("1.12.2026"),
                 QStringLiteral("--out"), csv});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(QStringLiteral("--today")), qPrintable(r.err));
    }

    void resetSettingsForgetsTheUsersSettingsOnly()
    {
        RD_SKIP_ON_WINDOWS(HomeMovedByXdg);
        QTemporaryDir dir;
        const QProcessEnvironment env = homeIn(dir);
        const QString conf = dir.filePath(QStringLiteral("config/RegionDesk/RegionDesk.conf"));
        {
            QSettings user(conf, QSettings::IniFormat);
            user.setValue(QStringLiteral("ui/language"), QStringLiteral("en"));
            user.setValue(QStringLiteral("desk/lastQueue"), QStringLiteral("overdue"));
        }
        const QString cache = dir.filePath(QStringLiteral("data/keep.sqlite"));
        QVERIFY(makeDemoCache(cache, env));
        const Result result = run({QStringLiteral("--reset-settings")}, env);
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains(QStringLiteral("RegionDesk.conf")), qPrintable(result.out));
        QSettings user(conf, QSettings::IniFormat);
        QVERIFY(user.allKeys().isEmpty());
        QVERIFY(QFile::exists(cache)); // caches are not settings
        QVERIFY(run({QStringLiteral("--help")}).out.contains(QStringLiteral("--reset-settings")));
    }

    void administratorsSettingsAreLockedOverTheUsers()
    {
        RD_SKIP_ON_WINDOWS(HomeMovedByXdg);
        // The system-wide file (/etc/xdg/RegionDesk/RegionDesk.conf, here
        // moved by XDG_CONFIG_DIRS as a packaged system would not) fixes the
        // language: the user's own choice is written over at every start,
        // and a command's output follows the administrator's language.
        QTemporaryDir dir;
        const QProcessEnvironment env = homeIn(dir);
        const QString conf = dir.filePath(QStringLiteral("config/RegionDesk/RegionDesk.conf"));
        {
            QSettings system(dir.filePath(QStringLiteral("system/RegionDesk/RegionDesk.conf")),
                             QSettings::IniFormat);
            system.setValue(QStringLiteral("ui/language"), QStringLiteral("ru"));
            system.setValue(QStringLiteral("server/url"),
                            QStringLiteral("https://desk.example.ru"));
            system.setValue(QStringLiteral("defaults/sync/intervalSeconds"), 120);
            QSettings user(conf, QSettings::IniFormat);
            user.setValue(QStringLiteral("ui/language"), QStringLiteral("en"));
        }
        const QString cache = dir.filePath(QStringLiteral("c.sqlite"));
        QVERIFY(makeDemoCache(cache, env));
        const Result checked =
            run({QStringLiteral("check-cache"), QStringLiteral("--cache"), cache}, env);
        QCOMPARE(checked.exitCode, 0);
        QVERIFY2(checked.out.contains(QStringLiteral("исправен")) ||
                     checked.out.contains(QStringLiteral("Локальный кэш")),
                 qPrintable(checked.out));
        QSettings user(conf, QSettings::IniFormat);
        QCOMPARE(user.value(QStringLiteral("ui/language")).toString(), QStringLiteral("ru"));
        QCOMPARE(user.value(QStringLiteral("server/url")).toString(),
                 QStringLiteral("https://desk.example.ru"));
        QCOMPARE(user.value(QStringLiteral("sync/intervalSeconds")).toInt(), 120);
        // A default is only a default: the user's own value stays.
        user.setValue(QStringLiteral("sync/intervalSeconds"), 600);
        user.setValue(QStringLiteral("ui/language"), QStringLiteral("en"));
        user.sync();
        QCOMPARE(
            run({QStringLiteral("check-cache"), QStringLiteral("--cache"), cache}, env).exitCode,
            0);
        user.sync();
        QCOMPARE(user.value(QStringLiteral("sync/intervalSeconds")).toInt(), 600);
        QCOMPARE(user.value(QStringLiteral("ui/language")).toString(), QStringLiteral("ru"));
    }

    void russianHelp()
    {
        const Result result =
            run({QStringLiteral("--language"), QStringLiteral("ru"), QStringLiteral("--help")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains(QStringLiteral("--cache")));
    }

    void demoCacheThenCheck()
    {
        QTemporaryDir dir;
        const QString cache = dir.filePath(QStringLiteral("demo.sqlite"));
        Result result = run({QStringLiteral("demo-cache"), QStringLiteral("--cache"), cache,
                             QStringLiteral("--count"), QStringLiteral("300")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains(QStringLiteral("300")), qPrintable(result.out + result.err));
        result = run({QStringLiteral("check-cache"), QStringLiteral("--cache"), cache});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains(QStringLiteral("300")), qPrintable(result.out));
        QCOMPARE(
            rd::LocalCache::open(cache, rd::test::cliCacheOptions(cache))->complaints().count(),
            300);
    }

    void badArguments_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("says");
        QTest::newRow("unknown command")
            << QStringList{QStringLiteral("frobnicate")} << QStringLiteral("unknown command");
        QTest::newRow("bad count") << QStringList{QStringLiteral("demo-cache"),
                                                  QStringLiteral("--count"), QStringLiteral("many")}
                                   << QStringLiteral("--count");
        QTest::newRow("bad language")
            << QStringList{QStringLiteral("check-cache"), QStringLiteral("--language"),
                           QStringLiteral("fr")}
            << QStringLiteral("language");
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("--version"), QStringLiteral("--frob")}
            << QStringLiteral("frob");
    }
    void badArguments()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, says);
        const Result result = run(arguments);
        QVERIFY(result.exitCode != 0);
        QVERIFY2(result.err.contains(says), qPrintable(result.err));
    }

    void checkCacheOnAFileThatIsNotOne()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("notes.txt"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("не база данных\n").repeated(200));
        f.close();
        const Result result = run({QStringLiteral("check-cache"), QStringLiteral("--cache"), file});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(QDir::toNativeSeparators(file)), qPrintable(result.err));
    }

    // A screenshot run with nobody signed in and no one to sign in never
    // waits for ever: it saves the sign-in dialog and says what is missing.
    void screenshotWithoutASessionEnds()
    {
        RD_SKIP_ON_WINDOWS(HomeMovedByXdg);
        QTemporaryDir dir;
        QProcessEnvironment env = homeIn(dir);
        const QString cache = dir.filePath(QStringLiteral("cache.sqlite"));
        QVERIFY(makeDemoCache(cache, env));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        env.remove(QStringLiteral("REGIONDESK_PASSWORD"));
        const QString picture = dir.filePath(QStringLiteral("shot.png"));
        QProcess process;
        process.setProcessEnvironment(env);
        QElapsedTimer timer;
        timer.start();
        process.start(QStringLiteral(REGIONDESK_BINARY),
                      {QStringLiteral("--cache"), cache, QStringLiteral("--language"),
                       QStringLiteral("en"), QStringLiteral("--screenshot"), picture});
        QVERIFY2(process.waitForFinished(60000), "regiondesk --screenshot waited for ever");
        // As soon as the dialog is up: nobody will sign in, nothing to wait for.
        QVERIFY2(timer.elapsed() < 15000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 2);
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("no desk opened")), qPrintable(err));
        QVERIFY(QFileInfo(picture).size() > 0);
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
