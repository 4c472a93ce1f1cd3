// The desk's settings, typed (DeskSettings): defaults, round trips, the
// map-source choices, the last session (with a role this desk does not
// know) and the recent servers, over a real QSettings file.

#include "DeskSettings.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace rd;

class TestDeskSettings : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> fresh(const QString &name)
    {
        return std::make_unique<QSettings>(m_dir.filePath(name), QSettings::IniFormat);
    }

private Q_SLOTS:
    void defaultsAndRoundTrips()
    {
        auto raw = fresh(QStringLiteral("a.ini"));
        DeskSettings s(*raw);
        QCOMPARE(s.dueSoonDays(), 3);
        QCOMPARE(s.confirmModeration(), true);
        QCOMPARE(s.logMaxKilobytes(), 1024);
        QCOMPARE(s.syncIntervalSeconds(300), 300);
        QCOMPARE(s.mapSource(), DeskSettings::MapSource::Online);
        QVERIFY(s.layout(DeskSettings::Layout::Columns).isEmpty());
        s.setLanguage(QStringLiteral("ru"));
        s.setTheme(QStringLiteral("dark"));
        s.setConfirmModeration(false);
        s.setLastQueue(QStringLiteral("overdue"));
        s.setLayout(DeskSettings::Layout::Columns, "\x01\x02");
        s.setMapHeat(2);
        raw->sync();
        QSettings again(m_dir.filePath(QStringLiteral("a.ini")), QSettings::IniFormat);
        const DeskSettings r(again);
        QCOMPARE(r.language(), QStringLiteral("ru"));
        QCOMPARE(r.theme(), QStringLiteral("dark"));
        QCOMPARE(r.confirmModeration(), false);
        QCOMPARE(r.lastQueue(), QStringLiteral("overdue"));
        QCOMPARE(r.layout(DeskSettings::Layout::Columns), QByteArray("\x01\x02"));
        QCOMPARE(r.mapHeat(), 2);
        // The keys an administrator locks are the ones written.
        QCOMPARE(again.value(DeskSettings::Key::Language).toString(), QStringLiteral("ru"));
        QCOMPARE(again.value(DeskSettings::Key::Theme).toString(), QStringLiteral("dark"));
    }

    // The hold before sending: 10 s unless set, kept across starts, held
    // to 0..60 whatever is written (by the menu, a hand or a policy).
    void sendHoldIsKeptAndClamped()
    {
        auto raw = fresh(QStringLiteral("hold.ini"));
        DeskSettings s(*raw);
        QCOMPARE(s.sendHoldSeconds(), 10);
        s.setSendHoldSeconds(25);
        raw->sync();
        {
            QSettings again(m_dir.filePath(QStringLiteral("hold.ini")), QSettings::IniFormat);
            QCOMPARE(DeskSettings(again).sendHoldSeconds(), 25);
            QCOMPARE(again.value(DeskSettings::Key::SendHold).toInt(), 25);
        }
        s.setSendHoldSeconds(0);
        QCOMPARE(s.sendHoldSeconds(), 0); // 0 is a value (send at once), not "unset"
        s.setSendHoldSeconds(3600);
        QCOMPARE(s.sendHoldSeconds(), DeskSettings::MaxSendHoldSeconds);
        QCOMPARE(raw->value(DeskSettings::Key::SendHold).toInt(), 60);
        s.setSendHoldSeconds(-4);
        QCOMPARE(s.sendHoldSeconds(), 0);
        raw->setValue(DeskSettings::Key::SendHold, 999); // written by hand
        QCOMPARE(s.sendHoldSeconds(), 60);
        raw->setValue(DeskSettings::Key::SendHold, -1);
        QCOMPARE(s.sendHoldSeconds(), 0);
        raw->setValue(DeskSettings::Key::SendHold, QStringLiteral("a while"));
        QCOMPARE(s.sendHoldSeconds(), DeskSettings::DefaultSendHoldSeconds);
        QCOMPARE(DeskSettings::Key::SendHold, QStringLiteral("sync/holdSeconds"));
    }

    void mapSourceChoices()
    {
        auto raw = fresh(QStringLiteral("b.ini"));
        DeskSettings s(*raw);
        s.setMapOnline(QStringLiteral("https://tiles.example.ru/{z}/{x}/{y}.png"));
        QCOMPARE(s.mapSource(), DeskSettings::MapSource::Online);
        QCOMPARE(s.mapUrlTemplate(), QStringLiteral("https://tiles.example.ru/{z}/{x}/{y}.png"));
        s.setMapFile(QStringLiteral("/data/omsk.mbtiles"));
        QCOMPARE(s.mapSource(), DeskSettings::MapSource::File);
        s.setMapNone();
        QCOMPARE(s.mapSource(), DeskSettings::MapSource::None);
        s.setMapOnline({}); // back to the default server, nothing else left over
        QCOMPARE(s.mapSource(), DeskSettings::MapSource::Online);
        QVERIFY(s.mapUrlTemplate().isEmpty());
        QVERIFY(s.mapMbtiles().isEmpty());
    }

    void lastSessionAndRecentServers()
    {
        auto raw = fresh(QStringLiteral("c.ini"));
        DeskSettings s(*raw);
        DeskSettings::LastSession last;
        last.server = QUrl(QStringLiteral("https://desk.example.ru"));
        last.login = QStringLiteral("clerk");
        last.userId = 7;
        last.displayName = QStringLiteral("Игорь Петров");
        last.role = Role::Supervisor;
        last.agencyId = 3;
        last.expiresAt = QDateTime(QDate(2026, 12, 2), QTime(8, 0), QTimeZone::utc());
        s.setLastSession(last);
        DeskSettings::LastSession read = s.lastSession();
        QCOMPARE(read.server, last.server);
        QCOMPARE(read.login, last.login);
        QCOMPARE(read.userId, 7);
        QCOMPARE(read.displayName, last.displayName);
        QCOMPARE(read.role, Role::Supervisor);
        QCOMPARE(read.agencyId, std::optional<qint64>(3));
        QCOMPARE(read.expiresAt, last.expiresAt);
        s.forgetSessionExpiry();
        QVERIFY(!s.lastSession().expiresAt.isValid());
        // A role this desk does not know reads as none, never as another role.
        raw->setValue(QStringLiteral("session/role"), QStringLiteral("operator"));
        QVERIFY(!s.lastSession().role);
        last.agencyId.reset();
        s.setLastSession(last);
        QVERIFY(!s.lastSession().agencyId);

        for (int i = 0; i < 10; ++i)
            s.addRecentServer(QUrl(QStringLiteral("https://s%1.example.ru").arg(i)));
        s.addRecentServer(QUrl(QStringLiteral("https://s3.example.ru")));
        const QStringList servers = s.recentServers();
        QCOMPARE(servers.size(), 8);
        QCOMPARE(servers.first(), QStringLiteral("https://s3.example.ru"));
        QCOMPARE(servers.count(QStringLiteral("https://s3.example.ru")), 1);
    }
};

QTEST_GUILESS_MAIN(TestDeskSettings)
#include "tst_desksettings.moc"
