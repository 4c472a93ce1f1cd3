#include "QtPhotoDecoder.h"

#include "ImageInfo.h"

#include <QBuffer>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>

namespace rd::server {

namespace {

DecodedPhoto refused(int status, const QString &error)
{
    DecodedPhoto d;
    d.status = status;
    d.error = error;
    return d;
}

} // namespace

DecodedPhoto decodeWithQt(const QByteArray &bytes, const QString &mimeType, qint64 maxPixels)
{
    const ImageInfo header = inspectImage(bytes);
    if (!header.isImage() || header.mimeType != mimeType)
        return refused(415, QStringLiteral("Send a JPEG or PNG image with its Content-Type."));
    if (qint64(header.width) * header.height > maxPixels)
        return refused(413, QStringLiteral("A photo may have at most %1 pixels; this one "
                                           "declares %2 × %3.")
                                .arg(maxPixels)
                                .arg(header.width)
                                .arg(header.height));
    QByteArray input = bytes;
    QBuffer in(&input);
    in.open(QIODevice::ReadOnly);
    QImageReader reader(&in, mimeType == QLatin1String("image/png") ? "png" : "jpeg");
    reader.setAutoTransform(true); // EXIF orientation applied, then dropped
    // Megabytes the decoder may allocate: the pixels allowed, 4 bytes each.
    reader.setAllocationLimit(int(std::max<qint64>(1, maxPixels * 4 / (1024 * 1024) + 1)));
    QImage image = reader.read();
    if (image.isNull())
        return refused(415,
                       QStringLiteral("The image cannot be decoded: %1").arg(reader.errorString()));
    for (const QString &key : image.textKeys())
        image.setText(key, QString()); // PNG text chunks, JPEG comments
    DecodedPhoto d;
    QBuffer out(&d.data);
    out.open(QIODevice::WriteOnly);
    QImageWriter writer(&out, mimeType == QLatin1String("image/png") ? "png" : "jpeg");
    if (mimeType == QLatin1String("image/jpeg"))
        writer.setQuality(90);
    if (!writer.write(image))
        return refused(
            415, QStringLiteral("The image cannot be encoded again: %1").arg(writer.errorString()));
    d.mimeType = mimeType;
    d.width = image.width();
    d.height = image.height();
    return d;
}

} // namespace rd::server
