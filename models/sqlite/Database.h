#pragma once

#include "Statement.h"

#include <QHash>
#include <QString>

#include <functional>
#include <memory>

struct sqlite3;

namespace rd::sqlite {

// An owned SQLite connection with a cache of prepared statements.
//
// Ownership: the Database owns every Statement that prepare() hands out; the
// returned reference stays valid until clearStatementCache() or destruction.
// A statement is reset and its bindings cleared each time it is handed out,
// so callers must finish with one use before asking for the same SQL again
// (nested use of the same SQL text would reset the outer one).
// Not thread-safe: one Database per thread, as DESIGN.md §4 asks.
class Database final
{
public:
    enum class OpenMode
    {
        ReadWrite,
        ReadWriteCreate,
        ReadOnly
    };

    // key: the database's 32-byte key (SQLite3 Multiple Ciphers, ChaCha20-
    // Poly1305, used as the key itself: no key derivation); empty opens a
    // plain database. A wrong key, or a key for a plain file, throws Error
    // with code SQLITE_NOTADB; so does no key for an encrypted file, at the
    // first statement. See Encryption.h and docs/cache.md.
    Database(const QString &path, OpenMode mode, const QByteArray &key = {});
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    // Runs one or more statements with no parameters (DDL, PRAGMAs).
    void exec(const QString &sql);
    // A cached prepared statement for sql, ready to bind. For fixed SQL text
    // only: the cache is never evicted, so references stay valid; SQL that
    // varies per call is prepared as a local Statement instead.
    Statement &prepare(const QString &sql);
    // A single integer from a query with no parameters (PRAGMA user_version…).
    qint64 queryInt(const QString &sql);
    QString queryText(const QString &sql);

    void clearStatementCache();
    qint64 lastInsertRowId() const;
    int changes() const;
    // Rows this connection changed since it opened (sqlite3_total_changes64).
    qint64 totalChanges() const;
    bool inTransaction() const;

    const QString &path() const { return m_path; }
    bool isEncrypted() const { return m_encrypted; }
    sqlite3 *handle() const { return m_db; }

    [[noreturn]] void throwError(int rc, const QString &context) const;

    // Test seam for fault loops (tests/sync): called before every statement
    // step and exec except ROLLBACK; returning true makes that operation fail
    // as an I/O error would. Never set in production.
    using FaultHook = std::function<bool()>;
    void setFaultHook(FaultHook hook) { m_faultHook = std::move(hook); }
    // Throws an injected I/O error if the fault hook asks for one.
    void checkFault(const char *sql) const;

private:
    sqlite3 *m_db = nullptr;
    QString m_path;
    bool m_encrypted = false;
    QHash<QString, std::shared_ptr<Statement>> m_statements;
    FaultHook m_faultHook;
};

} // namespace rd::sqlite
