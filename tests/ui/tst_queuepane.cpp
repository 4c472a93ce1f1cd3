// A queue the cache cannot read is said so where the queue is, with what to
// do, and never shown as an empty queue (QueueModel::error, QueuePane).

#include "LocalCache.h"
#include "QueueModel.h"
#include "QueuePane.h"
#include "TestSupport.h"
#include "sqlite/Database.h"

#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace rd;

class TestQueuePane : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path() const { return m_dir.filePath(QStringLiteral("cache.sqlite")); }
    // Another program (or damage) takes the complaints table away, and back.
    void breakCache(bool broken)
    {
        sqlite::Database other(path(), sqlite::Database::OpenMode::ReadWrite);
        other.exec(broken ? QStringLiteral("ALTER TABLE complaints RENAME TO complaints_away")
                          : QStringLiteral("ALTER TABLE complaints_away RENAME TO complaints"));
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void anUnreadableQueueIsNotAnEmptyOne()
    {
        auto cache = LocalCache::open(path());
        cache->complaints().upsert(test::demoComplaints(40, 3));
        QueueModel model(cache->queue(), cache->catalogue().load());
        QueuePane pane(&model);
        pane.resize(900, 500);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        auto *problem = pane.findChild<QWidget *>(QStringLiteral("queueProblem"));
        auto *text = pane.findChild<QLabel *>(QStringLiteral("queueProblemText"));
        auto *retry = pane.findChild<QPushButton *>(QStringLiteral("queueRetry"));
        QVERIFY(problem && text && retry);
        QCOMPARE(model.rowCount(), 40);
        QVERIFY(model.error().isEmpty());
        QVERIFY(!problem->isVisible());
        QVERIFY(pane.table()->isVisible());

        QSignalSpy changed(&model, &QueueModel::errorChanged);
        breakCache(true);
        model.reload();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(changed.size(), 1);
        QVERIFY(!model.error().isEmpty());
        QVERIFY2(model.error().contains(QDir::toNativeSeparators(path())),
                 qPrintable(model.error())); // names the file
        QVERIFY(problem->isVisible());
        QVERIFY(!pane.table()->isVisible());
        QCOMPARE(text->text(), model.error());
        QCOMPARE(problem->accessibleDescription(), model.error());

        // Once the cache reads again, "Try again" brings the queue back.
        breakCache(false);
        retry->click();
        QCOMPARE(model.rowCount(), 40);
        QVERIFY(model.error().isEmpty());
        QCOMPARE(changed.size(), 2);
        QVERIFY(!problem->isVisible());
        QVERIFY(pane.table()->isVisible());
    }
};

QTEST_MAIN(TestQueuePane)
#include "tst_queuepane.moc"
