#include "QueueModel.h"
#include "DateText.h"

#include "CacheError.h"
#include "QueueReader.h"

#include <QLocale>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcQueueModel, "regiondesk.queuemodel")

namespace rd {

QueueModel::QueueModel(QueueReader &store, const Catalogue &catalogue, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    setCatalogue(catalogue);
    reload();
}

void QueueModel::setQuery(const QueueQuery &query)
{
    if (query == m_query)
        return;
    // A new order of the same rows keeps the count.
    QueueQuery sameOrder = query;
    sameOrder.sort = m_query.sort;
    sameOrder.descending = m_query.descending;
    const bool sameRows = sameOrder == m_query;
    m_query = query;
    reset(!sameRows);
}

void QueueModel::setCatalogue(const Catalogue &catalogue)
{
    m_categoryNames.clear();
    for (const Category &category : catalogue.categories)
        m_categoryNames.insert(category.id, category.name);
    if (m_count > 0)
        Q_EMIT dataChanged(index(0, CategoryColumn), index(m_count - 1, CategoryColumn));
}

void QueueModel::setToday(const QDate &today)
{
    m_today = today;
    if (m_count > 0)
        Q_EMIT dataChanged(index(0, 0), index(m_count - 1, ColumnCount - 1));
}

void QueueModel::reload()
{
    reset(true);
}

qint64 QueueModel::originalOf(qint64 id) const
{
    const auto known = m_originals.constFind(id);
    if (known != m_originals.constEnd())
        return *known;
    qint64 original = 0;
    try {
        original = m_store.likelyOriginal(id).value_or(0);
    } catch (const CacheError &error) {
        qCWarning(lcQueueModel) << "finding the original failed:" << error.detail();
    }
    m_originals.insert(id, original);
    return original;
}

void QueueModel::reset(bool recount)
{
    beginResetModel();
    m_pages.clear();
    m_originals.clear();
    QString problem;
    if (recount) {
        try {
            m_count = int(m_store.count(m_query));
        } catch (const CacheError &error) {
            qCWarning(lcQueueModel) << "reading the queue failed:" << error.detail();
            m_count = 0;
            problem = error.message();
        }
    }
    endResetModel();
    if (recount)
        setError(problem);
}

void QueueModel::setError(const QString &message)
{
    if (message == m_error)
        return;
    m_error = message;
    Q_EMIT errorChanged(m_error);
}

const ComplaintRow *QueueModel::rowAt(int row) const
{
    const int page = row / PageSize;
    auto it = m_pages.find(page);
    if (it == m_pages.end()) {
        QList<ComplaintRow> rows;
        try {
            rows = m_store.page(m_query, page * PageSize, PageSize);
        } catch (const CacheError &error) {
            qCWarning(lcQueueModel) << "reading a queue page failed:" << error.detail();
            // Said after the paint that asked for the rows, not inside it.
            QMetaObject::invokeMethod(
                const_cast<QueueModel *>(this),
                [this, message = error.message()] {
                    const_cast<QueueModel *>(this)->setError(message);
                },
                Qt::QueuedConnection);
        }
        it = m_pages.insert(page, rows);
    }
    const int offset = row % PageSize;
    return offset < it->size() ? &it->at(offset) : nullptr;
}

int QueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_count;
}

int QueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString QueueModel::stateName(ComplaintState state)
{
    switch (state) {
    case ComplaintState::Moderation:
        return tr("Awaiting moderation");
    case ComplaintState::Published:
        return tr("Awaiting answer");
    case ComplaintState::Rejected:
        return tr("Rejected");
    case ComplaintState::Duplicate:
        return tr("Duplicate");
    case ComplaintState::InProgress:
        return tr("Deadline set");
    case ComplaintState::Solved:
        return tr("Solved");
    case ComplaintState::Refused:
        return tr("Refused");
    case ComplaintState::Confirmed:
        return tr("Confirmed");
    case ComplaintState::Contested:
        return tr("Contested");
    }
    return {};
}

QVariant QueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ComplaintRow *row = rowAt(index.row());
    if (!row)
        return {};
    const bool awaiting = awaitsAnswer(row->state) && row->dueDate.isValid();
    const bool overdue = isAnswerOverdue(row->state, row->dueDate, m_today);
    const bool dueSoon = awaiting && !overdue && row->dueDate <= m_today.addDays(m_dueSoonDays);
    switch (role) {
    case ComplaintIdRole:
        return row->id;
    case StateCodeRole:
        return toCode(row->state);
    case OverdueRole:
        return overdue;
    case DueSoonRole:
        return dueSoon;
    case DraftRole:
        return row->hasDraft;
    case PendingActionRole:
        return row->pendingActions > 0;
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn:
            return QString::number(row->id) + (row->hasDraft ? QStringLiteral(" ✎") : QString()) +
                   (row->pendingActions > 0 ? QStringLiteral(" ↑") : QString());
        case StateColumn:
            // Every possible duplicate awaits moderation: the column names
            // what it likely repeats instead.
            if (m_query.suspectedDuplicateOnly) {
                if (const qint64 original = originalOf(row->id))
                    return tr("No. %1").arg(original);
                return QString();
            }
            return stateName(row->state);
        case CategoryColumn:
            return m_categoryNames.value(row->categoryId, QString::number(row->categoryId));
        case AddressColumn:
            return row->address;
        case CreatedColumn: {
            const qint64 days = row->createdAt.toLocalTime().date().daysTo(m_today);
            return days <= 0 ? tr("today") : tr("%n day(s)", nullptr, int(days));
        }
        case DueColumn:
            return row->dueDate.isValid() ? DateText::date(row->dueDate) : QString();
        case VotesColumn:
            return row->votes;
        }
        break;
    case Qt::ToolTipRole:
        if (row->leftScope)
            return tr("No longer assigned to you; kept because of your unsent work");
        if (row->pendingActions > 0 && index.column() == IdColumn)
            return tr("Your action waits in the outbox to be sent");
        if (row->hasDraft)
            return tr("You have a draft answer for this complaint");
        if (index.column() == StateColumn && m_query.suspectedDuplicateOnly && originalOf(row->id))
            return tr("Possibly a duplicate of complaint No. %1: compare them on the Duplicate "
                      "tab (D)")
                .arg(originalOf(row->id));
        if (index.column() == CreatedColumn)
            return tr("Filed on %1").arg(DateText::dateTime(row->createdAt));
        if (overdue && index.column() == DueColumn)
            return tr("Overdue: the answer was due on %1").arg(DateText::longDate(row->dueDate));
        if (dueSoon && index.column() == DueColumn)
            return tr("Due soon: the answer is due on %1").arg(DateText::longDate(row->dueDate));
        // Narrow columns elide: the whole text on hover.
        if (index.column() == AddressColumn)
            return row->address;
        if (index.column() == CategoryColumn)
            return data(index, Qt::DisplayRole);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == IdColumn || index.column() == VotesColumn ||
            index.column() == CreatedColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant QueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("No.");
    case StateColumn:
        return m_query.suspectedDuplicateOnly ? tr("Looks like") : tr("State");
    case CategoryColumn:
        return tr("Category");
    case AddressColumn:
        return tr("Address");
    case CreatedColumn:
        return tr("Age");
    case DueColumn:
        return tr("Answer due");
    case VotesColumn:
        return tr("Votes");
    }
    return {};
}

void QueueModel::sort(int column, Qt::SortOrder order)
{
    setQuery(sorted(m_query, column, order));
}

QueueQuery QueueModel::sorted(QueueQuery query, int column, Qt::SortOrder order)
{
    switch (column) {
    case IdColumn:
        query.sort = QueueQuery::SortKey::Id;
        break;
    case CreatedColumn:
        query.sort = QueueQuery::SortKey::Created;
        break;
    case DueColumn:
        query.sort = QueueQuery::SortKey::DueDate;
        break;
    case VotesColumn:
        query.sort = QueueQuery::SortKey::Votes;
        break;
    case StateColumn:
        query.sort = QueueQuery::SortKey::State;
        break;
    case CategoryColumn:
        query.sort = QueueQuery::SortKey::Category;
        break;
    case AddressColumn:
        query.sort = QueueQuery::SortKey::Address;
        break;
    default:
        query.sort = QueueQuery::SortKey::Updated;
        break;
    }
    query.descending = order == Qt::DescendingOrder;
    return query;
}

} // namespace rd

namespace rd {

int QueueModel::rowOfLoaded(qint64 id) const
{
    for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it) {
        for (int i = 0; i < it.value().size(); ++i) {
            if (it.value().at(i).id == id)
                return it.key() * PageSize + i;
        }
    }
    return -1;
}

} // namespace rd
