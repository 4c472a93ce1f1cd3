// Bulk work in the real window (issue 23), a moderator against the
// reference server: three complaints chosen with Shift+↓, rejected with one
// standard reason through Complaint ▸ For the selected; each gets an
// outbox action of its own; the one with the moderator's draft is left
// out with the reason; all taken back while held (nothing reaches the
// server), then queued again and sent, each rejected on the server; and
// the result dialog tells a refusal from a conflict by the outbox row.

#include "BulkDialog.h"
#include "BulkResultDialog.h"
#include "DeskQueues.h"
#include "DeskShell.h"
#include "DeskTestSupport.h"
#include "DeskWindow.h"
#include "LocalCache.h"
#include "QueueModel.h"
#include "SyncController.h"
#include "TestServer.h"

#include <QAction>
#include <QApplication>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace rd;
using namespace rd::test;

class TestDeskBulk : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    QTemporaryDir m_home;

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

    void chosenRejectedTakenBackAndSent()
    {
        QSettings s(m_home.filePath(QStringLiteral("desk.ini")), QSettings::IniFormat);
        auto shell =
            openSyncedShell(s, deskOptions(m_server->baseUrl(), QStringLiteral("moderator"),
                                           m_home.filePath(QStringLiteral("data"))));
        QVERIFY(shell);
        DeskWindow *w = shell->window();
        w->resize(1366, 768);
        w->show();
        w->selectQueue(DeskQueue::Incoming);
        auto *table = w->findChild<QTableView *>(QStringLiteral("queueTable"));
        QVERIFY(table->model()->rowCount() >= 4);
        table->setFocus();
        table->selectRow(0);
        QTest::keyClick(table, Qt::Key_Down, Qt::ShiftModifier);
        QTest::keyClick(table, Qt::Key_Down, Qt::ShiftModifier);
        const QList<qint64> chosen = w->selectedIds();
        QCOMPARE(chosen.size(), 3);
        // A sync reads the queue again: the three stay chosen.
        w->reloadQueue();
        QCOMPARE(w->selectedIds(), chosen);
        // The moderator has a draft note for one of them: that one is left out.
        Draft draft;
        draft.complaintId = chosen[1];
        draft.kind = QStringLiteral("note");
        draft.text = QStringLiteral("Проверить на месте");
        draft.baseVersion = shell->cache()->complaints().complaint(chosen[1])->version;
        draft.updatedAt = QDateTime::currentDateTimeUtc();
        shell->cache()->drafts().save(draft);

        // Through the menu's dialog: a standard reason for all.
        whenShown<BulkDialog>([](BulkDialog *d) {
            QVERIFY(!d->problem().isEmpty()); // no reason yet: OK says so
            d->setRejectReason(1);
            d->accept();
        });
        w->findChild<QAction *>(QStringLiteral("bulk:reject"))->trigger();
        BulkResultDialog *result = nullptr;
        QTRY_VERIFY((result = w->findChild<BulkResultDialog *>()) != nullptr);
        QCOMPARE(result->count(BulkResultDialog::Fate::Waiting), 2); // held for Undo
        QCOMPARE(result->count(BulkResultDialog::Fate::LeftOut), 1);
        QCOMPARE(shell->cache()->outbox().forComplaint(chosen[0]).size(), 1);
        QCOMPARE(shell->cache()->outbox().forComplaint(chosen[1]).size(), 0);
        const QString key0 =
            shell->cache()->outbox().forComplaint(chosen[0]).first().idempotencyKey;
        QVERIFY(key0 != shell->cache()->outbox().forComplaint(chosen[2]).first().idempotencyKey);

        // Taken back while held: nothing reaches the server, and Undo does
        // not take them for sent.
        result->findChild<QPushButton *>(QStringLiteral("bulkTakeBack"))->click();
        QCOMPARE(result->count(BulkResultDialog::Fate::TakenBack), 2);
        QVERIFY(shell->cache()->outbox().all().isEmpty());
        auto *undo = w->findChild<QAction *>(QStringLiteral("undoAction"));
        QVERIFY2(!undo->isEnabled() && !undo->text().contains(QLatin1String("already sent")),
                 qPrintable(undo->text()));
        QVERIFY(syncOnce(*shell));
        QCOMPARE(serverState(chosen[0]), QStringLiteral("moderation"));

        // Ctrl+Z takes back the whole of a bulk action, and the dialog says so.
        shell->cache()->drafts().discard(chosen[1]);
        BulkDialog again(QStringLiteral("note"), shell->cache()->catalogue().load(), 3,
                         QDate::currentDate(), QStringLiteral("moderator"));
        again.setText(QStringLiteral("Проверено по обращению {number}"));
        result = w->runBulk(QStringLiteral("note"), chosen, again.fieldsFor());
        QCOMPARE(result->count(BulkResultDialog::Fate::Waiting), 3);
        QVERIFY(undo->isEnabled());
        undo->trigger();
        QCOMPARE(result->count(BulkResultDialog::Fate::TakenBack), 3);
        QVERIFY(shell->cache()->outbox().all().isEmpty());
        QVERIFY(!shell->cache()->drafts().draft(chosen[0])); // the bulk text is no one's draft

        // Queued again and sent now: each rejected on the server.
        BulkDialog dialog(QStringLiteral("reject"), shell->cache()->catalogue().load(), 3,
                          QDate::currentDate(), QStringLiteral("moderator"));
        dialog.setText(QStringLiteral("Не относится к компетенции службы"));
        QVERIFY(dialog.problem().isEmpty());
        result = w->runBulk(QStringLiteral("reject"), chosen, dialog.fieldsFor());
        QVERIFY(result);
        QCOMPARE(result->count(BulkResultDialog::Fate::Waiting), 3);
        w->findChild<QAction *>(QStringLiteral("sendHeldNowAction"))->trigger();
        QVERIFY(syncOnce(*shell));
        QTRY_COMPARE(result->count(BulkResultDialog::Fate::Sent), 3);
        for (const qint64 id : chosen)
            QCOMPARE(serverState(id), QStringLiteral("rejected"));

        // What the result says of a refusal and a conflict: the outbox row's.
        const QList<qint64> next{w->findChild<QueueModel *>()
                                     ->index(0, 0)
                                     .data(QueueModel::ComplaintIdRole)
                                     .toLongLong()};
        result = w->runBulk(QStringLiteral("reject"), next, dialog.fieldsFor());
        QCOMPARE(result->count(BulkResultDialog::Fate::Waiting), 1);
        OutboxAction row = shell->cache()->outbox().forComplaint(next[0]).first();
        row.status = OutboxStatus::Failed;
        row.lastError = QStringLiteral("reason_code: unknown");
        shell->cache()->outbox().update(row);
        result->refresh();
        QCOMPARE(result->count(BulkResultDialog::Fate::Refused), 1);
        row.status = OutboxStatus::Conflict;
        shell->cache()->outbox().update(row);
        result->refresh();
        QCOMPARE(result->count(BulkResultDialog::Fate::Conflict), 1);
        shell->cache()->outbox().remove(row.seq);
        w->setAskBeforeClosing(false);
    }

    // Select all in the queue: every complaint the queue and its filters
    // hold, not only the rows loaded.
    void selectAllTakesTheWholeQueue()
    {
        QSettings s(m_home.filePath(QStringLiteral("desk2.ini")), QSettings::IniFormat);
        auto shell =
            openSyncedShell(s, deskOptions(m_server->baseUrl(), QStringLiteral("moderator"),
                                           m_home.filePath(QStringLiteral("data2"))));
        QVERIFY(shell);
        DeskWindow *w = shell->window();
        w->selectQueue(DeskQueue::All);
        w->selectAllMatching();
        const auto *model = w->findChild<QueueModel *>();
        QCOMPARE(w->selectedIds().size(), int(shell->cache()->queue().count(model->query())));
        QVERIFY(w->selectedIds().size() >= 300 - 10);
        // Another queue: what was all of the last one is not chosen here.
        w->selectQueue(DeskQueue::Incoming);
        QVERIFY(w->selectedIds().size() <= 1);
        w->selectQueue(DeskQueue::All);
        w->selectAllMatching();
        // Choosing a row again ends it.
        w->findChild<QTableView *>(QStringLiteral("queueTable"))->selectRow(2);
        QCOMPARE(w->selectedIds().size(), 1);
    }
};

QTEST_MAIN(TestDeskBulk)
#include "tst_deskbulk.moc"
