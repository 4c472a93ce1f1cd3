#include "LocalCache.h"

#include "CacheGuard.h"
#include "CacheSchema.h"
#include "Clock.h"
#include "sqlite/Database.h"
#include "sqlite/Encryption.h"
#include "sqlite/Transaction.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QThread>

#include <sqlite3.h>

#include <algorithm>

Q_LOGGING_CATEGORY(lcCache, "regiondesk.cache")

namespace rd {

using detail::fromMs;
using detail::guarded;
using detail::guardedWrite;
using detail::toMs;

namespace {

constexpr qint64 SearchCatchUpAtOpen = 5000;

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

// Checks the path before SQLite sees it, for messages better than
// "unable to open database file".
void checkLocation(const QString &path)
{
    const QFileInfo info(path);
    if (info.isDir()) {
        throw CacheError(CacheError::Kind::CannotOpen, native(path),
                         CacheError::tr("The cache location %1 is a folder, not a file. Choose a "
                                        "file name for the cache.")
                             .arg(native(path)));
    }
    const QString folder = info.absolutePath();
    if (!QDir().mkpath(folder)) {
        throw CacheError(CacheError::Kind::CannotOpen, native(path),
                         CacheError::tr("The folder %1 for the local cache does not exist and "
                                        "cannot be created. Check the path and your permissions, "
                                        "or choose another cache location.")
                             .arg(native(folder)));
    }
}

// Picks a backup name next to path that does not exist yet.
QString freeBackupName(const QString &path, const QString &tag)
{
    const QString stamp = Clock::system().now().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString candidate = QStringLiteral("%1.%2-%3").arg(path, tag, stamp);
    for (int n = 2; QFileInfo::exists(candidate); ++n)
        candidate = QStringLiteral("%1.%2-%3-%4").arg(path, tag, stamp).arg(n);
    return candidate;
}

// Renames from to to. On Windows a file that another handle holds without
// FILE_SHARE_DELETE cannot be renamed: a second RegionDesk still closing,
// an antivirus scan or a backup agent reading it. Such holds are short, so
// it tries again for about 2 s before giving up (POSIX renames an open file
// at once; there a failure is final after the same tries).
bool moveAside(const QString &from, const QString &to)
{
    constexpr int Attempts = 8;
    for (int attempt = 0; attempt < Attempts; ++attempt) {
        if (QFile::rename(from, to))
            return true;
        if (!QFileInfo::exists(from) || attempt + 1 == Attempts)
            break;
        QThread::msleep(50UL << std::min(attempt, 3)); // 50, 100, 200, 400, 400 … ms
    }
    return false;
}

bool isEmptyDatabase(sqlite::Database &db)
{
    return db.queryInt(QStringLiteral("SELECT count(*) FROM sqlite_schema")) == 0;
}

} // namespace

namespace {

// Read before writing anything: a refused file must stay untouched, and a
// file that is not a database fails here with SQLITE_NOTADB. Returns the
// file's format version (0: new).
int checkOpenable(sqlite::Database &db, const QString &path)
{
    const int version = int(db.queryInt(QStringLiteral("PRAGMA user_version")));
    const qint64 applicationId = db.queryInt(QStringLiteral("PRAGMA application_id"));
    if ((version == 0 && !isEmptyDatabase(db)) ||
        (applicationId != 0 && applicationId != CacheSchema::ApplicationId)) {
        throw CacheError(CacheError::Kind::NotADatabase, native(path),
                         CacheError::tr("The file %1 is an SQLite database of another program, "
                                        "not a RegionDesk cache. Choose another cache location; "
                                        "RegionDesk will not change it.")
                             .arg(native(path)));
    }
    if (version > CacheSchema::latestVersion()) {
        throw CacheError(CacheError::Kind::NewerVersion, native(path),
                         CacheError::tr("The local cache %1 was written by a newer version of "
                                        "RegionDesk (format %2; this version reads up to %3). "
                                        "Install the newer version, or choose another cache "
                                        "location. The file was not changed.")
                             .arg(native(path))
                             .arg(version)
                             .arg(CacheSchema::latestVersion()));
    }
    if (sqlite3_db_readonly(db.handle(), "main") == 1) {
        throw CacheError(CacheError::Kind::ReadOnly, native(path),
                         CacheError::tr("The local cache %1 cannot be written: the file is "
                                        "read-only. Ask your administrator for write access, "
                                        "or choose another cache location.")
                             .arg(native(path)));
    }
    return version;
}

void configure(sqlite::Database &db, const QString &path, bool fresh, const CacheOptions &options)
{
    sqlite3_busy_timeout(db.handle(), options.busyTimeoutMs);
    if (fresh) {
        // Before the first write fixes it: larger pages mean fewer system
        // calls per megabyte, which dominate bulk writes (docs/cache.md).
        db.exec(QStringLiteral("PRAGMA page_size = 16384"));
    }
    const QString journal = db.queryText(QStringLiteral("PRAGMA journal_mode = WAL"));
    if (journal.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        throw CacheError(CacheError::Kind::ReadOnly, native(path),
                         CacheError::tr("The local cache %1 cannot keep its write-ahead log "
                                        "next to it (journal mode \"%2\"). Make its folder "
                                        "writable, or choose another cache location.")
                             .arg(native(path), journal));
    }
    db.exec(QStringLiteral("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; "
                           "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -32000;"));
    // Reads through a memory map: on virtualised Windows and Linux desks a
    // pread() per page costs more than the query itself (docs/cache.md).
    db.exec(QStringLiteral("PRAGMA mmap_size = 268435456"));
    // An encrypted file cannot be mapped (every page is decrypted as it is
    // read): a larger page cache (128 MB, a 100 000-complaint cache whole)
    // takes the map's place, so a page is decrypted once, not at every
    // query that touches it.
    if (db.isEncrypted())
        db.exec(QStringLiteral("PRAGMA cache_size = -131072"));
    if (options.maxPageCount > 0)
        db.queryInt(QStringLiteral("PRAGMA max_page_count = %1").arg(options.maxPageCount));
}

// To the latest format; returns the backup made first (or none).
QString migrate(sqlite::Database &db, const QString &path, int version, const CacheOptions &options)
{
    QString backup;
    if (version >= CacheSchema::latestVersion())
        return backup;
    if (version > 0 && options.backupBeforeMigration) {
        backup = freeBackupName(path, QStringLiteral("v%1-backup").arg(version));
        sqlite::Statement vacuum(db, QStringLiteral("VACUUM INTO ?1"));
        vacuum.bind(1, backup).run();
        qCInfo(lcCache) << "backed up" << path << "to" << backup << "before migrating";
    }
    CacheSchema::migrate(db, version, CacheSchema::latestVersion());
    qCInfo(lcCache) << "migrated" << path << "from" << version << "to"
                    << CacheSchema::latestVersion();
    return backup;
}

} // namespace

namespace {

bool isCompanion(const QString &name)
{
    for (const char *suffix : {"-wal", "-shm", "-journal", ".encrypting"})
        if (name.endsWith(QLatin1String(suffix)))
            return true;
    return false;
}

// The backups lying beside a cache met with a key are encrypted in place
// too: a plain copy would give away what the encryption keeps. Looked for at
// every open with a key, not only when the cache itself was plain: a crash
// or a cancel between the cache and its backups leaves them for the next
// start. A backup that cannot be encrypted (a damaged one) is removed; its
// drafts were carried over when it was set aside. A cancel stops here and
// removes nothing.
void encryptPlainBackups(const QString &path, const QByteArray &key,
                         const std::atomic<bool> *cancel)
{
    const QFileInfo info(path);
    const QDir folder = info.absoluteDir();
    const QStringList backups = folder.entryList({info.fileName() + QStringLiteral(".*-backup-*"),
                                                  info.fileName() + QStringLiteral(".damaged-*")},
                                                 QDir::Files);
    for (const QString &name : backups) {
        const QString backup = folder.filePath(name);
        if (isCompanion(name) || sqlite::fileKind(backup) != sqlite::FileKind::Plain)
            continue;
        try {
            sqlite::encryptInPlace(backup, key, cancel);
        } catch (const sqlite::Error &error) {
            if (cancel && cancel->load())
                throw;
            qCWarning(lcCache) << "removing a plain backup that cannot be encrypted:" << backup
                               << error.message();
            const QStringList files = sqlite::companionFiles(backup) << backup;
            for (const QString &file : files)
                QFile::remove(file);
        }
    }
}

// A plain cache met with a key is encrypted in place (crash-safe: see
// sqlite::encryptInPlace), then its backups.
void encryptPlainCache(const QString &path, const QByteArray &key, const std::atomic<bool> *cancel)
{
    qCInfo(lcCache) << "encrypting the plain cache" << path;
    sqlite::encryptInPlace(path, key, cancel);
    encryptPlainBackups(path, key, cancel);
}

std::unique_ptr<sqlite::Database> openDatabase(const QString &path, const QByteArray &key)
{
    try {
        return std::make_unique<sqlite::Database>(path, sqlite::Database::OpenMode::ReadWriteCreate,
                                                  key);
    } catch (const sqlite::Error &error) {
        if (key.isEmpty() || error.code() != SQLITE_NOTADB)
            throw;
        throw CacheError(CacheError::Kind::WrongKey, native(path),
                         CacheError::tr("The local cache %1 is encrypted with another key than "
                                        "the one kept for you on this computer (the key was "
                                        "lost, or the file comes from another user or "
                                        "computer). RegionDesk can set it aside and download "
                                        "your complaints again; drafts not yet sent cannot be "
                                        "read without the old key.")
                             .arg(native(path)),
                         error.message());
    }
}

} // namespace

std::unique_ptr<LocalCache> LocalCache::open(const QString &path, const CacheOptions &options)
{
    checkLocation(path);
    return guarded([&] {
        if (!options.key.isEmpty() && sqlite::fileKind(path) == sqlite::FileKind::Plain)
            encryptPlainCache(path, options.key, nullptr);
        else if (!options.key.isEmpty())
            encryptPlainBackups(path, options.key, nullptr);
        auto db = openDatabase(path, options.key);
        const int version = checkOpenable(*db, path);
        configure(*db, path, version == 0 && isEmptyDatabase(*db), options);
        const QString backup = migrate(*db, path, version, options);
        std::unique_ptr<LocalCache> cache(new LocalCache(std::move(db), backup, options));
        // A bulk load cut short (crash, power cut) left its indexes dropped.
        cache->bulkLoad().restoreIndexes();
        // Sort indexes a bulk load left for the background and did not get
        // to (the process ended first): a few hundred ms at 100 000.
        cache->bulkLoad().buildDeferredIndexes();
        // Catch up a small search backlog (after a migration or an
        // interrupted bulk sync) now; a large one is the caller's to index in
        // the background (SearchIndex::indexPending).
        const qint64 pending = cache->search().pendingCount();
        if (pending > 0 && pending <= SearchCatchUpAtOpen)
            cache->search().indexPending();
        return cache;
    });
}

bool LocalCache::needsEncrypting(const QString &path, const CacheOptions &options)
{
    return !options.key.isEmpty() && sqlite::fileKind(path) == sqlite::FileKind::Plain;
}

void LocalCache::encrypt(const QString &path, const QByteArray &key,
                         const std::atomic<bool> *cancel)
{
    guarded([&] {
        if (sqlite::fileKind(path) == sqlite::FileKind::Plain)
            encryptPlainCache(path, key, cancel);
        else
            encryptPlainBackups(path, key, cancel);
    });
}

LocalCache::Recovery LocalCache::setAsideAndRecreate(const QString &path,
                                                     const CacheOptions &options)
{
    Recovery recovery;
    recovery.backupPath = freeBackupName(path, QStringLiteral("damaged"));
    // All three files move, or none: a cache whose -wal stayed behind would
    // open as another database. What moved is moved back on a failure.
    QStringList moved;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        if (!QFileInfo::exists(path + suffix))
            continue;
        if (moveAside(path + suffix, recovery.backupPath + suffix)) {
            moved.append(suffix);
            continue;
        }
        for (const QString &back : std::as_const(moved))
            QFile::rename(recovery.backupPath + back, path + back);
        qCWarning(lcCache) << "cannot move" << path + suffix << "aside: another handle holds it?";
        throw CacheError(CacheError::Kind::CannotOpen, native(path),
                         CacheError::tr("The damaged cache %1 cannot be moved aside to %2. "
                                        "Close other programs using it, or move it yourself.")
                             .arg(native(path + suffix), native(recovery.backupPath + suffix)));
    }
    std::unique_ptr<LocalCache> fresh = open(path, options);

    // Best effort: every row that still reads is carried over; a row that
    // does not is left in the backup, which stays for support to look at.
    try {
        sqlite::Database old(recovery.backupPath, sqlite::Database::OpenMode::ReadOnly,
                             options.key);
        // A truncated file is shorter than its header says; SQLite reads what
        // there is only with writable_schema on (harmless: opened read-only).
        old.exec(QStringLiteral("PRAGMA writable_schema = ON"));
        if (old.queryInt(QStringLiteral("PRAGMA user_version")) >= 2) {
            sqlite::Statement drafts(
                old, QStringLiteral(
                         "SELECT complaint_id, kind, text, deadline, refusal_ground, base_version, "
                         "updated_at, field_errors FROM drafts"));
            try {
                while (drafts.step()) {
                    Draft draft{drafts.int64(0),
                                drafts.text(1),
                                drafts.text(2),
                                drafts.isNull(3) ? QDate()
                                                 : QDate::fromString(drafts.text(3), Qt::ISODate),
                                drafts.text(4),
                                drafts.int64(5),
                                fromMs(drafts, 6),
                                drafts.blob(7),
                                {}}; // photo ids: a damaged file may predate them
                    fresh->drafts().save(draft);
                    ++recovery.draftsRecovered;
                }
            } catch (const sqlite::Error &error) {
                qCWarning(lcCache) << "some drafts could not be read from" << recovery.backupPath
                                   << error.message();
            }
            sqlite::Statement actions(old,
                                      QStringLiteral("SELECT complaint_id, idempotency_key, "
                                                     "action, payload, base_version, created_at "
                                                     "FROM outbox ORDER BY seq"));
            try {
                while (actions.step()) {
                    OutboxAction action;
                    action.complaintId = actions.int64(0);
                    action.idempotencyKey = actions.text(1);
                    action.action = actions.text(2);
                    action.payload = actions.blob(3);
                    action.baseVersion = actions.int64(4);
                    action.createdAt = fromMs(actions, 5);
                    fresh->outbox().enqueue(action);
                    ++recovery.actionsRecovered;
                }
            } catch (const sqlite::Error &error) {
                qCWarning(lcCache) << "some outbox actions could not be read from"
                                   << recovery.backupPath << error.message();
            }
        }
    } catch (const sqlite::Error &error) {
        qCWarning(lcCache) << "nothing could be read from" << recovery.backupPath
                           << error.message();
    } catch (const CacheError &error) {
        qCWarning(lcCache) << "carrying work over from" << recovery.backupPath
                           << "failed:" << error.detail();
    }
    return recovery;
}

LocalCache::LocalCache(std::unique_ptr<sqlite::Database> db, QString migrationBackup,
                       CacheOptions options)
    : m_db(std::move(db))
    , m_search(std::make_unique<SearchIndex>(*m_db))
    , m_complaints(std::make_unique<ComplaintStore>(*m_db, *m_search))
    , m_bulkLoad(std::make_unique<BulkLoad>(*m_db, *m_complaints, *m_search))
    , m_queue(std::make_unique<QueueReader>(*m_db, *m_bulkLoad))
    , m_reports(std::make_unique<ReportReader>(*m_db))
    , m_media(std::make_unique<MediaStore>(*m_db))
    , m_catalogue(std::make_unique<CatalogueStore>(*m_db))
    , m_geography(std::make_unique<GeographyStore>(*m_db))
    , m_drafts(std::make_unique<DraftStore>(*m_db, *m_complaints))
    , m_outbox(std::make_unique<OutboxStore>(*m_db, *m_complaints))
    , m_tiles(std::make_unique<TileStore>(*m_db))
    , m_migrationBackup(std::move(migrationBackup))
    , m_options(std::move(options))
{}

LocalCache::~LocalCache() = default;

int LocalCache::latestSchemaVersion()
{
    return CacheSchema::latestVersion();
}

int LocalCache::schemaVersion()
{
    return guarded([&] { return int(m_db->queryInt(QStringLiteral("PRAGMA user_version"))); });
}

const QString &LocalCache::path() const
{
    return m_db->path();
}

bool LocalCache::isEncrypted() const
{
    return m_db->isEncrypted();
}

SyncState LocalCache::syncState()
{
    return guarded([&] {
        sqlite::Statement &s = m_db->prepare(QStringLiteral(
            "SELECT cursor, epoch, last_success, catalogue_etag FROM sync_state WHERE id = 1"));
        SyncState state;
        if (s.step())
            state = {s.text(0), s.text(1), fromMs(s, 2), s.text(3)};
        s.reset();
        return state;
    });
}

void LocalCache::saveSyncState(const SyncState &state)
{
    guardedWrite(*m_db, [&] {
        m_db->prepare(QStringLiteral("UPDATE sync_state SET cursor = ?1, epoch = ?2, "
                                     "last_success = ?3, catalogue_etag = ?4 WHERE id = 1"))
            .bind(1, state.cursor)
            .bind(2, state.epoch)
            .bind(3, toMs(state.lastSuccess))
            .bind(4, state.catalogueEtag)
            .run();
    });
}

QString LocalCache::meta(const QString &key)
{
    return guarded([&] {
        sqlite::Statement &s =
            m_db->prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?1"));
        s.bind(1, key);
        QString value = s.step() ? s.text(0) : QString();
        s.reset();
        return value;
    });
}

void LocalCache::setMeta(const QString &key, const QString &value)
{
    guardedWrite(*m_db, [&] {
        if (value.isEmpty()) {
            m_db->prepare(QStringLiteral("DELETE FROM meta WHERE key = ?1")).bind(1, key).run();
            return;
        }
        m_db->prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)"))
            .bind(1, key)
            .bind(2, value)
            .run();
    });
}

namespace {

const QString UserLoginKey = QStringLiteral("user_login");
const QString UserNameKey = QStringLiteral("user_name");
const QString UserAgencyKey = QStringLiteral("user_agency");

} // namespace

LocalCache::User LocalCache::user()
{
    User u;
    u.login = meta(UserLoginKey);
    u.displayName = meta(UserNameKey);
    bool ok = false;
    const qint64 agency = meta(UserAgencyKey).toLongLong(&ok);
    if (ok && agency > 0)
        u.agencyId = agency;
    return u;
}

void LocalCache::setUser(const User &u)
{
    guardedWrite(*m_db, [&] {
        setMeta(UserLoginKey, u.login);
        setMeta(UserNameKey, u.displayName);
        setMeta(UserAgencyKey, u.agencyId ? QString::number(*u.agencyId) : QString());
    });
}

void LocalCache::setFaultHook(std::function<bool()> hook)
{
    m_db->setFaultHook(std::move(hook));
}

QStringList LocalCache::quickCheck()
{
    return guarded([&] {
        QStringList problems;
        sqlite::Statement check(*m_db, QStringLiteral("PRAGMA quick_check"));
        while (check.step()) {
            const QString line = check.text(0);
            if (line != QLatin1String("ok"))
                problems.append(line);
        }
        // The full-text index must agree with the complaints it indexes.
        try {
            m_db->exec(QStringLiteral(
                "INSERT INTO complaints_fts (complaints_fts) VALUES ('integrity-check')"));
        } catch (const sqlite::Error &error) {
            problems.append(QStringLiteral("full-text index: %1").arg(error.message()));
        }
        return problems;
    });
}

LocalCache::WriteTransaction::WriteTransaction(LocalCache &cache)
{
    guarded([&] { m_transaction = std::make_unique<sqlite::Transaction>(*cache.m_db); });
}

LocalCache::WriteTransaction::~WriteTransaction() = default;

void LocalCache::WriteTransaction::commit()
{
    guarded([&] { m_transaction->commit(); });
}

} // namespace rd
