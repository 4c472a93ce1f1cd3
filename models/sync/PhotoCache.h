#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace rd {

namespace sqlite {
class Database;
}

// Complaint photos seen once, kept on disk for offline use: one SQLite file
// beside the cache, capped in size, least recently used evicted first. It
// holds nothing that cannot be fetched again, so a damaged or foreign file
// is set aside and started afresh instead of stopping anyone. Not
// thread-safe (one per thread). Throws CacheError only if the folder cannot
// be written at all.
class PhotoCache final
{
public:
    // key: as LocalCache's (CacheOptions::key); a plain photo cache met with
    // a key is encrypted in place, one that cannot be is removed.
    static std::unique_ptr<PhotoCache> open(const QString &path, qint64 capBytes,
                                            const QByteArray &key = {});
    ~PhotoCache();
    Q_DISABLE_COPY_MOVE(PhotoCache)

    struct Entry
    {
        QByteArray data;
        QString mimeType;
    };
    // The photo, marking it used now.
    std::optional<Entry> get(const QString &photoId);
    bool contains(const QString &photoId);
    // Stores a photo and evicts the least recently used until the total is
    // within the cap. A photo larger than the whole cap is not stored.
    bool put(const QString &photoId, const QString &mimeType, const QByteArray &data);
    // Removes these photos (retention: their complaints left the cache).
    // Returns how many were here, or -1 when the file could not be written
    // (nothing was removed: the caller asks again later).
    int remove(const QStringList &photoIds);
    qint64 totalBytes();
    qint64 cap() const { return m_cap; }
    void setCap(qint64 capBytes);
    int count();
    // Whether this file was found damaged and started afresh at open().
    bool wasReset() const { return m_wasReset; }

private:
    PhotoCache(std::unique_ptr<sqlite::Database> db, qint64 capBytes, bool wasReset);
    void evict(const QString &keep);

    std::unique_ptr<sqlite::Database> m_db;
    qint64 m_cap;
    qint64 m_clock = 0; // last_used ticks: monotonic even when the wall clock is not
    bool m_wasReset;
};

} // namespace rd
