#include "MapOverlay.h"

#include "HeatLayer.h"
#include "MarkerLayer.h"
#include "QueueModel.h"

#include <QLinearGradient>
#include <QPainter>

#include <cmath>

namespace rd {

namespace {

const QColor Panel(255, 255, 255, 225);

} // namespace

MapOverlay::MapOverlay(QPainter &painter, const MapView &view, const QFont &font)
    : m_painter(painter)
    , m_view(view)
    , m_font(font)
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
    m_painter.fillRect(at, Panel);
    m_painter.setPen(Qt::black);
    m_painter.drawText(at, Qt::AlignCenter, attribution);
}

void MapOverlay::paintScaleBar()
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
    m_painter.fillRect(scaleBox, Panel);
    m_painter.setPen(QPen(Qt::black, 2));
    const int y = scaleBox.bottom() - 5;
    m_painter.drawLine(12, y, 12 + px, y);
    m_painter.drawLine(12, y - 4, 12, y);
    m_painter.drawLine(12 + px, y - 4, 12 + px, y);
    m_painter.drawText(QRect(12, scaleBox.top() + 1, scaleBox.width(), 14), Qt::AlignLeft, label);
}

QRect MapOverlay::paintLegend(bool heat, bool byVotes)
{
    // Top right.
    const QList<QPair<QString, ComplaintState>> states{
        {QueueModel::stateName(ComplaintState::Moderation), ComplaintState::Moderation},
        {QueueModel::stateName(ComplaintState::Published), ComplaintState::Published},
        {QueueModel::stateName(ComplaintState::InProgress), ComplaintState::InProgress},
        {QueueModel::stateName(ComplaintState::Contested), ComplaintState::Contested},
        {QueueModel::stateName(ComplaintState::Solved), ComplaintState::Solved},
        {tr("Closed without a fix"), ComplaintState::Refused}};
    const QString heatTitle = byVotes ? tr("Heat: votes") : tr("Heat: complaints");
    const QStringList extras{tr("Overdue"), tr("Your draft"), tr("Larger: more votes")};
    const QFontMetrics metrics(m_font);
    int textWidth = 0;
    for (const QString &extra : extras)
        textWidth = std::max(textWidth, metrics.horizontalAdvance(extra));
    for (const auto &[name, state] : states)
        textWidth = std::max(textWidth, metrics.horizontalAdvance(name));
    if (heat)
        textWidth = std::max(textWidth, metrics.horizontalAdvance(heatTitle));
    const int rows = int(states.size() + extras.size()) + (heat ? 2 : 0);
    const QRect box(int(m_view.size.width()) - textWidth - 34, 8, textWidth + 26,
                    m_line * rows + 8);
    m_painter.fillRect(box, Panel);
    m_painter.setRenderHint(QPainter::Antialiasing, true);
    int row = box.top() + 4;
    for (const auto &[name, state] : states) {
        m_painter.setPen(QPen(Qt::white, 1));
        m_painter.setBrush(MarkerLayer::stateColor(state));
        m_painter.drawEllipse(QPointF(box.left() + 11, row + m_line / 2.0), 5, 5);
        m_painter.setPen(Qt::black);
        m_painter.drawText(QRect(box.left() + 22, row, textWidth + 4, m_line), Qt::AlignVCenter,
                           name);
        row += m_line;
    }
    row = paintLegendExtras(box, row, textWidth);
    if (heat) {
        m_painter.setPen(Qt::black);
        m_painter.drawText(QRect(box.left() + 6, row, textWidth + 20, m_line), Qt::AlignVCenter,
                           heatTitle);
        row += m_line;
        QLinearGradient ramp(box.left() + 6, 0, box.right() - 6, 0);
        const auto &palette = HeatLayer::palette();
        for (const int i : {30, 90, 150, 200, 255})
            ramp.setColorAt((i - 30) / 225.0, QColor::fromRgba(palette[size_t(i)]));
        m_painter.fillRect(QRectF(box.left() + 6, row + 3, box.width() - 12, m_line - 8), ramp);
    }
    return box;
}

int MapOverlay::paintLegendExtras(const QRect &box, int row, int textWidth)
{
    const auto text = [&](const QString &line) {
        m_painter.setPen(Qt::black);
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

void MapOverlay::paintNoTilesNotice(bool haveSource, const QString &problem, const QRect &legend)
{
    // At the top between the buttons and the legend (the map works all the
    // same).
    const QString notice =
        !problem.isEmpty()
            ? problem
            : (haveSource ? tr("Map tiles are loading, or none are available offline "
                               "for this area; the complaints are shown all the same.")
                          : tr("No map tiles configured; the complaints are shown on "
                               "a grid."));
    const QFontMetrics metrics(m_font);
    const int left = 48;
    const int room = std::max(60, legend.left() - left - 8);
    const QString shown = metrics.elidedText(notice, Qt::ElideRight, room - 12);
    const QRect box(left, 8, metrics.horizontalAdvance(shown) + 12, metrics.height() + 8);
    m_painter.fillRect(box, Panel);
    m_painter.setPen(Qt::black);
    m_painter.drawText(box, Qt::AlignCenter, shown);
}

} // namespace rd
