#pragma once

#include "ClusterIndex.h"
#include "WebMercator.h"

#include <QCache>
#include <QPixmap>
#include <QPointF>
#include <QWidget>

namespace rd {

class TileSource;

// The complaint map: RegionDesk's own tile map (Qt Location does not exist
// in Qt 6.4). Paints raster tiles from a TileSource (a parent tile scaled up
// while a tile loads; with no tiles at all a plain background, a graticule
// and a one-line notice), the complaints on top as clusters per zoom
// (ClusterIndex), coloured by state with a legend, a scale bar and the
// source's attribution. Wheel, double-click, drag, +/−, arrow keys, Home
// (fit all). A click on a cluster zooms to where it splits; a click on a
// complaint activates it.
class MapWidget final : public QWidget
{
    Q_OBJECT

public:
    explicit MapWidget(TileSource *tiles = nullptr, QWidget *parent = nullptr);

    void setPoints(const QList<ClusterIndex::Point> &points);
    void setView(double latitude, double longitude, double zoom);
    double zoom() const { return m_zoom; }
    QPointF centre() const { return {m_latitude, m_longitude}; } // latitude, longitude
    // The whole set in view.
    void fitAll();
    // Centres on a complaint (selection from the queue) and marks it.
    void showComplaint(qint64 id);
    qint64 selected() const { return m_selected; }
    // The view in degrees.
    GeoBox viewBox() const;

    static QColor stateColor(ComplaintState state);

Q_SIGNALS:
    void complaintActivated(qint64 id);
    void viewChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    QPointF toWorld(const QPointF &screen) const;
    QPointF toScreen(double latitude, double longitude) const;
    void zoomAround(const QPointF &screen, double newZoom);
    void panBy(const QPointF &pixels);
    bool paintTiles(QPainter &painter);
    void paintGraticule(QPainter &painter);
    void paintMarkers(QPainter &painter);
    void paintOverlay(QPainter &painter, bool haveTiles);
    std::optional<ClusterIndex::Cluster> clusterAt(const QPointF &screen) const;
    int clusterZoom() const;
    double radiusOf(const ClusterIndex::Cluster &cluster) const;
    QPointF markerAt(const ClusterIndex::Cluster &cluster) const;
    std::optional<QPixmap> tilePixmap(const TileId &tile);

    TileSource *m_tiles;
    ClusterIndex m_index;
    QList<ClusterIndex::Point> m_points;
    double m_latitude = 54.9885; // Omsk
    double m_longitude = 73.3242;
    double m_zoom = 11.0;
    qint64 m_selected = 0;
    QPointF m_dragFrom;
    bool m_dragging = false;
    QCache<TileId, QPixmap> m_pixmaps{256};
    QSet<TileId> m_badTiles;
};

} // namespace rd
