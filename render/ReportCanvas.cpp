#include "ReportCanvas.h"

#include "ReportRenderer.h"

#include <QPagedPaintDevice>
#include <QPainter>

#include <cmath>

namespace rd {

using textfit::Fitted;

namespace {

constexpr double SmallSize = 7.0;
constexpr double HeadingSize = 11.0;
constexpr double RowHeight = 12.0;
constexpr double FooterHeight = 18.0;
constexpr double CellPadding = 2.0;

const QColor Grey(0x55, 0x55, 0x55);

double columnsTotal(const QList<Column> &columns)
{
    double total = 0;
    for (const Column &col : columns)
        total += col.width;
    return total;
}

// A text column wraps to a few lines before its font shrinks; a number
// shrinks first.
int linesFor(Qt::Alignment align)
{
    return (align & Qt::AlignLeft) ? 6 : 1;
}

// A row of a table laid out: each cell fitted to its column, and the row's
// height.
struct RowLayout
{
    QList<Fitted> cells;
    double height = RowHeight;
};

RowLayout layOutRow(const QStringList &cells, const QList<Column> &columns,
                    const QList<double> &widths, const QFont &font, bool header)
{
    RowLayout row;
    double tallest = 0;
    for (qsizetype i = 0; i < columns.size(); ++i) {
        const int lines = header ? 3 : linesFor(columns[i].align);
        row.cells << textfit::fit(cells.value(i), font, widths[i] - 2 * CellPadding, lines);
        tallest = std::max(tallest, row.cells.last().height());
    }
    row.height = std::max(header ? RowHeight * 1.6 : RowHeight, tallest + 2 * CellPadding);
    return row;
}

double longestWord(const QString &text, const QFont &font)
{
    double longest = 0;
    for (const QString &word : textfit::words(text))
        longest = std::max(longest, textfit::advance(word, font));
    return longest;
}

// The columns' widths: their shares of `width`, then widened where the
// longest word of a title (at the header's size) or of a cell would not fit,
// the room taken from the columns that have some to spare (in proportion
// to it).
QList<double> columnWidths(const QList<Column> &columns, const QList<QStringList> &rows,
                           double width, const QFont &headerFont, const QFont &cellFont)
{
    const double total = columnsTotal(columns);
    QList<double> widths;
    QList<double> needed;
    for (qsizetype i = 0; i < columns.size(); ++i) {
        widths << width * columns[i].width / total;
        double longest = longestWord(columns[i].title, headerFont);
        for (const QStringList &row : rows)
            longest = std::max(longest, longestWord(row.value(i), cellFont));
        needed << longest / 0.98 + 2 * CellPadding + 0.5;
    }
    double deficit = 0, surplus = 0;
    for (qsizetype i = 0; i < widths.size(); ++i) {
        deficit += std::max(0.0, needed[i] - widths[i]);
        surplus += std::max(0.0, widths[i] - needed[i]);
    }
    if (deficit <= 0 || surplus <= 0)
        return widths;
    // Not room for all: each short column gets its share of what there is
    // (and its text shrinks for the rest).
    const double moved = std::min(deficit, surplus);
    for (qsizetype i = 0; i < widths.size(); ++i) {
        if (needed[i] > widths[i])
            widths[i] += (needed[i] - widths[i]) * moved / deficit;
        else
            widths[i] -= (widths[i] - needed[i]) * moved / surplus;
    }
    return widths;
}

// The header's titles, all at the size the tightest of them needs.
RowLayout layOutHeader(const QStringList &titles, const QList<Column> &columns,
                       const QList<double> &widths)
{
    QFont font = textfit::font(SmallSize - 0.6, true);
    RowLayout first = layOutRow(titles, columns, widths, font, true);
    double smallest = textfit::pointsOf(font);
    for (const Fitted &cell : std::as_const(first.cells))
        smallest = std::min(smallest, textfit::pointsOf(cell.font));
    if (smallest >= textfit::pointsOf(font))
        return first;
    return layOutRow(titles, columns, widths, textfit::font(smallest, true), true);
}

// The groups' headings: a run of equal, non-empty names, its left edge and
// width.
struct GroupSpan
{
    QString name;
    double x = 0;
    double width = 0;
};

QList<GroupSpan> spansOf(const QStringList &groups, const QList<double> &widths)
{
    QList<GroupSpan> spans;
    double x = 0;
    for (qsizetype i = 0; i < widths.size(); ++i) {
        const QString name = groups.value(i);
        if (!name.isEmpty() && !spans.isEmpty() && spans.last().name == name &&
            groups.value(i - 1) == name)
            spans.last().width += widths[i];
        else if (!name.isEmpty())
            spans.append({name, x, widths[i]});
        x += widths[i];
    }
    return spans;
}

void drawRow(Canvas &c, const RowLayout &row, const QStringList &cells,
             const QList<Column> &columns, const QList<double> &widths, const QString &role)
{
    double x = 0;
    for (qsizetype i = 0; i < columns.size(); ++i) {
        c.draw(x + CellPadding, c.y(), widths[i] - 2 * CellPadding, row.height, row.cells[i],
               cells.value(i), columns[i].align, role);
        x += widths[i];
    }
}

} // namespace

Canvas::Canvas(QPainter *painter, QPagedPaintDevice *device, QSizeF page, int totalPages,
               const QString &footerLeft, QList<PlacedText> *log)
    : m_painter(painter)
    , m_device(device)
    , m_page(page)
    , m_total(totalPages)
    , m_footerLeft(footerLeft)
    , m_log(log)
{}

bool Canvas::ensure(double height)
{
    if (m_y + height <= m_page.height() - FooterHeight || m_y == 0)
        return false;
    newPage();
    return true;
}

void Canvas::newPage()
{
    finishPage();
    if (m_painter)
        m_device->newPage();
    ++m_number;
    m_y = 0;
}

void Canvas::finishPage()
{
    const double top = m_page.height() - FooterHeight + 6;
    const double height = FooterHeight - 6;
    const QFont small = textfit::font(SmallSize);
    const QString number = ReportRenderer::tr("Page %1 of %2").arg(m_number).arg(m_total);
    const double numberWidth = textfit::advance(number, small) + 2;
    if (m_painter) {
        m_painter->setPen(QPen(Grey, 0.5));
        m_painter->drawLine(QPointF(0, top - 3), QPointF(m_page.width(), top - 3));
    }
    const Fitted left =
        textfit::fit(m_footerLeft, small, m_page.width() - numberWidth - 12, 1, SmallSize - 2);
    draw(0, top, m_page.width() - numberWidth - 12, height, left, m_footerLeft, Qt::AlignLeft,
         QStringLiteral("footer"), Grey);
    draw(m_page.width() - numberWidth, top, numberWidth, height,
         textfit::fit(number, small, numberWidth, 1), number, Qt::AlignRight,
         QStringLiteral("footer"), Grey);
}

double Canvas::text(double x, double y, double width, const QString &value, const QFont &font,
                    Qt::Alignment align, const QString &role, int maxLines, const QColor &color)
{
    const Fitted fitted = textfit::fit(value, font, width, maxLines);
    draw(x, y, width, fitted.height(), fitted, value, align, role, color);
    return fitted.height();
}

void Canvas::draw(double x, double y, double width, double height, const Fitted &fitted,
                  const QString &source, Qt::Alignment align, const QString &role,
                  const QColor &color)
{
    const double top = y + std::max(0.0, (height - fitted.height()) / 2);
    for (qsizetype i = 0; i < fitted.lines.size(); ++i) {
        const QRectF box(x, top + fitted.lineHeight * double(i), width, fitted.lineHeight);
        if (m_log)
            m_log->append({m_number, box, fitted.lines[i], fitted.font, source, role});
        if (!m_painter)
            continue;
        m_painter->save();
        m_painter->setFont(fitted.font);
        m_painter->setPen(color);
        m_painter->scale(1 / textfit::Scale, 1 / textfit::Scale);
        const QRectF scaled(box.x() * textfit::Scale, box.y() * textfit::Scale,
                            box.width() * textfit::Scale, box.height() * textfit::Scale);
        m_painter->drawText(scaled, int(align | Qt::AlignVCenter | Qt::TextDontClip),
                            fitted.lines[i]);
        m_painter->restore();
    }
}

void Canvas::fill(const QRectF &rect, const QColor &color)
{
    if (m_painter)
        m_painter->fillRect(rect, color);
}

void heading(Canvas &c, const QString &caption)
{
    const Fitted fitted = textfit::fit(caption, textfit::font(HeadingSize, true), c.width(), 2, 8);
    c.ensure(fitted.height() + 4 + RowHeight * 3);
    c.draw(0, c.y(), c.width(), fitted.height(), fitted, caption, Qt::AlignLeft,
           QStringLiteral("heading"));
    c.advance(fitted.height() + 4);
}

namespace {

// The groups' headings above their columns, with a rule under each; their height.
double drawGroups(Canvas &c, const QList<GroupSpan> &spans, double height)
{
    const QFont font = textfit::font(SmallSize - 0.6, true);
    for (const GroupSpan &span : spans) {
        const Fitted fitted = textfit::fit(span.name, font, span.width - 2 * CellPadding, 2);
        c.draw(span.x + CellPadding, c.y(), span.width - 2 * CellPadding, height, fitted, span.name,
               Qt::AlignHCenter, QStringLiteral("header"));
        if (c.painting()) {
            c.painter()->setPen(QPen(QColor(0x88, 0x88, 0x88), 0.5));
            c.painter()->drawLine(QPointF(span.x + 2, c.y() + height - 0.5),
                                  QPointF(span.x + span.width - 2, c.y() + height - 0.5));
        }
    }
    return height;
}

double groupsHeight(const QList<GroupSpan> &spans)
{
    double height = 0;
    const QFont font = textfit::font(SmallSize - 0.6, true);
    for (const GroupSpan &span : spans)
        height = std::max(height,
                          textfit::fit(span.name, font, span.width - 2 * CellPadding, 2).height() +
                              2 * CellPadding);
    return height;
}

} // namespace

void table(Canvas &c, const QString &caption, const QList<Column> &columns,
           const QList<QStringList> &rows, const QString &note, const QStringList &groups)
{
    const QFont cellFont = textfit::font(SmallSize);
    const QFont captionFont = textfit::font(HeadingSize, true);
    const QList<double> widths =
        columnWidths(columns, rows, c.width(), textfit::font(SmallSize - 0.6, true), cellFont);
    QStringList titles;
    for (const Column &col : columns)
        titles << col.title;
    const RowLayout head = layOutHeader(titles, columns, widths);
    const QList<GroupSpan> spans = spansOf(groups, widths);
    const double groupHeight = groupsHeight(spans);
    QList<RowLayout> laid;
    for (const QStringList &cells : rows)
        laid << layOutRow(cells, columns, widths, cellFont, false);
    const auto header = [&](bool continued) {
        const QString shown =
            continued ? ReportRenderer::tr("%1 (continued)").arg(caption) : caption;
        c.advance(c.text(0, c.y(), c.width(), shown, captionFont, Qt::AlignLeft,
                         QStringLiteral("heading"), 2) +
                  4);
        c.fill(QRectF(0, c.y(), c.width(), groupHeight + head.height), QColor(0xe8, 0xec, 0xf2));
        c.advance(drawGroups(c, spans, groupHeight));
        drawRow(c, head, titles, columns, widths, QStringLiteral("header"));
        c.advance(head.height);
    };
    // Keep the caption, header and a few rows together.
    double keep = textfit::fit(caption, captionFont, c.width(), 2, 8).height() + 4 + groupHeight +
                  head.height + 6;
    for (qsizetype r = 0; r < laid.size() && r < 3; ++r)
        keep += laid[r].height;
    c.ensure(keep);
    header(false);
    for (qsizetype r = 0; r < rows.size(); ++r) {
        if (c.ensure(laid[r].height))
            header(true);
        if (r % 2 == 1)
            c.fill(QRectF(0, c.y(), c.width(), laid[r].height), QColor(0xf6, 0xf7, 0xf9));
        drawRow(c, laid[r], rows[r], columns, widths, QStringLiteral("cell"));
        c.advance(laid[r].height);
    }
    const auto remark = [&](const QString &text) {
        c.ensure(RowHeight);
        c.advance(c.text(0, c.y() + CellPadding, c.width(), text, cellFont, Qt::AlignLeft,
                         QStringLiteral("note"), 3, Grey) +
                  2 * CellPadding);
    };
    if (rows.isEmpty())
        remark(ReportRenderer::tr("Nothing to list."));
    if (!note.isEmpty())
        remark(note);
    c.advance(14);
}

QList<int> axisTicks(int maximum)
{
    maximum = std::max(1, maximum);
    // The smallest of 1, 2, 5, 10, 20, 50, … that reaches the maximum in at
    // most four steps.
    qint64 step = 1;
    for (qint64 power = 1; step * 4 < maximum; power *= 10) {
        for (const qint64 m : {1, 2, 5}) {
            step = m * power;
            if (step * 4 >= maximum)
                break;
        }
    }
    QList<int> ticks{0};
    while (ticks.last() < maximum)
        ticks << int(ticks.last() + step);
    return ticks;
}

namespace {

const QColor ReceivedColour(0x9d, 0xb9, 0xe0);
const QColor AnsweredColour(0x2f, 0x5f, 0xa8);
const QColor OverdueColour(0xc0, 0x39, 0x2b);

double largest(const QList<ReportGroup> &groups)
{
    int maximum = 1;
    for (const ReportGroup &g : groups)
        maximum = std::max(maximum, g.measures.received);
    return maximum;
}

// A trend: the axis with its marks at the left, a bar per group, its label
// under it (every n-th when there are many).
void verticalBars(Canvas &c, double top, double height, const QList<ReportGroup> &groups,
                  const QStringList &labels, const QLocale &locale)
{
    const QFont labelFont = textfit::font(SmallSize);
    const QList<int> ticks = axisTicks(int(largest(groups)));
    const double scale = ticks.last();
    const double left = 34, bottom = top + height - 22;
    const double slot = (c.width() - left) / double(std::max<qsizetype>(1, groups.size()));
    for (qsizetype t = 0; t < ticks.size(); ++t) {
        const double y = bottom - (bottom - top) * ticks[t] / scale;
        if (c.painting()) {
            c.painter()->setPen(QPen(QColor(0xaa, 0xaa, 0xaa), 0.5));
            c.painter()->drawLine(QPointF(left, y), QPointF(c.width(), y));
        }
        const textfit::Fitted mark =
            textfit::fit(locale.toString(ticks[t]), labelFont, left - 4, 1);
        c.draw(0, y - mark.height() / 2, left - 4, mark.height(), mark, locale.toString(ticks[t]),
               Qt::AlignRight, QStringLiteral("axis"));
    }
    const qsizetype every = groups.size() <= 16 ? 1 : (groups.size() + 15) / 16;
    for (qsizetype i = 0; i < groups.size(); ++i) {
        const Measures &m = groups[i].measures;
        const double x = left + slot * double(i);
        const double w = slot * 0.7;
        const auto bar = [&](int value, const QColor &color, double inset) {
            const double h = (bottom - top) * value / scale;
            c.fill(QRectF(x + slot * 0.15 + inset, bottom - h, w - 2 * inset, h), color);
        };
        bar(m.received, ReceivedColour, 0);
        bar(m.answered, AnsweredColour, w * 0.2);
        bar(m.overdue, OverdueColour, w * 0.35);
        if (i % every == 0)
            c.text(x, bottom + 2, slot * double(every), labels.value(i), labelFont,
                   Qt::AlignHCenter, QStringLiteral("axis-label"), 2);
    }
}

// Names at the left, a bar per group and its count at the bar's end; each
// row as tall as its name needs.
void horizontalBars(Canvas &c, double top, const QList<ReportGroup> &groups,
                    const QList<textfit::Fitted> &names, const QLocale &locale)
{
    const QFont labelFont = textfit::font(SmallSize);
    const double maximum = largest(groups);
    const double labelWidth = c.width() * 0.32;
    const double plotWidth = c.width() - labelWidth - 40;
    double y = top;
    for (qsizetype i = 0; i < groups.size(); ++i) {
        const Measures &m = groups[i].measures;
        const double rowHeight = std::max(14.0, names[i].height() + 2);
        c.draw(0, y, labelWidth - 6, rowHeight, names[i], groups[i].name, Qt::AlignRight,
               QStringLiteral("label"));
        const double middle = y + rowHeight / 2;
        const auto bar = [&](int value, const QColor &color, double inset) {
            c.fill(
                QRectF(labelWidth, middle - 5 + inset, plotWidth * value / maximum, 10 - 2 * inset),
                color);
        };
        bar(m.received, ReceivedColour, 0);
        bar(m.answered, AnsweredColour, 2);
        bar(m.overdue, OverdueColour, 3.5);
        const QString count = locale.toString(m.received);
        const textfit::Fitted value = textfit::fit(count, labelFont, 38, 1);
        c.draw(labelWidth + plotWidth * m.received / maximum + 2, y, 38, rowHeight, value, count,
               Qt::AlignLeft, QStringLiteral("label"));
        y += rowHeight;
    }
}

void legend(Canvas &c, double x, double y)
{
    const QFont labelFont = textfit::font(SmallSize);
    for (const auto &[color, label] : {std::pair{ReceivedColour, ReportRenderer::tr("received")},
                                       std::pair{AnsweredColour, ReportRenderer::tr("answered")},
                                       std::pair{OverdueColour, ReportRenderer::tr("overdue")}}) {
        c.fill(QRectF(x, y + 3, 8, 8), color);
        const double w = textfit::advance(label, labelFont) + 2;
        c.text(x + 11, y + 1, w, label, labelFont, Qt::AlignLeft, QStringLiteral("legend"), 1);
        x += 12 + w + 14;
    }
}

} // namespace

void barChart(Canvas &c, const QString &caption, const QList<ReportGroup> &groups,
              const QStringList &labels, bool vertical, const QLocale &locale)
{
    QList<textfit::Fitted> names;
    double chartHeight = 150;
    if (!vertical) {
        chartHeight = 4;
        for (const ReportGroup &g : groups) {
            names << textfit::fit(g.name, textfit::font(SmallSize), c.width() * 0.32 - 6, 2);
            chartHeight += std::max(14.0, names.last().height() + 2);
        }
    }
    const textfit::Fitted captionFit =
        textfit::fit(caption, textfit::font(HeadingSize, true), c.width(), 2, 8);
    c.ensure(captionFit.height() + 4 + chartHeight + 20);
    heading(c, caption);
    const double top = c.y();
    if (vertical)
        verticalBars(c, top, chartHeight, groups, labels, locale);
    else
        horizontalBars(c, top, groups, names, locale);
    legend(c, vertical ? 34 : c.width() * 0.32, top + chartHeight + 2);
    c.advance(chartHeight + 24);
}

} // namespace rd
