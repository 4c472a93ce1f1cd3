#pragma once

#include "PhotoDecoder.h"

namespace rd::server {

// Qt's image reader and writer (QtGui, no display needed).
DecodedPhoto decodeWithQt(const QByteArray &bytes, const QString &mimeType, qint64 maxPixels);

} // namespace rd::server
