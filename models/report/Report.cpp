#include "Report.h"

#include "QueueReader.h"

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

QString trendKey(const QDate &day, bool byMonth)
{
    if (byMonth)
        return day.toString(QStringLiteral("yyyy-MM"));
    return day.addDays(1 - day.dayOfWeek()).toString(Qt::ISODate); // its Monday
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
    QList<ReportComplaint> unresolved;
};

// Every week or month of the period has its row, even an empty one.
void addEmptyTrendRows(QMap<QString, Accumulator> &trend, const ReportParameters &p, bool byMonth)
{
    for (QDate day = p.from; day <= p.to; day = byMonth ? day.addMonths(1) : day.addDays(7))
        trend[trendKey(day, byMonth)];
    trend[trendKey(p.to, byMonth)];
}

// The row as the lists show it (no days overdue yet).
ReportComplaint complaintOf(const ReportRow &row, const ReportParameters &p, const Names &names)
{
    ReportComplaint item;
    item.id = row.id;
    item.address = row.address;
    item.category = names.category(row.categoryId);
    item.agency = names.agency(row.agencyId);
    item.votes = row.votes;
    item.dueDate = row.dueDate;
    item.ageDays = int(row.createdAt.toTimeZone(p.timeZone).date().daysTo(p.today));
    if (row.firstAnsweredAt.isValid())
        item.answeredOn = row.firstAnsweredAt.toTimeZone(p.timeZone).date();
    return item;
}

// Adds every row to the tally, and the overdue ones to `overdue`; false when
// cancelled on the way (what was added so far stays).
bool addRows(const QList<ReportRow> &rows, const ReportParameters &p, const Names &names,
             bool byMonth, const std::atomic<bool> *cancel, Tally &tally,
             QList<ReportComplaint> &overdue)
{
    int checked = 0;
    for (const ReportRow &row : rows) {
        if (cancel && (++checked & 0xfff) == 0 && cancel->load())
            return false;
        tally.summary.add(row, p);
        tally.byCategory[row.categoryId].add(row, p);
        tally.byAgency[row.agencyId.value_or(0)].add(row, p);
        tally.byDistrict[row.districtId.value_or(0)].add(row, p);
        tally.trend[trendKey(row.createdAt.toTimeZone(p.timeZone).date(), byMonth)].add(row, p);

        ReportComplaint item = complaintOf(row, p, names);
        if (isOpen(row.state))
            tally.unresolved.append(item);
        if (const auto late = daysLate(row, p); late && *late > 0) {
            item.daysOverdue = *late;
            overdue.append(item);
        }
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
            result.append({e.name, groups.take(e.id).finish()});
    }
    for (auto it = groups.begin(); it != groups.end(); ++it) {
        if (!none || it.key() != 0)
            result.append({otherName(it.key()), it.value().finish()});
    }
    if (none && groups.contains(0))
        result.append({*none, groups[0].finish()});
    return result;
}

// The open complaints with the most votes (up to ReportData::TopUnresolved).
QList<ReportComplaint> mostVoted(QList<ReportComplaint> unresolved)
{
    std::sort(unresolved.begin(), unresolved.end(),
              [](const ReportComplaint &a, const ReportComplaint &b) {
                  return a.votes != b.votes ? a.votes > b.votes : a.id < b.id;
              });
    return unresolved.mid(0, ReportData::TopUnresolved);
}

// The most days overdue first.
void sortByDaysOverdue(QList<ReportComplaint> &overdue)
{
    std::sort(
        overdue.begin(), overdue.end(), [](const ReportComplaint &a, const ReportComplaint &b) {
            return a.daysOverdue != b.daysOverdue ? a.daysOverdue > b.daysOverdue : a.id < b.id;
        });
}

} // namespace

std::pair<QDate, QDate> periodContaining(ReportPeriod period, const QDate &today)
{
    switch (period) {
    case ReportPeriod::Week: {
        const QDate monday = today.addDays(1 - today.dayOfWeek());
        return {monday, monday.addDays(6)};
    }
    case ReportPeriod::Month: {
        const QDate first(today.year(), today.month(), 1);
        return {first, first.addMonths(1).addDays(-1)};
    }
    case ReportPeriod::Quarter: {
        const QDate first(today.year(), (today.month() - 1) / 3 * 3 + 1, 1);
        return {first, first.addMonths(3).addDays(-1)};
    }
    case ReportPeriod::Year:
        return {QDate(today.year(), 1, 1), QDate(today.year(), 12, 31)};
    case ReportPeriod::Custom:
        break;
    }
    return {today, today};
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
    Tally tally;
    addEmptyTrendRows(tally.trend, p, data.trendByMonth);
    if (!addRows(rows, p, names, data.trendByMonth, cancel, tally, data.overdue))
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
    for (auto it = tally.trend.begin(); it != tally.trend.end(); ++it)
        data.trend.append({it.key(), it.value().finish()});

    data.topUnresolved = mostVoted(std::move(tally.unresolved));
    sortByDaysOverdue(data.overdue);
    return data;
}

ReportData ReportBuilder::build(QueueReader &store, const ReportParameters &parameters,
                                const Catalogue &catalogue, const std::atomic<bool> *cancel)
{
    const auto [from, to] = bounds(parameters);
    return build(store.reportRows(from, to, parameters.agencyId, parameters.categories,
                                  parameters.districts),
                 parameters, catalogue, cancel);
}

} // namespace rd
