#include "ReportCommand.h"

#include "Account.h"
#include "Clock.h"
#include "CommandLine.h"
#include "Console.h"
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

namespace rd::app {

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(ReportCommand)
};

void say(console::Stream stream, const QString &text)
{
    console::line(stream, text);
}

// The period the options name, counted from `today`; for a "this …"
// preset on its first day, a word on stderr (it covers that day only).
void choosePeriod(const CommandLine &options, ReportParameters &p)
{
    if (const auto preset = reportPeriodNamed(options.period)) {
        std::tie(p.from, p.to) = presetPeriod(*preset, p.today);
        const bool justBegun = p.from == p.to && *preset != ReportPeriod::PreviousWeek &&
                               *preset != ReportPeriod::PreviousMonth &&
                               *preset != ReportPeriod::PreviousQuarter &&
                               *preset != ReportPeriod::PreviousYear;
        if (justBegun)
            say(console::Stream::Err,
                Tr::tr("regiondesk: the period %1 has just begun: the report covers %2 "
                       "only. For the whole one that ended, give --period previous-…, "
                       "e.g. previous-month.")
                    .arg(options.period, ReportExport::date(p.from, QLocale())));
        return;
    }
    const QStringList range = options.period.split(QStringLiteral(".."));
    p.from = QDate::fromString(range.value(0), Qt::ISODate);
    p.to = QDate::fromString(range.value(1), Qt::ISODate);
}

// Who the report is by: --author; else the user the cache was synchronised
// for; else the desk's last session, if it was for this cache's account;
// else the system's user name. Never unknown.
QString authorOf(const CommandLine &options, LocalCache &cache)
{
    if (!options.author.isEmpty())
        return options.author;
    const LocalCache::User user = cache.user();
    if (!user.displayName.isEmpty())
        return user.displayName;
    if (!user.login.isEmpty())
        return user.login;
    QSettings settings;
    const DeskSettings::LastSession last = DeskSettings(settings).lastSession();
    if (!last.displayName.isEmpty() &&
        cache.meta(QStringLiteral("sync_owner")) == accountKey(last.server, last.login))
        return last.displayName;
    for (const char *variable : {"USER", "USERNAME", "LOGNAME"}) {
        const QString name = qEnvironmentVariable(variable);
        if (!name.isEmpty())
            return name;
    }
    return QDir::home().dirName();
}

// The agency: --agency, else that of a user who sees only their own (the
// cache holds nothing else), else all. False (said on stderr) for an agency
// not in the catalogue, or another than the only one the cache holds.
bool chooseAgency(const CommandLine &options, const Catalogue &catalogue,
                  const LocalCache::User &user, ReportParameters &p)
{
    if (options.agency)
        p.agencyId = options.agency;
    else if (user.agencyId)
        p.agencyId = int(*user.agencyId);
    if (!p.agencyId)
        return true;
    if (user.agencyId && *user.agencyId != *p.agencyId) {
        say(console::Stream::Err,
            Tr::tr("regiondesk: this cache holds the complaints of agency %1 only (%2's); "
                   "it cannot report on agency %3.")
                .arg(*user.agencyId)
                .arg(user.displayName.isEmpty() ? user.login : user.displayName)
                .arg(*p.agencyId));
        return false;
    }
    const auto found = std::find_if(catalogue.agencies.begin(), catalogue.agencies.end(),
                                    [&](const Agency &a) { return a.id == *p.agencyId; });
    if (found == catalogue.agencies.end()) {
        say(console::Stream::Err,
            Tr::tr("There is no agency %1 in the cache's catalogue.").arg(*p.agencyId));
        return false;
    }
    p.agencyName = found->name;
    return true;
}

Parsed<Done> write(const CommandLine &options, const ReportData &data, const QLocale &locale)
{
    if (options.format == QLatin1String("csv"))
        return ReportExport::writeCsv(data, options.out, locale);
    if (options.format == QLatin1String("xlsx"))
        return ReportExport::writeXlsx(data, options.out, locale);
    return ReportRenderer::writePdf(
        data, options.out, options.landscape ? QPageLayout::Landscape : QPageLayout::Portrait,
        locale);
}

} // namespace

int runReportCommand(const CommandLine &options, const Clock &clock)
{
    CacheOptions cacheOptions;
    cacheOptions.key = options.cacheKey;
    const auto cache = LocalCache::open(options.cachePath, cacheOptions);
    const Catalogue catalogue = cache->catalogue().load();
    ReportParameters p;
    p.timeZone = QTimeZone(catalogue.timeZone.toUtf8());
    if (!p.timeZone.isValid())
        p.timeZone = QTimeZone::systemTimeZone();
    p.generatedAt = clock.now();
    p.today = options.today.isValid() ? options.today : p.generatedAt.toTimeZone(p.timeZone).date();
    choosePeriod(options, p);
    if (!chooseAgency(options, catalogue, cache->user(), p))
        return 1;
    p.author = authorOf(options, *cache);
    const LocalCache::Coverage coverage = cache->coverage();
    p.retentionMonths = coverage.retentionMonths;
    p.closedBefore = coverage.closedBefore;

    QElapsedTimer timer;
    timer.start();
    const ReportData data = ReportBuilder::build(cache->reports(), p, catalogue);
    const QLocale locale;
    const Parsed<Done> written = write(options, data, locale);
    if (!written) {
        say(console::Stream::Err, written.error.toString());
        return 1;
    }
    say(console::Stream::Out,
        Tr::tr("Wrote %1: %n complaint(s) received %2 – %3, %4 overdue on %5; in %6 ms.", nullptr,
               data.summary.received)
            .arg(QDir::toNativeSeparators(options.out), ReportExport::date(p.from, locale),
                 ReportExport::date(p.to, locale))
            .arg(data.standing.overdue)
            .arg(ReportExport::date(data.asOf, locale))
            .arg(timer.elapsed()));
    return 0;
}

} // namespace rd::app
