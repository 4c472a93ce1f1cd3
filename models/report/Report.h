#pragma once

#include "Catalogue.h"
#include "ComplaintState.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <array>
#include <atomic>
#include <optional>

namespace rd {

class ReportReader;

// A supervisor's report (issue "Supervisor reports"; docs/reports.md), built
// from the local cache, so it works offline. The numbers live here;
// render/ReportRenderer prints them and models/report/ReportExport writes
// them to CSV and XLSX. A report has two views, and every table says which:
//
// *Received in the period* — the complaints registered in it (days in the
// service's time zone, the catalogue's time_zone), and what became of them
// as the cache knows it now:
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
//
// *At the end of the period* (StandingMeasures) — every complaint
// registered by then, as it stood then: open, overdue and for how long, by
// agency and category; the backlog a supervisor answers for.
//
// A complaint counts for the agency responsible for it now (a re-routed one
// moves with it: the receiving agency answers for the whole of it).

// Which complaints a report covers besides the period.
struct ReportFilter
{
    std::optional<int> agencyId; // none: every agency (roles that see all)
    QList<int> categories;       // empty: all
    QList<int> districts;        // empty: all
};

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
    // What the cache covers (LocalCache::coverage): closed complaints
    // unchanged since before closedBefore left it after retentionMonths
    // (0: none did). The report's title says so.
    int retentionMonths = 0;
    QDateTime closedBefore;

    bool isValid() const { return from.isValid() && to.isValid() && from <= to; }
    ReportFilter filter() const { return {agencyId, categories, districts}; }
};

// The period presets of the report dialog and the command line. "This …"
// runs from its first day to today (what has happened so far: on the 1st,
// "this month" is one day); "Previous …" is the whole one before, the
// choice for a scheduled report.
enum class ReportPeriod
{
    ThisWeek,
    ThisMonth,
    ThisQuarter,
    ThisYear,
    PreviousWeek,
    PreviousMonth,
    PreviousQuarter,
    PreviousYear,
    Custom
};
// The preset's first and last day for `today` (weeks run Monday to Sunday).
std::pair<QDate, QDate> presetPeriod(ReportPeriod period, const QDate &today);
// The command line's names: this-week, this-month (also "month"), …,
// previous-week, previous-month, …; none for another text.
std::optional<ReportPeriod> reportPeriodNamed(const QString &name);
// Every name reportPeriodNamed() takes, the short aliases last.
QStringList reportPeriodNames();

// Where a complaint stood at the end of the period (ReportReader says how
// it is read from the dated fields the cache keeps).
enum class StandingPhase
{
    Closed,         // or not registered yet
    InModeration,   // awaiting a moderator
    AwaitingAnswer, // published, no first answer yet
    Contested,      // solved, contested, no new answer yet
    InProgress,     // answered with a resolution date (or answered again later)
};

// One complaint as a report reads it (ReportReader).
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
    bool received = true; // registered in the period (else only open at its end)
    StandingPhase phase = StandingPhase::Closed;
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

// The state at the end of the period (ReportData::asOf) of every complaint
// registered by then (ReportReader says how a past state is read from what
// the cache keeps).
struct StandingMeasures
{
    // How long the overdue had been overdue: 1–7, 8–30, 31–90, over 90 days.
    static constexpr std::array<int, 3> AgeLimits{7, 30, 90};

    int open = 0;           // the four below
    int inModeration = 0;   // awaiting a moderator
    int awaitingAnswer = 0; // published, not yet answered
    int contested = 0;      // solved, contested by the citizen, awaiting a new answer
    int inProgress = 0;     // answered with a resolution date, not yet solved
    int overdue = 0;        // awaiting an answer whose due day had passed
    std::array<int, 4> overdueByAge{};
    int longestOverdueDays = 0;
    int overdueDeadlines = 0; // in progress, the promised date passed

    StandingMeasures &operator+=(const StandingMeasures &other);
    friend bool operator==(const StandingMeasures &, const StandingMeasures &) = default;
};

struct ReportGroup
{
    QString name;
    Measures measures;
    // Trend rows: the week's Monday or the month's first day (the outputs
    // write it in the reader's date format); invalid for other groups.
    QDate period;
};

struct StandingGroup
{
    QString name;
    StandingMeasures measures;
};

struct ReportComplaint
{
    qint64 id = 0;
    QString address;
    QString category;
    QString agency;
    int votes = 0;
    QDate dueDate;
    QDate answeredOn;    // overdue list: the answer given after the period's end, or invalid
    int daysOverdue = 0; // overdue list: at the end of the period
    int ageDays = 0;     // unresolved list: from registration to the end of the period
};

struct ReportData
{
    ReportParameters parameters;
    // Received in the period.
    Measures summary;
    QList<ReportGroup> byCategory;
    QList<ReportGroup> byAgency;
    QList<ReportGroup> byDistrict;
    bool trendByMonth = false; // else by week (periods of up to 13 weeks)
    QList<ReportGroup> trend;  // in time order, names "2026-03" or "2026-03-02" (Monday)
    // At the end of the period: on asOf, the period's last day, or today
    // while the period has not ended (asOfToday).
    QDate asOf;
    bool asOfToday = false;
    StandingMeasures standing;
    QList<StandingGroup> standingByAgency;
    QList<StandingGroup> standingByCategory;
    QList<ReportComplaint> topUnresolved; // open then, most votes first (up to TopUnresolved)
    QList<ReportComplaint> overdue;       // overdue then, most days first, all of them
    static constexpr int TopUnresolved = 20;

    // The lists name complaints by the address the citizen gave, which can
    // identify them: the outputs say the file holds personal data.
    bool containsPersonalData() const { return !topUnresolved.isEmpty() || !overdue.isEmpty(); }
};

class ReportBuilder
{
    Q_DECLARE_TR_FUNCTIONS(ReportBuilder)

public:
    // The numbers for the rows (the caller's selection by period, agency,
    // category and district, ReportReader::rows: those received in the
    // period, and those open at its end with their phase then). `cancel` is
    // polled; when set, build() returns what it has so far (the caller drops
    // it).
    static ReportData build(const QList<ReportRow> &rows, const ReportParameters &parameters,
                            const Catalogue &catalogue, const std::atomic<bool> *cancel = nullptr);

    // Reads the cache and builds both views.
    static ReportData build(ReportReader &reader, const ReportParameters &parameters,
                            const Catalogue &catalogue, const std::atomic<bool> *cancel = nullptr);

    // The period's bounds as instants, in the parameters' time zone.
    static std::pair<QDateTime, QDateTime> bounds(const ReportParameters &parameters);

    // When "at the end of the period" is taken: the instant (states are read
    // as they were before it) and its day. The end of the period's last day;
    // while the period has not ended (today ≤ to, now before its end), now
    // (generatedAt) and today.
    struct Standing
    {
        QDateTime end;
        QDate day;
        bool today = false;
    };
    static Standing standingAt(const ReportParameters &parameters);
};

} // namespace rd
