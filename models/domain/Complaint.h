#pragma once

#include "ComplaintState.h"

#include <QDate>
#include <QDateTime>
#include <QString>

#include <optional>

namespace rd {

// One complaint as the server sends it and the cache keeps it. Times are UTC
// instants; due dates are calendar dates (the law counts days, DESIGN.md §1).
struct Complaint
{
    qint64 id = 0;
    qint64 version = 0;
    ComplaintState state = ComplaintState::Moderation;
    int categoryId = 0;
    std::optional<int> agencyId; // none while awaiting moderation
    std::optional<int> districtId;
    QString text; // as published (after any moderation redaction)
    QString address;
    double latitude = 0.0;
    double longitude = 0.0;
    QDateTime createdAt; // registration
    QDateTime updatedAt;
    QDateTime publishedAt;
    QDate dueDate; // the answer is due by the end of this day
    int votes = 0;
    // Personal data; empty when the signed-in role may not see it.
    QString authorName;
    QString authorEmail;
    QString authorPhone;
    // The agency's answer (DESIGN.md §1, "Answer").
    AnswerKind answerKind = AnswerKind::None;
    QString answerText;
    QDate answerDeadline;      // the promised resolution date, for AnswerKind::Deadline
    QString refusalGround;     // catalogue code, for AnswerKind::Refusal
    QDateTime answeredAt;      // the latest answer
    QDateTime firstAnsweredAt; // the first answer; never moves (reports: time to answer)
    bool deadlineExtended = false;
    QString extensionReason;
    // Moderation outcomes.
    std::optional<qint64> duplicateOf;
    QString rejectReason;
    // Civic control.
    QString citizenFeedback;

    friend bool operator==(const Complaint &, const Complaint &) = default;
};

// The fields a queue table shows, read without the long texts.
struct ComplaintRow
{
    qint64 id = 0;
    ComplaintState state = ComplaintState::Moderation;
    int categoryId = 0;
    std::optional<int> agencyId;
    QString address;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDate dueDate;
    int votes = 0;
    bool hasDraft = false;
    int pendingActions = 0;
    bool leftScope = false;       // a tombstone arrived, kept for the local draft
    bool hasServerCopy = false;   // a newer server record waits beside the local one
};

// A complaint's position, for the map and box queries.
struct ComplaintPoint
{
    qint64 id = 0;
    double latitude = 0.0;
    double longitude = 0.0;
    ComplaintState state = ComplaintState::Moderation;
    int votes = 0;
    QDate dueDate;         // the agency's answer is due (invalid: none)
    bool hasDraft = false; // the user has an unsent draft on it

    static ComplaintPoint of(const Complaint &c, bool hasDraft = false)
    {
        return {c.id, c.latitude, c.longitude, c.state, c.votes, c.dueDate, hasDraft};
    }
};

} // namespace rd
