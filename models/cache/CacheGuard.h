#pragma once

// Internal to the cache: turns SQLite errors into CacheErrors at the public
// boundary, and makes a write atomic whether or not the caller already opened
// a transaction (a sync page opens one around many writes; a lone UI write
// gets its own).

#include "CacheError.h"
#include "TimeUtil.h"
#include "sqlite/Database.h"
#include "sqlite/SqliteError.h"
#include "sqlite/Transaction.h"

#include <optional>
#include <utility>

namespace rd::detail {

template<typename F>
auto guarded(F &&f) -> decltype(f())
{
    try {
        return std::forward<F>(f)();
    } catch (const sqlite::Error &error) {
        throw CacheError::fromSqlite(error);
    }
}

template<typename F>
auto guardedWrite(sqlite::Database &db, F &&f) -> decltype(f())
{
    return guarded([&]() -> decltype(f()) {
        if (db.inTransaction())
            return std::forward<F>(f)();
        sqlite::Transaction transaction(db);
        if constexpr (std::is_void_v<decltype(f())>) {
            std::forward<F>(f)();
            transaction.commit();
        } else {
            auto result = std::forward<F>(f)();
            transaction.commit();
            return result;
        }
    });
}

// Conversions between the domain's Qt types and the cache's columns.
inline std::optional<qint64> toMs(const QDateTime &time)
{
    return time.isValid() ? std::optional<qint64>(time.toMSecsSinceEpoch()) : std::nullopt;
}

inline QDateTime fromMs(const sqlite::Statement &row, int column)
{
    if (row.isNull(column))
        return {};
    return utcFromMs(row.int64(column));
}

inline QString toDateText(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

inline QDate fromDateText(const sqlite::Statement &row, int column)
{
    return row.isNull(column) ? QDate() : QDate::fromString(row.text(column), Qt::ISODate);
}

} // namespace rd::detail
