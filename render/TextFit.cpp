#include "TextFit.h"

#include <QFontMetricsF>
#include <QHash>

#include <algorithm>
#include <memory>
#include <unordered_map>

namespace rd::textfit {

// A font's metrics, and the widths of the texts measured in it, remembered
// while a Session lasts: a report measures the same names, dates and numbers
// in every row, and each pass over its pages measures them again (shaping a
// text costs more than looking it up).
class Measure
{
public:
    explicit Measure(const QFont &font)
        : m_metrics(font)
    {}
    static Measure &of(const QFont &font);
    // In the font's units (Scale times points).
    double width(const QString &text)
    {
        auto it = m_widths.constFind(text);
        if (it == m_widths.constEnd())
            it = m_widths.insert(text, m_metrics.horizontalAdvance(text));
        return *it;
    }
    double height() const { return m_metrics.height(); }

private:
    QFontMetricsF m_metrics;
    QHash<QString, double> m_widths;
};

namespace {

// The measures of this thread's session (none outside one).
thread_local std::unordered_map<qint64, std::unique_ptr<Measure>> *active = nullptr;

} // namespace

Measure &Measure::of(const QFont &font)
{
    Q_ASSERT(active); // every entry point opens a Session
    const qint64 key = qint64(font.pixelSize()) * 4 + (font.bold() ? 2 : 0) +
                       (font.family() == QLatin1String("DejaVu Sans") ? 1 : 0);
    auto it = active->find(key);
    if (it == active->end())
        it = active->emplace(key, std::make_unique<Measure>(font)).first;
    return *it->second;
}

namespace {

// What a line may take of the width: a hair's room for rounding between the
// measured and the drawn text.
constexpr double Slack = 0.99;

// The words of `text`, split at runs of spaces (line breaks count as
// spaces), and a compound word after each of its hyphens
// ("Административно-|техническая"): a piece ending in a hyphen joins the next
// without a space (see wrap).
QStringList wordsOf(const QString &text)
{
    QString flat = text;
    flat.replace(QLatin1Char('\n'), QLatin1Char(' '));
    QStringList words;
    for (const QString &word : flat.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        qsizetype start = 0;
        for (qsizetype i = 1; i + 1 < word.size(); ++i) {
            if (word[i] == QLatin1Char('-') && word[i - 1].isLetter() && word[i + 1].isLetter()) {
                words << word.mid(start, i + 1 - start);
                start = i + 1;
            }
        }
        words << word.mid(start);
    }
    return words;
}

bool joinsNext(const QString &piece)
{
    return piece.endsWith(QLatin1Char('-'));
}

// A word too wide for `width`, broken between characters: as many
// characters on each piece as fit (at least one).
QStringList breakWord(const QString &word, Measure &metrics, double width)
{
    QStringList pieces;
    QString piece;
    for (const QChar c : word) {
        if (!piece.isEmpty() && metrics.width(piece + c) / Scale > width) {
            pieces << piece;
            piece.clear();
        }
        piece += c;
    }
    if (!piece.isEmpty())
        pieces << piece;
    return pieces;
}

// Greedy wrapping of the words at this font; words wider than the width are
// broken only when `breakWords` (else they stand alone, too wide).
QStringList wrap(const QStringList &words, Measure &metrics, double width, bool breakWords)
{
    QStringList lines;
    QString line;
    bool glued = false; // the line ends in a compound's hyphen: no space before the next piece
    const auto wide = [&](const QString &s) { return metrics.width(s) / Scale; };
    for (const QString &word : words) {
        QStringList parts{word};
        if (breakWords && wide(word) > width)
            parts = breakWord(word, metrics, width);
        for (qsizetype i = 0; i < parts.size(); ++i) {
            const QString &part = parts[i];
            const QString joined =
                line.isEmpty() ? part : line + (glued ? QString() : QStringLiteral(" ")) + part;
            if (line.isEmpty() || wide(joined) <= width) {
                line = joined;
            } else {
                lines << line;
                line = part;
            }
            glued = i + 1 < parts.size() || joinsNext(part);
        }
    }
    if (!line.isEmpty() || lines.isEmpty())
        lines << line;
    return lines;
}

} // namespace

Session::Session()
{
    if (!active) {
        m_measures = std::make_unique<std::unordered_map<qint64, std::unique_ptr<Measure>>>();
        active = m_measures.get();
    }
}

Session::~Session()
{
    if (m_measures)
        active = nullptr;
}

QStringList words(const QString &text)
{
    return wordsOf(text);
}

QFont font(double points, bool bold)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setStyleHint(QFont::SansSerif);
    f.setPixelSize(std::max(1, qRound(points * Scale)));
    f.setBold(bold);
    return f;
}

double pointsOf(const QFont &font)
{
    return double(font.pixelSize()) / Scale;
}

double advance(const QString &text, const QFont &font)
{
    const Session session;
    return Measure::of(font).width(text) / Scale;
}

double lineHeight(const QFont &font)
{
    const Session session;
    return Measure::of(font).height() / Scale;
}

Fitted fit(const QString &text, const QFont &base, double width, int maxLines, double minimum)
{
    const Session session;
    const double room = width * Slack;
    // Most texts (numbers, short names) fit on one line as they are.
    Measure &baseMetrics = Measure::of(base);
    if (!text.contains(QLatin1Char('\n')) && baseMetrics.width(text) / Scale <= room)
        return {base, QStringList{text}, baseMetrics.height() / Scale};
    const QStringList words = wordsOf(text);
    double size = pointsOf(base);
    minimum = std::min(minimum, size);
    for (;;) {
        QFont f = base;
        f.setPixelSize(std::max(1, qRound(size * Scale)));
        Measure &metrics = Measure::of(f);
        const bool smallest = size <= minimum;
        const bool wordsFit = std::all_of(words.begin(), words.end(), [&](const QString &w) {
            return metrics.width(w) / Scale <= room;
        });
        if (wordsFit || smallest) {
            const QStringList lines = wrap(words, metrics, room, smallest);
            if (lines.size() <= maxLines || smallest)
                return {f, lines, metrics.height() / Scale};
        }
        size = std::max(minimum, size - (size > 8 ? 0.5 : 0.2));
    }
}

} // namespace rd::textfit
