// Uploaded evidence is decoded and encoded again before it is stored: a
// header declaring more pixels than the limit is refused before any pixel
// is allocated (a 45-byte "20 000 × 20 000" PNG), a PNG with HTML behind it
// is served as the picture alone, with nosniff; metadata (a JPEG comment, PNG
// text) does not survive; bytes that only look like an image are refused.

#include "TestServer.h"

#include <QBuffer>
#include <QImage>
#include <QImageWriter>
#include <QTest>

#include <zlib.h>

#include <memory>

using rd::test::HttpResult;
using rd::test::TestServer;

namespace {

QByteArray encode(const QImage &image, const char *format, const QString &text = {})
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    if (!text.isEmpty())
        writer.setText(QStringLiteral("Comment"), text);
    writer.write(image);
    return bytes;
}

QByteArray chunk(const QByteArray &type, const QByteArray &data)
{
    QByteArray out;
    const quint32 length = quint32(data.size());
    for (int shift : {24, 16, 8, 0})
        out.append(char((length >> shift) & 0xff));
    out += type + data;
    const quint32 crc =
        quint32(crc32(crc32(0, nullptr, 0), reinterpret_cast<const Bytef *>(type.constData()), 4));
    const quint32 full =
        quint32(crc32(crc, reinterpret_cast<const Bytef *>(data.constData()), uInt(data.size())));
    for (int shift : {24, 16, 8, 0})
        out.append(char((full >> shift) & 0xff));
    return out;
}

// A tiny PNG whose header declares width × height.
QByteArray declaredPng(quint32 width, quint32 height)
{
    QByteArray ihdr;
    for (quint32 v : {width, height})
        for (int shift : {24, 16, 8, 0})
            ihdr.append(char((v >> shift) & 0xff));
    ihdr += QByteArray::fromHex("0802000000"); // 8-bit RGB
    return QByteArray::fromHex("89504e470d0a1a0a") + chunk("IHDR", ihdr) +
           chunk("IDAT", QByteArray::fromHex("789c030000000001")) + chunk("IEND", {});
}

} // namespace

class TestServerUploads : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    QByteArray m_token;
    qint64 m_id = 0;

    HttpResult upload(const QByteArray &bytes, const QByteArray &type)
    {
        return m_server->request("POST", QStringLiteral("/api/v1/complaints/%1/photos").arg(m_id),
                                 bytes,
                                 {{"Authorization", "Bearer " + m_token}, {"Content-Type", type}});
    }
    HttpResult served(const HttpResult &uploaded)
    {
        return m_server->get(QStringLiteral("/api/v1/media/") +
                                 uploaded.json().value(QStringLiteral("id")).toString(),
                             m_token);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(100);
        QVERIFY(m_server->isRunning());
        m_token = m_server->signIn(QStringLiteral("clerk"));
        for (const QJsonObject &c : m_server->pullAll(m_token).records) {
            if (c.value(QStringLiteral("state")).toString() == QLatin1String("published"))
                m_id = c.value(QStringLiteral("id")).toInteger();
        }
        QVERIFY(m_id > 0);
    }

    void tooManyPixelsIsRefusedBeforeDecoding()
    {
        const QByteArray bomb = declaredPng(20000, 20000);
        QVERIFY(bomb.size() < 80); // a few dozen bytes declaring 400 megapixels
        const HttpResult r = upload(bomb, "image/png");
        QCOMPARE(r.status, 413);
        QVERIFY(r.errorCode() == QLatin1String("too_large"));
        QVERIFY(r.json()
                    .value(QStringLiteral("error"))
                    .toObject()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("20000")));
    }

    void aPolyglotIsServedAsThePictureAlone()
    {
        QImage image(40, 30, QImage::Format_RGB32);
        image.fill(Qt::darkGreen);
        const QByteArray polyglot =
            encode(image, "png") + "<html><script>alert(document.cookie)</script></html>";
        const HttpResult r = upload(polyglot, "image/png");
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(QStringLiteral("width")).toInt(), 40);
        const HttpResult back = served(r);
        QCOMPARE(back.status, 200);
        QVERIFY(!back.body.contains("<html"));
        QCOMPARE(back.header("X-Content-Type-Options"), QByteArray("nosniff"));
        QCOMPARE(back.header("Content-Type"), QByteArray("image/png"));
        QCOMPARE(QImage::fromData(back.body).size(), QSize(40, 30));
        QCOMPARE(r.json().value(QStringLiteral("bytes")).toInteger(), back.body.size());
    }

    void metadataDoesNotSurvive()
    {
        QImage image(64, 48, QImage::Format_RGB32);
        image.fill(Qt::gray);
        for (const char *format : {"jpeg", "png"}) {
            const QByteArray bytes =
                encode(image, format, QStringLiteral("GPS 54.98 73.37 Иванов"));
            QVERIFY(bytes.contains("GPS 54.98"));
            const HttpResult r = upload(bytes, QByteArray("image/") + format);
            QCOMPARE(r.status, 201);
            const HttpResult back = served(r);
            QVERIFY2(!back.body.contains("GPS 54.98"), format);
            QCOMPARE(QImage::fromData(back.body).size(), QSize(64, 48));
        }
    }

    void bytesThatOnlyLookLikeAnImageAreRefused()
    {
        QImage image(100, 100, QImage::Format_RGB32);
        image.fill(Qt::red);
        const QByteArray png = encode(image, "png");
        const QByteArray broken = png.left(png.indexOf("IDAT") + 12) + QByteArray(40, '\x55');
        const HttpResult r = upload(broken, "image/png");
        QCOMPARE(r.status, 415);
        QCOMPARE(r.errorCode(), QStringLiteral("unsupported_media_type"));
        QCOMPARE(upload(png, "image/jpeg").status, 415); // the bytes say otherwise
    }
};

QTEST_GUILESS_MAIN(TestServerUploads)
#include "tst_serveruploads.moc"
