#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

class QWidget;

namespace rd {

// The desk's colours: the system's (default), or light or dark whatever the
// system says. Qt 6.4 does not follow Windows' dark mode by itself (6.5 and
// later do, and 6.8 lets the application ask for a scheme, which applyTheme
// does there too), and a clerk on a night shift may want it; the choice is
// the setting ui/theme.
enum class Theme
{
    System,
    Light,
    Dark
};

QString themeKey(Theme theme);
Theme themeFromKey(const QString &key); // unknown keys: System

// Applies the theme to the running application at once (widgets repaint).
void applyTheme(Theme theme);

// What a text says by its colour: overdue or an error (Alert), due soon
// (Warning), or nothing (Normal: the palette's own).
enum class Tone
{
    Normal,
    Alert,
    Warning,
};
// The tone's colour on a palette's background (Window: labels; Base:
// fields, lists, tables), at WCAG AA contrast (4.5:1) or more: a darker red
// on light, a lighter one on dark, the palette's own text colour where
// neither is readable (high-contrast schemes).
QColor toneColor(Tone tone, const QPalette &palette,
                 QPalette::ColorRole background = QPalette::Window);
// WCAG's contrast ratio of two colours, 1 to 21.
double contrastRatio(const QColor &a, const QColor &b);
// Colours the widget's text in the tone, and again whenever applyTheme()
// changes the theme while the desk runs (a colour fixed once would be dark red on
// dark grey after switching to the dark theme).
void setTone(QWidget *widget, Tone tone);

} // namespace rd
