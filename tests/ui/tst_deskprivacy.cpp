// Citizens' personal data on the workstation (issue 25; docs/deployment.md,
// "Personal data"): nothing personal in any file the desk writes outside
// its encrypted caches (the log, the settings, the diagnostics a clerk
// copies), and signing out offers to wipe this computer's copy — or wipes
// it, when the administrator requires — removing the caches and the key.

#include "CacheKeys.h"
#include "DeskShell.h"
#include "DeskTestSupport.h"
#include "DeskWindow.h"
#include "LocalCache.h"
#include "LogFile.h"
#include "PhotoCache.h"
#include "SignInDialog.h"
#include "TestServer.h"

#include <QAction>
#include <QClipboard>
#include <QDirIterator>
#include <QGuiApplication>
#include <QLabel>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace rd;
using namespace rd::test;

namespace {

// Every author's name, e-mail and phone, and every complaint's text, the
// cache holds: what must not appear anywhere else.
QStringList personalData(LocalCache &cache)
{
    QStringList found;
    for (const ComplaintRow &row : cache.queue().page(QueueQuery{}, 0, 100000)) {
        const std::optional<Complaint> c = cache.complaints().complaint(row.id);
        for (const QString &value : {c->authorName, c->authorEmail, c->authorPhone, c->text}) {
            if (value.size() >= 6 && !found.contains(value))
                found.append(value);
        }
    }
    return found;
}

struct Leak
{
    QString file;
    QString value;
};

// The first personal value found in a file under folder, if any.
std::optional<Leak> leakUnder(const QString &folder, const QStringList &values, int *files)
{
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = file.readAll();
        ++*files;
        for (const QString &value : values) {
            if (bytes.contains(value.toUtf8()))
                return Leak{path, value};
        }
    }
    return std::nullopt;
}

QMessageBox *signOutBox()
{
    return qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
}

} // namespace

class TestDeskPrivacy : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    QTemporaryDir m_home;

    // Signs out through File ▸ Sign out, answering the question with the
    // button named `button` (after `look` has seen the question).
    static void signOutWith(DeskWindow *window, const char *button,
                            const std::function<void(QMessageBox *)> &look = {})
    {
        bool asked = false;
        QTimer::singleShot(0, qApp, [&] {
            QTRY_VERIFY(signOutBox());
            QMessageBox *box = signOutBox();
            asked = true;
            if (look)
                look(box);
            child<QPushButton>(box, button)->click();
        });
        child<QAction>(window, "signOutAction")->trigger();
        QVERIFY(asked);
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("HOME", m_home.path().toUtf8());
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        QStandardPaths::setTestModeEnabled(true);
        m_server = std::make_unique<TestServer>(300);
        QVERIFY(m_server->isRunning());
    }

    void nothingPersonalInWhatTheDeskWrites()
    {
        const QString data = m_home.filePath(QStringLiteral("privacy"));
        // Everything the desk logs, debug lines too, goes to its log file.
        QLoggingCategory::setFilterRules(QStringLiteral("regiondesk.*=true"));
        auto log =
            std::make_unique<LogFile>(QDir(data).filePath(QStringLiteral("logs")), 4 * 1024 * 1024);
        log->install();
        QStringList personal;
        QString diagnostics;
        {
            QSettings s(QDir(data).filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
            // The moderator is a role that sees authors.
            auto shell = openSyncedShell(
                s, deskOptions(m_server->baseUrl(), QStringLiteral("moderator"), data));
            QVERIFY(shell);
            personal = personalData(*shell->cache());
            QVERIFY2(personal.size() > 300, qPrintable(QString::number(personal.size())));
            QVERIFY(std::any_of(personal.begin(), personal.end(),
                                [](const QString &v) { return v.contains(QLatin1Char('@')); }));

            // A working session: complaints opened (their history and photos
            // fetched), diagnostics copied, a sync, signed out keeping the copy.
            DeskWindow *window = shell->window();
            const QList<ComplaintRow> rows = shell->cache()->queue().page(QueueQuery{}, 0, 8);
            for (const ComplaintRow &row : rows) {
                window->openComplaint(row.id);
                QTRY_VERIFY_WITH_TIMEOUT(!shell->cache()->media().history(row.id).isEmpty(), 10000);
            }
            QVERIFY(syncOnce(*shell));
            child<QAction>(window, "copyDiagnosticsAction")->trigger();
            diagnostics = QGuiApplication::clipboard()->text();
            QVERIFY(diagnostics.contains(QStringLiteral("== Last log lines ==")));
            signOutWith(window, "signOutKeepButton");
            QTRY_VERIFY(shell->signInDialog() && shell->signInDialog()->isVisible());
        }
        log.reset();
        QLoggingCategory::setFilterRules({});

        for (const QString &value : std::as_const(personal))
            QVERIFY2(!diagnostics.contains(value), qPrintable(value));
        int files = 0;
        const std::optional<Leak> leak = leakUnder(m_home.path(), personal, &files);
        QVERIFY2(!leak, leak ? qPrintable(leak->file + QStringLiteral(": ") + leak->value) : "");
        // It looked at something: the log, the settings, the two caches.
        QVERIFY2(files >= 4, qPrintable(QString::number(files)));
        QFile logFile(QDir(data).filePath(QStringLiteral("logs/regiondesk.log")));
        QVERIFY(logFile.open(QIODevice::ReadOnly));
        QVERIFY(logFile.readAll().contains("regiondesk.sync"));
    }

    // Retention at the desk: once closed complaints have been unchanged for
    // the period (the desk's clock moved on), the next sync removes them,
    // and their photos leave the photo cache too.
    void closedComplaintsAndTheirPhotosLeaveTheDesk()
    {
        const QString data = m_home.filePath(QStringLiteral("retention"));
        QSettings s(QDir(data).filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        ShiftedClock clock;
        DeskShell::Options o = deskOptions(m_server->baseUrl(), QStringLiteral("moderator"), data);
        o.clock = &clock;
        o.retentionMonths = 12;
        auto shell = openSyncedShell(s, o);
        QVERIFY(shell);
        LocalCache &cache = *shell->cache();
        // A closed complaint with a photo, the photo seen (so in the photo cache).
        QString photo;
        qint64 open = 0;
        for (const ComplaintRow &row : cache.queue().page(QueueQuery{}, 0, 100000)) {
            if (!isClosed(row.state))
                ++open;
            else if (photo.isEmpty() && !cache.media().photos(row.id).isEmpty())
                photo = cache.media().photos(row.id).first().id;
        }
        QVERIFY(!photo.isEmpty());
        Q_EMIT shell->window()->photoWanted(photo);
        const QString photos = DeskShell::photoCachePathFor(cache.path());
        const QByteArray key = cache.options().key;
        QTRY_VERIFY_WITH_TIMEOUT(PhotoCache::open(photos, 1 << 30, key)->contains(photo), 10000);

        clock.setOffsetSeconds(qint64(400) * 24 * 3600); // 13 months on
        QVERIFY(syncOnce(*shell));
        qint64 left = 0;
        for (const ComplaintRow &row : cache.queue().page(QueueQuery{}, 0, 100000)) {
            QVERIFY2(!isClosed(row.state), qPrintable(QString::number(row.id)));
            ++left;
        }
        QCOMPARE(left, open);
        QVERIFY(cache.media().expiredPhotos().isEmpty()); // dropped, then forgotten
        QVERIFY(!PhotoCache::open(photos, 1 << 30, key)->contains(photo));
        QCOMPARE(cache.coverage().retentionMonths, 12);
        shell.reset();

        // A first sync 13 months on stores only what retention keeps: the
        // closed complaints are never written.
        const QString later = m_home.filePath(QStringLiteral("retention-later"));
        QSettings s2(QDir(later).filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        DeskShell::Options o2 =
            deskOptions(m_server->baseUrl(), QStringLiteral("moderator"), later);
        o2.clock = &clock;
        o2.retentionMonths = 12;
        shell = openSyncedShell(s2, o2);
        QVERIFY(shell);
        QCOMPARE(shell->cache()->complaints().count(), open);
        for (const ComplaintRow &row : shell->cache()->queue().page(QueueQuery{}, 0, 100000))
            QVERIFY(!isClosed(row.state));
        shell.reset(); // before its settings (s2) go
    }

    void signingOutOffersToWipe()
    {
        const QString data = m_home.filePath(QStringLiteral("offer"));
        QSettings s(QDir(data).filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        const DeskShell::Options o =
            deskOptions(m_server->baseUrl(), QStringLiteral("clerk"), data);
        auto shell = openSyncedShell(s, o);
        QVERIFY(shell);
        const QString path = shell->cache()->path();
        const QString photos = DeskShell::photoCachePathFor(path);
        QVERIFY(QFile::exists(path) && QFile::exists(photos));
        QVERIFY(QFile::exists(CacheKeys::saltPath(path)));

        // Kept: signing in again opens the same cache, no download needed.
        signOutWith(shell->window(), "signOutKeepButton", [](QMessageBox *box) {
            QVERIFY(box->findChild<QPushButton *>(QStringLiteral("signOutWipeButton")));
            QVERIFY(box->informativeText().contains(QStringLiteral("key")));
        });
        QTRY_VERIFY(shell->signInDialog() && shell->signInDialog()->isVisible());
        QVERIFY(QFile::exists(path) && QFile::exists(photos));
        shell.reset();

        // Wiped: the cache, its WAL, its photo cache and its key are gone.
        shell = openSyncedShell(s, o);
        QVERIFY(shell);
        signOutWith(shell->window(), "signOutWipeButton");
        QTRY_VERIFY_WITH_TIMEOUT(!shell->window(), 10000);
        QTRY_VERIFY(shell->signInDialog() && shell->signInDialog()->isVisible());
        QTRY_VERIFY(child<QLabel>(shell->signInDialog(), "signInMessage")
                        ->text()
                        .contains(QStringLiteral("wiped")));
        for (const QString &file : {path, path + QStringLiteral("-wal"), photos,
                                    photos + QStringLiteral("-wal"), CacheKeys::saltPath(path)})
            QVERIFY2(!QFile::exists(file), qPrintable(file));
        QVERIFY(QDir(data).entryList({QStringLiteral("cache-*")}, QDir::Files).isEmpty());
        QVERIFY(!shell->cache());
        shell.reset();

        // Signing in again starts afresh with a new key.
        shell = openSyncedShell(s, o);
        QVERIFY(shell);
        QVERIFY(shell->cache()->complaints().count() > 0);
        QVERIFY(shell->cache()->isEncrypted());
    }

    void administratorRequiresTheWipe()
    {
        const QString data = m_home.filePath(QStringLiteral("required"));
        QSettings s(QDir(data).filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        DeskShell::Options o = deskOptions(m_server->baseUrl(), QStringLiteral("clerk"), data);
        o.wipeOnSignOut = true;
        auto shell = openSyncedShell(s, o);
        QVERIFY(shell);
        const QString path = shell->cache()->path();
        const qint64 id = shell->cache()->queue().page(QueueQuery{}, 0, 1).first().id;
        shell->cache()->drafts().save({id,
                                       QStringLiteral("solve"),
                                       QStringLiteral("Сделано"),
                                       {},
                                       {},
                                       1,
                                       QDateTime::currentDateTimeUtc(),
                                       {},
                                       {}});

        // No "keep"; the unsent draft is named, and Cancel is what Enter does.
        signOutWith(shell->window(), "signOutCancelButton", [](QMessageBox *box) {
            QVERIFY(!box->findChild<QPushButton *>(QStringLiteral("signOutKeepButton")));
            QVERIFY(box->text().contains(QStringLiteral("administrator")));
            QVERIFY(box->informativeText().contains(QStringLiteral("1 draft")));
            QCOMPARE(box->defaultButton()->objectName(), QStringLiteral("signOutCancelButton"));
        });
        QVERIFY(shell->window() && shell->window()->isVisible()); // still there
        QVERIFY(QFile::exists(path));

        shell->cache()->drafts().discard(id);
        signOutWith(shell->window(), "signOutWipeButton", [](QMessageBox *box) {
            QCOMPARE(box->defaultButton()->objectName(), QStringLiteral("signOutWipeButton"));
        });
        QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(path), 10000);
        QVERIFY(!QFile::exists(CacheKeys::saltPath(path)));
    }
};

QTEST_MAIN(TestDeskPrivacy)
#include "tst_deskprivacy.moc"
