#pragma once

#include "Catalogue.h"

#include <QDate>

namespace rd {

// Due dates as the catalogue's deadline rules count them: one function for
// the server (a complaint's answer due date when it is published or filed,
// the latest an extension may move it to) and the desk (the same limit in
// the answer editor, before it is sent). "Overdue" is isAnswerOverdue
// (ComplaintState.h): the due date is the last day of the term.
namespace Deadlines {

// The last day of a term of `days` days from `start` (the day of
// registration, itself not counted): with calendar days start + days,
// moved to the next working day when the rules say so and it is a day
// off; with working days the days-th working day after start.
QDate termEnd(const QDate &start, int days, const DeadlineRules &rules,
              const WorkCalendar &calendar);

// A complaint registered (published or filed) on `registered` must be
// answered by this day.
QDate answerDue(const QDate &registered, const Catalogue &catalogue);

// The latest day an extension may move the due date `current` to.
QDate latestExtension(const QDate &current, const Catalogue &catalogue);

// "30 days" / "10 working days", for the desk's hints.
QString termText(int days, DayCount count);

} // namespace Deadlines

} // namespace rd
