#include "ReportCommand.h"

#include "Clock.h"
#include "CommandLine.h"
#include "DeskSettings.h"
#include "LocalCache.h"
#include "ReportRenderer.h"
#include "report/Report.h"
#include "report/ReportExport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLocale>
#include <QSettings>

#include <cstdio>

namespace rd::app {

namespace {

void say(FILE *stream, const QString &text)
{
    std::fputs(qPrintable(text + QLatin1Char('\n')), stream);
}

} // namespace

int runReportCommand(const CommandLine &options, const Clock &clock)
{
    const auto cache = LocalCache::open(options.cachePath);
    const Catalogue catalogue = cache->catalogue().load();
    ReportParameters p;
    p.timeZone = QTimeZone(catalogue.timeZone.toUtf8());
    if (!p.timeZone.isValid())
        p.timeZone = QTimeZone::systemTimeZone();
    p.generatedAt = clock.now();
    p.today = p.generatedAt.toTimeZone(p.timeZone).date();
    static const QHash<QString, ReportPeriod> presets{
        {QStringLiteral("week"), ReportPeriod::Week},
        {QStringLiteral("month"), ReportPeriod::Month},
        {QStringLiteral("quarter"), ReportPeriod::Quarter},
        {QStringLiteral("year"), ReportPeriod::Year}};
    if (presets.contains(options.period)) {
        std::tie(p.from, p.to) = periodContaining(presets.value(options.period), p.today);
    } else {
        const QStringList range = options.period.split(QStringLiteral(".."));
        p.from = QDate::fromString(range.value(0), Qt::ISODate);
        p.to = QDate::fromString(range.value(1), Qt::ISODate);
    }
    p.agencyId = options.agency;
    if (p.agencyId) {
        const auto found = std::find_if(catalogue.agencies.begin(), catalogue.agencies.end(),
                                        [&](const Agency &a) { return a.id == *p.agencyId; });
        if (found == catalogue.agencies.end()) {
            say(stderr,
                QCoreApplication::translate("ReportCommand", "There is no agency %1 in the cache's "
                                                             "catalogue.")
                    .arg(*p.agencyId));
            return 1;
        }
        p.agencyName = found->name;
    }
    QSettings settings;
    p.author = DeskSettings(settings).lastSession().displayName;
    if (p.author.isEmpty())
        p.author = QString::fromLocal8Bit(qgetenv("USER").isEmpty() ? qgetenv("USERNAME")
                                                                    : qgetenv("USER"));

    QElapsedTimer timer;
    timer.start();
    const ReportData data = ReportBuilder::build(cache->queue(), p, catalogue);
    const QLocale locale;
    Parsed<Done> written = succeeded();
    if (options.format == QLatin1String("csv"))
        written = ReportExport::writeCsv(data, options.out, locale);
    else if (options.format == QLatin1String("xlsx"))
        written = ReportExport::writeXlsx(data, options.out, locale);
    else
        written = ReportRenderer::writePdf(
            data, options.out, options.landscape ? QPageLayout::Landscape : QPageLayout::Portrait,
            locale);
    if (!written) {
        say(stderr, written.error.toString());
        return 1;
    }
    say(stdout,
        QCoreApplication::translate("ReportCommand", "Wrote %1 (%2 complaints, %3 – %4) in %5 ms.")
            .arg(QDir::toNativeSeparators(options.out))
            .arg(data.summary.received)
            .arg(p.from.toString(Qt::ISODate), p.to.toString(Qt::ISODate))
            .arg(timer.elapsed()));
    return 0;
}

} // namespace rd::app
