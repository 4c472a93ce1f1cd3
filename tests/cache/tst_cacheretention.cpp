// Retention and wipe (docs/cache.md, "Retention" and "Wipe"): closed
// complaints unchanged for longer than the administrator's period leave the
// cache with their photos and history, unless the user has work on them;
// the cache records the period it covers; a wipe removes every file that
// holds the cache's data and nothing else.

#include "LocalCache.h"
#include "QueueQuery.h"
#include "TestSupport.h"
#include "sqlite/Encryption.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace rd;
using rd::test::fixedNow;
using rd::test::makeComplaint;

namespace {

Complaint aged(qint64 id, ComplaintState state, int monthsAgo, const QString &text)
{
    Complaint c = makeComplaint(id, 1, text);
    c.state = state;
    c.createdAt = fixedNow().addMonths(-monthsAgo - 1);
    c.updatedAt = fixedNow().addMonths(-monthsAgo);
    c.authorName = QStringLiteral("Житель %1").arg(id);
    return c;
}

void writeFile(const QString &path, const QByteArray &bytes = "x")
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

} // namespace

class TestCacheRetention : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_count = 0;

    std::unique_ptr<LocalCache> openCache()
    {
        return LocalCache::open(m_dir.filePath(QStringLiteral("c%1.sqlite").arg(++m_count)));
    }

    static QList<qint64> found(LocalCache &cache, const QString &text)
    {
        QueueQuery query;
        query.text = text;
        QList<qint64> ids;
        for (const ComplaintRow &row : cache.queue().page(query, 0, 100))
            ids.append(row.id);
        return ids;
    }

private Q_SLOTS:
    void closedComplaintsLeaveAfterThePeriod()
    {
        auto cache = openCache();
        cache->complaints().upsert({
            aged(1, ComplaintState::Confirmed, 13, QStringLiteral("подтверждена давно")),
            aged(2, ComplaintState::Rejected, 14, QStringLiteral("отклонена давно")),
            aged(3, ComplaintState::Duplicate, 25, QStringLiteral("дубликат давно")),
            aged(4, ComplaintState::Refused, 13, QStringLiteral("отказ с черновиком")),
            aged(5, ComplaintState::Confirmed, 13, QStringLiteral("подтверждена с действием")),
            aged(6, ComplaintState::Published, 20, QStringLiteral("открыта давно")),
            aged(7, ComplaintState::Solved, 20, QStringLiteral("решена ждёт жителя")),
            aged(8, ComplaintState::Confirmed, 11, QStringLiteral("подтверждена недавно")),
            aged(9, ComplaintState::Contested, 30, QStringLiteral("оспорена давно")),
        });
        cache->media().replacePhotos(
            1, {{QStringLiteral("p-1a"), 1, QStringLiteral("image/jpeg"), 640, 480, 1000, false},
                {QStringLiteral("p-1b"), 1, QStringLiteral("image/jpeg"), 640, 480, 1000, true}});
        cache->media().replacePhotos(
            8, {{QStringLiteral("p-8"), 8, QStringLiteral("image/png"), 10, 10, 100, false}});
        cache->media().replaceHistory(1, {{1,
                                           1,
                                           fixedNow().addMonths(-14),
                                           QStringLiteral("Житель 1"),
                                           QStringLiteral("filed"),
                                           {},
                                           {},
                                           {}}});
        // The user's work keeps 4 (a draft) and 5 (an action not yet sent).
        cache->drafts().save(
            {4, QStringLiteral("refuse"), QStringLiteral("Ответ"), {}, {}, 1, fixedNow(), {}, {}});
        OutboxAction action;
        action.complaintId = 5;
        action.idempotencyKey = QStringLiteral("key-5");
        action.action = QStringLiteral("comment");
        action.payload = R"({"text":"x"})";
        action.baseVersion = 1;
        cache->outbox().enqueue(action);
        QVERIFY(!cache->coverage().isLimited());

        const QList<qint64> expired = cache->applyRetention(fixedNow(), 12);
        QCOMPARE(QSet<qint64>(expired.begin(), expired.end()), (QSet<qint64>{1, 2, 3}));
        for (const qint64 id : {1, 2, 3})
            QVERIFY(!cache->complaints().complaint(id));
        for (const qint64 id : {4, 5, 6, 7, 8, 9})
            QVERIFY2(cache->complaints().complaint(id), qPrintable(QString::number(id)));
        QCOMPARE(cache->complaints().count(), 6);
        QVERIFY(cache->media().photos(1).isEmpty());
        QVERIFY(cache->media().history(1).isEmpty());
        QCOMPARE(cache->media().photos(8).size(), 1);
        QList<qint64> confirmed = found(*cache, QStringLiteral("подтверждена"));
        std::sort(confirmed.begin(), confirmed.end());
        QCOMPARE(confirmed, (QList<qint64>{5, 8}));
        QVERIFY(cache->quickCheck().isEmpty()); // the text index agrees

        // The photo cache is told which photos went, until it has dropped them.
        QStringList photos = cache->media().expiredPhotos();
        photos.sort();
        QCOMPARE(photos, (QStringList{QStringLiteral("p-1a"), QStringLiteral("p-1b")}));
        cache->media().forgetExpiredPhotos(photos);
        QVERIFY(cache->media().expiredPhotos().isEmpty());

        const LocalCache::Coverage coverage = cache->coverage();
        QVERIFY(coverage.isLimited());
        QCOMPARE(coverage.retentionMonths, 12);
        QCOMPARE(coverage.closedBefore, fixedNow().toUTC().addMonths(-12));

        // Once the work is done, those complaints leave at the next pass.
        cache->drafts().discard(4);
        QCOMPARE(cache->applyRetention(fixedNow(), 12), QList<qint64>{4});
        QVERIFY(cache->applyRetention(fixedNow(), 12).isEmpty());

        // No retention: nothing more leaves, and the cache says it keeps all.
        QVERIFY(cache->applyRetention(fixedNow().addYears(10), 0).isEmpty());
        QCOMPARE(cache->complaints().count(), 5);
        QVERIFY(!cache->coverage().isLimited());
    }

    void retentionSurvivesReopening()
    {
        const QString path = m_dir.filePath(QStringLiteral("reopen.sqlite"));
        {
            auto cache = LocalCache::open(path);
            cache->complaints().upsert(
                {aged(1, ComplaintState::Rejected, 40, QStringLiteral("a"))});
            cache->media().replacePhotos(
                1, {{QStringLiteral("p-x"), 1, QStringLiteral("image/jpeg"), 1, 1, 1, false}});
            QCOMPARE(cache->applyRetention(fixedNow(), 36), QList<qint64>{1});
        }
        auto cache = LocalCache::open(path);
        QCOMPARE(cache->complaints().count(), 0);
        QCOMPARE(cache->coverage().retentionMonths, 36);
        QCOMPARE(cache->media().expiredPhotos(), QStringList{QStringLiteral("p-x")});
    }

    void whatLeftIsGoneFromTheFile()
    {
        // Not marked deleted but overwritten: the row (SQLITE_SECURE_DELETE),
        // its words in the search index (FTS5 secure-delete), the WAL.
        const QString path = m_dir.filePath(QStringLiteral("bytes.sqlite"));
        // In the text, and in the index (its terms share leading bytes with
        // the term before them: what follows the first letter).
        const QByteArray word = QStringLiteral("юзюкинская").toUtf8();
        const QByteArray name = QStringLiteral("Евлампия Пантелеевна").toUtf8();
        const auto fileBytes = [&] {
            QByteArray bytes;
            for (const QString &file : {path, path + QStringLiteral("-wal")}) {
                QFile f(file);
                if (f.open(QIODevice::ReadOnly))
                    bytes += f.readAll();
            }
            return bytes;
        };
        auto cache = LocalCache::open(path);
        QList<Complaint> many;
        for (qint64 id = 2; id < 400; ++id)
            many.append(aged(id, ComplaintState::Published, 1, QStringLiteral("Яма у дома")));
        cache->complaints().upsert(many);
        Complaint gone =
            aged(1, ComplaintState::Confirmed, 13, QStringLiteral("Улица Зюзюкинская, яма"));
        gone.authorName = QString::fromUtf8(name);
        cache->complaints().upsert({gone});
        cache->checkpoint();
        QCOMPARE(found(*cache, QStringLiteral("Зюзюкинская")), QList<qint64>{1});
        QCOMPARE(fileBytes().count(word), 2);
        QVERIFY(fileBytes().contains(name));
        QCOMPARE(cache->applyRetention(fixedNow(), 12), QList<qint64>{1});
        cache->checkpoint();
        QVERIFY(!fileBytes().contains(word));
        QVERIFY(!fileBytes().contains(name));
        QVERIFY(cache->quickCheck().isEmpty());
        QCOMPARE(cache->complaints().count(), 398);
    }

    void manyLeaveAtOnceThroughAFreshIndex()
    {
        // Past a hundredth of the cache (and 500), the search index is built
        // afresh rather than deleted from row by row: the same outcome.
        const QString path = m_dir.filePath(QStringLiteral("many.sqlite"));
        auto cache = LocalCache::open(path);
        QList<Complaint> rows;
        for (qint64 id = 1; id <= 1200; ++id)
            rows.append(aged(id, ComplaintState::Rejected, 20,
                             QStringLiteral("Отклонено Зюзюкинская %1").arg(id)));
        for (qint64 id = 1201; id <= 1300; ++id)
            rows.append(aged(id, ComplaintState::Published, 20,
                             QStringLiteral("Открыто Ленина %1").arg(id)));
        cache->complaints().upsert(rows);
        cache->drafts().save(
            {7, QStringLiteral("comment"), QStringLiteral("x"), {}, {}, 1, fixedNow(), {}, {}});
        cache->checkpoint();
        const QByteArray word = QStringLiteral("юзюкинская").toUtf8();
        QCOMPARE(cache->applyRetention(fixedNow(), 12).size(), 1199); // 7 has a draft
        cache->checkpoint();
        QCOMPARE(cache->complaints().count(), 101);
        QCOMPARE(cache->search().pendingCount(), 0);
        QVERIFY(cache->quickCheck().isEmpty()); // the index matches the table
        QCOMPARE(found(*cache, QStringLiteral("Зюзюкинская")), QList<qint64>{7});
        QCOMPARE(found(*cache, QStringLiteral("Ленина")).size(), 100);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().count(word), 2); // complaint 7's text and its one index entry
    }

    void wipeRemovesTheCacheAndEverythingBesideIt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache-abc.sqlite"));
        const QByteArray key = sqlite::newKey();
        {
            CacheOptions options;
            options.key = key;
            auto cache = LocalCache::open(path, options);
            cache->complaints().upsert({makeComplaint(1)});
            QVERIFY(QFile::exists(path + QStringLiteral("-wal"))); // open: WAL in use
        }
        writeFile(path + QStringLiteral(".v3-backup-20261201"));
        writeFile(path + QStringLiteral(".v3-backup-20261201-wal"));
        writeFile(path + QStringLiteral(".damaged-20261202"));
        writeFile(path + QStringLiteral(".encrypting"));
        writeFile(path + QStringLiteral("-journal"));
        // Another account's cache and the photo cache are not this one's.
        writeFile(dir.filePath(QStringLiteral("cache-abcd.sqlite")));
        writeFile(dir.filePath(QStringLiteral("cache-abc-photos.sqlite")));

        QCOMPARE(LocalCache::wipe(path), QStringList{});
        const QStringList left = QDir(dir.path()).entryList(QDir::Files | QDir::Hidden);
        QCOMPARE(left, (QStringList{QStringLiteral("cache-abc-photos.sqlite"),
                                    QStringLiteral("cache-abcd.sqlite")}));
        QCOMPARE(LocalCache::wipe(path), QStringList{}); // nothing there: nothing to do
    }

    void wipeSaysWhatItCouldNotRemove()
    {
        // A folder where the WAL would be cannot be removed as a file, by
        // root or anyone: the wipe says so and removes the rest.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        writeFile(path);
        QVERIFY(QDir().mkpath(path + QStringLiteral("-wal")));
        const QStringList left = LocalCache::wipe(path);
        QCOMPARE(left, QStringList{QDir::toNativeSeparators(path + QStringLiteral("-wal"))});
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_GUILESS_MAIN(TestCacheRetention)
#include "tst_cacheretention.moc"
