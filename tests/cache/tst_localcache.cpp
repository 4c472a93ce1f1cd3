// The local cache's contract: what it stores comes back unchanged, versions
// only move forward, and a user's own work is never overwritten.

#include "CacheError.h"
#include "LocalCache.h"
#include "TestSupport.h"
#include "sqlite/Database.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace rd;
using rd::test::makeComplaint;

Q_DECLARE_METATYPE(rd::Complaint)

class TestLocalCache : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LocalCache> openCache()
    {
        return LocalCache::open(m_dir->filePath(QStringLiteral("cache.sqlite")));
    }
    std::unique_ptr<QTemporaryDir> m_dir;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void createsAtLatestVersionInWal()
    {
        auto cache = openCache();
        QCOMPARE(cache->schemaVersion(), LocalCache::latestSchemaVersion());
        QCOMPARE(cache->complaints().count(), 0);
        QVERIFY(cache->quickCheck().isEmpty());
        QVERIFY(cache->migrationBackup().isEmpty()); // nothing to back up in a new file
        QVERIFY(QFile::exists(cache->path() + QStringLiteral("-wal")));
    }

    void roundTripsEveryField()
    {
        auto cache = openCache();
        Complaint c = makeComplaint(42, 3);
        c.state = ComplaintState::Refused;
        c.answerKind = AnswerKind::Refusal;
        c.answerText = QStringLiteral("Территория не муниципальная.");
        c.refusalGround = QStringLiteral("private_territory");
        c.answeredAt = rd::test::fixedNow().addSecs(-60);
        c.answerDeadline = QDate(2026, 12, 31);
        c.deadlineExtended = true;
        c.extensionReason = QStringLiteral("Погода");
        c.duplicateOf = 7;
        c.rejectReason = QStringLiteral("—");
        c.citizenFeedback = QStringLiteral("Не согласен");
        c.districtId.reset();
        QCOMPARE(cache->complaints().upsert({c}).applied, 1);
        QCOMPARE(cache->complaints().complaint(42), std::optional<Complaint>(c));
        // …and after reopening the file.
        cache.reset();
        cache = openCache();
        QCOMPARE(cache->complaints().complaint(42), std::optional<Complaint>(c));
        QCOMPARE(cache->complaints().complaint(43), std::nullopt);
    }

    void olderVersionNeverOverwritesNewer()
    {
        auto cache = openCache();
        QCOMPARE(cache->complaints().upsert({makeComplaint(1, 5, QStringLiteral("пятая"))}).applied,
                 1);
        const auto stats =
            cache->complaints().upsert({makeComplaint(1, 4, QStringLiteral("четвёртая")),
                                        makeComplaint(1, 5, QStringLiteral("снова пятая"))});
        QCOMPARE(stats.applied, 0);
        QCOMPARE(stats.stale, 2);
        QCOMPARE(cache->complaints().complaint(1)->text, QStringLiteral("пятая"));
        QCOMPARE(
            cache->complaints().upsert({makeComplaint(1, 6, QStringLiteral("шестая"))}).applied, 1);
        QCOMPARE(cache->complaints().complaint(1)->text, QStringLiteral("шестая"));
        QCOMPARE(cache->complaints().complaint(1)->version, 6);
    }

    void invalidRecordsAreRefusedBeforeAnyWrite_data()
    {
        QTest::addColumn<Complaint>("bad");
        Complaint noId = makeComplaint(0);
        Complaint noVersion = makeComplaint(3, 0);
        Complaint offGlobe = makeComplaint(3);
        offGlobe.latitude = 91.0;
        Complaint notANumber = makeComplaint(3);
        notANumber.longitude = std::nan("");
        Complaint noTimes = makeComplaint(3);
        noTimes.createdAt = {};
        QTest::newRow("no id") << noId;
        QTest::newRow("no version") << noVersion;
        QTest::newRow("latitude 91") << offGlobe;
        QTest::newRow("longitude NaN") << notANumber;
        QTest::newRow("no filing time") << noTimes;
    }
    void invalidRecordsAreRefusedBeforeAnyWrite()
    {
        QFETCH(Complaint, bad);
        auto cache = openCache();
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 cache->complaints().upsert({makeComplaint(2), bad}));
        QCOMPARE(cache->complaints().count(), 0); // the good one was not written either
    }

    void newerServerRecordWaitsBesideADraft()
    {
        auto cache = openCache();
        cache->complaints().upsert({makeComplaint(10, 1, QStringLiteral("исходный текст"))});
        cache->drafts().save({10,
                              QStringLiteral("refuse"),
                              QStringLiteral("Мой ответ"),
                              {},
                              QStringLiteral("no_substance"),
                              1,
                              rd::test::fixedNow(),
                              {},
                              {}});
        QVERIFY(cache->complaints().isProtected(10));

        const auto stats =
            cache->complaints().upsert({makeComplaint(10, 2, QStringLiteral("правка сервера"))});
        QCOMPARE(stats.shadowed, 1);
        QCOMPARE(cache->complaints().complaint(10)->text, QStringLiteral("исходный текст"));
        QCOMPARE(cache->complaints().serverCopy(10)->text, QStringLiteral("правка сервера"));
        const auto rows = cache->queue().page({}, 0, 10);
        QCOMPARE(rows.size(), 1);
        QVERIFY(rows[0].hasDraft);
        QVERIFY(rows[0].hasServerCopy);

        // An even newer one replaces the waiting copy; an older one does not.
        cache->complaints().upsert({makeComplaint(10, 3, QStringLiteral("третья правка"))});
        cache->complaints().upsert({makeComplaint(10, 2, QStringLiteral("правка сервера"))});
        QCOMPARE(cache->complaints().serverCopy(10)->version, 3);

        // Discarding the draft promotes the server's record.
        cache->drafts().discard(10);
        QCOMPARE(cache->complaints().complaint(10)->text, QStringLiteral("третья правка"));
        QCOMPARE(cache->complaints().serverCopy(10), std::nullopt);
    }

    void newerServerRecordWaitsBesidePendingAction()
    {
        auto cache = openCache();
        cache->complaints().upsert({makeComplaint(11, 1)});
        OutboxAction action;
        action.complaintId = 11;
        action.idempotencyKey = QStringLiteral("key-11");
        action.action = QStringLiteral("publish");
        action.payload = R"({"agency":1})";
        action.baseVersion = 1;
        const qint64 seq = cache->outbox().enqueue(action);
        QCOMPARE(
            cache->complaints().upsert({makeComplaint(11, 2, QStringLiteral("новое"))}).shadowed,
            1);
        QCOMPARE(cache->complaints().complaint(11)->version, 1);
        cache->outbox().remove(seq);
        QCOMPARE(cache->complaints().complaint(11)->version, 2);
        QCOMPARE(cache->outbox().count(), 0);
    }

    void tombstoneRemovesUnlessLocalWork()
    {
        auto cache = openCache();
        cache->complaints().upsert({makeComplaint(1), makeComplaint(2)});
        cache->media().replacePhotos(
            1, {{QStringLiteral("p1"), 1, QStringLiteral("image/jpeg"), 10, 10, 100, false}});
        cache->drafts().save(
            {2, QStringLiteral("solve"), QStringLiteral("Сделано"), {}, {}, 1, {}, {}, {}});

        QCOMPARE(cache->complaints().applyTombstone(1), ComplaintStore::TombstoneResult::Removed);
        QCOMPARE(cache->complaints().complaint(1), std::nullopt);
        QVERIFY(cache->media().photos(1).isEmpty()); // cascaded
        QCOMPARE(cache->complaints().applyTombstone(2),
                 ComplaintStore::TombstoneResult::KeptForLocalWork);
        QVERIFY(cache->complaints().complaint(2).has_value());
        QVERIFY(cache->complaints().hasLeftScope(2));
        QVERIFY(cache->queue().page({}, 0, 10).first().leftScope);
        QCOMPARE(cache->complaints().applyTombstone(99), ComplaintStore::TombstoneResult::Unknown);

        // Coming back into scope clears the flag (kept beside the draft).
        cache->complaints().upsert({makeComplaint(2, 2)});
        QVERIFY(!cache->complaints().hasLeftScope(2));
        cache->complaints().applyTombstone(2);
        // Once the draft goes, the complaint that had left goes with it.
        cache->drafts().discard(2);
        QCOMPARE(cache->complaints().complaint(2), std::nullopt);
    }

    void draftsAndOutboxSurviveReopen()
    {
        {
            auto cache = openCache();
            cache->complaints().upsert({makeComplaint(5)});
            LocalCache::WriteTransaction transaction(*cache);
            cache->drafts().save({5,
                                  QStringLiteral("set_deadline"),
                                  QStringLiteral("План работ"),
                                  QDate(2026, 12, 15),
                                  {},
                                  1,
                                  rd::test::fixedNow(),
                                  R"({"deadline":"too late"})",
                                  {QStringLiteral("ph-1"), QStringLiteral("ph-2")}});
            OutboxAction action;
            action.complaintId = 5;
            action.idempotencyKey = QStringLiteral("k1");
            action.action = QStringLiteral("note");
            action.payload = R"({"text":"внутренняя заметка"})";
            action.baseVersion = 1;
            cache->outbox().enqueue(action);
            transaction.commit();
        }
        auto cache = openCache();
        const auto draft = cache->drafts().draft(5);
        QVERIFY(draft);
        QCOMPARE(draft->deadline, QDate(2026, 12, 15));
        QCOMPARE(draft->fieldErrors, QByteArray(R"({"deadline":"too late"})"));
        QCOMPARE(draft->updatedAt, rd::test::fixedNow());
        QCOMPARE(draft->photoIds, QStringList({QStringLiteral("ph-1"), QStringLiteral("ph-2")}));
        QCOMPARE(cache->drafts().all().size(), 1);
        const auto actions = cache->outbox().all();
        QCOMPARE(actions.size(), 1);
        QCOMPARE(actions[0].status, OutboxStatus::Pending);
        QCOMPARE(actions[0].payload, QByteArray(R"({"text":"внутренняя заметка"})"));

        OutboxAction failed = actions[0];
        failed.status = OutboxStatus::Failed;
        failed.attempts = 3;
        failed.lastError = QStringLiteral("403: не ваше ведомство");
        cache->outbox().update(failed);
        QCOMPARE(cache->outbox().action(failed.seq)->lastError, failed.lastError);
        QCOMPARE(cache->outbox().forComplaint(5).size(), 1);
    }

    void transactionRollsBackUnlessCommitted()
    {
        auto cache = openCache();
        {
            LocalCache::WriteTransaction transaction(*cache);
            cache->complaints().upsert({makeComplaint(1)});
            cache->saveSyncState(
                {QStringLiteral("c1"), QStringLiteral("e1"), rd::test::fixedNow(), {}});
        }
        QCOMPARE(cache->complaints().count(), 0);
        QCOMPARE(cache->syncState().cursor, QString());
    }

    void duplicateIdempotencyKeyIsRefused()
    {
        auto cache = openCache();
        OutboxAction action;
        action.complaintId = 1;
        action.idempotencyKey = QStringLiteral("same");
        action.action = QStringLiteral("publish");
        cache->outbox().enqueue(action);
        QVERIFY_THROWS_EXCEPTION(CacheError, cache->outbox().enqueue(action));
        QCOMPARE(cache->outbox().count(), 1);
    }

    void catalogueRoundTrips()
    {
        auto cache = openCache();
        Catalogue catalogue;
        catalogue.categories = {
            {1, QStringLiteral("potholes"), QStringLiteral("Ямы на дорогах"), 2},
            {2, QStringLiteral("light"), QStringLiteral("Освещение"), std::nullopt}};
        catalogue.agencies = {
            {2, QStringLiteral("dgh"), QStringLiteral("Департамент городского хозяйства")}};
        catalogue.districts = {{1, QStringLiteral("Центральный округ")}};
        catalogue.refusalGrounds = {{QStringLiteral("abusive"), QStringLiteral("Оскорбления"),
                                     QStringLiteral("Обращение содержит…"),
                                     QStringLiteral("59-ФЗ ст. 11 ч. 3")}};
        catalogue.rejectReasons = {{QStringLiteral("spam"), QStringLiteral("Реклама или спам")},
                                   {QStringLiteral("abusive"), QStringLiteral("Оскорбления")}};
        catalogue.rules = {30, 30, 1, 80};
        catalogue.rules.dayCount = rd::DayCount::Working;
        catalogue.rules.endOnWorkingDay = true;
        catalogue.calendar.holidays = {QDate(2025, 12, 31), QDate(2026, 1, 1)};
        catalogue.calendar.workingDays = {QDate(2025, 11, 1)};
        catalogue.answerTemplates = {{QStringLiteral("patched"), QStringLiteral("solve"), 1,
                                      QStringLiteral("Заделано"),
                                      QStringLiteral("№ {number}: заделано.")},
                                     {QStringLiteral("any"), QStringLiteral("note"), std::nullopt,
                                      QStringLiteral("Заметка"), QStringLiteral("Выезд.")}};
        catalogue.etag = QStringLiteral("\"v7\"");
        cache->catalogue().replace(catalogue);
        QCOMPARE(cache->catalogue().load(), catalogue);
        catalogue.categories.removeLast();
        cache->catalogue().replace(catalogue);
        QCOMPARE(cache->catalogue().load(), catalogue);
    }

    void syncStateRoundTrips()
    {
        auto cache = openCache();
        const SyncState state{QStringLiteral("opaque-cursor"), QStringLiteral("epoch-2"),
                              rd::test::fixedNow(), QStringLiteral("\"etag\"")};
        cache->saveSyncState(state);
        QCOMPARE(openCache()->syncState(), state);
    }

    void historyAndPhotosRoundTrip()
    {
        auto cache = openCache();
        cache->complaints().upsert({makeComplaint(3)});
        const QList<HistoryEntry> history{
            {3,
             1,
             rd::test::fixedNow().addDays(-2),
             QStringLiteral("Анна"),
             QStringLiteral("file"),
             {},
             QStringLiteral("текст с телефоном"),
             {}},
            {3,
             2,
             rd::test::fixedNow().addDays(-1),
             QStringLiteral("Модератор"),
             QStringLiteral("redact"),
             QStringLiteral("текст с телефоном"),
             QStringLiteral("текст"),
             {}},
        };
        cache->media().replaceHistory(3, history);
        QCOMPARE(cache->media().history(3), history);
        const QList<Photo> photos{
            {QStringLiteral("a"), 3, QStringLiteral("image/png"), 640, 480, 1234, false},
            {QStringLiteral("b"), 3, QStringLiteral("image/jpeg"), 800, 600, 999, true}};
        cache->media().replacePhotos(3, photos);
        QCOMPARE(cache->media().photos(3), photos);
    }

    void deferredSearchIndexingCatchesUp()
    {
        auto cache = openCache();
        cache->search().setDeferred(true);
        QList<Complaint> batch;
        for (int id = 1; id <= 10; ++id)
            batch.append(makeComplaint(id, 1, QStringLiteral("Открытый люк номер %1").arg(id)));
        cache->complaints().upsert(batch);
        QueueQuery search;
        search.text = QStringLiteral("люк");
        QCOMPARE(cache->search().pendingCount(), 10);
        QCOMPARE(cache->queue().count(search), 0); // not searchable yet
        QCOMPARE(cache->queue().count({}), 10);    // but in every other queue

        // A queued complaint that changes stays queued and is indexed as it
        // is now; one that is deleted leaves the queue.
        cache->complaints().upsert({makeComplaint(3, 2, QStringLiteral("Сломанная скамейка"))});
        cache->complaints().applyTombstone(4);
        QCOMPARE(cache->search().pendingCount(), 9);
        QCOMPARE(cache->search().indexPending(4), 5);
        QVERIFY(cache->quickCheck().isEmpty()); // index and text agree at every step
        QCOMPARE(cache->search().indexPending(), 0);
        QVERIFY(cache->quickCheck().isEmpty());
        QCOMPARE(cache->queue().count(search), 8);
        search.text = QStringLiteral("скамейка");
        QCOMPARE(cache->queue().ids(search), QList<qint64>{3});

        // An indexed complaint changed while deferring: its old words go at
        // once, its new ones when indexed.
        cache->complaints().upsert({makeComplaint(5, 2, QStringLiteral("Нет света в подъезде"))});
        search.text = QStringLiteral("люк");
        QCOMPARE(cache->queue().count(search), 7);
        cache->search().setDeferred(false);
        cache->complaints().upsert({makeComplaint(6, 2, QStringLiteral("Нет света во дворе"))});
        search.text = QStringLiteral("света");
        QCOMPARE(cache->queue().ids(search), QList<qint64>{6}); // 5 is still queued
        cache->search().indexPending();
        QCOMPARE(cache->queue().count(search), 2);
        QVERIFY(cache->quickCheck().isEmpty());
    }

    void bulkLoadDropsAndRestoresIndexes()
    {
        auto cache = openCache();
        const auto indexCount = [&] {
            sqlite::Database db(cache->path(), sqlite::Database::OpenMode::ReadOnly);
            return db.queryInt(
                QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = 'index' "
                               "AND tbl_name = 'complaints' AND sql IS NOT NULL"));
        };
        const qint64 indexes = indexCount();
        QVERIFY(indexes >= 3);
        // Indexed before the bulk load, changed and deleted during it.
        cache->complaints().upsert({makeComplaint(1000, 1, QStringLiteral("Старый текст")),
                                    makeComplaint(1001, 1, QStringLiteral("Удалят"))});
        cache->bulkLoad().begin();
        cache->complaints().upsert({makeComplaint(1000, 2, QStringLiteral("Новый текст"))});
        cache->complaints().applyTombstone(1001);
        QVERIFY(cache->bulkLoad().isActive());
        QCOMPARE(indexCount(), 0);
        QList<Complaint> batch;
        for (int id = 1; id <= 300; ++id)
            batch.append(makeComplaint(id, 1, QStringLiteral("Яма %1").arg(id)));
        cache->complaints().upsert(batch);
        // Some change again within the same bulk load.
        cache->complaints().upsert({makeComplaint(7, 2, QStringLiteral("Яма исправленная"))});
        // Queries stay correct without the indexes.
        QueueQuery query;
        query.sort = QueueQuery::SortKey::Votes;
        QCOMPARE(cache->queue().count(query), 301); // 300 new and 1000
        cache->bulkLoad().end();
        QVERIFY(!cache->bulkLoad().isActive());
        // The seven desk indexes come later, one at a time (the background
        // step after a first sync); the rest are back at once.
        QCOMPARE(indexCount(), indexes - 7);
        QCOMPARE(cache->bulkLoad().buildDeferredIndexes(1), 6);
        QCOMPARE(indexCount(), indexes - 6);
        query.sort = QueueQuery::SortKey::Address;
        QCOMPARE(cache->queue().count(query), 301);
        QCOMPARE(cache->bulkLoad().buildDeferredIndexes(), 0);
        QCOMPARE(cache->bulkLoad().buildDeferredIndexes(), 0);
        QCOMPARE(indexCount(), indexes);
        query.sort = QueueQuery::SortKey::Votes;
        QCOMPARE(cache->search().pendingCount(), 301);
        QCOMPARE(cache->search().indexPending(), 0);
        query.text = QStringLiteral("яма");
        QCOMPARE(cache->queue().count(query), 300);
        query.text = QStringLiteral("исправленная");
        QCOMPARE(cache->queue().ids(query), QList<qint64>{7});
        query.text = QStringLiteral("старый");
        QCOMPARE(cache->queue().count(query), 0);
        query.text = QStringLiteral("новый");
        QCOMPARE(cache->queue().ids(query), QList<qint64>{1000});
        QVERIFY(cache->quickCheck().isEmpty());
        // The triggers are back: a normal write is searchable at once.
        cache->complaints().upsert({makeComplaint(5000, 1, QStringLiteral("Свежая жалоба"))});
        query.text = QStringLiteral("свежая");
        QCOMPARE(cache->queue().ids(query), QList<qint64>{5000});
        QVERIFY(cache->quickCheck().isEmpty());
    }

    void deferredSortIndexesAreBuiltAtOpen()
    {
        {
            auto cache = openCache();
            cache->bulkLoad().begin();
            cache->complaints().upsert({makeComplaint(1, 1, QStringLiteral("Первая страница"))});
            cache->bulkLoad().end();
            // The process ends before the background step built them.
        }
        auto cache = openCache();
        QCOMPARE(cache->bulkLoad().buildDeferredIndexes(), 0);
        sqlite::Database db(cache->path(), sqlite::Database::OpenMode::ReadOnly);
        QCOMPARE(db.queryInt(QStringLiteral(
                     "SELECT count(*) FROM sqlite_schema WHERE name IN ('complaints_state', "
                     "'complaints_category', 'complaints_created', 'complaints_due', "
                     "'complaints_address', 'complaints_category_cell')")),
                 6);
    }

    // A new version writes its indexed columns only when one of them
    // changed (ComplaintStore::upsert); each index must still follow.
    void newVersionMovesEveryIndexedColumn()
    {
        auto cache = openCache();
        Complaint first = makeComplaint(1, 1, QStringLiteral("Яма"));
        Complaint other = makeComplaint(2, 1, QStringLiteral("Люк"));
        cache->complaints().upsert({first, other});
        Complaint next = first;
        next.version = 2;
        next.state = ComplaintState::InProgress;
        next.categoryId = 9;
        next.agencyId = 7;
        next.address = QStringLiteral("Абрикосовая улица, 1");
        next.latitude += 0.01;
        next.dueDate = QDate(2030, 1, 2);
        next.votes = 99;
        next.createdAt = next.createdAt.addDays(-400);
        next.text = QStringLiteral("Яма стала глубже");
        QCOMPARE(cache->complaints().upsert({next}).applied, 1);
        QCOMPARE(*cache->complaints().complaint(1), next);
        const auto ids = [&](QueueQuery query, QueueQuery::SortKey key) {
            query.sort = key;
            query.descending = true;
            return cache->queue().ids(query);
        };
        QueueQuery query;
        query.states = {ComplaintState::InProgress};
        QCOMPARE(ids(query, QueueQuery::SortKey::State), QList<qint64>{1});
        query = {};
        query.agencies = {7};
        query.categories = {9};
        QCOMPARE(ids(query, QueueQuery::SortKey::Category), QList<qint64>{1});
        query = {};
        QCOMPARE(ids(query, QueueQuery::SortKey::Address), (QList<qint64>{2, 1}));
        QCOMPARE(ids(query, QueueQuery::SortKey::Votes), (QList<qint64>{1, 2}));
        QCOMPARE(ids(query, QueueQuery::SortKey::DueDate).first(), 1);
        QCOMPARE(ids(query, QueueQuery::SortKey::Created).last(), 1);
        query.dueFrom = QDate(2030, 1, 1);
        QCOMPARE(ids(query, QueueQuery::SortKey::DueDate), QList<qint64>{1});
        query = {};
        query.text = QStringLiteral("глубже");
        QCOMPARE(ids(query, QueueQuery::SortKey::Id), QList<qint64>{1});
        QVERIFY(!cache->queue()
                     .points(GeoBox{next.latitude - 0.001, next.longitude - 0.001,
                                    next.latitude + 0.001, next.longitude + 0.001})
                     .isEmpty());
        QVERIFY(cache->quickCheck().isEmpty());
    }

    // The moderators' "possible duplicates": awaiting moderation, with a
    // live complaint of the same category within about 100 m, across grid
    // cell borders; the answer follows writes from this connection and
    // from another (the sync's).
    void suspectedDuplicatesFollowTheCache()
    {
        auto cache = openCache();
        const auto at = [](qint64 id, double lat, double lon, int category, ComplaintState state) {
            Complaint c = makeComplaint(id, 1, QStringLiteral("Яма"));
            c.latitude = lat;
            c.longitude = lon;
            c.categoryId = category;
            c.state = state;
            return c;
        };
        // 54.985° N, 73.375° E is a grid corner (cells of 0.005°): 1 and 2 are
        // 60 m apart in diagonally neighbouring cells.
        cache->complaints().upsert({
            at(1, 54.9852, 73.3748, 1, ComplaintState::Moderation),
            at(2, 54.9847, 73.3752, 1, ComplaintState::Published),
            at(3, 54.9900, 73.3900, 1, ComplaintState::Moderation), // alone: 1.3 km away
            at(4, 54.9900, 73.3905, 2, ComplaintState::Moderation), // 32 m, other category
            at(5, 54.9800, 73.4000, 1, ComplaintState::Moderation),
            at(6, 54.9801, 73.4001, 1, ComplaintState::Rejected), // rejected neighbours count not
            at(7, 54.9700, 73.4100, 3, ComplaintState::Moderation),
            at(8, 54.9700, 73.4100 + 0.0025, 3, ComplaintState::Moderation), // 160 m east: too far
        });
        QueueQuery query;
        query.states = {ComplaintState::Moderation};
        query.suspectedDuplicateOnly = true;
        query.sort = QueueQuery::SortKey::Id;
        query.descending = false;
        QCOMPARE(cache->queue().ids(query), QList<qint64>{1});
        QCOMPARE(cache->queue().count(query), 1);
        // A neighbour for 3 arrives (this connection), then one for 7 (another).
        cache->complaints().upsert({at(9, 54.9905, 73.3901, 1, ComplaintState::InProgress)});
        QCOMPARE(cache->queue().ids(query), (QList<qint64>{1, 3}));
        {
            auto other = openCache();
            other->complaints().upsert({at(10, 54.9702, 73.4102, 3, ComplaintState::Solved)});
        }
        QCOMPARE(cache->queue().ids(query), (QList<qint64>{1, 3, 7}));
        QCOMPARE(cache->queue().count(query), 3);
        // 1 is published: no longer awaiting moderation.
        Complaint published = at(1, 54.9852, 73.3748, 1, ComplaintState::Published);
        published.version = 2;
        cache->complaints().upsert({published});
        QCOMPARE(cache->queue().ids(query), (QList<qint64>{3, 7}));
    }

    void bulkLoadCutShortIsRepairedAtOpen()
    {
        {
            auto cache = openCache();
            cache->bulkLoad().begin();
            LocalCache::WriteTransaction transaction(*cache);
            cache->complaints().upsert({makeComplaint(1, 1, QStringLiteral("Первая страница"))});
            transaction.commit();
            // The process dies here: no BulkLoad::end().
        }
        auto cache = openCache();
        QVERIFY(!cache->bulkLoad().isActive());
        QCOMPARE(cache->search().pendingCount(), 0); // small backlog caught up at open
        QueueQuery search;
        search.text = QStringLiteral("страница");
        QCOMPARE(cache->queue().ids(search), QList<qint64>{1});
        sqlite::Database db(cache->path(), sqlite::Database::OpenMode::ReadOnly);
        QVERIFY(db.queryInt(QStringLiteral(
                    "SELECT count(*) FROM sqlite_schema WHERE name = 'complaints_updated'")) == 1);
    }

    void twoConnectionsSeeEachOthersCommits()
    {
        auto writer = openCache();
        auto reader = openCache();
        writer->complaints().upsert({makeComplaint(1)});
        QCOMPARE(reader->complaints().count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestLocalCache)
#include "tst_localcache.moc"
