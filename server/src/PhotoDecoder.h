#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

namespace rd::server {

// An upload decoded and encoded again, so that what the server stores and
// serves is only an image: no trailing bytes (a PNG+HTML polyglot loses its
// HTML), no metadata (EXIF with a camera's GPS position, comments), the
// orientation applied. Decoding is bounded before any pixel is allocated:
// the header's size against maxPixels, the decoder's allocation limit.
struct DecodedPhoto
{
    QByteArray data;  // the new encoding; empty when error is set
    QString mimeType; // image/jpeg or image/png, as sent
    int width = 0;
    int height = 0;
    int status = 0; // on error: 413 too many pixels, 415 not decodable
    QString error;
};

// The server's core has no QtGui: the executable gives it this function
// (server/src/images), tests may give another.
using PhotoDecoder =
    std::function<DecodedPhoto(const QByteArray &bytes, const QString &mimeType, qint64 maxPixels)>;

} // namespace rd::server
