#pragma once

#include "Parsed.h"
#include "ReportCanvas.h"
#include "report/Report.h"

#include <QCoreApplication>
#include <QLocale>
#include <QPageLayout>

#include <atomic>

class QPagedPaintDevice;

namespace rd {

// Lays out and paints a report on pages (a printer, or a PDF): the title
// block, the summary, charts (drawn with the painter, so vector in print),
// the breakdowns and lists as tables that break across pages with their
// header repeated, "page N of M" and a signature line. The same code paints
// the print preview, the printout and the PDF.
class ReportRenderer
{
    Q_DECLARE_TR_FUNCTIONS(ReportRenderer)

public:
    // The printed overdue list stops here (with a note); the CSV and XLSX
    // have all of them.
    static constexpr int MaxOverdueRows = 500;

    ReportRenderer(const ReportData &data, const QLocale &locale);

    // Paints every page; returns how many, or 0 if cancelled or the device
    // cannot be painted on.
    int render(QPagedPaintDevice *device, const std::atomic<bool> *cancel = nullptr) const;

    // The pages of `size` (points) laid out without painting: every line of
    // text as it would be placed, for checks that nothing is cut or elided.
    QList<PlacedText> layOut(const QSizeF &size) const;

    // A PDF on A4 in the orientation (text selectable, fonts embedded).
    // Done, or the reason; a failure leaves no file.
    static Parsed<Done> writePdf(const ReportData &data, const QString &path,
                                 QPageLayout::Orientation orientation, const QLocale &locale,
                                 const std::atomic<bool> *cancel = nullptr);

private:
    const ReportData &m_data;
    QLocale m_locale;
};

} // namespace rd
