// Saved searches (Edit ▸ Save the filters as a queue): the filter bar's
// conditions over the queue shown, under a name, as a queue of the user's
// own in the queue list with its live count. Kept in this account's cache
// (DraftStore), so they go with it and are wiped with it.

#include "DeskSettings.h"
#include "DeskWindow.h"
#include "DraftStore.h"
#include "FilterBar.h"
#include "LocalCache.h"
#include "MapWidget.h"
#include "QueueList.h"
#include "QueueModel.h"

#include <QAction>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

#include <utility>

namespace rd {

void DeskWindow::buildSavedSearchActions(QMenu *edit)
{
    QAction *save = edit->addAction(tr("&Save the filters as a queue…"));
    save->setObjectName(QStringLiteral("saveSearchAction"));
    save->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Q));
    save->setToolTip(tr("Names what the filters show in this queue as a queue of your own"));
    connect(save, &QAction::triggered, this, &DeskWindow::saveSearch);
    m_renameSaved = edit->addAction(tr("Re&name this queue…"));
    m_renameSaved->setObjectName(QStringLiteral("renameSearchAction"));
    connect(m_renameSaved, &QAction::triggered, this, [this] {
        if (const auto i = m_queues->currentSaved())
            renameSaved(*i);
    });
    m_removeSaved = edit->addAction(tr("Remo&ve this queue"));
    m_removeSaved->setObjectName(QStringLiteral("removeSearchAction"));
    connect(m_removeSaved, &QAction::triggered, this, [this] {
        if (const auto i = m_queues->currentSaved())
            removeSaved(*i);
    });
    m_renameSaved->setEnabled(false);
    m_removeSaved->setEnabled(false);
    connect(m_queues, &QueueList::renameSavedRequested, this, &DeskWindow::renameSaved);
    connect(m_queues, &QueueList::removeSavedRequested, this, &DeskWindow::removeSaved);
}

QList<SavedSearch> DeskWindow::loadSavedSearches()
{
    try {
        int skipped = 0;
        QList<SavedSearch> saved = m_cache.drafts().savedSearches(&skipped);
        // As the filter bar will show them (and so as they are counted): a
        // category or agency the catalogue no longer has is "any".
        for (SavedSearch &s : saved) {
            if (s.filters.categoryId > 0 && !m_catalogue.category(s.filters.categoryId))
                s.filters.categoryId = 0;
            if (s.filters.agencyId > 0 && !m_catalogue.agency(s.filters.agencyId))
                s.filters.agencyId = 0;
            s.filters.minVotes = qMin(s.filters.minVotes, 100000);
        }
        if (skipped > 0)
            statusBar()->showMessage(
                tr("%n saved queue(s) could not be read and are not shown.", nullptr, skipped),
                8000);
        return saved;
    } catch (const std::exception &e) {
        statusBar()->showMessage(
            tr("Your saved queues could not be read: %1").arg(QString::fromUtf8(e.what())), 8000);
        return {};
    }
}

bool DeskWindow::storeSavedSearches(const QList<SavedSearch> &saved, const QString &current)
{
    try {
        m_cache.drafts().setSavedSearches(saved);
    } catch (const std::exception &e) {
        QMessageBox::warning(
            this, tr("Saved queues"),
            tr("Your saved queues could not be saved: %1").arg(QString::fromUtf8(e.what())));
        return false;
    }
    m_saved = saved;
    if (!current.isEmpty())
        DeskSettings(m_settings).setLastQueue(current);
    rebuildQueueList();
    return true;
}

int DeskWindow::savedSearchCount(int index) const
{
    if (index < 0 || index >= m_saved.size())
        return -1;
    const SavedSearch &s = m_saved[index];
    const auto base = DeskQueues::fromKey(s.queueKey);
    if (!base)
        return -1;
    const DeskQueueContext context{m_user.role, m_user.agencyId, m_today, m_model->dueSoonDays()};
    return int(
        m_cache.queue().count(narrowed(DeskQueues::query(*base, context), s.filters, m_today)));
}

// The saved search chosen in the list: its filters on the bar (and its
// area on the map); leaving it for a built-in queue clears them again.
bool DeskWindow::applySavedSearch()
{
    const std::optional<int> saved = m_queues->currentSaved();
    if (saved && *saved < m_saved.size()) {
        m_savedShown = true;
        const QueueFilters &f = m_saved[*saved].filters;
        m_map->setArea(f.area, f.polygon);
        m_filter->setFilters(f); // applies them
        return true;
    }
    if (std::exchange(m_savedShown, false)) {
        m_filter->clear(); // applies the queue without them
        return true;
    }
    return false;
}

void DeskWindow::saveSearch()
{
    const auto queue = currentQueue();
    const QueueFilters filters = m_filter->filters();
    if (!queue)
        return;
    if (filters.isEmpty()) {
        QMessageBox::information(
            this, tr("Save the filters as a queue"),
            tr("Set the filters first (search, category, agency, state, due dates, votes or a map "
               "area): the queue you save is this one with them."));
        return;
    }
    const std::optional<int> current = m_queues->currentSaved();
    const QString suggested = current ? m_saved[*current].name : m_filter->text().trimmed();
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Save the filters as a queue"), tr("&Name of the queue:"),
                              QLineEdit::Normal, suggested.left(SavedSearches::MaxNameLength), &ok);
    if (ok)
        saveSearchAs(name, *queue, filters, true);
}

bool DeskWindow::saveSearchAs(const QString &typed, DeskQueue queue, const QueueFilters &filters,
                              bool ask)
{
    const QString name = typed.simplified();
    if (name.isEmpty() || name.size() > SavedSearches::MaxNameLength) {
        QMessageBox::warning(
            this, tr("Saved queues"),
            tr("A queue's name is 1 to %1 characters.").arg(SavedSearches::MaxNameLength));
        return false;
    }
    QList<SavedSearch> saved = m_saved;
    const auto same = std::find_if(saved.begin(), saved.end(),
                                   [&](const SavedSearch &s) { return s.name == name; });
    if (same == saved.end() && saved.size() >= SavedSearches::MaxCount) {
        QMessageBox::warning(this, tr("Saved queues"),
                             tr("You have %1 saved queues, as many as can be kept: remove one "
                                "first.")
                                 .arg(SavedSearches::MaxCount));
        return false;
    }
    if (same != saved.end() && ask &&
        QMessageBox::question(this, tr("Saved queues"),
                              tr("You have a queue named “%1”. Replace it?").arg(name)) !=
            QMessageBox::Yes)
        return false;
    const SavedSearch search{name, DeskQueues::key(queue), filters};
    if (same != saved.end())
        *same = search;
    else
        saved.append(search);
    if (!storeSavedSearches(saved, QueueList::savedKey(name)))
        return false;
    statusBar()->showMessage(tr("Saved as the queue “%1”.").arg(name), 5000);
    return true;
}

void DeskWindow::renameSaved(int index)
{
    if (index < 0 || index >= m_saved.size())
        return;
    bool ok = false;
    const QString old = m_saved[index].name;
    const QString name =
        QInputDialog::getText(this, tr("Rename the queue"), tr("&Name of the queue:"),
                              QLineEdit::Normal, old, &ok)
            .simplified();
    if (!ok || name == old)
        return;
    if (name.isEmpty() || name.size() > SavedSearches::MaxNameLength ||
        std::any_of(m_saved.begin(), m_saved.end(),
                    [&](const SavedSearch &s) { return s.name == name; })) {
        QMessageBox::warning(this, tr("Saved queues"),
                             tr("A queue's name is 1 to %1 characters, and not one you have "
                                "already.")
                                 .arg(SavedSearches::MaxNameLength));
        return;
    }
    QList<SavedSearch> saved = m_saved;
    saved[index].name = name;
    storeSavedSearches(saved, QueueList::savedKey(name));
}

void DeskWindow::removeSaved(int index)
{
    if (index < 0 || index >= m_saved.size())
        return;
    if (QMessageBox::question(this, tr("Saved queues"),
                              tr("Remove your queue “%1”? The complaints stay where they are.")
                                  .arg(m_saved[index].name)) != QMessageBox::Yes)
        return;
    QList<SavedSearch> saved = m_saved;
    const QString base = saved[index].queueKey;
    saved.removeAt(index);
    storeSavedSearches(saved, base); // back to the queue it narrowed
}

} // namespace rd
