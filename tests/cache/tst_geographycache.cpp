// The city's geography in the desk's cache (GeographyStore): kept whole
// (districts in pieces and with holes, street lines, names, ids), with its
// ETag, over a reopening; replaced atomically (a failure midway leaves the
// old one whole); what went wrong last is kept until a good one comes.

#include "CacheError.h"
#include "LocalCache.h"

#include <QTemporaryDir>
#include <QTest>

using namespace rd;

namespace {

Geography sample(int streets)
{
    Geography g;
    g.districts.append({1,
                        QStringLiteral("Центральный округ"),
                        {{{{54.96, 73.35}, {54.96, 73.42}, {55.03, 73.40}, {55.0, 73.33}},
                          {{54.98, 73.37}, {54.99, 73.38}, {54.98, 73.39}}},    // a hole
                         {{{55.05, 73.45}, {55.06, 73.46}, {55.05, 73.47}}}}}); // a piece apart
    g.districts.append({std::nullopt,
                        QStringLiteral("Пригород"),
                        {{{{54.8, 73.1}, {54.85, 73.1}, {54.85, 73.2}}}}});
    for (int i = 0; i < streets; ++i)
        g.streets.append({QStringLiteral("ул. %1-я Линия").arg(i + 1),
                          {{{54.97 + i * 0.001, 73.36}, {54.975 + i * 0.001, 73.37}},
                           {{54.98, 73.38 + i * 0.001}, {54.981, 73.385}}}});
    g.streets.append({QString(), {{{54.9, 73.3}, {54.91, 73.31}, {54.92, 73.3}}}});
    return g;
}

} // namespace

class TestGeographyCache : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void keptWholeWithItsEtag()
    {
        const QString path = m_dir.filePath(QStringLiteral("whole.sqlite"));
        {
            auto cache = LocalCache::open(path);
            QVERIFY(cache->geography().load().isEmpty());
            QVERIFY(cache->geography().etag().isEmpty());
            cache->geography().replace(sample(3), QStringLiteral("\"g-1\""));
        }
        auto cache = LocalCache::open(path);
        QCOMPARE(cache->geography().load(), sample(3));
        QCOMPARE(cache->geography().etag(), QStringLiteral("\"g-1\""));
        // A smaller one replaces it all.
        cache->geography().replace(sample(1), QStringLiteral("\"g-2\""));
        QCOMPARE(cache->geography().load(), sample(1));
        cache->geography().replace({}, QString());
        QVERIFY(cache->geography().load().isEmpty());
    }

    void aFailedReplaceLeavesTheOldOne()
    {
        auto cache = LocalCache::open(m_dir.filePath(QStringLiteral("atomic.sqlite")));
        cache->geography().replace(sample(2), QStringLiteral("\"g-1\""));
        int operations = 0;
        cache->setFaultHook([&] { return ++operations == 4; }); // in the middle of the rows
        QVERIFY_THROWS_EXCEPTION(CacheError,
                                 cache->geography().replace(sample(5), QStringLiteral("\"g-2\"")));
        cache->setFaultHook({});
        QCOMPARE(cache->geography().load(), sample(2));
        QCOMPARE(cache->geography().etag(), QStringLiteral("\"g-1\""));
    }

    void theLastProblemIsKeptUntilAGoodOne()
    {
        auto cache = LocalCache::open(m_dir.filePath(QStringLiteral("problem.sqlite")));
        cache->geography().replace(sample(1), QStringLiteral("\"g-1\""));
        cache->geography().setProblem(QStringLiteral("Контуры города не прочитаны."));
        QCOMPARE(cache->geography().problem(), QStringLiteral("Контуры города не прочитаны."));
        QCOMPARE(cache->geography().load(), sample(1)); // the old one stays meanwhile
        cache->geography().replace(sample(2), QStringLiteral("\"g-2\""));
        QVERIFY(cache->geography().problem().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestGeographyCache)
#include "tst_geographycache.moc"
