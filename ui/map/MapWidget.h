#pragma once

#include "ClusterIndex.h"
#include "WebMercator.h"

#include <QCache>
#include <QHash>
#include <QImage>
#include <QPixmap>
#include <QPointF>
#include <QPointer>
#include <QPolygonF>
#include <QWidget>

#include <optional>
#include <vector>

class QToolButton;

namespace rd {

class TileSource;

// The complaint map: RegionDesk's own tile map (Qt Location does not exist
// in Qt 6.4). Paints raster tiles from a TileSource (a parent tile scaled up
// while a tile loads; with no tiles at all a plain background, a graticule
// and a one-line notice), the complaints on top as clusters per zoom
// (ClusterIndex), coloured by state with a legend (overdue ringed in red,
// a badge for the user's drafts, size by votes), or as a heat layer by
// count or by votes; a scale bar and the source's attribution. Wheel,
// double-click, drag, +/−, arrow keys, Home (fit all), buttons for each.
// A click on a cluster zooms to where it splits; a click on a complaint
// activates it. An area drawn with Shift+drag (or the area button, or A for
// what is in view), or a free-form one with Ctrl+drag (lasso), is offered as
// a filter (areaChosen, areaPolygon); the desk narrows the queue to it and
// shows it here.
class MapWidget final : public QWidget
{
    Q_OBJECT

public:
    enum class Heat
    {
        Off,
        Count,
        Votes
    };
    Q_ENUM(Heat)

    explicit MapWidget(TileSource *tiles = nullptr, QWidget *parent = nullptr);

    // A small picture of one place (the complaint view's): no buttons,
    // legend or scale; not moved by the mouse; a click emits clicked().
    void setThumbnail(bool thumbnail);
    // Another source (or none): what was drawn from the old one is dropped.
    void setTileSource(TileSource *tiles);
    void setPoints(const QList<ClusterIndex::Point> &points);
    qsizetype pointCount() const { return m_points.size(); }
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
    // Shows box whole, as close as it fits.
    void fitBox(const GeoBox &box);

    void setHeat(Heat heat);
    Heat heat() const { return m_heat; }
    // The area the queue is narrowed to (drawn on the map), or none.
    // polygon: a lasso's vertices (latitude, longitude) inside area, or
    // none for the rectangle itself.
    void setArea(const std::optional<GeoBox> &area, const QList<QPointF> &polygon = {});
    std::optional<GeoBox> area() const { return m_area; }
    QList<QPointF> areaPolygon() const { return m_areaPolygon; }
    // The user's agency's complaints' extent: the "my agency's area" button
    // shows when there is one.
    void setAgencyArea(const std::optional<GeoBox> &box);
    // The next drag draws an area instead of panning (as Shift+drag does).
    void setDrawingArea(bool on);

    static QColor stateColor(ComplaintState state);

Q_SIGNALS:
    void complaintActivated(qint64 id);
    void viewChanged();
    void areaChosen(const rd::GeoBox &area);
    void areaCleared();
    void clicked(); // thumbnails only

protected:
    void paintEvent(QPaintEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    bool event(QEvent *event) override;

private:
    QPointF toWorld(const QPointF &screen) const;
    QPointF toScreen(double latitude, double longitude) const;
    void zoomAround(const QPointF &screen, double newZoom);
    void panBy(const QPointF &pixels);
    bool paintTiles(QPainter &painter);
    void paintGraticule(QPainter &painter);
    void paintMarkers(QPainter &painter);
    void paintHeat(QPainter &painter);
    void paintArea(QPainter &painter);
    const QPixmap &markerSprite(const ClusterIndex::Cluster &cluster, double radius);
    const QPixmap &labelSprite(int count);
    bool markersShown(const ClusterIndex::Cluster &cluster) const;
    void buildButtons();
    void chooseArea(const GeoBox &area, const QList<QPointF> &polygon = {});
    GeoBox boxOf(const QRectF &screen) const;
    void paintOverlay(QPainter &painter, bool haveTiles);
    std::optional<ClusterIndex::Cluster> clusterAt(const QPointF &screen) const;
    int clusterZoom() const;
    double radiusOf(const ClusterIndex::Cluster &cluster) const;
    QPointF markerAt(const ClusterIndex::Cluster &cluster) const;
    std::optional<QPixmap> tilePixmap(const TileId &tile);

    QPointer<TileSource> m_tiles;
    ClusterIndex m_index;
    QList<ClusterIndex::Point> m_points;
    double m_latitude = 54.9885; // Omsk
    double m_longitude = 73.3242;
    double m_zoom = 11.0;
    qint64 m_selected = 0;
    std::optional<ClusterIndex::Point> m_selectedPoint;
    QPointF m_dragFrom;
    QPointF m_pressedAt;
    bool m_dragging = false;
    bool m_thumbnail = false;
    QWidget *m_buttons = nullptr;
    bool m_drawingArea = false; // the area button: the next drag draws
    bool m_areaDrag = false;
    bool m_lassoDrag = false; // this drag draws a free-form area (Ctrl)
    QPolygonF m_lasso;        // …its points so far, on screen
    QList<QPointF>
        m_areaPolygon; // the chosen free-form area, or empty    // this drag draws an area
    Heat m_heat = Heat::Off;
    std::optional<GeoBox> m_area;
    std::optional<GeoBox> m_agencyArea;
    QImage m_heatImage;                 // reused frame to frame
    std::vector<float> m_density;       // the heat surface, likewise
    std::vector<quint8> m_heatLevels;   // the surface's colour index, small
    std::vector<float> m_heatKernel;    // one bump, for the frame's radius
    std::vector<quint16> m_heatWide;    // ...stretched across, row by row
    QHash<int, QPixmap> m_labelSprites; // cluster counts, likewise
    QHash<quint64, QPixmap> m_sprites;  // marker pictures, drawn once
    qreal m_spriteRatio = 0;
    QToolButton *m_areaButton = nullptr;
    QToolButton *m_clearAreaButton = nullptr;
    QToolButton *m_agencyButton = nullptr;
    QToolButton *m_heatButton = nullptr;
    QCache<TileId, QPixmap> m_pixmaps{256};
    QSet<TileId> m_badTiles;
};

} // namespace rd
