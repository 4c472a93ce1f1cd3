// scripts/bench desk: the desk window on a cache of 100 000 demo complaints
// (DESIGN.md §6): cold start to an interactive queue ≤ 400 ms; a search or
// filter keystroke ≤ 30 ms; switching queues and sorting under the same
// keystroke budget. Drives the real widgets offscreen; each figure includes
// the repaint of the table.

#include "BenchReport.h"
#include "BulkResultDialog.h"
#include "DemoCache.h"
#include "DemoGenerator.h"
#include "DeskWindow.h"
#include "FilterBar.h"
#include "LocalCache.h"
#include "QueueModel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>

using namespace rd;
using rd::bench::atScale;
using rd::bench::BenchReport;
using rd::bench::elapsedMs;
using rd::bench::sized;

namespace {

// Until the window has handled what is queued and the table is painted.
void settle(QWidget *table)
{
    QCoreApplication::processEvents();
    table->repaint();
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int count = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 100'000;
    BenchReport report("desk", count);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    QElapsedTimer timer;
    timer.start();
    rd::bench::fillDemoCache(path, count);
    report.note(QStringLiteral("%1 demo complaints cached in %2 s")
                    .arg(count)
                    .arg(elapsedMs(timer) / 1000, 0, 'f', 1));
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    UserInfo clerk;
    clerk.login = QStringLiteral("clerk");
    clerk.role = Role::Clerk;
    clerk.agencyId = 1;

    // Cold start: open the cache, build the window, show the first queue.
    timer.restart();
    auto cache = LocalCache::open(path);
    auto window = std::make_unique<DeskWindow>(*cache, settings);
    window->resize(1366, 768);
    window->setUser(clerk, false);
    window->show();
    auto *table = window->findChild<QTableView *>(QStringLiteral("queueTable"));
    settle(table);
    const double cold = elapsedMs(timer);
    report.note(QStringLiteral("first queue: %1 rows").arg(table->model()->rowCount()));
    report.figure(sized("cold_start", count), cold, "ms", 400);

    // Search as you type (Cyrillic, full text), one keystroke at a time.
    auto *filter = window->findChild<FilterBar *>(QStringLiteral("filterBar"));
    filter->setTypingDelay(0);
    window->selectQueue(DeskQueue::All);
    settle(table);
    auto *search = window->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    search->setFocus();
    double worstKey = 0;
    const QString typed = QStringLiteral("ленина яма");
    for (const QChar c : typed) {
        timer.restart();
        QKeyEvent press(QEvent::KeyPress, Qt::Key_unknown, Qt::NoModifier, QString(c));
        QCoreApplication::sendEvent(search, &press);
        settle(table);
        const double ms = elapsedMs(timer);
        worstKey = std::max(worstKey, ms);
    }
    report.note(QStringLiteral("\"%1\": %2 rows").arg(typed).arg(table->model()->rowCount()));
    report.figure(sized("search_keystroke", count), worstKey, "ms", 30);
    search->clear();
    settle(table);

    // Switching queues (each with its own query and count refresh pending).
    auto *queues = window->findChild<QListWidget *>(QStringLiteral("queueList"));
    // Every queue twice (the second time with warm pages); the worst, and which.
    const auto switchAll = [&](QString *slowest) {
        double worst = 0;
        for (int round = 0; round < 2; ++round) {
            for (int row = 0; row < queues->count(); ++row) {
                timer.restart();
                queues->setCurrentRow(row);
                settle(table);
                const double ms = elapsedMs(timer);
                if (ms > worst) {
                    worst = ms;
                    *slowest = queues->item(row)->data(Qt::UserRole + 1).toString();
                }
            }
        }
        return worst;
    };
    QString worstQueue;
    const double worstSwitch = switchAll(&worstQueue);
    report.note(QStringLiteral("slowest queue switch: %1").arg(worstQueue));
    report.figure(sized("queue_switch", count), worstSwitch, "ms", atScale(count, 30, 50));

    // Sorting the whole cache by each column, both ways.
    window->selectQueue(DeskQueue::All);
    settle(table);
    double worstSort = 0;
    QString worstColumn;
    for (int column = 0; column < table->model()->columnCount(); ++column) {
        for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            timer.restart();
            table->horizontalHeader()->setSortIndicator(column, order);
            settle(table);
            const double ms = elapsedMs(timer);
            if (ms > worstSort) {
                worstSort = ms;
                worstColumn = QStringLiteral("%1 %2").arg(
                    table->model()->headerData(column, Qt::Horizontal).toString(),
                    order == Qt::AscendingOrder ? QStringLiteral("asc") : QStringLiteral("desc"));
            }
        }
    }
    report.note(QStringLiteral("slowest sort: %1").arg(worstColumn));
    report.figure(sized("sort", count), worstSort, "ms", atScale(count, 30, 50));

    // The live counts of every queue (after each sync and action).
    timer.restart();
    window->refreshCounts();
    report.figure(sized("queue_counts", count), elapsedMs(timer), "ms", atScale(count, 30, 50));

    // A moderator's queues: incoming and the possible duplicates (a
    // neighbour search for every complaint awaiting moderation).
    UserInfo moderator;
    moderator.login = QStringLiteral("moderator");
    moderator.role = Role::Moderator;
    window->setUser(moderator, false);
    settle(table);
    const double worstModerator = switchAll(&worstQueue);
    report.note(QStringLiteral("slowest moderator queue switch: %1").arg(worstQueue));
    report.figure(sized("queue_switch_moderator", count), worstModerator, "ms",
                  atScale(count, 30, 50));
    // The possible duplicates with the original each likely repeats, for a
    // screenful of rows (looked up as they are painted).
    window->selectQueue(DeskQueue::SuspectedDuplicates);
    settle(table);
    timer.restart();
    int named = 0;
    for (int row = 0; row < qMin(30, table->model()->rowCount()); ++row)
        named +=
            table->model()->index(row, QueueModel::StateColumn).data().toString().isEmpty() ? 0 : 1;
    report.note(
        QStringLiteral("possible duplicates naming an original: %1 of the first 30").arg(named));
    report.figure(sized("duplicates_screenful", count), elapsedMs(timer), "ms",
                  atScale(count, 30, 50));
    timer.restart();
    window->refreshCounts();
    report.figure(sized("queue_counts_moderator", count), elapsedMs(timer), "ms",
                  atScale(count, 30, 50));
    // Bulk work: 500 complaints awaiting moderation rejected at once (each
    // its own outbox row and key, in one transaction), the window back.
    window->selectQueue(DeskQueue::Incoming);
    settle(table);
    const QList<qint64> chosen =
        cache->queue().ids(window->findChild<QueueModel *>()->query()).mid(0, 500);
    timer.restart();
    BulkResultDialog *bulk =
        window->runBulk(QStringLiteral("reject"), chosen, [](const rd::Complaint &) {
            return rd::succeeded(QJsonObject{{QStringLiteral("reason"), QStringLiteral("Спам")}});
        });
    settle(table);
    const double bulkMs = elapsedMs(timer);
    report.note(QStringLiteral("bulk: %1 queued, %2 left out")
                    .arg(bulk ? bulk->count(BulkResultDialog::Fate::Waiting) : 0)
                    .arg(bulk ? bulk->count(BulkResultDialog::Fate::LeftOut) : 0));
    report.figure(sized("bulk_500", count), bulkMs, "ms", 1000);
    window->setAskBeforeClosing(false);
    window->close();
    return report.exitCode();
}
