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

QList<qint64> DeskWindow::selectedIds() const
{
    if (!m_allMatching.isEmpty())
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
                              tr("The queue holds %1 complaints; one action takes at most %2. "
                                 "Select the first %2?")
                                  .arg(ids.size())
                                  .arg(BulkActions::MaxComplaints)) != QMessageBox::Yes)
        return;
    m_selectingAll = true;
    m_table->selectAll();
    m_selectingAll = false;
    m_allMatching = ids.mid(0, BulkActions::MaxComplaints);
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
    for (int i = 0; i < seqs.size(); ++i)
        m_undoable.append({seqs[i], plan.items[i].complaintId, action});
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
    connect(m_bulkResult, &BulkResultDialog::takenBack, this, [this] {
        updateUndo();
        reloadQueue();
        m_countsDelay->start();
    });
    m_bulkResult->show();
    return m_bulkResult;
}

} // namespace rd
