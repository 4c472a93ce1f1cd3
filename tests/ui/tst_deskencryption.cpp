// The desk's side of encryption at rest (docs/cache.md, "Keys"), on a
// machine without a credential store, as CI is: the user chooses a
// passphrase once, is asked for it at each start (a wrong one is refused in
// the dialog, the file untouched), cancelling leaves the cache locked, and
// a plain cache from an older version is encrypted with progress shown,
// its drafts kept.

#include "CacheKeys.h"
#include "DeskShell.h"
#include "DeskTestSupport.h"
#include "LocalCache.h"
#include "PassphraseDialog.h"
#include "SignInDialog.h"
#include "TestServer.h"
#include "TestSupport.h"
#include "sqlite/Encryption.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace rd;
using namespace rd::test;

namespace {

const QString Passphrase = QStringLiteral("Омск зимой 2026");

PassphraseDialog *shownPassphraseDialog()
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        auto *dialog = qobject_cast<PassphraseDialog *>(widget);
        if (dialog && dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

QByteArray fileBytes(const QString &path)
{
    QByteArray bytes;
    for (const QString &file : {path, path + QStringLiteral("-wal")}) {
        QFile f(file);
        if (f.open(QIODevice::ReadOnly))
            bytes += f.readAll();
    }
    return bytes;
}

} // namespace

class TestDeskEncryption : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    QTemporaryDir m_home;

    DeskShell::Options options(const QString &data)
    {
        DeskShell::Options o =
            deskOptions(m_server->baseUrl(), QStringLiteral("clerk"), m_home.filePath(data));
        qunsetenv("REGIONDESK_CACHE_PASSPHRASE"); // the user types it here
        return o;
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

    void passphraseChosenOnceThenAskedAtEachStart()
    {
        QSettings s(m_home.filePath(QStringLiteral("chosen.ini")), QSettings::IniFormat);
        const DeskShell::Options o = options(QStringLiteral("chosen"));
        QString path;
        QString text;
        {
            DeskShell shell(s, o);
            path = shell.cachePathFor(o.server, o.login);
            QSignalSpy opened(&shell, &DeskShell::deskOpened);
            shell.start();
            QTRY_VERIFY(shownPassphraseDialog());
            PassphraseDialog *dialog = shownPassphraseDialog();
            auto *edit = child<QLineEdit>(dialog, "passphraseEdit");
            auto *again = child<QLineEdit>(dialog, "passphraseRepeatEdit");
            auto *ok = child<QPushButton>(dialog, "passphraseOkButton");
            QVERIFY(again); // choosing: asked twice
            QCOMPARE(edit->accessibleName(), QStringLiteral("Passphrase"));
            edit->setText(QStringLiteral("short"));
            again->setText(QStringLiteral("short"));
            QVERIFY(!ok->isEnabled()); // fewer than 8 characters
            edit->setText(Passphrase);
            again->setText(Passphrase + QLatin1Char('!'));
            QVERIFY(!ok->isEnabled()); // the two differ
            QVERIFY(child<QLabel>(dialog, "passphraseMessage")->isVisible());
            again->setText(Passphrase);
            QVERIFY(ok->isEnabled());
            ok->click(); // the desk may open before click() returns
            QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 15000);
            QTRY_VERIFY_WITH_TIMEOUT(shell.cache()->complaints().count() > 0, 30000);
            QVERIFY(shell.cache()->isEncrypted());
            const QList<ComplaintRow> rows = shell.cache()->queue().page(QueueQuery{}, 0, 5);
            QVERIFY(!rows.isEmpty());
            text = shell.cache()->complaints().complaint(rows.first().id)->text;
        }
        QCOMPARE(sqlite::fileKind(path), sqlite::FileKind::NotPlain);
        QVERIFY(QFile::exists(CacheKeys::saltPath(path)));
        QVERIFY(text.size() > 10);
        QVERIFY(!fileBytes(path).contains(text.toUtf8()));
        const QString photos = DeskShell::photoCachePathFor(path);
        QVERIFY(sqlite::fileKind(photos) != sqlite::FileKind::Plain);

        // The next start asks once; a wrong passphrase stays in the dialog.
        const QByteArray before = test::fileHash(path);
        DeskShell shell(s, o);
        QSignalSpy opened(&shell, &DeskShell::deskOpened);
        shell.start();
        QTRY_VERIFY(shownPassphraseDialog());
        PassphraseDialog *dialog = shownPassphraseDialog();
        QVERIFY(!dialog->findChild<QLineEdit *>(QStringLiteral("passphraseRepeatEdit")));
        child<QLineEdit>(dialog, "passphraseEdit")->setText(QStringLiteral("not the passphrase"));
        child<QPushButton>(dialog, "passphraseOkButton")->click();
        QTRY_VERIFY(child<QLabel>(dialog, "passphraseMessage")
                        ->text()
                        .contains(QStringLiteral("does not unlock")));
        QVERIFY(dialog->isVisible());
        QCOMPARE(opened.count(), 0);
        QCOMPARE(test::fileHash(path), before);
        child<QLineEdit>(dialog, "passphraseEdit")->setText(Passphrase);
        child<QPushButton>(dialog, "passphraseOkButton")->click();
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 15000);
        QVERIFY(shell.cache()->complaints().count() > 0);
    }

    void cancellingLeavesTheCacheLocked()
    {
        QSettings s(m_home.filePath(QStringLiteral("cancel.ini")), QSettings::IniFormat);
        const DeskShell::Options o = options(QStringLiteral("cancel"));
        DeskShell shell(s, o);
        QSignalSpy opened(&shell, &DeskShell::deskOpened);
        shell.start();
        QTRY_VERIFY(shownPassphraseDialog());
        shownPassphraseDialog()->reject();
        QTRY_VERIFY(shell.signInDialog() && shell.signInDialog()->isVisible());
        QVERIFY(child<QLabel>(shell.signInDialog(), "signInMessage")
                    ->text()
                    .contains(QStringLiteral("locked")));
        QCOMPARE(opened.count(), 0);
        QVERIFY(!shell.cache());
        QVERIFY(!QFile::exists(shell.cachePathFor(o.server, o.login))); // nothing written
    }

    // A cache of an earlier version, plain: encrypted in place on a worker
    // with a progress dialog, the clerk's draft still there.
    void plainCacheIsEncryptedWithItsDrafts()
    {
        QSettings s(m_home.filePath(QStringLiteral("plain.ini")), QSettings::IniFormat);
        DeskShell::Options o = options(QStringLiteral("plain"));
        qputenv("REGIONDESK_CACHE_PASSPHRASE", Passphrase.toUtf8());
        QString path;
        {
            DeskShell probe(s, o);
            path = probe.cachePathFor(o.server, o.login);
        }
        QDir().mkpath(QFileInfo(path).absolutePath());
        {
            auto plain = LocalCache::open(path);
            QList<Complaint> many;
            for (int id = 900001; id <= 905000; ++id)
                many.append(test::makeComplaint(id));
            plain->complaints().upsert(many);
            Draft draft;
            draft.complaintId = 900001;
            draft.kind = QStringLiteral("solve");
            draft.text = QStringLiteral("Черновик до шифрования");
            draft.baseVersion = 1;
            draft.updatedAt = test::fixedNow();
            plain->drafts().save(draft);
        }
        QCOMPARE(sqlite::fileKind(path), sqlite::FileKind::Plain);
        DeskShell shell(s, o);
        QSignalSpy opened(&shell, &DeskShell::deskOpened);
        bool sawProgress = false;
        QTimer watch;
        connect(&watch, &QTimer::timeout, this, [&] {
            for (QWidget *widget : QApplication::topLevelWidgets())
                if (qobject_cast<QProgressDialog *>(widget) && widget->isVisible())
                    sawProgress = true;
        });
        watch.start(1);
        shell.start();
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 30000);
        watch.stop();
        QVERIFY(sawProgress);
        QCOMPARE(sqlite::fileKind(path), sqlite::FileKind::NotPlain);
        QVERIFY(shell.cache()->isEncrypted());
        QCOMPARE(shell.cache()->drafts().draft(900001)->text,
                 QStringLiteral("Черновик до шифрования"));
        qunsetenv("REGIONDESK_CACHE_PASSPHRASE");
    }
};

QTEST_MAIN(TestDeskEncryption)
#include "tst_deskencryption.moc"
