#pragma once

#include "MapColours.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace rd {

// What the map says when it has no tiles to show, in words a clerk
// understands: that no map source is set (and how to set one: a button
// that asks the desk for the map source dialog), or that the map is loading
// or unreachable, or what went wrong. Word-wrapped above the scale bar, so
// nothing is cut off however narrow the map is.
class MapNotice final : public QFrame
{
    Q_OBJECT

public:
    explicit MapNotice(QWidget *map);

    // Empty: hidden.
    void setText(const QString &text);
    QString text() const;
    void setButtonShown(bool shown);
    void setColours(const MapColours &colours);
    // Takes its place in the map of this size: centred, at the bottom.
    void place(const QSize &map);

Q_SIGNALS:
    void chooseSourceClicked();

private:
    QLabel *m_label = nullptr;
    QPushButton *m_button = nullptr;
};

} // namespace rd
