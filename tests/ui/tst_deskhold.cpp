// The desk's hold before sending and the reversal of a sent decision, as a
// moderator meets them, against the real reference server: a publication
// waits its hold with a countdown in the status bar (the desk's clock is
// moved, not waited for), Ctrl+Z takes it back and nothing reaches the
// server, Send now sends it, and once sent Undo says why it cannot and
// points to Return to moderation, which then reverses the publication
// through the server with a reason the history keeps. Also the hold's menu
// (kept in the settings, locked by the administrator) and the countdown's
// words.

#include "DeskSettings.h"
#include "DeskShell.h"
#include "DeskStatusBar.h"
#include "DeskTestSupport.h"
#include "DeskWindow.h"
#include "LocalCache.h"
#include "QueueModel.h"
#include "SyncController.h"
#include "TestServer.h"
#include "TestSupport.h"

#include <QAction>
#include <QApplication>
#include <QJsonArray>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>

using namespace rd;
using namespace rd::test;

class TestDeskHold : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    QTemporaryDir m_home;
    ShiftedClock m_clock; // the desk's: moved to make hold time pass

    std::unique_ptr<DeskShell> openSynced(QSettings &s, const QString &login)
    {
        DeskShell::Options options = deskOptions(m_server->baseUrl(), login,
                                                 m_home.filePath(QStringLiteral("data-") + login));
        options.clock = &m_clock;
        return openSyncedShell(s, options);
    }

    QJsonArray serverHistory(qint64 id)
    {
        const QByteArray chief = m_server->signIn(QStringLiteral("chief"));
        return m_server->get(QStringLiteral("/api/v1/complaints/%1/history").arg(id), chief)
            .json()
            .value(QStringLiteral("entries"))
            .toArray();
    }
    int serverCount(qint64 id, const QString &action)
    {
        int n = 0;
        for (const QJsonValue &e : serverHistory(id))
            n += e.toObject().value(QStringLiteral("action")).toString() == action ? 1 : 0;
        return n;
    }
    QString serverState(qint64 id)
    {
        const QByteArray chief = m_server->signIn(QStringLiteral("chief"));
        return m_server->complaint(id, chief).value(QStringLiteral("state")).toString();
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

    void countdownWords()
    {
        QCOMPARE(DeskStatusBar::holdText(1, 12), QStringLiteral("Sending in 12 s — Ctrl+Z undoes"));
        const QString several = DeskStatusBar::holdText(3, 5);
        QVERIFY2(several.contains(QLatin1String("3 action")) &&
                     several.contains(QLatin1String("the first in 5 s")) &&
                     several.endsWith(QLatin1String("Ctrl+Z undoes the last")),
                 qPrintable(several));
        QCOMPARE(DeskStatusBar::holdText(1, 0), QStringLiteral("Sending…"));
    }

    // The status bar on its own: hidden with nothing held; counting down each
    // second without moving what stands beside it; Send now says so.
    void statusBarCountsDownInPlace()
    {
        ManualClock clock(test::fixedNow());
        DeskStatusBar bar;
        bar.setClock(clock);
        bar.resize(1366, 30);
        bar.show();
        auto *label = child<QLabel>(&bar, "holdStatus");
        auto *sendNow = child<QToolButton>(&bar, "sendNowButton");
        auto *outbox = child<QToolButton>(&bar, "outboxStatus");
        SyncStatus status;
        status.pendingActions = 1;
        bar.showSync(status, true);
        QVERIFY(label->isHidden() && sendNow->isHidden());

        status.heldActions = 1;
        status.holdFirstRelease = clock.now().addSecs(10);
        status.holdLastRelease = status.holdFirstRelease;
        bar.showSync(status, true);
        QVERIFY(!label->isHidden() && !sendNow->isHidden());
        QCOMPARE(label->text(), QStringLiteral("Sending in 10 s — Ctrl+Z undoes"));
        QTest::qWait(50); // laid out
        const int outboxX = outbox->x();
        const int labelWidth = label->width();
        clock.advance(1);
        QTRY_COMPARE(label->text(), QStringLiteral("Sending in 9 s — Ctrl+Z undoes"));
        QTest::qWait(50);
        QCOMPARE(label->width(), labelWidth);
        QCOMPARE(outbox->x(), outboxX);
        clock.advance(9);
        QTRY_COMPARE(label->text(), QStringLiteral("Sending…"));

        QSignalSpy clicked(&bar, &DeskStatusBar::sendNowClicked);
        sendNow->click();
        QCOMPARE(clicked.size(), 1);
        status.heldActions = 0;
        bar.showSync(status, true);
        QVERIFY(label->isHidden() && sendNow->isHidden());
    }

    void moderatorHoldsUndoesSendsAndReturnsToModeration()
    {
        QSettings s(m_home.filePath(QStringLiteral("moderator.ini")), QSettings::IniFormat);
        s.setValue(QStringLiteral("desk/confirmModeration"), false);
        s.setValue(QStringLiteral("sync/holdSeconds"), 60);
        auto shell = openSynced(s, QStringLiteral("moderator"));
        QVERIFY(shell);
        DeskWindow *window = shell->window();
        window->selectQueue(DeskQueue::Incoming);
        auto *table = child<QTableView>(window, "queueTable");
        table->setFocus();
        const qint64 id = window->currentComplaintId();
        QVERIFY(id > 0);
        auto *label = child<QLabel>(window, "holdStatus");
        auto *undo = child<QAction>(window, "undoAction");

        // P: held a minute, counted down in the status bar.
        QTest::keyClick(window, Qt::Key_P);
        QCOMPARE(shell->cache()->outbox().count(), 1);
        const OutboxAction queued = shell->cache()->outbox().all().first();
        QCOMPARE(queued.nextAttemptAt, queued.createdAt.addSecs(60));
        QTRY_VERIFY(label->isVisible());
        QTRY_COMPARE(label->text(), QStringLiteral("Sending in 60 s — Ctrl+Z undoes"));
        QVERIFY(child<QToolButton>(window, "sendNowButton")->isVisible());
        QVERIFY(undo->isEnabled());
        m_clock.advance(5);
        QTRY_COMPARE(label->text(), QStringLiteral("Sending in 55 s — Ctrl+Z undoes"));
        QVERIFY(syncOnce(*shell)); // a run during the hold sends nothing
        QCOMPARE(shell->cache()->outbox().count(), 1);
        QCOMPARE(serverState(id), QStringLiteral("moderation"));

        // Ctrl+Z during the hold: taken back, nothing reaches the server.
        QTest::keyClick(window, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(shell->cache()->outbox().count(), 0);
        QTRY_VERIFY(!label->isVisible());
        m_clock.advance(120);
        QVERIFY(syncOnce(*shell));
        QCOMPARE(serverState(id), QStringLiteral("moderation"));
        QCOMPARE(serverCount(id, QStringLiteral("publish")), 0);

        // Again, and Send now: sent at once.
        QCOMPARE(window->currentComplaintId(), id);
        QTest::keyClick(window, Qt::Key_P);
        QTRY_VERIFY(label->isVisible());
        QTest::mouseClick(child<QToolButton>(window, "sendNowButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(serverState(id), QStringLiteral("published"), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(shell->cache()->outbox().count(), 0, 30000);
        // Sent: Undo says why it cannot, and what does.
        QTRY_VERIFY(!undo->isEnabled());
        QCOMPARE(undo->text(), QStringLiteral("&Undo: already sent"));
        QVERIFY2(undo->toolTip().contains(QStringLiteral("Return to moderation")),
                 qPrintable(undo->toolTip()));
        window->statusBar()->clearMessage();
        QTest::keyClick(window, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY2(window->statusBar()->currentMessage().contains(
                     QStringLiteral("No. %1 is already sent").arg(id)),
                 qPrintable(window->statusBar()->currentMessage()));
        QCOMPARE(serverState(id), QStringLiteral("published"));

        // The hold is set in Edit ▸ Hold before sending, and kept.
        auto *holdMenu = child<QMenu>(window, "holdMenu");
        QVERIFY(child<QAction>(window, "hold_60")->isChecked());
        child<QAction>(window, "hold_0")->trigger();
        QCOMPARE(s.value(QStringLiteral("sync/holdSeconds")).toInt(), 0);
        QVERIFY(holdMenu->isEnabled());

        // M on the published complaint: the reason, what will happen, and
        // through the outbox to the server.
        window->selectQueue(DeskQueue::All);
        window->openComplaint(id);
        QCOMPARE(window->currentComplaintId(), id);
        QCOMPARE(shell->cache()->complaints().complaint(id)->state, ComplaintState::Published);
        auto *returnAction = child<QAction>(window, "returnToModerationAction");
        QVERIFY(returnAction->isEnabled());
        QVERIFY(!child<QAction>(window, "publishAction")->isEnabled());
        QTest::keyClick(window, Qt::Key_M);
        auto *reason = child<QPlainTextEdit>(window, "returnReason");
        QVERIFY(reason->hasFocus());
        QVERIFY(child<QLabel>(window, "returnEffect")->text().contains(QStringLiteral("public")));
        // Too short a reason: said, nothing queued.
        reason->insertPlainText(QStringLiteral("ой"));
        QTest::keyClick(reason, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(shell->cache()->outbox().count(), 0);
        QVERIFY2(window->statusBar()->currentMessage().contains(QStringLiteral("3 to 2000")),
                 qPrintable(window->statusBar()->currentMessage()));
        reason->clear();
        const QString why = QStringLiteral("Опубликована по ошибке: адрес в другом районе.");
        reason->insertPlainText(why);
        QString asked;
        QTimer::singleShot(0, [&asked] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            asked = box->text();
            box->button(QMessageBox::Yes)->click();
        });
        // Asked even with the confirmation of moderation actions off.
        QTest::keyClick(reason, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY2(asked.startsWith(QStringLiteral("Return complaint No. %1 to moderation?").arg(id)),
                 qPrintable(asked));
        QVERIFY(asked.contains(why));
        QVERIFY(asked.contains(QStringLiteral("no longer public")));
        const OutboxAction returned = shell->cache()->outbox().all().last();
        QCOMPARE(returned.action, QStringLiteral("return_to_moderation"));
        QVERIFY(!returned.nextAttemptAt.isValid()); // the hold is 0 now
        QVERIFY(syncOnce(*shell));
        QCOMPARE(serverState(id), QStringLiteral("moderation"));
        const QJsonObject entry = serverHistory(id).last().toObject();
        QCOMPARE(entry.value(QStringLiteral("action")).toString(),
                 QStringLiteral("return_to_moderation"));
        QCOMPARE(entry.value(QStringLiteral("comment")).toString(), why);
        QCOMPARE(entry.value(QStringLiteral("old")).toString(), QStringLiteral("published"));
        QTRY_COMPARE(shell->cache()->complaints().complaint(id)->state, ComplaintState::Moderation);

        // The desk's history shows it in words, with the reason.
        window->selectQueue(DeskQueue::Incoming);
        window->openComplaint(id);
        auto *history = child<QTreeWidget>(window, "historyTree");
        const auto shown = [&] {
            for (int i = 0; i < history->topLevelItemCount(); ++i) {
                const QTreeWidgetItem *item = history->topLevelItem(i);
                if (item->text(2) == QLatin1String("returned to moderation") &&
                    item->text(3) == why && item->childCount() == 2 &&
                    item->child(0)->text(3) == QueueModel::stateName(ComplaintState::Published))
                    return true;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(shown(), 15000);

        // The administrator's lock disables the hold's menu.
        window->setAdminLocks({DeskSettings::Key::SendHold}, {QStringLiteral("test")});
        QVERIFY(!holdMenu->isEnabled());
        window->close();
    }
};

QTEST_MAIN(TestDeskHold)
#include "tst_deskhold.moc"
