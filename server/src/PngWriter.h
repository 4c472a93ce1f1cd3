#pragma once

#include <QByteArray>
#include <QString>

namespace rd::server {

struct ImageInfo
{
    QString mimeType; // empty when the bytes are neither PNG nor JPEG
    int width = 0;
    int height = 0;
};

// Demo photos without QtGui: a small PNG encoder (zlib via qCompress), and
// a reader of PNG and JPEG headers to check uploads by their bytes, not by
// what the client says they are.
namespace PngWriter {

QByteArray encodeRgb(int width, int height, const QByteArray &rgb);
// A deterministic picture for a demo photo id: a street-coloured gradient
// with a few blocks, different for every id.
QByteArray demoPhoto(const QString &id, int width, int height);
ImageInfo inspect(const QByteArray &bytes);

} // namespace PngWriter
} // namespace rd::server
