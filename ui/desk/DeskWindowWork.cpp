// The desk's work on complaints: moderation decisions and answers go to the
// outbox (never waiting on the network), the last one can be taken back
// while it waits, a possible duplicate is compared with its original, a
// conflict is resolved in its dialog, and closing with work still unsent
// asks first.

#include "BulkResultDialog.h"
#include "DeskWindow.h"

#include "AnswerEditor.h"
#include "ComplaintView.h"
#include "ConflictDialog.h"
#include "DuplicateCompareDialog.h"
#include "LocalCache.h"
#include "ModerationPanel.h"
#include "QueueModel.h"

#include <QApplication>
#include <QJsonDocument>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>
#include <QUuid>

namespace rd {

namespace {

QString actionDone(const QString &action, qint64 id)
{
    if (action == QLatin1String("publish"))
        return DeskWindow::tr("No. %1 published.").arg(id);
    if (action == QLatin1String("reject"))
        return DeskWindow::tr("No. %1 rejected.").arg(id);
    if (action == QLatin1String("mark_duplicate"))
        return DeskWindow::tr("No. %1 marked as a duplicate.").arg(id);
    if (action == QLatin1String("return_to_moderation"))
        return DeskWindow::tr("No. %1 returned to moderation.").arg(id);
    return DeskWindow::tr("No. %1: %2 queued.").arg(id).arg(ComplaintView::actionName(action));
}

} // namespace

QString DeskWindow::confirmation(const QString &action, qint64 id, const QJsonObject &fields) const
{
    // What will happen, with what: the agency, the reason, the original.
    const auto categoryName = [this](const QJsonValue &value) {
        const Category *category = m_catalogue.category(value.toInt());
        return category ? category->name : QString::number(value.toInt());
    };
    const auto agencyName = [this](const QJsonValue &value) {
        const Agency *agency = m_catalogue.agency(value.toInt());
        return agency ? agency->name : QString::number(value.toInt());
    };
    if (action == QLatin1String("publish"))
        return tr("Publish complaint No. %1 as “%2” and route it to %3?")
            .arg(id)
            .arg(categoryName(fields.value(QStringLiteral("category_id"))),
                 agencyName(fields.value(QStringLiteral("agency_id"))));
    if (action == QLatin1String("reject"))
        return tr("Reject complaint No. %1 with the reason “%2”?")
            .arg(id)
            .arg(fields.value(QStringLiteral("reason")).toString());
    if (action == QLatin1String("mark_duplicate"))
        return tr("Mark complaint No. %1 as a duplicate of No. %2?")
            .arg(id)
            .arg(fields.value(QStringLiteral("duplicate_of")).toInteger());
    if (action == QLatin1String("reroute"))
        return tr("Route complaint No. %1 to %2 instead?")
            .arg(id)
            .arg(agencyName(fields.value(QStringLiteral("agency_id"))));
    if (action == QLatin1String("return_to_moderation"))
        return m_moderation->returnQuestion(fields);
    return tr("Save the edited text of complaint No. %1 for publication?").arg(id);
}

void DeskWindow::moderate(const QString &action)
{
    moderate(action, m_confirm->isChecked());
}

void DeskWindow::moderate(const QString &action, bool ask)
{
    const qint64 id = currentComplaintId();
    const auto complaint = m_cache.complaints().complaint(id);
    if (!complaint || m_user.role != Role::Moderator)
        return;
    if (!m_moderation->allows(action)) {
        statusBar()->showMessage(tr("No. %1 cannot be changed that way in its state.").arg(id),
                                 5000);
        return;
    }
    const auto fields = m_moderation->fields(action);
    if (!fields) {
        m_actionTabs->setCurrentWidget(m_moderation);
        m_moderation->focusAction(action);
        statusBar()->showMessage(fields.error.toString(), 8000);
        return;
    }
    // A decision taken back through the server is always asked about.
    if (ask || action == QLatin1String("return_to_moderation")) {
        const auto answer =
            QMessageBox::question(this, tr("Confirm"), confirmation(action, id, *fields.value),
                                  QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
        if (answer != QMessageBox::Yes)
            return;
    }
    submit(id, action, *fields.value, complaint->version);
}

void DeskWindow::submit(qint64 id, const QString &action, const QJsonObject &fields,
                        qint64 baseVersion)
{
    try {
        m_undoable.append({m_actions.submit(id, action, fields, baseVersion), id, action, {}});
    } catch (const std::exception &e) {
        QMessageBox::critical(
            this, tr("Not saved"),
            tr("The action could not be put in the outbox: %1").arg(QString::fromUtf8(e.what())));
        return;
    }
    updateUndo();
    const int hold = m_actions.holdSeconds();
    statusBar()->showMessage(
        actionDone(action, id) + QLatin1Char(' ') +
            (hold > 0 ? tr("Ctrl+Z takes it back until it is sent.")
                      : tr("It will be sent with the next synchronisation; Ctrl+Z takes it back "
                           "until then.")),
        8000);
    if (m_sync)
        m_sync->notifyLocalChange();
    m_shownId = 0;                   // show the complaint again (outbox notice, fresh editor)
    reloadKeepingPlace(Place::Next); // the next complaint, whether this one left the queue or not
    showCurrent();
    if (auto *focus = QApplication::focusWidget();
        !focus || focus->window() != this || m_moderation->isAncestorOf(focus))
        m_table->setFocus();
    m_countsDelay->start();
}

void DeskWindow::undoLast()
{
    updateUndo(); // what has gone out since cannot be taken back
    if (m_undoable.isEmpty()) {
        statusBar()->showMessage(tooLateToUndo(), 8000);
        return;
    }
    Undoable last = m_undoable.takeLast();
    if (!last.batch.isEmpty()) {
        undoBatch(last);
        return;
    }
    bool undone = false;
    try {
        undone = m_actions.undo(last.seq);
    } catch (const std::exception &e) {
        m_undoable.append(last);
        QMessageBox::critical(this, tr("Not undone"),
                              tr("The local store could not take the action back: %1")
                                  .arg(QString::fromUtf8(e.what())));
        return;
    }
    if (!undone) { // on its way this very moment
        m_sent = last;
        updateUndo();
        statusBar()->showMessage(tooLateToUndo(), 8000);
        return;
    }
    updateUndo();
    if (m_bulkResult)
        m_bulkResult->noteNotSent({last.seq});
    statusBar()->showMessage(tr("Undone: No. %1 is as it was.").arg(last.complaintId), 6000);
    m_model->reload();
    m_shownId = 0;
    openComplaint(last.complaintId);
    showCurrent();
    m_countsDelay->start();
    if (m_sync)
        m_sync->refreshCounts();
}

void DeskWindow::compareWithOriginal(qint64 originalId)
{
    // The candidate chosen on the duplicate page, else the likeliest one.
    const qint64 id = currentComplaintId();
    const auto subject = id ? m_cache.complaints().complaint(id) : std::nullopt;
    if (!subject || m_user.role != Role::Moderator)
        return;
    if (!originalId)
        originalId = m_moderation->chosenOriginal();
    if (!originalId)
        originalId = m_cache.queue().likelyOriginal(id).value_or(0);
    const auto original = originalId ? m_cache.complaints().complaint(originalId) : std::nullopt;
    if (!original) {
        statusBar()->showMessage(
            tr("No. %1 has no complaint of its category nearby to compare with.").arg(id), 6000);
        return;
    }
    DuplicateCompareDialog dialog({*subject, m_cache.media().photos(id)},
                                  {*original, m_cache.media().photos(originalId)}, m_catalogue,
                                  this);
    m_compareDialog = &dialog;
    connect(&dialog, &DuplicateCompareDialog::photoWanted, this, &DeskWindow::photoWanted);
    dialog.requestPhotos();
    const int result = dialog.exec();
    m_compareDialog = nullptr;
    if (result != QDialog::Accepted)
        return;
    m_actionTabs->setCurrentWidget(m_moderation);
    m_moderation->focusAction(QStringLiteral("mark_duplicate"));
    m_moderation->chooseOriginal(originalId);
    if (m_moderation->chosenOriginal() == originalId)
        moderate(QStringLiteral("mark_duplicate"), false); // the dialog asked
}

void DeskWindow::resolveConflict(qint64 complaintId)
{
    std::optional<OutboxAction> conflict;
    for (const OutboxAction &a : m_cache.outbox().forComplaint(complaintId)) {
        if (a.status == OutboxStatus::Conflict)
            conflict = a;
    }
    if (!conflict)
        return;
    ConflictDialog dialog(*conflict, m_cache.complaints().complaint(complaintId),
                          m_cache.complaints().serverCopy(complaintId), m_cache.catalogue().load(),
                          this);
    dialog.exec();
    switch (dialog.choice()) {
    case ConflictDialog::Cancelled:
        return;
    case ConflictDialog::Reapply:
        m_actions.reapply(conflict->seq);
        break;
    case ConflictDialog::Edit:
        m_actions.editAsDraft(conflict->seq);
        break;
    case ConflictDialog::Discard:
        m_actions.discard(conflict->seq);
        break;
    }
    if (dialog.choice() != ConflictDialog::Reapply) { // settled here, not sent
        m_undoable.removeIf([&](const Undoable &u) { return u.seq == conflict->seq; });
        if (m_bulkResult)
            m_bulkResult->noteNotSent({conflict->seq});
    }
    if (m_sync) {
        m_sync->notifyLocalChange();
        m_sync->refreshCounts();
    }
    m_shownId = 0;
    reloadQueue();
    m_countsDelay->start();
    if (dialog.choice() == ConflictDialog::Edit) {
        openComplaint(complaintId);
        m_actionTabs->setCurrentWidget(m_answer);
    }
}

bool DeskWindow::mayClose()
{
    // Work that has not reached the server is kept in the cache either way;
    // the user is told, and may send it first when the server is there.
    qint64 pending = 0;
    qint64 stuck = 0;
    try {
        pending = m_cache.outbox().count(OutboxStatus::Pending) +
                  m_cache.outbox().count(OutboxStatus::Sending);
        stuck = m_cache.outbox().count(OutboxStatus::Failed) +
                m_cache.outbox().count(OutboxStatus::Conflict);
    } catch (const std::exception &) {
        return true; // the cache cannot be read: nothing to say about it
    }
    if (pending + stuck == 0)
        return true;
    const bool canSend = pending > 0 && m_sync && m_sync->hasSession() && m_online;
    QMessageBox box(QMessageBox::Warning, tr("Unsent work"), QString(), QMessageBox::NoButton,
                    this);
    box.setObjectName(QStringLiteral("unsentWorkBox"));
    QStringList text;
    if (pending > 0)
        text << tr("%n action(s) have not reached the server yet.", nullptr, int(pending));
    if (stuck > 0)
        text << tr("%n action(s) were refused or are in conflict and need you.", nullptr,
                   int(stuck));
    box.setText(text.join(QLatin1Char(' ')));
    box.setInformativeText(canSend ? tr("They are kept on this computer. Send them now, or "
                                        "they go out the next time RegionDesk is online.")
                                   : tr("They are kept on this computer and go out the next "
                                        "time RegionDesk is online."));
    QPushButton *send =
        canSend ? box.addButton(tr("&Send, then quit"), QMessageBox::AcceptRole) : nullptr;
    QPushButton *quit = box.addButton(tr("&Quit; send later"), QMessageBox::DestructiveRole);
    QPushButton *stay = box.addButton(tr("&Keep working"), QMessageBox::RejectRole);
    box.setDefaultButton(send ? send : stay);
    box.setEscapeButton(stay);
    box.exec();
    if (box.clickedButton() == quit)
        return true;
    if (send && box.clickedButton() == send) {
        m_closeAfterSync = true;
        try {
            m_actions.releaseHolds();      // "send" means now, not after the hold
        } catch (const std::exception &) { // NOLINT(bugprone-empty-catch): sent after the hold
        }
        statusBar()->showMessage(tr("Sending, then quitting…"));
        m_sync->refreshCounts();
        m_sync->syncNow();
    }
    return false;
}

void DeskWindow::syncFinished()
{
    if (m_bulkResult)
        m_bulkResult->refresh(); // what the sync sent, refused or found in conflict
    if (!m_closeAfterSync)
        return;
    m_closeAfterSync = false;
    const qint64 left = m_cache.outbox().count(OutboxStatus::Pending) +
                        m_cache.outbox().count(OutboxStatus::Sending);
    if (left == 0) {
        close(); // asks again only if something was refused meanwhile
        return;
    }
    statusBar()->showMessage(tr("Not everything could be sent; RegionDesk stays open."), 10000);
}

} // namespace rd
