// The report's numbers from a hand-built cache: every measure on known
// complaints, with the edge cases the issue names (answered on the due day,
// a deadline extended, a complaint re-routed to another agency, the
// service's time zone across a daylight-saving change, an empty period).

#include "DeskQueues.h"
#include "LocalCache.h"
#include "TestSupport.h"
#include "report/Report.h"
#include "report/ReportExport.h"

#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace rd;

namespace {

// Berlin: the clocks go forward on 2026-03-29 at 02:00 (UTC+1 → UTC+2).
const QTimeZone Berlin("Europe/Berlin");

QDateTime local(int y, int m, int d, int h, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), Berlin);
}

Catalogue catalogue()
{
    Catalogue c;
    c.categories = {{1, QStringLiteral("potholes"), QStringLiteral("Ямы на дорогах"), 1},
                    {2, QStringLiteral("light"), QStringLiteral("Освещение"), 2}};
    c.agencies = {{1, QStringLiteral("roads"), QStringLiteral("Дорожное хозяйство")},
                  {2, QStringLiteral("light"), QStringLiteral("Горсвет")}};
    c.districts = {{1, QStringLiteral("Центральный")}, {2, QStringLiteral("Ленинский")}};
    c.timeZone = QStringLiteral("Europe/Berlin");
    return c;
}

} // namespace

class TestReportNumbers : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalCache> m_cache;

    // A complaint registered at `created`, published at once, due `dueDays`
    // later; the test sets the rest.
    static Complaint complaint(qint64 id, const QDateTime &created, int agency, int category)
    {
        Complaint c = test::makeComplaint(id);
        c.createdAt = created.toUTC();
        c.updatedAt = c.createdAt;
        c.publishedAt = c.createdAt.addSecs(3600);
        c.state = ComplaintState::Published;
        c.agencyId = agency;
        c.categoryId = category;
        c.districtId = 1;
        c.dueDate = created.date().addDays(30);
        c.votes = int(id);
        return c;
    }

    ReportParameters march() const
    {
        ReportParameters p;
        p.from = QDate(2026, 3, 29); // the day the clocks change
        p.to = QDate(2026, 4, 30);
        p.timeZone = Berlin;
        p.today = QDate(2026, 5, 10);
        return p;
    }

    // Registered before the period (so not among those received in it), for
    // the state at its end (2026-04-30, Berlin): the backlog it inherited.
    static QList<Complaint> standingCases()
    {
        QList<Complaint> all;
        // 15: never answered, due 2026-02-09: 80 days overdue on 04-30.
        all << complaint(15, local(2026, 1, 10, 10), 2, 2);
        // 16: due 2025-12-01, solved only after the period (05-05): at its
        // end 150 days overdue, answered later.
        Complaint c = complaint(16, local(2025, 11, 1, 10), 1, 1);
        c.state = ComplaintState::Solved;
        c.answerKind = AnswerKind::Solved;
        c.firstAnsweredAt = local(2026, 5, 5, 10).toUTC();
        c.answeredAt = c.firstAnsweredAt;
        c.updatedAt = c.answeredAt;
        all << c;
        // 17: a resolution date (04-15) promised in March, passed, still in progress.
        c = complaint(17, local(2026, 3, 1, 10), 2, 1);
        c.state = ComplaintState::InProgress;
        c.answerKind = AnswerKind::Deadline;
        c.firstAnsweredAt = local(2026, 3, 20, 10).toUTC();
        c.answeredAt = c.firstAnsweredAt;
        c.answerDeadline = QDate(2026, 4, 15);
        all << c;
        // 18: solved on time in March, contested after the period (its last
        // change, 05-03): closed at the end.
        c = complaint(18, local(2026, 2, 1, 10), 1, 1);
        c.state = ComplaintState::Contested;
        c.answerKind = AnswerKind::Solved;
        c.firstAnsweredAt = local(2026, 3, 1, 10).toUTC();
        c.answeredAt = c.firstAnsweredAt;
        c.updatedAt = local(2026, 5, 3, 10).toUTC();
        all << c;
        // 19: registered in March, published only on 05-02: in moderation at
        // the end, though its due date (04-24) had passed.
        c = complaint(19, local(2026, 3, 25, 10), 1, 2);
        c.publishedAt = local(2026, 5, 2, 10).toUTC();
        c.updatedAt = c.publishedAt;
        all << c;
        // 20: rejected, its last change after the period: still in moderation then.
        c = complaint(20, local(2026, 3, 15, 10), 1, 1);
        c.state = ComplaintState::Rejected;
        c.publishedAt = {};
        c.dueDate = {};
        c.agencyId.reset();
        c.updatedAt = local(2026, 5, 4, 10).toUTC();
        all << c;
        // 21: due on the period's last day, not answered: not yet overdue then.
        c = complaint(21, local(2026, 3, 20, 10), 1, 2);
        c.dueDate = QDate(2026, 4, 30);
        all << c;
        // 22: due the day before: one day overdue.
        c = complaint(22, local(2026, 3, 21, 10), 1, 2);
        c.dueDate = QDate(2026, 4, 29);
        all << c;
        // 23: solved in January, contested in February, no new answer: owed
        // again, 85 days past its due date (02-04).
        c = complaint(23, local(2026, 1, 5, 10), 2, 1);
        c.state = ComplaintState::Contested;
        c.answerKind = AnswerKind::Solved;
        c.firstAnsweredAt = local(2026, 1, 20, 10).toUTC();
        c.answeredAt = c.firstAnsweredAt;
        c.updatedAt = local(2026, 2, 10, 10).toUTC();
        all << c;
        return all;
    }

    static QList<qint64> idsOf(const QList<ReportComplaint> &list)
    {
        QList<qint64> ids;
        for (const ReportComplaint &r : list)
            ids << r.id;
        return ids;
    }

private Q_SLOTS:
    void titleSaysWhatTheCacheCoversAndWhatIsPersonal()
    {
        ReportData data;
        ReportParameters &p = data.parameters;
        p.from = QDate(2025, 7, 1);
        p.to = QDate(2025, 12, 31);
        p.generatedAt = QDateTime(QDate(2026, 12, 4), QTime(9, 0), QTimeZone::utc());
        const QLocale locale(QLocale::English);
        const QStringList plain = ReportExport::titleLines(data, locale);
        QCOMPARE(plain.size(), 3); // a cache that keeps everything, no lists

        p.retentionMonths = 12;
        p.closedBefore = QDateTime(QDate(2025, 12, 4), QTime(9, 0), QTimeZone::utc());
        QStringList lines = ReportExport::titleLines(data, locale);
        QCOMPARE(lines.size(), 5);
        QVERIFY2(lines[3].contains(QStringLiteral("for 12 month")), qPrintable(lines[3]));
        QVERIFY2(lines[3].contains(locale.toString(QDate(2025, 12, 4), QLocale::ShortFormat)) ||
                     lines[3].contains(QStringLiteral("2025")),
                 qPrintable(lines[3]));
        QVERIFY(lines[4].contains(QStringLiteral("incomplete"))); // July is before December

        p.from = QDate(2025, 12, 10); // within what the cache covers
        lines = ReportExport::titleLines(data, locale);
        QCOMPARE(lines.size(), 4);

        data.overdue.append(ReportComplaint{});
        lines = ReportExport::titleLines(data, locale);
        QVERIFY(data.containsPersonalData());
        QVERIFY(lines.last().startsWith(QStringLiteral("Contains personal data")));
    }

    void initTestCase()
    {
        QVERIFY(Berlin.isValid());
        m_cache = LocalCache::open(m_dir.filePath(QStringLiteral("cache.sqlite")));
        m_cache->catalogue().replace(catalogue());
        QList<Complaint> all;
        // 1: solved, first answer late on the due day (on time).
        Complaint c = complaint(1, local(2026, 3, 29, 0, 30), 1, 1); // 23:30 UTC the day before
        c.state = ComplaintState::Solved;
        c.answerKind = AnswerKind::Solved;
        c.firstAnsweredAt = QDateTime(c.dueDate, QTime(23, 30), Berlin).toUTC();
        c.answeredAt = c.firstAnsweredAt;
        all << c;
        // 2: deadline promised a day after the due day (overdue), the
        // promised date passed, still in progress (overdue deadline).
        c = complaint(2, local(2026, 4, 1, 10), 1, 1);
        c.state = ComplaintState::InProgress;
        c.answerKind = AnswerKind::Deadline;
        c.firstAnsweredAt = QDateTime(c.dueDate.addDays(1), QTime(9, 0), Berlin).toUTC();
        c.answeredAt = c.firstAnsweredAt;
        c.answerDeadline = QDate(2026, 5, 5);
        all << c;
        // 3: no answer and the due day passed: overdue, open.
        c = complaint(3, local(2026, 4, 2, 10), 1, 2);
        c.districtId = 2;
        all << c;
        // 4: no answer, not yet due (due 2026-05-30): open, not counted as due.
        c = complaint(4, local(2026, 4, 30, 23, 59), 1, 2);
        all << c;
        // 5: rejected, 6: duplicate: no due date counts.
        c = complaint(5, local(2026, 4, 3, 10), 1, 1);
        c.state = ComplaintState::Rejected;
        c.publishedAt = {};
        c.dueDate = {};
        c.agencyId.reset();
        all << c;
        c = complaint(6, local(2026, 4, 3, 11), 1, 1);
        c.state = ComplaintState::Duplicate;
        c.publishedAt = {};
        c.agencyId.reset();
        all << c;
        // 7: awaiting moderation (no agency yet).
        c = complaint(7, local(2026, 4, 29, 10), 1, 1);
        c.state = ComplaintState::Moderation;
        c.publishedAt = {};
        c.dueDate = {};
        c.agencyId.reset();
        c.districtId.reset();
        all << c;
        // 8: solved on time, then contested by the citizen.
        c = complaint(8, local(2026, 4, 5, 10), 1, 1);
        c.state = ComplaintState::Contested;
        c.answerKind = AnswerKind::Solved;
        c.firstAnsweredAt = local(2026, 4, 10, 10).toUTC();
        c.answeredAt = c.firstAnsweredAt;
        all << c;
        // 9: solved on time and confirmed.
        c = complaint(9, local(2026, 4, 6, 10), 1, 1);
        c.state = ComplaintState::Confirmed;
        c.answerKind = AnswerKind::Solved;
        c.firstAnsweredAt = local(2026, 4, 8, 10).toUTC();
        c.answeredAt = c.firstAnsweredAt;
        all << c;
        // 10: refused on time.
        c = complaint(10, local(2026, 4, 7, 10), 1, 2);
        c.state = ComplaintState::Refused;
        c.answerKind = AnswerKind::Refusal;
        c.firstAnsweredAt = local(2026, 4, 17, 10).toUTC();
        c.answeredAt = c.firstAnsweredAt;
        all << c;
        // 11: a deadline on time, then extended (its latest answer after the
        // due day, the promised date still ahead): on time, not overdue.
        c = complaint(11, local(2026, 4, 8, 10), 1, 1);
        c.state = ComplaintState::InProgress;
        c.answerKind = AnswerKind::Deadline;
        c.firstAnsweredAt = local(2026, 4, 9, 10).toUTC();
        c.answeredAt = local(2026, 5, 9, 10).toUTC();
        c.answerDeadline = QDate(2026, 6, 30);
        c.deadlineExtended = true;
        all << c;
        // 12: re-routed to agency 2 mid-period: counts for agency 2.
        c = complaint(12, local(2026, 4, 9, 10), 2, 2);
        c.state = ComplaintState::Solved;
        c.answerKind = AnswerKind::Solved;
        c.firstAnsweredAt = local(2026, 4, 20, 10).toUTC();
        c.answeredAt = c.firstAnsweredAt;
        all << c;
        // 13: just before the period (23:59 on the 28th, Berlin time) and
        // 14: the first minute after it: neither counts.
        all << complaint(13, local(2026, 3, 28, 23, 59), 1, 1);
        all << complaint(14, local(2026, 5, 1, 0, 0), 1, 1);
        all << standingCases();
        m_cache->complaints().upsert(all);
    }

    void everyMeasure()
    {
        const ReportData data = ReportBuilder::build(m_cache->reports(), march(), catalogue());
        const Measures &m = data.summary;
        QCOMPARE(m.received, 12);
        QCOMPARE(m.published, 9); // all but 5, 6, 7
        QCOMPARE(m.rejected, 1);
        QCOMPARE(m.duplicates, 1);
        QCOMPARE(m.solved, 4); // 1, 8, 9, 12
        QCOMPARE(m.deadlineSet, 2);
        QCOMPARE(m.refused, 1);
        QCOMPARE(m.open, 6);    // 2, 3, 4, 7, 8, 11
        QCOMPARE(m.overdue, 2); // 2 (late answer), 3 (none)
        QCOMPARE(m.overdueDeadlines, 1);
        QCOMPARE(m.answered, 7);  // 1, 2, 8, 9, 10, 11, 12
        QCOMPARE(m.answerDue, 8); // the answered 7 and 3 (4 is not due yet)
        QCOMPARE(m.onTime, 6);    // 1 (on the due day), 8, 9, 10, 11 (first answer), 12
        QCOMPARE(m.onTimeShare().value(), 6.0 / 8.0);
        QCOMPARE(m.contested, 1);
        QCOMPARE(m.confirmed, 1);
        // Days from registration to the first answer; 1 and 2 span the
        // clock change (their day is an hour short).
        QList<double> days;
        for (const auto &[created, answered] : QList<std::pair<QDateTime, QDateTime>>{
                 {local(2026, 3, 29, 0, 30), QDateTime(QDate(2026, 4, 28), QTime(23, 30), Berlin)},
                 {local(2026, 4, 1, 10), QDateTime(QDate(2026, 5, 2), QTime(9, 0), Berlin)},
                 {local(2026, 4, 5, 10), local(2026, 4, 10, 10)},
                 {local(2026, 4, 6, 10), local(2026, 4, 8, 10)},
                 {local(2026, 4, 7, 10), local(2026, 4, 17, 10)},
                 {local(2026, 4, 8, 10), local(2026, 4, 9, 10)},
                 {local(2026, 4, 9, 10), local(2026, 4, 20, 10)}})
            days << double(created.msecsTo(answered)) / 86'400'000.0;
        QCOMPARE(days[0], 30.0 + 22.0 / 24.0); // 31 days less the hour the clocks skip
        double sum = 0;
        for (const double d : std::as_const(days))
            sum += d;
        QCOMPARE(m.averageDaysToAnswer, sum / 7);
        std::sort(days.begin(), days.end());
        QCOMPARE(m.medianDaysToAnswer, days[3]);
    }

    void breakdownsAndLists()
    {
        const ReportData data = ReportBuilder::build(m_cache->reports(), march(), catalogue());
        QCOMPARE(data.byAgency.size(), 3); // two agencies, then "not yet assigned"
        QCOMPARE(data.byAgency[0].name, QStringLiteral("Дорожное хозяйство"));
        QCOMPARE(data.byAgency[0].measures.received, 8);
        QCOMPARE(data.byAgency[1].name, QStringLiteral("Горсвет"));
        QCOMPARE(data.byAgency[1].measures.received, 1); // the re-routed one
        QCOMPARE(data.byAgency[2].measures.received, 3);
        QCOMPARE(data.byCategory.size(), 2);
        QCOMPARE(data.byCategory[0].measures.received + data.byCategory[1].measures.received, 12);
        QCOMPARE(data.byDistrict.last().name, QStringLiteral("No district"));
        // A period of 33 days: weeks from Monday 2026-03-23 to 2026-04-27.
        QVERIFY(!data.trendByMonth);
        QCOMPARE(data.trend.first().name, QStringLiteral("2026-03-23"));
        QCOMPARE(data.trend.first().period, QDate(2026, 3, 23)); // for the outputs' date format
        QCOMPARE(data.trend.last().name, QStringLiteral("2026-04-27"));
        int inTrend = 0;
        for (const ReportGroup &g : data.trend)
            inTrend += g.measures.received;
        QCOMPARE(inTrend, 12);
        QCOMPARE(data.trend.first().measures.received, 1); // 1, on Sunday the 29th
    }

    // The state at the end of the period (2026-04-30) of everything
    // registered by then, from the dated fields: the backlog the report on
    // "received in the period" alone hid (its overdue: 2; at the end: 5).
    void atTheEndOfThePeriod()
    {
        const ReportData data = ReportBuilder::build(m_cache->reports(), march(), catalogue());
        QCOMPARE(data.asOf, QDate(2026, 4, 30));
        QVERIFY(!data.asOfToday);
        const StandingMeasures &m = data.standing;
        // 7; 4, 19 (published after the end: 4 an hour after it); 20 (rejected after it)
        QCOMPARE(m.inModeration, 4);
        QCOMPARE(m.awaitingAnswer, 7); // 2, 3 (answers came later or not), 13, 15, 16, 21, 22
        QCOMPARE(m.contested, 2);      // 8, 23 (18 was contested only after the end)
        QCOMPARE(m.inProgress, 2);     // 11 (answered again later), 17
        QCOMPARE(m.open, 15);
        QCOMPARE(m.overdue, 5); // 13, 15, 16, 22, 23; 21 is due that very day
        QCOMPARE(m.overdueByAge, (std::array<int, 4>{2, 0, 2, 1})); // 3 and 1; 80 and 85; 150
        QCOMPARE(m.longestOverdueDays, int(QDate(2025, 12, 1).daysTo(QDate(2026, 4, 30))));
        QCOMPARE(m.longestOverdueDays, 150);
        QCOMPARE(m.overdueDeadlines, 1); // 17
        // By agency (the catalogue's order, the unassigned last) and category.
        QCOMPARE(data.standingByAgency.size(), 3);
        QCOMPARE(data.standingByAgency[0].name, QStringLiteral("Дорожное хозяйство"));
        QCOMPARE(data.standingByAgency[0].measures.open, 10);
        QCOMPARE(data.standingByAgency[0].measures.overdue, 3);
        QCOMPARE(data.standingByAgency[1].measures.open, 3); // 15, 17, 23
        QCOMPARE(data.standingByAgency[1].measures.overdue, 2);
        QCOMPARE(data.standingByAgency[1].measures.longestOverdueDays, 85);
        QCOMPARE(data.standingByAgency[2].name, QStringLiteral("Not yet assigned"));
        QCOMPARE(data.standingByAgency[2].measures.inModeration, 2); // 7, 20
        QCOMPARE(data.standingByCategory.size(), 2);
        QCOMPARE(data.standingByCategory[0].measures.open +
                     data.standingByCategory[1].measures.open,
                 15);
        QCOMPARE(data.standingByCategory[0].measures.overdue, 3); // 13, 16, 23
        QCOMPARE(data.standingByCategory[1].measures.overdue, 2); // 15, 22
        // The overdue then, longest first, with how long and what came since.
        QCOMPARE(idsOf(data.overdue), (QList<qint64>{16, 23, 15, 13, 22}));
        QCOMPARE(data.overdue[0].daysOverdue, 150);
        QCOMPARE(data.overdue[0].answeredOn, QDate(2026, 5, 5));
        QCOMPARE(data.overdue[1].daysOverdue, 85);
        QVERIFY(!data.overdue[1].answeredOn.isValid());
        QCOMPARE(data.overdue[4].daysOverdue, 1);
        // The open then, most votes first (votes = id here).
        QCOMPARE(idsOf(data.topUnresolved),
                 (QList<qint64>{23, 22, 21, 20, 19, 17, 16, 15, 13, 11, 8, 7, 4, 3, 2}));
        QCOMPARE(data.topUnresolved[0].ageDays, int(QDate(2026, 1, 5).daysTo(QDate(2026, 4, 30))));
    }

    // A period that ends today: its end is now, and the numbers are the
    // desk's (its overdue queue counts the same complaints).
    void aPeriodEndingTodayMatchesTheDesk()
    {
        ReportParameters p = march();
        p.to = p.today;
        p.generatedAt = QDateTime(p.today, QTime(12, 0), Berlin);
        const ReportData data = ReportBuilder::build(m_cache->reports(), p, catalogue());
        QVERIFY(data.asOfToday);
        QCOMPARE(data.asOf, p.today);
        DeskQueueContext desk;
        desk.role = Role::Supervisor;
        desk.today = p.today;
        const qint64 deskOverdue =
            m_cache->queue().count(DeskQueues::query(DeskQueue::Overdue, desk));
        QCOMPARE(deskOverdue, 9); // 3, 8, 13, 15, 18, 19, 21, 22, 23
        QCOMPARE(qint64(data.standing.overdue), deskOverdue);
        QCOMPARE(qint64(data.overdue.size()), deskOverdue);
        // Made later for that day (--today, a missed scheduled report): the
        // end of that day, not now.
        ReportParameters later = p;
        later.generatedAt = QDateTime(p.today.addDays(2), QTime(9, 0), Berlin);
        const ReportData made = ReportBuilder::build(m_cache->reports(), later, catalogue());
        QVERIFY(!made.asOfToday);
        QCOMPARE(made.asOf, p.today);
        // One agency's report counts that agency's queue.
        p.agencyId = 2;
        desk.agencyId = 2;
        QCOMPARE(qint64(ReportBuilder::build(m_cache->reports(), p, catalogue()).standing.overdue),
                 m_cache->queue().count(DeskQueues::query(DeskQueue::Overdue, desk)));
    }

    // The category, agency and district filters hold for the end of the
    // period too; a period ending before anything was registered has no
    // backlog.
    void standingFilters()
    {
        ReportParameters p = march();
        p.categories = {2};
        const ReportData data = ReportBuilder::build(m_cache->reports(), p, catalogue());
        QCOMPARE(data.standingByCategory.size(), 1);
        QCOMPARE(data.standing, data.standingByCategory[0].measures);
        for (const ReportComplaint &r : data.overdue)
            QCOMPARE(r.category, QStringLiteral("Освещение"));
        p.categories.clear();
        p.districts = {2};
        QCOMPARE(ReportBuilder::build(m_cache->reports(), p, catalogue()).standing.open, 1); // 3
    }

    void agencyCategoryAndDistrictFilters()
    {
        ReportParameters p = march();
        p.agencyId = 2;
        QCOMPARE(ReportBuilder::build(m_cache->reports(), p, catalogue()).summary.received, 1);
        p.agencyId = 1;
        p.categories = {2};
        QCOMPARE(ReportBuilder::build(m_cache->reports(), p, catalogue()).summary.received, 3);
        p.categories.clear();
        p.districts = {2};
        QCOMPARE(ReportBuilder::build(m_cache->reports(), p, catalogue()).summary.received, 1);
    }

    void emptyPeriod()
    {
        ReportParameters p = march();
        p.from = QDate(2024, 1, 1);
        p.to = QDate(2024, 12, 31);
        const ReportData data = ReportBuilder::build(m_cache->reports(), p, catalogue());
        QCOMPARE(data.summary, Measures{});
        QVERIFY(!data.summary.onTimeShare());
        QVERIFY(data.trendByMonth);
        QCOMPARE(data.trend.size(), 12); // every month, each empty
        QVERIFY(data.byCategory.isEmpty());
        QVERIFY(data.overdue.isEmpty());
        QVERIFY(data.topUnresolved.isEmpty());
        QCOMPARE(data.standing, StandingMeasures{});
    }

    void cancelled()
    {
        std::atomic<bool> cancel{true};
        QList<ReportRow> rows(10000);
        for (ReportRow &row : rows)
            row.createdAt = local(2026, 4, 1, 10);
        const ReportData data = ReportBuilder::build(rows, march(), catalogue(), &cancel);
        QVERIFY(data.summary.received < 10000);
    }

    // "This …" runs to today; "previous …" is the whole one that ended, also
    // on the first day of this one (when a scheduled report runs).
    void presets()
    {
        using P = ReportPeriod;
        const QDate wednesday(2026, 2, 11);
        QCOMPARE(presetPeriod(P::ThisWeek, wednesday), std::pair(QDate(2026, 2, 9), wednesday));
        QCOMPARE(presetPeriod(P::ThisMonth, wednesday), std::pair(QDate(2026, 2, 1), wednesday));
        QCOMPARE(presetPeriod(P::ThisQuarter, QDate(2026, 8, 31)),
                 std::pair(QDate(2026, 7, 1), QDate(2026, 8, 31)));
        QCOMPARE(presetPeriod(P::ThisYear, wednesday), std::pair(QDate(2026, 1, 1), wednesday));
        QCOMPARE(presetPeriod(P::PreviousWeek, wednesday),
                 std::pair(QDate(2026, 2, 2), QDate(2026, 2, 8)));
        QCOMPARE(presetPeriod(P::PreviousMonth, wednesday),
                 std::pair(QDate(2026, 1, 1), QDate(2026, 1, 31)));
        QCOMPARE(presetPeriod(P::PreviousQuarter, QDate(2026, 8, 31)),
                 std::pair(QDate(2026, 4, 1), QDate(2026, 6, 30)));
        QCOMPARE(presetPeriod(P::PreviousYear, wednesday),
                 std::pair(QDate(2025, 1, 1), QDate(2025, 12, 31)));
        // On the 1st: this month is that day; the previous month is the one
        // that ended, across a year's end too.
        const QDate first(2026, 12, 1);
        QCOMPARE(presetPeriod(P::ThisMonth, first), std::pair(first, first));
        QCOMPARE(presetPeriod(P::PreviousMonth, first),
                 std::pair(QDate(2026, 11, 1), QDate(2026, 11, 30)));
        QCOMPARE(presetPeriod(P::PreviousMonth, QDate(2027, 1, 1)),
                 std::pair(QDate(2026, 12, 1), QDate(2026, 12, 31)));
        QCOMPARE(presetPeriod(P::PreviousQuarter, QDate(2027, 1, 1)),
                 std::pair(QDate(2026, 10, 1), QDate(2026, 12, 31)));
        QCOMPARE(presetPeriod(P::PreviousWeek, QDate(2026, 3, 2)), // a Monday
                 std::pair(QDate(2026, 2, 23), QDate(2026, 3, 1)));
        // The command line's names.
        QCOMPARE(reportPeriodNamed(QStringLiteral("previous-month")), P::PreviousMonth);
        QCOMPARE(reportPeriodNamed(QStringLiteral("month")), P::ThisMonth);
        QCOMPARE(reportPeriodNamed(QStringLiteral("this-year")), P::ThisYear);
        QVERIFY(!reportPeriodNamed(QStringLiteral("last-month")));
    }
};

QTEST_GUILESS_MAIN(TestReportNumbers)
#include "tst_reportnumbers.moc"
