#pragma once

#include "Catalogue.h"
#include "Complaint.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace rd {

// Who signs in (DESIGN.md §1). On the wire and in settings: the codes
// "clerk", "moderator", "supervisor".
enum class Role
{
    Clerk,
    Moderator,
    Supervisor,
};
QString toCode(Role role);
std::optional<Role> roleFromCode(const QString &code);

// Whoever takes an action: a role and, for agency staff, the agency (a
// supervisor without one reads every agency).
struct Actor
{
    Role role = Role::Clerk;
    std::optional<qint64> agencyId;
};

// One field an action takes (besides "action" and "base_version").
struct FieldRule
{
    enum class Type
    {
        Text,   // a string; its trimmed length within [minLength, maxLength]
        Id,     // a positive whole number
        Date,   // "YYYY-MM-DD"
        Code,   // a catalogue code (a string); the catalogue decides which
        IdList, // a list of at most maxLength media ids (strings)
    };
    QString name;
    Type type = Type::Text;
    bool required = true;
    int minLength = 0;
    int maxLength = 0;
    // Text whose least length is the catalogue's minRefusalLength (at least 1).
    bool minFromRefusalRule = false;

    int minimum(const DeadlineRules &rules) const;
};

// The complaint state machine (DESIGN.md §1, docs/api.md "Actions"), written
// once: the server validates through it, the desk's panels ask it, and a
// test runs every action × state × role against the live server.
struct ActionRule
{
    // Who may take it.
    enum class Who
    {
        Moderator, // moderators only
        Agency,    // staff of the complaint's own agency (clerks, supervisors)
        Staff,     // anyone who may read the complaint
    };
    // What kind of work it is: what an undo gives back (a moderation
    // decision taken back is simply not taken; an answer or a note comes back
    // as the draft it was).
    enum class Kind
    {
        Moderation,
        Answer,
        Note,
    };

    QString code;
    Kind kind = Kind::Note;
    Who who = Who::Staff;
    QList<ComplaintState> from;
    std::optional<ComplaintState> to; // none: the state does not change
    QList<FieldRule> fields;
    // Moves a promised deadline: allowed as often as the catalogue's
    // maxExtensions says (once, today), then LimitReached.
    bool extendsDeadline = false;

    const FieldRule *field(const QString &name) const;
    bool restoresDraftOnUndo() const { return kind != Kind::Moderation; }
};

// Whether an action may be taken, and if not, why (the server's answer:
// Forbidden is 403, the rest 422).
enum class ActionVerdict
{
    Allowed,
    UnknownAction,
    Forbidden,    // the role or agency may not (checked first)
    WrongState,   // not from this state ("invalid_transition")
    LimitReached, // the law's limit is used up (a deadline extended as often as allowed)
};

namespace ActionRules {

// Every action, in the order the desk shows them.
const QList<ActionRule> &all();
// The rule for an action code; nullptr for an unknown one.
const ActionRule *find(const QString &code);
// The codes of the actions of one kind, in order.
QStringList codes(ActionRule::Kind kind);

// The agency whose complaints the actor reads; none: every complaint (a
// moderator, an all-agency supervisor). The server's feed and record reads
// both follow it.
std::optional<int> readScope(const Actor &actor);
// Whether the actor may read the complaint at all (within readScope()).
bool mayRead(const Actor &actor, const Complaint &complaint);
ActionVerdict verdict(const QString &action, const Actor &actor, const Complaint &complaint,
                      const DeadlineRules &rules);
// The actions the actor may take on the complaint now, in order.
QStringList allowedActions(const Actor &actor, const Complaint &complaint,
                           const DeadlineRules &rules);

// The body's fields the action does not take (field → "unknown field for …").
QJsonObject unknownFields(const ActionRule &rule, const QJsonObject &body);
// The body's fields checked against the rule: each required one present, each of its type and
// length. Returns field → what is wrong (English, as the API's 422 answers say it); empty when the
// shape is right. What the catalogue decides (codes, ids that exist, dates in range) is the
// server's to check.
QJsonObject fieldErrors(const ActionRule &rule, const QJsonObject &body,
                        const DeadlineRules &rules);

} // namespace ActionRules

} // namespace rd
