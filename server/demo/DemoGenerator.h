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
// a history whose timestamps agree, votes, overdue answers, near duplicates.
// Deterministic: the same seed and "now" give the same data, at any scale.
class DemoGenerator final
{
public:
    DemoGenerator(quint32 seed, const QDateTime &now);

    static Catalogue catalogue();

    // Complaints with ids firstId, firstId+1, …, filed over the year before now.
    QList<DemoComplaint> generate(int count, qint64 firstId = 1);

private:
    struct Draft; // a complaint being generated

    // One complaint's life, step by step; each step draws from m_random in
    // a fixed order, so the same seed gives the same complaints.
    DemoComplaint makeOne(qint64 id, const QList<DemoComplaint> &earlier);
    // Where, what, who and when, with its photos: the "file" event.
    void file(Draft &draft, qint64 id);
    // Waiting, rejected, a duplicate, or published (true: the agency's turn).
    bool moderate(Draft &draft, const QList<DemoComplaint> &earlier);
    void markDuplicate(Draft &draft, const DemoComplaint &original, double hours);
    void answerWithDeadline(Draft &draft, double answerAfterDays, double *hours);
    void answerSolved(Draft &draft, double hours);
    void answerRefusal(Draft &draft, double hours);
    void civicControl(Draft &draft, double answerAfterDays, double hours);
    QString complaintText(int categoryId, const QString &address);
    QString personName(QString *email, QString *phone);

    QRandomGenerator m_random;
    QDateTime m_now;
};

} // namespace rd::demo
