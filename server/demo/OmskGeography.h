#pragma once

#include <QList>
#include <QString>

namespace rd::demo {

// A real city's geography for demo data: Omsk's five administrative okrugs
// and real streets, each street a segment between two real points, so
// generated complaints fall on streets inside the city.
struct DemoStreet
{
    const char *name;
    int districtId;
    double lat1, lon1, lat2, lon2;
};

struct DemoDistrict
{
    int id;
    const char *name;
};

const QList<DemoDistrict> &omskDistricts();
const QList<DemoStreet> &omskStreets();

// The city's bounding box, for sanity checks in tests.
constexpr double OmskSouth = 54.88;
constexpr double OmskNorth = 55.12;
constexpr double OmskWest = 73.15;
constexpr double OmskEast = 73.58;

} // namespace rd::demo
