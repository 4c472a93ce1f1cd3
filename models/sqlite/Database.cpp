#include "Database.h"

#include "Encryption.h"
#include "SqliteError.h"

#include <sqlite3.h>

namespace rd::sqlite {

Database::Database(const QString &path, OpenMode mode, const QByteArray &key)
    : m_path(path)
{
    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    switch (mode) {
    case OpenMode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case OpenMode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case OpenMode::ReadWriteCreate:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    }
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const int extended = m_db ? sqlite3_extended_errcode(m_db) : rc;
        const QString message =
            m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_close_v2(m_db);
        m_db = nullptr;
        throw Error(rc & 0xff, extended, message, path);
    }
    sqlite3_extended_result_codes(m_db, 1);
    if (!key.isEmpty()) {
        try {
            applyKey(m_db, key, path);
        } catch (...) {
            sqlite3_close_v2(m_db);
            m_db = nullptr;
            throw;
        }
        m_encrypted = true;
    }
}

Database::~Database()
{
    m_statements.clear(); // finalize before closing
    sqlite3_close_v2(m_db);
}

void Database::checkFault(const char *sql) const
{
    if (m_faultHook && qstrncmp(sql, "ROLLBACK", 8) != 0 && m_faultHook())
        throwError(SQLITE_IOERR, QStringLiteral("running \"%1\" (injected fault)")
                                     .arg(QString::fromUtf8(sql).left(120)));
}

void Database::exec(const QString &sql)
{
    const QByteArray utf8 = sql.toUtf8();
    checkFault(utf8.constData());
    char *errmsg = nullptr;
    const int rc = sqlite3_exec(m_db, utf8.constData(), nullptr, nullptr, &errmsg);
    sqlite3_free(errmsg);
    if (rc != SQLITE_OK)
        throwError(rc, QStringLiteral("running \"%1\"").arg(sql.simplified().left(120)));
}

Statement &Database::prepare(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it != m_statements.end()) {
        (*it)->reset();
        return **it;
    }
    auto statement = std::make_shared<Statement>(*this, sql);
    Statement &ref = *statement;
    m_statements.insert(sql, statement);
    return ref;
}

qint64 Database::queryInt(const QString &sql)
{
    Statement statement(*this, sql);
    return statement.step() ? statement.int64(0) : 0;
}

QString Database::queryText(const QString &sql)
{
    Statement statement(*this, sql);
    return statement.step() ? statement.text(0) : QString();
}

void Database::clearStatementCache()
{
    m_statements.clear();
}

qint64 Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

qint64 Database::totalChanges() const
{
    return sqlite3_total_changes64(m_db);
}

bool Database::inTransaction() const
{
    return sqlite3_get_autocommit(m_db) == 0;
}

void Database::throwError(int rc, const QString &context) const
{
    const int extended = m_db ? sqlite3_extended_errcode(m_db) : rc;
    QString message =
        m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString::fromUtf8(sqlite3_errstr(rc));
    if (!context.isEmpty())
        message += QStringLiteral(" (%1)").arg(context);
    throw Error(rc & 0xff, extended, message, m_path);
}

} // namespace rd::sqlite
