#pragma once

#include "TextFit.h"
#include "report/Report.h"

#include <QColor>
#include <QFont>
#include <QList>
#include <QLocale>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringList>

class QPagedPaintDevice;
class QPainter;

namespace rd {

// A line of text where the layout put it (ReportRenderer::layOut): for
// checks that nothing is cut, elided or overlapping its room.
struct PlacedText
{
    int page = 1;
    QRectF box;     // the room it was given, in points
    QString text;   // the line as drawn
    QFont font;     // as drawn (textfit's size: ten times the points)
    QString source; // the whole text the line is part of
    QString role;   // "title", "heading", "header", "cell", "label", "axis", "legend", "footer"
};

// Pages in points, filled from the top. Two passes over the same layout:
// the first counts the pages (nothing is painted), the second paints them
// knowing "of M". Either pass can log every line of text it places.
class Canvas
{
public:
    Canvas(QPainter *painter, QPagedPaintDevice *device, QSizeF page, int totalPages,
           const QString &footerLeft, QList<PlacedText> *log = nullptr);

    bool painting() const { return m_painter != nullptr; }
    QPainter *painter() const { return m_painter; }
    double width() const { return m_page.width(); }
    double y() const { return m_y; }
    void advance(double h) { m_y += h; }
    int pages() const { return m_number; }

    // Starts a new page unless `height` still fits on this one; true if it did.
    bool ensure(double height);
    void newPage();
    void finishPage();

    // Text fitted into `width` at x, y (wrapped, shrunk, never cut: see
    // textfit::fit), lines aligned by `align`; returns its height.
    double text(double x, double y, double width, const QString &value, const QFont &font,
                Qt::Alignment align, const QString &role, int maxLines = 3,
                const QColor &color = Qt::black);
    // An already fitted text, its lines in a box of `height` (vertically centred).
    void draw(double x, double y, double width, double height, const textfit::Fitted &fitted,
              const QString &source, Qt::Alignment align, const QString &role,
              const QColor &color = Qt::black);
    void fill(const QRectF &rect, const QColor &color);

private:
    QPainter *m_painter;
    QPagedPaintDevice *m_device;
    QSizeF m_page;
    int m_total;
    QString m_footerLeft;
    QList<PlacedText> *m_log;
    int m_number = 1;
    double m_y = 0;
};

struct Column
{
    QString title;
    double width; // a share of the table's width
    Qt::Alignment align;
};

// A table that breaks across pages with its caption and header repeated;
// every cell wraps (or shrinks) to its column, the row as tall as its
// tallest cell; the header's titles all in one size. `groups` (one a
// column, or none) names runs of columns under a common heading above
// their titles ("Overdue, days past the due date": all, 1–7, 8–30, …).
void table(Canvas &c, const QString &caption, const QList<Column> &columns,
           const QList<QStringList> &rows, const QString &note = {},
           const QStringList &groups = {});

// A heading: the caption of a part of the report.
void heading(Canvas &c, const QString &caption);

// One bar per group: received, and of them answered and overdue. Vertical
// (a trend: `labels` under the bars) or horizontal (names at the left).
void barChart(Canvas &c, const QString &caption, const QList<ReportGroup> &groups,
              const QStringList &labels, bool vertical, const QLocale &locale);

// The values marked on a chart's axis for bars up to `maximum`: 0, then
// whole, evenly spaced, distinct steps (1, 2 or 5 times a power of ten) up
// to the first at or above the maximum; at most five marks.
QList<int> axisTicks(int maximum);

} // namespace rd
