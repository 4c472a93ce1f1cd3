#pragma once

#include "MapView.h"

#include <QCoreApplication>
#include <QFont>
#include <QRect>
#include <QString>

class QPainter;

namespace rd {

// What is written on the map: the tile source's attribution, a scale bar,
// the legend (states, overdue, drafts, size; the heat ramp when heat is on)
// and a one-line notice when there are no tiles.
class MapOverlay final
{
    Q_DECLARE_TR_FUNCTIONS(rd::MapOverlay)

public:
    MapOverlay(QPainter &painter, const MapView &view, const QFont &font);

    void paintAttribution(const QString &attribution);
    void paintScaleBar();
    // heat: the heat ramp too, titled by votes or by count. Returns where
    // the legend is.
    QRect paintLegend(bool heat, bool byVotes);
    // notice: the tile source's problem, or empty for the general one.
    void paintNoTilesNotice(bool haveSource, const QString &problem, const QRect &legend);

private:
    int paintLegendExtras(const QRect &box, int row, int textWidth);

    QPainter &m_painter;
    const MapView &m_view;
    QFont m_font;
    int m_line = 0;
};

} // namespace rd
