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
    QHash<int, QString> categoryNames;
    for (const Category &c : catalogue.categories)
        categoryNames.insert(c.id, c.name);
    QHash<int, QString> agencyNames;
    for (const Agency &a : catalogue.agencies)
        agencyNames.insert(a.id, a.name);
    QHash<int, QString> districtNames;
    for (const District &d : catalogue.districts)
        districtNames.insert(d.id, d.name);
    const QString noAgency = tr("Not yet assigned");
    const QString noDistrict = tr("No district");
    const auto categoryName = [&](int id) {
        return categoryNames.value(id, tr("Category %1").arg(id));
    };
    const auto agencyName = [&](const std::optional<int> &id) {
        return id ? agencyNames.value(*id, tr("Agency %1").arg(*id)) : noAgency;
    };

    data.trendByMonth = p.from.daysTo(p.to) > 13 * 7;
    Accumulator summary;
    QMap<int, Accumulator> byCategory; // keyed by the catalogue's order below
    QMap<int, Accumulator> byAgency;   // 0: not assigned
    QMap<int, Accumulator> byDistrict; // 0: none
    QMap<QString, Accumulator> trend;
    // Every week or month of the period has its row, even an empty one.
    for (QDate day = p.from; day <= p.to; day = data.trendByMonth ? day.addMonths(1) : day.addDays(7))
        trend[trendKey(day, data.trendByMonth)];
    trend[trendKey(p.to, data.trendByMonth)];
    QList<ReportComplaint> unresolved;
    int checked = 0;
    for (const ReportRow &row : rows) {
        if (cancel && (++checked & 0xfff) == 0 && cancel->load())
            return data;
        summary.add(row, p);
        byCategory[row.categoryId].add(row, p);
        byAgency[row.agencyId.value_or(0)].add(row, p);
        byDistrict[row.districtId.value_or(0)].add(row, p);
        trend[trendKey(row.createdAt.toTimeZone(p.timeZone).date(), data.trendByMonth)].add(row, p);

        ReportComplaint item;
        item.id = row.id;
        item.address = row.address;
        item.category = categoryName(row.categoryId);
        item.agency = agencyName(row.agencyId);
        item.votes = row.votes;
        item.dueDate = row.dueDate;
        item.ageDays = int(row.createdAt.toTimeZone(p.timeZone).date().daysTo(p.today));
        if (row.firstAnsweredAt.isValid())
            item.answeredOn = row.firstAnsweredAt.toTimeZone(p.timeZone).date();
        if (isOpen(row.state))
            unresolved.append(item);
        if (const auto late = daysLate(row, p); late && *late > 0) {
            item.daysOverdue = *late;
            data.overdue.append(item);
        }
    }
    data.summary = summary.finish();
    // Catalogue order for categories and agencies, then any the catalogue
    // no longer has; the unassigned and district-less last.
    for (const Category &c : catalogue.categories) {
        if (byCategory.contains(c.id))
            data.byCategory.append({c.name, byCategory.take(c.id).finish()});
    }
    for (auto it = byCategory.begin(); it != byCategory.end(); ++it)
        data.byCategory.append({categoryName(it.key()), it.value().finish()});
    for (const Agency &a : catalogue.agencies) {
        if (byAgency.contains(a.id))
            data.byAgency.append({a.name, byAgency.take(a.id).finish()});
    }
    for (auto it = byAgency.begin(); it != byAgency.end(); ++it) {
        if (it.key() != 0)
            data.byAgency.append({agencyName(it.key()), it.value().finish()});
    }
    if (byAgency.contains(0))
        data.byAgency.append({noAgency, byAgency[0].finish()});
    for (const District &d : catalogue.districts) {
        if (byDistrict.contains(d.id))
            data.byDistrict.append({d.name, byDistrict.take(d.id).finish()});
    }
    for (auto it = byDistrict.begin(); it != byDistrict.end(); ++it) {
        if (it.key() != 0)
            data.byDistrict.append({tr("District %1").arg(it.key()), it.value().finish()});
    }
    if (byDistrict.contains(0))
        data.byDistrict.append({noDistrict, byDistrict[0].finish()});
    for (auto it = trend.begin(); it != trend.end(); ++it)
        data.trend.append({it.key(), it.value().finish()});

    std::sort(unresolved.begin(), unresolved.end(),
              [](const ReportComplaint &a, const ReportComplaint &b) {
                  return a.votes != b.votes ? a.votes > b.votes : a.id < b.id;
              });
    data.topUnresolved = unresolved.mid(0, ReportData::TopUnresolved);
    std::sort(data.overdue.begin(), data.overdue.end(),
              [](const ReportComplaint &a, const ReportComplaint &b) {
                  return a.daysOverdue != b.daysOverdue ? a.daysOverdue > b.daysOverdue
                                                        : a.id < b.id;
              });
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
