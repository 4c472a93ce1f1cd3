// Queues, full-text search in Russian, and the spatial query: each checked
// against a brute-force answer over the same records.

#include "DemoGenerator.h"
#include "LocalCache.h"
#include "OmskGeography.h"
#include "TestSupport.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace rd;
using rd::test::makeComplaint;

Q_DECLARE_METATYPE(rd::GeoBox)

class TestCacheSearch : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalCache> m_cache;
    QList<demo::DemoComplaint> m_demo;

    QList<qint64> idsMatching(const QueueQuery &query) { return m_cache->queue().ids(query); }
    QList<qint64> sortedIds(QList<qint64> ids)
    {
        std::sort(ids.begin(), ids.end());
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_cache = LocalCache::open(m_dir.filePath(QStringLiteral("cache.sqlite")));
        demo::DemoGenerator generator(7, rd::test::fixedNow());
        m_demo = generator.generate(3000);
        QList<Complaint> complaints;
        for (const auto &d : m_demo)
            complaints.append(d.complaint);
        // Hand-made texts for the Russian search cases, ids 100001…
        complaints.append(makeComplaint(100001, 1, QStringLiteral("Огромная ЯМА у подъезда"),
                                        QStringLiteral("г. Омск, ул. Ёлочная, 3")));
        complaints.append(makeComplaint(100002, 1, QStringLiteral("ямы на дороге после зимы"),
                                        QStringLiteral("г. Омск, ул. Йошкар-Олинская, 5")));
        complaints.append(makeComplaint(
            100003, 1, QStringLiteral("Не горит фонарь; \"кавычки\" AND OR NOT NEAR( * -"),
            QStringLiteral("г. Омск, пр. Мира, 1")));
        complaints.append(makeComplaint(100004, 1,
                                        QStringLiteral("Robert'); DROP TABLE complaints;--"),
                                        QStringLiteral("г. Омск, ул. Иртышская, 8")));
        QCOMPARE(m_cache->complaints().upsert(complaints).applied, complaints.size());
    }

    void russianTextSearch_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QList<qint64>>("expected");
        QTest::newRow("whole word, lower case finds upper")
            << QStringLiteral("яма") << QList<qint64>{100001};
        QTest::newRow("upper case finds lower") << QStringLiteral("ЯМЫ") << QList<qint64>{100002};
        QTest::newRow("prefix ям finds яма and ямы")
            << QStringLiteral("ям") << QList<qint64>{100001, 100002};
        QTest::newRow("е finds ё") << QStringLiteral("елочная") << QList<qint64>{100001};
        QTest::newRow("ё finds ё") << QStringLiteral("Ёлочная") << QList<qint64>{100001};
        QTest::newRow("й is not и") << QStringLiteral("иошкар") << QList<qint64>{};
        QTest::newRow("й finds й") << QStringLiteral("йошкар") << QList<qint64>{100002};
        QTest::newRow("two words, both required")
            << QStringLiteral("яма подъезд") << QList<qint64>{100001};
        QTest::newRow("address and text together")
            << QStringLiteral("ямы Йошкар") << QList<qint64>{100002};
        QTest::newRow("by number") << QStringLiteral("100003") << QList<qint64>{100003};
        QTest::newRow("FTS syntax is taken literally")
            << QStringLiteral("\"кавычки\" AND OR NOT NEAR(") << QList<qint64>{100003};
        QTest::newRow("SQL-looking text is just text")
            << QStringLiteral("DROP TABLE complaints;--") << QList<qint64>{100004};
        QTest::newRow("lone operator") << QStringLiteral("NOT") << QList<qint64>{100003};
        QTest::newRow("column filter syntax") << QStringLiteral("body:яма") << QList<qint64>{};
    }
    void russianTextSearch()
    {
        QFETCH(QString, typed);
        QFETCH(QList<qint64>, expected);
        QueueQuery query;
        query.text = typed;
        // Only the hand-made records are in the 100000s; demo texts may match
        // common words, so compare within that range.
        QList<qint64> found;
        for (qint64 id : idsMatching(query)) {
            if (id > 100000)
                found.append(id);
        }
        QCOMPARE(sortedIds(found), expected);
        QCOMPARE(m_cache->complaints().count(), m_demo.size() + 4); // nothing was harmed
    }

    void punctuationOnlyMeansNoTextFilter()
    {
        QueueQuery query;
        query.text = QStringLiteral(" ,.;\"* ");
        QCOMPARE(QueueQuery::matchExpression(query.text), QString());
        QCOMPARE(m_cache->queue().count(query), m_cache->complaints().count());
    }

    // The first key typed filters nothing yet (it would match a good part
    // of a region's cache); a second one does, and so does a one-character
    // word beside another (a house number).
    void oneCharacterAloneIsNoFilter()
    {
        QCOMPARE(QueueQuery::matchExpression(QStringLiteral("л")), QString());
        QCOMPARE(QueueQuery::matchExpression(QStringLiteral(" 5, ")), QString());
        QCOMPARE(QueueQuery::matchExpression(QStringLiteral("ле")), QStringLiteral("\"ле\"*"));
        QCOMPARE(QueueQuery::matchExpression(QStringLiteral("ленина 5")),
                 QStringLiteral("\"ленина\"* \"5\"*"));
        QueueQuery query;
        query.text = QStringLiteral("ф");
        QCOMPARE(m_cache->queue().count(query), m_cache->complaints().count());
    }

    void searchAgreesWithBruteForceOverDemoTexts()
    {
        // Every demo complaint whose text or address has a word starting with
        // "фонар" (case-insensitively), and nothing else.
        QList<qint64> expected;
        for (const auto &d : m_demo) {
            const QString haystack =
                (d.complaint.text + QLatin1Char(' ') + d.complaint.address).toLower();
            static const QRegularExpression word(QStringLiteral("(^|[^\\w])фонар"),
                                                 QRegularExpression::UseUnicodePropertiesOption);
            if (haystack.contains(word))
                expected.append(d.complaint.id);
        }
        QVERIFY(expected.size() > 10);
        QueueQuery query;
        query.text = QStringLiteral("Фонар");
        QList<qint64> found;
        for (qint64 id : idsMatching(query)) {
            if (id < 100000)
                found.append(id);
        }
        QCOMPARE(sortedIds(found), sortedIds(expected));
    }

    void denseTextMatchKeepsOrder_data()
    {
        QTest::addColumn<int>("sortKey");
        QTest::addColumn<bool>("descending");
        QTest::newRow("updated desc") << int(QueueQuery::SortKey::Updated) << true;
        QTest::newRow("updated asc") << int(QueueQuery::SortKey::Updated) << false;
        QTest::newRow("votes desc") << int(QueueQuery::SortKey::Votes) << true;
    }
    void denseTextMatchKeepsOrder()
    {
        // "ул" is in most addresses: above the dense-match threshold, pages
        // are read in index order; they must agree with the plain plan.
        QFETCH(int, sortKey);
        QFETCH(bool, descending);
        QueueQuery query;
        query.text = QStringLiteral("ул");
        query.sort = QueueQuery::SortKey(sortKey);
        query.descending = descending;
        const QList<qint64> expected = idsMatching(query); // the plain plan
        QVERIFY(expected.size() > 2000);
        QCOMPARE(m_cache->queue().count(query), expected.size());
        QList<qint64> paged;
        for (int offset = 0; offset < expected.size(); offset += 500) {
            for (const ComplaintRow &row : m_cache->queue().page(query, offset, 500))
                paged.append(row.id);
        }
        QCOMPARE(paged, expected);
    }

    void filtersCombine()
    {
        QueueQuery query;
        query.states = {ComplaintState::Published, ComplaintState::Contested};
        query.categories = {1, 3};
        query.minVotes = 5;
        query.dueTo = rd::test::fixedNow().date();
        QList<qint64> expected;
        for (const auto &d : m_demo) {
            const Complaint &c = d.complaint;
            if ((c.state == ComplaintState::Published || c.state == ComplaintState::Contested) &&
                (c.categoryId == 1 || c.categoryId == 3) && c.votes >= 5 && c.dueDate.isValid() &&
                c.dueDate <= rd::test::fixedNow().date())
                expected.append(c.id);
        }
        QVERIFY(!expected.isEmpty());
        QCOMPARE(sortedIds(idsMatching(query)), sortedIds(expected));
        QCOMPARE(m_cache->queue().count(query), expected.size());

        QueueQuery byAgency;
        byAgency.agencies = {5};
        byAgency.districts = {2};
        for (const ComplaintRow &row : m_cache->queue().page(byAgency, 0, 1000))
            QCOMPARE(row.agencyId, std::optional<int>(5));
    }

    void sortsAndPages_data()
    {
        QTest::addColumn<int>("sortKey");
        QTest::addColumn<bool>("descending");
        for (const auto &[key, name] : {std::pair{QueueQuery::SortKey::Updated, "updated"},
                                        {QueueQuery::SortKey::DueDate, "due"},
                                        {QueueQuery::SortKey::Votes, "votes"},
                                        {QueueQuery::SortKey::Created, "created"},
                                        {QueueQuery::SortKey::Id, "id"}}) {
            QTest::addRow("%s asc", name) << int(key) << false;
            QTest::addRow("%s desc", name) << int(key) << true;
        }
    }
    void sortsAndPages()
    {
        QFETCH(int, sortKey);
        QFETCH(bool, descending);
        QueueQuery query;
        query.sort = QueueQuery::SortKey(sortKey);
        query.descending = descending;
        query.states = {ComplaintState::Published, ComplaintState::InProgress};
        const qint64 total = m_cache->queue().count(query);
        // Pages of 97 concatenated give the whole queue, in order, once.
        QList<ComplaintRow> all;
        for (int offset = 0; offset < total; offset += 97)
            all += m_cache->queue().page(query, offset, 97);
        QCOMPARE(all.size(), total);
        QList<qint64> ids;
        for (const auto &row : all)
            ids.append(row.id);
        QCOMPARE(ids, m_cache->queue().ids(query));
        QCOMPARE(QSet<qint64>(ids.begin(), ids.end()).size(), ids.size());
        for (qsizetype i = 1; i < all.size(); ++i) {
            const ComplaintRow &a = all[i - 1];
            const ComplaintRow &b = all[i];
            auto ordered = [&](auto x, auto y) { return descending ? !(x < y) : !(y < x); };
            switch (query.sort) {
            case QueueQuery::SortKey::Updated:
                QVERIFY(ordered(a.updatedAt, b.updatedAt));
                break;
            case QueueQuery::SortKey::DueDate:
                QVERIFY(ordered(a.dueDate, b.dueDate));
                break;
            case QueueQuery::SortKey::Votes:
                QVERIFY(ordered(a.votes, b.votes));
                break;
            case QueueQuery::SortKey::Created:
                QVERIFY(ordered(a.createdAt, b.createdAt));
                break;
            default:
                QVERIFY(ordered(a.id, b.id));
                break;
            }
        }
    }

    void boxQueryIsExact_data()
    {
        QTest::addColumn<GeoBox>("box");
        QTest::newRow("city centre") << GeoBox{54.975, 73.36, 54.995, 73.39};
        QTest::newRow("left bank") << GeoBox{54.96, 73.25, 55.01, 73.32};
        QTest::newRow("whole city")
            << GeoBox{demo::OmskSouth, demo::OmskWest, demo::OmskNorth, demo::OmskEast};
        QTest::newRow("a point") << GeoBox{
            m_demo[5].complaint.latitude, m_demo[5].complaint.longitude,
            m_demo[5].complaint.latitude, m_demo[5].complaint.longitude};
        QTest::newRow("Moscow, nothing") << GeoBox{55.7, 37.5, 55.8, 37.7};
    }
    void boxQueryIsExact()
    {
        QFETCH(GeoBox, box);
        QList<qint64> expected;
        for (const auto &d : m_demo) {
            if (box.contains(d.complaint.latitude, d.complaint.longitude))
                expected.append(d.complaint.id);
        }
        QList<qint64> found;
        for (const ComplaintPoint &p : m_cache->queue().points(box)) {
            if (p.id < 100000)
                found.append(p.id);
            QVERIFY(box.contains(p.latitude, p.longitude));
        }
        QCOMPARE(sortedIds(found), sortedIds(expected));
    }

    void polygonQueryIsExact()
    {
        // A lasso: a triangle over part of the city, with a notch (concave).
        const QList<QPointF> polygon{
            {54.93, 73.30}, {55.05, 73.36}, {54.99, 73.38}, {55.02, 73.45}, {54.95, 73.44}};
        GeoBox box = GeoBox::nothing();
        for (const QPointF &p : polygon)
            box.include(p.x(), p.y());
        QList<qint64> expected;
        for (const auto &d : m_demo) {
            if (QueueQuery::polygonContains(polygon, d.complaint.latitude, d.complaint.longitude))
                expected.append(d.complaint.id);
        }
        QVERIFY(expected.size() > 10);
        QueueQuery query;
        query.box = box;
        query.polygon = polygon;
        QList<qint64> found;
        for (const ComplaintPoint &p : m_cache->queue().points(box, query)) {
            if (p.id < 100000)
                found.append(p.id);
        }
        QCOMPARE(sortedIds(found), sortedIds(expected));
        // The queue's count and ids agree with the map's points.
        QList<qint64> queued;
        for (const qint64 id : m_cache->queue().ids(query)) {
            if (id < 100000)
                queued.append(id);
        }
        QCOMPARE(sortedIds(queued), sortedIds(expected));
        // Fewer than the bounding box alone.
        QVERIFY(m_cache->queue().points(box).size() > found.size());
        // Known answers of the test itself: inside, in the notch, outside.
        QVERIFY(QueueQuery::polygonContains(polygon, 54.99, 73.35));
        QVERIFY(!QueueQuery::polygonContains(polygon, 55.03, 73.40));
        QVERIFY(!QueueQuery::polygonContains(polygon, 55.10, 73.35));
    }

    void boxFollowsMovedComplaints()
    {
        Complaint moved = makeComplaint(100001, 2, QStringLiteral("Огромная ЯМА у подъезда"));
        moved.latitude = 10.0;
        moved.longitude = 10.0;
        m_cache->complaints().upsert({moved});
        const auto points = m_cache->queue().points({9.9, 9.9, 10.1, 10.1});
        QCOMPARE(points.size(), 1);
        QCOMPARE(points[0].id, 100001);
        QVERIFY(m_cache->complaints().applyTombstone(100001) ==
                ComplaintStore::TombstoneResult::Removed);
        QVERIFY(m_cache->queue().points({9.9, 9.9, 10.1, 10.1}).isEmpty());
        QueueQuery query;
        query.text = QStringLiteral("подъезд"); // the FTS row went with it
        QVERIFY(!idsMatching(query).contains(100001));
    }

    void invalidBoxIsRefused()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 m_cache->queue().points({55.0, 73.5, 54.0, 73.0}));
    }

    void ftsIndexStaysConsistent() { QVERIFY(m_cache->quickCheck().isEmpty()); }
};

QTEST_GUILESS_MAIN(TestCacheSearch)
#include "tst_cachesearch.moc"
