// scripts/bench report: a full-year report over 100 000 cached complaints to
// PDF (DESIGN.md §6: ≤ 1 s), from reading the cache to the file written;
// the parts, and CSV and XLSX, as notes.

#include "BenchReport.h"
#include "DemoCache.h"
#include "LocalCache.h"
#include "ReportRenderer.h"
#include "report/Report.h"
#include "report/ReportExport.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QTemporaryDir>

using namespace rd;
using rd::bench::atScale;
using rd::bench::BenchReport;
using rd::bench::elapsedMs;
using rd::bench::sized;

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const int count = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 100'000;
    BenchReport report("report", count);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    rd::bench::fillDemoCache(path, count, now);
    auto cache = LocalCache::open(path);
    const Catalogue catalogue = cache->catalogue().load();
    ReportParameters p;
    p.timeZone = QTimeZone(catalogue.timeZone.isEmpty() ? QByteArrayLiteral("Asia/Omsk")
                                                        : catalogue.timeZone.toUtf8());
    p.generatedAt = now;
    p.today = now.toTimeZone(p.timeZone).date();
    p.from = p.today.addYears(-1).addDays(1); // the last twelve months: all the demo data
    p.to = p.today;
    p.author = QStringLiteral("bench");

    QElapsedTimer timer;
    timer.start();
    const ReportData data = ReportBuilder::build(cache->reports(), p, catalogue);
    const double numbers = elapsedMs(timer);
    const QString pdf = dir.filePath(QStringLiteral("year.pdf"));
    const auto written =
        ReportRenderer::writePdf(data, pdf, QPageLayout::Portrait, QLocale(QLocale::Russian));
    const double total = elapsedMs(timer);
    if (!written) {
        std::fprintf(stderr, "report_bench: %s\n", qPrintable(written.error.toString()));
        return 2;
    }
    report.note(QStringLiteral("%1 complaints in the year, %2 overdue (%3 printed); numbers %4 ms, "
                               "PDF %5 ms, %6 kB")
                    .arg(data.summary.received)
                    .arg(data.overdue.size())
                    .arg(std::min<qsizetype>(data.overdue.size(), ReportRenderer::MaxOverdueRows))
                    .arg(numbers, 0, 'f', 0)
                    .arg(total - numbers, 0, 'f', 0)
                    .arg(QFileInfo(pdf).size() / 1024));
    report.figure(sized("year_pdf", count), total, "ms", atScale(count, 1000, 5000));

    timer.restart();
    if (!ReportExport::writeCsv(data, dir.filePath(QStringLiteral("year.csv")),
                                QLocale(QLocale::Russian)))
        return 2;
    const double csv = elapsedMs(timer);
    timer.restart();
    if (!ReportExport::writeXlsx(data, dir.filePath(QStringLiteral("year.xlsx")),
                                 QLocale(QLocale::Russian)))
        return 2;
    report.note(QStringLiteral("CSV %1 ms, XLSX %2 ms (every overdue complaint listed)")
                    .arg(csv, 0, 'f', 0)
                    .arg(elapsedMs(timer), 0, 'f', 0));
    return report.exitCode();
}
