#include "Encryption.h"

#include "Database.h"
#include "SqliteError.h"

#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <sqlite3.h>

#include <filesystem>
#include <system_error>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <fcntl.h>
#include <unistd.h>
#endif

namespace rd::sqlite {

namespace {

// SQLite3 Multiple Ciphers takes a key as it is when it is spelled
// "raw:<32 bytes>" (no PBKDF2 at every open).
QByteArray rawForm(const QByteArray &key, const QString &path)
{
    if (key.size() != KeyBytes)
        throw Error(
            SQLITE_MISUSE, SQLITE_MISUSE,
            QStringLiteral("a database key is %1 bytes, not %2").arg(KeyBytes).arg(key.size()),
            path);
    return QByteArrayLiteral("raw:") + key;
}

void wipe(QByteArray &secret)
{
    volatile char *bytes = secret.data();
    for (qsizetype i = 0; i < secret.size(); ++i)
        bytes[i] = 0;
    secret.clear();
}

// Its bytes on the disk before it is renamed into place (and, on POSIX, the
// folder's entry after).
bool flushFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite))
        return false;
#ifdef Q_OS_WIN
    return _commit(file.handle()) == 0;
#else
    return ::fsync(file.handle()) == 0;
#endif
}

void flushFolder([[maybe_unused]] const QString &path)
{
#ifndef Q_OS_WIN
    const int fd = ::open(QFile::encodeName(QFileInfo(path).absolutePath()).constData(), O_RDONLY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
#endif
}

int checkCancel(void *flag)
{
    return static_cast<const std::atomic<bool> *>(flag)->load() ? 1 : 0;
}

void cancelWith(Database &db, const std::atomic<bool> *cancel)
{
    if (cancel)
        sqlite3_progress_handler(db.handle(), 1000, checkCancel,
                                 const_cast<std::atomic<bool> *>(cancel));
}

void removeStaging(const QString &staging)
{
    const QStringList files = companionFiles(staging) << staging;
    for (const QString &file : files)
        QFile::remove(file);
}

} // namespace

FileKind fileKind(const QString &path)
{
    QFile file(path);
    if (!file.exists() || file.size() == 0)
        return FileKind::Missing;
    if (!file.open(QIODevice::ReadOnly))
        return FileKind::NotPlain; // SQLite will say why it cannot open it either
    static const QByteArray header("SQLite format 3\0", 16);
    return file.read(16) == header ? FileKind::Plain : FileKind::NotPlain;
}

void applyKey(sqlite3 *db, const QByteArray &key, const QString &path)
{
    QByteArray raw = rawForm(key, path);
    const int rc = sqlite3_key_v2(db, "main", raw.constData(), int(raw.size()));
    wipe(raw);
    if (rc != SQLITE_OK)
        throw Error(rc & 0xff, rc, QString::fromUtf8(sqlite3_errmsg(db)), path);
    // The key is checked only when page 1 is read: read it now, so a wrong
    // key fails here and not in the middle of some later statement.
    const int check =
        sqlite3_exec(db, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr);
    if (check != SQLITE_OK)
        throw Error(SQLITE_NOTADB, sqlite3_extended_errcode(db),
                    QStringLiteral("the key does not open this database (%1)")
                        .arg(QString::fromUtf8(sqlite3_errmsg(db))),
                    path);
}

QByteArray newKey()
{
    QByteArray key(KeyBytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(key.data()),
                                         reinterpret_cast<quint32 *>(key.data() + key.size()));
    return key;
}

QStringList companionFiles(const QString &path)
{
    return {path + QStringLiteral("-wal"), path + QStringLiteral("-shm"),
            path + QStringLiteral("-journal"), path + QStringLiteral(".encrypting")};
}

void encryptInPlace(const QString &path, const QByteArray &key, const std::atomic<bool> *cancel)
{
    const QString staging = path + QStringLiteral(".encrypting");
    removeStaging(staging); // left by an earlier attempt that was cut short
    qint64 version = 0;
    {
        // A consistent, compact copy, the WAL's committed pages included.
        Database plain(path, Database::OpenMode::ReadWrite);
        cancelWith(plain, cancel);
        version = plain.queryInt(QStringLiteral("PRAGMA user_version"));
        Statement vacuum(plain, QStringLiteral("VACUUM INTO ?1"));
        try {
            vacuum.bind(1, staging).run();
        } catch (...) {
            removeStaging(staging);
            throw;
        }
    }
    // Closing the last connection folds the WAL in and removes it; one still
    // there means another program has the file open, and renaming over it
    // would pair its WAL with the new file.
    if (QFileInfo(path + QStringLiteral("-wal")).size() > 0) {
        removeStaging(staging);
        throw Error(SQLITE_BUSY, SQLITE_BUSY,
                    QStringLiteral("another program has the database open"), path);
    }
    try {
        {
            Database copy(staging, Database::OpenMode::ReadWrite);
            cancelWith(copy, cancel);
            copy.exec(QStringLiteral("PRAGMA journal_mode = DELETE"));
            QByteArray raw = rawForm(key, path);
            const int rc =
                sqlite3_rekey_v2(copy.handle(), "main", raw.constData(), int(raw.size()));
            wipe(raw);
            if (rc != SQLITE_OK)
                copy.throwError(rc, QStringLiteral("encrypting a copy"));
        }
        {
            // Every page read back through its MAC, with the key alone.
            Database check(staging, Database::OpenMode::ReadOnly, key);
            cancelWith(check, cancel);
            if (check.queryText(QStringLiteral("PRAGMA quick_check")) != QLatin1String("ok") ||
                check.queryInt(QStringLiteral("PRAGMA user_version")) != version)
                throw Error(SQLITE_CORRUPT, SQLITE_CORRUPT,
                            QStringLiteral("the encrypted copy does not read back"), staging);
        }
        if (!flushFile(staging))
            throw Error(SQLITE_IOERR, SQLITE_IOERR,
                        QStringLiteral("the encrypted copy cannot be flushed to the disk"),
                        staging);
        std::error_code error;
        std::filesystem::rename(std::filesystem::path(staging.toStdU16String()),
                                std::filesystem::path(path.toStdU16String()), error);
        if (error)
            throw Error(SQLITE_CANTOPEN, SQLITE_CANTOPEN,
                        QStringLiteral("the encrypted copy cannot replace the database: %1")
                            .arg(QString::fromStdString(error.message())),
                        path);
    } catch (...) {
        removeStaging(staging);
        throw;
    }
    flushFolder(path);
    // The plain file's shared-memory index would describe the old pages.
    QFile::remove(path + QStringLiteral("-shm"));
}

} // namespace rd::sqlite
