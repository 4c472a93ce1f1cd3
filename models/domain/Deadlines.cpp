#include "Deadlines.h"

#include <QCoreApplication>

namespace rd::Deadlines {

QDate termEnd(const QDate &start, int days, const DeadlineRules &rules,
              const WorkCalendar &calendar)
{
    if (!start.isValid())
        return {};
    if (rules.dayCount == DayCount::Working)
        return calendar.addWorkingDays(start, days);
    const QDate end = start.addDays(days);
    return rules.endOnWorkingDay ? calendar.workingDayFrom(end) : end;
}

QDate answerDue(const QDate &registered, const Catalogue &catalogue)
{
    return termEnd(registered, catalogue.rules.answerDays, catalogue.rules, catalogue.calendar);
}

QDate latestExtension(const QDate &current, const Catalogue &catalogue)
{
    return termEnd(current, catalogue.rules.maxExtensionDays, catalogue.rules, catalogue.calendar);
}

QString termText(int days, DayCount count)
{
    return count == DayCount::Working
               ? QCoreApplication::translate("rd::Deadlines", "%n working day(s)", nullptr, days)
               : QCoreApplication::translate("rd::Deadlines", "%n day(s)", nullptr, days);
}

} // namespace rd::Deadlines
