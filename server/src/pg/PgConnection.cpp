#include "PgConnection.h"

#include <libpq-fe.h>

#include <utility>

namespace rd::pg {

Error::Error(const QString &message, QByteArray sqlState)
    : std::runtime_error(message.toStdString())
    , m_message(message)
    , m_sqlState(std::move(sqlState))
{}

// Parameters ----------------------------------------------------------------

Params &Params::add(const QString &text)
{
    m_values.append(text.toUtf8());
    m_null.append(false);
    m_binary.append(0);
    return *this;
}

Params &Params::add(const QByteArray &bytes)
{
    m_values.append(bytes);
    m_null.append(false);
    m_binary.append(1);
    return *this;
}

Params &Params::add(qint64 value)
{
    m_values.append(QByteArray::number(value));
    m_null.append(false);
    m_binary.append(0);
    return *this;
}

Params &Params::add(bool value)
{
    m_values.append(value ? "true" : "false");
    m_null.append(false);
    m_binary.append(0);
    return *this;
}

Params &Params::add(std::optional<int> value)
{
    return value ? add(qint64(*value)) : addNull();
}

Params &Params::add(std::optional<qint64> value)
{
    return value ? add(*value) : addNull();
}

Params &Params::addNull()
{
    m_values.append(QByteArray());
    m_null.append(true);
    m_binary.append(0);
    return *this;
}

Params &Params::addNullable(const QString &text)
{
    return text.isNull() ? addNull() : add(text);
}

// Results -------------------------------------------------------------------

Result::Result(pg_result *result)
    : m_result(result)
{}

Result::~Result()
{
    if (m_result)
        PQclear(m_result);
}

Result::Result(Result &&other) noexcept
    : m_result(std::exchange(other.m_result, nullptr))
{}

Result &Result::operator=(Result &&other) noexcept
{
    if (this != &other) {
        if (m_result)
            PQclear(m_result);
        m_result = std::exchange(other.m_result, nullptr);
    }
    return *this;
}

int Result::rows() const
{
    return PQntuples(m_result);
}

bool Result::isNull(int row, int column) const
{
    return PQgetisnull(m_result, row, column) != 0;
}

QByteArray Result::bytes(int row, int column) const
{
    return QByteArray(PQgetvalue(m_result, row, column), PQgetlength(m_result, row, column));
}

QString Result::text(int row, int column) const
{
    if (isNull(row, column))
        return {};
    return QString::fromUtf8(PQgetvalue(m_result, row, column), PQgetlength(m_result, row, column));
}

qint64 Result::int64(int row, int column) const
{
    return isNull(row, column) ? 0 : bytes(row, column).toLongLong();
}

bool Result::boolean(int row, int column) const
{
    return !isNull(row, column) && PQgetvalue(m_result, row, column)[0] == 't';
}

QByteArray Result::blob(int row, int column) const
{
    if (isNull(row, column))
        return {};
    size_t length = 0;
    unsigned char *decoded = PQunescapeBytea(
        reinterpret_cast<const unsigned char *>(PQgetvalue(m_result, row, column)), &length);
    if (!decoded)
        throw Error(QStringLiteral("cannot decode a bytea value"));
    QByteArray out(reinterpret_cast<const char *>(decoded), qsizetype(length));
    PQfreemem(decoded);
    return out;
}

int Result::affected() const
{
    return QByteArray(PQcmdTuples(m_result)).toInt();
}

// Connection ----------------------------------------------------------------

Connection::Connection(const QString &conninfo)
    : m_conn(PQconnectdb(conninfo.toUtf8().constData()))
{
    if (!m_conn)
        throw Error(QStringLiteral("out of memory connecting to PostgreSQL"));
    if (PQstatus(m_conn) != CONNECTION_OK) {
        const QString message = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
        PQfinish(m_conn);
        m_conn = nullptr;
        throw Error(QStringLiteral("cannot connect to PostgreSQL: %1").arg(message), "08001");
    }
    // Times travel as epoch milliseconds; text compares in code-point order.
    exec(QStringLiteral("SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'; "
                        "SET client_min_messages = warning"));
}

Connection::~Connection()
{
    if (m_conn)
        PQfinish(m_conn);
}

QString Connection::describe() const
{
    return QStringLiteral("database %1 on %2")
        .arg(QString::fromUtf8(PQdb(m_conn)), QString::fromUtf8(PQhost(m_conn)));
}

bool Connection::isOk() const
{
    return PQstatus(m_conn) == CONNECTION_OK;
}

bool Connection::inTransaction() const
{
    return PQtransactionStatus(m_conn) != PQTRANS_IDLE;
}

void Connection::throwError(pg_result *result, const QString &context) const
{
    QByteArray state;
    QString message;
    if (result) {
        if (const char *s = PQresultErrorField(result, PG_DIAG_SQLSTATE))
            state = s;
        message = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
        PQclear(result);
    }
    if (message.isEmpty())
        message = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
    throw Error(QStringLiteral("%1: %2").arg(context, message), state);
}

Result Connection::check(pg_result *result, const QString &context) const
{
    const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        throwError(result, context);
    return Result(result);
}

void Connection::exec(const QString &sql)
{
    check(PQexec(m_conn, sql.toUtf8().constData()), sql.left(60));
}

Result Connection::query(const QString &sql, const Params &params)
{
    auto found = m_prepared.constFind(sql);
    if (found == m_prepared.constEnd()) {
        const QByteArray name = "rd" + QByteArray::number(m_prepared.size() + 1);
        check(PQprepare(m_conn, name.constData(), sql.toUtf8().constData(), 0, nullptr),
              QStringLiteral("prepare ") + sql.left(60));
        found = m_prepared.insert(sql, name);
    }
    QList<const char *> values;
    QList<int> lengths;
    values.reserve(params.size());
    lengths.reserve(params.size());
    for (int i = 0; i < params.size(); ++i) {
        values.append(params.m_null[i] ? nullptr : params.m_values[i].constData());
        lengths.append(int(params.m_values[i].size()));
    }
    return check(PQexecPrepared(m_conn, found->constData(), params.size(), values.constData(),
                                lengths.constData(), params.m_binary.constData(), 0),
                 sql.left(60));
}

qint64 Connection::queryInt(const QString &sql, const Params &params)
{
    const Result result = query(sql, params);
    return result.rows() > 0 ? result.int64(0, 0) : 0;
}

// Transaction ---------------------------------------------------------------

Transaction::Transaction(Connection &connection, const char *begin)
    : m_connection(connection)
{
    m_connection.exec(QString::fromLatin1(begin));
}

Transaction::~Transaction()
{
    if (m_done || !m_connection.isOk())
        return;
    try {
        m_connection.exec(QStringLiteral("ROLLBACK"));
    } catch (const Error &) {
        // The connection is gone; the server rolls the transaction back.
    }
}

void Transaction::commit()
{
    m_connection.exec(QStringLiteral("COMMIT"));
    m_done = true;
}

} // namespace rd::pg
