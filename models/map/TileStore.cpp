#include "TileStore.h"

#include "CacheGuard.h"

namespace rd {

using detail::fromMs;
using detail::guarded;
using detail::guardedWrite;
using detail::toMs;

TileStore::TileStore(sqlite::Database &db)
    : m_db(db)
{}

std::optional<TileStore::Entry> TileStore::get(const QString &source, const TileId &tile,
                                               const QDateTime &now)
{
    return guarded([&]() -> std::optional<Entry> {
        sqlite::Statement &s = m_db.prepare(
            QStringLiteral("SELECT data, etag, expires_at FROM tiles WHERE source = ?1 AND "
                           "z = ?2 AND x = ?3 AND y = ?4"));
        s.bind(1, source).bind(2, tile.z).bind(3, tile.x).bind(4, tile.y);
        std::optional<Entry> entry;
        if (s.step())
            entry = Entry{s.blob(0), s.text(1), fromMs(s, 2)};
        s.reset();
        if (entry) {
            m_db.prepare(QStringLiteral("UPDATE tiles SET last_used = ?5 WHERE source = ?1 AND "
                                        "z = ?2 AND x = ?3 AND y = ?4"))
                .bind(1, source)
                .bind(2, tile.z)
                .bind(3, tile.x)
                .bind(4, tile.y)
                .bind(5, toMs(now))
                .run();
        }
        return entry;
    });
}

void TileStore::put(const QString &source, const TileId &tile, const QByteArray &data,
                    const QString &etag, const QDateTime &expiresAt, const QDateTime &now)
{
    if (data.size() > m_cap)
        return;
    guardedWrite(m_db, [&] {
        const qint64 before = totalBytes();
        sqlite::Statement &old = m_db.prepare(QStringLiteral(
            "SELECT length(data) FROM tiles WHERE source = ?1 AND z = ?2 AND x = ?3 AND y = ?4"));
        old.bind(1, source).bind(2, tile.z).bind(3, tile.x).bind(4, tile.y);
        const qint64 replaced = old.step() ? old.int64(0) : 0;
        old.reset();
        m_db.prepare(QStringLiteral("INSERT OR REPLACE INTO tiles (source, z, x, y, data, etag, "
                                    "fetched_at, expires_at, last_used) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?7)"))
            .bind(1, source)
            .bind(2, tile.z)
            .bind(3, tile.x)
            .bind(4, tile.y)
            .bind(5, data)
            .bind(6, etag.isNull() ? QString() : etag)
            .bind(7, toMs(now))
            .bind(8, toMs(expiresAt))
            .run();
        m_total = before - replaced + data.size();
        evict();
    });
}

void TileStore::refresh(const QString &source, const TileId &tile, const QDateTime &expiresAt,
                        const QDateTime &now)
{
    guardedWrite(m_db, [&] {
        m_db.prepare(QStringLiteral("UPDATE tiles SET expires_at = ?5, fetched_at = ?6, "
                                    "last_used = ?6 WHERE source = ?1 AND z = ?2 AND x = ?3 AND "
                                    "y = ?4"))
            .bind(1, source)
            .bind(2, tile.z)
            .bind(3, tile.x)
            .bind(4, tile.y)
            .bind(5, toMs(expiresAt))
            .bind(6, toMs(now))
            .run();
    });
}

void TileStore::setCapBytes(qint64 cap)
{
    m_cap = std::max<qint64>(0, cap);
    guardedWrite(m_db, [&] { evict(); });
}

qint64 TileStore::totalBytes()
{
    if (!m_total)
        m_total = guarded([&] {
            return m_db.queryInt(
                QStringLiteral("SELECT coalesce(sum(length(data)), 0) FROM tiles"));
        });
    return *m_total;
}

qint64 TileStore::count()
{
    return guarded([&] { return m_db.queryInt(QStringLiteral("SELECT count(*) FROM tiles")); });
}

void TileStore::evict()
{
    qint64 total = totalBytes();
    if (total <= m_cap)
        return;
    // Oldest use first, in batches, until within the cap.
    sqlite::Statement &oldest = m_db.prepare(QStringLiteral(
        "SELECT source, z, x, y, length(data) FROM tiles ORDER BY last_used LIMIT 256"));
    sqlite::Statement &remove = m_db.prepare(
        QStringLiteral("DELETE FROM tiles WHERE source = ?1 AND z = ?2 AND x = ?3 AND y = ?4"));
    while (total > m_cap) {
        struct Victim
        {
            QString source;
            qint64 z, x, y, bytes;
        };
        QList<Victim> victims;
        while (total > m_cap && oldest.step()) {
            victims.append({oldest.text(0), oldest.int64(1), oldest.int64(2), oldest.int64(3),
                            oldest.int64(4)});
            total -= oldest.int64(4);
        }
        oldest.reset();
        if (victims.isEmpty())
            break;
        for (const Victim &v : victims)
            remove.bind(1, v.source).bind(2, v.z).bind(3, v.x).bind(4, v.y).run();
    }
    m_total = total;
}

} // namespace rd
