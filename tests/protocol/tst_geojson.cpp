// The geography's GeoJSON (docs/api.md "Geography"): what the server writes
// reads back whole; what an agency's file may hold (Polygon, MultiPolygon,
// LineString, MultiLineString, closed or open rings, altitudes, no kind
// given) is understood; anything else is refused with the feature and the
// field named.

#include "GeoJson.h"

#include <QTest>

using namespace rd;

namespace {

QByteArray collection(const QByteArray &features)
{
    return R"({"type": "FeatureCollection", "features": [)" + features + "]}";
}

QByteArray square(const QByteArray &properties = R"({"name": "Центральный округ"})")
{
    return R"({"type": "Feature", "properties": )" + properties +
           R"(, "geometry": {"type": "Polygon", "coordinates": [[[73.30, 54.95], [73.40, 54.95], [73.40, 55.00], [73.30, 55.00], [73.30, 54.95]]]}})";
}

} // namespace

class TestGeoJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writtenReadsBackWhole()
    {
        Geography g;
        g.districts.append(
            {3,
             QStringLiteral("Кировский округ"),
             {{{{54.95, 73.30}, {54.95, 73.40}, {55.0, 73.40}},      // outer ring
               {{54.96, 73.32}, {54.97, 73.33}, {54.96, 73.34}}},    // a hole
              {{{55.05, 73.20}, {55.06, 73.21}, {55.05, 73.22}}}}}); // a second piece
        g.districts.append({std::nullopt,
                            QStringLiteral("Без номера \"в кавычках\""),
                            {{{{54.0, 73.0}, {54.1, 73.0}, {54.1, 73.1}}}}});
        g.streets.append(
            {QStringLiteral("ул. Ленина"),
             {{{54.9844, 73.3714}, {54.9712, 73.3875}},
              {{54.97, 73.39}, {54.968, 73.395}, {54.960123, 73.4}}}}); // 6 decimals: 0.1 m
        g.streets.append({QString(), {{{54.9, 73.0}, {54.91, 73.01}}}});
        const QByteArray json = GeoJson::write(g);
        const auto read = GeoJson::read(json);
        QVERIFY2(read, qPrintable(read.error.toString()));
        QCOMPARE(*read.value, g);
        // Valid GeoJSON: rings closed, [longitude, latitude].
        QVERIFY(json.contains("[[[[73.3,54.95],[73.4,54.95],[73.4,55],[73.3,54.95]]"));
        QVERIFY(GeoJson::read(GeoJson::write({})).value->isEmpty());
    }

    void anAgencysFileIsUnderstood()
    {
        // No kind: the geometry says it; open rings; altitudes; null
        // properties; a MultiLineString.
        const QByteArray file = collection(
            square(R"({"name": "  Центральный округ ", "district_id": 1})") + "," +
            R"({"type": "Feature", "properties": null, "geometry": {"type": "Polygon", "coordinates": [[[73.1, 54.9, 120.5], [73.2, 54.9, 121], [73.2, 55.0, 119]]]}},)"
            R"({"type": "Feature", "properties": {"kind": "street", "name": "ул. Мира"}, "geometry": {"type": "MultiLineString", "coordinates": [[[73.3, 55.0], [73.31, 55.01]], [[73.32, 55.02], [73.33, 55.03]]]}})");
        const auto read = GeoJson::read(file);
        QVERIFY2(read, qPrintable(read.error.toString()));
        QCOMPARE(read.value->districts.size(), 2);
        QCOMPARE(read.value->districts[0].name, QStringLiteral("Центральный округ"));
        QCOMPARE(read.value->districts[0].districtId, std::optional<int>(1));
        QCOMPARE(read.value->districts[0].polygons.first().first().size(), 4); // kept open
        QCOMPARE(read.value->districts[0].polygons.first().first().first(), QPointF(54.95, 73.30));
        QVERIFY(read.value->districts[1].name.isEmpty());
        QCOMPARE(read.value->districts[1].polygons.first().first().size(), 3);
        QCOMPARE(read.value->streets.size(), 1);
        QCOMPARE(read.value->streets[0].parts.size(), 2);
        const GeoBox box = read.value->bounds();
        QCOMPARE(box.south, 54.9);
        QCOMPARE(box.east, 73.4);
    }

    void badFilesNameWhatIsWrong_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("words");
        QTest::newRow("not JSON") << QByteArray("{\"type\": ") << QString() << "not JSON";
        QTest::newRow("a Feature alone") << square() << "type"
                                         << "FeatureCollection";
        QTest::newRow("features not a list")
            << QByteArray(R"({"type": "FeatureCollection", "features": {}})") << "features"
            << "list";
        QTest::newRow("projected metres")
            << collection(
                   R"({"type": "Feature", "properties": {}, "geometry": {"type": "LineString", "coordinates": [[8162000.5, 7362000.1], [8163000, 7363000]]}})")
            << "features[0].geometry.coordinates[0]"
            << "not projected metres";
        QTest::newRow("a named CRS in metres")
            << QByteArray(
                   R"({"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}}, "features": []})")
            << "crs"
            << "WGS 84";
        QTest::newRow("a point")
            << collection(
                   R"({"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [73.3, 55.0]}})")
            << "features[0].geometry.type"
            << "Point";
        QTest::newRow("no geometry")
            << collection(R"({"type": "Feature", "properties": {}, "geometry": null})")
            << "features[0].geometry.type"
            << "neither";
        QTest::newRow("kind against geometry")
            << collection(square(R"({"kind": "street"})")) << "features[0].properties.kind"
            << "district";
        QTest::newRow("a ring of two points")
            << collection(
                   R"({"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[73.3, 55.0], [73.4, 55.0], [73.3, 55.0]]]}})")
            << "features[0].geometry.coordinates[0]"
            << "3 different points";
        QTest::newRow("a line of one point")
            << collection(
                   R"({"type": "Feature", "properties": {}, "geometry": {"type": "LineString", "coordinates": [[73.3, 55.0]]}})")
            << "features[0].geometry.coordinates"
            << "2 points";
        QTest::newRow("a position of text")
            << collection(
                   R"({"type": "Feature", "properties": {}, "geometry": {"type": "LineString", "coordinates": [[73.3, 55.0], ["73.4", 55.1]]}})")
            << "features[0].geometry.coordinates[1]"
            << "position";
        QTest::newRow("district id not whole")
            << collection(square(R"({"district_id": 1.5})")) << "features[0].properties.district_id"
            << "whole number";
        QTest::newRow("name not text")
            << collection(square(R"({"name": 7})")) << "features[0].properties.name"
            << "text";
        QTest::newRow("name too long")
            << collection(square("{\"name\": \"" + QByteArray(600, 'a') + "\"}"))
            << "features[0].properties.name"
            << "500";
        QTest::newRow("not a feature") << collection(square() + R"(, [1, 2])") << "features[1]"
                                       << "Feature";
    }
    void badFilesNameWhatIsWrong()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        QFETCH(QString, words);
        const auto read = GeoJson::read(json);
        QVERIFY(!read);
        QCOMPARE(read.error.field, field);
        QVERIFY2(read.error.message.contains(words), qPrintable(read.error.toString()));
    }
};

QTEST_GUILESS_MAIN(TestGeoJson)
#include "tst_geojson.moc"
