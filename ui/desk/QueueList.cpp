#include "QueueList.h"

namespace rd {

namespace {

constexpr int QueueRole = Qt::UserRole;
constexpr int KeyRole = Qt::UserRole + 1;

} // namespace

QueueList::QueueList(QWidget *parent)
    : QListWidget(parent)
{
    setObjectName(QStringLiteral("queueList"));
    setAccessibleName(tr("Queues"));
    // Narrow: a long name wraps onto a second line (the queue beside it needs
    // the width for its addresses at 1366 pixels).
    setWordWrap(true);
    setTextElideMode(Qt::ElideNone);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    int widest = 0;
    for (const DeskQueue queue :
         DeskQueues::forRole(Role::Clerk) + DeskQueues::forRole(Role::Moderator))
        widest = qMax(widest, fontMetrics().horizontalAdvance(title(queue)));
    setMinimumWidth(qBound(120, widest / 2 + 70, widest + 60));
}

QString QueueList::title(DeskQueue queue)
{
    switch (queue) {
    case DeskQueue::Incoming:
        return tr("Awaiting moderation");
    case DeskQueue::SuspectedDuplicates:
        return tr("Possible duplicates");
    case DeskQueue::NewForAgency:
        return tr("New for my agency");
    case DeskQueue::DueSoon:
        return tr("Due soon");
    case DeskQueue::Overdue:
        return tr("Overdue");
    case DeskQueue::InProgress:
        return tr("In progress");
    case DeskQueue::Contested:
        return tr("Contested after the fix");
    case DeskQueue::All:
        return tr("All complaints");
    case DeskQueue::Drafts:
        return tr("My drafts");
    case DeskQueue::Outbox:
        return tr("Outbox");
    case DeskQueue::Conflicts:
        return tr("Conflicts");
    case DeskQueue::SearchResults:
        return tr("Search everywhere");
    }
    return {};
}

DeskQueue QueueList::queueOf(const QListWidgetItem *item)
{
    return DeskQueue(item->data(QueueRole).toInt());
}

void QueueList::setQueues(const QList<DeskQueue> &queues, const QString &lastKey)
{
    const QSignalBlocker block(this);
    clear();
    int row = 0;
    for (const DeskQueue q : queues) {
        auto *item = new QListWidgetItem(title(q), this);
        item->setData(QueueRole, int(q));
        item->setData(KeyRole, DeskQueues::key(q));
        if (DeskQueues::key(q) == lastKey)
            row = count() - 1;
    }
    setCurrentRow(row);
}

std::optional<DeskQueue> QueueList::currentQueue() const
{
    const QListWidgetItem *item = currentItem();
    if (!item)
        return std::nullopt;
    return queueOf(item);
}

void QueueList::selectQueue(DeskQueue queue)
{
    for (int i = 0; i < count(); ++i) {
        if (queueOf(item(i)) == queue)
            setCurrentRow(i);
    }
}

void QueueList::showCounts(const std::function<int(DeskQueue)> &countOf)
{
    for (int i = 0; i < count(); ++i) {
        QListWidgetItem *it = item(i);
        const DeskQueue queue = queueOf(it);
        const int n = countOf(queue);
        it->setText(n < 0 ? title(queue) : QStringLiteral("%1  (%2)").arg(title(queue)).arg(n));
        QFont bold = font();
        bold.setBold(n > 0 && (queue == DeskQueue::Overdue || queue == DeskQueue::Conflicts ||
                               DeskQueues::isTriage(queue)));
        it->setFont(bold);
    }
}

} // namespace rd
