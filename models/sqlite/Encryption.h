#pragma once

#include <QByteArray>
#include <QString>

#include <atomic>

struct sqlite3;

// Encryption at rest for the desk's SQLite files (the local cache, the photo
// cache), through SQLite3 Multiple Ciphers (third_party/sqlite3mc): every
// page of the database, its WAL and its journal is encrypted with
// ChaCha20-Poly1305 under a 32-byte key; a changed page fails its MAC. The
// key is used as it is (the "raw:" form), never derived here: a random key
// from the credential store needs no stretching, and a passphrase is
// stretched once by the caller (CacheKeys). See docs/cache.md.
namespace rd::sqlite {

constexpr int KeyBytes = 32;

// What is at path, judged by its first bytes: no file (or an empty one),
// an SQLite database in plain text, or anything else (an encrypted database,
// or a file that is not SQLite at all: they cannot be told apart without
// the key, by design).
enum class FileKind
{
    Missing,
    Plain,
    NotPlain,
};
FileKind fileKind(const QString &path);

// Keys an open connection and checks the key reads the file: throws Error
// (SQLITE_NOTADB) if it does not. For Database's constructor.
void applyKey(sqlite3 *db, const QByteArray &key, const QString &path);

// A new random key of KeyBytes bytes from the system's secure generator.
QByteArray newKey();

// Encrypts the plain database at path with key, replacing it. Crash-safe: a
// compact copy is written beside it (path + ".encrypting"), encrypted,
// checked with the key, flushed, and only then renamed over path; killed at
// any point, path is either still the plain database or already the
// encrypted one, never a mix, and a stale ".encrypting" is removed the next
// time. Throws Error; path is unchanged then. Refuses (SQLITE_BUSY) while
// another connection holds path open with a WAL. Setting *cancel stops it
// (SQLITE_INTERRUPT), path untouched.
void encryptInPlace(const QString &path, const QByteArray &key,
                    const std::atomic<bool> *cancel = nullptr);

// The sibling files SQLite keeps beside a database: "-wal", "-shm",
// "-journal", and our own ".encrypting".
QStringList companionFiles(const QString &path);

} // namespace rd::sqlite
