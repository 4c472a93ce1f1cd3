// PgServerStore: photo rows (their bytes are files: PhotoFiles) and schema
// step 4, which moved the bytes out of the database.

#include "PgServerStore.h"

#include "pg/PgConnection.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <stdexcept>

namespace rd::server {

namespace {

// Columns id, complaint_id, mime_type, width, height, bytes, evidence.
Photo readPhoto(const pg::Result &r, int row)
{
    return {r.text(row, 0),    r.int64(row, 1), r.text(row, 2),   r.integer(row, 3),
            r.integer(row, 4), r.int64(row, 5), r.boolean(row, 6)};
}

// Columns id, complaint_id, sha256, bytes.
QList<ServerStore::PhotoRef> readRefs(const pg::Result &r)
{
    QList<ServerStore::PhotoRef> out;
    for (int i = 0; i < r.rows(); ++i)
        out.append({r.text(i, 0), r.int64(i, 1), r.text(i, 2), r.int64(i, 3)});
    return out;
}

} // namespace

void PgServerStore::movePhotosToFiles()
{
    // Inside the one transaction of the ladder (migrate(), which holds the
    // migration lock): every file is written and synced before the blobs
    // go, and the blobs go in the commit that records the step. A crash or
    // failure before that commit leaves the database as it was; the files
    // already written are the ones the next attempt writes (named by their
    // content), so running it again is harmless. Setting data to NULL
    // before dropping the column leaves the old values to VACUUM.
    m_db->exec(
        QStringLiteral("ALTER TABLE photos ADD COLUMN sha256 TEXT; "
                       "ALTER TABLE photos ADD COLUMN added_at BIGINT NOT NULL DEFAULT 0; "
                       "UPDATE photos SET added_at = (extract(epoch FROM now()) * 1000)::bigint;"));
    const pg::Result ids =
        m_db->query(QStringLiteral("SELECT id FROM photos WHERE data IS NOT NULL ORDER BY id"));
    if (ids.rows() > 0 && !photoFiles().isConfigured())
        throw std::runtime_error(QStringLiteral("%1 holds %2 photos to move into files: give the "
                                                "photos folder (--photos DIR)")
                                     .arg(describe())
                                     .arg(ids.rows())
                                     .toStdString());
    for (int i = 0; i < ids.rows(); ++i) {
        const QString id = ids.text(i, 0);
        const QByteArray data = m_db->query(QStringLiteral("SELECT data FROM photos WHERE id = $1"),
                                            pg::Params().add(id))
                                    .blob(0, 0);
        const QString sha256 = photoFiles().put(data);
        m_db->query(
            QStringLiteral("UPDATE photos SET sha256 = $2, bytes = $3, data = NULL WHERE id = $1"),
            pg::Params().add(id).add(sha256).add(qint64(data.size())));
    }
    m_db->exec(QStringLiteral("ALTER TABLE photos DROP COLUMN data; "
                              "CREATE INDEX photos_sha256 ON photos (sha256);"));
}

void PgServerStore::addPhoto(const Photo &photo, const QString &sha256, const QDateTime &at)
{
    m_db->query(
        QStringLiteral("INSERT INTO photos (id, complaint_id, mime_type, width, height, bytes, "
                       "evidence, sha256, added_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
                       "ON CONFLICT (id) DO UPDATE SET complaint_id = excluded.complaint_id, "
                       "mime_type = excluded.mime_type, width = excluded.width, height = "
                       "excluded.height, bytes = excluded.bytes, evidence = excluded.evidence, "
                       "sha256 = excluded.sha256, added_at = excluded.added_at"),
        pg::Params()
            .add(photo.id)
            .add(photo.complaintId)
            .add(photo.mimeType)
            .add(photo.width)
            .add(photo.height)
            .add(photo.bytes)
            .add(photo.evidence)
            .addNullable(sha256.isEmpty() ? QString() : sha256)
            .add(at.toMSecsSinceEpoch()));
}

std::optional<Photo> PgServerStore::photo(const QString &id, QString *sha256)
{
    const pg::Result r = m_db->query(
        QStringLiteral("SELECT id, complaint_id, mime_type, width, height, bytes, evidence, "
                       "sha256 FROM photos WHERE id = $1"),
        pg::Params().add(id));
    if (!r.rows())
        return std::nullopt;
    if (sha256)
        *sha256 = r.isNull(0, 7) ? QString() : r.text(0, 7);
    return readPhoto(r, 0);
}

QList<Photo> PgServerStore::photos(qint64 complaintId)
{
    const pg::Result r = m_db->query(
        QStringLiteral("SELECT id, complaint_id, mime_type, width, height, bytes, evidence "
                       "FROM photos WHERE complaint_id = $1 ORDER BY evidence, added"),
        pg::Params().add(complaintId));
    QList<Photo> result;
    for (int i = 0; i < r.rows(); ++i)
        result.append(readPhoto(r, i));
    return result;
}

QList<ServerStore::PhotoRef> PgServerStore::photoFileRefs()
{
    return readRefs(m_db->query(QStringLiteral("SELECT id, complaint_id, sha256, bytes FROM "
                                               "photos WHERE sha256 IS NOT NULL ORDER BY id")));
}

QList<ServerStore::PhotoRef> PgServerStore::unattachedPhotos(const QDateTime &addedBefore,
                                                             const QStringList &onlyIds)
{
    // Attached: the complaint's record (its JSON as served) lists the photo.
    return readRefs(m_db->query(
        QStringLiteral(
            "SELECT p.id, p.complaint_id, p.sha256, p.bytes FROM photos p "
            "LEFT JOIN complaints c ON c.id = p.complaint_id "
            "WHERE p.added_at < $1 "
            "  AND ($2::text IS NULL OR p.id IN (SELECT jsonb_array_elements_text($2::jsonb))) "
            "  AND (c.id IS NULL OR NOT coalesce(c.body::jsonb -> 'photos', '[]'::jsonb) @> "
            "       jsonb_build_array(jsonb_build_object('id', p.id))) "
            "ORDER BY p.id"),
        pg::Params()
            .add(addedBefore.toMSecsSinceEpoch())
            .addNullable(onlyIds.isEmpty()
                             ? QString()
                             : QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(onlyIds))
                                                     .toJson(QJsonDocument::Compact)))));
}

void PgServerStore::deletePhoto(const QString &id)
{
    m_db->query(QStringLiteral("DELETE FROM photos WHERE id = $1"), pg::Params().add(id));
}

bool PgServerStore::photoFileInUse(const QString &sha256)
{
    return m_db->query(QStringLiteral("SELECT 1 FROM photos WHERE sha256 = $1 LIMIT 1"),
                       pg::Params().add(sha256))
               .rows() > 0;
}

} // namespace rd::server
