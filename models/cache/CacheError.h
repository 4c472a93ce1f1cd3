#pragma once

#include <QCoreApplication>
#include <QString>

#include <stdexcept>

namespace rd {

namespace sqlite {
class Error;
}

// What went wrong with the local cache, in words a clerk or their IT
// department can act on: every message names the file and says what to do.
class CacheError final : public std::runtime_error
{
    Q_DECLARE_TR_FUNCTIONS(CacheError)
public:
    enum class Kind
    {
        CannotOpen,   // missing folder that cannot be made, permissions, a path that is a folder
        ReadOnly,     // the file or its folder cannot be written
        NotADatabase, // the file is something else
        Corrupt,      // SQLite found damaged pages
        NewerVersion, // written by a newer RegionDesk; refused, untouched
        DiskFull,     // no space left (or the cache's size cap reached)
        Busy,         // another program holds the database locked too long
        WrongKey,     // encrypted, and the key given does not open it
        Other,
    };

    CacheError(Kind kind, QString file, QString message, QString detail = {});

    // Maps an SQLite error to a kind and a user message for the given file.
    static CacheError fromSqlite(const sqlite::Error &error);

    Kind kind() const { return m_kind; }
    const QString &file() const { return m_file; }
    // One or two sentences for the user: what happened and what to do.
    const QString &message() const { return m_message; }
    // SQLite's own words, for logs and support tickets.
    const QString &detail() const { return m_detail; }

private:
    Kind m_kind;
    QString m_file;
    QString m_message;
    QString m_detail;
};

} // namespace rd
