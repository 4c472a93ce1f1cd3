#pragma once

#include "WorkCalendar.h"

#include <QList>
#include <QString>

#include <optional>

namespace rd {

struct Category
{
    int id = 0;
    QString code;
    QString name;
    std::optional<int> defaultAgencyId;
    friend bool operator==(const Category &, const Category &) = default;
};

struct Agency
{
    int id = 0;
    QString code;
    QString name;
    friend bool operator==(const Agency &, const Agency &) = default;
};

struct District
{
    int id = 0;
    QString name;
    friend bool operator==(const District &, const District &) = default;
};

// A standard reason a moderator rejects a complaint for (the reject action's
// reason_code; the reason text the citizen reads starts with its title).
struct RejectReason
{
    QString code;
    QString title;
    friend bool operator==(const RejectReason &, const RejectReason &) = default;
};

struct RefusalGround
{
    QString code;
    QString title;
    QString templateText;
    QString legalBasis; // e.g. "59-ФЗ ст. 11 ч. 3"; empty for an agency's own ground
    friend bool operator==(const RefusalGround &, const RefusalGround &) = default;
};

// A response template kept centrally in the catalogue (docs/api.md,
// "Catalogue"): the text for one kind of answer (an action code: solve,
// set_deadline, extend_deadline, refuse, note), for one category or every
// one, with placeholders the desk fills in (AnswerTemplates.h).
struct AnswerTemplate
{
    QString code;
    QString action;
    std::optional<int> categoryId; // none: every category
    QString title;
    QString text;
    friend bool operator==(const AnswerTemplate &, const AnswerTemplate &) = default;
};

// The numbers of the law on citizens' appeals as the server publishes them;
// the client never hard-codes them (DESIGN.md §1).
struct DeadlineRules
{
    int answerDays = 30;
    int maxExtensionDays = 30;
    int maxExtensions = 1;
    int minRefusalLength = 0;
    int maxResolutionDays = 365; // the latest a promised fix may be, from the day it is promised
    // How answerDays and maxExtensionDays are counted (Deadlines.h).
    DayCount dayCount = DayCount::Calendar;
    // Calendar days: a term whose last day is a day off ends on the next
    // working day (as ГК РФ ст. 193 has it for terms in days).
    bool endOnWorkingDay = false;
    friend bool operator==(const DeadlineRules &, const DeadlineRules &) = default;
};

namespace detail {

template<typename T>
const T *findById(const QList<T> &list, int id)
{
    for (const T &item : list) {
        if (item.id == id)
            return &item;
    }
    return nullptr;
}

} // namespace detail

struct Catalogue
{
    // The entry with this id, or nullptr when the catalogue has none.
    const Category *category(int id) const { return detail::findById(categories, id); }
    const Agency *agency(int id) const { return detail::findById(agencies, id); }
    const District *district(int id) const { return detail::findById(districts, id); }

    QList<Category> categories;
    QList<Agency> agencies;
    QList<District> districts;
    QList<RefusalGround> refusalGrounds;
    QList<RejectReason> rejectReasons;
    QList<AnswerTemplate> answerTemplates;
    DeadlineRules rules;
    WorkCalendar calendar; // the production calendar the rules count with
    // The service's calendar (IANA id, e.g. "Asia/Omsk"): due dates and
    // "today" in the deadline rules are days there, wherever the desk runs.
    QString timeZone;
    QString etag;
    friend bool operator==(const Catalogue &, const Catalogue &) = default;
};

} // namespace rd
