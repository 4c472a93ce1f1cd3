#include "ComplaintState.h"
#include "QtCompat.h"

#include <QList>

#include <array>
#include <utility>

namespace rd {

namespace {

constexpr std::array<std::pair<ComplaintState, const char *>, 9> StateCodes{{
    {ComplaintState::Moderation, "moderation"},
    {ComplaintState::Published, "published"},
    {ComplaintState::Rejected, "rejected"},
    {ComplaintState::Duplicate, "duplicate"},
    {ComplaintState::InProgress, "in_progress"},
    {ComplaintState::Solved, "solved"},
    {ComplaintState::Refused, "refused"},
    {ComplaintState::Confirmed, "confirmed"},
    {ComplaintState::Contested, "contested"},
}};

constexpr std::array<std::pair<AnswerKind, const char *>, 4> AnswerCodes{{
    {AnswerKind::None, ""},
    {AnswerKind::Solved, "solved"},
    {AnswerKind::Deadline, "deadline"},
    {AnswerKind::Refusal, "refusal"},
}};

} // namespace

QList<ComplaintState> allComplaintStates()
{
    QList<ComplaintState> states;
    for (const auto &[state, code] : StateCodes)
        states.append(state);
    return states;
}

QString toCode(ComplaintState state)
{
    // Built once: every row written or read converts a state, and a shared
    // QString costs no allocation.
    static const QList<QString> codes = [] {
        QList<QString> list;
        for (const auto &[value, code] : StateCodes)
            list.append(QString::fromLatin1(code));
        return list;
    }();
    for (size_t i = 0; i < StateCodes.size(); ++i) {
        if (StateCodes[i].first == state)
            return codes[qsizetype(i)];
    }
    Q_UNREACHABLE_RETURN({});
}

std::optional<ComplaintState> complaintStateFromCode(const QString &code)
{
    for (const auto &[value, text] : StateCodes) {
        if (code == QLatin1String(text))
            return value;
    }
    return std::nullopt;
}

QString toCode(AnswerKind kind)
{
    static const QList<QString> codes = [] {
        QList<QString> list;
        for (const auto &[value, code] : AnswerCodes)
            list.append(QString::fromLatin1(code));
        return list;
    }();
    for (size_t i = 0; i < AnswerCodes.size(); ++i) {
        if (AnswerCodes[i].first == kind)
            return codes[qsizetype(i)];
    }
    Q_UNREACHABLE_RETURN({});
}

std::optional<AnswerKind> answerKindFromCode(const QString &code)
{
    for (const auto &[value, text] : AnswerCodes) {
        if (code == QLatin1String(text))
            return value;
    }
    return std::nullopt;
}

bool awaitsAnswer(ComplaintState state)
{
    return state == ComplaintState::Published || state == ComplaintState::Contested;
}

bool isAnswerOverdue(ComplaintState state, const QDate &dueDate, const QDate &today)
{
    return awaitsAnswer(state) && dueDate.isValid() && dueDate < today;
}

bool isClosed(ComplaintState state)
{
    return !isOpen(state) && state != ComplaintState::Solved;
}

bool isOpen(ComplaintState state)
{
    switch (state) {
    case ComplaintState::Moderation:
    case ComplaintState::Published:
    case ComplaintState::InProgress:
    case ComplaintState::Contested:
        return true;
    case ComplaintState::Rejected:
    case ComplaintState::Duplicate:
    case ComplaintState::Solved:
    case ComplaintState::Refused:
    case ComplaintState::Confirmed:
        return false;
    }
    return false;
}

} // namespace rd
