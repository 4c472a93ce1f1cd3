// Encryption at rest (docs/cache.md): a cache file copied off the machine
// reads as nothing without the user's key, plain caches are encrypted in
// place without losing a thing (also when killed halfway), and the backups
// beside the cache and the photo cache are encrypted too.

#include "CacheError.h"
#include "LocalCache.h"
#include "TestSupport.h"
#include "sqlite/Database.h"
#include "sqlite/Encryption.h"
#include "sqlite/SqliteError.h"
#include "sync/PhotoCache.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace rd;

namespace {

const QString KnownName = QStringLiteral("Сидорова Евдокия Кирилловна");
const QString KnownPhone = QStringLiteral("+7 913 271-82-81");
const QString KnownText = QStringLiteral("Прорвало трубу у дома Сидоровой");

Complaint personal(qint64 id)
{
    Complaint c = test::makeComplaint(id, 1, KnownText);
    c.authorName = KnownName;
    c.authorPhone = KnownPhone;
    return c;
}

// Every file at path and beside it (-wal, -shm, backups): the bytes a thief
// would copy.
QByteArray everyByteBeside(const QString &path)
{
    QByteArray bytes;
    const QFileInfo info(path);
    const QDir folder = info.absoluteDir();
    for (const QString &name :
         folder.entryList({info.fileName() + QLatin1Char('*')}, QDir::Files)) {
        QFile file(folder.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            bytes += file.readAll();
    }
    return bytes;
}

void expectNoPersonalData(const QString &path)
{
    const QByteArray bytes = everyByteBeside(path);
    QVERIFY(bytes.size() > 4096);
    for (const QString &secret : {KnownName, KnownPhone, KnownText}) {
        QVERIFY2(!bytes.contains(secret.toUtf8()), qPrintable(secret));
        // Nor in UTF-16, should a column ever be stored that way.
        const QByteArray utf16(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2);
        QVERIFY2(!bytes.contains(utf16), qPrintable(secret));
    }
    // Not a word of any of it, even split: "Сидорова" alone.
    QVERIFY(!bytes.contains(QStringLiteral("Сидоров").toUtf8()));
}

void writePlainCache(const QString &path, int count)
{
    auto cache = LocalCache::open(path);
    QList<Complaint> complaints;
    for (int id = 1; id <= count; ++id)
        complaints.append(personal(id));
    cache->complaints().upsert(complaints);
    Draft draft;
    draft.complaintId = 1;
    draft.kind = QStringLiteral("solve");
    draft.text = QStringLiteral("Черновик ответа");
    draft.baseVersion = 1;
    draft.updatedAt = test::fixedNow();
    cache->drafts().save(draft);
}

void expectIntact(LocalCache &cache, int count)
{
    QCOMPARE(cache.complaints().count(), qint64(count));
    const auto first = cache.complaints().complaint(1);
    QVERIFY(first);
    QCOMPARE(first->authorName, KnownName);
    QCOMPARE(first->authorPhone, KnownPhone);
    const auto draft = cache.drafts().draft(1);
    QVERIFY(draft);
    QCOMPARE(draft->text, QStringLiteral("Черновик ответа"));
    QVERIFY(cache.quickCheck().isEmpty());
}

} // namespace

class TestCacheEncryption : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void copiedFileIsUnreadableWithoutTheKey();
    void wrongKeyIsRefusedUntouched();
    void plainCacheIsEncryptedInPlace();
    void migrationKilledAtAnyPointLosesNothing();
    void migrationBackupIsEncrypted();
    void photoCacheIsEncrypted();
    void keysAreRandomAndSized();

private:
    QTemporaryDir m_dir;
};

void TestCacheEncryption::copiedFileIsUnreadableWithoutTheKey()
{
    const QString path = m_dir.filePath(QStringLiteral("copied.sqlite"));
    const QByteArray key = sqlite::newKey();
    {
        CacheOptions options;
        options.key = key;
        auto cache = LocalCache::open(path, options);
        QVERIFY(cache->isEncrypted());
        cache->complaints().upsert({personal(1), personal(2)});
        // Still open: the WAL holds the pages, and must be as unreadable.
        QVERIFY(QFileInfo(path + QStringLiteral("-wal")).size() > 0);
        expectNoPersonalData(path);
    }
    expectNoPersonalData(path);
    QCOMPARE(sqlite::fileKind(path), sqlite::FileKind::NotPlain);

    // Plain SQLite (this library without a key is just that) sees no database.
    try {
        sqlite::Database plain(path, sqlite::Database::OpenMode::ReadOnly);
        plain.queryInt(QStringLiteral("SELECT count(*) FROM complaints"));
        QFAIL("an encrypted cache was read without its key");
    } catch (const sqlite::Error &error) {
        QCOMPARE(error.code(), SQLITE_NOTADB);
    }
    try {
        LocalCache::open(path);
        QFAIL("an encrypted cache opened without its key");
    } catch (const CacheError &error) {
        QCOMPARE(error.kind(), CacheError::Kind::NotADatabase);
        QVERIFY(error.message().contains(QStringLiteral("encrypted")));
    }
    // With the key, everything is there.
    CacheOptions options;
    options.key = key;
    auto cache = LocalCache::open(path, options);
    QCOMPARE(cache->complaints().complaint(2)->authorName, KnownName);
    QCOMPARE(cache->options().key, key); // for the sync engine's connection
}

void TestCacheEncryption::wrongKeyIsRefusedUntouched()
{
    const QString path = m_dir.filePath(QStringLiteral("wrongkey.sqlite"));
    CacheOptions options;
    options.key = sqlite::newKey();
    LocalCache::open(path, options)->complaints().upsert({personal(1)});
    const QByteArray before = test::fileHash(path);

    CacheOptions wrong;
    wrong.key = sqlite::newKey();
    try {
        LocalCache::open(path, wrong);
        QFAIL("a wrong key opened the cache");
    } catch (const CacheError &error) {
        QCOMPARE(error.kind(), CacheError::Kind::WrongKey);
        QVERIFY(error.message().contains(QDir::toNativeSeparators(path)));
    }
    QCOMPARE(test::fileHash(path), before);
    // A key of the wrong size is a programming error, refused as such.
    try {
        sqlite::Database db(path, sqlite::Database::OpenMode::ReadOnly, QByteArray(16, 'k'));
        QFAIL("a 16-byte key was taken");
    } catch (const sqlite::Error &error) {
        QCOMPARE(error.code(), SQLITE_MISUSE);
    }
    QCOMPARE(LocalCache::open(path, options)->complaints().count(), qint64(1));
}

void TestCacheEncryption::plainCacheIsEncryptedInPlace()
{
    const QString path = m_dir.filePath(QStringLiteral("legacy.sqlite"));
    writePlainCache(path, 50);
    QCOMPARE(sqlite::fileKind(path), sqlite::FileKind::Plain);
    // A plain backup from an earlier schema migration lies beside it.
    const QString backup = path + QStringLiteral(".v9-backup-20260101-000000");
    {
        sqlite::Database db(path, sqlite::Database::OpenMode::ReadWrite);
        sqlite::Statement vacuum(db, QStringLiteral("VACUUM INTO ?1"));
        vacuum.bind(1, backup).run();
    }
    QVERIFY(QFile(backup).open(QIODevice::ReadOnly));
    QVERIFY(everyByteBeside(path).contains(KnownName.toUtf8())); // the test sees plain data

    CacheOptions options;
    options.key = sqlite::newKey();
    {
        auto cache = LocalCache::open(path, options);
        QVERIFY(cache->isEncrypted());
        expectIntact(*cache, 50);
    }
    QCOMPARE(sqlite::fileKind(path), sqlite::FileKind::NotPlain);
    QCOMPARE(sqlite::fileKind(backup), sqlite::FileKind::NotPlain);
    QVERIFY(!QFileInfo::exists(path + QStringLiteral(".encrypting")));
    expectNoPersonalData(path);
    sqlite::Database readBack(backup, sqlite::Database::OpenMode::ReadOnly, options.key);
    QCOMPARE(readBack.queryInt(QStringLiteral("SELECT count(*) FROM complaints")), 50);

    // A plain backup beside a cache already encrypted (a crash or a cancel
    // between the two) is encrypted at the next open.
    const QString late = path + QStringLiteral(".damaged-20260102-000000");
    writePlainCache(late, 5);
    LocalCache::open(path, options);
    QCOMPARE(sqlite::fileKind(late), sqlite::FileKind::NotPlain);
    expectNoPersonalData(path);
}

void TestCacheEncryption::migrationKilledAtAnyPointLosesNothing()
{
    RD_SKIP_ON_WINDOWS("kills the probe with SIGKILL semantics (QProcess::kill)");
    // Large enough that the probe spends a second or so encrypting.
    const QString pristine = m_dir.filePath(QStringLiteral("pristine.sqlite"));
    constexpr int Count = 20000;
    writePlainCache(pristine, Count);
    const QString probe = QCoreApplication::applicationDirPath() + QStringLiteral("/cacheprobe");
    const QByteArray key = sqlite::newKey();
    int sawPlain = 0;
    int sawEncrypted = 0;
    for (const int delayMs : {0, 15, 40, 80, 150, 250, 400, 600, 900, 1400, 2200}) {
        const QString path = m_dir.filePath(QStringLiteral("killed-%1.sqlite").arg(delayMs));
        QVERIFY(QFile::copy(pristine, path));
        QProcess process;
        process.start(probe, {QStringLiteral("--key"), QString::fromLatin1(key.toHex()), path});
        QVERIFY(process.waitForStarted());
        if (delayMs > 0)
            QTest::qWait(delayMs);
        process.kill();
        process.waitForFinished();

        // Whatever moment it died at: one whole database, plain or encrypted.
        if (sqlite::fileKind(path) == sqlite::FileKind::Plain) {
            ++sawPlain;
            expectIntact(*LocalCache::open(path), Count);
        } else {
            ++sawEncrypted;
        }
        CacheOptions options;
        options.key = key;
        auto cache = LocalCache::open(path, options); // finishes what was cut short
        expectIntact(*cache, Count);
        QVERIFY(!QFileInfo::exists(path + QStringLiteral(".encrypting")));
    }
    qInfo("killed while plain: %d, after the swap: %d", sawPlain, sawEncrypted);
    QVERIFY(sawPlain > 0); // the early kills came before the swap
}

void TestCacheEncryption::migrationBackupIsEncrypted()
{
    // A plain cache one schema behind, opened with a key: encrypted first, then migrated,
    // with the backup taken from the encrypted file.
    const QString path = m_dir.filePath(QStringLiteral("oldschema.sqlite"));
    {
        auto cache = LocalCache::open(path);
        cache->complaints().upsert({personal(1)});
    }
    {
        sqlite::Database db(path, sqlite::Database::OpenMode::ReadWrite);
        // Back to the schema before the last step (an FTS5 setting,
        // harmless to apply again).
        db.exec(
            QStringLiteral("PRAGMA user_version = %1").arg(LocalCache::latestSchemaVersion() - 1));
    }
    CacheOptions options;
    options.key = sqlite::newKey();
    auto cache = LocalCache::open(path, options);
    const QString backup = cache->migrationBackup();
    QVERIFY(!backup.isEmpty());
    QCOMPARE(sqlite::fileKind(backup), sqlite::FileKind::NotPlain);
    QFile file(backup);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains(KnownName.toUtf8()));
    sqlite::Database readBack(backup, sqlite::Database::OpenMode::ReadOnly, options.key);
    QCOMPARE(readBack.queryInt(QStringLiteral("SELECT count(*) FROM complaints")), 1);
}

void TestCacheEncryption::photoCacheIsEncrypted()
{
    const QString path = m_dir.filePath(QStringLiteral("photos.sqlite"));
    const QByteArray photo = QByteArray("\x89PNG\r\n\x1a\n", 8) +
                             QByteArray("Лицо заявителя крупным планом").repeated(40);
    {
        auto plain = PhotoCache::open(path, 1 << 20);
        QVERIFY(plain->put(QStringLiteral("p1"), QStringLiteral("image/png"), photo));
    }
    const QByteArray key = sqlite::newKey();
    {
        auto cache = PhotoCache::open(path, 1 << 20, key); // the plain one, encrypted
        QVERIFY(!cache->wasReset());
        QCOMPARE(cache->get(QStringLiteral("p1"))->data, photo);
    }
    QCOMPARE(sqlite::fileKind(path), sqlite::FileKind::NotPlain);
    QVERIFY(!everyByteBeside(path).contains(photo.mid(8, 60)));
    // Another key (the user's was lost): only fetched copies, so afresh.
    auto other = PhotoCache::open(path, 1 << 20, sqlite::newKey());
    QVERIFY(other->wasReset());
    QCOMPARE(other->count(), 0);
    QVERIFY(!everyByteBeside(path).contains(photo.mid(8, 60)));
}

void TestCacheEncryption::keysAreRandomAndSized()
{
    const QByteArray a = sqlite::newKey();
    const QByteArray b = sqlite::newKey();
    QCOMPARE(a.size(), sqlite::KeyBytes);
    QVERIFY(a != b);
    QVERIFY(a != QByteArray(sqlite::KeyBytes, '\0'));
}

QTEST_GUILESS_MAIN(TestCacheEncryption)
#include "tst_cacheencryption.moc"
