#include "CacheError.h"

#include "sqlite/SqliteError.h"

#include <QDir>

#include <sqlite3.h>

namespace rd {

CacheError::CacheError(Kind kind, QString file, QString message, QString detail)
    : std::runtime_error(message.toStdString())
    , m_kind(kind)
    , m_file(std::move(file))
    , m_message(std::move(message))
    , m_detail(std::move(detail))
{}

CacheError CacheError::fromSqlite(const sqlite::Error &error)
{
    const QString file = QDir::toNativeSeparators(error.file());
    switch (error.code()) {
    case SQLITE_NOTADB:
        return {Kind::NotADatabase, file,
                tr("The file %1 is not a RegionDesk cache that can be read here: it is not an "
                   "SQLite database, or it is encrypted and no key was given for it. Move it "
                   "away or choose another cache location; RegionDesk will not overwrite it.")
                    .arg(file),
                error.message()};
    case SQLITE_CORRUPT:
        return {Kind::Corrupt, file,
                tr("The local cache %1 is damaged. RegionDesk can set it aside as a backup and "
                   "download your complaints again; unsent drafts and actions are carried over "
                   "where they can still be read.")
                    .arg(file),
                error.message()};
    case SQLITE_FULL:
        return {Kind::DiskFull, file,
                tr("There is no space left for the local cache %1. Free some disk space and try "
                   "again; nothing was lost, the last change was not saved.")
                    .arg(file),
                error.message()};
    case SQLITE_READONLY:
        return {Kind::ReadOnly, file,
                tr("The local cache %1 cannot be written: the file or its folder is read-only. "
                   "Ask your administrator for write access, or choose another cache location.")
                    .arg(file),
                error.message()};
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return {Kind::Busy, file,
                tr("The local cache %1 is locked by another program. Close other copies of "
                   "RegionDesk and try again.")
                    .arg(file),
                error.message()};
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH:
        return {Kind::CannotOpen, file,
                tr("The local cache %1 cannot be opened. Check that its folder exists and that "
                   "you may write there, or choose another cache location.")
                    .arg(file),
                error.message()};
    case SQLITE_IOERR:
        return {Kind::Other, file,
                tr("Reading or writing the local cache %1 failed (input/output error). Check the "
                   "disk; if it keeps failing, choose another cache location.")
                    .arg(file),
                error.message()};
    default:
        return {Kind::Other, file,
                tr("The local cache %1 reported an error: %2").arg(file, error.message()),
                error.message()};
    }
}

} // namespace rd
