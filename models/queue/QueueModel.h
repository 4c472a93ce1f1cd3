#pragma once

#include "Catalogue.h"
#include "Complaint.h"
#include "QueueQuery.h"

#include <QAbstractTableModel>
#include <QHash>

namespace rd {

class QueueReader;

// A queue of complaints as a table, read from the cache lazily: the row count
// comes from one COUNT, rows arrive in pages as views ask for them, so a
// queue of 100 000 costs what is on screen.
class QueueModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueModel)
public:
    enum Column
    {
        IdColumn,
        StateColumn,
        CategoryColumn,
        AddressColumn,
        CreatedColumn,
        DueColumn,
        VotesColumn,
        ColumnCount
    };
    enum Role
    {
        ComplaintIdRole = Qt::UserRole + 1,
        StateCodeRole,
        OverdueRole,
        DueSoonRole, // the answer is due within dueSoonDays()
        DraftRole,
        PendingActionRole
    };

    QueueModel(QueueReader &store, const Catalogue &catalogue, QObject *parent = nullptr);

    void setQuery(const QueueQuery &query);
    const QueueQuery &query() const { return m_query; }
    void setCatalogue(const Catalogue &catalogue);
    // Re-reads the queue (after a sync wrote to the cache).
    void reload();
    // The date "today" for overdue marks; the clock is the caller's (until
    // it is set, nothing is marked overdue).
    void setToday(const QDate &today);
    void setDueSoonDays(int days) { m_dueSoonDays = days; }
    int dueSoonDays() const { return m_dueSoonDays; }
    // The row of a complaint among the loaded pages, or -1.
    int rowOfLoaded(qint64 id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order) override;
    // The query sorted as sort(column, order) would sort it.
    static QueueQuery sorted(QueueQuery query, int column, Qt::SortOrder order);

    static QString stateName(ComplaintState state);

    // Why the queue could not be read (the cache's own words: what happened
    // and what to do), or empty. An unreadable queue is never shown as an
    // empty one: the view shows this instead.
    const QString &error() const { return m_error; }

Q_SIGNALS:
    void errorChanged(const QString &message);

private:
    void setError(const QString &message);
    const ComplaintRow *rowAt(int row) const;
    void reset(bool recount);

    static constexpr int PageSize = 256;
    QueueReader &m_store;
    QueueQuery m_query;
    QHash<int, QString> m_categoryNames;
    QDate m_today;
    int m_dueSoonDays = 3;
    int m_count = 0;
    mutable QHash<int, QList<ComplaintRow>> m_pages;
    // In the possible-duplicates queue: what each shown row likely repeats
    // (0: nothing found), looked up as rows are painted, not for a whole page.
    mutable QHash<qint64, qint64> m_originals;
    qint64 originalOf(qint64 id) const;
    QString m_error;
};

} // namespace rd
