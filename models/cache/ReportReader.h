#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>

namespace rd {

struct ReportFilter;
struct ReportRow;

namespace sqlite {
class Database;
}

// Reading the cache for a supervisor's report (models/report/Report.h,
// docs/reports.md): set-based SQL over the complaints table, one statement
// a view, never a query per complaint. Every method throws CacheError.
//
// "At the end of the period" (`end`, an instant: what happened before it
// counts; `day`, its date in the service's calendar, for due dates) is read
// from the dated fields each complaint carries — registered (created_at),
// published (published_at), first and latest answer (first_answered_at,
// answered_at), the answer's kind, the last change (updated_at) — so a past
// state is exact wherever those dates decide it. Where they cannot:
// - a complaint rejected or merged as a duplicate counts as decided at its
//   last change (the cache keeps no date of the moderator's decision; the
//   last change is the latest it can have been);
// - a solved complaint the citizen contested counts as contested from its
//   last change (the date of the contest is not kept either);
// - one answered before `end` and answered again after it counts as in
//   progress then (the agency still owed the fix or a new answer: open
//   either way);
// - a resolution date extended after `end` counts with its new date.
// The history table is not read: it holds only the complaints someone
// opened, so the numbers would depend on what was looked at.
//
// One statement, one pass over the table: a report over a year of a million
// complaints reads each row once (docs/reports.md, "Figures").
class ReportReader final
{
public:
    explicit ReportReader(sqlite::Database &db);
    Q_DISABLE_COPY_MOVE(ReportReader)

    // The complaints the filter takes that were registered in [from, to)
    // (ReportRow::received) or were open at `end` (≤ to), with their phase
    // then (ReportRow::phase; Closed for one registered after `end`).
    QList<ReportRow> rows(const QDateTime &from, const QDateTime &to, const QDateTime &end,
                          const ReportFilter &filter);

private:
    sqlite::Database &m_db;
};

} // namespace rd
