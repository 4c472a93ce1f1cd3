#include "ComplaintState.h"

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

QString toCode(ComplaintState state)
{
    for (const auto &[value, code] : StateCodes) {
        if (value == state)
            return QString::fromLatin1(code);
    }
    Q_UNREACHABLE();
    return {};
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
    for (const auto &[value, code] : AnswerCodes) {
        if (value == kind)
            return QString::fromLatin1(code);
    }
    Q_UNREACHABLE();
    return {};
}

std::optional<AnswerKind> answerKindFromCode(const QString &code)
{
    for (const auto &[value, text] : AnswerCodes) {
        if (code == QLatin1String(text))
            return value;
    }
    return std::nullopt;
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
