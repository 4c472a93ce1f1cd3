#include "MediaStore.h"

#include "CacheGuard.h"
#include "ComplaintRows.h"
#include "sqlite/Database.h"

namespace rd {

using detail::fromMs;
using detail::guarded;
using detail::guardedWrite;
using detail::toMs;
using rows::nonNull;

MediaStore::MediaStore(sqlite::Database &db)
    : m_db(db)
{}

void MediaStore::replacePhotos(const QList<QPair<qint64, QList<Photo>>> &batch, bool knownEmpty)
{
    guardedWrite(m_db, [&] {
        sqlite::Statement &remove =
            m_db.prepare(QStringLiteral("DELETE FROM photos WHERE complaint_id = ?1"));
        sqlite::Statement &insert = m_db.prepare(QStringLiteral(
            "INSERT OR REPLACE INTO photos (id, complaint_id, mime_type, width, height, bytes, "
            "evidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
        for (const auto &[complaintId, photos] : batch) {
            if (!knownEmpty)
                remove.bind(1, complaintId).run();
            for (const Photo &photo : photos) {
                insert.bind(1, photo.id)
                    .bind(2, complaintId)
                    .bind(3, nonNull(photo.mimeType))
                    .bind(4, photo.width)
                    .bind(5, photo.height)
                    .bind(6, photo.bytes)
                    .bind(7, photo.evidence)
                    .run();
            }
        }
    });
}

void MediaStore::replacePhotos(qint64 complaintId, const QList<Photo> &photos)
{
    replacePhotos({{complaintId, photos}}, false);
}

QStringList MediaStore::photoIds(const QList<qint64> &complaintIds)
{
    return guarded([&] {
        QStringList ids;
        sqlite::Statement &s = m_db.prepare(
            QStringLiteral("SELECT id FROM photos WHERE complaint_id = ?1 ORDER BY id"));
        for (const qint64 complaintId : complaintIds) {
            s.bind(1, complaintId);
            while (s.step())
                ids.append(s.text(0));
            s.reset();
        }
        return ids;
    });
}

QStringList MediaStore::expiredPhotos(int limit)
{
    return guarded([&] {
        QStringList ids;
        sqlite::Statement &s =
            m_db.prepare(QStringLiteral("SELECT id FROM expired_photos ORDER BY id LIMIT ?1"));
        s.bind(1, limit);
        while (s.step())
            ids.append(s.text(0));
        s.reset();
        return ids;
    });
}

void MediaStore::forgetExpiredPhotos(const QStringList &photoIds)
{
    guardedWrite(m_db, [&] {
        sqlite::Statement &s =
            m_db.prepare(QStringLiteral("DELETE FROM expired_photos WHERE id = ?1"));
        for (const QString &id : photoIds)
            s.bind(1, id).run();
    });
}

QList<Photo> MediaStore::photos(qint64 complaintId)
{
    return guarded([&] {
        sqlite::Statement &s = m_db.prepare(
            QStringLiteral("SELECT id, mime_type, width, height, bytes, evidence FROM photos "
                           "WHERE complaint_id = ?1 ORDER BY evidence, rowid"));
        s.bind(1, complaintId);
        QList<Photo> photos;
        while (s.step()) {
            photos.append({s.text(0), complaintId, s.text(1), s.integer(2), s.integer(3),
                           s.int64(4), s.int64(5) != 0});
        }
        s.reset();
        return photos;
    });
}

void MediaStore::replaceHistory(qint64 complaintId, const QList<HistoryEntry> &entries)
{
    guardedWrite(m_db, [&] {
        m_db.prepare(QStringLiteral("DELETE FROM history WHERE complaint_id = ?1"))
            .bind(1, complaintId)
            .run();
        sqlite::Statement &s = m_db.prepare(QStringLiteral(
            "INSERT OR REPLACE INTO history (complaint_id, seq, at, actor, action, old_value, "
            "new_value, comment) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
        for (const HistoryEntry &entry : entries) {
            s.bind(1, complaintId)
                .bind(2, entry.seq)
                .bind(3, toMs(entry.at).value_or(0))
                .bind(4, nonNull(entry.actor))
                .bind(5, nonNull(entry.action))
                .bind(6, entry.oldValue)
                .bind(7, entry.newValue)
                .bind(8, entry.comment)
                .run();
        }
    });
}

QList<HistoryEntry> MediaStore::history(qint64 complaintId)
{
    return guarded([&] {
        sqlite::Statement &s = m_db.prepare(QStringLiteral(
            "SELECT seq, at, actor, action, old_value, new_value, comment FROM history "
            "WHERE complaint_id = ?1 ORDER BY seq"));
        s.bind(1, complaintId);
        QList<HistoryEntry> entries;
        while (s.step()) {
            entries.append({complaintId, s.int64(0), fromMs(s, 1), s.text(2), s.text(3), s.text(4),
                            s.text(5), s.text(6)});
        }
        s.reset();
        return entries;
    });
}

} // namespace rd
