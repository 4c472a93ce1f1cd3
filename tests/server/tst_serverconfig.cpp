// regiondesk-server --config: the settings file an administrator edits
// (the packaged example parses), the command line wins over it, a key the
// server does not know is refused, and plain HTTP off loopback is refused;
// where the photo files go.

#include "TestServer.h"
#include "sqlite/Database.h"

#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Outcome = rd::test::ServerRun;

// Runs the server until it listens (then stops it) or ends by itself; a
// server that listens here listens on plain loopback.
Outcome run(const QStringList &arguments)
{
    Outcome o = rd::test::runServerProcess(arguments);
    o.listening =
        o.listening && o.firstLine.startsWith(QStringLiteral("listening on http://127.0.0.1:"));
    return o;
}

} // namespace

class TestServerConfig : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &text)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

private Q_SLOTS:
    void thePackagedExampleParses()
    {
        const Outcome o =
            run({QStringLiteral("--config"),
                 QStringLiteral(REGIONDESK_SOURCE_DIR "/packaging/linux/regiondesk-server.conf"),
                 QStringLiteral("--data"), m_dir.filePath(QStringLiteral("a")),
                 QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--demo"),
                 QStringLiteral("20")});
        QVERIFY2(o.listening, qPrintable(o.err));
    }

    void settingsComeFromTheFileAndTheCommandLineWins()
    {
        const QString conf =
            write(QStringLiteral("b.conf"),
                  "[server]\ndata=" + m_dir.filePath(QStringLiteral("b")).toUtf8() +
                      "\nport=0\nbind=0.0.0.0\ntoken-lifetime=600\n");
        // bind=0.0.0.0 without TLS is refused…
        const Outcome refused =
            run({QStringLiteral("--config"), conf, QStringLiteral("--demo"), QStringLiteral("20")});
        QVERIFY(!refused.listening);
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(QStringLiteral("needs TLS")), qPrintable(refused.err));
        // …and the command line's --bind wins over the file's.
        const Outcome o =
            run({QStringLiteral("--config"), conf, QStringLiteral("--bind"),
                 QStringLiteral("127.0.0.1"), QStringLiteral("--demo"), QStringLiteral("20")});
        QVERIFY2(o.listening, qPrintable(o.err));
    }

    // Open311's settings come from the file too; a value with a comma (the
    // city's centre) arrives whole, not lost as a list.
    void open311SettingsFromTheFile()
    {
        const QByteArray data = m_dir.filePath(QStringLiteral("o")).toUtf8();
        const Outcome good =
            run({QStringLiteral("--config"),
                 write(QStringLiteral("o.conf"), "[server]\ndata=" + data +
                                                     "\nport=0\ncity-centre=54.98,73.32\n"
                                                     "public-url=https://311.example.org\n"),
                 QStringLiteral("--demo"), QStringLiteral("20")});
        QVERIFY2(good.listening, qPrintable(good.err));
        const Outcome badCentre =
            run({QStringLiteral("--config"),
                 write(QStringLiteral("o2.conf"),
                       "[server]\ndata=" + data + "\nport=0\ncity-centre=91,73.32\n")});
        QVERIFY(!badCentre.listening);
        QVERIFY2(badCentre.err.contains(QStringLiteral("--city-centre takes")),
                 qPrintable(badCentre.err));
        const Outcome badUrl =
            run({QStringLiteral("--config"),
                 write(QStringLiteral("o3.conf"),
                       "[server]\ndata=" + data + "\nport=0\npublic-url=ftp://x.example\n")});
        QVERIFY(!badUrl.listening);
        QVERIFY2(badUrl.err.contains(QStringLiteral("--public-url takes")), qPrintable(badUrl.err));
    }

    void badFilesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown key") << QByteArray("[server]\nport=0\nlisten=1\n")
                                     << QStringLiteral("unknown setting listen");
        QTest::newRow("test hooks are not a setting")
            << QByteArray("[server]\ntest-hooks=true\n") << QStringLiteral("unknown setting");
        QTest::newRow("bad port") << QByteArray("[server]\nport=70000\n")
                                  << QStringLiteral("--port takes");
    }

    void badFilesAreRefused()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        const QString conf = write(QStringLiteral("bad.conf"), text);
        const Outcome o = run({QStringLiteral("--config"), conf, QStringLiteral("--data"),
                               m_dir.filePath(QStringLiteral("c"))});
        QVERIFY(!o.listening);
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(o.err.contains(message), qPrintable(o.err));
    }

    void aDatabaseFromANewerServerIsRefused()
    {
        const QString dir = m_dir.filePath(QStringLiteral("newer"));
        QVERIFY(run({QStringLiteral("--data"), dir, QStringLiteral("--port"), QStringLiteral("0"),
                     QStringLiteral("--demo"), QStringLiteral("20")})
                    .listening);
        {
            rd::sqlite::Database db(dir + QStringLiteral("/server.sqlite"),
                                    rd::sqlite::Database::OpenMode::ReadWrite);
            db.exec(QStringLiteral("PRAGMA user_version = 99"));
        }
        const Outcome o =
            run({QStringLiteral("--data"), dir, QStringLiteral("--port"), QStringLiteral("0")});
        QVERIFY(!o.listening);
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(o.err.contains(QStringLiteral("schema version 99, newer than this server")),
                 qPrintable(o.err));
    }

    // The photos folder: photos= in the file (created 0750 at start), the
    // command line's --photos over it; never guessed for PostgreSQL (the
    // processes on one database must share one); not a folder: refused.
    void thePhotosFolderIsConfigured()
    {
        const QString photos = m_dir.filePath(QStringLiteral("p/shared-photos"));
        const QString conf =
            write(QStringLiteral("p.conf"), "[server]\nport=0\nphotos=" + photos.toUtf8() + "\n");
        const Outcome o = run({QStringLiteral("--config"), conf, QStringLiteral("--data"),
                               m_dir.filePath(QStringLiteral("p/data")), QStringLiteral("--demo"),
                               QStringLiteral("20")});
        QVERIFY2(o.listening, qPrintable(o.err));
        QVERIFY(QFileInfo(photos).isDir());
#ifdef Q_OS_UNIX
        QCOMPARE(QFileInfo(photos).permissions() &
                     (QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
                      QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther | QFile::WriteOther |
                      QFile::ExeOther),
                 QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
                     QFile::ExeGroup);
#endif
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("p/data/photos"))));
        const QString other = m_dir.filePath(QStringLiteral("p/other-photos"));
        QVERIFY(run({QStringLiteral("--config"), conf, QStringLiteral("--photos"), other,
                     QStringLiteral("--data"), m_dir.filePath(QStringLiteral("p/data"))})
                    .listening);
        QVERIFY(QFileInfo(other).isDir());
    }

    void badPhotosFoldersAreRefused()
    {
        const Outcome pg =
            run({QStringLiteral("--data"), m_dir.filePath(QStringLiteral("q")),
                 QStringLiteral("--database"), QStringLiteral("postgresql:///regiondesk"),
                 QStringLiteral("--port"), QStringLiteral("0")});
        QCOMPARE(pg.exitCode, 2);
        QVERIFY2(pg.err.contains(QStringLiteral("--photos <dir> is required with PostgreSQL")),
                 qPrintable(pg.err));
        const QString file = write(QStringLiteral("not-a-folder"), "x");
        const Outcome notFolder =
            run({QStringLiteral("--data"), m_dir.filePath(QStringLiteral("q")),
                 QStringLiteral("--photos"), file, QStringLiteral("--port"), QStringLiteral("0"),
                 QStringLiteral("--demo"), QStringLiteral("20")});
        QVERIFY(!notFolder.listening);
        QCOMPARE(notFolder.exitCode, 2);
        QVERIFY2(notFolder.err.contains(QStringLiteral("photos folder ") + file),
                 qPrintable(notFolder.err));
    }

    void aMissingFileIsRefused()
    {
        const Outcome o = run({QStringLiteral("--config"), m_dir.filePath(QStringLiteral("none"))});
        QCOMPARE(o.exitCode, 2);
        QVERIFY(o.err.contains(QStringLiteral("cannot read")));
    }
};

QTEST_GUILESS_MAIN(TestServerConfig)
#include "tst_serverconfig.moc"
