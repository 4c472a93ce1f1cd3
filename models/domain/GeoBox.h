#pragma once

namespace rd {

// A latitude/longitude rectangle in degrees (WGS 84). It never crosses the
// antimeridian: a city desk has no use for that, and isValid() says so.
struct GeoBox
{
    double south = 0.0;
    double west = 0.0;
    double north = 0.0;
    double east = 0.0;

    bool isValid() const
    {
        return south >= -90.0 && north <= 90.0 && west >= -180.0 && east <= 180.0 &&
               south <= north && west <= east;
    }
    bool contains(double latitude, double longitude) const
    {
        return latitude >= south && latitude <= north && longitude >= west && longitude <= east;
    }
    // Everything the map can show (Web Mercator stops at ±85°).
    static constexpr GeoBox world() { return {-85.0, -180.0, 85.0, 180.0}; }
    // No place at all: invalid until include() has been given a point.
    static constexpr GeoBox nothing() { return {90.0, 180.0, -90.0, -180.0}; }
    // Grows the box to hold the point.
    void include(double latitude, double longitude)
    {
        south = latitude < south ? latitude : south;
        north = latitude > north ? latitude : north;
        west = longitude < west ? longitude : west;
        east = longitude > east ? longitude : east;
    }
    // The part of both (invalid when they do not meet).
    GeoBox intersected(const GeoBox &other) const
    {
        return {south > other.south ? south : other.south, west > other.west ? west : other.west,
                north < other.north ? north : other.north, east < other.east ? east : other.east};
    }
    friend bool operator==(const GeoBox &, const GeoBox &) = default;
};

} // namespace rd
