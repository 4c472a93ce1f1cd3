#pragma once

#include <QDate>
#include <QList>

namespace rd {

// How a term of days is counted (the catalogue's deadline rules): calendar
// days (59-ФЗ: an answer within 30 days of registration) or working days
// (many regional services: 8 or 10 working days).
enum class DayCount
{
    Calendar,
    Working,
};

// The production calendar the server publishes in the catalogue: which days
// are worked. Saturdays and Sundays are days off unless listed in
// workingDays (a day off moved by decree onto a weekday leaves a Saturday
// worked); Monday to Friday are working days unless listed in holidays
// (public holidays and the days off moved onto them). Beyond the dates
// listed only the weekend is known, so an agency imports each year's
// calendar before it begins (docs/deployment.md, "Deadline rules").
struct WorkCalendar
{
    QList<QDate> holidays;    // sorted, each once
    QList<QDate> workingDays; // sorted, each once; Saturdays and Sundays only

    bool isWorkingDay(const QDate &day) const;
    // day itself when it is worked, else the first working day after it.
    QDate workingDayFrom(const QDate &day) const;
    // The n-th working day after day (day itself not counted; n ≥ 0:
    // 0 gives day back).
    QDate addWorkingDays(const QDate &day, int n) const;
    // The working days in (from, to]; 0 when to is not after from.
    int workingDaysBetween(const QDate &from, const QDate &to) const;

    friend bool operator==(const WorkCalendar &, const WorkCalendar &) = default;
};

bool isWeekend(const QDate &day);

} // namespace rd
