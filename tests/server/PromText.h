#pragma once

// A small, strict reader of Prometheus' text exposition format 0.0.4, for
// the tests of GET /metrics: every line is "# HELP name text", "# TYPE
// name type" or a sample "name{label="value",…} value"; a family's HELP and
// TYPE come once each, before its samples, and its samples are not mixed
// with another family's; a histogram's samples are name_bucket (with le),
// name_sum and name_count; no series appears twice. Anything else is an
// error, which parse() reports with the line.

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QString>

#include <cmath>
#include <limits>
#include <optional>

namespace rd::test {

struct PromSample
{
    QString name;
    QMap<QString, QString> labels;
    double value = 0;
};

struct PromText
{
    QHash<QString, QString> types; // family → counter, gauge, histogram, …
    QList<PromSample> samples;

    // The value of the one series with this name and exactly these labels; 0 if absent.
    double value(const QString &name, const QMap<QString, QString> &labels = {}) const
    {
        for (const PromSample &s : samples) {
            if (s.name == name && s.labels == labels)
                return s.value;
        }
        return 0;
    }
    bool has(const QString &name, const QMap<QString, QString> &labels = {}) const
    {
        for (const PromSample &s : samples) {
            if (s.name == name && s.labels == labels)
                return true;
        }
        return false;
    }
    // The samples of a name, whatever their labels.
    QList<PromSample> all(const QString &name) const
    {
        QList<PromSample> out;
        for (const PromSample &s : samples) {
            if (s.name == name)
                out.append(s);
        }
        return out;
    }
};

namespace prom {

inline std::optional<double> number(const QString &text)
{
    if (text == QLatin1String("+Inf"))
        return std::numeric_limits<double>::infinity();
    if (text == QLatin1String("-Inf"))
        return -std::numeric_limits<double>::infinity();
    if (text == QLatin1String("NaN"))
        return std::numeric_limits<double>::quiet_NaN();
    static const QRegularExpression form(
        QStringLiteral(R"(^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$)"));
    if (!form.match(text).hasMatch())
        return std::nullopt;
    return text.toDouble();
}

// The labels of "{a="x",b="y"}" (escapes \\ \" \n); none on error.
inline std::optional<QMap<QString, QString>> labels(const QString &text)
{
    static const QRegularExpression labelName(QStringLiteral(R"(^[a-zA-Z_][a-zA-Z0-9_]*$)"));
    QMap<QString, QString> out;
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype eq = text.indexOf(QLatin1Char('='), i);
        if (eq < 0 || eq + 1 >= text.size() || text[eq + 1] != QLatin1Char('"'))
            return std::nullopt;
        const QString name = text.mid(i, eq - i);
        if (!labelName.match(name).hasMatch() || out.contains(name))
            return std::nullopt;
        QString value;
        qsizetype j = eq + 2;
        for (; j < text.size() && text[j] != QLatin1Char('"'); ++j) {
            if (text[j] == QLatin1Char('\\')) {
                if (++j >= text.size())
                    return std::nullopt;
                if (text[j] == QLatin1Char('n'))
                    value += QLatin1Char('\n');
                else if (text[j] == QLatin1Char('\\') || text[j] == QLatin1Char('"'))
                    value += text[j];
                else
                    return std::nullopt;
            } else {
                value += text[j];
            }
        }
        if (j >= text.size())
            return std::nullopt;
        out.insert(name, value);
        i = j + 1;
        if (i < text.size()) {
            if (text[i] != QLatin1Char(','))
                return std::nullopt;
            ++i;
        }
    }
    return out;
}

// Which family a sample name belongs to, given the families typed so far.
inline QString familyOf(const QString &name, const QHash<QString, QString> &types)
{
    for (const char *suffix : {"_bucket", "_sum", "_count"}) {
        if (name.endsWith(QLatin1String(suffix))) {
            const QString base = name.chopped(int(qstrlen(suffix)));
            if (types.value(base) == QLatin1String("histogram"))
                return base;
        }
    }
    return name;
}

} // namespace prom

// The text parsed, or *error says which line is wrong and why.
inline std::optional<PromText> parseProm(const QByteArray &body, QString *error)
{
    static const QRegularExpression metricName(QStringLiteral(R"(^[a-zA-Z_:][a-zA-Z0-9_:]*$)"));
    static const QRegularExpression sampleLine(
        QStringLiteral(R"(^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (\S+)$)"));
    static const QSet<QString> knownTypes{QStringLiteral("counter"), QStringLiteral("gauge"),
                                          QStringLiteral("histogram"), QStringLiteral("summary"),
                                          QStringLiteral("untyped")};
    PromText out;
    QSet<QString> helped;
    QSet<QString> sampled; // families whose samples have started
    QSet<QString> series;
    QString current; // the family whose samples come now
    if (!body.endsWith('\n')) {
        *error = QStringLiteral("the text does not end with a newline");
        return std::nullopt;
    }
    const QList<QByteArray> lines = body.chopped(1).split('\n');
    for (int n = 0; n < lines.size(); ++n) {
        const QString line = QString::fromUtf8(lines[n]);
        const auto fail = [&](const QString &why) {
            *error = QStringLiteral("line %1: %2: %3").arg(n + 1).arg(why, line);
            return std::nullopt;
        };
        if (line.startsWith(QLatin1String("# HELP ")) ||
            line.startsWith(QLatin1String("# TYPE "))) {
            const bool help = line.startsWith(QLatin1String("# HELP "));
            const QStringList parts = line.mid(7).split(QLatin1Char(' '));
            const QString name = parts.value(0);
            if (!metricName.match(name).hasMatch() || parts.size() < 2)
                return fail(QStringLiteral("a HELP or TYPE line without name and text"));
            if (sampled.contains(name))
                return fail(QStringLiteral("HELP or TYPE after the family's samples"));
            if (help) {
                if (helped.contains(name))
                    return fail(QStringLiteral("a second HELP"));
                helped.insert(name);
            } else {
                if (out.types.contains(name) || parts.size() != 2 || !knownTypes.contains(parts[1]))
                    return fail(QStringLiteral("a second TYPE or an unknown type"));
                if (!helped.contains(name))
                    return fail(QStringLiteral("TYPE before HELP"));
                out.types.insert(name, parts[1]);
            }
            continue;
        }
        const auto m = sampleLine.match(line);
        if (!m.hasMatch())
            return fail(QStringLiteral("not a sample line"));
        PromSample sample;
        sample.name = m.captured(1);
        const auto labels = prom::labels(m.captured(3));
        const auto value = prom::number(m.captured(4));
        if (!labels || !value)
            return fail(QStringLiteral("bad labels or value"));
        sample.labels = *labels;
        sample.value = *value;
        const QString family = prom::familyOf(sample.name, out.types);
        if (!out.types.contains(family) || !helped.contains(family))
            return fail(QStringLiteral("a sample before its family's HELP and TYPE"));
        if (family != current && sampled.contains(family))
            return fail(QStringLiteral("the family's samples are not together"));
        if (out.types[family] == QLatin1String("histogram") &&
            (sample.name == family || (sample.name.endsWith(QLatin1String("_bucket")) !=
                                       sample.labels.contains(QStringLiteral("le")))))
            return fail(QStringLiteral("a histogram sample other than _bucket{le}, _sum, _count"));
        QString key = sample.name;
        for (auto it = sample.labels.cbegin(); it != sample.labels.cend(); ++it)
            key += QLatin1Char('\x1f') + it.key() + QLatin1Char('=') + it.value();
        if (series.contains(key))
            return fail(QStringLiteral("the same series twice"));
        series.insert(key);
        sampled.insert(family);
        current = family;
        out.samples.append(sample);
    }
    return out;
}

} // namespace rd::test
