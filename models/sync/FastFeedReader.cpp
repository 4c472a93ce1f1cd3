#include "FastFeedReader.h"

#include "ApiJson.h"
#include "ComplaintState.h"
#include "ProtocolLimits.h"

#include <QDate>

#include <charconv>
#include <climits>
#include <cmath>
#include <cstring>
#include <string_view>

namespace rd {

namespace {

using ProtocolLimits::MaxId;

// Thrown inside the reader when the fast path gives up; never escapes it.
struct GiveUp
{};

[[noreturn]] void giveUp()
{
    throw GiveUp{};
}

bool validUtf8(const unsigned char *p, const unsigned char *end)
{
    while (p < end) {
        const unsigned char c = *p;
        int extra = 0;
        char32_t min = 0;
        char32_t cp = 0;
        if (c < 0x80) {
            ++p;
            continue;
        } else if ((c & 0xe0) == 0xc0) {
            extra = 1, min = 0x80, cp = c & 0x1f;
        } else if ((c & 0xf0) == 0xe0) {
            extra = 2, min = 0x800, cp = c & 0x0f;
        } else if ((c & 0xf8) == 0xf0) {
            extra = 3, min = 0x10000, cp = c & 0x07;
        } else {
            return false;
        }
        if (end - p <= extra)
            return false;
        for (int i = 1; i <= extra; ++i) {
            if ((p[i] & 0xc0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i] & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return false;
        p += extra + 1;
    }
    return true;
}

// Four hex digits, or -1.
int hex4(const char *p)
{
    int value = 0;
    for (int i = 0; i < 4; ++i) {
        const char c = p[i];
        const int digit = c >= '0' && c <= '9'   ? c - '0'
                          : c >= 'a' && c <= 'f' ? c - 'a' + 10
                          : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                 : -1;
        if (digit < 0)
            return -1;
        value = value * 16 + digit;
    }
    return value;
}

class Cursor
{
public:
    Cursor(const char *begin, const char *end)
        : m_p(begin)
        , m_end(end)
    {}

    void ws()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }
    char peek()
    {
        ws();
        return m_p < m_end ? *m_p : '\0';
    }
    void expect(char c)
    {
        if (peek() != c)
            giveUp();
        ++m_p;
    }
    bool consume(char c)
    {
        if (peek() != c)
            return false;
        ++m_p;
        return true;
    }
    bool atEnd()
    {
        ws();
        return m_p == m_end;
    }

    // A key: plain ASCII without escapes (every key of the format), else give up.
    std::string_view key()
    {
        expect('"');
        const char *start = m_p;
        while (m_p < m_end && *m_p != '"') {
            if (*m_p == '\\' || static_cast<unsigned char>(*m_p) < 0x20 ||
                static_cast<unsigned char>(*m_p) >= 0x80)
                giveUp();
            ++m_p;
        }
        if (m_p == m_end)
            giveUp();
        const std::string_view k(start, size_t(m_p - start));
        ++m_p;
        expect(':');
        return k;
    }

    QString string()
    {
        expect('"');
        QString out;
        for (;;) {
            // A run of plain characters, then a quote or an escape.
            const char *run = m_p;
            bool ascii = true;
            while (m_p < m_end && *m_p != '"' && *m_p != '\\') {
                const auto c = static_cast<unsigned char>(*m_p);
                if (c < 0x20)
                    giveUp();
                ascii = ascii && c < 0x80;
                ++m_p;
            }
            if (m_p == m_end)
                giveUp();
            if (ascii)
                out += QLatin1String(run, m_p - run);
            else if (validUtf8(reinterpret_cast<const unsigned char *>(run),
                               reinterpret_cast<const unsigned char *>(m_p)))
                out += QString::fromUtf8(run, m_p - run);
            else
                giveUp();
            if (*m_p++ == '"')
                return out;
            out += escape();
        }
    }

    // After a backslash: the character it stands for (escapes are rare here).
    QString escape()
    {
        if (m_p == m_end)
            giveUp();
        static constexpr std::string_view From = "\"\\/bfnrt";
        static constexpr std::string_view To = "\"\\/\b\f\n\r\t";
        const char c = *m_p++;
        if (const size_t i = From.find(c); i != std::string_view::npos)
            return QString(QLatin1Char(To[i]));
        if (c != 'u' || m_end - m_p < 4)
            giveUp();
        const int unit = hex4(m_p);
        if (unit < 0)
            giveUp();
        m_p += 4;
        if (!QChar::isSurrogate(char16_t(unit)))
            return QString(QChar(char16_t(unit)));
        // A surrogate pair, or left to the strict reader.
        if (!QChar::isHighSurrogate(char16_t(unit)) || m_end - m_p < 6 || m_p[0] != '\\' ||
            m_p[1] != 'u')
            giveUp();
        const int low = hex4(m_p + 2);
        if (low < 0 || !QChar::isLowSurrogate(char16_t(low)))
            giveUp();
        m_p += 6;
        const QChar pair[] = {QChar(char16_t(unit)), QChar(char16_t(low))};
        return QString(pair, 2);
    }

    double number()
    {
        ws();
        const char *start = m_p;
        // JSON's grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
        if (m_p < m_end && *m_p == '-')
            ++m_p;
        if (m_p < m_end && *m_p == '0') {
            ++m_p;
        } else {
            if (m_p == m_end || *m_p < '1' || *m_p > '9')
                giveUp();
            while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
                ++m_p;
        }
        if (m_p < m_end && *m_p == '.') {
            ++m_p;
            if (m_p == m_end || *m_p < '0' || *m_p > '9')
                giveUp();
            while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
                ++m_p;
        }
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
            ++m_p;
            if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            if (m_p == m_end || *m_p < '0' || *m_p > '9')
                giveUp();
            while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
                ++m_p;
        }
        double value = 0;
        const auto [ptr, ec] = std::from_chars(start, m_p, value);
        if (ec != std::errc() || ptr != m_p || !std::isfinite(value))
            giveUp();
        return value;
    }

    bool literal(const char *word)
    {
        ws();
        const size_t n = std::strlen(word);
        if (size_t(m_end - m_p) >= n && std::memcmp(m_p, word, n) == 0) {
            m_p += n;
            return true;
        }
        return false;
    }
    bool isNull() { return peek() == 'n' && literal("null"); }
    bool boolean()
    {
        if (literal("true"))
            return true;
        if (literal("false"))
            return false;
        giveUp();
    }

    // Skips any value (fields this reader does not know are ignored, as the
    // strict reader ignores them).
    void skip(int depth = 0)
    {
        if (depth > 64)
            giveUp();
        switch (peek()) {
        case '"':
            string();
            return;
        case '{':
            ++m_p;
            if (consume('}'))
                return;
            do {
                key();
                skip(depth + 1);
            } while (consume(','));
            expect('}');
            return;
        case '[':
            ++m_p;
            if (consume(']'))
                return;
            do {
                skip(depth + 1);
            } while (consume(','));
            expect(']');
            return;
        case 't':
        case 'f':
            boolean();
            return;
        case 'n':
            if (!literal("null"))
                giveUp();
            return;
        default:
            number();
            return;
        }
    }

private:
    const char *m_p;
    const char *m_end;
};

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

ApiJson::ParsedComplaint readRecord(Cursor &c)
{
    ApiJson::ParsedComplaint out;
    Complaint &r = out.complaint;
    Seen seen;
    enum Required
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
    QList<Photo> photos;
    c.expect('{');
    if (!c.consume('}')) {
        do {
            const std::string_view k = c.key();
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
            } else if (k == "text") {
                seen.mark(Text);
                r.text = textUpTo(c, ProtocolLimits::LongText, false);
            } else if (k == "address") {
                seen.mark(Address);
                r.address = textUpTo(c, ProtocolLimits::Address, false);
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
            } else if (k == "votes") {
                seen.mark(Votes);
                r.votes = int(integerIn(c, 0, INT_MAX));
            } else if (k == "duplicate_of") {
                seen.mark(DuplicateOf);
                if (const auto d = optionalIntegerIn(c, 1, MaxId))
                    r.duplicateOf = *d;
            } else if (k == "reject_reason") {
                seen.mark(Reject);
                r.rejectReason = textUpTo(c, ProtocolLimits::LongText, true);
            } else if (k == "citizen_feedback") {
                seen.mark(Feedback);
                r.citizenFeedback = textUpTo(c, ProtocolLimits::LongText, true);
            } else if (k == "author") {
                seen.mark(Author);
                if (c.isNull())
                    continue;
                Seen inner;
                c.expect('{');
                if (!c.consume('}')) {
                    do {
                        const std::string_view a = c.key();
                        if (a == "name") {
                            inner.mark(0);
                            r.authorName = textUpTo(c, ProtocolLimits::Name, true);
                        } else if (a == "email") {
                            inner.mark(1);
                            r.authorEmail = textUpTo(c, ProtocolLimits::Email, true);
                        } else if (a == "phone") {
                            inner.mark(2);
                            r.authorPhone = textUpTo(c, ProtocolLimits::Phone, true);
                        } else {
                            c.skip();
                        }
                    } while (c.consume(','));
                    c.expect('}');
                }
            } else if (k == "answer") {
                seen.mark(Answer);
                if (c.isNull())
                    continue;
                Seen inner;
                c.expect('{');
                if (!c.consume('}')) {
                    do {
                        const std::string_view a = c.key();
                        if (a == "kind") {
                            inner.mark(0);
                            const auto kind = answerKindFromCode(textUpTo(c, ProtocolLimits::StateCode, false));
                            if (!kind || *kind == AnswerKind::None)
                                giveUp();
                            r.answerKind = *kind;
                        } else if (a == "text") {
                            inner.mark(1);
                            r.answerText = textUpTo(c, ProtocolLimits::LongText, true);
                        } else if (a == "deadline") {
                            inner.mark(2);
                            r.answerDeadline = dateValue(c);
                        } else if (a == "ground") {
                            inner.mark(3);
                            r.refusalGround = textUpTo(c, ProtocolLimits::Code, true);
                        } else if (a == "answered_at") {
                            inner.mark(4);
                            r.answeredAt = timeValue(c, true);
                        } else if (a == "extended") {
                            inner.mark(5);
                            r.deadlineExtended = c.isNull() ? false : c.boolean();
                        } else if (a == "extension_reason") {
                            inner.mark(6);
                            r.extensionReason = textUpTo(c, ProtocolLimits::LongText, true);
                        } else if (a == "first_answered_at") {
                            inner.mark(7);
                            r.firstAnsweredAt = timeValue(c, true);
                        } else {
                            c.skip();
                        }
                    } while (c.consume(','));
                    c.expect('}');
                }
                if (!inner.has(0))
                    giveUp();
                if (!r.firstAnsweredAt.isValid()) // as ApiJson: a server before API 1.1
                    r.firstAnsweredAt = r.answeredAt;
            } else if (k == "photos") {
                seen.mark(Photos);
                if (c.isNull())
                    continue;
                c.expect('[');
                if (!c.consume(']')) {
                    do {
                        photos.append(readPhoto(c, 0));
                    } while (c.consume(','));
                    c.expect(']');
                }
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
    for (Photo &photo : photos)
        photo.complaintId = r.id;
    out.photos = std::move(photos);
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
