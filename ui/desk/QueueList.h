#pragma once

#include "DeskQueues.h"

#include <QListWidget>

#include <functional>
#include <optional>

namespace rd {

// The queues on the desk's left, each with its live count; the ones that
// need attention (triage, overdue, conflicts) in bold when not empty.
class QueueList final : public QListWidget
{
    Q_OBJECT

public:
    explicit QueueList(QWidget *parent = nullptr);

    static QString title(DeskQueue queue);

    // The queues of a role; current: the one whose key is lastKey, else the
    // first. Emits no signal.
    void setQueues(const QList<DeskQueue> &queues, const QString &lastKey);
    std::optional<DeskQueue> currentQueue() const;
    void selectQueue(DeskQueue queue);
    // countOf: a queue's count, or -1 for none to show.
    void showCounts(const std::function<int(DeskQueue)> &countOf);

private:
    static DeskQueue queueOf(const QListWidgetItem *item);
};

} // namespace rd
