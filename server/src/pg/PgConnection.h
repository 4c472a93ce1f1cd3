#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QtGlobal>

#include <memory>
#include <optional>
#include <stdexcept>

struct pg_conn;
struct pg_result;

namespace rd::pg {

// A failed PostgreSQL call: the server's message and its SQLSTATE
// (e.g. "40P01" deadlock, "23505" unique violation, "08006" connection lost).
class Error final : public std::runtime_error
{
public:
    Error(const QString &message, QByteArray sqlState = {});
    const QString &message() const { return m_message; }
    const QByteArray &sqlState() const { return m_sqlState; }

private:
    QString m_message;
    QByteArray m_sqlState;
};

// A statement's parameters, always bound (never spliced into the SQL): text,
// integers and NULL go as text, bytes as binary (bytea).
class Params final
{
public:
    Params &add(const QString &text);
    Params &add(const QByteArray &bytes); // binary: a bytea parameter
    Params &add(qint64 value);
    Params &add(int value) { return add(qint64(value)); }
    Params &add(bool value);
    Params &add(std::optional<int> value);
    Params &add(std::optional<qint64> value);
    Params &addNull();
    // A QString that is null (not merely empty) becomes SQL NULL.
    Params &addNullable(const QString &text);

    int size() const { return int(m_values.size()); }

private:
    friend class Connection;
    QList<QByteArray> m_values;
    QList<bool> m_null;
    QList<int> m_binary;
};

// One query's rows, owned (PQclear on destruction). Values come as text;
// bytea columns are decoded by blob().
class Result final
{
public:
    explicit Result(pg_result *result);
    ~Result();
    Result(Result &&other) noexcept;
    Result &operator=(Result &&other) noexcept;
    Q_DISABLE_COPY(Result)

    int rows() const;
    bool isNull(int row, int column) const;
    QString text(int row, int column) const;
    QByteArray bytes(int row, int column) const; // the raw text value
    qint64 int64(int row, int column) const;
    int integer(int row, int column) const { return int(int64(row, column)); }
    bool boolean(int row, int column) const;
    QByteArray blob(int row, int column) const; // a bytea column, decoded
    int affected() const;                       // rows an INSERT/UPDATE/DELETE touched

private:
    pg_result *m_result = nullptr;
};

// An owned libpq connection (one per thread, as the SQLite layer) with a
// cache of prepared statements: each SQL text is prepared once per
// connection and then executed by name.
class Connection final
{
public:
    // conninfo: a postgresql:// URI or "key=value" pairs, as libpq takes.
    explicit Connection(const QString &conninfo);
    ~Connection();
    Q_DISABLE_COPY_MOVE(Connection)

    // Runs statements without parameters (DDL, BEGIN, COMMIT).
    void exec(const QString &sql);
    Result query(const QString &sql, const Params &params = {});
    qint64 queryInt(const QString &sql, const Params &params = {});

    bool inTransaction() const;
    // Whether the connection is still usable (not broken by a lost server).
    bool isOk() const;
    QString describe() const; // "database db on host" for messages, no password

private:
    [[noreturn]] void throwError(pg_result *result, const QString &context) const;
    Result check(pg_result *result, const QString &context) const;

    pg_conn *m_conn = nullptr;
    QHash<QString, QByteArray> m_prepared; // SQL text → statement name
};

// BEGIN … COMMIT, rolled back if not committed (exceptions unwind it).
class Transaction final
{
public:
    explicit Transaction(Connection &connection, const char *begin = "BEGIN");
    ~Transaction();
    Q_DISABLE_COPY_MOVE(Transaction)
    void commit();

private:
    Connection &m_connection;
    bool m_done = false;
};

} // namespace rd::pg
