#include "MapNotice.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

#include <algorithm>

namespace rd {

namespace {

constexpr int MaxWidth = 760;
constexpr int AboveScaleBar = 42; // px from the bottom: the scale bar's top, and a gap

} // namespace

MapNotice::MapNotice(QWidget *map)
    : QFrame(map)
    , m_label(new QLabel(this))
    , m_button(new QPushButton(tr("Choose a map…"), this))
{
    setObjectName(QStringLiteral("mapNotice"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_label->setObjectName(QStringLiteral("mapNoticeText"));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    m_button->setObjectName(QStringLiteral("mapNoticeChoose"));
    m_button->setFocusPolicy(Qt::TabFocus);
    m_button->setToolTip(tr("Choose where the map's pictures come from: OpenStreetMap, the "
                            "agency's map server or a map file"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 5, 6, 5);
    layout->setSpacing(8);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_button, 0, Qt::AlignVCenter);
    connect(m_button, &QPushButton::clicked, this, &MapNotice::chooseSourceClicked);
    hide();
}

void MapNotice::setText(const QString &text)
{
    m_label->setText(text);
    setVisible(!text.isEmpty());
    if (!text.isEmpty() && parentWidget())
        place(parentWidget()->size());
}

QString MapNotice::text() const
{
    return isVisibleTo(parentWidget()) ? m_label->text() : QString();
}

void MapNotice::setButtonShown(bool shown)
{
    if (m_button->isVisibleTo(this) == shown)
        return;
    m_button->setVisible(shown);
    if (parentWidget())
        place(parentWidget()->size());
}

void MapNotice::setColours(const MapColours &colours)
{
    QPalette p = palette();
    QColor panel = colours.panel;
    panel.setAlpha(255);
    p.setColor(QPalette::Window, panel);
    p.setColor(QPalette::WindowText, colours.panelText);
    setPalette(p);
    m_label->setPalette(p);
}

void MapNotice::place(const QSize &map)
{
    const int width = std::min(MaxWidth, map.width() - 16);
    if (width <= 0)
        return;
    const int height = std::min(layout()->totalHeightForWidth(width), map.height() / 2);
    setGeometry((map.width() - width) / 2, map.height() - AboveScaleBar - height, width, height);
}

} // namespace rd
