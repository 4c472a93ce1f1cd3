#pragma once

#include <QFont>
#include <QString>
#include <QStringList>

#include <memory>
#include <unordered_map>

namespace rd {

// Text on a report's pages is laid out in points on a painter scaled to
// points. Fonts are sized by pixel size, which is whole numbers only, so a
// font here is made ten times larger than it is drawn (a "pixel" is a tenth
// of a point): sizes go in steps of 0.1 pt, and measuring at that size
// leaves no room for hinting to make a measured line differ from a drawn one.
namespace textfit {

constexpr double Scale = 10.0;

class Measure;

// While one lasts on this thread, the widths of texts measured are
// remembered (a report's pages measure the same names and numbers in every
// row and in both passes); the renderer opens one around a report. The
// functions below open their own when none is open.
class Session
{
public:
    Session();
    ~Session();
    Session(const Session &) = delete;
    Session &operator=(const Session &) = delete;

private:
    std::unique_ptr<std::unordered_map<qint64, std::unique_ptr<Measure>>> m_measures;
};

// DejaVu Sans (Cyrillic everywhere; the system's sans serif if absent) at
// `points`, bold or not.
QFont font(double points, bool bold = false);
// The size a font() was made for, in points.
double pointsOf(const QFont &font);
// How wide `text` is in `font`, in points.
double advance(const QString &text, const QFont &font);
// A line's height in `font`, in points.
double lineHeight(const QFont &font);

// The pieces a line may break between: words, and a compound word after
// each of its hyphens.
QStringList words(const QString &text);

// Text laid out to fit a width. Nothing is ever elided or cut: every
// character of the text is on one of the lines.
struct Fitted
{
    QFont font;
    QStringList lines;
    double lineHeight = 0;
    double height() const { return lineHeight * double(lines.size()); }
};

// Wraps `text` at spaces into `width` points; shrinks the font (in steps,
// down to `minimum` points) while a word is wider than the width or more
// than `maxLines` lines are needed; at the smallest size, breaks a word that
// is still too wide between characters and takes as many lines as needed.
Fitted fit(const QString &text, const QFont &font, double width, int maxLines,
           double minimum = 4.5);

} // namespace textfit

} // namespace rd
