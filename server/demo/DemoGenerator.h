#pragma once

#include "Catalogue.h"
#include "Complaint.h"
#include "ComplaintRecords.h"

#include <QDateTime>
#include <QList>
#include <QRandomGenerator>

namespace rd::demo {

// One generated complaint with its consistent history and photos.
struct DemoComplaint
{
    Complaint complaint;
    QList<HistoryEntry> history;
    QList<Photo> photos;
};

// Realistic demo data for Omsk: real districts and streets, the categories and
// agencies a city has, varied Russian texts, every state of the lifecycle with
// a history whose timestamps agree, votes, near duplicates. A service that
// works as a real one does: most complaints answered well within the 30
// days, a few days late here and there, a very few stuck for some weeks; a
// moderate open backlog (what was filed in the last weeks) that grows in
// winter, when snow, ice and heating bring more complaints and the agencies
// are slower; promised fixes mostly done by their date. So an open
// complaint is overdue by days or weeks, never by months.
// Deterministic: the same seed and "now" give the same data, at any scale.
class DemoGenerator final
{
public:
    DemoGenerator(quint32 seed, const QDateTime &now);

    static Catalogue catalogue();
    // How busy the time of year is: 0 in mid-July … 1 in mid-January.
    static double winterLoad(const QDateTime &time);

    // Complaints with ids firstId, firstId+1, …, filed over the year before now.
    QList<DemoComplaint> generate(int count, qint64 firstId = 1);

private:
    struct Draft; // a complaint being generated

    // One complaint's life, step by step; each step draws from m_random in
    // a fixed order, so the same seed gives the same complaints.
    DemoComplaint makeOne(qint64 id, const QList<DemoComplaint> &earlier);
    // Where, what, who and when, with its photos: the "file" event.
    void file(Draft &draft, qint64 id);
    // When it was filed: over the past year, more recently and in winter.
    void fileDate(Draft &draft);
    int seasonalCategory(double load);
    // Waiting, rejected, a duplicate, or published (true: the agency's turn).
    bool moderate(Draft &draft, const QList<DemoComplaint> &earlier);
    void markDuplicate(Draft &draft, const DemoComplaint &original, double hours);
    // Days from filing to the agency's first answer.
    double answerDelay(const Draft &draft);
    void answerWithDeadline(Draft &draft, double answerAfterDays, double *hours);
    void answerSolved(Draft &draft, double hours);
    void answerRefusal(Draft &draft, double hours);
    void civicControl(Draft &draft, double hours);
    void answerContest(Draft &draft, double contestedAt);
    QString complaintText(int categoryId, const QString &address);
    QString personName(QString *email, QString *phone);

    QRandomGenerator m_random;
    QDateTime m_now;
    Catalogue m_catalogue; // built once: read for every complaint
};

} // namespace rd::demo
