#pragma once

// The JSON scanner under FastFeedReader: a cursor over the page's bytes that
// reads exactly the JSON the changes feed uses and gives up (GiveUp) on
// anything else, so that the strict reader decides. Private to the reader.

#include <QString>

#include <charconv>
#include <cmath>
#include <cstring>
#include <string_view>

namespace rd::feedjson {

// Thrown inside the reader when the fast path gives up; never escapes it.
struct GiveUp
{};

[[noreturn]] inline void giveUp()
{
    throw GiveUp{};
}

inline bool validUtf8(const unsigned char *p, const unsigned char *end)
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
inline int hex4(const char *p)
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

} // namespace rd::feedjson
