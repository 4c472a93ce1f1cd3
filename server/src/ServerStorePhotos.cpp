// ServerStore: uploaded photos, their files and rows, for both stores.

#include "ServerStore.h"

#include "PngWriter.h"

#include <QLoggingCategory>

#include <stdexcept>

Q_LOGGING_CATEGORY(lcPhotos, "regiondesk.server.photos")

namespace rd::server {

void ServerStore::addUploadedPhoto(const Photo &photo, const QByteArray &data, const QDateTime &at)
{
    if (data.isEmpty())
        throw std::invalid_argument("an uploaded photo has bytes");
    // The slow part (hash, write, sync) before the write lock. Under it,
    // only a look that the file is still there: "admin photos gc" removes
    // old files no row names under the same lock, so it may have taken an
    // old copy of these very bytes in between (then it is written again);
    // once this row is committed, the file stays.
    const QString sha256 = m_photoFiles.put(data);
    WriteTransaction transaction(*this);
    m_photoFiles.ensure(data, sha256);
    addPhoto(photo, sha256, at);
    transaction.commit();
}

PhotoFiles::Read ServerStore::photoData(const Photo &photo, const QString &sha256) const
{
    if (sha256.isEmpty())
        return {PngWriter::demoPhoto(photo.id, photo.width, photo.height), {}};
    PhotoFiles::Read read;
    try {
        read = m_photoFiles.read(sha256, photo.bytes);
    } catch (const PhotoFiles::Error &error) {
        read.error = QString::fromLocal8Bit(error.what());
    }
    if (!read.error.isEmpty())
        qCCritical(lcPhotos).noquote() << "photo" << photo.id << "cannot be served:" << read.error;
    return read;
}

} // namespace rd::server
