#include "Report.h"

#include "ReportReader.h"

#include <QHash>
#include <QMap>

#include <algorithm>

namespace rd {

namespace {

// How late the first answer came, in days of the service's calendar ("due
// by the end of this day"): none when no answer is owed (moderated away, no
// due date) or not yet due; 0 when on time; else the days late (until today
// for one still unanswered). The summary's "overdue" and the overdue list
// both read it.
std::optional<int> daysLate(const ReportRow &row, const ReportParameters &p)
{
    if (!row.dueDate.isValid() || row.state == ComplaintState::Rejected ||
        row.state == ComplaintState::Duplicate)
        return std::nullopt;
    const bool answered = row.firstAnsweredAt.isValid();
    if (!answered && p.today <= row.dueDate)
        return std::nullopt;
    const QDate until = answered ? row.firstAnsweredAt.toTimeZone(p.timeZone).date() : p.today;
    return std::max(0, int(row.dueDate.daysTo(until)));
}

// Measures are summed row by row; the days to answer are kept to take the
// average and median at the end.
struct Accumulator
{
    Measures m;
    QList<double> daysToAnswer;

    void add(const ReportRow &row, const ReportParameters &p)
    {
        ++m.received;
        if (row.publishedAt.isValid())
            ++m.published;
        switch (row.state) {
        case ComplaintState::Rejected:
            ++m.rejected;
            break;
        case ComplaintState::Duplicate:
            ++m.duplicates;
            break;
        case ComplaintState::Contested:
            ++m.contested;
            break;
        case ComplaintState::Confirmed:
            ++m.confirmed;
            break;
        default:
            break;
        }
        switch (row.answerKind) {
        case AnswerKind::Solved:
            ++m.solved;
            break;
        case AnswerKind::Deadline:
            ++m.deadlineSet;
            if (row.state == ComplaintState::InProgress && row.answerDeadline.isValid() &&
                row.answerDeadline < p.today)
                ++m.overdueDeadlines;
            break;
        case AnswerKind::Refusal:
            ++m.refused;
            break;
        case AnswerKind::None:
            break;
        }
        if (isOpen(row.state))
            ++m.open;
        if (row.firstAnsweredAt.isValid()) {
            ++m.answered;
            daysToAnswer.append(double(row.createdAt.msecsTo(row.firstAnsweredAt)) / 86'400'000.0);
        }
        if (const auto late = daysLate(row, p)) {
            ++m.answerDue;
            if (*late == 0)
                ++m.onTime;
            else
                ++m.overdue;
        }
    }

    Measures finish()
    {
        if (!daysToAnswer.isEmpty()) {
            double sum = 0;
            for (const double d : std::as_const(daysToAnswer))
                sum += d;
            m.averageDaysToAnswer = sum / double(daysToAnswer.size());
            std::sort(daysToAnswer.begin(), daysToAnswer.end());
            const qsizetype n = daysToAnswer.size();
            m.medianDaysToAnswer = n % 2 == 1
                                       ? daysToAnswer[n / 2]
                                       : (daysToAnswer[n / 2 - 1] + daysToAnswer[n / 2]) / 2.0;
        }
        return m;
    }
};

// The first day of the day's week (its Monday) or month.
QDate trendStart(const QDate &day, bool byMonth)
{
    return byMonth ? QDate(day.year(), day.month(), 1) : day.addDays(1 - day.dayOfWeek());
}

QString trendKey(const QDate &day, bool byMonth)
{
    const QDate start = trendStart(day, byMonth);
    return byMonth ? start.toString(QStringLiteral("yyyy-MM")) : start.toString(Qt::ISODate);
}

// The catalogue's names by id; for an id it no longer has, a made-up one.
class Names
{
public:
    explicit Names(const Catalogue &catalogue)
    {
        for (const Category &c : catalogue.categories)
            m_categories.insert(c.id, c.name);
        for (const Agency &a : catalogue.agencies)
            m_agencies.insert(a.id, a.name);
    }

    QString category(int id) const
    {
        return m_categories.value(id, ReportBuilder::tr("Category %1").arg(id));
    }
    QString agency(const std::optional<int> &id) const
    {
        return id ? m_agencies.value(*id, ReportBuilder::tr("Agency %1").arg(*id)) : noAgency;
    }

    const QString noAgency = ReportBuilder::tr("Not yet assigned");
    const QString noDistrict = ReportBuilder::tr("No district");

private:
    QHash<int, QString> m_categories;
    QHash<int, QString> m_agencies;
};

// The rows summed up, overall and by group, and the open ones.
struct Tally
{
    Accumulator summary;
    QMap<int, Accumulator> byCategory; // keyed by the catalogue's id
    QMap<int, Accumulator> byAgency;   // 0: not assigned
    QMap<int, Accumulator> byDistrict; // 0: none
    QMap<QString, Accumulator> trend;
    // At the end of the period.
    QMap<int, StandingMeasures> standingByAgency; // 0: not assigned
    QMap<int, StandingMeasures> standingByCategory;
    QList<const ReportRow *> open;                    // for the most voted
    QList<std::pair<int, const ReportRow *>> overdue; // days overdue, the row
};

// One complaint's state at the end of the period (its day `day`) as
// measures; how many days overdue then in `late` (0: not).
StandingMeasures standingOf(const ReportRow &row, const QDate &day, int &late)
{
    StandingMeasures m;
    late = 0;
    switch (row.phase) {
    case StandingPhase::Closed:
        return m;
    case StandingPhase::InModeration:
        ++m.inModeration;
        break;
    case StandingPhase::AwaitingAnswer:
        ++m.awaitingAnswer;
        break;
    case StandingPhase::Contested:
        ++m.contested;
        break;
    case StandingPhase::InProgress:
        ++m.inProgress;
        if (row.answerDeadline.isValid() && row.answerDeadline < day)
            ++m.overdueDeadlines;
        break;
    }
    ++m.open;
    const bool owed =
        row.phase == StandingPhase::AwaitingAnswer || row.phase == StandingPhase::Contested;
    if (owed && row.dueDate.isValid() && row.dueDate < day) {
        late = int(row.dueDate.daysTo(day));
        const auto &limits = StandingMeasures::AgeLimits;
        const auto bucket = std::upper_bound(limits.begin(), limits.end(), late - 1);
        ++m.overdue;
        ++m.overdueByAge[size_t(bucket - limits.begin())];
        m.longestOverdueDays = late;
    }
    return m;
}

void addStanding(const ReportRow &row, const QDate &day, Tally &tally)
{
    int late = 0;
    const StandingMeasures m = standingOf(row, day, late);
    if (m.open == 0)
        return;
    tally.standingByAgency[row.agencyId.value_or(0)] += m;
    tally.standingByCategory[row.categoryId] += m;
    tally.open.append(&row);
    if (late > 0)
        tally.overdue.append({late, &row});
}

// Every week or month of the period has its row, even an empty one.
void addEmptyTrendRows(QMap<QString, Accumulator> &trend, const ReportParameters &p, bool byMonth)
{
    for (QDate day = p.from; day <= p.to; day = byMonth ? day.addMonths(1) : day.addDays(7))
        trend[trendKey(day, byMonth)];
    trend[trendKey(p.to, byMonth)];
}

// Adds every row to the tally; false when cancelled on the way (what was
// added so far stays).
bool addRows(const QList<ReportRow> &rows, const ReportParameters &p, bool byMonth,
             const QDate &standingDay, const std::atomic<bool> *cancel, Tally &tally)
{
    int checked = 0;
    for (const ReportRow &row : rows) {
        if (cancel && (++checked & 0xfff) == 0 && cancel->load())
            return false;
        addStanding(row, standingDay, tally);
        if (!row.received)
            continue;
        tally.summary.add(row, p);
        tally.byCategory[row.categoryId].add(row, p);
        tally.byAgency[row.agencyId.value_or(0)].add(row, p);
        tally.byDistrict[row.districtId.value_or(0)].add(row, p);
        tally.trend[trendKey(row.createdAt.toTimeZone(p.timeZone).date(), byMonth)].add(row, p);
    }
    return true;
}

// The groups finished, in the catalogue's order, then those the catalogue no
// longer has (by id, named by `otherName`); with `none`, the id 0 is not
// among those but last, under that name.
template<typename Entry, typename OtherName>
QList<ReportGroup> inCatalogueOrder(const QList<Entry> &catalogue, QMap<int, Accumulator> &groups,
                                    const OtherName &otherName,
                                    const std::optional<QString> &none = std::nullopt)
{
    QList<ReportGroup> result;
    for (const Entry &e : catalogue) {
        if (groups.contains(e.id))
            result.append({e.name, groups.take(e.id).finish(), {}});
    }
    for (auto it = groups.begin(); it != groups.end(); ++it) {
        if (!none || it.key() != 0)
            result.append({otherName(it.key()), it.value().finish(), {}});
    }
    if (none && groups.contains(0))
        result.append({*none, groups[0].finish(), {}});
    return result;
}

// A listed complaint as the lists show it, on the standing's day.
ReportComplaint listed(const ReportRow &row, const ReportParameters &p, const QDate &day,
                       const Names &names)
{
    ReportComplaint item;
    item.id = row.id;
    item.address = row.address;
    item.category = names.category(row.categoryId);
    item.agency = names.agency(row.agencyId);
    item.votes = row.votes;
    item.dueDate = row.dueDate;
    item.ageDays = qMax(0, int(row.createdAt.toTimeZone(p.timeZone).date().daysTo(day)));
    if (row.dueDate.isValid())
        item.daysOverdue = qMax(0, int(row.dueDate.daysTo(day)));
    // Awaiting its first answer then: the one that came since, if any.
    if (row.phase == StandingPhase::AwaitingAnswer && row.firstAnsweredAt.isValid())
        item.answeredOn = row.firstAnsweredAt.toTimeZone(p.timeZone).date();
    return item;
}

// The standing summed by agency and by category, in the catalogue's order
// (the unassigned last), and overall; the lists.
void finishStanding(Tally &tally, const ReportParameters &p, const Catalogue &catalogue,
                    const Names &names, ReportData &data)
{
    for (const StandingMeasures &m : std::as_const(tally.standingByAgency))
        data.standing += m;
    const auto ordered = [](const auto &entries, QMap<int, StandingMeasures> &groups,
                            const auto &otherName, bool withNone, const QString &none) {
        QList<StandingGroup> result;
        for (const auto &e : entries) {
            if (groups.contains(e.id))
                result.append({e.name, groups.take(e.id)});
        }
        for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
            if (!withNone || it.key() != 0)
                result.append({otherName(it.key()), it.value()});
        }
        if (withNone && groups.contains(0))
            result.append({none, groups.value(0)});
        return result;
    };
    data.standingByAgency = ordered(
        catalogue.agencies, tally.standingByAgency, [&](int id) { return names.agency(id); }, true,
        names.noAgency);
    data.standingByCategory = ordered(
        catalogue.categories, tally.standingByCategory, [&](int id) { return names.category(id); },
        false, QString());
    // The most days overdue first; the most votes first; then by number.
    std::sort(tally.overdue.begin(), tally.overdue.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first > b.first : a.second->id < b.second->id;
    });
    for (const auto &[late, row] : std::as_const(tally.overdue))
        data.overdue.append(listed(*row, p, data.asOf, names));
    const auto byVotes = [](const ReportRow *a, const ReportRow *b) {
        return a->votes != b->votes ? a->votes > b->votes : a->id < b->id;
    };
    const qsizetype top = std::min<qsizetype>(ReportData::TopUnresolved, tally.open.size());
    std::partial_sort(tally.open.begin(), tally.open.begin() + top, tally.open.end(), byVotes);
    for (qsizetype i = 0; i < top; ++i)
        data.topUnresolved.append(listed(*tally.open[i], p, data.asOf, names));
}

} // namespace

namespace {

// The first day of the week, month, quarter or year containing `day`.
QDate startOf(ReportPeriod period, const QDate &day)
{
    switch (period) {
    case ReportPeriod::ThisWeek:
    case ReportPeriod::PreviousWeek:
        return day.addDays(1 - day.dayOfWeek());
    case ReportPeriod::ThisMonth:
    case ReportPeriod::PreviousMonth:
        return QDate(day.year(), day.month(), 1);
    case ReportPeriod::ThisQuarter:
    case ReportPeriod::PreviousQuarter:
        return QDate(day.year(), (day.month() - 1) / 3 * 3 + 1, 1);
    case ReportPeriod::ThisYear:
    case ReportPeriod::PreviousYear:
        return QDate(day.year(), 1, 1);
    case ReportPeriod::Custom:
        break;
    }
    return day;
}

struct PeriodName
{
    const char *name;
    ReportPeriod period;
};

constexpr std::array<PeriodName, 12> PeriodNames{{
    {"this-week", ReportPeriod::ThisWeek},
    {"this-month", ReportPeriod::ThisMonth},
    {"this-quarter", ReportPeriod::ThisQuarter},
    {"this-year", ReportPeriod::ThisYear},
    {"previous-week", ReportPeriod::PreviousWeek},
    {"previous-month", ReportPeriod::PreviousMonth},
    {"previous-quarter", ReportPeriod::PreviousQuarter},
    {"previous-year", ReportPeriod::PreviousYear},
    {"week", ReportPeriod::ThisWeek},
    {"month", ReportPeriod::ThisMonth},
    {"quarter", ReportPeriod::ThisQuarter},
    {"year", ReportPeriod::ThisYear},
}};

} // namespace

std::pair<QDate, QDate> presetPeriod(ReportPeriod period, const QDate &today)
{
    const QDate start = startOf(period, today);
    switch (period) {
    case ReportPeriod::ThisWeek:
    case ReportPeriod::ThisMonth:
    case ReportPeriod::ThisQuarter:
    case ReportPeriod::ThisYear:
        return {start, today};
    case ReportPeriod::PreviousWeek:
    case ReportPeriod::PreviousMonth:
    case ReportPeriod::PreviousQuarter:
    case ReportPeriod::PreviousYear: {
        const QDate last = start.addDays(-1);
        return {startOf(period, last), last};
    }
    case ReportPeriod::Custom:
        break;
    }
    return {today, today};
}

std::optional<ReportPeriod> reportPeriodNamed(const QString &name)
{
    for (const PeriodName &entry : PeriodNames) {
        if (name == QLatin1String(entry.name))
            return entry.period;
    }
    return std::nullopt;
}

QStringList reportPeriodNames()
{
    QStringList names;
    for (const PeriodName &entry : PeriodNames)
        names << QString::fromLatin1(entry.name);
    return names;
}

StandingMeasures &StandingMeasures::operator+=(const StandingMeasures &o)
{
    open += o.open;
    inModeration += o.inModeration;
    awaitingAnswer += o.awaitingAnswer;
    contested += o.contested;
    inProgress += o.inProgress;
    overdue += o.overdue;
    for (size_t i = 0; i < overdueByAge.size(); ++i)
        overdueByAge[i] += o.overdueByAge[i];
    longestOverdueDays = std::max(longestOverdueDays, o.longestOverdueDays);
    overdueDeadlines += o.overdueDeadlines;
    return *this;
}

ReportBuilder::Standing ReportBuilder::standingAt(const ReportParameters &p)
{
    const QDateTime end = bounds(p).second;
    if (!p.today.isValid() || p.today > p.to)
        return {end, p.to, false};
    const QDateTime now =
        p.generatedAt.isValid() ? p.generatedAt : p.today.addDays(1).startOfDay(p.timeZone);
    if (now >= end) // made after the period (a missed report made later)
        return {end, p.to, false};
    return {now, p.today, true};
}

std::pair<QDateTime, QDateTime> ReportBuilder::bounds(const ReportParameters &p)
{
    return {p.from.startOfDay(p.timeZone), p.to.addDays(1).startOfDay(p.timeZone)};
}

ReportData ReportBuilder::build(const QList<ReportRow> &rows, const ReportParameters &parameters,
                                const Catalogue &catalogue, const std::atomic<bool> *cancel)
{
    ReportData data;
    data.parameters = parameters;
    const ReportParameters &p = parameters;
    const Names names(catalogue);
    data.trendByMonth = p.from.daysTo(p.to) > 13 * 7;
    const Standing standing = standingAt(p);
    data.asOf = standing.day;
    data.asOfToday = standing.today;
    Tally tally;
    addEmptyTrendRows(tally.trend, p, data.trendByMonth);
    if (!addRows(rows, p, data.trendByMonth, standing.day, cancel, tally))
        return data;
    data.summary = tally.summary.finish();
    // Catalogue order for categories and agencies, then any the catalogue
    // no longer has; the unassigned and district-less last.
    data.byCategory = inCatalogueOrder(catalogue.categories, tally.byCategory,
                                       [&](int id) { return names.category(id); });
    data.byAgency = inCatalogueOrder(
        catalogue.agencies, tally.byAgency, [&](int id) { return names.agency(id); },
        names.noAgency);
    data.byDistrict = inCatalogueOrder(
        catalogue.districts, tally.byDistrict, [](int id) { return tr("District %1").arg(id); },
        names.noDistrict);
    for (auto it = tally.trend.begin(); it != tally.trend.end(); ++it) {
        const QDate start = QDate::fromString(
            data.trendByMonth ? it.key() + QStringLiteral("-01") : it.key(), Qt::ISODate);
        data.trend.append({it.key(), it.value().finish(), start});
    }
    finishStanding(tally, p, catalogue, names, data);
    return data;
}

ReportData ReportBuilder::build(ReportReader &reader, const ReportParameters &parameters,
                                const Catalogue &catalogue, const std::atomic<bool> *cancel)
{
    const auto [from, to] = bounds(parameters);
    const Standing standing = standingAt(parameters);
    return build(reader.rows(from, to, standing.end, parameters.filter()), parameters, catalogue,
                 cancel);
}

} // namespace rd
