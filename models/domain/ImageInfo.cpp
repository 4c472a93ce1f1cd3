#include "ImageInfo.h"

#include <QtEndian>

namespace rd {

ImageInfo inspectImage(const QByteArray &bytes)
{
    if (bytes.startsWith(QByteArray("\x89PNG\r\n\x1a\n", 8)) && bytes.size() >= 24 &&
        bytes.mid(12, 4) == "IHDR") {
        const int w = int(qFromBigEndian<quint32>(bytes.constData() + 16));
        const int h = int(qFromBigEndian<quint32>(bytes.constData() + 20));
        if (w > 0 && h > 0 && w <= 20000 && h <= 20000)
            return {QStringLiteral("image/png"), w, h};
        return {};
    }
    if (bytes.size() >= 4 && quint8(bytes[0]) == 0xff && quint8(bytes[1]) == 0xd8 &&
        quint8(bytes[2]) == 0xff) {
        // Walk the markers to a start-of-frame, which holds the size.
        qsizetype i = 2;
        while (i + 9 < bytes.size()) {
            if (quint8(bytes[i]) != 0xff)
                return {};
            const quint8 marker = quint8(bytes[i + 1]);
            const int length = qFromBigEndian<quint16>(bytes.constData() + i + 2);
            if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 &&
                marker != 0xcc) {
                const int h = qFromBigEndian<quint16>(bytes.constData() + i + 5);
                const int w = qFromBigEndian<quint16>(bytes.constData() + i + 7);
                if (w > 0 && h > 0)
                    return {QStringLiteral("image/jpeg"), w, h};
                return {};
            }
            if (length < 2)
                return {};
            i += 2 + length;
        }
    }
    return {};
}

} // namespace rd
