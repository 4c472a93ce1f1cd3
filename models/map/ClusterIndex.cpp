#include "ClusterIndex.h"

#include "WebMercator.h"

#include <cmath>

namespace rd {

namespace {

// Cell keys: row · 2^31 + column (a zoom-18 grid of 64-px cells has 2^20
// cells a side, so keys stay far from overflow).
constexpr qint64 RowFactor = qint64(1) << 31;

} // namespace

namespace {

// Cells must nest exactly from zoom to zoom: a power of two, 8 to 256.
int powerOfTwo(int pixels)
{
    int p = 8;
    while (p < pixels && p < 256)
        p *= 2;
    return p;
}

} // namespace

ClusterIndex::ClusterIndex(int cellPixels, int maxZoom)
    : m_cellPixels(powerOfTwo(cellPixels))
    , m_maxZoom(std::clamp(maxZoom, 0, 22))
    , m_levels(size_t(m_maxZoom + 1))
{}

int ClusterIndex::cellsPerSide(int zoom) const
{
    return std::max(1, int(WebMercator::worldSize(zoom) / m_cellPixels));
}

qint64 ClusterIndex::cellKey(const QPointF &worldPixel, int zoom) const
{
    const int side = cellsPerSide(zoom);
    const int column = std::clamp(int(std::floor(worldPixel.x() / m_cellPixels)), 0, side - 1);
    const int row = std::clamp(int(std::floor(worldPixel.y() / m_cellPixels)), 0, side - 1);
    return row * RowFactor + column;
}

QRectF ClusterIndex::cellRect(qint64 key) const
{
    const qint64 row = key / RowFactor;
    const qint64 column = key % RowFactor;
    return {double(column * m_cellPixels), double(row * m_cellPixels), double(m_cellPixels),
            double(m_cellPixels)};
}

void ClusterIndex::build(const QList<Point> &points)
{
    m_pointCount = points.size();
    for (Level &level : m_levels) {
        level.clusters.clear();
        level.byCell.clear();
    }
    // The finest level from the points; sums of coordinates first, then the
    // centroids.
    Level &finest = m_levels[size_t(m_maxZoom)];
    finest.clusters.reserve(size_t(points.size()));
    finest.byCell.reserve(points.size());
    for (const Point &p : points) {
        const QPointF pixel =
            WebMercator::project(p.complaint.latitude, p.complaint.longitude, m_maxZoom);
        const qint64 key = cellKey(pixel, m_maxZoom);
        auto it = finest.byCell.find(key);
        if (it == finest.byCell.end()) {
            it = finest.byCell.insert(key, int(finest.clusters.size()));
            Cluster c;
            c.cellKey = key;
            c.id = p.complaint.id;
            c.state = p.complaint.state;
            finest.clusters.push_back(c);
        }
        Cluster &c = finest.clusters[size_t(*it)];
        ++c.count;
        c.votes += p.complaint.votes;
        c.overdue += p.overdue ? 1 : 0;
        c.drafts += p.complaint.hasDraft ? 1 : 0;
        c.latitude += p.complaint.latitude;
        c.longitude += p.complaint.longitude;
    }
    // Coarser levels: four cells make one.
    for (int zoom = m_maxZoom - 1; zoom >= 0; --zoom) {
        const Level &fine = m_levels[size_t(zoom + 1)];
        Level &coarse = m_levels[size_t(zoom)];
        const bool sameGrid = cellsPerSide(zoom) == cellsPerSide(zoom + 1);
        for (const Cluster &child : fine.clusters) {
            const qint64 row = child.cellKey / RowFactor;
            const qint64 column = child.cellKey % RowFactor;
            const qint64 key = sameGrid ? child.cellKey : (row / 2) * RowFactor + column / 2;
            auto it = coarse.byCell.find(key);
            if (it == coarse.byCell.end()) {
                it = coarse.byCell.insert(key, int(coarse.clusters.size()));
                Cluster c = child;
                c.cellKey = key;
                coarse.clusters.push_back(c);
                continue;
            }
            Cluster &c = coarse.clusters[size_t(*it)];
            c.count += child.count;
            c.votes += child.votes;
            c.overdue += child.overdue;
            c.drafts += child.drafts;
            c.latitude += child.latitude;
            c.longitude += child.longitude;
        }
    }
    for (Level &level : m_levels) {
        for (Cluster &c : level.clusters) {
            c.latitude /= c.count;
            c.longitude /= c.count;
        }
    }
}

const std::vector<ClusterIndex::Cluster> &ClusterIndex::level(int zoom) const
{
    return m_levels[size_t(std::clamp(zoom, 0, m_maxZoom))].clusters;
}

QList<ClusterIndex::Cluster> ClusterIndex::clusters(const GeoBox &box, int zoom) const
{
    zoom = std::clamp(zoom, 0, m_maxZoom);
    const Level &level = m_levels[size_t(zoom)];
    QList<Cluster> result;
    const QPointF nw = WebMercator::project(box.north, box.west, zoom);
    const QPointF se = WebMercator::project(box.south, box.east, zoom);
    const qint64 first = cellKey(nw, zoom);
    const qint64 last = cellKey(se, zoom);
    const qint64 rows = last / RowFactor - first / RowFactor + 1;
    const qint64 columns = last % RowFactor - first % RowFactor + 1;
    if (rows * columns > qint64(level.clusters.size())) {
        // A view of more cells than there are clusters: filter the list.
        for (const Cluster &c : level.clusters) {
            const qint64 row = c.cellKey / RowFactor;
            const qint64 column = c.cellKey % RowFactor;
            if (row >= first / RowFactor && row <= last / RowFactor &&
                column >= first % RowFactor && column <= last % RowFactor)
                result.append(c);
        }
        return result;
    }
    for (qint64 row = first / RowFactor; row <= last / RowFactor; ++row) {
        for (qint64 column = first % RowFactor; column <= last % RowFactor; ++column) {
            const auto it = level.byCell.constFind(row * RowFactor + column);
            if (it != level.byCell.cend())
                result.append(level.clusters[size_t(*it)]);
        }
    }
    return result;
}

int ClusterIndex::expansionZoom(const Cluster &cluster, int zoom) const
{
    // Follow the cell down until it holds more than one cluster.
    QList<qint64> cells{cluster.cellKey};
    for (int z = std::clamp(zoom, 0, m_maxZoom); z < m_maxZoom; ++z) {
        const bool sameGrid = cellsPerSide(z) == cellsPerSide(z + 1);
        QList<qint64> children;
        for (const qint64 key : std::as_const(cells)) {
            const qint64 row = key / RowFactor;
            const qint64 column = key % RowFactor;
            const QList<qint64> candidates =
                sameGrid ? QList<qint64>{key}
                         : QList<qint64>{(2 * row) * RowFactor + 2 * column,
                                         (2 * row) * RowFactor + 2 * column + 1,
                                         (2 * row + 1) * RowFactor + 2 * column,
                                         (2 * row + 1) * RowFactor + 2 * column + 1};
            for (const qint64 child : candidates) {
                if (m_levels[size_t(z + 1)].byCell.contains(child))
                    children.append(child);
            }
        }
        if (children.size() > 1)
            return z + 1;
        cells = children;
    }
    return m_maxZoom + 1; // together even at the finest level: show them listed
}

} // namespace rd
