#pragma once

#include "DeskQueues.h"
#include "SavedSearches.h"

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

    // The queues of a role, then the user's saved searches (under "My
    // queues"); current: the one whose key is lastKey, else the first.
    // Emits no signal.
    void setQueues(const QList<DeskQueue> &queues, const QString &lastKey,
                   const QList<SavedSearch> &saved = {});
    // The queue shown: a saved search's is the queue it narrows.
    std::optional<DeskQueue> currentQueue() const;
    // A saved search chosen: its place in the list setQueues was given.
    std::optional<int> currentSaved() const;
    QString currentKey() const; // for settings: a queue's key, "saved:" + a name
    static QString savedKey(const QString &name) { return QStringLiteral("saved:") + name; }
    void selectQueue(DeskQueue queue);
    // countOf: a queue's count, or -1 for none to show; savedCountOf: a
    // saved search's, by its place.
    void showCounts(const std::function<int(DeskQueue)> &countOf,
                    const std::function<int(int)> &savedCountOf = {});

Q_SIGNALS:
    // The context menu's (or Delete's, F2's) wish for the saved search at index.
    void renameSavedRequested(int index);
    void removeSavedRequested(int index);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    static std::optional<DeskQueue> queueOf(const QListWidgetItem *item);
    static int savedOf(const QListWidgetItem *item); // -1: a built-in queue
    QList<SavedSearch> m_saved;
};

} // namespace rd
