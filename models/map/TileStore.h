#pragma once

#include "WebMercator.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace rd {

namespace sqlite {
class Database;
}

// The persistent tile cache: the `tiles` table of the local cache (schema
// step 5), per source, size-capped with the least recently used tiles going
// first. Expiry is kept, not enforced: an expired tile is still shown (a
// clerk offline sees yesterday's streets) while the fetcher asks the server
// whether it changed. Throws CacheError.
class TileStore final
{
public:
    explicit TileStore(sqlite::Database &db);
    Q_DISABLE_COPY_MOVE(TileStore)

    struct Entry
    {
        QByteArray data;
        QString etag;
        QDateTime expiresAt; // invalid: never told
        bool isExpired(const QDateTime &now) const
        {
            return !expiresAt.isValid() || expiresAt <= now;
        }
    };
    // The tile, marking it used.
    std::optional<Entry> get(const QString &source, const TileId &tile, const QDateTime &now);
    void put(const QString &source, const TileId &tile, const QByteArray &data, const QString &etag,
             const QDateTime &expiresAt, const QDateTime &now);
    // The server said 304: the same tile, good until expiresAt.
    void refresh(const QString &source, const TileId &tile, const QDateTime &expiresAt,
                 const QDateTime &now);

    void setCapBytes(qint64 cap);
    qint64 capBytes() const { return m_cap; }
    qint64 totalBytes();
    qint64 count();

private:
    void evict();

    sqlite::Database &m_db;
    qint64 m_cap = 200LL * 1024 * 1024;
    std::optional<qint64> m_total; // running sum of tile sizes, read once
};

} // namespace rd
