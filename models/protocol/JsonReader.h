#pragma once

// ApiJson's own parts, shared by its source files (ApiJson.cpp,
// ApiJsonCatalogue.cpp); not for other code.

#include "ApiJson.h"
#include "ProtocolLimits.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace rd::ApiJson::detail {

// Reads fields of one JSON object, remembering the first problem. Every
// accessor returns a usable default after an error so the caller can read on
// and check ok() once at the end.
class Reader
{
    Q_DECLARE_TR_FUNCTIONS(ApiJson)
public:
    Reader(const QJsonObject &object, QString prefix = {})
        : m_object(object)
        , m_prefix(std::move(prefix))
    {}
    // A list element's reader: its prefix ("photos[3].") is only spelled out
    // for an error, not for every element read.
    Reader(const QJsonObject &object, QLatin1String list, qsizetype index)
        : m_object(object)
        , m_list(list)
        , m_index(index)
    {}

    bool ok() const { return m_error.message.isEmpty(); }
    const ParseError &error() const { return m_error; }
    void fail(const QString &field, const QString &message)
    {
        if (ok())
            m_error = {prefix() + field, message};
    }
    void adopt(const ParseError &inner)
    {
        if (ok())
            m_error = {prefix() + inner.field, inner.message};
    }
    QString prefix() const
    {
        return m_index < 0 ? m_prefix : QStringLiteral("%1[%2].").arg(m_list).arg(m_index);
    }

    bool has(const char *field) const
    {
        const QJsonValue v = m_object.value(QLatin1String(field));
        return !v.isUndefined() && !v.isNull();
    }

    qint64 integer(const char *field, qint64 min, qint64 max, bool required = true)
    {
        const QJsonValue v = m_object.value(QLatin1String(field));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(QLatin1String(field), tr("is required"));
            return 0;
        }
        const double d = v.toDouble(std::nan(""));
        if (!v.isDouble() || std::floor(d) != d) {
            fail(QLatin1String(field), tr("must be a whole number"));
            return 0;
        }
        if (d < double(min) || d > double(max)) {
            fail(QLatin1String(field), tr("must be between %1 and %2").arg(min).arg(max));
            return 0;
        }
        return qint64(d);
    }
    std::optional<qint64> optionalInteger(const char *field, qint64 min, qint64 max)
    {
        if (!has(field))
            return std::nullopt;
        return integer(field, min, max);
    }
    double real(const char *field, double min, double max)
    {
        const QJsonValue v = m_object.value(QLatin1String(field));
        if (!v.isDouble()) {
            fail(QLatin1String(field),
                 v.isUndefined() ? tr("is required") : tr("must be a number"));
            return 0.0;
        }
        const double d = v.toDouble();
        if (!std::isfinite(d) || d < min || d > max) {
            fail(QLatin1String(field), tr("must be between %1 and %2").arg(min).arg(max));
            return 0.0;
        }
        return d;
    }
    QString text(const char *field, bool required = true,
                 qsizetype maxLength = ProtocolLimits::LongText)
    {
        const QJsonValue v = m_object.value(QLatin1String(field));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(QLatin1String(field), tr("is required"));
            return {};
        }
        if (!v.isString()) {
            fail(QLatin1String(field), tr("must be text"));
            return {};
        }
        const QString s = v.toString();
        if (s.size() > maxLength) {
            fail(QLatin1String(field), tr("is longer than %1 characters").arg(maxLength));
            return {};
        }
        return s;
    }
    bool boolean(const char *field, bool fallback)
    {
        const QJsonValue v = m_object.value(QLatin1String(field));
        if (v.isUndefined() || v.isNull())
            return fallback;
        if (!v.isBool()) {
            fail(QLatin1String(field), tr("must be true or false"));
            return fallback;
        }
        return v.toBool();
    }
    QDateTime time(const char *field, bool required = true)
    {
        const QString s = text(field, required, ProtocolLimits::TimeText);
        if (s.isEmpty())
            return {};
        const auto t = parseTime(s);
        if (!t) {
            fail(QLatin1String(field), tr("must be a time in ISO 8601 with an offset"));
            return {};
        }
        return *t;
    }
    QDate date(const char *field, bool required = true)
    {
        const QString s = text(field, required, ProtocolLimits::DateText);
        if (s.isEmpty())
            return {};
        const QDate d = QDate::fromString(s, Qt::ISODate);
        if (!d.isValid() || s.size() != 10) {
            fail(QLatin1String(field), tr("must be a date YYYY-MM-DD"));
            return {};
        }
        return d;
    }
    QJsonObject object(const char *field, bool required = true)
    {
        const QJsonValue v = m_object.value(QLatin1String(field));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(QLatin1String(field), tr("is required"));
            return {};
        }
        if (!v.isObject()) {
            fail(QLatin1String(field), tr("must be an object"));
            return {};
        }
        return v.toObject();
    }
    QJsonArray array(const char *field, bool required = true)
    {
        const QJsonValue v = m_object.value(QLatin1String(field));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(QLatin1String(field), tr("is required"));
            return {};
        }
        if (!v.isArray()) {
            fail(QLatin1String(field), tr("must be a list"));
            return {};
        }
        return v.toArray();
    }

private:
    QJsonObject m_object;
    QString m_prefix;
    QLatin1String m_list;
    qsizetype m_index = -1;
    ParseError m_error;
};

inline QJsonValue orNull(const QString &s)
{
    return s.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

inline QJsonValue dateOrNull(const QDate &d)
{
    return d.isValid() ? QJsonValue(d.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

inline QJsonValue timeOrNull(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(formatTime(t)) : QJsonValue(QJsonValue::Null);
}

} // namespace rd::ApiJson::detail
