#include "ReportExport.h"

#include <QFile>
#include <QSaveFile>

#include <xlsxwriter.h>

#include <cmath>

namespace rd {

QList<MeasureColumn> ReportExport::measureColumns()
{
    using K = MeasureColumn::Kind;
    const auto count = [](int Measures::*field) {
        return [field](const Measures &m) { return QVariant(m.*field); };
    };
    return {
        {tr("Received"), count(&Measures::received), K::Count},
        {tr("Published"), count(&Measures::published), K::Count},
        {tr("Rejected"), count(&Measures::rejected), K::Count},
        {tr("Duplicates"), count(&Measures::duplicates), K::Count},
        {tr("Solved"), count(&Measures::solved), K::Count},
        {tr("Deadline set"), count(&Measures::deadlineSet), K::Count},
        {tr("Refused"), count(&Measures::refused), K::Count},
        {tr("Open"), count(&Measures::open), K::Count},
        {tr("Overdue"), count(&Measures::overdue), K::Count},
        {tr("Overdue deadlines"), count(&Measures::overdueDeadlines), K::Count},
        {tr("Days to answer, average"),
         [](const Measures &m) {
             return m.answered > 0 ? QVariant(m.averageDaysToAnswer) : QVariant();
         },
         K::Days},
        {tr("Days to answer, median"),
         [](const Measures &m) {
             return m.answered > 0 ? QVariant(m.medianDaysToAnswer) : QVariant();
         },
         K::Days},
        {tr("Answered on time"),
         [](const Measures &m) {
             const auto share = m.onTimeShare();
             return share ? QVariant(*share) : QVariant();
         },
         K::Share},
        {tr("Contested after solving"), count(&Measures::contested), K::Count},
        {tr("Confirmed by citizens"), count(&Measures::confirmed), K::Count},
    };
}

QStringList ReportExport::titleLines(const ReportData &data, const QLocale &locale)
{
    const ReportParameters &p = data.parameters;
    QStringList lines;
    lines << tr("Complaints report: %1")
                 .arg(p.agencyName.isEmpty() ? tr("all agencies") : p.agencyName);
    lines << tr("Period: %1 – %2 (registered; days in %3)")
                 .arg(locale.toString(p.from, QLocale::ShortFormat),
                      locale.toString(p.to, QLocale::ShortFormat),
                      QString::fromUtf8(p.timeZone.id()));
    lines << tr("Generated %1 by %2 from the local cache (as of its last synchronisation)")
                 .arg(locale.toString(p.generatedAt.toTimeZone(p.timeZone), QLocale::ShortFormat),
                      p.author.isEmpty() ? tr("(unknown)") : p.author);
    return lines;
}

QString ReportExport::format(const QVariant &value, MeasureColumn::Kind kind, const QLocale &locale)
{
    if (!value.isValid())
        return QStringLiteral("—");
    switch (kind) {
    case MeasureColumn::Count:
        return locale.toString(value.toInt());
    case MeasureColumn::Days:
        return locale.toString(value.toDouble(), 'f', 1);
    case MeasureColumn::Share:
        return locale.toString(value.toDouble() * 100.0, 'f', 1) + QStringLiteral(" %");
    }
    return {};
}

QChar ReportExport::csvSeparator(const QLocale &locale)
{
    return locale.decimalPoint() == QStringLiteral(",") ? QLatin1Char(';') : QLatin1Char(',');
}

namespace {

// The four breakdowns as the CSV and the workbook list them: `part` is
// called with the title, what a row is, and the groups.
void forEachBreakdown(
    const ReportData &data,
    const std::function<void(const QString &, const QString &, const QList<ReportGroup> &)> &part)
{
    part(ReportExport::tr("By category"), ReportExport::tr("Category"), data.byCategory);
    part(ReportExport::tr("By agency"), ReportExport::tr("Agency"), data.byAgency);
    part(ReportExport::tr("By district"), ReportExport::tr("District"), data.byDistrict);
    part(data.trendByMonth ? ReportExport::tr("By month") : ReportExport::tr("By week"),
         data.trendByMonth ? ReportExport::tr("Month") : ReportExport::tr("Week from"), data.trend);
}

QStringList topUnresolvedHeader()
{
    return {ReportExport::tr("No."),    ReportExport::tr("Address"), ReportExport::tr("Category"),
            ReportExport::tr("Agency"), ReportExport::tr("Votes"),   ReportExport::tr("Age, days")};
}

QStringList overdueHeader()
{
    return {ReportExport::tr("No."),         ReportExport::tr("Address"),
            ReportExport::tr("Category"),    ReportExport::tr("Agency"),
            ReportExport::tr("Answer due"),  ReportExport::tr("Answered"),
            ReportExport::tr("Days overdue")};
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
    QString date(const QDate &day) const
    {
        return day.isValid() ? day.toString(Qt::ISODate) : QString();
    }
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

} // namespace

Parsed<Done> ReportExport::writeCsv(const ReportData &data, const QString &path,
                                    const QLocale &locale)
{
    CsvWriter csv(csvSeparator(locale), locale);
    for (const QString &line : titleLines(data, locale))
        csv.row({line});
    csv.blank();
    const QList<MeasureColumn> columns = measureColumns();
    csv.row({(tr("Summary")), tr("Value")});
    for (const MeasureColumn &c : columns) {
        QString title = c.title;
        if (c.kind == MeasureColumn::Share)
            title += QStringLiteral(", %");
        csv.row({title, csv.number(c.value(data.summary), c.kind)});
    }
    forEachBreakdown(data, [&](const QString &title, const QString &what,
                               const QList<ReportGroup> &list) {
        csv.blank();
        csv.row({(title)});
        QStringList header{what};
        for (const MeasureColumn &c : columns)
            header << (c.kind == MeasureColumn::Share ? c.title + QStringLiteral(", %") : c.title);
        csv.row(header);
        for (const ReportGroup &g : list) {
            QStringList cells{g.name};
            for (const MeasureColumn &c : columns)
                cells << csv.number(c.value(g.measures), c.kind);
            csv.row(cells);
        }
    });

    csv.blank();
    csv.row({(tr("Top unresolved problems by votes"))});
    csv.row(topUnresolvedHeader());
    for (const ReportComplaint &c : data.topUnresolved)
        csv.row({QString::number(c.id), c.address, c.category, c.agency, QString::number(c.votes),
                 QString::number(c.ageDays)});
    csv.blank();
    csv.row({(tr("Overdue complaints"))});
    csv.row(overdueHeader());
    for (const ReportComplaint &c : data.overdue)
        csv.row({QString::number(c.id), c.address, c.category, c.agency, csv.date(c.dueDate),
                 csv.date(c.answeredOn), QString::number(c.daysOverdue)});

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

// The workbook being written with its cell formats; keeps the first error of
// its sheets.
class Workbook
{
public:
    explicit Workbook(const QString &file)
        : m_book(workbook_new(QFile::encodeName(file).constData()))
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
        format_set_num_format(m_date, "yyyy-mm-dd");
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

// The title block, then a measure a row.
void writeSummarySheet(Workbook &book, const ReportData &data, const QLocale &locale,
                       const QList<MeasureColumn> &columns)
{
    Sheet summary = book.sheet(ReportExport::tr("Summary"));
    int row = 0;
    for (const QString &line : ReportExport::titleLines(data, locale)) {
        summary.text(row, 0, line, row == 0);
        ++row;
    }
    ++row;
    summary.text(row, 0, ReportExport::tr("Measure"), true);
    summary.text(row++, 1, ReportExport::tr("Value"), true);
    for (const MeasureColumn &c : columns) {
        summary.text(row, 0, c.title);
        summary.number(row++, 1, c.value(data.summary), c.kind);
    }
    summary.width(0, 40);
    book.keep(summary);
}

// A group a row, a measure a column.
void writeBreakdownSheet(Workbook &book, const QString &name, const QString &what,
                         const QList<ReportGroup> &list, const QList<MeasureColumn> &columns)
{
    Sheet s = book.sheet(name);
    s.text(0, 0, what, true);
    for (qsizetype i = 0; i < columns.size(); ++i)
        s.text(0, int(i) + 1, columns[i].title, true);
    int r = 1;
    for (const ReportGroup &g : list) {
        s.text(r, 0, g.name);
        for (qsizetype i = 0; i < columns.size(); ++i)
            s.number(r, int(i) + 1, columns[i].value(g.measures), columns[i].kind);
        ++r;
    }
    s.width(0, 36);
    book.keep(s);
}

void writeHeaderRow(Sheet &sheet, const QStringList &header)
{
    for (qsizetype i = 0; i < header.size(); ++i)
        sheet.text(0, int(i), header[i], true);
}

void writeTopUnresolvedSheet(Workbook &book, const ReportData &data)
{
    Sheet top = book.sheet(ReportExport::tr("Top unresolved"));
    writeHeaderRow(top, topUnresolvedHeader());
    int row = 1;
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

void writeOverdueSheet(Workbook &book, const ReportData &data)
{
    Sheet overdue = book.sheet(ReportExport::tr("Overdue"));
    writeHeaderRow(overdue, overdueHeader());
    int row = 1;
    for (const ReportComplaint &c : data.overdue) {
        overdue.number(row, 0, c.id, MeasureColumn::Count);
        overdue.text(row, 1, c.address);
        overdue.text(row, 2, c.category);
        overdue.text(row, 3, c.agency);
        overdue.date(row, 4, c.dueDate);
        overdue.date(row, 5, c.answeredOn);
        overdue.number(row++, 6, c.daysOverdue, MeasureColumn::Count);
    }
    overdue.width(1, 40);
    overdue.width(4, 12);
    overdue.width(5, 12);
    book.keep(overdue);
}

} // namespace

Parsed<Done> ReportExport::writeXlsx(const ReportData &data, const QString &path,
                                     const QLocale &locale)
{
    // Written beside the target, then renamed: a failure leaves no partial file.
    const QString partial = path + QStringLiteral(".part");
    Workbook book(partial);
    if (!book.isOpen())
        return failed(tr("%1 cannot be written.").arg(path));
    const QList<MeasureColumn> columns = measureColumns();
    writeSummarySheet(book, data, locale, columns);
    forEachBreakdown(data,
                     [&](const QString &name, const QString &what, const QList<ReportGroup> &list) {
                         writeBreakdownSheet(book, name, what, list, columns);
                     });
    writeTopUnresolvedSheet(book, data);
    writeOverdueSheet(book, data);

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
