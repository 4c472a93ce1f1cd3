#pragma once

#include <QByteArray>
#include <QString>

namespace rd {

struct ImageInfo
{
    QString mimeType; // empty when the bytes are neither PNG nor JPEG
    int width = 0;
    int height = 0;
    bool isImage() const { return !mimeType.isEmpty(); }
};

// What an image is by its bytes, not by what its sender says: PNG or JPEG
// with a sane size read from the header, else an empty ImageInfo. Used by
// the server for uploads and by the client for photos and map tiles.
ImageInfo inspectImage(const QByteArray &bytes);

} // namespace rd
