// The migration ladder: a cache written by every earlier version upgrades
// with its data intact; a newer or foreign file is refused untouched.

#include "CacheError.h"
#include "CacheSchema.h"
#include "LocalCache.h"
#include "TestSupport.h"
#include "sqlite/Database.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace rd;

namespace {

// Data a cache of each version could hold, written with the SQL of that
// version (not with today's code, which only knows the latest schema).
// Fixture N runs on a database at version N.
const char *const Fixtures[] = {
    // v1
    R"sql(
INSERT INTO categories (id, code, name, default_agency_id) VALUES (1, 'potholes', 'Ямы на дорогах', 1);
INSERT INTO agencies (id, code, name) VALUES (1, 'dgh', 'Департамент городского хозяйства');
INSERT INTO complaints (id, version, state, category_id, agency_id, district_id, body, address, lat, lon,
    created_at, updated_at, due_date, votes, author_name)
VALUES (7, 3, 'published', 1, 1, 1, 'Глубокая яма у остановки', 'г. Омск, ул. Ленина, 10',
    54.98, 73.37, 1760000000000, 1760000100000, '2025-11-08', 12, 'Анна');
INSERT INTO history (complaint_id, seq, at, actor, action, new_value)
VALUES (7, 1, 1760000000000, 'Анна', 'file', 'Глубокая яма у остановки');
INSERT INTO photos (id, complaint_id, mime_type) VALUES ('p7', 7, 'image/jpeg');
UPDATE sync_state SET cursor = 'cursor-v1', epoch = 'e1', catalogue_etag = '"c1"' WHERE id = 1;
)sql",
    // v2
    R"sql(
INSERT INTO drafts (complaint_id, kind, text, base_version, updated_at)
VALUES (7, 'refuse', 'Черновик отказа', 3, 1760000200000);
INSERT INTO outbox (complaint_id, idempotency_key, action, payload, base_version, created_at)
VALUES (7, 'key-v2', 'note', '{"text":"заметка"}', 3, 1760000300000);
)sql",
    // v3
    R"sql(
INSERT INTO complaints (id, version, state, category_id, body, address, lat, lon, created_at, updated_at)
VALUES (8, 1, 'moderation', 1, 'Сломан фонарь', 'г. Омск, пр. Мира, 5', 55.03, 73.29, 1760000000000, 1760000000000);
)sql",
    // v4
    R"sql(
INSERT INTO complaints (id, version, state, category_id, body, address, lat, lon, created_at, updated_at)
VALUES (9, 1, 'moderation', 1, 'Свалка мусора', 'г. Омск, ул. Кирова, 2', 54.97, 73.31, 1760000000000, 1760000000000);
)sql",
    // v5
    R"sql(
INSERT INTO tiles (source, z, x, y, data, fetched_at, last_used) VALUES ('osm', 1, 0, 0, x'89504e47', 1760000000000, 1760000000000);
)sql",
};

void createAtVersion(const QString &path, int version)
{
    sqlite::Database db(path, sqlite::Database::OpenMode::ReadWriteCreate);
    for (int v = 1; v <= version; ++v) {
        CacheSchema::migrate(db, v - 1, v);
        if (v <= int(std::size(Fixtures)))
            db.exec(QString::fromUtf8(Fixtures[v - 1]));
    }
}

} // namespace

class TestCacheMigrations : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void everyEarlierVersionUpgradesWithData_data()
    {
        QTest::addColumn<int>("from");
        for (int version = 1; version < LocalCache::latestSchemaVersion(); ++version)
            QTest::addRow("from v%d", version) << version;
    }
    void everyEarlierVersionUpgradesWithData()
    {
        QFETCH(int, from);
        const QString path = m_dir.filePath(QStringLiteral("v%1.sqlite").arg(from));
        createAtVersion(path, from);

        auto cache = LocalCache::open(path);
        QCOMPARE(cache->schemaVersion(), LocalCache::latestSchemaVersion());
        QVERIFY(cache->quickCheck().isEmpty());

        // A backup of the old file was made first, and it still reads as v<from>.
        QVERIFY(!cache->migrationBackup().isEmpty());
        {
            sqlite::Database backup(cache->migrationBackup(), sqlite::Database::OpenMode::ReadOnly);
            QCOMPARE(backup.queryInt(QStringLiteral("PRAGMA user_version")), from);
        }

        const auto c = cache->complaints().complaint(7);
        QVERIFY(c);
        QCOMPARE(c->version, 3);
        QCOMPARE(c->text, QStringLiteral("Глубокая яма у остановки"));
        QCOMPARE(c->dueDate, QDate(2025, 11, 8));
        QCOMPARE(c->votes, 12);
        QCOMPARE(cache->media().history(7).size(), 1);
        QCOMPARE(cache->media().photos(7).size(), 1);
        QCOMPARE(cache->syncState().cursor, QStringLiteral("cursor-v1"));
        // The catalogue an earlier desk kept is fetched whole again (step 15):
        // it may lack what this desk reads (calendar, templates).
        QVERIFY(cache->syncState().catalogueEtag.isEmpty());
        QCOMPARE(cache->catalogue().load().categories.size(), 1);
        // The geography's table (step 11) is there, empty until a sync.
        QVERIFY(cache->geography().load().isEmpty());
        cache->geography().replace(
            {{}, {{QStringLiteral("ул. Ленина"), {{{54.98, 73.37}, {54.97, 73.38}}}}}},
            QStringLiteral("\"g\""));
        QCOMPARE(cache->geography().load().streets.size(), 1);
        if (from >= 2) {
            QCOMPARE(cache->drafts().draft(7)->text, QStringLiteral("Черновик отказа"));
            QCOMPARE(cache->outbox().all().size(), 1);
        }
        // Data written before the search and spatial indexes existed is
        // found by them after the upgrade.
        QueueQuery search;
        search.text = QStringLiteral("ЯМА");
        QCOMPARE(cache->queue().ids(search), QList<qint64>{7});
        const auto inBox = cache->queue().points({54.97, 73.36, 54.99, 73.38});
        QCOMPARE(inBox.size(), 1);
        QCOMPARE(inBox[0].id, 7);
        const qint64 expected = 1 + (from >= 3 ? 1 : 0) + (from >= 4 ? 1 : 0);
        QCOMPARE(cache->complaints().count(), expected);
        QueueQuery all;
        all.box = GeoBox{54.0, 73.0, 56.0, 74.0};
        QCOMPARE(cache->queue().count(all), expected);
    }

    void stepsAreAtomic()
    {
        // A step that fails halfway leaves the database at the previous version.
        const QString path = m_dir.filePath(QStringLiteral("atomic.sqlite"));
        createAtVersion(path, 2);
        {
            sqlite::Database db(path, sqlite::Database::OpenMode::ReadWrite);
            // Make step 3 fail: its FTS table name is taken.
            db.exec(QStringLiteral("CREATE TABLE complaints_fts (x)"));
        }
        QVERIFY_THROWS_EXCEPTION(CacheError, LocalCache::open(path));
        sqlite::Database db(path, sqlite::Database::OpenMode::ReadOnly);
        QCOMPARE(db.queryInt(QStringLiteral("PRAGMA user_version")), 2);
        QCOMPARE(db.queryInt(QStringLiteral("SELECT count(*) FROM drafts")), 1);
    }

    void newerVersionIsRefusedUntouched()
    {
        const QString path = m_dir.filePath(QStringLiteral("newer.sqlite"));
        createAtVersion(path, LocalCache::latestSchemaVersion());
        {
            sqlite::Database db(path, sqlite::Database::OpenMode::ReadWrite);
            db.exec(QStringLiteral("PRAGMA user_version = %1")
                        .arg(LocalCache::latestSchemaVersion() + 1));
            db.exec(QStringLiteral("PRAGMA journal_mode = DELETE"));
        }
        const QByteArray before = rd::test::fileHash(path);
        try {
            LocalCache::open(path);
            QFAIL("a cache from a newer version was opened");
        } catch (const CacheError &error) {
            QCOMPARE(error.kind(), CacheError::Kind::NewerVersion);
            QVERIFY2(error.message().contains(QDir::toNativeSeparators(path)),
                     qPrintable(error.message()));
            QVERIFY(
                error.message().contains(QString::number(LocalCache::latestSchemaVersion() + 1)));
        }
        QCOMPARE(rd::test::fileHash(path), before);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }

    void foreignDatabaseIsRefusedUntouched_data()
    {
        QTest::addColumn<QString>("setup");
        QTest::newRow("tables, no version") << QStringLiteral("CREATE TABLE accounts (id INTEGER)");
        QTest::newRow("other application id")
            << QStringLiteral("PRAGMA application_id = 1234; PRAGMA user_version = 1");
    }
    void foreignDatabaseIsRefusedUntouched()
    {
        QFETCH(QString, setup);
        const QString path =
            m_dir.filePath(QStringLiteral("foreign-%1.sqlite").arg(QTest::currentDataTag()));
        {
            sqlite::Database db(path, sqlite::Database::OpenMode::ReadWriteCreate);
            db.exec(setup);
        }
        const QByteArray before = rd::test::fileHash(path);
        try {
            LocalCache::open(path);
            QFAIL("another program's database was opened");
        } catch (const CacheError &error) {
            QCOMPARE(error.kind(), CacheError::Kind::NotADatabase);
            QVERIFY(error.message().contains(QDir::toNativeSeparators(path)));
        }
        QCOMPARE(rd::test::fileHash(path), before);
    }
};

QTEST_GUILESS_MAIN(TestCacheMigrations)
#include "tst_cachemigrations.moc"
