#include "GeoJson.h"

#include "ProtocolLimits.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <climits>
#include <cmath>

namespace rd {

namespace {

enum class Kind
{
    District,
    Street
};

// Reads one collection, remembering the first problem and where it was.
class FeatureReader
{
public:
    bool ok() const { return m_error.message.isEmpty(); }
    const ParseError &error() const { return m_error; }
    void fail(const QString &field, const QString &message)
    {
        if (ok())
            m_error = {field, message};
    }

    void feature(const QJsonValue &value, const QString &where, Geography &out);

private:
    std::optional<Kind> kindOf(const QJsonObject &properties, const QString &type,
                               const QString &where);
    GeoLine line(const QJsonValue &value, const QString &where, bool ring);
    QList<GeoLine> lines(const QJsonValue &value, const QString &where, bool rings);
    std::optional<QPointF> position(const QJsonValue &value, const QString &where);

    ParseError m_error;
    qsizetype m_points = 0;
};

std::optional<QPointF> FeatureReader::position(const QJsonValue &value, const QString &where)
{
    const QJsonArray pair = value.toArray();
    if (!value.isArray() || pair.size() < 2 || !pair[0].isDouble() || !pair[1].isDouble()) {
        fail(where, GeoJson::tr("must be a position: [longitude, latitude]"));
        return std::nullopt;
    }
    const double lon = pair[0].toDouble();
    const double lat = pair[1].toDouble();
    if (!std::isfinite(lon) || !std::isfinite(lat) || std::abs(lon) > 180 || std::abs(lat) > 90) {
        fail(where, GeoJson::tr("[%1, %2] is not a longitude and latitude in degrees; GeoJSON "
                                "is in WGS 84 degrees, not projected metres")
                        .arg(lon, 0, 'g', 12)
                        .arg(lat, 0, 'g', 12));
        return std::nullopt;
    }
    if (++m_points > GeoJson::MaxPoints) {
        fail(where, GeoJson::tr("more than %1 points in all").arg(GeoJson::MaxPoints));
        return std::nullopt;
    }
    return QPointF(lat, lon);
}

GeoLine FeatureReader::line(const QJsonValue &value, const QString &where, bool ring)
{
    GeoLine out;
    const QJsonArray positions = value.toArray();
    if (!value.isArray()) {
        fail(where, GeoJson::tr("must be a list of positions"));
        return out;
    }
    out.reserve(positions.size());
    for (qsizetype i = 0; i < positions.size() && ok(); ++i) {
        if (const auto p = position(positions[i], QStringLiteral("%1[%2]").arg(where).arg(i)))
            out.append(*p);
    }
    if (ring && out.size() > 1 && out.first() == out.last())
        out.removeLast(); // kept open; written closed
    const qsizetype least = ring ? 3 : 2;
    if (ok() && out.size() < least)
        fail(where, ring ? GeoJson::tr("a ring needs at least 3 different points")
                         : GeoJson::tr("a line needs at least 2 points"));
    return out;
}

// A list of lines, or of a polygon's rings.
QList<GeoLine> FeatureReader::lines(const QJsonValue &value, const QString &where, bool rings)
{
    QList<GeoLine> out;
    const QJsonArray list = value.toArray();
    if (!value.isArray() || list.isEmpty()) {
        fail(where, GeoJson::tr("must be a non-empty list"));
        return out;
    }
    for (qsizetype i = 0; i < list.size() && ok(); ++i) {
        out.append(line(list[i], QStringLiteral("%1[%2]").arg(where).arg(i), rings));
    }
    return out;
}

std::optional<Kind> FeatureReader::kindOf(const QJsonObject &properties, const QString &type,
                                          const QString &where)
{
    std::optional<Kind> byGeometry;
    if (type == QLatin1String("Polygon") || type == QLatin1String("MultiPolygon"))
        byGeometry = Kind::District;
    else if (type == QLatin1String("LineString") || type == QLatin1String("MultiLineString"))
        byGeometry = Kind::Street;
    if (!byGeometry) {
        fail(where + QStringLiteral(".geometry.type"),
             GeoJson::tr("“%1” is neither a district (Polygon, MultiPolygon) nor a street "
                         "(LineString, MultiLineString)")
                 .arg(type));
        return std::nullopt;
    }
    const QJsonValue kind = properties.value(QStringLiteral("kind"));
    if (kind.isUndefined() || kind.isNull())
        return byGeometry;
    const QString named = kind.toString();
    const std::optional<Kind> said =
        named == QLatin1String("district") ? std::optional(Kind::District)
        : named == QLatin1String("street") ? std::optional(Kind::Street)
                                           : std::nullopt;
    if (!said || *said != *byGeometry) {
        fail(where + QStringLiteral(".properties.kind"),
             GeoJson::tr("must be “district” (with a Polygon or MultiPolygon) or “street” (with "
                         "a LineString or MultiLineString)"));
        return std::nullopt;
    }
    return said;
}

void FeatureReader::feature(const QJsonValue &value, const QString &where, Geography &out)
{
    const QJsonObject feature = value.toObject();
    if (!value.isObject() || feature.value(QStringLiteral("type")).toString() != u"Feature") {
        fail(where, GeoJson::tr("must be an object of type “Feature”"));
        return;
    }
    const QJsonValue propertiesValue = feature.value(QStringLiteral("properties"));
    if (!propertiesValue.isObject() && !propertiesValue.isNull() &&
        !propertiesValue.isUndefined()) {
        fail(where + QStringLiteral(".properties"), GeoJson::tr("must be an object or null"));
        return;
    }
    const QJsonObject properties = propertiesValue.toObject();
    const QJsonObject geometry = feature.value(QStringLiteral("geometry")).toObject();
    const QString type = geometry.value(QStringLiteral("type")).toString();
    const auto kind = kindOf(properties, type, where);
    if (!kind)
        return;
    const QJsonValue nameValue = properties.value(QStringLiteral("name"));
    if (!nameValue.isString() && !nameValue.isNull() && !nameValue.isUndefined()) {
        fail(where + QStringLiteral(".properties.name"), GeoJson::tr("must be text"));
        return;
    }
    const QString name = nameValue.toString().trimmed();
    if (name.size() > ProtocolLimits::Name) {
        fail(where + QStringLiteral(".properties.name"),
             GeoJson::tr("is longer than %1 characters").arg(ProtocolLimits::Name));
        return;
    }
    const QString at = where + QStringLiteral(".geometry.coordinates");
    const QJsonValue coordinates = geometry.value(QStringLiteral("coordinates"));
    if (*kind == Kind::Street) {
        StreetLine street{name, type == u"LineString" ? QList<GeoLine>{line(coordinates, at, false)}
                                                      : lines(coordinates, at, false)};
        out.streets.append(street);
        return;
    }
    DistrictOutline district{std::nullopt, name, {}};
    if (type == u"Polygon") {
        district.polygons.append(lines(coordinates, at, true));
    } else {
        const QJsonArray polygons = coordinates.toArray();
        if (!coordinates.isArray() || polygons.isEmpty())
            fail(at, GeoJson::tr("must be a non-empty list"));
        for (qsizetype i = 0; i < polygons.size() && ok(); ++i)
            district.polygons.append(
                lines(polygons[i], QStringLiteral("%1[%2]").arg(at).arg(i), true));
    }
    const QJsonValue id = properties.value(QStringLiteral("district_id"));
    if (!id.isUndefined() && !id.isNull()) {
        const double number = id.toDouble(-1);
        if (!id.isDouble() || number != std::floor(number) || number < 1 || number > INT_MAX) {
            fail(where + QStringLiteral(".properties.district_id"),
                 GeoJson::tr("must be a whole number from 1 (the district's id in the catalogue)"));
            return;
        }
        district.districtId = int(number);
    }
    out.districts.append(district);
}

// GeoJSON names no CRS since RFC 7946; an older file may, and only WGS 84
// degrees are understood.
bool isDegrees(const QJsonObject &collection)
{
    const QJsonValue crs = collection.value(QStringLiteral("crs"));
    if (crs.isUndefined() || crs.isNull())
        return true;
    const QString name =
        crs.toObject().value(QStringLiteral("properties")).toObject().value(u"name").toString();
    return name == QLatin1String("urn:ogc:def:crs:OGC:1.3:CRS84") ||
           name == QLatin1String("urn:ogc:def:crs:EPSG::4326") ||
           name == QLatin1String("EPSG:4326");
}

void appendNumber(QByteArray &out, double value)
{
    QByteArray text = QByteArray::number(value, 'f', 6);
    while (text.endsWith('0'))
        text.chop(1);
    if (text.endsWith('.'))
        text.chop(1);
    out += text == "-0" ? QByteArray("0") : text;
}

void appendLine(QByteArray &out, const GeoLine &line, bool ring)
{
    out += '[';
    const qsizetype count = line.size() + (ring && !line.isEmpty() ? 1 : 0); // rings closed
    for (qsizetype i = 0; i < count; ++i) {
        const QPointF &p = line[i % line.size()];
        if (i > 0)
            out += ',';
        out += '[';
        appendNumber(out, p.y());
        out += ',';
        appendNumber(out, p.x());
        out += ']';
    }
    out += ']';
}

void appendLines(QByteArray &out, const QList<GeoLine> &lines, bool rings)
{
    out += '[';
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i > 0)
            out += ',';
        appendLine(out, lines[i], rings);
    }
    out += ']';
}

QByteArray jsonText(const QString &text)
{
    return QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
}

} // namespace

Parsed<Geography> GeoJson::read(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return failed<Geography>(
            tr("not JSON (%1 at byte %2)").arg(parseError.errorString()).arg(parseError.offset));
    const QJsonObject collection = document.object();
    if (!document.isObject() || collection.value(u"type").toString() != u"FeatureCollection")
        return failed<Geography>(tr("must be a GeoJSON object of type “FeatureCollection”"),
                                 QStringLiteral("type"));
    if (!isDegrees(collection))
        return failed<Geography>(tr("only WGS 84 longitude and latitude in degrees are "
                                    "understood (as RFC 7946 has it); convert the file first"),
                                 QStringLiteral("crs"));
    const QJsonValue featuresValue = collection.value(u"features");
    const QJsonArray features = featuresValue.toArray();
    if (!featuresValue.isArray())
        return failed<Geography>(tr("must be a list"), QStringLiteral("features"));
    if (features.size() > MaxFeatures)
        return failed<Geography>(tr("more than %1 features").arg(MaxFeatures),
                                 QStringLiteral("features"));
    Geography out;
    FeatureReader reader;
    for (qsizetype i = 0; i < features.size() && reader.ok(); ++i)
        reader.feature(features[i], QStringLiteral("features[%1]").arg(i), out);
    if (!reader.ok())
        return Parsed<Geography>{std::nullopt, reader.error()};
    return succeeded(std::move(out));
}

QByteArray GeoJson::write(const Geography &geography)
{
    QByteArray out = "{\"type\":\"FeatureCollection\",\"features\":[";
    bool first = true;
    const auto begin = [&](const char *kind, const QString &name) {
        if (!first)
            out += ',';
        first = false;
        out += "{\"type\":\"Feature\",\"properties\":{\"kind\":\"";
        out += kind;
        out += "\",\"name\":" + jsonText(name);
    };
    for (const DistrictOutline &d : geography.districts) {
        begin("district", d.name);
        out += ",\"district_id\":";
        out += d.districtId ? QByteArray::number(*d.districtId) : QByteArray("null");
        out += "},\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[";
        for (qsizetype i = 0; i < d.polygons.size(); ++i) {
            if (i > 0)
                out += ',';
            appendLines(out, d.polygons[i], true);
        }
        out += "]}}";
    }
    for (const StreetLine &s : geography.streets) {
        begin("street", s.name);
        out += "},\"geometry\":{\"type\":\"MultiLineString\",\"coordinates\":";
        appendLines(out, s.parts, false);
        out += "}}";
    }
    out += "]}";
    return out;
}

} // namespace rd
