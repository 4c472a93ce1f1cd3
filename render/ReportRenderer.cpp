#include "ReportRenderer.h"

#include "report/ReportExport.h"

#include <QFile>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

namespace rd {

namespace {

constexpr double BodySize = 8.0;
constexpr double TitleSize = 15.0;

using E = ReportExport;

// The report's parts one after another on a canvas: the title block, the
// two views' summaries, the charts, the breakdowns, the lists and the
// signature line. Every heading says which view it belongs to.
class ReportLayout
{
public:
    ReportLayout(Canvas &canvas, const ReportData &data, const QLocale &locale,
                 const QStringList &title)
        : m_c(canvas)
        , m_data(data)
        , m_locale(locale)
        , m_title(title)
        , m_measures(E::measureColumns())
        , m_standing(E::standingColumns())
        , m_received(E::receivedCaption(data, locale))
        , m_atEnd(E::standingCaption(data, locale))
    {}

    void layOut()
    {
        paintTitleBlock();
        paintSummaries();
        paintCharts();
        paintBreakdowns();
        paintStanding();
        paintTopUnresolved();
        paintOverdue();
        paintSignature();
        m_c.finishPage();
    }

private:
    void paintTitleBlock()
    {
        m_c.advance(m_c.text(0, 0, m_c.width(), m_title[0], textfit::font(TitleSize, true),
                             Qt::AlignLeft, QStringLiteral("title"), 3) +
                    4);
        for (qsizetype i = 1; i < m_title.size(); ++i)
            m_c.advance(m_c.text(0, m_c.y(), m_c.width(), m_title[i], textfit::font(BodySize),
                                 Qt::AlignLeft, QStringLiteral("title"), 3,
                                 QColor(0x33, 0x33, 0x33)) +
                        1);
        m_c.advance(10);
    }

    // Label and value pairs in two columns, top to bottom then the next column.
    void pairs(const QList<std::pair<QString, QString>> &items)
    {
        const QFont label = textfit::font(BodySize), value = textfit::font(BodySize, true);
        const qsizetype half = (items.size() + 1) / 2;
        const double columnWidth = m_c.width() / 2;
        const double top = m_c.y();
        double bottom = top;
        double y = top;
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (i == half)
                y = top;
            const double x = i < half ? 0 : columnWidth;
            const textfit::Fitted name =
                textfit::fit(items[i].first, label, columnWidth * 0.7 - 4, 2);
            const textfit::Fitted number =
                textfit::fit(items[i].second, value, columnWidth * 0.25, 1);
            const double h = std::max(name.height(), number.height()) + 2;
            m_c.draw(x, y, columnWidth * 0.7 - 4, h, name, items[i].first, Qt::AlignLeft,
                     QStringLiteral("label"));
            m_c.draw(x + columnWidth * 0.7, y, columnWidth * 0.25, h, number, items[i].second,
                     Qt::AlignRight, QStringLiteral("label"));
            y += h;
            bottom = std::max(bottom, y);
        }
        m_c.advance(bottom - top + 12);
    }

    void paintSummaries()
    {
        QList<std::pair<QString, QString>> received;
        for (const MeasureColumn &m : m_measures)
            received.append({m.title, E::format(m.value(m_data.summary), m.kind, m_locale)});
        heading(m_c, m_received);
        pairs(received);
        QList<std::pair<QString, QString>> standing;
        for (const StandingColumn &m : m_standing)
            standing.append({m.title, m_locale.toString(m.value(m_data.standing))});
        heading(m_c, m_atEnd);
        pairs(standing);
    }

    // The trend, and the 15 categories with the most complaints.
    void paintCharts()
    {
        QStringList labels;
        for (const ReportGroup &g : m_data.trend)
            labels << E::groupName(g, m_data.trendByMonth, m_locale, !m_data.trendByMonth);
        barChart(
            m_c,
            E::partCaption(m_received, m_data.trendByMonth
                                           ? ReportRenderer::tr("received and answered by month")
                                           : ReportRenderer::tr("received and answered by week")),
            m_data.trend, labels, true, m_locale);
        QList<ReportGroup> categories = m_data.byCategory;
        std::stable_sort(categories.begin(), categories.end(), [](const auto &a, const auto &b) {
            return a.measures.received > b.measures.received;
        });
        barChart(m_c,
                 E::partCaption(m_received,
                                ReportRenderer::tr("the categories with the most complaints")),
                 categories.mid(0, 15), {}, false, m_locale);
    }

    void paintBreakdowns()
    {
        paintBreakdown(ReportRenderer::tr("by category"), ReportRenderer::tr("Category"),
                       m_data.byCategory);
        if (!m_data.parameters.agencyId)
            paintBreakdown(ReportRenderer::tr("by agency"), ReportRenderer::tr("Agency"),
                           m_data.byAgency);
        paintBreakdown(ReportRenderer::tr("by district"), ReportRenderer::tr("District"),
                       m_data.byDistrict);
        QList<ReportGroup> trend = m_data.trend;
        for (ReportGroup &g : trend)
            g.name = E::groupName(g, m_data.trendByMonth, m_locale);
        paintBreakdown(
            m_data.trendByMonth ? ReportRenderer::tr("by month") : ReportRenderer::tr("by week"),
            m_data.trendByMonth ? ReportRenderer::tr("Month") : ReportRenderer::tr("Week from"),
            trend);
    }

    // The measures a meeting looks at (all are in the spreadsheet), a group a row.
    void paintBreakdown(const QString &part, const QString &what, const QList<ReportGroup> &groups)
    {
        const QList<int> shown{0, 4, 5, 6, 7, 8, 12, 11}; // see ReportExport::measureColumns
        QList<Column> columns{{what, 2.6, Qt::AlignLeft}};
        for (const int i : shown)
            columns.append({m_measures[i].title, 1.0, Qt::AlignRight});
        QList<QStringList> rows;
        for (const ReportGroup &g : groups) {
            QStringList cells{g.name};
            for (const int i : shown)
                cells << E::format(m_measures[i].value(g.measures), m_measures[i].kind, m_locale);
            rows << cells;
        }
        table(m_c, E::partCaption(m_received, part), columns, rows);
    }

    // At the end of the period: every measure, by agency (for a report on
    // all of them) and by category.
    void paintStanding()
    {
        const auto part = [&](const QString &name, const QString &what,
                              const QList<StandingGroup> &groups) {
            QList<Column> columns{{what, 2.4, Qt::AlignLeft}};
            QStringList headings{QString()};
            for (const StandingColumn &s : m_standing) {
                columns.append({s.shortTitle, 1.0, Qt::AlignRight});
                headings << s.group;
            }
            QList<QStringList> rows;
            for (const StandingGroup &g : groups) {
                QStringList cells{g.name};
                for (const StandingColumn &s : m_standing)
                    cells << m_locale.toString(s.value(g.measures));
                rows << cells;
            }
            table(m_c, E::partCaption(m_atEnd, name), columns, rows, {}, headings);
        };
        if (!m_data.parameters.agencyId)
            part(ReportRenderer::tr("by agency"), ReportRenderer::tr("Agency"),
                 m_data.standingByAgency);
        part(ReportRenderer::tr("by category"), ReportRenderer::tr("Category"),
             m_data.standingByCategory);
    }

    void paintTopUnresolved()
    {
        QList<QStringList> top;
        for (const ReportComplaint &r : m_data.topUnresolved)
            top << complaintCells(r, {m_locale.toString(r.votes), m_locale.toString(r.ageDays)});
        table(m_c, E::partCaption(m_atEnd, ReportRenderer::tr("unresolved, the most votes")),
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
        table(m_c, E::partCaption(m_atEnd, ReportRenderer::tr("overdue complaints")),
              complaintColumns(3.0, 2.2, 2.6,
                               {{ReportRenderer::tr("Answer due"), 1.2, Qt::AlignRight},
                                {ReportRenderer::tr("Days overdue"), 1.0, Qt::AlignRight},
                                {ReportRenderer::tr("Answered later"), 1.2, Qt::AlignRight}}),
              overdueRows(), more);
    }

    QList<QStringList> overdueRows() const
    {
        QList<QStringList> rows;
        for (qsizetype i = 0; i < m_data.overdue.size() && i < ReportRenderer::MaxOverdueRows;
             ++i) {
            const ReportComplaint &r = m_data.overdue[i];
            rows << complaintCells(r,
                                   {E::date(r.dueDate, m_locale), m_locale.toString(r.daysOverdue),
                                    r.answeredOn.isValid() ? E::date(r.answeredOn, m_locale)
                                                           : ReportRenderer::tr("not yet")});
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
        m_c.advance(m_c.text(
            0, m_c.y(), m_c.width(),
            ReportRenderer::tr("Responsible: ______________________ / ______________________ /     "
                               "Date: ______________"),
            textfit::font(BodySize), Qt::AlignLeft, QStringLiteral("label"), 2));
        m_c.advance(m_c.text(0, m_c.y(), m_c.width(), ReportRenderer::tr("signature, name"),
                             textfit::font(7.0), Qt::AlignLeft, QStringLiteral("label"), 2,
                             QColor(0x55, 0x55, 0x55)));
    }

    Canvas &m_c;
    const ReportData &m_data;
    const QLocale &m_locale;
    const QStringList &m_title;
    const QList<MeasureColumn> m_measures;
    const QList<StandingColumn> m_standing;
    const QString m_received;
    const QString m_atEnd;
};

} // namespace

ReportRenderer::ReportRenderer(const ReportData &data, const QLocale &locale)
    : m_data(data)
    , m_locale(locale)
{}

QList<PlacedText> ReportRenderer::layOut(const QSizeF &size) const
{
    const textfit::Session measures;
    const QStringList title = ReportExport::titleLines(m_data, m_locale);
    QList<PlacedText> placed;
    Canvas count(nullptr, nullptr, size, 0, title.first(), &placed);
    ReportLayout(count, m_data, m_locale, title).layOut();
    return placed;
}

int ReportRenderer::render(QPagedPaintDevice *device, const std::atomic<bool> *cancel) const
{
    const textfit::Session measures; // both passes measure the same texts
    const QRectF area = device->pageLayout().paintRect(QPageLayout::Point);
    const QSizeF page = area.size();
    const QStringList title = ReportExport::titleLines(m_data, m_locale);
    const QString footerLeft = title.first();

    Canvas count(nullptr, device, page, 0, footerLeft);
    ReportLayout(count, m_data, m_locale, title).layOut();
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
    ReportLayout(paint, m_data, m_locale, title).layOut();
    painter.end();
    return total;
}

Parsed<Done> ReportRenderer::writePdf(const ReportData &data, const QString &path,
                                      QPageLayout::Orientation orientation, const QLocale &locale,
                                      const std::atomic<bool> *cancel)
{
    const QString partial = path + QStringLiteral(".part");
    // QPdfWriter cannot say why a file cannot be made (QPainter::begin()
    // just fails, on the console): try it first, for a message that can.
    {
        QFile probe(partial);
        if (!probe.open(QIODevice::WriteOnly))
            return failed(tr("%1 cannot be written: %2").arg(path, probe.errorString()));
    }
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
