// The cache window, driven by its object names as a user would.

#include "CacheWindow.h"
#include "DemoGenerator.h"
#include "LocalCache.h"
#include "QueueModel.h"
#include "TestSupport.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace rd;

namespace {

// Types text (any script) into a widget as key presses; QTest::keyClicks
// only knows Latin-1.
void typeText(QWidget *widget, const QString &text)
{
    for (const QChar c : text) {
        QTest::sendKeyEvent(QTest::Press, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
        QTest::sendKeyEvent(QTest::Release, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

} // namespace

class TestCacheWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalCache> m_cache;

private Q_SLOTS:
    void initTestCase()
    {
        m_cache = LocalCache::open(m_dir.filePath(QStringLiteral("cache.sqlite")));
        QList<Complaint> complaints = rd::test::demoComplaints(800, 11);
        complaints.append(
            rd::test::makeComplaint(5000, 1, QStringLiteral("Уникальная жалоба про ёжиков")));
        m_cache->complaints().upsert(complaints);
        m_cache->catalogue().replace(demo::DemoGenerator::catalogue());
    }

    void searchFiltersTheQueue()
    {
        CacheWindow window(*m_cache);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *table = window.findChild<QTableView *>(QStringLiteral("queueTable"));
        auto *search = window.findChild<QLineEdit *>(QStringLiteral("searchEdit"));
        auto *status = window.findChild<QLabel *>(QStringLiteral("cacheStatus"));
        QVERIFY(table && search && status);
        QCOMPARE(table->model()->rowCount(), 801);

        // Ctrl+F reaches the search box from the table.
        table->setFocus();
        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(search->hasFocus());
        typeText(search, QStringLiteral("ежик"));
        QCOMPARE(search->text(), QStringLiteral("ежик"));
        QTRY_COMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, 0).data(QueueModel::ComplaintIdRole).toLongLong(), 5000);
        QVERIFY(status->text().contains(QStringLiteral("801")));

        search->clear();
        QTRY_COMPARE(table->model()->rowCount(), 801);
    }

    void headerClickSorts()
    {
        CacheWindow window(*m_cache);
        window.show();
        auto *table = window.findChild<QTableView *>(QStringLiteral("queueTable"));
        table->sortByColumn(QueueModel::VotesColumn, Qt::DescendingOrder);
        const int top = table->model()->index(0, QueueModel::VotesColumn).data().toInt();
        const int next = table->model()->index(1, QueueModel::VotesColumn).data().toInt();
        QVERIFY(top >= next);
        QVERIFY(top > 0);
    }
};

QTEST_MAIN(TestCacheWindow)
#include "tst_cachewindow.moc"
