#pragma once

#include "Catalogue.h"
#include "Complaint.h"
#include "ComplaintRecords.h"
#include "Parsed.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace rd {

// The JSON shapes of docs/api.md, shared by the reference server (which
// writes them) and the client (which reads them). Readers are strict: a
// field of the wrong type, a missing required field or a value out of range
// is an error naming the field, never a silent default.
namespace ApiJson {

// Times on the wire: ISO 8601 with an offset. Written as UTC ("…Z"); read
// with any offset. Dates ("YYYY-MM-DD") are calendar days.
QString formatTime(const QDateTime &time);
std::optional<QDateTime> parseTime(const QString &text);

struct Visibility
{
    bool personalData = true; // author's name, e-mail, phone
};

QJsonObject complaintToJson(const Complaint &complaint, const QList<Photo> &photos,
                            const Visibility &visibility = {});

struct ParsedComplaint
{
    Complaint complaint;
    QList<Photo> photos;
};

// A reader's answer: the value, or which field was wrong and how.
using rd::Parsed;
using rd::ParseError;

Parsed<ParsedComplaint> complaintFromJson(const QJsonObject &object);

QJsonObject catalogueToJson(const Catalogue &catalogue);
Parsed<Catalogue> catalogueFromJson(const QJsonObject &object);
// The catalogue's "calendar" (also the admin command's file): dates
// YYYY-MM-DD, each once; working days only Saturdays and Sundays, none a
// holiday too. prefix: put before the fields an error names.
QJsonObject calendarToJson(const WorkCalendar &calendar);
Parsed<WorkCalendar> calendarFromJson(const QJsonObject &object, const QString &prefix = {});

QJsonObject historyEntryToJson(const HistoryEntry &entry);
Parsed<HistoryEntry> historyEntryFromJson(qint64 complaintId, const QJsonObject &object);

// {"error": {"code": …, "message": …, "fields": {…}}}
QJsonObject errorBody(const QString &code, const QString &message, const QJsonObject &fields = {});

} // namespace ApiJson
} // namespace rd
