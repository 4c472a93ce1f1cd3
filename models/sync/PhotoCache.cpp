#include "PhotoCache.h"

#include "CacheError.h"
#include "Clock.h"
#include "sqlite/Database.h"
#include "sqlite/Encryption.h"
#include "sqlite/SqliteError.h"
#include "sqlite/Transaction.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcPhotos, "regiondesk.photos")

namespace rd {

namespace {

constexpr int PhotoCacheId = 0x52445048; // "RDPH"

const char *const Schema = R"sql(
CREATE TABLE IF NOT EXISTS photos (
    id TEXT PRIMARY KEY,
    mime_type TEXT NOT NULL,
    data BLOB NOT NULL,
    bytes INTEGER NOT NULL,
    last_used INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS photos_last_used ON photos (last_used);
)sql";

std::unique_ptr<sqlite::Database> openChecked(const QString &path, const QByteArray &key)
{
    auto db =
        std::make_unique<sqlite::Database>(path, sqlite::Database::OpenMode::ReadWriteCreate, key);
    const qint64 id = db->queryInt(QStringLiteral("PRAGMA application_id"));
    const qint64 tables = db->queryInt(QStringLiteral("SELECT count(*) FROM sqlite_schema"));
    if (id != PhotoCacheId && tables > 0)
        throw sqlite::Error(26 /* SQLITE_NOTADB */, 26, QStringLiteral("not a photo cache"), path);
    db->exec(QStringLiteral("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL"));
    db->exec(QString::fromUtf8(Schema));
    db->exec(QStringLiteral("PRAGMA application_id = %1").arg(PhotoCacheId));
    if (db->queryText(QStringLiteral("PRAGMA quick_check")) != QLatin1String("ok"))
        throw sqlite::Error(11 /* SQLITE_CORRUPT */, 11, QStringLiteral("damaged"), path);
    return db;
}

void removeWithCompanions(const QString &path)
{
    const QStringList files = sqlite::companionFiles(path) << path;
    for (const QString &file : files)
        QFile::remove(file);
}

} // namespace

std::unique_ptr<PhotoCache> PhotoCache::open(const QString &path, qint64 capBytes,
                                             const QByteArray &key)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (!key.isEmpty() && sqlite::fileKind(path) == sqlite::FileKind::Plain) {
        try {
            sqlite::encryptInPlace(path, key);
        } catch (const sqlite::Error &error) {
            qCWarning(lcPhotos) << "plain photo cache" << path
                                << "not encrypted, removed:" << error.message();
            removeWithCompanions(path);
        }
    }
    try {
        return std::unique_ptr<PhotoCache>(new PhotoCache(openChecked(path, key), capBytes, false));
    } catch (const sqlite::Error &error) {
        // Only fetched copies live here: start afresh. An encrypted file that
        // does not open is removed (a copy kept aside would be unreadable);
        // a plain one is set aside.
        qCWarning(lcPhotos) << "photo cache" << path
                            << "unusable, starting afresh:" << error.message();
        if (!key.isEmpty()) {
            removeWithCompanions(path);
            try {
                return std::unique_ptr<PhotoCache>(
                    new PhotoCache(openChecked(path, key), capBytes, true));
            } catch (const sqlite::Error &again) {
                throw CacheError::fromSqlite(again);
            }
        }
        const QString aside = path + QStringLiteral(".damaged-") +
                              Clock::system().now().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        QFile::remove(aside);
        QFile::rename(path, aside);
        QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));
        try {
            return std::unique_ptr<PhotoCache>(
                new PhotoCache(openChecked(path, {}), capBytes, true));
        } catch (const sqlite::Error &again) {
            throw CacheError::fromSqlite(again);
        }
    }
}

PhotoCache::PhotoCache(std::unique_ptr<sqlite::Database> db, qint64 capBytes, bool wasReset)
    : m_db(std::move(db))
    , m_cap(capBytes)
    , m_wasReset(wasReset)
{
    m_clock = m_db->queryInt(QStringLiteral("SELECT coalesce(max(last_used), 0) FROM photos"));
}

PhotoCache::~PhotoCache() = default;

std::optional<PhotoCache::Entry> PhotoCache::get(const QString &photoId)
{
    try {
        sqlite::Statement &s =
            m_db->prepare(QStringLiteral("SELECT data, mime_type FROM photos WHERE id = ?1"));
        s.bind(1, photoId);
        std::optional<Entry> entry;
        if (s.step())
            entry = Entry{s.blob(0), s.text(1)};
        s.reset();
        if (entry)
            m_db->prepare(QStringLiteral("UPDATE photos SET last_used = ?2 WHERE id = ?1"))
                .bind(1, photoId)
                .bind(2, ++m_clock)
                .run();
        return entry;
    } catch (const sqlite::Error &error) {
        qCWarning(lcPhotos) << "photo cache read failed:" << error.message();
        return std::nullopt;
    }
}

bool PhotoCache::contains(const QString &photoId)
{
    sqlite::Statement &s =
        m_db->prepare(QStringLiteral("SELECT EXISTS (SELECT 1 FROM photos WHERE id = ?1)"));
    s.bind(1, photoId);
    const bool result = s.step() && s.int64(0) != 0;
    s.reset();
    return result;
}

bool PhotoCache::put(const QString &photoId, const QString &mimeType, const QByteArray &data)
{
    if (data.size() > m_cap)
        return false;
    try {
        sqlite::Transaction transaction(*m_db);
        m_db->prepare(QStringLiteral("INSERT OR REPLACE INTO photos (id, mime_type, data, bytes, "
                                     "last_used) VALUES (?1, ?2, ?3, ?4, ?5)"))
            .bind(1, photoId)
            .bind(2, mimeType)
            .bind(3, data)
            .bind(4, qint64(data.size()))
            .bind(5, ++m_clock)
            .run();
        evict(photoId);
        transaction.commit();
        return true;
    } catch (const sqlite::Error &error) {
        qCWarning(lcPhotos) << "photo cache write failed:" << error.message();
        return false;
    }
}

void PhotoCache::evict(const QString &keep)
{
    qint64 total = totalBytes();
    if (total <= m_cap)
        return;
    sqlite::Statement &oldest = m_db->prepare(
        QStringLiteral("SELECT id, bytes FROM photos WHERE id <> ?1 ORDER BY last_used LIMIT 64"));
    QList<QPair<QString, qint64>> victims;
    oldest.bind(1, keep.isNull() ? QStringLiteral("") : keep);
    while (total > m_cap && oldest.step()) {
        victims.append({oldest.text(0), oldest.int64(1)});
        total -= oldest.int64(1);
    }
    oldest.reset();
    sqlite::Statement &remove = m_db->prepare(QStringLiteral("DELETE FROM photos WHERE id = ?1"));
    for (const auto &victim : victims)
        remove.bind(1, victim.first).run();
    if (total > m_cap && !victims.isEmpty())
        evict(keep);
}

int PhotoCache::remove(const QStringList &photoIds)
{
    if (photoIds.isEmpty())
        return 0;
    try {
        int removed = 0;
        sqlite::Transaction transaction(*m_db);
        sqlite::Statement &remove =
            m_db->prepare(QStringLiteral("DELETE FROM photos WHERE id = ?1"));
        for (const QString &id : photoIds) {
            remove.bind(1, id).run();
            removed += int(m_db->changes());
        }
        transaction.commit();
        return removed;
    } catch (const sqlite::Error &error) {
        qCWarning(lcPhotos) << "photo cache removal failed:" << error.message();
        return -1;
    }
}

qint64 PhotoCache::totalBytes()
{
    return m_db->queryInt(QStringLiteral("SELECT coalesce(sum(bytes), 0) FROM photos"));
}

void PhotoCache::setCap(qint64 capBytes)
{
    m_cap = capBytes;
    sqlite::Transaction transaction(*m_db);
    evict({});
    transaction.commit();
}

int PhotoCache::count()
{
    return int(m_db->queryInt(QStringLiteral("SELECT count(*) FROM photos")));
}

} // namespace rd
