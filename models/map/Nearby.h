#pragma once

#include "Complaint.h"
#include "GeoBox.h"

#include <QGeoCoordinate>
#include <QList>

#include <algorithm>

namespace rd {

// Complaints within radius metres of a place, nearest first, with their
// distance: the duplicate search's "nearby" list. Distances are Qt
// Positioning's (great circle on the WGS 84 mean radius).
struct NearbyComplaint
{
    ComplaintPoint point;
    double metres = 0.0;
};

inline QList<NearbyComplaint> nearestWithin(const QList<ComplaintPoint> &points,
                                            const QGeoCoordinate &centre, double radiusMetres,
                                            qint64 excludeId = 0)
{
    QList<NearbyComplaint> result;
    for (const ComplaintPoint &p : points) {
        if (p.id == excludeId)
            continue;
        const double d = centre.distanceTo(QGeoCoordinate(p.latitude, p.longitude));
        if (d <= radiusMetres)
            result.append({p, d});
    }
    std::sort(result.begin(), result.end(), [](const NearbyComplaint &a, const NearbyComplaint &b) {
        return a.metres != b.metres ? a.metres < b.metres : a.point.id < b.point.id;
    });
    return result;
}

// The latitude/longitude box around centre that holds every point within
// radius metres (a coarse filter for the cache's box query before the exact
// distances).
inline GeoBox boxAround(const QGeoCoordinate &centre, double radiusMetres)
{
    const QGeoCoordinate north = centre.atDistanceAndAzimuth(radiusMetres, 0);
    const QGeoCoordinate east = centre.atDistanceAndAzimuth(radiusMetres, 90);
    const QGeoCoordinate south = centre.atDistanceAndAzimuth(radiusMetres, 180);
    const QGeoCoordinate west = centre.atDistanceAndAzimuth(radiusMetres, 270);
    return {south.latitude(), west.longitude(), north.latitude(), east.longitude()};
}

} // namespace rd
