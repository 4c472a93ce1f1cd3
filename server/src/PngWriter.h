#pragma once

#include <QByteArray>
#include <QString>

namespace rd::server {

// Demo photos without QtGui: a small PNG encoder (zlib via qCompress).
// (Uploads are checked by rd::inspectImage, models/domain/ImageInfo.h.)
namespace PngWriter {

QByteArray encodeRgb(int width, int height, const QByteArray &rgb);
// A deterministic picture for a demo photo id: a street-coloured gradient
// with a few blocks, different for every id.
QByteArray demoPhoto(const QString &id, int width, int height);

} // namespace PngWriter
} // namespace rd::server
