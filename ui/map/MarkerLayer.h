#pragma once

#include "ClusterIndex.h"
#include "ComplaintState.h"
#include "MapView.h"

#include <QColor>
#include <QFont>
#include <QHash>
#include <QList>
#include <QPixmap>

#include <optional>

class QPainter;

namespace rd {

// The complaints on the map: clusters per zoom (ClusterIndex), coloured by
// state (overdue ringed in red, a badge for the user's drafts, size by
// votes), the selected complaint ringed and kept in sight. Each look of a
// marker is drawn once and then only copied.
class MarkerLayer final
{
public:
    static QColor stateColor(ComplaintState state);
    static const QColor OverdueRing;
    static const QColor DraftBadge;

    void setPoints(const QList<ClusterIndex::Point> &points);
    const QList<ClusterIndex::Point> &points() const { return m_points; }
    const ClusterIndex &index() const { return m_index; }

    // The complaint the desk has open; false when it is not here. It stays
    // on the map, where it was last seen, when new points no longer hold it
    // (the queue narrowed to an area or a search it is not in), until
    // another is selected or clearSelection().
    bool select(qint64 id);
    void clearSelection();
    qint64 selected() const { return m_selected; }
    const std::optional<ClusterIndex::Point> &selectedPoint() const { return m_selectedPoint; }

    // Over a heat layer only single complaints, and only close in.
    void setHeatShown(bool shown) { m_heatShown = shown; }
    // On a dark map the open complaint's ring is white.
    void setDark(bool dark) { m_dark = dark; }

    int clusterZoom(double zoom) const;
    void paint(QPainter &painter, const MapView &view, const QFont &font, qreal pixelRatio);
    // The marker under a point on the screen, if any.
    std::optional<ClusterIndex::Cluster> clusterAt(const MapView &view,
                                                   const QPointF &screen) const;

private:
    bool shown(const ClusterIndex::Cluster &cluster, double zoom) const;
    double radiusOf(const ClusterIndex::Cluster &cluster) const;
    QPointF markerAt(const MapView &view, const ClusterIndex::Cluster &cluster) const;
    const QPixmap &markerSprite(const ClusterIndex::Cluster &cluster, double radius, qreal ratio);
    const QPixmap &labelSprite(int count, const QFont &font);
    void paintSelected(QPainter &painter, const MapView &view, qreal ratio);

    QList<ClusterIndex::Point> m_points;
    ClusterIndex m_index;
    qint64 m_selected = 0;
    std::optional<ClusterIndex::Point> m_selectedPoint;
    bool m_heatShown = false;
    bool m_dark = false;
    QHash<int, QPixmap> m_labelSprites; // cluster counts
    QHash<quint64, QPixmap> m_sprites;  // marker pictures
    qreal m_spriteRatio = 0;
};

} // namespace rd
