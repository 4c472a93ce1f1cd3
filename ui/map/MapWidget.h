#pragma once

#include "AreaSelection.h"
#include "ClusterIndex.h"
#include "GeographyLayer.h"
#include "HeatLayer.h"
#include "MapButtons.h"
#include "MapColours.h"
#include "MapView.h"
#include "MarkerLayer.h"
#include "TileLayer.h"

#include <QPointF>
#include <QWidget>

#include <optional>

class QHelpEvent;

namespace rd {

class GeographyStore;
class MapNotice;
class TileSource;

// The complaint map: RegionDesk's own tile map (Qt Location does not exist
// in Qt 6.4). Paints raster tiles from a TileSource (a parent tile scaled up
// while a tile loads; with no tiles at all the city's district outlines and
// streets that the server sent, or a graticule without them, and a notice
// saying why and how to choose a map), the complaints on top as clusters per zoom
// (ClusterIndex), coloured by state with a legend (overdue ringed in red,
// a badge for the user's drafts, size by votes), or as a heat layer by
// count or by votes; a scale bar and the source's attribution (while its
// tiles are shown). Light or dark after the desk's theme, at once. Wheel,
// double-click, drag, +/−, arrow keys, Home (fit all), buttons for each.
// A click on a cluster zooms to where it splits; a click on a complaint
// activates it. An area drawn with Shift+drag (or the area button, or A for
// what is in view), or a free-form one with Ctrl+drag (lasso), is offered as
// a filter (areaChosen, areaPolygon); the desk narrows the queue to it and
// shows it here, with how many complaints it holds.
//
// The widget holds where the map looks and routes the events; each layer
// (TileLayer, GeographyLayer, HeatLayer, MarkerLayer, AreaSelection,
// MapOverlay) paints and keeps what it needs; MapButtons are its buttons
// and MapNotice its notice.
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
    // What the map draws of the city without tiles (the server's, cached).
    void setGeography(const Geography &geography);
    const GeographyLayer &geography() const { return m_geography; }
    // What went wrong getting the city's outlines from the server, said in
    // the notice; empty when nothing did.
    void setGeographyProblem(const QString &problem);
    // Both, as the last sync left them in the cache.
    void showGeographyOf(GeographyStore &store);
    // What the notice says now (empty: none shown).
    QString notice() const;
    void setPoints(const QList<ClusterIndex::Point> &points);
    qsizetype pointCount() const { return m_markers.points().size(); }
    void setView(double latitude, double longitude, double zoom);
    double zoom() const { return m_zoom; }
    QPointF centre() const { return {m_latitude, m_longitude}; } // latitude, longitude
    // The whole set in view.
    void fitAll();
    // Centres on a complaint (selection from the queue) and marks it; it
    // stays marked though the queue's filter leaves it out. 0: none.
    void showComplaint(qint64 id);
    qint64 selected() const { return m_markers.selected(); }
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
    std::optional<GeoBox> area() const { return m_area.box(); }
    QList<QPointF> areaPolygon() const { return m_area.polygon(); }
    // How many of the points lie in the area (shown on the map).
    int areaCount() const { return m_areaCount; }
    // The user's agency's complaints' extent: the "my agency's area" button
    // shows when there is one.
    void setAgencyArea(const std::optional<GeoBox> &box);
    // The next drag draws an area instead of panning (as Shift+drag does).
    void setDrawingArea(bool on);

    static QColor stateColor(ComplaintState state) { return MarkerLayer::stateColor(state); }

Q_SIGNALS:
    void complaintActivated(qint64 id);
    void viewChanged();
    void areaChosen(const rd::GeoBox &area);
    void areaCleared();
    void clicked(); // thumbnails only
    // The notice's button: the user wants to choose where the map comes from.
    void mapSourceRequested();

protected:
    void paintEvent(QPaintEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void connectNotify(const QMetaMethod &signal) override;
    bool event(QEvent *event) override;

private:
    MapView view() const;
    void zoomAround(const QPointF &screen, double newZoom);
    void panBy(const QPointF &pixels);
    void connectButtons();
    void chooseArea(const GeoBox &area, const QList<QPointF> &polygon = {});
    void clearArea();
    void activate(const ClusterIndex::Cluster &cluster);
    void paintOverlay(QPainter &painter, const MapView &view, bool haveTiles);
    bool showToolTip(const QHelpEvent &help);
    void followPalette();
    void updateNotice();
    void countArea();

    TileLayer m_tiles;
    GeographyLayer m_geography;
    MarkerLayer m_markers;
    HeatLayer m_heatLayer;
    AreaSelection m_area;
    MapButtons *m_buttons = nullptr;
    MapNotice *m_notice = nullptr;
    MapColours m_colours;
    QString m_geographyProblem;
    bool m_haveTiles = false; // in the last frame
    int m_areaCount = 0;
    double m_latitude = 54.9885; // Omsk
    double m_longitude = 73.3242;
    double m_zoom = 11.0;
    QPointF m_dragFrom;
    bool m_dragging = false;
    bool m_thumbnail = false;
    Heat m_heat = Heat::Off;
    std::optional<GeoBox> m_agencyArea;
};

} // namespace rd
