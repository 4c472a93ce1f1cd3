// The fast reader of changes pages (FastFeedReader) against the strict one
// (QJsonDocument + ApiJson::complaintFromJson): on every page the fast one
// accepts, both give the same result; hostile pages it must give up on, so
// that the strict reader names the error.

#include "ApiJson.h"
#include "ChangesPage.h"
#include "DemoGenerator.h"
#include "FastFeedReader.h"
#include "ProtocolLimits.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace rd;

namespace {

bool samePage(const ChangesPage &a, const ChangesPage &b)
{
    if (a.epoch != b.epoch || a.cursor != b.cursor || a.more != b.more ||
        a.catalogueEtag != b.catalogueEtag || a.geographyEtag != b.geographyEtag ||
        a.tombstones != b.tombstones || a.records.size() != b.records.size())
        return false;
    for (qsizetype i = 0; i < a.records.size(); ++i) {
        if (!(a.records[i].complaint == b.records[i].complaint) ||
            a.records[i].photos != b.records[i].photos)
            return false;
    }
    return true;
}

// A page as the server writes it: demo complaints with their photos, with and
// without personal data, plus texts that need escaping.
QByteArray demoPage(int count, bool personal)
{
    demo::DemoGenerator generator(7, test::fixedNow());
    QJsonArray records;
    int n = 0;
    for (const auto &d : generator.generate(count)) {
        Complaint c = d.complaint;
        if (n % 7 == 0)
            c.text = QStringLiteral("Кавычки \"так\", обратная косая \\ и\nперевод строки\tтаб, "
                                    "эмодзи 🚧, ё, \u0001");
        if (n % 11 == 0)
            c.address = QStringLiteral("ул. Ленина, 1/2 — «двор»");
        ++n;
        records.append(ApiJson::complaintToJson(c, d.photos, {personal}));
    }
    const QJsonObject page{{QStringLiteral("epoch"), QStringLiteral("e-1")},
                           {QStringLiteral("cursor"), QStringLiteral("cmQxOjIwMDA6MA")},
                           {QStringLiteral("more"), true},
                           {QStringLiteral("records"), records},
                           {QStringLiteral("tombstones"), QJsonArray{5, 17, 9007199254740991.0}}};
    return QJsonDocument(page).toJson(QJsonDocument::Compact);
}

} // namespace

class TestFeedReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void serverPagesReadTheSame_data()
    {
        QTest::addColumn<bool>("personal");
        QTest::addColumn<bool>("indented");
        QTest::newRow("with personal data") << true << false;
        QTest::newRow("without") << false << false;
        QTest::newRow("indented JSON") << true << true;
    }
    void serverPagesReadTheSame()
    {
        QFETCH(bool, personal);
        QFETCH(bool, indented);
        QByteArray body = demoPage(500, personal);
        if (indented)
            body = QJsonDocument::fromJson(body).toJson(QJsonDocument::Indented);
        const auto strict = parseChangesPageStrict(body);
        QVERIFY2(strict, qPrintable(strict.error.toString()));
        const auto fast = readChangesPageFast(body);
        QVERIFY(fast); // the fast path must take the server's own pages
        QVERIFY(samePage(*fast, *strict.value));
        QCOMPARE(fast->records.size(), 500);
    }

    void hostilePagesAreLeftToTheStrictReader_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<bool>("strictAccepts");
        const auto row = [](const char *name, const char *from, const char *to, bool accepts) {
            QTest::newRow(name) << QByteArray(from) << QByteArray(to) << accepts;
        };
        row("id not whole", "\"id\":1,", "\"id\":1.5,", false);
        row("id as text", "\"id\":1,", "\"id\":\"1\",", false);
        row("id zero", "\"id\":1,", "\"id\":0,", false);
        row("id 1.0 is whole", "\"id\":1,", "\"id\":1.0,", true);
        row("id with exponent", "\"id\":1,", "\"id\":1e0,", true);
        row("leading zero", "\"id\":1,", "\"id\":01,", false);
        row("latitude off the globe", "\"lat\":", "\"lat\":91,\"x\":", false);
        row("unknown state", "\"state\":\"", "\"state\":\"bogus\",\"x\":\"", false);
        row("text null", "\"text\":\"Кавычки", "\"text\":null,\"x\":\"", false);
        row("photos an object", "\"photos\":[", "\"photos\":{},\"x\":[", false);
        row("author as text", "\"author\":", "\"author\":\"x\",\"y\":", false);
        row("repeated key", "\"votes\":", "\"votes\":1,\"votes\":", true);
        row("unknown fields", "\"votes\":",
            "\"extra\":{\"a\":[1,2,{\"b\":null}],\"c\":\"\\u00e9\"},\"votes\":", true);
        row("invalid UTF-8", "\"address\":\"", "\"address\":\"\xff\xfe", false);
        // Qt's JSON parser lets raw control characters through; the fast
        // reader leaves such pages to it.
        row("raw control character", "\"address\":\"", "\"address\":\"\x01", true);
        row("lone surrogate", "\"address\":\"", "\"address\":\"\\ud800", true);
        row("escaped unicode", "\"address\":\"", "\"address\":\"\\u0451\\ud83d\\udea7", true);
        row("more as text", "\"more\":true", "\"more\":\"true\"", false);
        row("tombstone zero", "\"tombstones\":[", "\"tombstones\":[0,", false);
        row("tombstone fraction", "\"tombstones\":[", "\"tombstones\":[1.5,", false);
        row("empty cursor", "\"cursor\":\"", "\"cursor\":\"\",\"x\":\"", false);
        row("trailing garbage", "\"tombstones\":[", "\"tombstones\":[", false);
        row("time without offset", "\"created_at\":\"",
            "\"created_at\":\"2026-11-20T09:30:00\",\"x\":\"", false);
        row("time with offset", "\"created_at\":\"",
            "\"created_at\":\"2026-11-20T15:30:00+06:00\",\"x\":\"", true);
        row("date of 13th month", "\"due_date\":\"", "\"due_date\":\"2026-13-01\",\"x\":\"", false);
        row("answer without kind", "\"kind\":\"", "\"sort\":\"", false);
        // The reference tags are hints: named, or anything else (not given).
        row("reference tags", "\"more\":",
            "\"catalogue_etag\":\"W/\\\"c1\\\"\",\"geography_etag\":\"W/\\\"g-2\\\"\",\"more\":",
            true);
        row("reference tag null", "\"more\":", "\"catalogue_etag\":null,\"more\":", true);
        row("reference tag a number", "\"more\":", "\"geography_etag\":7,\"more\":", true);
        row("reference tag twice",
            "\"more\":", "\"catalogue_etag\":\"a\",\"catalogue_etag\":\"b\",\"more\":", true);
    }
    void hostilePagesAreLeftToTheStrictReader()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(bool, strictAccepts);
        QByteArray body = demoPage(20, true);
        const qsizetype at = body.indexOf(from);
        QVERIFY2(at >= 0, "the pattern must occur in the page");
        if (QByteArray(QTest::currentDataTag()) == "trailing garbage")
            body += " x";
        else
            body.replace(at, from.size(), to);
        const auto strict = parseChangesPageStrict(body);
        QCOMPARE(bool(strict), strictAccepts);
        const auto fast = readChangesPageFast(body);
        if (fast) {
            QVERIFY2(strict, "the fast reader accepted what the strict one refuses");
            QVERIFY(samePage(*fast, *strict.value));
        }
        // What callers see: exactly the strict reader's verdict and error.
        const auto combined = parseChangesPage(body);
        QCOMPARE(bool(combined), bool(strict));
        QCOMPARE(combined.error.toString(), strict.error.toString());
    }

    // Both readers hold values to the one table of ProtocolLimits: at the
    // bound both read the record alike; one past it the strict reader names
    // the field and the fast one does not accept it.
    void bothReadersKeepTheLimitsTable_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<qint64>("limit");
        QTest::newRow("text") << QStringLiteral("text") << qint64(ProtocolLimits::LongText);
        QTest::newRow("address") << QStringLiteral("address") << qint64(ProtocolLimits::Address);
        QTest::newRow("author name") << QStringLiteral("name") << qint64(ProtocolLimits::Name);
        QTest::newRow("author e-mail") << QStringLiteral("email") << qint64(ProtocolLimits::Email);
        QTest::newRow("author phone") << QStringLiteral("phone") << qint64(ProtocolLimits::Phone);
        QTest::newRow("reject reason")
            << QStringLiteral("reject_reason") << qint64(ProtocolLimits::LongText);
        QTest::newRow("photo id") << QStringLiteral("id") << qint64(ProtocolLimits::MediaId);
        QTest::newRow("photo type") << QStringLiteral("mime_type") << qint64(ProtocolLimits::Code);
        QTest::newRow("photo width")
            << QStringLiteral("width") << qint64(ProtocolLimits::MaxPixels);
    }
    void bothReadersKeepTheLimitsTable()
    {
        QFETCH(QString, field);
        QFETCH(qint64, limit);
        for (const qint64 size : {limit, limit + 1}) {
            Complaint c = test::makeComplaint(3);
            Photo photo{
                QStringLiteral("p1"), 3, QStringLiteral("image/jpeg"), 640, 480, 1000, false};
            const QString value(size, QLatin1Char('a'));
            if (field == QLatin1String("text"))
                c.text = value;
            else if (field == QLatin1String("address"))
                c.address = value;
            else if (field == QLatin1String("name"))
                c.authorName = value;
            else if (field == QLatin1String("email"))
                c.authorEmail = value;
            else if (field == QLatin1String("phone"))
                c.authorPhone = value;
            else if (field == QLatin1String("reject_reason"))
                c.rejectReason = value;
            else if (field == QLatin1String("id"))
                photo.id = value;
            else if (field == QLatin1String("mime_type"))
                photo.mimeType = value;
            else if (field == QLatin1String("width"))
                photo.width = int(size);
            const QJsonObject page{
                {QStringLiteral("epoch"), QStringLiteral("e-1")},
                {QStringLiteral("cursor"), QStringLiteral("c1")},
                {QStringLiteral("more"), false},
                {QStringLiteral("records"), QJsonArray{ApiJson::complaintToJson(c, {photo})}},
                {QStringLiteral("tombstones"), QJsonArray{}}};
            const QByteArray body = QJsonDocument(page).toJson(QJsonDocument::Compact);
            const auto strict = parseChangesPageStrict(body);
            const auto fast = readChangesPageFast(body);
            if (size == limit) {
                QVERIFY2(strict, qPrintable(strict.error.toString()));
                QVERIFY(fast);
                QVERIFY(samePage(*fast, *strict.value));
            } else {
                QVERIFY(!strict);
                QVERIFY2(strict.error.field.endsWith(field), qPrintable(strict.error.toString()));
                QVERIFY(!fast);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestFeedReader)
#include "tst_feedreader.moc"
