#pragma once

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace rd {

// The lifecycle of DESIGN.md §1. The wire and the cache use the string codes
// (stable, readable, and a newer server's unknown state is detectable); the
// code never relies on the enum's numeric values being stored anywhere.
enum class ComplaintState
{
    Moderation, // filed, awaiting a moderator
    Published,  // routed to an agency, awaiting its answer
    Rejected,   // rejected by moderation, with a reason
    Duplicate,  // merged into another complaint
    InProgress, // the agency set a resolution deadline
    Solved,     // the agency says it is fixed; awaiting the citizen
    Refused,    // reasoned refusal
    Confirmed,  // the citizen confirmed the fix
    Contested,  // the citizen contested the fix; back in the agency's queue
};

enum class AnswerKind
{
    None,
    Solved,
    Deadline,
    Refusal,
};

// Every state, in the lifecycle's order.
QList<ComplaintState> allComplaintStates();
QString toCode(ComplaintState state);
std::optional<ComplaintState> complaintStateFromCode(const QString &code);
QString toCode(AnswerKind kind);
std::optional<AnswerKind> answerKindFromCode(const QString &code);

// States in which the agency still owes an answer or a fix.
bool isOpen(ComplaintState state);
// Closed for good: rejected, a duplicate, refused, confirmed by the citizen
// (a solved complaint still awaits the citizen). What retention removes.
bool isClosed(ComplaintState state);
// States in which the agency still owes its answer (published, contested).
bool awaitsAnswer(ComplaintState state);
// The answer is owed and its due day has passed (the one rule for the
// queue's colours, the complaint view and the map).
bool isAnswerOverdue(ComplaintState state, const QDate &dueDate, const QDate &today);

} // namespace rd
