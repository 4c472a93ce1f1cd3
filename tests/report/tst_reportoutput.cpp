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
    data.byCategory = {{QStringLiteral("Ямы на дорогах"), m}, {QStringLiteral("Освещение"), {}}};
    data.byAgency = {{p.agencyName, m}};
    data.byDistrict = {{QStringLiteral("Ленинский округ"), m}};
    data.trendByMonth = true;
    data.trend = {{QStringLiteral("2026-01"), m},
                  {QStringLiteral("2026-02"), {}},
                  {QStringLiteral("2026-03"), {}}};
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
                             QStringLiteral("Освещение"), p.agencyName, 0, QDate(2026, 3, 1),
                             i == 0 ? QDate(2026, 3, 5) : QDate(), 30 - i, 0});
    return data;
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
        const QString path = m_dir.filePath(QStringLiteral("report.pdf"));
        const ReportData data = sample();
        QVERIFY(
            ReportRenderer::writePdf(data, path, QPageLayout::Portrait, QLocale(QLocale::Russian)));
        QVERIFY(!QFile::exists(path + QStringLiteral(".part")));
        const QString text = run(QStringLiteral("pdftotext"),
                                 {QStringLiteral("-layout"), path, QStringLiteral("-")});
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
        const QString fonts = run(QStringLiteral("pdffonts"), {path});
        QVERIFY2(!fonts.startsWith(QLatin1String("FAILED")), qPrintable(fonts));
        const QStringList lines = fonts.split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(2);
        QVERIFY(!lines.isEmpty());
        for (const QString &line : lines) // "emb" is the fifth column from the end: yes
            QVERIFY2(line.contains(QLatin1String(" yes ")), qPrintable(line));
        // Landscape pages are wider than tall.
        const QString landscape = m_dir.filePath(QStringLiteral("landscape.pdf"));
        QVERIFY(ReportRenderer::writePdf(data, landscape, QPageLayout::Landscape, QLocale()));
        const QString info = run(QStringLiteral("pdfinfo"), {landscape});
        QVERIFY2(info.contains(QLatin1String("842 x 595")), qPrintable(info));
    }

    void longListsBreakAcrossPagesWithTheirHeader()
    {
        const QString path = m_dir.filePath(QStringLiteral("long.pdf"));
        QVERIFY(ReportRenderer::writePdf(sample(1200), path, QPageLayout::Portrait, QLocale()));
        const QString text = run(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
        const QStringList pages = text.split(QChar(0x0c), Qt::SkipEmptyParts);
        QVERIFY2(pages.size() >= 10, qPrintable(QString::number(pages.size())));
        // Every page of the list repeats its caption and header.
        QVERIFY(
            pages.at(pages.size() - 2).contains(QLatin1String("Overdue complaints (continued)")));
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
                if (cells.value(0) == QLatin1String("Summary")) {
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
            // A cell with the separator in it is quoted.
            QVERIFY(text.contains(separator == QLatin1Char(';')
                                      ? QStringLiteral("1000;г. Омск, ул. Мира, 0;")
                                      : QStringLiteral("1000,\"г. Омск, ул. Мира, 0\",")));
        }
    }

    void xlsxReadsBackTheSameNumbers()
    {
        const QString path = m_dir.filePath(QStringLiteral("report.xlsx"));
        QVERIFY(ReportExport::writeXlsx(sample(), path, QLocale()));
        QVERIFY(!QFile::exists(path + QStringLiteral(".part")));
        const QString book = run(QStringLiteral("unzip"), {QStringLiteral("-l"), path});
        QVERIFY2(book.contains(QLatin1String("xl/worksheets/sheet7.xml")), qPrintable(book));
        const QString strings =
            run(QStringLiteral("unzip"),
                {QStringLiteral("-p"), path, QStringLiteral("xl/sharedStrings.xml")});
        QVERIFY(strings.contains(QStringLiteral("Ямы на дорогах")));
        QVERIFY(strings.contains(QStringLiteral("Received")));
        const QString summary =
            run(QStringLiteral("unzip"),
                {QStringLiteral("-p"), path, QStringLiteral("xl/worksheets/sheet1.xml")});
        QVERIFY2(summary.contains(QLatin1String("<v>1234</v>")), qPrintable(summary.left(400)));
        QVERIFY(summary.contains(QLatin1String("<v>0.923</v>")));
        QVERIFY(summary.contains(QLatin1String("<v>12.26</v>")));
        const QString overdue =
            run(QStringLiteral("unzip"),
                {QStringLiteral("-p"), path, QStringLiteral("xl/worksheets/sheet7.xml")});
        QCOMPARE(overdue.count(QLatin1String("<row ")), 4); // the header and 3
    }

    // The dialog: the agencies a role may report on; an export built off the
    // UI thread from the cache file, the window staying responsive.
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
        {
            ReportDialog dialog(cachePath, catalogue, clerk);
            auto *agency = dialog.findChild<QComboBox *>(QStringLiteral("reportAgency"));
            QCOMPARE(agency->count(), 1); // their own agency, not "all"
            QCOMPARE(dialog.parameters().agencyId, std::optional<int>(2));
        }
        UserInfo supervisor;
        supervisor.displayName = QStringLiteral("Сергей Васильев");
        supervisor.role = Role::Supervisor;
        ReportDialog dialog(cachePath, catalogue, supervisor);
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
