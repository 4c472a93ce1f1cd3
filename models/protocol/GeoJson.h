#pragma once

#include "Geography.h"
#include "Parsed.h"

#include <QByteArray>
#include <QCoreApplication>

namespace rd {

// The city's geography as GeoJSON (RFC 7946): what `GET /api/v1/geography`
// serves and what `regiondesk-server --geography FILE` reads. A
// FeatureCollection whose features are districts (Polygon, MultiPolygon)
// and streets (LineString, MultiLineString); each feature's properties may
// say `kind` ("district" or "street"; otherwise the geometry says it),
// `name` and, for a district, `district_id` (its id in the catalogue).
// Positions are [longitude, latitude] in degrees (WGS 84); a third value
// (altitude) is ignored. Rings may be given closed (as RFC 7946 has them)
// or open; they are kept open and written closed.
//
// The reader is strict: anything else (another geometry, projected metres,
// a ring of two points, a name too long) is an error that names the
// feature and the field, never something silently left out.
class GeoJson final
{
    Q_DECLARE_TR_FUNCTIONS(GeoJson)

public:
    // Bounds on what one geography may hold (a city's streets: tens of
    // thousands of features, a few million points).
    static constexpr qsizetype MaxFeatures = 200000;
    static constexpr qsizetype MaxPoints = 5000000;

    static Parsed<Geography> read(const QByteArray &json);
    // Compact, districts first, coordinates to 6 decimals (about 0.1 m).
    static QByteArray write(const Geography &geography);
};

} // namespace rd
