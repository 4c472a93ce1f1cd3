#include "ReportExport.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <xlsxwriter.h>

#include <cmath>

namespace rd {

QChar ReportExport::csvSeparator(const QLocale &locale)
{
    return locale.decimalPoint() == QStringLiteral(",") ? QLatin1Char(';') : QLatin1Char(',');
}

namespace {

// One breakdown as the CSV and the workbook list it.
struct Breakdown
{
    QString caption; // the view and the part: "Received in the period …: by category"
    QString sheet;   // the workbook's sheet (at most 31 characters)
    QString what;    // what a row is
    QList<ReportGroup> groups;
};

// The four breakdowns of "received in the period".
QList<Breakdown> breakdowns(const ReportData &data, const QLocale &locale)
{
    using E = ReportExport;
    const QString view = E::receivedCaption(data, locale);
    QList<ReportGroup> trend = data.trend;
    for (ReportGroup &g : trend)
        g.name = E::groupName(g, data.trendByMonth, locale);
    return {
        {E::partCaption(view, ReportExport::tr("by category")),
         ReportExport::tr("Received by category"), ReportExport::tr("Category"), data.byCategory},
        {E::partCaption(view, ReportExport::tr("by agency")),
         ReportExport::tr("Received by agency"), ReportExport::tr("Agency"), data.byAgency},
        {E::partCaption(view, ReportExport::tr("by district")),
         ReportExport::tr("Received by district"), ReportExport::tr("District"), data.byDistrict},
        data.trendByMonth
            ? Breakdown{E::partCaption(view, ReportExport::tr("by month")),
                        ReportExport::tr("Received by month"), ReportExport::tr("Month"), trend}
            : Breakdown{E::partCaption(view, ReportExport::tr("by week")),
                        ReportExport::tr("Received by week"), ReportExport::tr("Week from"), trend},
    };
}

// The two breakdowns of "at the end of the period".
struct StandingBreakdown
{
    QString caption;
    QString sheet;
    QString what;
    QList<StandingGroup> groups;
};

QList<StandingBreakdown> standingBreakdowns(const ReportData &data, const QLocale &locale)
{
    using E = ReportExport;
    const QString view = E::standingCaption(data, locale);
    return {
        {E::partCaption(view, ReportExport::tr("by agency")),
         ReportExport::tr("At the end, by agency"), ReportExport::tr("Agency"),
         data.standingByAgency},
        {E::partCaption(view, ReportExport::tr("by category")),
         ReportExport::tr("At the end, by category"), ReportExport::tr("Category"),
         data.standingByCategory},
    };
}

QString topUnresolvedCaption(const ReportData &data, const QLocale &locale)
{
    return ReportExport::partCaption(ReportExport::standingCaption(data, locale),
                                     ReportExport::tr("unresolved, the most votes"));
}

QString overdueCaption(const ReportData &data, const QLocale &locale)
{
    return ReportExport::partCaption(ReportExport::standingCaption(data, locale),
                                     ReportExport::tr("overdue complaints"));
}

QStringList topUnresolvedHeader()
{
    return {ReportExport::tr("No."),    ReportExport::tr("Address"), ReportExport::tr("Category"),
            ReportExport::tr("Agency"), ReportExport::tr("Votes"),   ReportExport::tr("Age, days")};
}

QStringList overdueHeader()
{
    return {ReportExport::tr("No."),           ReportExport::tr("Address"),
            ReportExport::tr("Category"),      ReportExport::tr("Agency"),
            ReportExport::tr("Answer due"),    ReportExport::tr("Days overdue"),
            ReportExport::tr("Answered later")};
}

class CsvWriter
{
public:
    CsvWriter(QChar separator, const QLocale &locale)
        : m_separator(separator)
        , m_locale(locale)
    {}

    void row(const QStringList &cells)
    {
        QStringList quoted;
        for (const QString &cell : cells) {
            if (cell.contains(m_separator) || cell.contains(QLatin1Char('"')) ||
                cell.contains(QLatin1Char('\n')) || cell.contains(QLatin1Char('\r'))) {
                QString escaped = cell;
                escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
                quoted << QLatin1Char('"') + escaped + QLatin1Char('"');
            } else {
                quoted << cell;
            }
        }
        m_text += quoted.join(m_separator) + QStringLiteral("\r\n");
    }
    void blank() { m_text += QStringLiteral("\r\n"); }
    // A number as Excel reads it in this locale (no group separators).
    QString number(const QVariant &value, MeasureColumn::Kind kind) const
    {
        if (!value.isValid())
            return {};
        switch (kind) {
        case MeasureColumn::Count:
            return QString::number(value.toInt());
        case MeasureColumn::Days:
            return numberText(value.toDouble(), 1);
        case MeasureColumn::Share:
            return numberText(value.toDouble() * 100.0, 1);
        }
        return {};
    }
    QString date(const QDate &day) const { return ReportExport::date(day, m_locale); }
    const QString &text() const { return m_text; }

private:
    QString numberText(double value, int decimals) const
    {
        QString text = QString::number(value, 'f', decimals);
        if (m_locale.decimalPoint() != QStringLiteral("."))
            text.replace(QLatin1Char('.'), m_locale.decimalPoint());
        return text;
    }

    QChar m_separator;
    QLocale m_locale;
    QString m_text;
};

// A view's summary: its caption, then a measure a row.
void csvSummary(CsvWriter &csv, const ReportData &data, const QLocale &locale)
{
    csv.row({ReportExport::receivedCaption(data, locale)});
    csv.row({ReportExport::tr("Measure"), ReportExport::tr("Value")});
    for (const MeasureColumn &c : ReportExport::measureColumns()) {
        QString title = c.title;
        if (c.kind == MeasureColumn::Share)
            title += QStringLiteral(", %");
        csv.row({title, csv.number(c.value(data.summary), c.kind)});
    }
    csv.blank();
    csv.row({ReportExport::standingCaption(data, locale)});
    csv.row({ReportExport::tr("Measure"), ReportExport::tr("Value")});
    for (const StandingColumn &c : ReportExport::standingColumns())
        csv.row({c.title, QString::number(c.value(data.standing))});
}

void csvBreakdowns(CsvWriter &csv, const ReportData &data, const QLocale &locale)
{
    const QList<MeasureColumn> columns = ReportExport::measureColumns();
    for (const Breakdown &part : breakdowns(data, locale)) {
        csv.blank();
        csv.row({part.caption});
        QStringList header{part.what};
        for (const MeasureColumn &c : columns)
            header << (c.kind == MeasureColumn::Share ? c.title + QStringLiteral(", %") : c.title);
        csv.row(header);
        for (const ReportGroup &g : part.groups) {
            QStringList cells{g.name};
            for (const MeasureColumn &c : columns)
                cells << csv.number(c.value(g.measures), c.kind);
            csv.row(cells);
        }
    }
    const QList<StandingColumn> standing = ReportExport::standingColumns();
    for (const StandingBreakdown &part : standingBreakdowns(data, locale)) {
        csv.blank();
        csv.row({part.caption});
        QStringList header{part.what};
        for (const StandingColumn &c : standing)
            header << c.title;
        csv.row(header);
        for (const StandingGroup &g : part.groups) {
            QStringList cells{g.name};
            for (const StandingColumn &c : standing)
                cells << QString::number(c.value(g.measures));
            csv.row(cells);
        }
    }
}

void csvLists(CsvWriter &csv, const ReportData &data, const QLocale &locale)
{
    csv.blank();
    csv.row({topUnresolvedCaption(data, locale)});
    csv.row(topUnresolvedHeader());
    for (const ReportComplaint &c : data.topUnresolved)
        csv.row({QString::number(c.id), c.address, c.category, c.agency, QString::number(c.votes),
                 QString::number(c.ageDays)});
    csv.blank();
    csv.row({overdueCaption(data, locale)});
    csv.row(overdueHeader());
    for (const ReportComplaint &c : data.overdue)
        csv.row({QString::number(c.id), c.address, c.category, c.agency, csv.date(c.dueDate),
                 QString::number(c.daysOverdue), csv.date(c.answeredOn)});
}

} // namespace

Parsed<Done> ReportExport::writeCsv(const ReportData &data, const QString &path,
                                    const QLocale &locale)
{
    CsvWriter csv(csvSeparator(locale), locale);
    for (const QString &line : titleLines(data, locale))
        csv.row({line});
    csv.blank();
    csvSummary(csv, data, locale);
    csvBreakdowns(csv, data, locale);
    csvLists(csv, data, locale);

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return failed(tr("%1 cannot be written: %2").arg(path, file.errorString()));
    file.write("\xEF\xBB\xBF");
    file.write(csv.text().toUtf8());
    if (!file.commit())
        return failed(tr("%1 cannot be written: %2").arg(path, file.errorString()));
    return succeeded();
}

namespace {

// libxlsxwriter wants UTF-8 C strings that live until the call returns.
class Sheet
{
public:
    Sheet(lxw_workbook *book, lxw_worksheet *sheet, lxw_format *bold, lxw_format *days,
          lxw_format *share, lxw_format *date)
        : m_book(book)
        , m_sheet(sheet)
        , m_bold(bold)
        , m_days(days)
        , m_share(share)
        , m_date(date)
    {
        Q_UNUSED(m_book)
    }
    void text(int row, int column, const QString &value, bool bold = false)
    {
        check(worksheet_write_string(m_sheet, lxw_row_t(row), lxw_col_t(column),
                                     value.toUtf8().constData(), bold ? m_bold : nullptr));
    }
    void number(int row, int column, const QVariant &value, MeasureColumn::Kind kind)
    {
        if (!value.isValid())
            return; // an empty cell: nothing to show
        lxw_format *format = kind == MeasureColumn::Days    ? m_days
                             : kind == MeasureColumn::Share ? m_share
                                                            : nullptr;
        check(worksheet_write_number(m_sheet, lxw_row_t(row), lxw_col_t(column), value.toDouble(),
                                     format));
    }
    void date(int row, int column, const QDate &day)
    {
        if (!day.isValid())
            return;
        lxw_datetime when{day.year(), day.month(), day.day(), 0, 0, 0.0};
        check(worksheet_write_datetime(m_sheet, lxw_row_t(row), lxw_col_t(column), &when, m_date));
    }
    void width(int column, double characters)
    {
        worksheet_set_column(m_sheet, lxw_col_t(column), lxw_col_t(column), characters, nullptr);
    }
    lxw_error error() const { return m_error; }

private:
    void check(lxw_error error)
    {
        if (error != LXW_NO_ERROR && m_error == LXW_NO_ERROR)
            m_error = error;
    }
    lxw_workbook *m_book;
    lxw_worksheet *m_sheet;
    lxw_format *m_bold;
    lxw_format *m_days;
    lxw_format *m_share;
    lxw_format *m_date;
    lxw_error m_error = LXW_NO_ERROR;
};

// A file name as libxlsxwriter's workbook_new() takes it. On Windows it is
// UTF-8, which libxlsxwriter turns into UTF-16 itself (MultiByteToWideChar,
// CP_UTF8, then _wfopen and minizip's wide functions); QFile::encodeName
// would give the ANSI code page there, and a folder named in Cyrillic
// letters could not be opened. Elsewhere it is the local 8-bit encoding, as
// for every POSIX call.
QByteArray xlsxFileName(const QString &file)
{
#ifdef Q_OS_WIN
    return QDir::toNativeSeparators(file).toUtf8();
#else
    return QFile::encodeName(file);
#endif
}

// The workbook being written with its cell formats; keeps the first error of
// its sheets.
class Workbook
{
public:
    Workbook(const QString &file, const QLocale &locale)
        : m_book(workbook_new(xlsxFileName(file).constData()))
    {
        if (!m_book)
            return;
        m_bold = workbook_add_format(m_book);
        format_set_bold(m_bold);
        m_days = workbook_add_format(m_book);
        format_set_num_format(m_days, "0.0");
        m_share = workbook_add_format(m_book);
        format_set_num_format(m_share, "0.0%");
        m_date = workbook_add_format(m_book);
        // As ReportExport::date writes them.
        format_set_num_format(m_date,
                              locale.language() == QLocale::English ? "d mmm yyyy" : "dd.mm.yyyy");
    }

    bool isOpen() const { return m_book != nullptr; }
    Sheet sheet(const QString &name)
    {
        // Sheet names: at most 31 characters, none of []:*?/\ (ours have none).
        return Sheet(m_book, workbook_add_worksheet(m_book, name.left(31).toUtf8().constData()),
                     m_bold, m_days, m_share, m_date);
    }
    // A finished sheet: its error, if the first.
    void keep(const Sheet &s)
    {
        if (m_error == LXW_NO_ERROR)
            m_error = s.error();
    }
    // Writes the file: the first error of the sheets, else the closing's.
    lxw_error close()
    {
        const lxw_error closed = workbook_close(m_book);
        if (m_error == LXW_NO_ERROR)
            m_error = closed;
        return m_error;
    }

private:
    lxw_workbook *m_book;
    lxw_format *m_bold = nullptr;
    lxw_format *m_days = nullptr;
    lxw_format *m_share = nullptr;
    lxw_format *m_date = nullptr;
    lxw_error m_error = LXW_NO_ERROR;
};

// The title block, then each view's measures under its caption.
void writeSummarySheet(Workbook &book, const ReportData &data, const QLocale &locale)
{
    Sheet summary = book.sheet(ReportExport::tr("Summary"));
    int row = 0;
    for (const QString &line : ReportExport::titleLines(data, locale)) {
        summary.text(row, 0, line, row == 0);
        ++row;
    }
    const auto header = [&](const QString &caption) {
        ++row;
        summary.text(row++, 0, caption, true);
        summary.text(row, 0, ReportExport::tr("Measure"), true);
        summary.text(row++, 1, ReportExport::tr("Value"), true);
    };
    header(ReportExport::receivedCaption(data, locale));
    for (const MeasureColumn &c : ReportExport::measureColumns()) {
        summary.text(row, 0, c.title);
        summary.number(row++, 1, c.value(data.summary), c.kind);
    }
    header(ReportExport::standingCaption(data, locale));
    for (const StandingColumn &c : ReportExport::standingColumns()) {
        summary.text(row, 0, c.title);
        summary.number(row++, 1, c.value(data.standing), MeasureColumn::Count);
    }
    summary.width(0, 40);
    book.keep(summary);
}

// The caption in the first row (which view, which part), the header in the
// second.
void writeHeaderRows(Sheet &sheet, const QString &caption, const QStringList &header)
{
    sheet.text(0, 0, caption, true);
    for (qsizetype i = 0; i < header.size(); ++i)
        sheet.text(1, int(i), header[i], true);
}

// A group a row, a measure a column.
void writeBreakdownSheet(Workbook &book, const Breakdown &part)
{
    const QList<MeasureColumn> columns = ReportExport::measureColumns();
    Sheet s = book.sheet(part.sheet);
    QStringList header{part.what};
    for (const MeasureColumn &c : columns)
        header << c.title;
    writeHeaderRows(s, part.caption, header);
    int r = 2;
    for (const ReportGroup &g : part.groups) {
        s.text(r, 0, g.name);
        for (qsizetype i = 0; i < columns.size(); ++i)
            s.number(r, int(i) + 1, columns[i].value(g.measures), columns[i].kind);
        ++r;
    }
    s.width(0, 36);
    book.keep(s);
}

void writeStandingSheet(Workbook &book, const StandingBreakdown &part)
{
    const QList<StandingColumn> columns = ReportExport::standingColumns();
    Sheet s = book.sheet(part.sheet);
    QStringList header{part.what};
    for (const StandingColumn &c : columns)
        header << c.title;
    writeHeaderRows(s, part.caption, header);
    int r = 2;
    for (const StandingGroup &g : part.groups) {
        s.text(r, 0, g.name);
        for (qsizetype i = 0; i < columns.size(); ++i)
            s.number(r, int(i) + 1, columns[i].value(g.measures), MeasureColumn::Count);
        ++r;
    }
    s.width(0, 36);
    book.keep(s);
}

void writeTopUnresolvedSheet(Workbook &book, const ReportData &data, const QLocale &locale)
{
    Sheet top = book.sheet(ReportExport::tr("Top unresolved"));
    writeHeaderRows(top, topUnresolvedCaption(data, locale), topUnresolvedHeader());
    int row = 2;
    for (const ReportComplaint &c : data.topUnresolved) {
        top.number(row, 0, c.id, MeasureColumn::Count);
        top.text(row, 1, c.address);
        top.text(row, 2, c.category);
        top.text(row, 3, c.agency);
        top.number(row, 4, c.votes, MeasureColumn::Count);
        top.number(row++, 5, c.ageDays, MeasureColumn::Count);
    }
    top.width(1, 40);
    book.keep(top);
}

void writeOverdueSheet(Workbook &book, const ReportData &data, const QLocale &locale)
{
    Sheet overdue = book.sheet(ReportExport::tr("Overdue"));
    writeHeaderRows(overdue, overdueCaption(data, locale), overdueHeader());
    int row = 2;
    for (const ReportComplaint &c : data.overdue) {
        overdue.number(row, 0, c.id, MeasureColumn::Count);
        overdue.text(row, 1, c.address);
        overdue.text(row, 2, c.category);
        overdue.text(row, 3, c.agency);
        overdue.date(row, 4, c.dueDate);
        overdue.number(row, 5, c.daysOverdue, MeasureColumn::Count);
        overdue.date(row++, 6, c.answeredOn);
    }
    overdue.width(1, 40);
    overdue.width(4, 12);
    overdue.width(6, 12);
    book.keep(overdue);
}

} // namespace

Parsed<Done> ReportExport::writeXlsx(const ReportData &data, const QString &path,
                                     const QLocale &locale)
{
    // Written beside the target, then renamed: a failure leaves no partial file.
    const QString partial = path + QStringLiteral(".part");
    Workbook book(partial, locale);
    if (!book.isOpen())
        return failed(tr("%1 cannot be written.").arg(path));
    writeSummarySheet(book, data, locale);
    for (const Breakdown &part : breakdowns(data, locale))
        writeBreakdownSheet(book, part);
    for (const StandingBreakdown &part : standingBreakdowns(data, locale))
        writeStandingSheet(book, part);
    writeTopUnresolvedSheet(book, data, locale);
    writeOverdueSheet(book, data, locale);

    const lxw_error error = book.close();
    if (error != LXW_NO_ERROR) {
        QFile::remove(partial);
        return failed(
            tr("%1 cannot be written: %2").arg(path, QString::fromUtf8(lxw_strerror(error))));
    }
    return moveIntoPlace(partial, path);
}

Parsed<Done> ReportExport::moveIntoPlace(const QString &partial, const QString &path)
{
    QFile::remove(path);
    if (!QFile::rename(partial, path)) {
        QFile::remove(partial);
        return failed(
            tr("%1 cannot be written: the file is in use or the folder is read-only.").arg(path));
    }
    return succeeded();
}

} // namespace rd
