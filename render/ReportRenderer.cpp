#include "ReportRenderer.h"

#include "report/ReportExport.h"

#include <QFile>
#include <QFontMetricsF>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <functional>

namespace rd {

namespace {

// Everything is laid out in points (1/72 in); fonts are sized in points by
// pixel size on a painter scaled to points.
constexpr double BodySize = 8.0;
constexpr double SmallSize = 7.0;
constexpr double HeadingSize = 11.0;
constexpr double TitleSize = 15.0;
constexpr double RowHeight = 12.0;
constexpr double FooterHeight = 18.0;

QFont font(double size, bool bold = false)
{
    QFont f(QStringLiteral("DejaVu Sans")); // Cyrillic everywhere; the system's if absent
    f.setStyleHint(QFont::SansSerif);
    f.setPixelSize(qRound(size)); // a "pixel" is a point: the painter is scaled to points
    f.setBold(bold);
    return f;
}

// Two passes over the same layout: the first counts the pages (nothing is
// painted), the second paints them knowing "of M".
class Canvas
{
public:
    Canvas(QPainter *painter, QPagedPaintDevice *device, QSizeF page, int totalPages,
           const QString &footerLeft)
        : m_painter(painter)
        , m_device(device)
        , m_page(page)
        , m_total(totalPages)
        , m_footerLeft(footerLeft)
    {}

    bool painting() const { return m_painter != nullptr; }
    QPainter *painter() const { return m_painter; }
    double width() const { return m_page.width(); }
    double y() const { return m_y; }
    void advance(double h) { m_y += h; }
    int pages() const { return m_number; }
    double room() const { return m_page.height() - FooterHeight - m_y; }

    // Starts a new page unless `height` still fits on this one.
    bool ensure(double height)
    {
        if (m_y + height <= m_page.height() - FooterHeight || m_y == 0)
            return false;
        newPage();
        return true;
    }
    void newPage()
    {
        finishPage();
        if (m_painter)
            m_device->newPage();
        ++m_number;
        m_y = 0;
    }
    void finishPage()
    {
        if (!m_painter)
            return;
        m_painter->setFont(font(SmallSize));
        m_painter->setPen(QColor(0x55, 0x55, 0x55));
        const QRectF footer(0, m_page.height() - FooterHeight + 6, m_page.width(),
                            FooterHeight - 6);
        m_painter->drawLine(QPointF(0, footer.top() - 3),
                            QPointF(m_page.width(), footer.top() - 3));
        m_painter->drawText(footer, Qt::AlignLeft | Qt::AlignVCenter, m_footerLeft);
        m_painter->drawText(footer, Qt::AlignRight | Qt::AlignVCenter,
                            ReportRenderer::tr("Page %1 of %2").arg(m_number).arg(m_total));
        m_painter->setPen(Qt::black);
    }

    void text(const QRectF &rect, const QString &value, const QFont &f, int flags,
              const QColor &color = Qt::black)
    {
        if (!m_painter)
            return;
        m_painter->setFont(f);
        m_painter->setPen(color);
        const QString shown =
            (flags & Qt::TextWordWrap)
                ? value
                : QFontMetricsF(f).elidedText(value, Qt::ElideRight, rect.width());
        m_painter->drawText(rect, flags, shown);
    }

private:
    QPainter *m_painter;
    QPagedPaintDevice *m_device;
    QSizeF m_page;
    int m_total;
    QString m_footerLeft;
    int m_number = 1;
    double m_y = 0;
};

struct Column
{
    QString title;
    double width; // a share of the table's width
    Qt::Alignment align;
};

// A table that breaks across pages with its header repeated.
void table(Canvas &c, const QString &caption, const QList<Column> &columns,
           const QList<QStringList> &rows, const QString &note = {})
{
    const QFont headerFont = font(SmallSize - 0.6, true); // long one-word titles ("Просрочено")
    const QFont cellFont = font(SmallSize);
    const QFont captionFont = font(HeadingSize, true);
    double total = 0;
    for (const Column &col : columns)
        total += col.width;
    const auto header = [&](bool continued) {
        if (!caption.isEmpty()) {
            c.text(QRectF(0, c.y(), c.width(), 16),
                   continued ? ReportRenderer::tr("%1 (continued)").arg(caption) : caption,
                   captionFont, Qt::AlignLeft | Qt::AlignVCenter);
            c.advance(18);
        }
        double x = 0;
        const double h = RowHeight * 2.4; // three lines of a long title
        if (c.painting()) {
            c.painter()->fillRect(QRectF(0, c.y(), c.width(), h), QColor(0xe8, 0xec, 0xf2));
        }
        for (const Column &col : columns) {
            const double w = c.width() * col.width / total;
            c.text(QRectF(x + 2, c.y(), w - 4, h), col.title, headerFont,
                   int(col.align | Qt::AlignVCenter | Qt::TextWordWrap));
            x += w;
        }
        c.advance(h);
    };
    // Keep the caption, header and a few rows together.
    c.ensure(18 + RowHeight * 2.4 + RowHeight * qMin<qsizetype>(3, rows.size()) + 6);
    header(false);
    for (qsizetype r = 0; r < rows.size(); ++r) {
        if (c.ensure(RowHeight))
            header(true);
        if (c.painting() && r % 2 == 1)
            c.painter()->fillRect(QRectF(0, c.y(), c.width(), RowHeight), QColor(0xf6, 0xf7, 0xf9));
        double x = 0;
        for (qsizetype i = 0; i < columns.size(); ++i) {
            const double w = c.width() * columns[i].width / total;
            c.text(QRectF(x + 2, c.y(), w - 4, RowHeight), rows[r].value(i), cellFont,
                   int(columns[i].align | Qt::AlignVCenter));
            x += w;
        }
        c.advance(RowHeight);
    }
    if (rows.isEmpty()) {
        c.text(QRectF(0, c.y(), c.width(), RowHeight), ReportRenderer::tr("Nothing to list."),
               cellFont, Qt::AlignLeft | Qt::AlignVCenter, QColor(0x55, 0x55, 0x55));
        c.advance(RowHeight);
    }
    if (!note.isEmpty()) {
        c.ensure(RowHeight);
        c.text(QRectF(0, c.y(), c.width(), RowHeight), note, cellFont,
               Qt::AlignLeft | Qt::AlignVCenter, QColor(0x55, 0x55, 0x55));
        c.advance(RowHeight);
    }
    c.advance(14);
}

// Bars per group: received, and of them answered and overdue.
void barChart(Canvas &c, const QString &caption, const QList<ReportGroup> &groups, bool vertical,
              const QLocale &locale)
{
    const QFont captionFont = font(HeadingSize, true);
    const QFont labelFont = font(SmallSize);
    const double chartHeight = vertical ? 150 : 14.0 * double(groups.size()) + 4;
    c.ensure(18 + chartHeight + 20);
    c.text(QRectF(0, c.y(), c.width(), 16), caption, captionFont, Qt::AlignLeft | Qt::AlignVCenter);
    c.advance(18);
    int maximum = 1;
    for (const ReportGroup &g : groups)
        maximum = qMax(maximum, g.measures.received);
    const QColor received(0x9d, 0xb9, 0xe0), answered(0x2f, 0x5f, 0xa8), overdue(0xc0, 0x39, 0x2b);
    const double top = c.y();
    if (c.painting()) {
        QPainter *p = c.painter();
        p->setPen(Qt::NoPen);
        if (vertical) {
            const double left = 34, bottom = top + chartHeight - 16;
            const double plotWidth = c.width() - left;
            const double slot = plotWidth / qMax<qsizetype>(1, groups.size());
            // Axis with three ticks.
            for (int t = 0; t <= 2; ++t) {
                const double y = bottom - (bottom - top) * t / 2.0;
                p->setPen(QPen(QColor(0xaa, 0xaa, 0xaa), 0.5));
                p->drawLine(QPointF(left, y), QPointF(c.width(), y));
                c.text(QRectF(0, y - 6, left - 4, 12), locale.toString(maximum * t / 2), labelFont,
                       Qt::AlignRight | Qt::AlignVCenter);
            }
            p->setPen(Qt::NoPen);
            for (qsizetype i = 0; i < groups.size(); ++i) {
                const Measures &m = groups[i].measures;
                const double x = left + slot * double(i) + slot * 0.15;
                const double w = slot * 0.7;
                const auto bar = [&](int value, const QColor &color, double inset) {
                    const double h = (bottom - top) * value / maximum;
                    p->fillRect(QRectF(x + inset, bottom - h, w - 2 * inset, h), color);
                };
                bar(m.received, received, 0);
                bar(m.answered, answered, w * 0.2);
                bar(m.overdue, overdue, w * 0.35);
                if (groups.size() <= 16 || i % ((groups.size() + 15) / 16) == 0)
                    c.text(QRectF(x - slot * 0.3, bottom + 2, slot * 1.3, 12), groups[i].name,
                           labelFont, Qt::AlignHCenter | Qt::AlignTop);
            }
        } else {
            const double labelWidth = c.width() * 0.32;
            const double plotWidth = c.width() - labelWidth - 40;
            for (qsizetype i = 0; i < groups.size(); ++i) {
                const Measures &m = groups[i].measures;
                const double y = top + 14.0 * double(i);
                c.text(QRectF(0, y, labelWidth - 6, 12), groups[i].name, labelFont,
                       Qt::AlignRight | Qt::AlignVCenter);
                const auto bar = [&](int value, const QColor &color, double inset) {
                    p->fillRect(QRectF(labelWidth, y + 1 + inset, plotWidth * value / maximum,
                                       10 - 2 * inset),
                                color);
                };
                bar(m.received, received, 0);
                bar(m.answered, answered, 2);
                bar(m.overdue, overdue, 3.5);
                c.text(QRectF(labelWidth + plotWidth * m.received / maximum + 3, y, 40, 12),
                       locale.toString(m.received), labelFont, Qt::AlignLeft | Qt::AlignVCenter);
            }
        }
        // The legend.
        double x = vertical ? 34 : c.width() * 0.32;
        const double y = top + chartHeight + 2;
        for (const auto &[color, label] : {std::pair{received, ReportRenderer::tr("received")},
                                           std::pair{answered, ReportRenderer::tr("answered")},
                                           std::pair{overdue, ReportRenderer::tr("overdue")}}) {
            p->fillRect(QRectF(x, y + 3, 8, 8), color);
            c.text(QRectF(x + 11, y, 120, 14), label, labelFont, Qt::AlignLeft | Qt::AlignVCenter);
            x += 12 + QFontMetricsF(labelFont).horizontalAdvance(label) + 14;
        }
    }
    c.advance(chartHeight + 24);
}

// The report's parts one after another on a canvas: the title block, the
// summary, the charts, the breakdowns, the lists and the signature line.
class ReportLayout
{
public:
    ReportLayout(Canvas &canvas, const ReportData &data, const QLocale &locale,
                 const QStringList &title, const QList<MeasureColumn> &measures)
        : m_c(canvas)
        , m_data(data)
        , m_locale(locale)
        , m_title(title)
        , m_measures(measures)
    {}

    void layOut()
    {
        paintTitleBlock();
        paintSummary();
        paintCharts();
        paintBreakdowns();
        paintTopUnresolved();
        paintOverdue();
        paintSignature();
        m_c.finishPage();
    }

private:
    void paintTitleBlock()
    {
        m_c.text(QRectF(0, 0, m_c.width(), 22), m_title[0], font(TitleSize, true),
                 Qt::AlignLeft | Qt::AlignVCenter);
        m_c.advance(24);
        for (qsizetype i = 1; i < m_title.size(); ++i) {
            m_c.text(QRectF(0, m_c.y(), m_c.width(), 12), m_title[i], font(BodySize),
                     Qt::AlignLeft | Qt::AlignVCenter, QColor(0x33, 0x33, 0x33));
            m_c.advance(12);
        }
        m_c.advance(10);
    }

    // Two columns of measures.
    void paintSummary()
    {
        const QFont label = font(BodySize), value = font(BodySize, true);
        m_c.text(QRectF(0, m_c.y(), m_c.width(), 16), ReportRenderer::tr("Summary"),
                 font(HeadingSize, true), Qt::AlignLeft | Qt::AlignVCenter);
        m_c.advance(18);
        const qsizetype half = (m_measures.size() + 1) / 2;
        const double columnWidth = m_c.width() / 2;
        const double top = m_c.y();
        for (qsizetype i = 0; i < m_measures.size(); ++i) {
            const double x = i < half ? 0 : columnWidth;
            const double y = top + RowHeight * 1.15 * double(i < half ? i : i - half);
            m_c.text(QRectF(x, y, columnWidth * 0.7, RowHeight), m_measures[i].title, label,
                     Qt::AlignLeft | Qt::AlignVCenter);
            m_c.text(QRectF(x + columnWidth * 0.7, y, columnWidth * 0.25, RowHeight),
                     ReportExport::format(m_measures[i].value(m_data.summary), m_measures[i].kind,
                                          m_locale),
                     value, Qt::AlignRight | Qt::AlignVCenter);
        }
        m_c.advance(RowHeight * 1.15 * double(half) + 14);
    }

    // The trend, and the 15 categories with the most complaints.
    void paintCharts()
    {
        barChart(m_c,
                 m_data.trendByMonth ? ReportRenderer::tr("Received and answered by month")
                                     : ReportRenderer::tr("Received and answered by week"),
                 m_data.trend, true, m_locale);
        QList<ReportGroup> categories = m_data.byCategory;
        std::sort(categories.begin(), categories.end(), [](const auto &a, const auto &b) {
            return a.measures.received > b.measures.received;
        });
        barChart(m_c, ReportRenderer::tr("By category"), categories.mid(0, 15), false, m_locale);
    }

    void paintBreakdowns()
    {
        paintBreakdown(ReportRenderer::tr("By category"), ReportRenderer::tr("Category"),
                       m_data.byCategory);
        if (!m_data.parameters.agencyId)
            paintBreakdown(ReportRenderer::tr("By agency"), ReportRenderer::tr("Agency"),
                           m_data.byAgency);
        paintBreakdown(ReportRenderer::tr("By district"), ReportRenderer::tr("District"),
                       m_data.byDistrict);
        paintBreakdown(
            m_data.trendByMonth ? ReportRenderer::tr("By month") : ReportRenderer::tr("By week"),
            m_data.trendByMonth ? ReportRenderer::tr("Month") : ReportRenderer::tr("Week from"),
            m_data.trend);
    }

    // The measures a meeting looks at (all are in the spreadsheet), a group a row.
    void paintBreakdown(const QString &caption, const QString &what,
                        const QList<ReportGroup> &groups)
    {
        const QList<int> shown{0, 4, 5, 6, 7, 8, 12, 11}; // see ReportExport::measureColumns
        QList<Column> columns{{what, 2.6, Qt::AlignLeft}};
        for (const int i : shown)
            columns.append({m_measures[i].title, 1.0, Qt::AlignRight});
        QList<QStringList> rows;
        for (const ReportGroup &g : groups) {
            QStringList cells{g.name};
            for (const int i : shown)
                cells << ReportExport::format(m_measures[i].value(g.measures), m_measures[i].kind,
                                              m_locale);
            rows << cells;
        }
        table(m_c, caption, columns, rows);
    }

    void paintTopUnresolved()
    {
        QList<QStringList> top;
        for (const ReportComplaint &r : m_data.topUnresolved)
            top << complaintCells(r, {m_locale.toString(r.votes), m_locale.toString(r.ageDays)});
        table(m_c, ReportRenderer::tr("Top unresolved problems by votes"),
              complaintColumns(3.4, 2.4, 2.6,
                               {{ReportRenderer::tr("Votes"), 0.8, Qt::AlignRight},
                                {ReportRenderer::tr("Age, days"), 0.9, Qt::AlignRight}}),
              top);
    }

    // Up to MaxOverdueRows of them, with a note when there are more.
    void paintOverdue()
    {
        const QString more =
            m_data.overdue.size() > ReportRenderer::MaxOverdueRows
                ? ReportRenderer::tr(
                      "The %1 most overdue of %2 are listed; the CSV and XLSX exports list all.")
                      .arg(ReportRenderer::MaxOverdueRows)
                      .arg(m_data.overdue.size())
                : QString();
        table(m_c, ReportRenderer::tr("Overdue complaints"),
              complaintColumns(3.2, 2.2, 2.4,
                               {{ReportRenderer::tr("Answer due"), 1.1, Qt::AlignRight},
                                {ReportRenderer::tr("Answered"), 1.1, Qt::AlignRight},
                                {ReportRenderer::tr("Days overdue"), 0.9, Qt::AlignRight}}),
              overdueRows(), more);
    }

    QList<QStringList> overdueRows() const
    {
        QList<QStringList> rows;
        for (qsizetype i = 0; i < m_data.overdue.size() && i < ReportRenderer::MaxOverdueRows;
             ++i) {
            const ReportComplaint &r = m_data.overdue[i];
            rows << complaintCells(r, {m_locale.toString(r.dueDate, QLocale::ShortFormat),
                                       r.answeredOn.isValid()
                                           ? m_locale.toString(r.answeredOn, QLocale::ShortFormat)
                                           : ReportRenderer::tr("not yet"),
                                       m_locale.toString(r.daysOverdue)});
        }
        return rows;
    }

    // A complaint list's first columns: number, address, category and agency
    // (these three as shares of the width), then `more`.
    static QList<Column> complaintColumns(double address, double category, double agency,
                                          const QList<Column> &more)
    {
        return QList<Column>{{ReportRenderer::tr("No."), 0.8, Qt::AlignRight},
                             {ReportRenderer::tr("Address"), address, Qt::AlignLeft},
                             {ReportRenderer::tr("Category"), category, Qt::AlignLeft},
                             {ReportRenderer::tr("Agency"), agency, Qt::AlignLeft}} +
               more;
    }

    // The cells of those columns for the complaint, then `more`.
    static QStringList complaintCells(const ReportComplaint &r, const QStringList &more)
    {
        return QStringList{QString::number(r.id), r.address, r.category, r.agency} + more;
    }

    // Room for a signature.
    void paintSignature()
    {
        m_c.ensure(60);
        m_c.advance(24);
        m_c.text(
            QRectF(0, m_c.y(), m_c.width(), 14),
            ReportRenderer::tr("Responsible: ______________________ / ______________________ /     "
                               "Date: ______________"),
            font(BodySize), Qt::AlignLeft | Qt::AlignVCenter);
        m_c.advance(14);
        m_c.text(QRectF(0, m_c.y(), m_c.width(), 12), ReportRenderer::tr("signature, name"),
                 font(SmallSize), Qt::AlignLeft | Qt::AlignVCenter, QColor(0x55, 0x55, 0x55));
        m_c.advance(12);
    }

    Canvas &m_c;
    const ReportData &m_data;
    const QLocale &m_locale;
    const QStringList &m_title;
    const QList<MeasureColumn> &m_measures;
};

} // namespace

ReportRenderer::ReportRenderer(const ReportData &data, const QLocale &locale)
    : m_data(data)
    , m_locale(locale)
{}

int ReportRenderer::render(QPagedPaintDevice *device, const std::atomic<bool> *cancel) const
{
    const QRectF area = device->pageLayout().paintRect(QPageLayout::Point);
    const QSizeF page = area.size();
    const QStringList title = ReportExport::titleLines(m_data, m_locale);
    const QString footerLeft = title.first();
    const QList<MeasureColumn> measures = ReportExport::measureColumns();

    Canvas count(nullptr, device, page, 0, footerLeft);
    ReportLayout(count, m_data, m_locale, title, measures).layOut();
    const int total = count.pages();
    if (cancel && cancel->load())
        return 0;
    QPainter painter;
    if (!painter.begin(device))
        return 0;
    const double scale = double(device->logicalDpiX()) / 72.0;
    painter.scale(scale, double(device->logicalDpiY()) / 72.0);
    painter.setRenderHint(QPainter::Antialiasing);
    Canvas paint(&painter, device, page, total, footerLeft);
    ReportLayout(paint, m_data, m_locale, title, measures).layOut();
    painter.end();
    return total;
}

Parsed<Done> ReportRenderer::writePdf(const ReportData &data, const QString &path,
                                      QPageLayout::Orientation orientation, const QLocale &locale,
                                      const std::atomic<bool> *cancel)
{
    const QString partial = path + QStringLiteral(".part");
    int pages = 0;
    {
        QPdfWriter writer(partial);
        writer.setPdfVersion(QPagedPaintDevice::PdfVersion_1_6);
        writer.setTitle(ReportExport::titleLines(data, locale).first());
        writer.setCreator(QStringLiteral("RegionDesk"));
        writer.setResolution(300);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), orientation,
                                         QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter));
        pages = ReportRenderer(data, locale).render(&writer, cancel);
    }
    if (pages == 0) {
        QFile::remove(partial);
        return failed(cancel && cancel->load() ? tr("Cancelled.")
                                               : tr("%1 cannot be written.").arg(path));
    }
    return ReportExport::moveIntoPlace(partial, path);
}

} // namespace rd
