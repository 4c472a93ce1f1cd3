#include "ActionRules.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace rd {

QString toCode(Role role)
{
    switch (role) {
    case Role::Clerk:
        return QStringLiteral("clerk");
    case Role::Moderator:
        return QStringLiteral("moderator");
    case Role::Supervisor:
        return QStringLiteral("supervisor");
    }
    return {};
}

std::optional<Role> roleFromCode(const QString &code)
{
    for (Role role : {Role::Clerk, Role::Moderator, Role::Supervisor}) {
        if (toCode(role) == code)
            return role;
    }
    return std::nullopt;
}

int FieldRule::minimum(const DeadlineRules &rules) const
{
    return minFromRefusalRule ? std::max(1, rules.minRefusalLength) : minLength;
}

const FieldRule *ActionRule::field(const QString &name) const
{
    const auto it = std::find_if(fields.begin(), fields.end(),
                                 [&](const FieldRule &f) { return f.name == name; });
    return it == fields.end() ? nullptr : &*it;
}

namespace ActionRules {

namespace {

// The limits of docs/api.md, "Actions".
constexpr int longText = 10000;
constexpr int shortText = 2000;
constexpr int maxEvidencePhotos = 10;

FieldRule text(const char *name, int min, int max, bool required = true)
{
    return {QString::fromLatin1(name), FieldRule::Type::Text, required, min, max, false};
}
FieldRule id(const char *name)
{
    return {QString::fromLatin1(name), FieldRule::Type::Id, true, 0, 0, false};
}
FieldRule date(const char *name)
{
    return {QString::fromLatin1(name), FieldRule::Type::Date, true, 0, 0, false};
}
FieldRule code(const char *name, bool required)
{
    return {QString::fromLatin1(name), FieldRule::Type::Code, required, 0, 0, false};
}

using S = ComplaintState;
using W = ActionRule::Who;
using K = ActionRule::Kind;
// Where an agency works on a complaint (re-routing and solving apply).
QList<S> routed()
{
    return {S::Published, S::InProgress, S::Contested};
}

// The moderator's decisions, in the order of the desk's moderation tabs.
QList<ActionRule> moderationRules()
{
    return {
        {QStringLiteral("publish"),
         K::Moderation,
         W::Moderator,
         {S::Moderation},
         S::Published,
         {id("category_id"), id("agency_id")}},
        {QStringLiteral("reject"),
         K::Moderation,
         W::Moderator,
         {S::Moderation},
         S::Rejected,
         {text("reason", 3, shortText), code("reason_code", false)}},
        {QStringLiteral("mark_duplicate"),
         K::Moderation,
         W::Moderator,
         {S::Moderation},
         S::Duplicate,
         {id("duplicate_of")}},
        {QStringLiteral("reroute"),
         K::Moderation,
         W::Moderator,
         routed(),
         std::nullopt,
         {id("agency_id"), text("reason", 0, shortText, false)}},
        // Personal data may have to leave any complaint, whatever its state
        // (a duplicate or a closed one as well).
        {QStringLiteral("redact"),
         K::Moderation,
         W::Moderator,
         {S::Moderation, S::Published, S::Rejected, S::Duplicate, S::InProgress, S::Solved,
          S::Refused, S::Confirmed, S::Contested},
         std::nullopt,
         {text("text", 1, longText), text("reason", 0, shortText, false)}},
        // A moderation decision reversed through the server: published (not
        // yet answered: an answer is the agency's and is never lost this
        // way), rejected or marked duplicate, back to the queue with the
        // reason in the history (docs/api.md "Return to moderation").
        {QStringLiteral("return_to_moderation"),
         K::Moderation,
         W::Moderator,
         {S::Published, S::Rejected, S::Duplicate},
         S::Moderation,
         {text("reason", 3, shortText)}},
    };
}

// The agency's answers, and the note anyone may write.
QList<ActionRule> answerRules()
{
    const QList<S> answerable{S::Published, S::Contested};
    FieldRule refusalText = text("text", 0, longText);
    refusalText.minFromRefusalRule = true;
    return {
        {QStringLiteral("set_deadline"),
         K::Answer,
         W::Agency,
         answerable,
         S::InProgress,
         {date("deadline"), text("text", 10, longText)}},
        {QStringLiteral("extend_deadline"),
         K::Answer,
         W::Agency,
         {S::InProgress},
         S::InProgress,
         {date("deadline"), text("reason", 10, shortText)},
         true},
        {QStringLiteral("solve"),
         K::Answer,
         W::Agency,
         routed(),
         S::Solved,
         {text("text", 10, longText),
          {QStringLiteral("photo_ids"), FieldRule::Type::IdList, false, 0, maxEvidencePhotos,
           false}}},
        {QStringLiteral("refuse"),
         K::Answer,
         W::Agency,
         answerable,
         S::Refused,
         {code("ground", true), refusalText}},
        {QStringLiteral("note"),
         K::Note,
         W::Staff,
         {S::Moderation, S::Published, S::Rejected, S::Duplicate, S::InProgress, S::Solved,
          S::Refused, S::Confirmed, S::Contested},
         std::nullopt,
         {text("text", 1, longText)}},
    };
}

QList<ActionRule> makeRules()
{
    return moderationRules() + answerRules();
}

QString checkField(const FieldRule &f, const QJsonValue &v, const DeadlineRules &rules)
{
    switch (f.type) {
    case FieldRule::Type::Text: {
        if (!v.isString())
            return QStringLiteral("must be text");
        const qsizetype length = v.toString().trimmed().size();
        if (length < f.minimum(rules))
            return QStringLiteral("must be at least %1 characters").arg(f.minimum(rules));
        if (length > f.maxLength)
            return QStringLiteral("must be at most %1 characters").arg(f.maxLength);
        return {};
    }
    case FieldRule::Type::Id: {
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d < 1 || d != std::floor(d) || d > 9007199254740991.0)
            return QStringLiteral("must be a positive whole number");
        return {};
    }
    case FieldRule::Type::Date: {
        const bool ok = v.isString() && v.toString().size() == 10 &&
                        QDate::fromString(v.toString(), Qt::ISODate).isValid();
        return ok ? QString() : QStringLiteral("must be a date YYYY-MM-DD");
    }
    case FieldRule::Type::Code:
        return v.isString() ? QString() : QStringLiteral("not in the catalogue");
    case FieldRule::Type::IdList: {
        const bool ok = v.isArray() && v.toArray().size() <= f.maxLength &&
                        std::all_of(v.toArray().begin(), v.toArray().end(),
                                    [](const QJsonValue &e) { return e.isString(); });
        return ok ? QString() : QStringLiteral("must be a list of at most %1 ids").arg(f.maxLength);
    }
    }
    return {};
}

} // namespace

const QList<ActionRule> &all()
{
    static const QList<ActionRule> rules = makeRules();
    return rules;
}

const ActionRule *find(const QString &code)
{
    const QList<ActionRule> &rules = all();
    const auto it = std::find_if(rules.begin(), rules.end(),
                                 [&](const ActionRule &r) { return r.code == code; });
    return it == rules.end() ? nullptr : &*it;
}

QStringList codes(ActionRule::Kind kind)
{
    QStringList out;
    for (const ActionRule &rule : all()) {
        if (rule.kind == kind)
            out.append(rule.code);
    }
    return out;
}

std::optional<int> readScope(const Actor &actor)
{
    if (actor.role == Role::Moderator || !actor.agencyId)
        return std::nullopt;
    return int(*actor.agencyId);
}

bool mayRead(const Actor &actor, const Complaint &complaint)
{
    const std::optional<int> agency = readScope(actor);
    return !agency || (complaint.agencyId && *complaint.agencyId == *agency);
}

ActionVerdict verdict(const QString &action, const Actor &actor, const Complaint &complaint,
                      const DeadlineRules &rules)
{
    const ActionRule *rule = find(action);
    if (!rule)
        return ActionVerdict::UnknownAction;
    bool allowed = false;
    switch (rule->who) {
    case ActionRule::Who::Moderator:
        allowed = actor.role == Role::Moderator;
        break;
    case ActionRule::Who::Agency:
        allowed = actor.role != Role::Moderator && actor.agencyId && complaint.agencyId &&
                  *complaint.agencyId == *actor.agencyId;
        break;
    case ActionRule::Who::Staff:
        allowed = mayRead(actor, complaint);
        break;
    }
    if (!allowed)
        return ActionVerdict::Forbidden;
    if (!rule->from.contains(complaint.state))
        return ActionVerdict::WrongState;
    if (rule->extendsDeadline && complaint.deadlineExtended && rules.maxExtensions <= 1)
        return ActionVerdict::LimitReached;
    return ActionVerdict::Allowed;
}

QStringList allowedActions(const Actor &actor, const Complaint &complaint,
                           const DeadlineRules &rules)
{
    QStringList out;
    for (const ActionRule &rule : all()) {
        if (verdict(rule.code, actor, complaint, rules) == ActionVerdict::Allowed)
            out.append(rule.code);
    }
    return out;
}

QJsonObject unknownFields(const ActionRule &rule, const QJsonObject &body)
{
    QJsonObject errors;
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (it.key() != QLatin1String("action") && it.key() != QLatin1String("base_version") &&
            !rule.field(it.key()))
            errors.insert(it.key(), QStringLiteral("unknown field for %1").arg(rule.code));
    }
    return errors;
}

QJsonObject fieldErrors(const ActionRule &rule, const QJsonObject &body, const DeadlineRules &rules)
{
    QJsonObject errors;
    for (const FieldRule &f : rule.fields) {
        const QJsonValue v = body.value(f.name);
        if (v.isUndefined() || v.isNull()) {
            if (f.required)
                errors.insert(f.name, QStringLiteral("is required"));
            continue;
        }
        if (const QString problem = checkField(f, v, rules); !problem.isEmpty())
            errors.insert(f.name, problem);
    }
    return errors;
}

} // namespace ActionRules

} // namespace rd
