// Saved searches (issue 23, "Also"): the filter bar's conditions over a
// queue, named, kept in the account's cache as the JSON the desk reads back
// (and skips, when a stored entry does not read); in the real window
// against the reference server: saved through Edit ▸ Save the filters as a
// queue by keyboard, listed under "My queues" with its live count, chosen
// to put its filters back, left to clear them, kept across a restart,
// renamed and removed.

#include "DeskQueues.h"
#include "DeskSettings.h"
#include "DeskShell.h"
#include "DeskTestSupport.h"
#include "DeskWindow.h"
#include "FilterBar.h"
#include "LocalCache.h"
#include "QueueModel.h"
#include "SavedSearches.h"
#include "TestServer.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QInputDialog>
#include <QJsonArray>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace rd;
using namespace rd::test;

class TestSavedSearches : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    QTemporaryDir m_home;

    std::unique_ptr<DeskShell> open(QSettings &s)
    {
        auto shell = openSyncedShell(s, deskOptions(m_server->baseUrl(), QStringLiteral("clerk"),
                                                    m_home.filePath(QStringLiteral("data"))));
        if (shell) {
            shell->window()->resize(1366, 768);
            shell->window()->show();
        }
        return shell;
    }

    static QListWidgetItem *itemNamed(QListWidget *list, const QString &start)
    {
        for (int i = 0; i < list->count(); ++i) {
            if (list->item(i)->text().startsWith(start))
                return list->item(i);
        }
        return nullptr;
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

    void keptAsJson()
    {
        QueueFilters f;
        f.text = QStringLiteral("яма");
        f.categoryId = 2;
        f.agencyId = 1;
        f.state = ComplaintState::InProgress;
        f.dueFromDays = 0;
        f.dueToDays = 7;
        f.minVotes = 5;
        f.area = GeoBox{54.9, 73.2, 55.1, 73.5};
        f.polygon = {{54.9, 73.2}, {55.1, 73.2}, {55.0, 73.5}};
        const QList<SavedSearch> saved{{QStringLiteral("Ямы у школ"), QStringLiteral("all"), f},
                                       {QStringLiteral("Голоса"), QStringLiteral("overdue"), {}}};
        int skipped = -1;
        QCOMPARE(SavedSearches::fromJson(SavedSearches::toJson(saved), &skipped), saved);
        QCOMPARE(skipped, 0);
        // What does not read is left out and counted; the rest stays.
        const QByteArray mixed = R"([{"name": "ok", "queue": "all", "filters": {"min_votes": 3}},
            {"name": "", "queue": "all", "filters": {}},
            {"name": "ok", "queue": "all", "filters": {}},
            {"name": "state", "queue": "all", "filters": {"state": "lost"}},
            {"name": "votes", "queue": "all", "filters": {"min_votes": -1}},
            {"name": "half", "queue": "all", "filters": {"due_from_days": 1}},
            {"name": "box", "queue": "all", "filters": {"area": [1, 2]}},
            {"name": "two", "queue": "all", "filters": {"area": [1, 2, 3, 4], "polygon": [[1, 2], [3, 4]]}},
            {"name": "no queue", "filters": {}}, 7])";
        const QList<SavedSearch> read = SavedSearches::fromJson(mixed, &skipped);
        QCOMPARE(read.size(), 1);
        QCOMPARE(read.first().filters.minVotes, 3);
        QCOMPARE(skipped, 9);
        QVERIFY(SavedSearches::fromJson("not json", &skipped).isEmpty());
        QCOMPARE(skipped, 1);
        // A later desk's entry (a filter this one does not know) is kept as
        // it was when the list is written again.
        QJsonArray unread;
        const QByteArray later = R"([{"name": "ok", "queue": "all", "filters": {}},
            {"name": "later", "queue": "all", "filters": {"state": "clarification"}}])";
        QCOMPARE(SavedSearches::fromJson(later, &skipped, &unread).size(), 1);
        QCOMPARE(unread.size(), 1);
        const QByteArray again = SavedSearches::toJson({}, unread);
        QVERIFY(again.contains("clarification"));
    }

    void narrowsAsTheBarDoes()
    {
        const QDate today(2026, 3, 2);
        QueueQuery clerk;
        clerk.agencies = {1};
        clerk.states = {ComplaintState::Published, ComplaintState::InProgress};
        QueueFilters f;
        f.agencyId = 2; // another agency than the queue's: nothing
        QCOMPARE(narrowed(clerk, f, today).agencies, QList<int>{-1});
        f = {};
        f.state = ComplaintState::Rejected; // a state the queue does not hold: nothing
        QCOMPARE(narrowed(clerk, f, today).agencies, QList<int>{-1});
        f = {};
        f.dueFromDays = -1;
        f.dueToDays = 7; // kept as days from today, read on the day it is used
        const QueueQuery q = narrowed(clerk, f, today);
        QCOMPARE(q.dueFrom, QDate(2026, 3, 1));
        QCOMPARE(q.dueTo, QDate(2026, 3, 9));
        QCOMPARE(q.agencies, QList<int>{1});
    }

    void savedChosenLeftAndKept()
    {
        QSettings s(m_home.filePath(QStringLiteral("desk.ini")), QSettings::IniFormat);
        auto shell = open(s);
        QVERIFY(shell);
        DeskWindow *w = shell->window();
        auto *list = child<QListWidget>(w, "queueList");
        w->selectQueue(DeskQueue::All);
        auto *category = child<QComboBox>(w, "categoryFilter");
        auto *votes = child<QSpinBox>(w, "minVotesSpin");
        category->setCurrentIndex(1);
        votes->setValue(2);
        const QueueFilters filters = child<FilterBar>(w, "filterBar")->filters();
        const DeskQueueContext context{w->user().role, w->user().agencyId, QDate::currentDate(), 3};
        const int expected = int(shell->cache()->queue().count(
            narrowed(DeskQueues::query(DeskQueue::All, context), filters, QDate::currentDate())));
        QVERIFY(expected > 0);

        // Saved by keyboard: Ctrl+Shift+Q, the name typed, Return.
        whenShown<QInputDialog>([](QInputDialog *d) {
            auto *edit = d->findChild<QLineEdit *>();
            edit->selectAll();
            type(edit, QStringLiteral("Ямы с голосами"));
            QTest::keyClick(edit, Qt::Key_Return);
        });
        QTest::keyClick(w, Qt::Key_Q, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE(w->savedSearches().size(), 1);
        QListWidgetItem *item = itemNamed(list, QStringLiteral("Ямы с голосами"));
        QVERIFY(item);
        QCOMPARE(item->text(), QStringLiteral("Ямы с голосами  (%1)").arg(expected));
        QCOMPARE(list->currentItem(), item); // it is where the user is now
        QVERIFY(itemNamed(list, QStringLiteral("My queues")));
        QVERIFY(!(itemNamed(list, QStringLiteral("My queues"))->flags() & Qt::ItemIsSelectable));
        QCOMPARE(w->currentQueue(), DeskQueue::All);

        // Left for a built-in queue: its filters go; chosen again: they come back.
        w->selectQueue(DeskQueue::NewForAgency);
        QCOMPARE(category->currentIndex(), 0);
        QCOMPARE(votes->value(), 0);
        list->setCurrentItem(item);
        QCOMPARE(category->currentIndex(), 1);
        QCOMPARE(votes->value(), 2);
        QTRY_COMPARE(w->findChild<QueueModel *>()->rowCount(), expected);

        // With no filters there is nothing to save.
        w->selectQueue(DeskQueue::Overdue);
        whenShown<QMessageBox>([](QMessageBox *box) { box->accept(); });
        w->findChild<QAction *>(QStringLiteral("saveSearchAction"))->trigger();
        QCOMPARE(w->savedSearches().size(), 1);

        // Across a restart: kept, and chosen again where the user left it.
        list->setCurrentItem(itemNamed(list, QStringLiteral("Ямы с голосами")));
        shell.reset();
        shell = open(s);
        QVERIFY(shell);
        w = shell->window();
        list = child<QListWidget>(w, "queueList");
        QCOMPARE(w->savedSearches().size(), 1);
        QVERIFY(list->currentItem()->text().startsWith(QStringLiteral("Ямы с голосами")));
        QCOMPARE(child<QSpinBox>(w, "minVotesSpin")->value(), 2);

        // Renamed (F2), then removed (Delete, confirmed): back to its queue.
        list->setFocus();
        whenShown<QInputDialog>([](QInputDialog *d) {
            auto *edit = d->findChild<QLineEdit *>();
            edit->selectAll();
            type(edit, QStringLiteral("Мои ямы"));
            QTest::keyClick(edit, Qt::Key_Return);
        });
        QTest::keyClick(list, Qt::Key_F2);
        QTRY_COMPARE(w->savedSearches().first().name, QStringLiteral("Мои ямы"));
        QVERIFY(list->currentItem()->text().startsWith(QStringLiteral("Мои ямы")));
        whenShown<QMessageBox>([](QMessageBox *box) { box->button(QMessageBox::Yes)->click(); });
        QTest::keyClick(list, Qt::Key_Delete);
        QTRY_VERIFY(w->savedSearches().isEmpty());
        QVERIFY(!itemNamed(list, QStringLiteral("My queues")));
        QCOMPARE(w->currentQueue(), DeskQueue::All);
        QCOMPARE(child<QSpinBox>(w, "minVotesSpin")->value(), 0);
        QVERIFY(shell->cache()->drafts().savedSearches().isEmpty());
    }

    void anotherRolesQueuesAreNotListed()
    {
        QSettings s(m_home.filePath(QStringLiteral("desk2.ini")), QSettings::IniFormat);
        auto shell = open(s);
        QVERIFY(shell);
        DeskWindow *w = shell->window();
        QueueFilters f;
        f.minVotes = 1;
        // One for a queue a clerk has not (a moderator's): not listed.
        QVERIFY(w->saveSearchAs(QStringLiteral("Свои"), DeskQueue::All, f, false));
        QList<SavedSearch> saved = w->savedSearches();
        saved.append({QStringLiteral("Чужая"), DeskQueues::key(DeskQueue::Incoming), f});
        shell->cache()->drafts().setSavedSearches(saved);
        // A name too long is refused with a message, nothing saved.
        whenShown<QMessageBox>([](QMessageBox *box) { box->accept(); });
        QVERIFY(!w->saveSearchAs(QString(81, QLatin1Char('x')), DeskQueue::All, f, false));
        shell.reset();
        shell = open(s);
        QVERIFY(shell);
        auto *list = child<QListWidget>(shell->window(), "queueList");
        QVERIFY(itemNamed(list, QStringLiteral("Свои")));
        QVERIFY(!itemNamed(list, QStringLiteral("Чужая")));
    }
};

QTEST_MAIN(TestSavedSearches)
#include "tst_savedsearches.moc"
