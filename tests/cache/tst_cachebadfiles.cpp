// Bad files and bad places: each gets a clear error that names the file and
// says what to do, and nothing is overwritten without a backup.

#include "CacheError.h"
#include "LocalCache.h"
#include "TestSupport.h"
#include "sqlite/Database.h"
#include "sqlite/Transaction.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace rd;
using rd::test::makeComplaint;

Q_DECLARE_METATYPE(rd::CacheError::Kind)

namespace {

CacheError::Kind openError(const QString &path, const CacheOptions &options = {})
{
    try {
        LocalCache::open(path, options);
    } catch (const CacheError &error) {
        if (!error.message().contains(QDir::toNativeSeparators(path)) &&
            !error.message().contains(QDir::toNativeSeparators(QFileInfo(path).absolutePath())))
            qWarning() << "message does not name the file:" << error.message();
        return error.kind();
    }
    return CacheError::Kind::Other;
}

// A cache with enough data to span many pages, plus a draft and an action.
void writeCache(const QString &path, int complaints = 2000)
{
    auto cache = LocalCache::open(path);
    QList<Complaint> list;
    for (int id = 1; id <= complaints; ++id)
        list.append(makeComplaint(id, 1,
                                  QStringLiteral("Текст жалобы номер %1, достаточно длинный, "
                                                 "чтобы занять страницы")
                                      .arg(id)));
    cache->complaints().upsert(list);
    cache->drafts().save({5,
                          QStringLiteral("refuse"),
                          QStringLiteral("Несохранённый ответ"),
                          {},
                          {},
                          1,
                          {},
                          {},
                          {}});
    OutboxAction action;
    action.complaintId = 6;
    action.idempotencyKey = QStringLiteral("k-6");
    action.action = QStringLiteral("publish");
    action.payload = R"({"agency":1})";
    cache->outbox().enqueue(action);
}

// Merges the WAL into the file, so the bytes on disk are the whole database
// (as after a clean shutdown; the file stays in WAL mode).
void checkpoint(const QString &path)
{
    sqlite::Database db(path, sqlite::Database::OpenMode::ReadWrite);
    db.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
}

} // namespace

class TestCacheBadFiles : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString path(const QString &name) const { return m_dir->filePath(name); }

    // Runs cacheprobe on path as a user without root's powers.
    QString probeUnprivileged(const QString &cachePath)
    {
        const QString probe =
            QCoreApplication::applicationDirPath() + QStringLiteral("/cacheprobe");
        QProcess process;
#ifdef Q_OS_UNIX
        if (geteuid() == 0) {
            const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
            if (setpriv.isEmpty())
                return QStringLiteral("setpriv missing: install util-linux");
            process.start(setpriv,
                          {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                           QStringLiteral("--clear-groups"), probe, cachePath});
        } else {
            process.start(probe, {cachePath});
        }
#else
        process.start(probe, {cachePath});
#endif
        process.waitForFinished(30000);
        return QString::fromLocal8Bit(process.readAllStandardOutput() +
                                      process.readAllStandardError())
            .trimmed();
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QFile::setPermissions(m_dir->path(), QFile::ReadOwner | QFile::WriteOwner |
                                                 QFile::ExeOwner | QFile::ReadOther |
                                                 QFile::ExeOther | QFile::ReadGroup |
                                                 QFile::ExeGroup);
    }

    void fileThatIsNotADatabase_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("text") << QByteArray("Это не база данных, а список дел.\n").repeated(100);
        QTest::newRow("zip-like") << QByteArray("PK\x03\x04", 4) + QByteArray(5000, '\x01');
        QTest::newRow("short garbage") << QByteArray("SQLite format 2");
    }
    void fileThatIsNotADatabase()
    {
        QFETCH(QByteArray, content);
        const QString file = path(QStringLiteral("notes.sqlite"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        const QByteArray before = rd::test::fileHash(file);
        try {
            LocalCache::open(file);
            QFAIL("opened a file that is not a database");
        } catch (const CacheError &error) {
            QCOMPARE(error.kind(), CacheError::Kind::NotADatabase);
            QVERIFY(error.message().contains(QDir::toNativeSeparators(file)));
            QVERIFY(error.message().contains(QStringLiteral("will not overwrite")));
        }
        QCOMPARE(rd::test::fileHash(file), before);
    }

    void damagedHeaderReadsAsNotADatabase()
    {
        const QString file = path(QStringLiteral("cache.sqlite"));
        writeCache(file);
        checkpoint(file);
        rd::test::scribble(file, 0, 16);
        QCOMPARE(openError(file), CacheError::Kind::NotADatabase);
    }

    void damagedPagesAreFoundAndSetAside_data()
    {
        QTest::addColumn<qint64>("offsetPercent");
        QTest::addColumn<bool>("truncate");
        QTest::newRow("pages in the middle") << qint64(50) << false;
        QTest::newRow("pages near the end") << qint64(85) << false;
        QTest::newRow("truncated file") << qint64(60) << true;
    }
    void damagedPagesAreFoundAndSetAside()
    {
        QFETCH(qint64, offsetPercent);
        QFETCH(bool, truncate);
        const QString file = path(QStringLiteral("cache.sqlite"));
        writeCache(file);
        checkpoint(file);
        const qint64 size = QFileInfo(file).size();
        if (truncate)
            QVERIFY(QFile::resize(file, (size * offsetPercent / 100) / 4096 * 4096));
        else
            rd::test::scribble(file, (size * offsetPercent / 100) / 4096 * 4096 + 100, 3 * 4096);
        const QByteArray damaged = rd::test::fileHash(file);

        // Found: either on opening, by the integrity check, or by reading.
        bool found = false;
        try {
            auto cache = LocalCache::open(file);
            found = !cache->quickCheck().isEmpty();
            if (!found) {
                cache->queue().ids({});
                for (qint64 id = 1; id <= 2000; ++id)
                    cache->complaints().complaint(id);
            }
        } catch (const CacheError &error) {
            QCOMPARE(error.kind(), CacheError::Kind::Corrupt);
            QVERIFY(error.message().contains(QDir::toNativeSeparators(file)));
            found = true;
        }
        QVERIFY2(found, "damage went unnoticed");

        // Set aside: the damaged bytes are kept as they were, a fresh cache
        // takes the name, and the user's unsent work comes along.
        const LocalCache::Recovery recovery = LocalCache::setAsideAndRecreate(file);
        QVERIFY(QFile::exists(recovery.backupPath));
        QCOMPARE(rd::test::fileHash(recovery.backupPath), damaged);
        auto fresh = LocalCache::open(file);
        QVERIFY(fresh->quickCheck().isEmpty());
        QCOMPARE(fresh->complaints().count(), 0);
        QCOMPARE(recovery.draftsRecovered, int(fresh->drafts().count()));
        QCOMPARE(recovery.actionsRecovered, int(fresh->outbox().count()));
        QCOMPARE(recovery.draftsRecovered, 1);
        QCOMPARE(recovery.actionsRecovered, 1);
        QCOMPARE(fresh->drafts().draft(5)->text, QStringLiteral("Несохранённый ответ"));
        QCOMPARE(fresh->outbox().all().first().idempotencyKey, QStringLiteral("k-6"));
    }

    void setAsideKeepsUncheckpointedWal()
    {
        // Committed work still in the -wal file must travel with the backup.
        const QString file = path(QStringLiteral("cache.sqlite"));
        auto cache = LocalCache::open(file);
        cache->drafts().save(
            {9, QStringLiteral("solve"), QStringLiteral("в журнале"), {}, {}, 1, {}, {}, {}});
        const LocalCache::Recovery recovery = LocalCache::setAsideAndRecreate(file);
        QCOMPARE(recovery.draftsRecovered, 1);
        cache.reset();
    }

    // Setting aside is all or nothing: when the -wal cannot follow (here a
    // folder is in its way; on Windows another handle may hold it, which is
    // tried again for a while), what moved is moved back, and the error
    // names the file that stayed.
    void setAsideIsAllOrNothing()
    {
        const QString file = path(QStringLiteral("cache.sqlite"));
        auto cache = LocalCache::open(file);
        cache->drafts().save(
            {9, QStringLiteral("solve"), QStringLiteral("в журнале"), {}, {}, 1, {}, {}, {}});
        QVERIFY(QFileInfo::exists(file + QStringLiteral("-wal")));
        // The backup's name carries the time to the second: a folder in the
        // way of its -wal for every second this test may take, in either zone.
        const QDateTime now = QDateTime::currentDateTime();
        for (int second = -2; second <= 20; ++second) {
            for (const QDateTime &at : {now.addSecs(second), now.addSecs(second).toUTC()}) {
                const QString stamp = at.toString(QStringLiteral("yyyyMMdd-HHmmss"));
                QVERIFY(
                    QDir().mkpath(file + QStringLiteral(".damaged-%1-wal/in-the-way").arg(stamp)));
            }
        }
        try {
            LocalCache::setAsideAndRecreate(file);
            QFAIL("the -wal was left behind without a word");
        } catch (const CacheError &error) {
            QCOMPARE(error.kind(), CacheError::Kind::CannotOpen);
            QVERIFY2(
                error.message().contains(QDir::toNativeSeparators(file + QStringLiteral("-wal"))),
                qPrintable(error.message()));
        }
        QVERIFY(QFileInfo::exists(file));
        QVERIFY(QFileInfo::exists(file + QStringLiteral("-wal")));
        const QStringList backups =
            QDir(m_dir->path()).entryList({QStringLiteral("cache.sqlite.damaged-*")}, QDir::Files);
        QVERIFY2(backups.isEmpty(), qPrintable(backups.join(QLatin1Char(' '))));
        cache.reset();
        QCOMPARE(LocalCache::open(file)->drafts().draft(9)->text, QStringLiteral("в журнале"));
    }

    void missingFolderIsCreated()
    {
        const QString file = path(QStringLiteral("a/b/c/cache.sqlite"));
        auto cache = LocalCache::open(file);
        cache->complaints().upsert({makeComplaint(1)});
        QVERIFY(QFile::exists(file));
    }

    void folderThatCannotExist()
    {
        const QString blocker = path(QStringLiteral("plain-file"));
        QFile f(blocker);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        QCOMPARE(openError(blocker + QStringLiteral("/sub/cache.sqlite")),
                 CacheError::Kind::CannotOpen);
    }

    void pathIsAFolder()
    {
        QVERIFY(QDir(m_dir->path()).mkdir(QStringLiteral("folder.sqlite")));
        QCOMPARE(openError(path(QStringLiteral("folder.sqlite"))), CacheError::Kind::CannotOpen);
    }

    void readOnlyFolderForNewCache()
    {
        RD_SKIP_ON_WINDOWS("POSIX permission bits and another user (setpriv): Windows has ACLs, "
                           "QFile::setPermissions only toggles a file's read-only attribute");
        const QString folder = path(QStringLiteral("locked"));
        QVERIFY(QDir().mkdir(folder));
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadOther |
                                          QFile::ExeOther | QFile::ReadGroup | QFile::ExeGroup);
        const QString result = probeUnprivileged(folder + QStringLiteral("/cache.sqlite"));
        QVERIFY2(
            result.startsWith(QStringLiteral("error %1 ").arg(int(CacheError::Kind::CannotOpen))),
            qPrintable(result));
        QVERIFY2(result.contains(QDir::toNativeSeparators(folder)), qPrintable(result));
        QVERIFY(!QFile::exists(folder + QStringLiteral("/cache.sqlite")));
    }

    void readOnlyCacheFile()
    {
        RD_SKIP_ON_WINDOWS("POSIX permission bits and another user (setpriv): Windows has ACLs, "
                           "QFile::setPermissions only toggles a file's read-only attribute");
        const QString folder = path(QStringLiteral("shared"));
        QVERIFY(QDir().mkdir(folder));
        const QString file = folder + QStringLiteral("/cache.sqlite");
        writeCache(file, 10);
        checkpoint(file);
        // The folder and file belong to root; the probe runs as nobody, who
        // may read but not write either.
        QFile::setPermissions(file, QFile::ReadOwner | QFile::ReadOther | QFile::ReadGroup);
        const QByteArray before = rd::test::fileHash(file);
        const QString result = probeUnprivileged(file);
        QVERIFY2(
            result.startsWith(QStringLiteral("error %1 ").arg(int(CacheError::Kind::ReadOnly))),
            qPrintable(result));
        QVERIFY2(result.contains(QDir::toNativeSeparators(file)), qPrintable(result));
        QCOMPARE(rd::test::fileHash(file), before);
    }

    void diskFullKeepsEverythingAlreadySaved()
    {
        const QString file = path(QStringLiteral("cache.sqlite"));
        writeCache(file, 50);
        const qint64 pages = [&] {
            sqlite::Database db(file, sqlite::Database::OpenMode::ReadOnly);
            return db.queryInt(QStringLiteral("PRAGMA page_count"));
        }();
        CacheOptions options;
        options.maxPageCount = pages + 5;
        auto cache = LocalCache::open(file, options);
        QList<Complaint> many;
        for (int id = 1000; id < 6000; ++id)
            many.append(makeComplaint(id, 1, QStringLiteral("Длинный текст ").repeated(20)));
        try {
            cache->complaints().upsert(many);
            QFAIL("the full disk went unnoticed");
        } catch (const CacheError &error) {
            QCOMPARE(error.kind(), CacheError::Kind::DiskFull);
            QVERIFY(error.message().contains(QDir::toNativeSeparators(file)));
        }
        // The failed batch left nothing half-written; what was there stays,
        // and the cache keeps working for reads and small writes.
        QCOMPARE(cache->complaints().count(), 50);
        QCOMPARE(cache->drafts().count(), 1);
        cache->drafts().save(
            {7, QStringLiteral("solve"), QStringLiteral("ещё помещается"), {}, {}, 1, {}, {}, {}});
        QCOMPARE(cache->drafts().count(), 2);
        QVERIFY(cache->quickCheck().isEmpty());
    }

    void lockedByAnotherWriter()
    {
        const QString file = path(QStringLiteral("cache.sqlite"));
        writeCache(file, 5);
        CacheOptions options;
        options.busyTimeoutMs = 100;
        auto cache = LocalCache::open(file, options);
        sqlite::Database other(file, sqlite::Database::OpenMode::ReadWrite);
        sqlite::Transaction holding(other);
        try {
            cache->complaints().upsert({makeComplaint(100)});
            QFAIL("wrote through another writer's lock");
        } catch (const CacheError &error) {
            QCOMPARE(error.kind(), CacheError::Kind::Busy);
        }
        QCOMPARE(cache->complaints().count(), 5); // reads go on meanwhile (WAL)
    }
};

QTEST_GUILESS_MAIN(TestCacheBadFiles)
#include "tst_cachebadfiles.moc"
