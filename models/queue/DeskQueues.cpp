#include "DeskQueues.h"

#include <QTimeZone>

#include <array>
#include <utility>

namespace rd {

namespace {

constexpr std::array<std::pair<DeskQueue, const char *>, 12> Keys{{
    {DeskQueue::Incoming, "incoming"},
    {DeskQueue::SuspectedDuplicates, "duplicates"},
    {DeskQueue::NewForAgency, "new"},
    {DeskQueue::DueSoon, "due-soon"},
    {DeskQueue::Overdue, "overdue"},
    {DeskQueue::InProgress, "in-progress"},
    {DeskQueue::Contested, "contested"},
    {DeskQueue::All, "all"},
    {DeskQueue::Drafts, "drafts"},
    {DeskQueue::Outbox, "outbox"},
    {DeskQueue::Conflicts, "conflicts"},
    {DeskQueue::SearchResults, "search"},
}};

} // namespace

QList<DeskQueue> DeskQueues::forRole(Role role)
{
    QList<DeskQueue> queues;
    if (role == Role::Moderator)
        queues << DeskQueue::Incoming << DeskQueue::SuspectedDuplicates;
    else
        queues << DeskQueue::NewForAgency << DeskQueue::DueSoon << DeskQueue::Overdue
               << DeskQueue::InProgress << DeskQueue::Contested;
    queues << DeskQueue::All << DeskQueue::Drafts << DeskQueue::Outbox << DeskQueue::Conflicts
           << DeskQueue::SearchResults;
    return queues;
}

QueueQuery DeskQueues::query(DeskQueue queue, const DeskQueueContext &context)
{
    QueueQuery q;
    const auto forAgency = [&] {
        if (context.agencyId)
            q.agencies = {int(*context.agencyId)};
    };
    // What still awaits the agency's answer.
    const QList<ComplaintState> awaitingAnswer{ComplaintState::Published,
                                               ComplaintState::Contested};
    switch (queue) {
    case DeskQueue::Incoming:
        q.states = {ComplaintState::Moderation};
        q.withoutPendingAction = true;
        q.sort = QueueQuery::SortKey::Created; // oldest first: first come, first served
        q.descending = false;
        break;
    case DeskQueue::SuspectedDuplicates:
        q.states = {ComplaintState::Moderation};
        q.withoutPendingAction = true;
        q.suspectedDuplicateOnly = true;
        q.sort = QueueQuery::SortKey::Created;
        q.descending = false;
        break;
    case DeskQueue::NewForAgency:
        q.states = {ComplaintState::Published};
        forAgency();
        q.sort = QueueQuery::SortKey::DueDate;
        q.descending = false;
        break;
    case DeskQueue::DueSoon:
        q.states = awaitingAnswer;
        forAgency();
        q.dueFrom = context.today;
        q.dueTo = context.today.addDays(context.dueSoonDays);
        q.sort = QueueQuery::SortKey::DueDate;
        q.descending = false;
        break;
    case DeskQueue::Overdue:
        q.states = awaitingAnswer;
        forAgency();
        q.dueTo = context.today.addDays(-1);
        q.sort = QueueQuery::SortKey::DueDate;
        q.descending = false;
        break;
    case DeskQueue::InProgress:
        q.states = {ComplaintState::InProgress};
        forAgency();
        break;
    case DeskQueue::Contested:
        q.states = {ComplaintState::Contested};
        forAgency();
        q.sort = QueueQuery::SortKey::DueDate;
        q.descending = false;
        break;
    case DeskQueue::All:
    case DeskQueue::SearchResults:
        break;
    case DeskQueue::Drafts:
        q.withDraftOnly = true;
        break;
    case DeskQueue::Outbox:
        q.withPendingActionOnly = true;
        break;
    case DeskQueue::Conflicts:
        q.withConflictOnly = true;
        break;
    }
    return q;
}

QString DeskQueues::key(DeskQueue queue)
{
    for (const auto &[value, name] : Keys) {
        if (value == queue)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<DeskQueue> DeskQueues::fromKey(const QString &key)
{
    for (const auto &[value, name] : Keys) {
        if (key == QLatin1String(name))
            return value;
    }
    return std::nullopt;
}

QDate DeskQueues::today(const QString &timeZone, const QDateTime &now)
{
    const QTimeZone zone(timeZone.toUtf8());
    return timeZone.isEmpty() || !zone.isValid() ? now.toLocalTime().date()
                                                 : now.toTimeZone(zone).date();
}

bool DeskQueues::isTriage(DeskQueue queue)
{
    return queue == DeskQueue::Incoming || queue == DeskQueue::SuspectedDuplicates;
}

} // namespace rd
