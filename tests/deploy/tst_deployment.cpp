// What deployment needs from the application: the administrator's settings
// locked over the user's (and the sign-in dialog and menus following
// them), the log rotated under its cap, diagnostics without secrets, and
// one desk per user session.

#include "AdminPolicy.h"
#include "CacheAccess.h"
#include "Diagnostics.h"
#include "LogFile.h"
#include "SignInDialog.h"
#include "SingleInstance.h"
#include "SyncController.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace rd;

class TestDeployment : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void policyLocksDefaultsAndUnknownKeys()
    {
        QTemporaryDir dir;
        const QString systemPath = dir.filePath(QStringLiteral("system.conf"));
        {
            QSettings system(systemPath, QSettings::IniFormat);
            system.setValue(QStringLiteral("server/url"),
                            QStringLiteral("https://desk.example.ru"));
            system.setValue(QStringLiteral("map/mbtiles"), QStringLiteral("C:/Maps/omsk.mbtiles"));
            system.setValue(QStringLiteral("defaults/ui/theme"), QStringLiteral("dark"));
            system.setValue(QStringLiteral("defaults/sync/intervalSeconds"), 60);
            system.setValue(QStringLiteral("session/token"), QStringLiteral("never"));
            system.setValue(QStringLiteral("sync/holdSeconds"), 30);
        }
        const AdminPolicy policy = AdminPolicy::fromIniFile(systemPath);
        QVERIFY(policy.isLocked(QStringLiteral("server/url")));
        QVERIFY(policy.isLocked(QStringLiteral("map/mbtiles")));
        QVERIFY(!policy.isLocked(QStringLiteral("ui/theme"))); // a default, not a lock
        QVERIFY(policy.isLocked(QStringLiteral("sync/holdSeconds")));
        QCOMPARE(policy.unknownKeys(), QStringList{QStringLiteral("session/token")});

        QSettings user(dir.filePath(QStringLiteral("user.conf")), QSettings::IniFormat);
        user.setValue(QStringLiteral("server/url"), QStringLiteral("https://elsewhere.example"));
        user.setValue(QStringLiteral("sync/intervalSeconds"), 900);
        const QStringList changed = policy.applyTo(user);
        QCOMPARE(user.value(QStringLiteral("server/url")).toString(),
                 QStringLiteral("https://desk.example.ru"));
        QCOMPARE(user.value(QStringLiteral("map/mbtiles")).toString(),
                 QStringLiteral("C:/Maps/omsk.mbtiles"));
        QCOMPARE(user.value(QStringLiteral("ui/theme")).toString(), QStringLiteral("dark"));
        QCOMPARE(user.value(QStringLiteral("sync/intervalSeconds")).toInt(), 900); // user's own
        QVERIFY(!user.contains(QStringLiteral("session/token")));
        QCOMPARE(user.value(QStringLiteral("sync/holdSeconds")).toInt(), 30);
        QVERIFY(changed.contains(QStringLiteral("server/url")));
        QVERIFY(!changed.contains(QStringLiteral("sync/intervalSeconds")));
        // Applying again changes nothing: the locks hold.
        QVERIFY(policy.applyTo(user).isEmpty());

        // An empty or missing file is no policy.
        QVERIFY(AdminPolicy::fromIniFile(dir.filePath(QStringLiteral("none.conf"))).isEmpty());
    }

    void lockedServerIsTheOnlyOneOffered()
    {
        SignInDialog dialog;
        dialog.setServers({QStringLiteral("https://old.example")});
        dialog.setServerLocked(QUrl(QStringLiteral("https://desk.example.ru")));
        auto *server = dialog.findChild<QComboBox *>(QStringLiteral("serverEdit"));
        QVERIFY(server);
        QVERIFY(!server->isEnabled());
        QCOMPARE(server->count(), 1);
        QCOMPARE(dialog.server(), QUrl(QStringLiteral("https://desk.example.ru")));
    }

    void logRotatesUnderItsCap()
    {
        QTemporaryDir dir;
        LogFile log(dir.filePath(QStringLiteral("logs")), 4096, 2);
        const QString line(90, QLatin1Char('x'));
        for (int i = 0; i < 300; ++i)
            log.append(QStringLiteral("%1 %2").arg(i, 4, 10, QLatin1Char('0')).arg(line));
        const QDir logs(dir.filePath(QStringLiteral("logs")));
        const QStringList files = logs.entryList(QDir::Files, QDir::Name);
        QCOMPARE(files, (QStringList{QStringLiteral("regiondesk.1.log"),
                                     QStringLiteral("regiondesk.2.log"),
                                     QStringLiteral("regiondesk.log")}));
        for (const QString &file : files)
            QVERIFY2(QFileInfo(logs.filePath(file)).size() <= 4096, qPrintable(file));
        // The newest lines, in order, across the rotation.
        const QStringList last = log.lastLines(50);
        QCOMPARE(last.size(), 50);
        QVERIFY(last.first().startsWith(QStringLiteral("0250 ")));
        QVERIFY(last.last().startsWith(QStringLiteral("0299 ")));

        // Installed, it takes Qt's messages.
        log.install();
        qWarning("a warning for the log");
        QVERIFY(log.lastLines(1).value(0).contains(QStringLiteral("a warning for the log")));
        QCOMPARE(LogFile::installed(), &log);
    }

    void unwritableLogDirectoryDoesNotStopTheApplication()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(QStringLiteral("logs")));
        QVERIFY(blocker.open(QIODevice::WriteOnly)); // a file where the folder should be
        blocker.close();
        LogFile log(dir.filePath(QStringLiteral("logs")));
        log.append(QStringLiteral("nowhere to go"));
        QVERIFY(log.lastLines(5).isEmpty());
    }

    void diagnosticsHoldNoSecrets()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("user.conf")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("session/token"), QStringLiteral("tok-12345-secret"));
        settings.setValue(QStringLiteral("map/urlTemplate"),
                          QStringLiteral("https://tiles.example/{z}/{x}/{y}.png"));
        settings.setValue(QStringLiteral("desk/geometry"), QByteArray(400, '\x01'));
        SyncStatus status;
        status.pendingActions = 3;
        status.lastError = QStringLiteral("HTTP 401 with token=abcdef123");
        DiagnosticsInput input;
        input.cachePath = QStringLiteral("/home/clerk/.local/share/RegionDesk/cache.sqlite");
        input.sync = &status;
        input.signedInAs = QStringLiteral("clerk (clerk)");
        input.lockedKeys = {QStringLiteral("server/url")};
        input.policySources = {QStringLiteral("/etc/xdg/RegionDesk/RegionDesk.conf")};
        input.logLines = {QStringLiteral("request Authorization: Bearer eyJhbGciOi.secret"),
                          QStringLiteral("{\"password\": \"hunter2\"}"),
                          QStringLiteral("sync finished")};
        const QString text = diagnosticsText(settings, input);
        QVERIFY(text.contains(QCoreApplication::applicationVersion()));
        QVERIFY(text.contains(QStringLiteral("map/urlTemplate = https://tiles.example")));
        QVERIFY(text.contains(QStringLiteral("3 pending")));
        QVERIFY(text.contains(QStringLiteral("Locked: server/url")));
        QVERIFY(text.contains(QStringLiteral("sync finished")));
        for (const char *secret : {"tok-12345-secret", "eyJhbGciOi", "hunter2", "abcdef123"})
            QVERIFY2(!text.contains(QString::fromLatin1(secret)), secret);
        QVERIFY(!text.contains(QStringLiteral("desk/geometry")));
    }

    void personalDataIsBlankedInLogLines()
    {
        const auto blanked = [](const char *line) {
            return redactPersonal(QString::fromUtf8(line)).toUtf8();
        };
        QCOMPARE(blanked("to ivanova.m+1@mail.ru, Пётр@почта.рф."), "to [e-mail], [e-mail].");
        QCOMPARE(blanked("mailto=ivan%40mail.ru"), "mailto=[e-mail]");
        QCOMPARE(blanked("call +7 913 123-45-67."), "call [phone].");
        QCOMPARE(blanked("call 8 (3812) 12-34-56 or tel:+79131234567"),
                 "call [phone] or tel:[phone]");
        QCOMPARE(blanked("phone=89131234567"), "phone=[phone]");
        QCOMPARE(blanked("+44 20 7946 0958"), "[phone]");
        QCOMPARE(blanked("+7\u00a0913\u00a0123\u201145\u201167"), "[phone]");
        QCOMPARE(blanked("тел. 913 123-45-67, дом. (3812) 12-34-56, 12-34-56"),
                 "тел. [phone], дом. [phone], [phone]");
        // What a log line holds otherwise stays as it was.
        for (const char *kept :
             {"2026-12-04T01:23:13.812+03:00 info regiondesk.sync: sync finished: 0 1200 3",
              "complaint 81234 version 7 photo p-0000000123456789 at 54.9885,73.3242",
              "GET /api/v1/changes?cursor=e3-7812&limit=2000 from 85.143.220.101",
              "Qt 6.4.2 on 8.05.2024 10.30.15, took 12 345 ms, 1764806400000",
              "id 3f2504e0-4f89-11d3-9a0c-0305e82c3301"})
            QCOMPARE(blanked(kept), QByteArray(kept));
    }

    void retentionAndWipePolicies()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("system.conf"));
        const auto policyWith = [&](const QString &key, const QVariant &value) {
            QFile::remove(path);
            {
                QSettings system(path, QSettings::IniFormat);
                system.setValue(key, value);
            }
            return AdminPolicy::fromIniFile(path);
        };
        const QString months = QStringLiteral("cache/retentionMonths");
        const QString wipe = QStringLiteral("cache/wipeOnSignOut");
        QCOMPARE(app::retentionMonthsOf(AdminPolicy{}), 12);
        QCOMPARE(app::retentionMonthsOf(policyWith(months, 36)), 36);
        QCOMPARE(app::retentionMonthsOf(policyWith(months, 0)), 0); // kept
        QCOMPARE(app::retentionMonthsOf(policyWith(months, -1)), 12);
        QCOMPARE(app::retentionMonthsOf(policyWith(months, 121)), 12);
        QCOMPARE(app::retentionMonthsOf(policyWith(months, QStringLiteral("a year"))), 12);
        QVERIFY(policyWith(months, 6).unknownKeys().isEmpty());
        QCOMPARE(app::signOutWipeOf(AdminPolicy{}), app::SignOutWipe::Offer);
        QCOMPARE(app::signOutWipeOf(policyWith(wipe, QStringLiteral("always"))),
                 app::SignOutWipe::Always);
        QCOMPARE(app::signOutWipeOf(policyWith(wipe, QStringLiteral("offer"))),
                 app::SignOutWipe::Offer);
        QCOMPARE(app::signOutWipeOf(policyWith(wipe, QStringLiteral("sometimes"))),
                 app::SignOutWipe::Offer);
    }

    void secondStartActivatesTheFirst()
    {
        const QString key = QUuid::createUuid().toString(); // this test's own
        SingleInstance first(key);
        QVERIFY(first.claim());
        QSignalSpy activated(&first, &SingleInstance::activationRequested);
        {
            SingleInstance second(key);
            QVERIFY(!second.claim());
        }
        QVERIFY(activated.wait(5000));
        // Another user (another key) is not affected.
        SingleInstance other(key + QStringLiteral("-other user"));
        QVERIFY(other.claim());
    }

    void socketLeftByACrashIsTakenOver()
    {
        const QString key = QUuid::createUuid().toString();
        {
            SingleInstance gone(key);
            QVERIFY(gone.claim());
        } // destroyed without a clean shutdown of anyone listening
        SingleInstance next(key);
        QVERIFY(next.claim());
    }
};

QTEST_MAIN(TestDeployment)
#include "tst_deployment.moc"
