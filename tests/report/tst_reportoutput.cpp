// The report's outputs: a PDF whose text (pdftotext, poppler-utils) has the
// figures and the Cyrillic, with embedded fonts (pdffonts); CSV and XLSX
// read back with the same numbers; files that cannot be written say so and
// leave nothing behind.

#include "ApiClient.h"
#include "LocalCache.h"
#include "ReportDialog.h"
#include "ReportRenderer.h"
#include "TestSupport.h"
#include "report/Report.h"
#include "report/ReportExport.h"

#include "ReportCanvas.h"
#include "TextFit.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QTranslator>

using namespace rd;

namespace {

// One CSV line's cells (RFC 4180 quoting).
QStringList cellsOf(const QString &line, QChar separator)
{
    QStringList cells;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() && line[i + 1] == QLatin1Char('"')) {
                cell += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == separator) {
            cells << cell;
            cell.clear();
        } else {
            cell += c;
        }
    }
    cells << cell;
    return cells;
}

QString run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return QStringLiteral("FAILED: ") + QString::fromUtf8(process.readAllStandardError());
    return QString::fromUtf8(process.readAllStandardOutput());
}

const QString LongAgency =
    QStringLiteral("Департамент городского хозяйства Администрации города Омска");

ReportData sample(int overdueCount = 3)
{
    ReportData data;
    ReportParameters &p = data.parameters;
    p.from = QDate(2026, 1, 1);
    p.to = QDate(2026, 3, 31);
    p.timeZone = QTimeZone("Asia/Omsk");
    p.today = QDate(2026, 4, 2);
    p.agencyName = QStringLiteral("Департамент городского хозяйства");
    p.author = QStringLiteral("Сергей Васильев");
    p.generatedAt = QDateTime(QDate(2026, 4, 2), QTime(9, 0), QTimeZone::utc());
    Measures m;
    m.received = 1234;
    m.published = 1200;
    m.rejected = 20;
    m.duplicates = 14;
    m.solved = 700;
    m.deadlineSet = 150;
    m.refused = 90;
    m.open = 294;
    m.overdue = 77;
    m.overdueDeadlines = 5;
    m.answered = 940;
    m.averageDaysToAnswer = 12.26;
    m.medianDaysToAnswer = 9.5;
    m.answerDue = 1000;
    m.onTime = 923;
    m.contested = 31;
    m.confirmed = 402;
    data.summary = m;
    data.byCategory = {{QStringLiteral("Ямы на дорогах"), m, {}},
                       {QStringLiteral("Освещение"), {}, {}}};
    data.byAgency = {{p.agencyName, m, {}}};
    data.byDistrict = {{QStringLiteral("Ленинский округ"), m, {}}};
    data.trendByMonth = true;
    data.trend = {{QStringLiteral("2026-01"), m, QDate(2026, 1, 1)},
                  {QStringLiteral("2026-02"), {}, QDate(2026, 2, 1)},
                  {QStringLiteral("2026-03"), {}, QDate(2026, 3, 1)}};
    data.topUnresolved = {{4711,
                           QStringLiteral("г. Омск, ул. Ленина, 10"),
                           QStringLiteral("Ямы на дорогах"),
                           p.agencyName,
                           321,
                           {},
                           {},
                           0,
                           40}};
    for (int i = 0; i < overdueCount; ++i)
        data.overdue.append({1000 + i, QStringLiteral("г. Омск, ул. Мира, %1").arg(i),
                             QStringLiteral("Освещение"), LongAgency, 0, QDate(2026, 3, 1),
                             i == 0 ? QDate(2026, 4, 1) : QDate(), 30 - i, 0});
    data.asOf = p.to;
    StandingMeasures end;
    end.open = 196 + 40;
    end.inModeration = 12;
    end.awaitingAnswer = 150;
    end.contested = 20;
    end.inProgress = 54;
    end.overdue = 196;
    end.overdueByAge = {40, 60, 70, 26};
    end.longestOverdueDays = 133;
    end.overdueDeadlines = 9;
    data.standing = end;
    data.standingByAgency = {{LongAgency, end}, {QStringLiteral("Горсвет"), {}}};
    data.standingByCategory = {{QStringLiteral("Ямы на дорогах"), end}};
    return data;
}

// A pseudo-translation longer than the source, in Cyrillic, its
// placeholders kept: what fits with it fits with the real Russian.
class LongTranslator : public QTranslator
{
public:
    QString translate(const char *, const char *source, const char *, int) const override
    {
        const QString text = QString::fromUtf8(source);
        static const QString cyrillic = QStringLiteral("абвгдежзийклмнопрстуфхцчшщыэюя");
        QString out;
        qsizetype word = 0;
        for (qsizetype i = 0; i < text.size(); ++i) {
            const QChar c = text[i];
            const bool placeholder = i > 0 && text[i - 1] == QLatin1Char('%');
            if (c.isLetter() && c.unicode() < 128 && !placeholder) {
                const QChar ru = cyrillic[(c.toLower().unicode() - 'a') % cyrillic.size()];
                out += c.isUpper() ? ru.toUpper() : ru;
                ++word;
                continue;
            }
            if (word >= 4)
                out += QStringLiteral("ющ"); // about half as long again, as Russian runs
            word = 0;
            out += c;
        }
        if (word >= 4)
            out += QStringLiteral("ющ");
        return out;
    }
    bool isEmpty() const override { return false; }
};

// Every line of text placed within its room and the page, none elided, and
// every text whole across its lines; what is wrong, or empty.
QString misplaced(const QList<PlacedText> &placed, const QSizeF &page)
{
    const auto bare = [](QString t) { return t.remove(QLatin1Char(' ')); };
    for (qsizetype i = 0; i < placed.size();) {
        const PlacedText &p = placed[i];
        QString run;
        qsizetype j = i;
        for (; j < placed.size() && placed[j].source == p.source && placed[j].page == p.page &&
               placed[j].role == p.role;
             ++j) {
            const PlacedText &line = placed[j];
            const double wide = textfit::advance(line.text, line.font);
            if (wide > line.box.width() + 0.01)
                return QStringLiteral("%1 pt wide in %2: \"%3\" (%4)")
                    .arg(wide)
                    .arg(line.box.width())
                    .arg(line.text, line.role);
            if (line.box.left() < -0.01 || line.box.right() > page.width() + 0.01 ||
                line.box.bottom() > page.height() + 0.01)
                return QStringLiteral("off the page: \"%1\"").arg(line.text);
            if (line.text.contains(QChar(0x2026)) && !line.source.contains(QChar(0x2026)))
                return QStringLiteral("elided: \"%1\"").arg(line.text);
            run += bare(line.text);
        }
        const QString whole = bare(p.source);
        if (whole.isEmpty() ? !run.isEmpty()
                            : run.size() % whole.size() != 0 ||
                                  run != whole.repeated(run.size() / whole.size()))
            return QStringLiteral("cut: \"%1\" shown as \"%2\"").arg(p.source, run);
        i = j;
    }
    return {};
}

} // namespace

class TestReportOutput : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void pdfHasTheFiguresAndCyrillic()
    {
        RD_REQUIRE_TOOL(pdftotext, "pdftotext", "poppler-utils");
        RD_REQUIRE_TOOL(pdffonts, "pdffonts", "poppler-utils");
        RD_REQUIRE_TOOL(pdfinfo, "pdfinfo", "poppler-utils");
        const QString path = m_dir.filePath(QStringLiteral("report.pdf"));
        const ReportData data = sample();
        QVERIFY(
            ReportRenderer::writePdf(data, path, QPageLayout::Portrait, QLocale(QLocale::Russian)));
        QVERIFY(!QFile::exists(path + QStringLiteral(".part")));
        const QString text = run(pdftotext, {QStringLiteral("-layout"), path, QStringLiteral("-")});
        QVERIFY2(!text.startsWith(QLatin1String("FAILED")), qPrintable(text));
        for (const QString &expected :
             {QStringLiteral("Департамент городского хозяйства"), QStringLiteral("Ямы на дорогах"),
              QStringLiteral("Сергей Васильев"), QStringLiteral("1 234"), QStringLiteral("92,3 %"),
              QStringLiteral("12,3"), QStringLiteral("г. Омск, ул. Ленина, 10"),
              QStringLiteral("4711")})
            QVERIFY2(text.contains(expected) ||
                         text.contains(QString(expected).replace(QChar(0x20), QChar(0xa0))),
                     qPrintable(expected));
        QVERIFY(text.contains(QStringLiteral("1 of ")) || text.contains(QStringLiteral("1 из ")));
        const QString fonts = run(pdffonts, {path});
        QVERIFY2(!fonts.startsWith(QLatin1String("FAILED")), qPrintable(fonts));
        const QStringList lines = fonts.split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(2);
        QVERIFY(!lines.isEmpty());
        for (const QString &line : lines) // "emb" is the fifth column from the end: yes
            QVERIFY2(line.contains(QLatin1String(" yes ")), qPrintable(line));
        // Landscape pages are wider than tall.
        const QString landscape = m_dir.filePath(QStringLiteral("landscape.pdf"));
        QVERIFY(ReportRenderer::writePdf(data, landscape, QPageLayout::Landscape, QLocale()));
        const QString info = run(pdfinfo, {landscape});
        QVERIFY2(info.contains(QLatin1String("842 x 595")), qPrintable(info));
    }

    void longListsBreakAcrossPagesWithTheirHeader()
    {
        RD_REQUIRE_TOOL(pdftotext, "pdftotext", "poppler-utils");
        const QString path = m_dir.filePath(QStringLiteral("long.pdf"));
        QVERIFY(ReportRenderer::writePdf(sample(1200), path, QPageLayout::Portrait, QLocale()));
        const QString text = run(pdftotext, {path, QStringLiteral("-")});
        const QStringList pages = text.split(QChar(0x0c), Qt::SkipEmptyParts);
        QVERIFY2(pages.size() >= 10, qPrintable(QString::number(pages.size())));
        // Every page of the list repeats its caption and header.
        QVERIFY(
            pages.at(pages.size() - 2).contains(QLatin1String("overdue complaints (continued)")));
        QVERIFY(pages.at(pages.size() - 2).contains(QLatin1String("Address")));
        // The printed list stops at the limit and says where the rest is.
        QVERIFY(text.contains(QStringLiteral("1200")));
        QVERIFY(text.contains(QLatin1String("CSV and XLSX")));
        QVERIFY(!text.contains(QStringLiteral("ул. Мира, 1100")));
        QVERIFY(text.contains(QStringLiteral("Page %1 of %1").arg(QString::number(pages.size()))));
    }

    void csvReadsBackTheSameNumbers()
    {
        const ReportData data = sample();
        for (const QLocale &locale : {QLocale(QLocale::Russian), QLocale(QLocale::English)}) {
            const QString path = m_dir.filePath(QStringLiteral("report-%1.csv").arg(locale.name()));
            QVERIFY(ReportExport::writeCsv(data, path, locale));
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
            const QString text = QString::fromUtf8(bytes.mid(3));
            const QChar separator = ReportExport::csvSeparator(locale);
            QCOMPARE(separator,
                     locale.language() == QLocale::Russian ? QLatin1Char(';') : QLatin1Char(','));
            QHash<QString, QString> summary;
            bool inSummary = false;
            for (const QString &line : text.split(QStringLiteral("\r\n"))) {
                const QStringList cells = cellsOf(line, separator);
                if (cells.value(0).startsWith(QLatin1String("Received in the period"))) {
                    inSummary = true;
                    continue;
                }
                if (line.isEmpty())
                    inSummary = false;
                if (inSummary)
                    summary.insert(cells.value(0), cells.value(1));
            }
            QCOMPARE(summary.value(QStringLiteral("Received")), QStringLiteral("1234"));
            QCOMPARE(summary.value(QStringLiteral("Overdue")), QStringLiteral("77"));
            const QString decimal = locale.decimalPoint();
            QCOMPARE(summary.value(QStringLiteral("Answered on time, %")),
                     QStringLiteral("92") + decimal + QLatin1Char('3'));
            QCOMPARE(summary.value(QStringLiteral("Days to answer, average")),
                     QStringLiteral("12") + decimal + QLatin1Char('3'));
            QVERIFY(text.contains(QStringLiteral("Ямы на дорогах")));
            QCOMPARE(summary.value(QStringLiteral("Measure")), QStringLiteral("Value"));
            // At the end of the period, under its own caption.
            const QString end = locale.language() == QLocale::Russian
                                    ? QStringLiteral("31.03.2026")
                                    : QStringLiteral("31 Mar 2026");
            QVERIFY2(text.contains(QStringLiteral("At the end of the period, ") + end),
                     qPrintable(text.left(600)));
            QVERIFY(text.contains(separator + QStringLiteral("196") + separator));
            // Dates as the reader writes them, never ISO beside them.
            QVERIFY(!text.contains(QRegularExpression(QStringLiteral("\\d{4}-\\d{2}-\\d{2}"))));
            // A cell with the separator in it is quoted.
            QVERIFY(text.contains(separator == QLatin1Char(';')
                                      ? QStringLiteral("1000;г. Омск, ул. Мира, 0;")
                                      : QStringLiteral("1000,\"г. Омск, ул. Мира, 0\",")));
        }
    }

    void xlsxReadsBackTheSameNumbers()
    {
        RD_REQUIRE_TOOL(unzip, "unzip", "unzip");
        const QString path = m_dir.filePath(QStringLiteral("report.xlsx"));
        QVERIFY(ReportExport::writeXlsx(sample(), path, QLocale()));
        QVERIFY(!QFile::exists(path + QStringLiteral(".part")));
        const QString book = run(unzip, {QStringLiteral("-l"), path});
        QVERIFY2(book.contains(QLatin1String("xl/worksheets/sheet9.xml")), qPrintable(book));
        const QString strings =
            run(unzip, {QStringLiteral("-p"), path, QStringLiteral("xl/sharedStrings.xml")});
        QVERIFY(strings.contains(QStringLiteral("Ямы на дорогах")));
        QVERIFY(strings.contains(QStringLiteral("Received")));
        const QString summary =
            run(unzip, {QStringLiteral("-p"), path, QStringLiteral("xl/worksheets/sheet1.xml")});
        QVERIFY2(summary.contains(QLatin1String("<v>1234</v>")), qPrintable(summary.left(400)));
        QVERIFY(summary.contains(QLatin1String("<v>0.923</v>")));
        QVERIFY(summary.contains(QLatin1String("<v>12.26</v>")));
        QVERIFY(summary.contains(QLatin1String("<v>196</v>"))); // overdue at the end
        const QString overdue =
            run(unzip, {QStringLiteral("-p"), path, QStringLiteral("xl/worksheets/sheet9.xml")});
        QCOMPARE(overdue.count(QLatin1String("<row ")), 5); // the caption, the header and 3
        // Sheets say which view: received in the period, or at its end.
        const QString workbook =
            run(unzip, {QStringLiteral("-p"), path, QStringLiteral("xl/workbook.xml")});
        QVERIFY(workbook.contains(QLatin1String("Received by category")));
        QVERIFY(workbook.contains(QLatin1String("At the end, by agency")));
    }

    // The dialog: the agencies a role may report on; an export built off the
    // UI thread from the cache file, the window staying responsive.
    // A folder named in Cyrillic letters, as a clerk's often is: libxlsxwriter
    // opens it (it takes UTF-8 on Windows, not the ANSI code page).
    void xlsxIntoACyrillicFolder()
    {
        const QString folder = m_dir.filePath(QStringLiteral("Отчёты за ноябрь"));
        QVERIFY(QDir().mkpath(folder));
        const QString path = folder + QStringLiteral("/сводка.xlsx");
        const auto written = ReportExport::writeXlsx(sample(), path, QLocale(QLocale::Russian));
        QVERIFY2(written, qPrintable(written.error.toString()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.size() > 1000);
        QCOMPARE(file.read(4), QByteArray("PK\x03\x04")); // a zip, as an .xlsx is
        QCOMPARE(QDir(folder).entryList(QDir::Files), QStringList{QStringLiteral("сводка.xlsx")});
    }

    void dialogExportsFromTheCache()
    {
        const QString cachePath = m_dir.filePath(QStringLiteral("cache.sqlite"));
        Catalogue catalogue;
        {
            auto cache = LocalCache::open(cachePath);
            catalogue.categories = {{1, QStringLiteral("potholes"), QStringLiteral("Ямы"), 1}};
            catalogue.agencies = {{1, QStringLiteral("a"), QStringLiteral("Дорожники")},
                                  {2, QStringLiteral("b"), QStringLiteral("Горсвет")}};
            catalogue.timeZone = QStringLiteral("Asia/Omsk");
            cache->catalogue().replace(catalogue);
            QList<Complaint> complaints;
            for (int id = 1; id <= 40; ++id) {
                Complaint c = test::makeComplaint(id);
                c.categoryId = 1;
                c.agencyId = id % 2 + 1;
                c.createdAt =
                    QDateTime(QDate(2026, 2, 1 + id % 20), QTime(10, 0), QTimeZone::utc());
                complaints << c;
            }
            cache->complaints().upsert(complaints);
        }
        UserInfo clerk;
        clerk.login = QStringLiteral("clerk");
        clerk.role = Role::Clerk;
        clerk.agencyId = 2;
        const auto opened = LocalCache::open(cachePath);
        {
            ReportDialog dialog(*opened, catalogue, clerk);
            auto *agency = dialog.findChild<QComboBox *>(QStringLiteral("reportAgency"));
            QCOMPARE(agency->count(), 1); // their own agency, not "all"
            QCOMPARE(dialog.parameters().agencyId, std::optional<int>(2));
        }
        UserInfo supervisor;
        supervisor.displayName = QStringLiteral("Сергей Васильев");
        supervisor.role = Role::Supervisor;
        ReportDialog dialog(*opened, catalogue, supervisor);
        auto *agency = dialog.findChild<QComboBox *>(QStringLiteral("reportAgency"));
        QCOMPARE(agency->count(), 3);
        QVERIFY(!dialog.parameters().agencyId);
        auto *period = dialog.findChild<QComboBox *>(QStringLiteral("reportPeriod"));
        period->setCurrentIndex(period->findData(int(ReportPeriod::Custom)));
        dialog.findChild<QDateEdit *>(QStringLiteral("reportFrom"))->setDate(QDate(2026, 2, 1));
        dialog.findChild<QDateEdit *>(QStringLiteral("reportTo"))->setDate(QDate(2026, 2, 28));
        dialog.show();
        QSignalSpy finished(&dialog, &ReportDialog::finished);
        const QString csv = m_dir.filePath(QStringLiteral("dialog.csv"));
        dialog.exportTo(ReportDialog::Output::Csv, csv);
        QVERIFY(dialog.isBusy() || finished.count() == 1);
        QVERIFY(finished.count() == 1 || finished.wait(10000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY(text.contains(QStringLiteral("Сергей Васильев")));
        QVERIFY(text.contains(QStringLiteral("Received,40")));
        // A period that ends before it starts is refused with a message.
        dialog.findChild<QDateEdit *>(QStringLiteral("reportTo"))->setDate(QDate(2026, 1, 1));
        dialog.exportTo(ReportDialog::Output::Csv, csv);
        QCOMPARE(finished.count(), 2);
        QVERIFY(!finished.last().at(0).toBool());
        dialog.grab().save(QDir::temp().filePath(QStringLiteral("regiondesk-report-dialog.png")));
    }

    // Nothing on the pages is cut or elided: a long agency name wraps in the
    // title and in every table's cells, headers fit their columns, and so
    // with a translation half as long again, on both orientations.
    void nothingIsCutOrElided_data()
    {
        QTest::addColumn<bool>("longer");
        QTest::addColumn<bool>("landscape");
        QTest::newRow("source, portrait") << false << false;
        QTest::newRow("longer, portrait") << true << false;
        QTest::newRow("longer, landscape") << true << true;
    }
    void nothingIsCutOrElided()
    {
        QFETCH(bool, longer);
        QFETCH(bool, landscape);
        LongTranslator translator;
        if (longer)
            QCoreApplication::installTranslator(&translator);
        ReportData data = sample(40);
        data.parameters.agencyName = LongAgency;
        data.byAgency.first().name = LongAgency;
        // Every category of the demo, the longest names the desk has.
        data.byCategory
            << ReportGroup{QStringLiteral("Мусор и несанкционированные свалки"), Measures{}, {}}
            << ReportGroup{QStringLiteral("Административно-техническая инспекция"), Measures{}, {}};
        const QSizeF page = landscape ? QSizeF(842 - 2 * 42.52, 595 - 2 * 42.52)
                                      : QSizeF(595 - 2 * 42.52, 842 - 2 * 42.52);
        const QList<PlacedText> placed =
            ReportRenderer(data, QLocale(QLocale::Russian)).layOut(page);
        QCoreApplication::removeTranslator(&translator);
        QVERIFY(placed.size() > 500);
        const QString wrong = misplaced(placed, page);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
        // The long name took more than one line, at a readable size.
        int agencyLines = 0;
        for (const PlacedText &p : placed) {
            if (p.source == LongAgency && p.role == QLatin1String("cell")) {
                ++agencyLines;
                QVERIFY2(textfit::pointsOf(p.font) >= 6.0,
                         qPrintable(QStringLiteral("%1 pt, %2 wide, page %3")
                                        .arg(textfit::pointsOf(p.font))
                                        .arg(p.box.width())
                                        .arg(p.page)));
            }
        }
        QVERIFY2(agencyLines >= 2 * 40, qPrintable(QString::number(agencyLines)));
    }

    // The same in the PDF itself: the whole name is in its text, and nothing elided.
    void pdfNamesTheAgencyWhole()
    {
        RD_REQUIRE_TOOL(pdftotext, "pdftotext", "poppler-utils");
        const QString path = m_dir.filePath(QStringLiteral("agency.pdf"));
        ReportData data = sample();
        data.parameters.agencyName = LongAgency;
        QVERIFY(
            ReportRenderer::writePdf(data, path, QPageLayout::Portrait, QLocale(QLocale::Russian)));
        const QString text = run(pdftotext, {path, QStringLiteral("-")});
        QVERIFY2(!text.startsWith(QLatin1String("FAILED")), qPrintable(text));
        QVERIFY(!text.contains(QChar(0x2026)));
        const QString firstLines = text.section(QLatin1Char('\n'), 0, 2).simplified();
        QVERIFY2(firstLines.contains(QStringLiteral("Отчёт по обращениям: ") + LongAgency) ||
                     firstLines.contains(QStringLiteral("Complaints report: ") + LongAgency),
                 qPrintable(firstLines));
        for (const QString &word : LongAgency.split(QLatin1Char(' ')))
            QVERIFY(text.count(word) >= 3);
    }

    // A chart's axis with small counts marks distinct whole numbers.
    void axisMarksAreDistinct()
    {
        QCOMPARE(axisTicks(0), (QList<int>{0, 1}));
        QCOMPARE(axisTicks(1), (QList<int>{0, 1}));
        QCOMPARE(axisTicks(3), (QList<int>{0, 1, 2, 3}));
        QCOMPARE(axisTicks(5), (QList<int>{0, 2, 4, 6}));
        QCOMPARE(axisTicks(130), (QList<int>{0, 50, 100, 150}));
        QCOMPARE(axisTicks(1000), (QList<int>{0, 500, 1000}));
        for (int maximum = 1; maximum < 2000; ++maximum) {
            const QList<int> ticks = axisTicks(maximum);
            QVERIFY(ticks.size() >= 2 && ticks.size() <= 5);
            QVERIFY(ticks.last() >= maximum);
        }
        ReportData data = sample();
        Measures one;
        one.received = 1;
        data.trend = {{QStringLiteral("2026-01"), one, QDate(2026, 1, 1)}};
        QStringList marks;
        for (const PlacedText &p :
             ReportRenderer(data, QLocale(QLocale::Russian)).layOut({510, 760}))
            if (p.role == QLatin1String("axis"))
                marks << p.text;
        QCOMPARE(marks, (QStringList{QStringLiteral("0"), QStringLiteral("1")}));
    }

    // Every heading is one of its kind and says which view it belongs to;
    // dates are the reader's (dd.mm.yyyy, 2 Mar 2026), never ISO; "generated
    // at" names its zone.
    void headingsDatesAndZone()
    {
        ReportData data = sample();
        data.trendByMonth = false;
        data.trend = {{QStringLiteral("2026-03-02"), {}, QDate(2026, 3, 2)},
                      {QStringLiteral("2026-03-09"), {}, QDate(2026, 3, 9)}};
        for (const QLocale &locale : {QLocale(QLocale::Russian), QLocale(QLocale::English)}) {
            const QString received = ReportExport::receivedCaption(data, locale);
            const QString atEnd = ReportExport::standingCaption(data, locale);
            QStringList headings;
            QStringList cells;
            for (const PlacedText &p : ReportRenderer(data, locale).layOut({510, 760})) {
                if (p.role == QLatin1String("heading") && !headings.contains(p.source))
                    headings << p.source;
                if (p.role == QLatin1String("cell") || p.role == QLatin1String("axis-label"))
                    cells << p.source;
            }
            QVERIFY(headings.size() >= 12);
            for (const QString &h : std::as_const(headings)) {
                QVERIFY2(h.startsWith(received) || h.startsWith(atEnd), qPrintable(h));
                QCOMPARE(headings.count(h), 1);
            }
            const bool ru = locale.language() == QLocale::Russian;
            QVERIFY(
                cells.contains(ru ? QStringLiteral("02.03.2026") : QStringLiteral("2 Mar 2026")));
            QVERIFY(cells.contains(ru ? QStringLiteral("02.03") : QStringLiteral("2 Mar")));
            QVERIFY(received.contains(ru ? QStringLiteral("01.01.2026 – 31.03.2026")
                                         : QStringLiteral("1 Jan 2026 – 31 Mar 2026")));
            const QStringList title = ReportExport::titleLines(data, locale);
            QVERIFY2(title[2].contains(QStringLiteral("15:00 (Asia/Omsk, UTC+06:00)")),
                     qPrintable(title[2]));
            const QString all = title.join(QLatin1Char(' ')) + cells.join(QLatin1Char(' '));
            QVERIFY(!all.contains(QRegularExpression(QStringLiteral("\\d{4}-\\d{2}-\\d{2}"))));
            QVERIFY(!all.contains(QRegularExpression(QStringLiteral("\\d{1,2}/\\d{1,2}/\\d{2}"))));
        }
        // While the period runs, its "end" is today, and says so.
        data.asOfToday = true;
        data.asOf = QDate(2026, 3, 20);
        QCOMPARE(ReportExport::standingCaption(data, QLocale(QLocale::English)),
                 QStringLiteral("Today, 20 Mar 2026 (the period has not ended)"));
    }

    // The dialog's presets: this and the previous week, month, quarter and
    // year; on the 1st, "previous month" is the month that ended. Its dates
    // are shown as the report writes them.
    void dialogPresets()
    {
        Catalogue catalogue;
        catalogue.timeZone = QStringLiteral("Asia/Omsk");
        UserInfo chief;
        chief.role = Role::Supervisor;
        const ManualClock clock(QDateTime(QDate(2026, 12, 1), QTime(3, 0), QTimeZone::utc()));
        const auto presets = LocalCache::open(m_dir.filePath(QStringLiteral("presets.sqlite")));
        ReportDialog dialog(*presets, catalogue, chief, clock);
        auto *period = dialog.findChild<QComboBox *>(QStringLiteral("reportPeriod"));
        const auto choose = [&](ReportPeriod preset) {
            period->setCurrentIndex(period->findData(int(preset)));
            return std::pair(dialog.parameters().from, dialog.parameters().to);
        };
        QCOMPARE(choose(ReportPeriod::PreviousMonth),
                 std::pair(QDate(2026, 11, 1), QDate(2026, 11, 30)));
        QCOMPARE(choose(ReportPeriod::PreviousQuarter),
                 std::pair(QDate(2026, 7, 1), QDate(2026, 9, 30)));
        QCOMPARE(choose(ReportPeriod::PreviousYear),
                 std::pair(QDate(2025, 1, 1), QDate(2025, 12, 31)));
        QCOMPARE(choose(ReportPeriod::ThisMonth),
                 std::pair(QDate(2026, 12, 1), QDate(2026, 12, 1)));
        QCOMPARE(period->count(), 9);
        auto *from = dialog.findChild<QDateEdit *>(QStringLiteral("reportFrom"));
        QVERIFY2(!from->displayFormat().contains(QLatin1Char('/')),
                 qPrintable(from->displayFormat()));
    }

    void unwritableFilesSayWhy()
    {
        const QString missing = m_dir.filePath(QStringLiteral("no-such-folder/report"));
        const ReportData data = sample();
        QVERIFY(ReportExport::writeCsv(data, missing + QStringLiteral(".csv"), QLocale())
                    .error.toString()
                    .contains(QStringLiteral("no-such-folder")));
        QVERIFY(ReportExport::writeXlsx(data, missing + QStringLiteral(".xlsx"), QLocale())
                    .error.toString()
                    .contains(QStringLiteral("no-such-folder")));
        QVERIFY(ReportRenderer::writePdf(data, missing + QStringLiteral(".pdf"),
                                         QPageLayout::Portrait, QLocale())
                    .error.toString()
                    .contains(QStringLiteral("no-such-folder")));
        QVERIFY(!QDir(m_dir.filePath(QStringLiteral("no-such-folder"))).exists());
        // Cancelled before painting: no file.
        std::atomic<bool> cancel{true};
        const QString cancelled = m_dir.filePath(QStringLiteral("cancelled.pdf"));
        const auto stopped =
            ReportRenderer::writePdf(data, cancelled, QPageLayout::Portrait, QLocale(), &cancel);
        QVERIFY(!stopped);
        QCOMPARE(stopped.error.toString(), QStringLiteral("Cancelled."));
        QVERIFY(!QFile::exists(cancelled));
    }
};

QTEST_MAIN(TestReportOutput)
#include "tst_reportoutput.moc"
