#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstdint>
#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace rd::sqlite {

class Database;

// One prepared statement. Owned by the Database's statement cache (or by the
// caller for uncached statements); resetting happens automatically when a
// statement is handed out again, so a caller never sees stale bindings.
// Parameters are 1-based, as in SQLite. All values are bound, never spliced.
class Statement final
{
public:
    Statement(Database &db, const QString &sql);
    ~Statement();
    Q_DISABLE_COPY_MOVE(Statement)

    Statement &bind(int index, qint64 value);
    Statement &bind(int index, int value) { return bind(index, qint64(value)); }
    Statement &bind(int index, double value);
    Statement &bind(int index, bool value) { return bind(index, qint64(value ? 1 : 0)); }
    Statement &bind(int index, const QString &value);       // a null QString binds NULL
    Statement &bind(int index, const QByteArray &value);    // a null QByteArray binds NULL
    Statement &bind(int index, const char *value) = delete; // say QStringLiteral
    Statement &bindNull(int index);
    template<typename T>
    Statement &bind(int index, const std::optional<T> &value)
    {
        return value ? bind(index, *value) : bindNull(index);
    }

    // Steps once: true while a row is available, false when done.
    bool step();
    // Steps to completion, for statements that return no rows.
    void run();
    void reset();

    bool isNull(int column) const;
    qint64 int64(int column) const;
    int integer(int column) const { return int(int64(column)); }
    double real(int column) const;
    QString text(int column) const; // NULL reads as a null QString
    // The column's UTF-8 bytes, valid until the next step() or reset().
    QByteArrayView textView(int column) const;
    QByteArray blob(int column) const;
    std::optional<qint64> optionalInt64(int column) const;
    int columnCount() const;

    sqlite3_stmt *handle() const { return m_stmt; }

private:
    void check(int rc) const;

    Database &m_db;
    sqlite3_stmt *m_stmt = nullptr;
    bool m_needsReset = false;
};

} // namespace rd::sqlite
