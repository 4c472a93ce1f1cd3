#pragma once

#include "Complaint.h"
#include "GeoBox.h"

#include <QHash>
#include <QList>
#include <QPointF>
#include <QRectF>

#include <vector>

namespace rd {

// Complaints grouped for the map, per zoom level, in the spirit of
// Mapbox's supercluster but on a grid: at zoom z the world is cut into
// square cells of cellPixels screen pixels, and the complaints in a cell
// form one cluster (one marker with a count) while there is more than one.
// Because a cell at zoom z is exactly four cells at z + 1, every level is
// built from the one below in one pass, and every complaint is in exactly
// one cluster at every zoom (the tests check counts add up).
//
// Built once per change of the filtered set (100 000 complaints: a few tens
// of milliseconds), then queried per frame for the cells in view.
class ClusterIndex final
{
public:
    struct Cluster
    {
        qint64 cellKey = 0;  // the cell at its zoom (for expansion)
        int count = 0;       // complaints in it
        qint64 votes = 0;    // their votes together (heat by votes)
        int overdue = 0;     // of them, overdue
        int drafts = 0;      // of them, with the user's unsent draft
        double latitude = 0; // the centroid, for the marker
        double longitude = 0;
        qint64 id = 0;                                     // the complaint, when count == 1
        ComplaintState state = ComplaintState::Moderation; // when count == 1
        bool single() const { return count == 1; }
    };

    struct Point
    {
        ComplaintPoint complaint;
        bool overdue = false;
    };

    explicit ClusterIndex(int cellPixels = 64, int maxZoom = 18);
    void build(const QList<Point> &points);

    int maxZoom() const { return m_maxZoom; }
    int cellPixels() const { return m_cellPixels; }
    qsizetype pointCount() const { return m_pointCount; }

    // Clusters of zoom (rounded down, at most maxZoom) whose cell meets box.
    QList<Cluster> clusters(const GeoBox &box, int zoom) const;
    // Every cluster of a zoom level (tests, statistics).
    const std::vector<Cluster> &level(int zoom) const;
    // The zoom at which this cluster of zoom falls apart into more than one
    // marker: where a click on it should zoom to.
    int expansionZoom(const Cluster &cluster, int zoom) const;

    // The cell of a world-pixel position at zoom.
    qint64 cellKey(const QPointF &worldPixel, int zoom) const;
    // A cell's square in world pixels at its zoom (markers of clusters stay
    // inside their own cell, so neighbouring clusters never overlap).
    QRectF cellRect(qint64 cellKey) const;

private:
    struct Level
    {
        std::vector<Cluster> clusters;
        QHash<qint64, int> byCell; // cell key → index in clusters
    };
    int cellsPerSide(int zoom) const;

    int m_cellPixels;
    int m_maxZoom;
    qsizetype m_pointCount = 0;
    std::vector<Level> m_levels; // index = zoom
};

} // namespace rd
