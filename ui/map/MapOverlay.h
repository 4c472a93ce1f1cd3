#pragma once

#include "MapColours.h"
#include "MapView.h"

#include <QCoreApplication>
#include <QFont>
#include <QRect>
#include <QString>

class QPainter;

namespace rd {

// What is written on the map: the tile source's attribution (while its
// tiles are shown), a scale bar, the legend (states, overdue, drafts, size;
// with the heat layer on, its ramp instead) and how many complaints the
// chosen area holds. The notice without tiles is MapNotice, a widget.
class MapOverlay final
{
    Q_DECLARE_TR_FUNCTIONS(rd::MapOverlay)

public:
    MapOverlay(QPainter &painter, const MapView &view, const QFont &font,
               const MapColours &colours);

    void paintAttribution(const QString &attribution);
    // Returns where the scale bar is.
    QRect paintScaleBar();
    // heat: the heat layer's legend (by votes or by count) instead of the
    // markers'. Returns where the legend is.
    QRect paintLegend(bool heat, bool byVotes);
    // At the top of the area (on the screen), kept in view.
    void paintAreaCount(const QRectF &area, int count);

private:
    QRect paintHeatLegend(bool byVotes);
    int paintLegendExtras(const QRect &box, int row, int textWidth);

    QPainter &m_painter;
    const MapView &m_view;
    QFont m_font;
    const MapColours &m_colours;
    int m_line = 0;
};

} // namespace rd
