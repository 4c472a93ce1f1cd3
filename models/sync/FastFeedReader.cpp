#include "FastFeedReader.h"

#include "ApiJson.h"
#include "ComplaintState.h"
#include "FeedCursor.h"
#include "ProtocolLimits.h"

#include <QDate>

#include <charconv>
#include <climits>
#include <cmath>
#include <cstring>
#include <string_view>

namespace rd {

namespace {

using feedjson::Cursor;
using feedjson::giveUp;
using feedjson::GiveUp;
using ProtocolLimits::MaxId;

qint64 integerIn(Cursor &c, qint64 min, qint64 max)
{
    const double d = c.number();
    if (std::floor(d) != d || d < double(min) || d > double(max))
        giveUp();
    return qint64(d);
}

std::optional<qint64> optionalIntegerIn(Cursor &c, qint64 min, qint64 max)
{
    if (c.isNull())
        return std::nullopt;
    return integerIn(c, min, max);
}

QString textUpTo(Cursor &c, qsizetype maxLength, bool nullable)
{
    if (nullable && c.isNull())
        return {};
    QString s = c.string();
    if (s.size() > maxLength)
        giveUp();
    return s;
}

QDateTime timeValue(Cursor &c, bool nullable)
{
    const QString s = textUpTo(c, ProtocolLimits::TimeText, nullable);
    if (s.isEmpty())
        return {};
    const auto t = ApiJson::parseTime(s);
    if (!t)
        giveUp();
    return *t;
}

QDate dateValue(Cursor &c)
{
    const QString s = textUpTo(c, ProtocolLimits::DateText, true);
    if (s.isEmpty())
        return {};
    const QDate d = QDate::fromString(s, Qt::ISODate);
    if (!d.isValid() || s.size() != 10)
        giveUp();
    return d;
}

// Each field at most once (a repeated key: the strict reader decides).
class Seen
{
public:
    void mark(int bit)
    {
        if (m_bits & (1ULL << bit))
            giveUp();
        m_bits |= 1ULL << bit;
    }
    bool has(int bit) const { return m_bits & (1ULL << bit); }

private:
    quint64 m_bits = 0;
};

Photo readPhoto(Cursor &c, qint64 complaintId)
{
    Photo photo;
    photo.complaintId = complaintId;
    Seen seen;
    c.expect('{');
    if (!c.consume('}')) {
        do {
            const std::string_view k = c.key();
            if (k == "id") {
                seen.mark(0);
                photo.id = textUpTo(c, ProtocolLimits::MediaId, false);
            } else if (k == "mime_type") {
                seen.mark(1);
                photo.mimeType = textUpTo(c, ProtocolLimits::Code, false);
            } else if (k == "width") {
                seen.mark(2);
                photo.width = int(integerIn(c, 0, ProtocolLimits::MaxPixels));
            } else if (k == "height") {
                seen.mark(3);
                photo.height = int(integerIn(c, 0, ProtocolLimits::MaxPixels));
            } else if (k == "bytes") {
                seen.mark(4);
                photo.bytes = integerIn(c, 0, MaxId);
            } else if (k == "evidence") {
                seen.mark(5);
                photo.evidence = c.isNull() ? false : c.boolean();
            } else {
                c.skip();
            }
        } while (c.consume(','));
        c.expect('}');
    }
    for (int bit = 0; bit < 5; ++bit) {
        if (!seen.has(bit))
            giveUp();
    }
    return photo;
}

// A record's fields, each at most once; the required ones first.
enum Field
{
    Id,
    Version,
    State,
    Category,
    Text,
    Address,
    Lat,
    Lon,
    Created,
    Updated,
    Votes,
    RequiredCount,
    // optional ones, for the repeated-key check
    Agency = RequiredCount,
    District,
    Published,
    Due,
    DuplicateOf,
    Reject,
    Feedback,
    Author,
    Answer,
    Photos,
};

// Numbers and codes; false when k is none of them.
bool readNumberField(Cursor &c, std::string_view k, Complaint &r, Seen &seen)
{
    if (k == "id") {
        seen.mark(Id);
        r.id = integerIn(c, 1, MaxId);
    } else if (k == "version") {
        seen.mark(Version);
        r.version = integerIn(c, 1, MaxId);
    } else if (k == "state") {
        seen.mark(State);
        const auto state = complaintStateFromCode(textUpTo(c, ProtocolLimits::StateCode, false));
        if (!state)
            giveUp();
        r.state = *state;
    } else if (k == "category_id") {
        seen.mark(Category);
        r.categoryId = int(integerIn(c, 1, INT_MAX));
    } else if (k == "agency_id") {
        seen.mark(Agency);
        if (const auto a = optionalIntegerIn(c, 1, INT_MAX))
            r.agencyId = int(*a);
    } else if (k == "district_id") {
        seen.mark(District);
        if (const auto d = optionalIntegerIn(c, 1, INT_MAX))
            r.districtId = int(*d);
    } else if (k == "lat") {
        seen.mark(Lat);
        r.latitude = c.number();
        if (r.latitude < -90.0 || r.latitude > 90.0)
            giveUp();
    } else if (k == "lon") {
        seen.mark(Lon);
        r.longitude = c.number();
        if (r.longitude < -180.0 || r.longitude > 180.0)
            giveUp();
    } else if (k == "votes") {
        seen.mark(Votes);
        r.votes = int(integerIn(c, 0, INT_MAX));
    } else if (k == "duplicate_of") {
        seen.mark(DuplicateOf);
        if (const auto d = optionalIntegerIn(c, 1, MaxId))
            r.duplicateOf = *d;
    } else {
        return false;
    }
    return true;
}

// Texts and times; false when k is none of them.
bool readTextField(Cursor &c, std::string_view k, Complaint &r, Seen &seen)
{
    if (k == "text") {
        seen.mark(Text);
        r.text = textUpTo(c, ProtocolLimits::LongText, false);
    } else if (k == "address") {
        seen.mark(Address);
        r.address = textUpTo(c, ProtocolLimits::Address, false);
    } else if (k == "created_at") {
        seen.mark(Created);
        r.createdAt = timeValue(c, false);
    } else if (k == "updated_at") {
        seen.mark(Updated);
        r.updatedAt = timeValue(c, false);
    } else if (k == "published_at") {
        seen.mark(Published);
        r.publishedAt = timeValue(c, true);
    } else if (k == "due_date") {
        seen.mark(Due);
        r.dueDate = dateValue(c);
    } else if (k == "reject_reason") {
        seen.mark(Reject);
        r.rejectReason = textUpTo(c, ProtocolLimits::LongText, true);
    } else if (k == "citizen_feedback") {
        seen.mark(Feedback);
        r.citizenFeedback = textUpTo(c, ProtocolLimits::LongText, true);
    } else {
        return false;
    }
    return true;
}

void readAuthor(Cursor &c, Complaint &r)
{
    if (c.isNull())
        return;
    Seen seen;
    c.expect('{');
    if (c.consume('}'))
        return;
    do {
        const std::string_view a = c.key();
        if (a == "name") {
            seen.mark(0);
            r.authorName = textUpTo(c, ProtocolLimits::Name, true);
        } else if (a == "email") {
            seen.mark(1);
            r.authorEmail = textUpTo(c, ProtocolLimits::Email, true);
        } else if (a == "phone") {
            seen.mark(2);
            r.authorPhone = textUpTo(c, ProtocolLimits::Phone, true);
        } else {
            c.skip();
        }
    } while (c.consume(','));
    c.expect('}');
}

void readAnswerField(Cursor &c, std::string_view a, Complaint &r, Seen &seen)
{
    if (a == "kind") {
        seen.mark(0);
        const auto kind = answerKindFromCode(textUpTo(c, ProtocolLimits::StateCode, false));
        if (!kind || *kind == AnswerKind::None)
            giveUp();
        r.answerKind = *kind;
    } else if (a == "text") {
        seen.mark(1);
        r.answerText = textUpTo(c, ProtocolLimits::LongText, true);
    } else if (a == "deadline") {
        seen.mark(2);
        r.answerDeadline = dateValue(c);
    } else if (a == "ground") {
        seen.mark(3);
        r.refusalGround = textUpTo(c, ProtocolLimits::Code, true);
    } else if (a == "answered_at") {
        seen.mark(4);
        r.answeredAt = timeValue(c, true);
    } else if (a == "extended") {
        seen.mark(5);
        r.deadlineExtended = c.isNull() ? false : c.boolean();
    } else if (a == "extension_reason") {
        seen.mark(6);
        r.extensionReason = textUpTo(c, ProtocolLimits::LongText, true);
    } else if (a == "first_answered_at") {
        seen.mark(7);
        r.firstAnsweredAt = timeValue(c, true);
    } else {
        c.skip();
    }
}

void readAnswer(Cursor &c, Complaint &r)
{
    if (c.isNull())
        return;
    Seen seen;
    c.expect('{');
    if (!c.consume('}')) {
        do {
            readAnswerField(c, c.key(), r, seen);
        } while (c.consume(','));
        c.expect('}');
    }
    if (!seen.has(0))
        giveUp();
    if (!r.firstAnsweredAt.isValid()) // as ApiJson: a server before API 1.1
        r.firstAnsweredAt = r.answeredAt;
}

void readPhotos(Cursor &c, QList<Photo> &photos)
{
    if (c.isNull())
        return;
    c.expect('[');
    if (c.consume(']'))
        return;
    do {
        photos.append(readPhoto(c, 0));
    } while (c.consume(','));
    c.expect(']');
}

ApiJson::ParsedComplaint readRecord(Cursor &c)
{
    ApiJson::ParsedComplaint out;
    Complaint &r = out.complaint;
    Seen seen;
    c.expect('{');
    if (!c.consume('}')) {
        do {
            const std::string_view k = c.key();
            if (readNumberField(c, k, r, seen) || readTextField(c, k, r, seen))
                continue;
            if (k == "author") {
                seen.mark(Author);
                readAuthor(c, r);
            } else if (k == "answer") {
                seen.mark(Answer);
                readAnswer(c, r);
            } else if (k == "photos") {
                seen.mark(Photos);
                readPhotos(c, out.photos);
            } else {
                c.skip();
            }
        } while (c.consume(','));
        c.expect('}');
    }
    for (int bit = 0; bit < RequiredCount; ++bit) {
        if (!seen.has(bit))
            giveUp();
    }
    for (Photo &photo : out.photos)
        photo.complaintId = r.id;
    return out;
}

} // namespace

std::optional<ChangesPage> readChangesPageFast(const QByteArray &body)
{
    try {
        Cursor c(body.constData(), body.constData() + body.size());
        ChangesPage page;
        page.bytes = body.size();
        Seen seen;
        c.expect('{');
        if (!c.consume('}')) {
            do {
                const std::string_view k = c.key();
                if (k == "epoch") {
                    seen.mark(0);
                    page.epoch = c.string();
                } else if (k == "cursor") {
                    seen.mark(1);
                    page.cursor = c.string();
                } else if (k == "more") {
                    seen.mark(2);
                    page.more = c.boolean();
                } else if (k == "catalogue_etag" || k == "geography_etag") {
                    const bool catalogue = k == "catalogue_etag";
                    seen.mark(catalogue ? 5 : 6);
                    QString etag = c.string();
                    if (etag.size() > MaxPageEtagLength)
                        giveUp();
                    (catalogue ? page.catalogueEtag : page.geographyEtag) = std::move(etag);
                } else if (k == "records") {
                    seen.mark(3);
                    c.expect('[');
                    if (!c.consume(']')) {
                        do {
                            page.records.append(readRecord(c));
                        } while (c.consume(','));
                        c.expect(']');
                    }
                } else if (k == "tombstones") {
                    seen.mark(4);
                    c.expect('[');
                    if (!c.consume(']')) {
                        do {
                            page.tombstones.append(integerIn(c, 1, MaxId));
                        } while (c.consume(','));
                        c.expect(']');
                    }
                } else {
                    c.skip();
                }
            } while (c.consume(','));
            c.expect('}');
        }
        if (!c.atEnd())
            giveUp();
        for (int bit = 0; bit < 5; ++bit) {
            if (!seen.has(bit))
                giveUp();
        }
        if (page.epoch.isEmpty() || page.cursor.isEmpty())
            giveUp();
        return page;
    } catch (const GiveUp &) {
        return std::nullopt;
    }
}

} // namespace rd
