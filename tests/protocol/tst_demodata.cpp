// The demo looks like a service that works: most complaints answered
// within their 30 days, a few days late here and there, a handful overdue
// by days or weeks (never months), a backlog that grows in winter, promises
// mostly kept; every state of the lifecycle there, and quickly made. And the
// demo's geography: the okrugs' outlines hold their streets.

#include "ComplaintState.h"
#include "DemoGenerator.h"
#include "GeoJson.h"
#include "OmskGeography.h"
#include "QueueQuery.h"
#include "TestSupport.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTest>
#include <QTimeZone>

#include <algorithm>

using namespace rd;

namespace {

struct Figures
{
    int total = 0;
    int answered = 0;
    int onTime = 0;
    QList<qint64> daysLate;
    int awaiting = 0;
    int overdue = 0;
    int overdueOfAgency1 = 0;
    qint64 mostDaysOverdue = 0;
    int promises = 0;       // in progress
    int brokenPromises = 0; // in progress past the promised date
    QSet<ComplaintState> states;
};

Figures figuresOf(const QList<demo::DemoComplaint> &demo, const QDate &today)
{
    Figures f;
    for (const demo::DemoComplaint &d : demo) {
        const Complaint &c = d.complaint;
        ++f.total;
        f.states.insert(c.state);
        if (c.firstAnsweredAt.isValid()) {
            ++f.answered;
            const qint64 late = c.dueDate.daysTo(c.firstAnsweredAt.date());
            if (late <= 0)
                ++f.onTime;
            else
                f.daysLate.append(late);
        }
        f.awaiting += awaitsAnswer(c.state) ? 1 : 0;
        if (isAnswerOverdue(c.state, c.dueDate, today)) {
            ++f.overdue;
            f.overdueOfAgency1 += c.agencyId == 1 ? 1 : 0;
            f.mostDaysOverdue = std::max(f.mostDaysOverdue, c.dueDate.daysTo(today));
        }
        if (c.state == ComplaintState::InProgress) {
            ++f.promises;
            f.brokenPromises += c.answerDeadline < today ? 1 : 0;
        }
    }
    return f;
}

// Complaints published by then and not yet answered then: the agencies'
// backlog on that day, from the records' own times.
int backlogOn(const QList<demo::DemoComplaint> &demo, const QDateTime &at)
{
    int backlog = 0;
    for (const demo::DemoComplaint &d : demo) {
        const Complaint &c = d.complaint;
        if (c.publishedAt.isValid() && c.publishedAt <= at &&
            (!c.firstAnsweredAt.isValid() || c.firstAnsweredAt > at))
            ++backlog;
    }
    return backlog;
}

QDateTime monthEnd(int year, int month)
{
    return QDateTime(QDate(year, month, 1).addMonths(1).addDays(-1), QTime(23, 0),
                     QTimeZone::utc());
}

} // namespace

class TestDemoData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aServiceThatWorks_data()
    {
        QTest::addColumn<QDateTime>("now");
        QTest::addRow("late November") << test::fixedNow();
        QTest::addRow("mid-July") << QDateTime(QDate(2026, 7, 15), QTime(9, 0), QTimeZone::utc());
        QTest::addRow("early March") << QDateTime(QDate(2027, 3, 2), QTime(9, 0), QTimeZone::utc());
    }
    void aServiceThatWorks()
    {
        QFETCH(QDateTime, now);
        const auto demo = demo::DemoGenerator(59, now).generate(5000);
        const Figures f = figuresOf(demo, now.date());
        qInfo("%d complaints: %d answered, %d on time; %d awaiting, %d overdue (agency 1: %d, "
              "at most %lld days); %d in progress, %d past the promised date",
              f.total, f.answered, f.onTime, f.awaiting, f.overdue, f.overdueOfAgency1,
              static_cast<long long>(f.mostDaysOverdue), f.promises, f.brokenPromises);
        // Most answered within their 30 days; a few late, by days.
        QVERIFY2(f.onTime >= 0.88 * f.answered,
                 qPrintable(QStringLiteral("%1 of %2 on time").arg(f.onTime).arg(f.answered)));
        QVERIFY(!f.daysLate.isEmpty());
        QList<qint64> late = f.daysLate;
        std::sort(late.begin(), late.end());
        QVERIFY2(late[late.size() / 2] <= 10, qPrintable(QString::number(late[late.size() / 2])));
        // A handful overdue now, by days or weeks: a clerk's queue, not a
        // graveyard.
        QVERIFY(f.overdue > 0);
        QVERIFY2(f.overdue <= 0.02 * f.total, qPrintable(QString::number(f.overdue)));
        QVERIFY2(f.overdue <= 0.15 * f.awaiting,
                 qPrintable(QStringLiteral("%1 of %2").arg(f.overdue).arg(f.awaiting)));
        QVERIFY2(f.overdueOfAgency1 <= 30, qPrintable(QString::number(f.overdueOfAgency1)));
        QVERIFY2(f.mostDaysOverdue <= 60, qPrintable(QString::number(f.mostDaysOverdue)));
        // A moderate backlog: what came in over the last weeks.
        QVERIFY2(f.awaiting >= 0.02 * f.total && f.awaiting <= 0.15 * f.total,
                 qPrintable(QString::number(f.awaiting)));
        // Promised fixes are mostly done by their date.
        QVERIFY2(f.brokenPromises <= 0.1 * f.promises,
                 qPrintable(QStringLiteral("%1 of %2").arg(f.brokenPromises).arg(f.promises)));
        QCOMPARE(f.states.size(), 9); // every state of the lifecycle
    }

    void theBacklogGrowsInWinter()
    {
        const auto demo = demo::DemoGenerator(59, test::fixedNow()).generate(5000);
        const double winter =
            (backlogOn(demo, monthEnd(2025, 12)) + backlogOn(demo, monthEnd(2026, 1)) +
             backlogOn(demo, monthEnd(2026, 2))) /
            3.0;
        const double summer =
            (backlogOn(demo, monthEnd(2026, 6)) + backlogOn(demo, monthEnd(2026, 7)) +
             backlogOn(demo, monthEnd(2026, 8))) /
            3.0;
        qInfo("backlog at the month's end: winter %.0f, summer %.0f", winter, summer);
        QVERIFY2(winter > 1.25 * summer,
                 qPrintable(QStringLiteral("winter %1, summer %2").arg(winter).arg(summer)));
        QVERIFY(summer > 0);
    }

    void contestedComplaintsAreAnsweredAgainSoon()
    {
        const QDateTime now = test::fixedNow();
        int contested = 0;
        for (const auto &d : demo::DemoGenerator(7, now).generate(5000)) {
            if (d.complaint.state != ComplaintState::Contested)
                continue;
            ++contested;
            QCOMPARE(d.history.last().action, QStringLiteral("contest"));
            QVERIFY(d.history.last().at.daysTo(now) <= 20);
        }
        QVERIFY(contested > 0);
    }

    void quickAtAnyScale()
    {
        QElapsedTimer timer;
        timer.start();
        const auto demo = demo::DemoGenerator(1, test::fixedNow()).generate(5000);
        QCOMPARE(demo.size(), 5000);
        QVERIFY2(timer.elapsed() < 2500, qPrintable(QString::number(timer.elapsed())));
    }

    void theOkrugsHoldTheirStreets()
    {
        const Geography omsk = demo::omskGeography();
        QCOMPARE(omsk.districts.size(), demo::omskDistricts().size());
        QCOMPARE(omsk.streets.size(), demo::omskStreets().size());
        // Each street's midpoint lies in its own okrug (a few long streets
        // run on into the next, as real ones do), and in no other.
        int inOwn = 0;
        for (const demo::DemoStreet &s : demo::omskStreets()) {
            const double lat = (s.lat1 + s.lat2) / 2;
            const double lon = (s.lon1 + s.lon2) / 2;
            int holding = 0;
            for (const DistrictOutline &d : omsk.districts) {
                if (QueueQuery::polygonContains(d.polygons.first().first(), lat, lon)) {
                    ++holding;
                    inOwn += *d.districtId == s.districtId ? 1 : 0;
                }
            }
            QVERIFY2(holding == 1, s.name);
        }
        QVERIFY2(inOwn >= demo::omskStreets().size() - 2, qPrintable(QString::number(inOwn)));
        // Inside the city's box, and what the server publishes reads back whole.
        const GeoBox box = omsk.bounds();
        QVERIFY(box.south >= demo::OmskSouth && box.north <= demo::OmskNorth);
        QVERIFY(box.west >= demo::OmskWest && box.east <= demo::OmskEast);
        const auto read = GeoJson::read(GeoJson::write(omsk));
        QVERIFY2(read, qPrintable(read.error.toString()));
        QCOMPARE(*read.value, omsk);
    }
};

QTEST_GUILESS_MAIN(TestDemoData)
#include "tst_demodata.moc"
