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

// One "at the end of the period" measure as a column (printed, CSV, XLSX).
struct StandingColumn
{
    QString title;
    std::function<int(const StandingMeasures &)> value;
    // A printed table's narrower title under a heading of its group (the
    // overdue by how long: "all", "1–7", …, under "Overdue, days past the
    // due date"); the title itself where there is no group.
    QString shortTitle;
    QString group;
};

class ReportExport
{
    Q_DECLARE_TR_FUNCTIONS(ReportExport)

public:
    static QList<MeasureColumn> measureColumns();
    static QList<StandingColumn> standingColumns();
    // The title block's lines: what, whose, which period, when and by whom.
    static QStringList titleLines(const ReportData &data, const QLocale &locale);
    // A value as the printed report and the CSV show it, in the locale.
    static QString format(const QVariant &value, MeasureColumn::Kind kind, const QLocale &locale);

    // Dates as every output writes them: 24.01.2026 in Russian, 24 Jan 2026
    // in English (never the ambiguous US short form); `brief` leaves the
    // year out (a chart's axis, under a caption that names the period).
    static QString date(const QDate &day, const QLocale &locale, bool brief = false);
    // The format date() writes with (for a date field to show the same).
    static QString dateFormat(const QLocale &locale, bool brief = false);
    // A moment in `zone`, the zone named: "24.01.2026 10:57 (Asia/Omsk, UTC+06:00)".
    static QString dateTime(const QDateTime &moment, const QTimeZone &zone, const QLocale &locale);
    // A group's name as shown: a trend row's week (from its Monday) or month
    // in the locale; the others' names as they are.
    static QString groupName(const ReportGroup &group, bool byMonth, const QLocale &locale,
                             bool brief = false);
    // What the two views' tables are headed with: "Received in the period
    // 01.11.2026 – 30.11.2026" and "At the end of the period, 30.11.2026" (or
    // today's, while the period has not ended).
    static QString receivedCaption(const ReportData &data, const QLocale &locale);
    static QString standingCaption(const ReportData &data, const QLocale &locale);
    // "<view>: <part>", e.g. "Received in the period …: by category".
    static QString partCaption(const QString &view, const QString &part);

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
