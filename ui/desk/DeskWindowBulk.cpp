// Bulk work (Complaint ▸ For the selected): the rows chosen in the list
// (Shift and Ctrl), or every complaint the queue and its filters hold (up
// to BulkActions::MaxComplaints, after asking), one action for all: each
// complaint its own outbox row and idempotency key, in one transaction; a
// dialog that follows each one's fate as the sync sends them; Undo (and
// "Take back those still waiting") while they wait.

#include "BulkDialog.h"
#include "BulkResultDialog.h"
#include "DeskWindow.h"
#include "LocalCache.h"
#include "QueueModel.h"
#include "SyncController.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QMenu>
#include <QMessageBox>
#include <QSet>
#include <QStatusBar>
#include <QTableView>

namespace rd {

void DeskWindow::buildBulkActions(QMenu *complaint)
{
    QMenu *bulk = complaint->addMenu(tr("For the se&lected"));
    bulk->setObjectName(QStringLiteral("bulkMenu"));
    QAction *all =
        bulk->addAction(tr("Select &all in the queue (up to %1)").arg(BulkActions::MaxComplaints));
    all->setObjectName(QStringLiteral("selectAllMatchingAction"));
    all->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    connect(all, &QAction::triggered, this, &DeskWindow::selectAllMatching);
    bulk->addSeparator();
    for (const QString &action : BulkDialog::actions()) {
        QAction *a = bulk->addAction(BulkDialog::title(action));
        a->setObjectName(QStringLiteral("bulk:") + action);
        connect(a, &QAction::triggered, this, [this, action] { bulkAction(action); });
        const ActionRule *rule = ActionRules::find(action);
        if (rule && rule->who == ActionRule::Who::Moderator)
            m_moderationActions.append(a); // shown to moderators only
        else if (rule && rule->who == ActionRule::Who::Agency)
            m_agencyBulkActions.append(a);
    }
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (!m_selectingAll)
            m_allMatching.clear(); // the user chose rows again
    });
}

// The queue read again (a sync, a draft saved) with several rows chosen:
// they stay chosen (those loaded), the current row moves as it would.
bool DeskWindow::keepSelection(const QList<qint64> &kept, int row)
{
    if (kept.size() < 2)
        return false;
    QItemSelection rows;
    for (const qint64 id : kept) {
        if (const int r = m_model->rowOfLoaded(id); r >= 0)
            rows.select(m_model->index(r, 0), m_model->index(r, m_model->columnCount() - 1));
    }
    m_selectingAll = true; // not the user's choice: "all in the queue" stays
    m_table->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                               QItemSelectionModel::NoUpdate);
    m_table->selectionModel()->select(rows, QItemSelectionModel::ClearAndSelect);
    m_selectingAll = false;
    m_table->scrollTo(m_model->index(row, 0));
    return true;
}

QList<qint64> DeskWindow::selectedIds() const
{
    // "All in the queue" holds for the query it was taken from only.
    if (!m_allMatching.isEmpty() && m_allMatchingQuery == m_model->query())
        return m_allMatching;
    QList<qint64> ids;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        ids.append(index.data(QueueModel::ComplaintIdRole).toLongLong());
    std::sort(ids.begin(), ids.end());
    if (ids.isEmpty() && currentComplaintId())
        ids.append(currentComplaintId());
    return ids;
}

void DeskWindow::selectAllMatching()
{
    QList<qint64> ids;
    try {
        ids = m_cache.queue().ids(m_model->query());
    } catch (const std::exception &e) {
        statusBar()->showMessage(QString::fromUtf8(e.what()), 8000);
        return;
    }
    if (ids.size() > BulkActions::MaxComplaints &&
        QMessageBox::question(this, tr("Select all"),
                              tr("The queue holds %n complaint(s); one action takes at most %1. "
                                 "Select the first %1?",
                                 nullptr, int(ids.size()))
                                  .arg(BulkActions::MaxComplaints)) != QMessageBox::Yes)
        return;
    m_selectingAll = true;
    m_table->selectAll();
    m_selectingAll = false;
    m_allMatching = ids.mid(0, BulkActions::MaxComplaints);
    m_allMatchingQuery = m_model->query();
    statusBar()->showMessage(tr("%n complaint(s) selected.", nullptr, int(m_allMatching.size())),
                             8000);
}

void DeskWindow::bulkAction(const QString &action)
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty())
        return;
    BulkDialog dialog(action, m_catalogue, int(ids.size()), m_today,
                      m_user.displayName.isEmpty() ? m_user.login : m_user.displayName, this);
    if (dialog.exec() == QDialog::Accepted)
        runBulk(action, ids, dialog.fieldsFor());
}

BulkResultDialog *DeskWindow::runBulk(const QString &action, const QList<qint64> &ids,
                                      const BulkActions::FieldsFor &fieldsFor)
{
    BulkPlan plan;
    QList<qint64> seqs;
    try {
        plan =
            BulkActions::plan(m_cache, ids, action, m_user.actor(), m_catalogue.rules, fieldsFor);
        seqs = m_actions.submitMany(plan);
    } catch (const std::exception &e) {
        QMessageBox::critical(
            this, tr("Not saved"),
            tr("The actions could not be put in the outbox: %1").arg(QString::fromUtf8(e.what())));
        return nullptr;
    }
    if (!seqs.isEmpty()) // Ctrl+Z takes back the whole of it (what still waits)
        m_undoable.append({seqs.last(), plan.items.first().complaintId, action, seqs});
    updateUndo();
    if (m_sync && !seqs.isEmpty())
        m_sync->notifyLocalChange();
    m_allMatching.clear();
    m_shownId = 0;
    reloadKeepingPlace(Place::Same);
    showCurrent();
    m_countsDelay->start();
    statusBar()->showMessage(
        tr("%1 queued, %2 left out.").arg(seqs.size()).arg(plan.skipped.size()), 8000);
    if (m_bulkResult)
        m_bulkResult->close();
    m_bulkResult = new BulkResultDialog(m_cache, m_actions, plan, seqs, this);
    m_bulkResult->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_bulkResult, &BulkResultDialog::takenBack, this, [this](const QList<qint64> &back) {
        // Taken back, not sent: out of the undo list without saying "sent".
        const QSet<qint64> gone(back.begin(), back.end());
        for (Undoable &u : m_undoable)
            u.batch.removeIf([&](qint64 seq) { return gone.contains(seq); });
        m_undoable.removeIf(
            [&](const Undoable &u) { return u.batch.isEmpty() ? gone.contains(u.seq) : false; });
        for (Undoable &u : m_undoable) {
            if (!u.batch.isEmpty())
                u.seq = u.batch.last();
        }
        updateUndo();
        reloadQueue();
        m_countsDelay->start();
    });
    m_bulkResult->show();
    return m_bulkResult;
}

bool DeskWindow::undoBatch(Undoable &last)
{
    QList<qint64> undone;
    try {
        for (const qint64 seq : std::as_const(last.batch)) {
            if (m_actions.undo(seq, false)) // no drafts: the text was the bulk dialog's
                undone.append(seq);
        }
    } catch (const std::exception &e) {
        QMessageBox::critical(this, tr("Not undone"),
                              tr("The local store could not take all of them back: %1")
                                  .arg(QString::fromUtf8(e.what())));
    }
    if (m_bulkResult)
        m_bulkResult->noteNotSent(undone);
    last.batch.removeIf([&](qint64 seq) { return undone.contains(seq); });
    if (!last.batch.isEmpty()) { // on their way this very moment, or the store failed
        m_sent = last;
        m_sent.seq = last.batch.last();
    }
    updateUndo();
    statusBar()->showMessage(
        tr("Undone: %n complaint(s) are as they were.", nullptr, int(undone.size())), 6000);
    m_model->reload();
    m_shownId = 0;
    showCurrent();
    m_countsDelay->start();
    if (m_sync)
        m_sync->refreshCounts();
    return !undone.isEmpty();
}

} // namespace rd
