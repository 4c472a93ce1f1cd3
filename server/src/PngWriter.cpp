#include "PngWriter.h"

#include <QCryptographicHash>
#include <QtEndian>

#include <array>

namespace rd::server::PngWriter {

namespace {

quint32 crc32(const QByteArray &data)
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t{};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    quint32 c = 0xffffffffu;
    for (const char byte : data)
        c = table[(c ^ quint8(byte)) & 0xff] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

void appendChunk(QByteArray &png, const char *type, const QByteArray &data)
{
    char length[4];
    qToBigEndian(quint32(data.size()), length);
    png.append(length, 4);
    const QByteArray typed = QByteArray(type, 4) + data;
    png.append(typed);
    char crc[4];
    qToBigEndian(crc32(typed), crc);
    png.append(crc, 4);
}

} // namespace

QByteArray encodeRgb(int width, int height, const QByteArray &rgb)
{
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    QByteArray header(13, '\0');
    qToBigEndian(quint32(width), header.data());
    qToBigEndian(quint32(height), header.data() + 4);
    header[8] = 8; // bits per channel
    header[9] = 2; // RGB
    appendChunk(png, "IHDR", header);
    QByteArray raw;
    raw.reserve((width * 3 + 1) * height);
    for (int y = 0; y < height; ++y) {
        raw.append('\0'); // filter: none
        raw.append(rgb.constData() + qsizetype(y) * width * 3, width * 3);
    }
    appendChunk(png, "IDAT", qCompress(raw, 6).mid(4)); // qCompress prefixes the length
    appendChunk(png, "IEND", {});
    return png;
}

QByteArray demoPhoto(const QString &id, int width, int height)
{
    width = qBound(16, width > 0 ? width / 4 : 320, 640);
    height = qBound(16, height > 0 ? height / 4 : 240, 480);
    const QByteArray seed = QCryptographicHash::hash(id.toUtf8(), QCryptographicHash::Sha256);
    const auto s = [&](int i) { return int(quint8(seed[i % seed.size()])); };
    QByteArray rgb(qsizetype(width) * height * 3, '\0');
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            // Sky above, asphalt below, and a few coloured blocks (cars, bins, signs).
            const bool sky = y < height * (35 + s(0) % 20) / 100;
            int r = sky ? 120 + y * 80 / height : 70 + s(1) % 30;
            int g = sky ? 160 + y * 60 / height : 70 + s(2) % 30;
            int b = sky ? 220 : 75 + s(3) % 30;
            for (int k = 0; k < 4; ++k) {
                const int bx = s(4 + k) * width / 256;
                const int by = height / 2 + s(8 + k) * height / 512;
                if (x >= bx && x < bx + width / 8 && y >= by && y < by + height / 6) {
                    r = s(12 + k);
                    g = s(16 + k);
                    b = s(20 + k);
                }
            }
            char *p = rgb.data() + (qsizetype(y) * width + x) * 3;
            p[0] = char(r);
            p[1] = char(g);
            p[2] = char(b);
        }
    }
    return encodeRgb(width, height, rgb);
}

} // namespace rd::server::PngWriter
