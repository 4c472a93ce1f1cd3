// Around the engine: the credential store (falls back to memory, never to a
// file), signing in and out, and the controller that schedules runs and
// keeps the status the UI shows.

#include "Connection.h"
#include "CredentialStore.h"
#include "SessionManager.h"
#include "SyncController.h"
#include "SyncHarness.h"
#include "TestSupport.h"
#include "UserActions.h"

#include <QDirIterator>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace rd;
using rd::test::SyncClient;
using rd::test::TestServer;

class TestSyncController : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    QTemporaryDir m_home;

    // True if any file under the test's home holds bytes.
    bool anyFileContains(const QByteArray &bytes)
    {
        QDirIterator it(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly) && file.readAll().contains(bytes))
                return true;
        }
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // A home of our own, and no session bus: no Secret Service here.
        qputenv("HOME", m_home.path().toUtf8());
        qputenv("XDG_CONFIG_HOME", (m_home.path() + QStringLiteral("/config")).toUtf8());
        qputenv("XDG_DATA_HOME", (m_home.path() + QStringLiteral("/data")).toUtf8());
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        QStandardPaths::setTestModeEnabled(true);
        m_server = std::make_unique<TestServer>(300);
        QVERIFY(m_server->isRunning());
    }

    void credentialsFallBackToMemoryNeverToAFile()
    {
        CredentialStore store(QStringLiteral("RegionDesk-test"));
        const QByteArray secret = "token-that-must-not-reach-a-file-4242";
        QSignalSpy changed(&store, &CredentialStore::backendChanged);
        bool done = false;
        bool persisted = true;
        store.save(QStringLiteral("http://x|clerk"), secret, [&](bool p) {
            persisted = p;
            done = true;
        });
        QTRY_VERIFY(done);
        if (store.backend() == CredentialStore::Backend::System) {
            QVERIFY(persisted); // a real keychain on this machine: fine too
        } else {
            QVERIFY(!persisted);
            QCOMPARE(changed.size(), 1);
            QVERIFY(store.notice().contains(QStringLiteral("memory only")));
        }
        std::optional<QByteArray> loaded;
        done = false;
        store.load(QStringLiteral("http://x|clerk"), [&](std::optional<QByteArray> v) {
            loaded = v;
            done = true;
        });
        QTRY_VERIFY(done);
        QCOMPARE(loaded.value_or(QByteArray()), secret);
        QVERIFY(!anyFileContains(secret));
        done = false;
        store.remove(QStringLiteral("http://x|clerk"), [&] { done = true; });
        QTRY_VERIFY(done);
        done = false;
        store.load(QStringLiteral("http://x|clerk"), [&](std::optional<QByteArray> v) {
            loaded = v;
            done = true;
        });
        QTRY_VERIFY(done);
        QVERIFY(!loaded);

        CredentialStore memoryOnly(QStringLiteral("RegionDesk-test"), false);
        QCOMPARE(memoryOnly.backend(), CredentialStore::Backend::MemoryOnly);
        QVERIFY(!memoryOnly.notice().isEmpty());
    }

    void signInRestoreAndSignOut()
    {
        QNetworkAccessManager network;
        CredentialStore credentials(QStringLiteral("RegionDesk-test"));
        QSettings settings(m_home.filePath(QStringLiteral("session.ini")), QSettings::IniFormat);
        SessionManager sessions(&network, credentials, settings);
        QSignalSpy failed(&sessions, &SessionManager::signInFailed);
        QSignalSpy signedIn(&sessions, &SessionManager::signedIn);
        sessions.signIn(QUrl(m_server->baseUrl()), QStringLiteral("clerk"), QStringLiteral("no"));
        QVERIFY(failed.wait());
        QCOMPARE(failed.first().first().toString(), QStringLiteral("Wrong user name or password."));
        sessions.signIn(QUrl(QStringLiteral("http://127.0.0.1:1")), QStringLiteral("clerk"),
                        QStringLiteral("demo"));
        QVERIFY(failed.wait());
        QVERIFY(failed.last().first().toString().contains(QStringLiteral("cannot be reached")));

        sessions.signIn(QUrl(m_server->baseUrl()), QStringLiteral("clerk"), QStringLiteral("demo"));
        QVERIFY(signedIn.wait());
        const Session session = signedIn.first().first().value<Session>();
        QCOMPARE(session.user.role, Role::Clerk);
        QCOMPARE(session.user.agencyId, std::optional<qint64>(1));
        settings.sync();
        QVERIFY(!anyFileContains(session.token));
        QCOMPARE(sessions.lastLogin(), QStringLiteral("clerk"));

        // Another start of the program (same credential store process-wide).
        SessionManager again(&network, credentials, settings);
        QSignalSpy restored(&again, &SessionManager::signedIn);
        again.restore();
        QTRY_COMPARE(restored.size(), 1);
        QCOMPARE(restored.first().first().value<Session>().token, session.token);

        QSignalSpy signedOut(&again, &SessionManager::signedOut);
        again.signOut();
        QVERIFY(signedOut.wait());
        QCOMPARE(m_server->get(QStringLiteral("/api/v1/session"), session.token).status, 401);
        QSignalSpy needed(&again, &SessionManager::signInNeeded);
        again.restore();
        QTRY_COMPARE(needed.size(), 1);

        // Signing out may wipe the cache (personal data): file, WAL and all.
        const QString cachePath = m_home.filePath(QStringLiteral("wipe.sqlite"));
        {
            auto cache = LocalCache::open(cachePath);
            cache->complaints().upsert({rd::test::makeComplaint(1)});
        }
        QVERIFY(QFile::exists(cachePath));
        QVERIFY(LocalCache::wipe(cachePath).isEmpty());
        QVERIFY(!QFile::exists(cachePath));
        QVERIFY(!QFile::exists(cachePath + QStringLiteral("-wal")));
    }

    // The one connection the desk's parts follow: the server normalised
    // once, the account named by it, changed() only when something moves.
    void connectionNormalisesAndSaysWhenItChanges()
    {
        Connection connection;
        QSignalSpy changed(&connection, &Connection::changed);
        QVERIFY(!connection.hasSession());
        QVERIFY(connection.account().isEmpty());
        connection.setSession(QUrl(QStringLiteral("HTTPS://Desk.Example.ru:443/")),
                              QStringLiteral("clerk"), "t1");
        QCOMPARE(connection.server(), QUrl(QStringLiteral("https://desk.example.ru")));
        QCOMPARE(connection.account(), QStringLiteral("https://desk.example.ru|clerk"));
        QVERIFY(connection.hasSession());
        QCOMPARE(changed.size(), 1);
        connection.setSession(QUrl(QStringLiteral("https://desk.example.ru")),
                              QStringLiteral("clerk"), "t1");
        QCOMPARE(changed.size(), 1); // the same, however written
        connection.clearToken();
        QVERIFY(!connection.hasSession());
        QCOMPARE(connection.account(), QStringLiteral("https://desk.example.ru|clerk"));
        QCOMPARE(changed.size(), 2);
        connection.setTlsConfiguration(QSslConfiguration::defaultConfiguration());
        QCOMPARE(changed.size(), 3);
        connection.setTlsConfiguration(QSslConfiguration::defaultConfiguration());
        QCOMPARE(changed.size(), 3);
    }

    void controllerSyncsOnDemandAfterLocalWorkAndReportsStatus()
    {
        SyncClient probe(*m_server, QStringLiteral("clerk")); // for server-side checks
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        auto ui = LocalCache::open(path);
        Connection connection;
        SyncController controller(path, *ui, connection, {});
        controller.setLocalChangeDelay(50);
        QSignalSpy finished(&controller, &SyncController::finished);
        QSignalSpy status(&controller, &SyncController::statusChanged);
        controller.syncNow(); // no session: nothing happens
        QVERIFY(!controller.status().syncing);
        const QByteArray token = m_server->signIn(QStringLiteral("clerk"));
        connection.setSession(QUrl(m_server->baseUrl()), QStringLiteral("clerk"), token);
        QVERIFY(controller.status().syncing); // a session: the first run starts at once
        controller.syncNow(); // during a run: one more run afterwards, not two at once
        controller.syncNow(); // (still just one more)
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 30000);
        QVERIFY(!controller.status().syncing);
        QVERIFY(controller.status().lastSuccess.isValid());
        QVERIFY(controller.status().online);
        QVERIFY(controller.status().lastError.isEmpty());
        QVERIFY(ui->complaints().count() > 0);
        QVERIFY(std::any_of(status.begin(), status.end(), [](const QList<QVariant> &args) {
            return args.first().value<SyncStatus>().progress.pages > 0;
        }));

        // A local action: counted at once, sent shortly after by itself.
        const qint64 id = probe.take(QStringLiteral("published"), 1);
        UserActions(*ui).submit(id, QStringLiteral("note"),
                                {{QStringLiteral("text"), QStringLiteral("Из контроллера")}},
                                ui->complaints().complaint(id)->version);
        controller.notifyLocalChange();
        QCOMPARE(controller.status().pendingActions, 1);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 30000);
        QCOMPARE(controller.status().pendingActions, 0);
        QCOMPARE(probe.serverHistoryCount(id, QStringLiteral("note")) >= 1, true);

        // The token is revoked: the controller asks to sign in and stops.
        QSignalSpy signIn(&controller, &SyncController::signInRequired);
        m_server->request("DELETE", QStringLiteral("/api/v1/session"), {},
                          {{"Authorization", "Bearer " + token}});
        controller.syncNow();
        QVERIFY(signIn.wait(30000));
        QVERIFY(controller.status().signInRequired);
        controller.syncNow(); // ignored until signed in again
        QVERIFY(!controller.status().syncing);

        // The shell drops the token; the controller stops with it.
        connection.clearToken();
        QVERIFY(!controller.hasSession());
        controller.syncNow();
        QVERIFY(!controller.status().syncing);

        // Signed in again while the server has gone away (this is the
        // class's last use of it): offline, said so, with the reason.
        QVERIFY(m_server->stop());
        connection.setSession(QUrl(m_server->baseUrl()), QStringLiteral("clerk"), token);
        QVERIFY(controller.hasSession());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 5, 30000);
        QVERIFY(!controller.status().online);
        QVERIFY(!controller.status().lastError.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSyncController)
#include "tst_synccontroller.moc"
