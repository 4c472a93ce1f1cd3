// SqliteServerStore: photo rows (their bytes are files: PhotoFiles) and
// schema step 6, which moved the bytes out of the database.

#include "SqliteServerStore.h"

#include "sqlite/Database.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <stdexcept>

namespace rd::server {

namespace {

// Columns id, complaint_id, mime_type, width, height, bytes, evidence.
Photo readPhoto(const sqlite::Statement &s)
{
    return {s.text(0),    s.int64(1), s.text(2),      s.integer(3),
            s.integer(4), s.int64(5), s.int64(6) != 0};
}

// Columns id, complaint_id, sha256, bytes.
QList<ServerStore::PhotoRef> readRefs(sqlite::Statement &s)
{
    QList<ServerStore::PhotoRef> out;
    while (s.step())
        out.append({s.text(0), s.int64(1), s.text(2), s.int64(3)});
    s.reset();
    return out;
}

} // namespace

void SqliteServerStore::movePhotosToFiles()
{
    // Inside the one transaction of the whole ladder (migrate()): every
    // file is written and synced before the blobs go, and the blobs go in
    // the commit that also sets the version. A crash or failure before
    // that commit leaves the database as it was, blobs and all; the files
    // already written are the same files the next attempt writes (named by
    // their content), so running it again is harmless.
    m_db->exec(QStringLiteral("ALTER TABLE photos ADD COLUMN sha256 TEXT; "
                              "ALTER TABLE photos ADD COLUMN added_at INTEGER NOT NULL DEFAULT 0; "
                              "UPDATE photos SET added_at = CAST((julianday('now') - 2440587.5) * "
                              "86400000 AS INTEGER);"));
    QStringList ids;
    sqlite::Statement &list =
        m_db->prepare(QStringLiteral("SELECT id FROM photos WHERE data IS NOT NULL ORDER BY id"));
    while (list.step())
        ids.append(list.text(0));
    list.reset();
    if (!ids.isEmpty() && !photoFiles().isConfigured())
        throw std::runtime_error(QStringLiteral("%1 holds %2 photos to move into files: give the "
                                                "photos folder (--photos DIR)")
                                     .arg(m_db->path())
                                     .arg(ids.size())
                                     .toStdString());
    for (const QString &id : ids) {
        sqlite::Statement &read =
            m_db->prepare(QStringLiteral("SELECT data FROM photos WHERE id = ?1"));
        read.bind(1, id);
        const QByteArray data = read.step() ? read.blob(0) : QByteArray();
        read.reset();
        const QString sha256 = photoFiles().put(data);
        m_db->prepare(QStringLiteral(
                          "UPDATE photos SET sha256 = ?2, bytes = ?3, data = NULL WHERE id = ?1"))
            .bind(1, id)
            .bind(2, sha256)
            .bind(3, qint64(data.size()))
            .run();
    }
    m_db->exec(QStringLiteral("ALTER TABLE photos DROP COLUMN data; "
                              "CREATE INDEX photos_sha256 ON photos (sha256);"));
    m_db->clearStatementCache(); // statements may name the dropped column
}

void SqliteServerStore::addPhoto(const Photo &photo, const QString &sha256, const QDateTime &at)
{
    m_db->prepare(QStringLiteral("INSERT OR REPLACE INTO photos (id, complaint_id, mime_type, "
                                 "width, height, bytes, evidence, sha256, added_at) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"))
        .bind(1, photo.id)
        .bind(2, photo.complaintId)
        .bind(3, photo.mimeType)
        .bind(4, photo.width)
        .bind(5, photo.height)
        .bind(6, photo.bytes)
        .bind(7, photo.evidence)
        .bind(8, sha256.isEmpty() ? QString() : sha256)
        .bind(9, at.toMSecsSinceEpoch())
        .run();
}

std::optional<Photo> SqliteServerStore::photo(const QString &id, QString *sha256)
{
    sqlite::Statement &s = m_db->prepare(
        QStringLiteral("SELECT id, complaint_id, mime_type, width, height, bytes, evidence, sha256 "
                       "FROM photos WHERE id = ?1"));
    s.bind(1, id);
    std::optional<Photo> result;
    if (s.step()) {
        result = readPhoto(s);
        if (sha256)
            *sha256 = s.text(7);
    }
    s.reset();
    return result;
}

QList<Photo> SqliteServerStore::photos(qint64 complaintId)
{
    sqlite::Statement &s = m_db->prepare(
        QStringLiteral("SELECT id, complaint_id, mime_type, width, height, bytes, evidence "
                       "FROM photos WHERE complaint_id = ?1 ORDER BY evidence, rowid"));
    s.bind(1, complaintId);
    QList<Photo> result;
    while (s.step())
        result.append(readPhoto(s));
    s.reset();
    return result;
}

QList<ServerStore::PhotoRef> SqliteServerStore::photoFileRefs()
{
    return readRefs(m_db->prepare(QStringLiteral("SELECT id, complaint_id, sha256, bytes FROM "
                                                 "photos WHERE sha256 IS NOT NULL ORDER BY id")));
}

QList<ServerStore::PhotoRef> SqliteServerStore::unattachedPhotos(const QDateTime &addedBefore,
                                                                 const QStringList &onlyIds)
{
    // Attached: the complaint's record (its JSON as served) lists the photo.
    sqlite::Statement &s = m_db->prepare(QStringLiteral(
        "SELECT p.id, p.complaint_id, p.sha256, p.bytes FROM photos p "
        "LEFT JOIN complaints c ON c.id = p.complaint_id "
        "WHERE p.added_at < ?1 "
        "  AND (?2 IS NULL OR p.id IN (SELECT value FROM json_each(?2))) "
        "  AND (c.id IS NULL OR NOT EXISTS (SELECT 1 FROM json_each(c.body, '$.photos') j "
        "                                   WHERE json_extract(j.value, '$.id') = p.id)) "
        "ORDER BY p.id"));
    s.bind(1, addedBefore.toMSecsSinceEpoch())
        .bind(2, onlyIds.isEmpty()
                     ? QString()
                     : QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(onlyIds))
                                             .toJson(QJsonDocument::Compact)));
    return readRefs(s);
}

void SqliteServerStore::deletePhoto(const QString &id)
{
    m_db->prepare(QStringLiteral("DELETE FROM photos WHERE id = ?1")).bind(1, id).run();
}

bool SqliteServerStore::photoFileInUse(const QString &sha256)
{
    sqlite::Statement &s =
        m_db->prepare(QStringLiteral("SELECT 1 FROM photos WHERE sha256 = ?1 LIMIT 1"));
    s.bind(1, sha256);
    const bool used = s.step();
    s.reset();
    return used;
}

} // namespace rd::server
