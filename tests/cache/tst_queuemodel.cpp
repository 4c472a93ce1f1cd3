// The queue model: lazy pages, sorting, search, and Qt's model invariants.

#include "DemoGenerator.h"
#include "LocalCache.h"
#include "QueueModel.h"
#include "TestSupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace rd;

class TestQueueModel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalCache> m_cache;

private Q_SLOTS:
    void initTestCase()
    {
        m_cache = LocalCache::open(m_dir.filePath(QStringLiteral("cache.sqlite")));
        m_cache->complaints().upsert(rd::test::demoComplaints(1500, 3));
        m_cache->catalogue().replace(demo::DemoGenerator::catalogue());
    }

    void passesModelTester()
    {
        QueueModel model(m_cache->queue(), m_cache->catalogue().load());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 1500);
        model.sort(QueueModel::VotesColumn, Qt::DescendingOrder);
        QueueQuery query = model.query();
        query.text = QStringLiteral("фонар");
        model.setQuery(query);
        QVERIFY(model.rowCount() > 0);
        QVERIFY(model.rowCount() < 1500);
        model.reload();
    }

    void rowsComeFromEveryPage()
    {
        QueueModel model(m_cache->queue(), m_cache->catalogue().load());
        model.sort(QueueModel::IdColumn, Qt::AscendingOrder);
        // Past the first page, in order, with catalogue names.
        for (int row : {0, 255, 256, 1000, 1499})
            QCOMPARE(model.data(model.index(row, 0), QueueModel::ComplaintIdRole).toLongLong(),
                     row + 1);
        const QString category = model.data(model.index(0, QueueModel::CategoryColumn)).toString();
        QVERIFY2(!category.isEmpty() && !category.at(0).isDigit(), qPrintable(category));
        QVERIFY(!model.data(model.index(1500, 0)).isValid());
    }

    void marksOverdue()
    {
        QueueModel model(m_cache->queue(), m_cache->catalogue().load());
        model.setToday(rd::test::fixedNow().date());
        QueueQuery query;
        query.states = {ComplaintState::Published};
        query.dueTo = rd::test::fixedNow().date().addDays(-1);
        model.setQuery(query);
        QVERIFY(model.rowCount() > 0);
        QVERIFY(model.data(model.index(0, 0), QueueModel::OverdueRole).toBool());
        // Every queue but "possible duplicates" names the state in its column.
        QCOMPARE(model.data(model.index(0, QueueModel::StateColumn)).toString(),
                 QueueModel::stateName(ComplaintState::Published));
        QVERIFY(!QueueModel::stateName(ComplaintState::Published).isEmpty());
    }

    void resetsOnQueryChange()
    {
        QueueModel model(m_cache->queue(), m_cache->catalogue().load());
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QueueQuery query;
        query.states = {ComplaintState::Moderation};
        model.setQuery(query);
        model.setQuery(query); // the same query again costs nothing
        QCOMPARE(resets.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestQueueModel)
#include "tst_queuemodel.moc"
