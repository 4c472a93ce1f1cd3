#include "QueueList.h"

#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMenu>

namespace rd {

namespace {

constexpr int QueueRole = Qt::UserRole;
constexpr int KeyRole = Qt::UserRole + 1;
constexpr int SavedRole = Qt::UserRole + 2; // a saved search's place, else -1

} // namespace

QueueList::QueueList(QWidget *parent)
    : QListWidget(parent)
{
    setObjectName(QStringLiteral("queueList"));
    setAccessibleName(tr("Queues"));
    setAccessibleDescription(tr("Your queues with how many complaints each holds, then the "
                                "queues you saved; choosing one shows it in the list"));
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

std::optional<DeskQueue> QueueList::queueOf(const QListWidgetItem *item)
{
    const QVariant v = item->data(QueueRole);
    if (!v.isValid())
        return std::nullopt; // the heading
    return DeskQueue(v.toInt());
}

int QueueList::savedOf(const QListWidgetItem *item)
{
    const QVariant v = item->data(SavedRole);
    return v.isValid() ? v.toInt() : -1;
}

void QueueList::setQueues(const QList<DeskQueue> &queues, const QString &lastKey,
                          const QList<SavedSearch> &saved)
{
    const QSignalBlocker block(this);
    clear();
    m_saved = saved;
    int row = 0;
    for (const DeskQueue q : queues) {
        auto *item = new QListWidgetItem(title(q), this);
        item->setData(QueueRole, int(q));
        item->setData(KeyRole, DeskQueues::key(q));
        if (DeskQueues::key(q) == lastKey)
            row = count() - 1;
    }
    bool heading = false;
    for (int i = 0; i < saved.size(); ++i) {
        const auto base = DeskQueues::fromKey(saved[i].queueKey);
        if (!base || !queues.contains(*base))
            continue; // a queue this role has not (the role changed)
        if (!heading) {
            // Not chosen, not focused: the arrow keys pass over it.
            auto *header = new QListWidgetItem(tr("My queues"), this);
            header->setFlags(Qt::NoItemFlags);
            QFont f = font();
            f.setItalic(true);
            header->setFont(f);
            heading = true;
        }
        auto *item = new QListWidgetItem(saved[i].name, this);
        item->setData(QueueRole, int(*base));
        item->setData(KeyRole, savedKey(saved[i].name));
        item->setData(SavedRole, i);
        item->setToolTip(
            tr("Your saved search over “%1”; F2 renames it, Delete removes it").arg(title(*base)));
        if (savedKey(saved[i].name) == lastKey)
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

std::optional<int> QueueList::currentSaved() const
{
    const QListWidgetItem *item = currentItem();
    if (!item || savedOf(item) < 0)
        return std::nullopt;
    return savedOf(item);
}

QString QueueList::currentKey() const
{
    const QListWidgetItem *item = currentItem();
    return item ? item->data(KeyRole).toString() : QString();
}

void QueueList::selectQueue(DeskQueue queue)
{
    for (int i = 0; i < count(); ++i) {
        if (queueOf(item(i)) == queue && savedOf(item(i)) < 0) {
            setCurrentRow(i);
            return;
        }
    }
}

void QueueList::showCounts(const std::function<int(DeskQueue)> &countOf,
                           const std::function<int(int)> &savedCountOf)
{
    for (int i = 0; i < count(); ++i) {
        QListWidgetItem *it = item(i);
        const auto queue = queueOf(it);
        if (!queue)
            continue;
        const int saved = savedOf(it);
        const QString name = saved >= 0 ? m_saved[saved].name : title(*queue);
        const int n = saved >= 0 ? (savedCountOf ? savedCountOf(saved) : -1) : countOf(*queue);
        it->setText(n < 0 ? name : QStringLiteral("%1  (%2)").arg(name).arg(n));
        it->setData(Qt::AccessibleTextRole, it->text());
        QFont bold = font();
        bold.setBold(saved < 0 && n > 0 &&
                     (queue == DeskQueue::Overdue || queue == DeskQueue::Conflicts ||
                      DeskQueues::isTriage(*queue)));
        it->setFont(bold);
    }
}

void QueueList::keyPressEvent(QKeyEvent *event)
{
    if (const auto saved = currentSaved()) {
        if (event->key() == Qt::Key_Delete) {
            Q_EMIT removeSavedRequested(*saved);
            return;
        }
        if (event->key() == Qt::Key_F2) {
            Q_EMIT renameSavedRequested(*saved);
            return;
        }
    }
    QListWidget::keyPressEvent(event);
}

void QueueList::contextMenuEvent(QContextMenuEvent *event)
{
    const QListWidgetItem *item = itemAt(event->pos());
    if (!item && event->reason() == QContextMenuEvent::Keyboard)
        item = currentItem();
    if (!item || savedOf(item) < 0)
        return;
    const int saved = savedOf(item);
    QMenu menu(this);
    connect(menu.addAction(tr("&Rename…")), &QAction::triggered, this,
            [this, saved] { Q_EMIT renameSavedRequested(saved); });
    connect(menu.addAction(tr("Re&move")), &QAction::triggered, this,
            [this, saved] { Q_EMIT removeSavedRequested(saved); });
    menu.exec(event->globalPos());
}

} // namespace rd
