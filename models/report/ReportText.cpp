// The words and numbers every output of a report shares: its columns, the
// title block, captions, dates and values as the reader's language writes
// them (ReportExport.h).

#include "ReportExport.h"

#include <QTimeZone>

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

QList<StandingColumn> ReportExport::standingColumns()
{
    const auto count = [](int StandingMeasures::*field) {
        return [field](const StandingMeasures &m) { return m.*field; };
    };
    const auto age = [](size_t bucket) {
        return [bucket](const StandingMeasures &m) { return m.overdueByAge[bucket]; };
    };
    const auto &limits = StandingMeasures::AgeLimits;
    const QString overdue = tr("Overdue, days past the due date");
    const auto range = [](int from, int to) { return QStringLiteral("%1–%2").arg(from).arg(to); };
    return {
        {tr("Open"), count(&StandingMeasures::open), tr("Open"), {}},
        {tr("In moderation"), count(&StandingMeasures::inModeration), tr("In moderation"), {}},
        {tr("Awaiting answer"),
         count(&StandingMeasures::awaitingAnswer),
         tr("Awaiting answer"),
         {}},
        {tr("Contested"), count(&StandingMeasures::contested), tr("Contested"), {}},
        {tr("In progress"), count(&StandingMeasures::inProgress), tr("In progress"), {}},
        {tr("Overdue"), count(&StandingMeasures::overdue), tr("all"), overdue},
        {tr("%1–%2 days overdue").arg(1).arg(limits[0]), age(0), range(1, limits[0]), overdue},
        {tr("%1–%2 days overdue").arg(limits[0] + 1).arg(limits[1]), age(1),
         range(limits[0] + 1, limits[1]), overdue},
        {tr("%1–%2 days overdue").arg(limits[1] + 1).arg(limits[2]), age(2),
         range(limits[1] + 1, limits[2]), overdue},
        {tr("Over %1 days overdue").arg(limits[2]), age(3), tr("over %1").arg(limits[2]), overdue},
        {tr("Longest overdue, days"), count(&StandingMeasures::longestOverdueDays), tr("longest"),
         overdue},
        {tr("Overdue deadlines"),
         count(&StandingMeasures::overdueDeadlines),
         tr("Overdue deadlines"),
         {}},
    };
}

QString ReportExport::dateFormat(const QLocale &locale, bool brief)
{
    if (locale.language() == QLocale::English)
        return brief ? QStringLiteral("d MMM") : QStringLiteral("d MMM yyyy");
    return brief ? QStringLiteral("dd.MM") : QStringLiteral("dd.MM.yyyy");
}

QString ReportExport::date(const QDate &day, const QLocale &locale, bool brief)
{
    return day.isValid() ? locale.toString(day, dateFormat(locale, brief)) : QString();
}

QString ReportExport::dateTime(const QDateTime &moment, const QTimeZone &zone,
                               const QLocale &locale)
{
    const QDateTime there = moment.toTimeZone(zone);
    const int offset = zone.offsetFromUtc(moment);
    const QString utc = QStringLiteral("UTC%1%2:%3")
                            .arg(offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
                            .arg(qAbs(offset) / 3600, 2, 10, QLatin1Char('0'))
                            .arg(qAbs(offset) % 3600 / 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1 %2 (%3, %4)")
        .arg(date(there.date(), locale), locale.toString(there.time(), QStringLiteral("HH:mm")),
             QString::fromUtf8(zone.id()), utc);
}

QString ReportExport::groupName(const ReportGroup &group, bool byMonth, const QLocale &locale,
                                bool brief)
{
    if (!group.period.isValid())
        return group.name;
    if (!byMonth)
        return date(group.period, locale, brief);
    const QString month =
        locale.language() == QLocale::English
            ? locale.monthName(group.period.month(), QLocale::ShortFormat)
            : locale.standaloneMonthName(group.period.month(), QLocale::LongFormat);
    return QStringLiteral("%1 %2").arg(month).arg(group.period.year());
}

QString ReportExport::receivedCaption(const ReportData &data, const QLocale &locale)
{
    return tr("Received in the period %1 – %2")
        .arg(date(data.parameters.from, locale), date(data.parameters.to, locale));
}

QString ReportExport::standingCaption(const ReportData &data, const QLocale &locale)
{
    const QDate day = data.asOf.isValid() ? data.asOf : data.parameters.to;
    return data.asOfToday ? tr("Today, %1 (the period has not ended)").arg(date(day, locale))
                          : tr("At the end of the period, %1").arg(date(day, locale));
}

QString ReportExport::partCaption(const QString &view, const QString &part)
{
    return QStringLiteral("%1: %2").arg(view, part);
}

QStringList ReportExport::titleLines(const ReportData &data, const QLocale &locale)
{
    const ReportParameters &p = data.parameters;
    QStringList lines;
    lines << tr("Complaints report: %1")
                 .arg(p.agencyName.isEmpty() ? tr("all agencies") : p.agencyName);
    lines << tr("Period: %1 – %2 (days in %3)")
                 .arg(date(p.from, locale), date(p.to, locale), QString::fromUtf8(p.timeZone.id()));
    const QString author = p.author.isEmpty() ? tr("(unknown)") : p.author;
    lines << tr("Generated %1 by %2 from the local cache (as of its last synchronisation)")
                 .arg(p.generatedAt.isValid() ? dateTime(p.generatedAt, p.timeZone, locale)
                                              : QStringLiteral("—"),
                      author);
    if (p.retentionMonths > 0 && p.closedBefore.isValid()) {
        const QDate before = p.closedBefore.toTimeZone(p.timeZone).date();
        lines << tr("The cache keeps closed complaints for %n month(s): those closed and "
                    "unchanged before %1 are not counted.",
                    nullptr, p.retentionMonths)
                     .arg(date(before, locale));
        if (p.from < before)
            lines << tr("The period begins before that day: its figures for closed "
                        "complaints are incomplete.");
    }
    if (data.containsPersonalData())
        lines << tr("Contains personal data: the addresses citizens gave for their "
                    "complaints. Keep and pass on as the rules for personal data require.");
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

} // namespace rd
