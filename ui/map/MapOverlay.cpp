#include "MapOverlay.h"

#include "HeatLayer.h"
#include "MarkerLayer.h"
#include "QueueModel.h"

#include <QLinearGradient>
#include <QPainter>

#include <cmath>

namespace rd {

MapOverlay::MapOverlay(QPainter &painter, const MapView &view, const QFont &font,
                       const MapColours &colours)
    : m_painter(painter)
    , m_view(view)
    , m_font(font)
    , m_colours(colours)
{
    m_font.setPixelSize(11);
    m_painter.setRenderHint(QPainter::Antialiasing, false);
    m_painter.setFont(m_font);
    m_line = QFontMetrics(m_font).height() + 3;
}

void MapOverlay::paintAttribution(const QString &attribution)
{
    if (attribution.isEmpty())
        return;
    const QFontMetrics metrics(m_font);
    const QRect box = metrics.boundingRect(attribution).adjusted(-4, -2, 4, 2);
    const QRect at(int(m_view.size.width()) - box.width(), int(m_view.size.height()) - box.height(),
                   box.width(), box.height());
    m_painter.fillRect(at, m_colours.panel);
    m_painter.setPen(m_colours.panelText);
    m_painter.drawText(at, Qt::AlignCenter, attribution);
}

QRect MapOverlay::paintScaleBar()
{
    // Bottom left: a round length of about 100 px.
    const double perPixel = WebMercator::metresPerPixel(m_view.latitude, m_view.zoom);
    const double metres = perPixel * 100;
    const double magnitude = std::pow(10.0, std::floor(std::log10(metres)));
    double length = magnitude;
    for (const double f : {5.0, 2.0, 1.0}) {
        if (f * magnitude <= metres) {
            length = f * magnitude;
            break;
        }
    }
    const int px = int(length / perPixel);
    const QString label = length >= 1000 ? tr("%1 km").arg(length / 1000) : tr("%1 m").arg(length);
    const QFontMetrics metrics(m_font);
    const QRect scaleBox(8, int(m_view.size.height()) - 34,
                         std::max(px, metrics.horizontalAdvance(label)) + 8, 26);
    m_painter.fillRect(scaleBox, m_colours.panel);
    m_painter.setPen(QPen(m_colours.panelText, 2));
    const int y = scaleBox.bottom() - 5;
    m_painter.drawLine(12, y, 12 + px, y);
    m_painter.drawLine(12, y - 4, 12, y);
    m_painter.drawLine(12 + px, y - 4, 12 + px, y);
    m_painter.drawText(QRect(12, scaleBox.top() + 1, scaleBox.width(), 14), Qt::AlignLeft, label);
    return scaleBox;
}

QRect MapOverlay::paintLegend(bool heat, bool byVotes)
{
    // Top right. With the heat layer on, its legend alone: the markers'
    // colours would explain what is not drawn.
    if (heat)
        return paintHeatLegend(byVotes);
    const QList<QPair<QString, ComplaintState>> states{
        {QueueModel::stateName(ComplaintState::Moderation), ComplaintState::Moderation},
        {QueueModel::stateName(ComplaintState::Published), ComplaintState::Published},
        {QueueModel::stateName(ComplaintState::InProgress), ComplaintState::InProgress},
        {QueueModel::stateName(ComplaintState::Contested), ComplaintState::Contested},
        {QueueModel::stateName(ComplaintState::Solved), ComplaintState::Solved},
        {tr("Closed without a fix"), ComplaintState::Refused}};
    const QStringList extras{tr("Overdue"), tr("Your draft"), tr("Larger: more votes")};
    const QFontMetrics metrics(m_font);
    int textWidth = 0;
    for (const QString &extra : extras)
        textWidth = std::max(textWidth, metrics.horizontalAdvance(extra));
    for (const auto &[name, state] : states)
        textWidth = std::max(textWidth, metrics.horizontalAdvance(name));
    const int rows = int(states.size() + extras.size());
    const QRect box(int(m_view.size.width()) - textWidth - 34, 8, textWidth + 26,
                    m_line * rows + 8);
    m_painter.fillRect(box, m_colours.panel);
    m_painter.setRenderHint(QPainter::Antialiasing, true);
    int row = box.top() + 4;
    for (const auto &[name, state] : states) {
        m_painter.setPen(QPen(Qt::white, 1));
        m_painter.setBrush(MarkerLayer::stateColor(state));
        m_painter.drawEllipse(QPointF(box.left() + 11, row + m_line / 2.0), 5, 5);
        m_painter.setPen(m_colours.panelText);
        m_painter.drawText(QRect(box.left() + 22, row, textWidth + 4, m_line), Qt::AlignVCenter,
                           name);
        row += m_line;
    }
    paintLegendExtras(box, row, textWidth);
    return box;
}

QRect MapOverlay::paintHeatLegend(bool byVotes)
{
    const QString title = byVotes ? tr("Heat: votes") : tr("Heat: complaints");
    const QString low = tr("fewer");
    const QString high = tr("more");
    const QFontMetrics metrics(m_font);
    const int width =
        std::max(metrics.horizontalAdvance(title), metrics.horizontalAdvance(low + high) + 24) + 12;
    const QRect box(int(m_view.size.width()) - width - 8, 8, width, m_line * 3 + 8);
    m_painter.fillRect(box, m_colours.panel);
    m_painter.setPen(m_colours.panelText);
    int row = box.top() + 4;
    m_painter.drawText(QRect(box.left() + 6, row, width - 12, m_line), Qt::AlignVCenter, title);
    row += m_line;
    QLinearGradient ramp(box.left() + 6, 0, box.right() - 6, 0);
    const auto &palette = HeatLayer::palette();
    for (const int i : {30, 90, 150, 200, 255})
        ramp.setColorAt((i - 30) / 225.0, QColor::fromRgba(palette[size_t(i)]));
    m_painter.fillRect(QRectF(box.left() + 6, row + 3, box.width() - 12, m_line - 6), ramp);
    row += m_line;
    const QRect under(box.left() + 6, row, width - 12, m_line);
    m_painter.drawText(under, Qt::AlignVCenter | Qt::AlignLeft, low);
    m_painter.drawText(under, Qt::AlignVCenter | Qt::AlignRight, high);
    return box;
}

int MapOverlay::paintLegendExtras(const QRect &box, int row, int textWidth)
{
    const auto text = [&](const QString &line) {
        m_painter.setPen(m_colours.panelText);
        m_painter.drawText(QRect(box.left() + 22, row, textWidth + 4, m_line), Qt::AlignVCenter,
                           line);
        row += m_line;
    };
    const QPointF mark(box.left() + 11, 0);
    m_painter.setPen(QPen(MarkerLayer::OverdueRing, 2.5));
    m_painter.setBrush(Qt::NoBrush);
    m_painter.drawEllipse(mark + QPointF(0, row + m_line / 2.0), 5, 5);
    text(tr("Overdue"));
    m_painter.setPen(QPen(Qt::white, 1.2));
    m_painter.setBrush(MarkerLayer::DraftBadge);
    m_painter.drawRect(QRectF(mark + QPointF(-3.5, row + m_line / 2.0 - 3.5), QSizeF(7, 7)));
    text(tr("Your draft"));
    m_painter.setPen(QPen(Qt::white, 1));
    m_painter.setBrush(MarkerLayer::stateColor(ComplaintState::Published));
    m_painter.drawEllipse(mark + QPointF(-4, row + m_line / 2.0), 2.5, 2.5);
    m_painter.drawEllipse(mark + QPointF(3.5, row + m_line / 2.0), 4.5, 4.5);
    text(tr("Larger: more votes"));
    return row;
}

void MapOverlay::paintAreaCount(const QRectF &area, int count)
{
    const QString text = tr("%n complaint(s) in the area", nullptr, count);
    QFont bold = m_font;
    bold.setBold(true);
    const QFontMetrics metrics(bold);
    const QSize size(metrics.horizontalAdvance(text) + 12, metrics.height() + 6);
    // Just above the area's top left corner, inside the map whatever the
    // area's place (below the buttons, left of the legend at worst).
    const int x =
        std::clamp(int(area.left()), 48, std::max(48, int(m_view.size.width()) - size.width() - 8));
    const int y = std::clamp(int(area.top()) - size.height() - 3, 8,
                             std::max(8, int(m_view.size.height()) - size.height() - 44));
    const QRect box(QPoint(x, y), size);
    m_painter.setFont(bold);
    m_painter.fillRect(box, m_colours.areaOutline);
    m_painter.setPen(m_colours.dark ? QColor(0x10, 0x14, 0x1a) : QColor(Qt::white));
    m_painter.drawText(box, Qt::AlignCenter, text);
    m_painter.setFont(m_font);
}

} // namespace rd
