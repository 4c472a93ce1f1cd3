#pragma once

#include "Parsed.h"
#include "Report.h"

#include <QCoreApplication>
#include <QLocale>
#include <QVariant>

#include <functional>

namespace rd {

// One measure as a column of the report's tables (printed, CSV, XLSX alike).
struct MeasureColumn
{
    QString title;
    // An int, a double (days, one decimal) or a share 0…1 (kind Share);
    // an invalid QVariant when there is nothing to show.
    std::function<QVariant(const Measures &)> value;
    enum Kind
    {
        Count,
        Days,
        Share
    } kind = Count;
};

class ReportExport
{
    Q_DECLARE_TR_FUNCTIONS(ReportExport)

public:
    static QList<MeasureColumn> measureColumns();
    // The title block's lines: what, whose, which period, when and by whom.
    static QStringList titleLines(const ReportData &data, const QLocale &locale);
    // A value as the printed report and the CSV show it, in the locale.
    static QString format(const QVariant &value, MeasureColumn::Kind kind, const QLocale &locale);

    // ';' where the decimal separator is a comma (Excel reads CSV with the
    // system's list separator), ',' elsewhere.
    static QChar csvSeparator(const QLocale &locale);
    // UTF-8 with a BOM (Excel on Windows needs it for Cyrillic). Empty on
    // success, else the reason; a failed write leaves no partial file.
    static Parsed<Done> writeCsv(const ReportData &data, const QString &path,
                                 const QLocale &locale);
    // An XLSX workbook: a sheet per part, numbers as numbers.
    static Parsed<Done> writeXlsx(const ReportData &data, const QString &path,
                                  const QLocale &locale);

    // The outputs are written to `partial` beside `path`, then moved here
    // into place: done, or the reason (`partial` removed).
    static Parsed<Done> moveIntoPlace(const QString &partial, const QString &path);
};

} // namespace rd
