#pragma once

#include "ComplaintRecords.h"

#include <QList>
#include <QPair>
#include <QStringList>

namespace rd {

namespace sqlite {
class Database;
}

// What the cache keeps of a complaint beside its record: its photos (the
// list; the bytes are the PhotoCache's) and its history. Every method throws
// CacheError.
class MediaStore final
{
public:
    explicit MediaStore(sqlite::Database &db);
    Q_DISABLE_COPY_MOVE(MediaStore)

    void replacePhotos(qint64 complaintId, const QList<Photo> &photos);
    // Several complaints' photo lists at once; knownEmpty skips deleting old
    // rows (a first sync into an empty cache).
    void replacePhotos(const QList<QPair<qint64, QList<Photo>>> &batch, bool knownEmpty);
    QList<Photo> photos(qint64 complaintId);
    // The photo ids of these complaints, in their order ("make a queue
    // available offline").
    QStringList photoIds(const QList<qint64> &complaintIds);
    // Photos of complaints retention removed (ComplaintStore::expireClosed),
    // until the photo cache has dropped them: up to `limit`, then forgotten
    // with forgetExpiredPhotos() once dropped.
    QStringList expiredPhotos(int limit = 1000);
    void forgetExpiredPhotos(const QStringList &photoIds);
    void replaceHistory(qint64 complaintId, const QList<HistoryEntry> &entries);
    QList<HistoryEntry> history(qint64 complaintId);

private:
    sqlite::Database &m_db;
};

} // namespace rd
