#pragma once

#include "ComplaintRecords.h"
#include "Catalogue.h"
#include "Complaint.h"

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
    DemoComplaint makeOne(qint64 id, const QList<DemoComplaint> &earlier);
    QString complaintText(int categoryId, const QString &address);
    QString personName(QString *email, QString *phone);

    QRandomGenerator m_random;
    QDateTime m_now;
};

} // namespace rd::demo
