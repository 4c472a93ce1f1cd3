#include "WorkCalendar.h"

#include <algorithm>

namespace rd {

namespace {

bool listed(const QList<QDate> &sorted, const QDate &day)
{
    return std::binary_search(sorted.begin(), sorted.end(), day);
}

} // namespace

bool isWeekend(const QDate &day)
{
    return day.dayOfWeek() >= Qt::Saturday;
}

bool WorkCalendar::isWorkingDay(const QDate &day) const
{
    return isWeekend(day) ? listed(workingDays, day) : !listed(holidays, day);
}

QDate WorkCalendar::workingDayFrom(const QDate &day) const
{
    QDate d = day;
    // A year has far fewer days off in a row than this; the bound only
    // stops a calendar that lists every day as a holiday from hanging us.
    for (int i = 0; i < 366 && d.isValid() && !isWorkingDay(d); ++i)
        d = d.addDays(1);
    return d;
}

QDate WorkCalendar::addWorkingDays(const QDate &day, int n) const
{
    QDate d = day;
    for (int left = n; left > 0 && d.isValid();) {
        d = d.addDays(1);
        if (isWorkingDay(d))
            --left;
    }
    return d;
}

int WorkCalendar::workingDaysBetween(const QDate &from, const QDate &to) const
{
    int count = 0;
    for (QDate d = from.addDays(1); d.isValid() && d <= to; d = d.addDays(1))
        count += isWorkingDay(d);
    return count;
}

} // namespace rd
