#pragma once

#include "Catalogue.h"
#include "ComplaintState.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <atomic>
#include <optional>

namespace rd {

class QueueReader;

// A supervisor's report (issue "Supervisor reports"), built from the local
// cache, so it works offline. The numbers live here; ui/ReportRenderer
// prints them and models/report/ReportExport writes them to CSV and XLSX.
//
// What is counted, for the complaints registered in the period (days in the
// service's time zone, the catalogue's time_zone):
// - received: all of them; published, rejected, duplicates: by their state
//   (published: was ever published);
// - solved / deadline set / refused: the agency's current answer;
// - open: awaiting moderation, the answer, the fix, or contested;
// - overdue: an answer was due (due_date) and the first answer came after
//   that day, or has not come and the day has passed;
// - overdue deadlines: a resolution date was promised, has passed, and the
//   complaint is still in progress;
// - days to first answer: from registration to the first answer (average,
//   median), and the share answered on time among those whose answer was
//   due (given, or its day passed);
// - contested after solving, confirmed by citizens: by their state.
// A complaint counts for the agency responsible for it now (a re-routed one
// moves with it: the receiving agency answers for the whole of it).

struct ReportParameters
{
    QDate from;                  // the first day, inclusive
    QDate to;                    // the last day, inclusive
    std::optional<int> agencyId; // none: every agency (roles that see all)
    QList<int> categories;       // empty: all
    QList<int> districts;        // empty: all
    QTimeZone timeZone = QTimeZone::utc();
    QDate today;        // for "overdue": the day the report is made, in timeZone
    QString agencyName; // for the title: "all agencies" or the agency
    QString author;     // who made it
    QDateTime generatedAt;

    bool isValid() const { return from.isValid() && to.isValid() && from <= to; }
};

// The period presets of the report dialog and the command line.
enum class ReportPeriod
{
    Week,
    Month,
    Quarter,
    Year,
    Custom
};
// The preset period containing `today`: Monday to Sunday, the calendar month,
// quarter or year.
std::pair<QDate, QDate> periodContaining(ReportPeriod period, const QDate &today);

// One complaint as a report reads it (ComplaintStore::reportRows).
struct ReportRow
{
    qint64 id = 0;
    ComplaintState state = ComplaintState::Moderation;
    int categoryId = 0;
    std::optional<int> agencyId;
    std::optional<int> districtId;
    QDateTime createdAt;
    QDateTime publishedAt;
    QDate dueDate;
    int votes = 0;
    AnswerKind answerKind = AnswerKind::None;
    QDate answerDeadline;
    QDateTime firstAnsweredAt;
    QString address;
};

struct Measures
{
    int received = 0;
    int published = 0;
    int rejected = 0;
    int duplicates = 0;
    int solved = 0;
    int deadlineSet = 0;
    int refused = 0;
    int open = 0;
    int overdue = 0;
    int overdueDeadlines = 0;
    int answered = 0;               // with a first answer
    double averageDaysToAnswer = 0; // of those answered; 0 when none
    double medianDaysToAnswer = 0;
    int answerDue = 0; // whose answer was due: given, or its day passed
    int onTime = 0;    // of those, answered by the due day
    int contested = 0;
    int confirmed = 0;

    // Share answered on time, 0…1; none when no answer was due.
    std::optional<double> onTimeShare() const
    {
        return answerDue > 0 ? std::optional<double>(double(onTime) / answerDue) : std::nullopt;
    }
    friend bool operator==(const Measures &, const Measures &) = default;
};

struct ReportGroup
{
    QString name;
    Measures measures;
};

struct ReportComplaint
{
    qint64 id = 0;
    QString address;
    QString category;
    QString agency;
    int votes = 0;
    QDate dueDate;
    QDate answeredOn;    // the first answer's day, or invalid
    int daysOverdue = 0; // for the overdue list
    int ageDays = 0;     // for the unresolved list
};

struct ReportData
{
    ReportParameters parameters;
    Measures summary;
    QList<ReportGroup> byCategory;
    QList<ReportGroup> byAgency;
    QList<ReportGroup> byDistrict;
    bool trendByMonth = false;            // else by week (periods of up to 13 weeks)
    QList<ReportGroup> trend;             // in time order, names "2026-03" or "2026-03-02" (Monday)
    QList<ReportComplaint> topUnresolved; // open, most votes first (up to TopUnresolved)
    QList<ReportComplaint> overdue;       // most days overdue first, all of them
    static constexpr int TopUnresolved = 20;
};

class ReportBuilder
{
    Q_DECLARE_TR_FUNCTIONS(ReportBuilder)

public:
    // The numbers for the rows (the caller's selection by period, agency,
    // category and district: ComplaintStore::reportRows). `cancel` is polled;
    // when set, build() returns what it has so far (the caller drops it).
    static ReportData build(const QList<ReportRow> &rows, const ReportParameters &parameters,
                            const Catalogue &catalogue, const std::atomic<bool> *cancel = nullptr);

    // Reads the rows from the cache and builds.
    static ReportData build(QueueReader &store, const ReportParameters &parameters,
                            const Catalogue &catalogue, const std::atomic<bool> *cancel = nullptr);

    // The period's bounds as instants, in the parameters' time zone.
    static std::pair<QDateTime, QDateTime> bounds(const ReportParameters &parameters);
};

} // namespace rd
