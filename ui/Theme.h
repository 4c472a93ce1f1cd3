#pragma once

#include <QString>

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

} // namespace rd
