#pragma once

#include "ActionRules.h"
#include "QueueQuery.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace rd {

// The desk's queues (left of the window) and what each holds, per role. The
// server decides what a user may see and do; these only arrange what the
// cache holds so each role starts where its work is.
enum class DeskQueue
{
    Incoming,            // moderators: awaiting moderation, not yet acted on
    SuspectedDuplicates, // moderators: incoming with a same-category neighbour
    NewForAgency,        // clerks: published to my agency, awaiting an answer
    DueSoon,             // clerks: answer due within N days
    Overdue,             // clerks: answer not given by the due date
    InProgress,          // clerks: a resolution deadline was set
    Contested,           // clerks: the citizen contested the fix
    All,                 // everything the user may see
    Drafts,
    Outbox,
    Conflicts,
    SearchResults, // the filter bar's text over everything
};

struct DeskQueueContext
{
    Role role = Role::Clerk;
    std::optional<qint64> agencyId;
    QDate today;
    int dueSoonDays = 3;
};

class DeskQueues final
{
public:
    // The queues a role sees, in the order shown.
    static QList<DeskQueue> forRole(Role role);
    // The query behind a queue; the filter bar narrows it further.
    static QueueQuery query(DeskQueue queue, const DeskQueueContext &context);
    // A stable key for settings ("last queue").
    static QString key(DeskQueue queue);
    static std::optional<DeskQueue> fromKey(const QString &key);
    // Whether the queue is a work list that empties as the user acts
    // (after an action the next complaint opens in place).
    static bool isTriage(DeskQueue queue);
    // The service's "today" (Catalogue::timeZone; empty: this computer's).
    static QDate today(const QString &timeZone, const QDateTime &now);
};

} // namespace rd
