#include "Theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleHints>
#include <QWidget>

#include <cmath>

namespace rd {

namespace {

// What the application started with, to go back to for Theme::System.
struct Original
{
    QString style;
    QPalette palette;
};

const Original &original()
{
    static const Original saved{QApplication::style()->name(), QApplication::palette()};
    return saved;
}

QPalette darkPalette()
{
    // Contrast checked against WCAG AA for text on window and base colours.
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabled(0x8a, 0x8c, 0x90);
    const QColor highlight(0x35, 0x74, 0xf0);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    p.setColor(QPalette::ToolTipBase, QColor(0x3c, 0x3f, 0x41));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x8a, 0x80));
    p.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    p.setColor(QPalette::LinkVisited, QColor(0xc5, 0x8a, 0xf9));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x45, 0x48, 0x4c));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3c, 0x40));
    p.setColor(QPalette::Mid, QColor(0x25, 0x26, 0x29));
    p.setColor(QPalette::Dark, QColor(0x19, 0x1a, 0x1c));
    p.setColor(QPalette::Shadow, Qt::black);
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x4a, 0x4c, 0x50));
    return p;
}

constexpr char toneProperty[] = "rdTone";

void applyTone(QWidget *widget, Tone tone)
{
    if (tone == Tone::Normal) {
        widget->setPalette(QPalette()); // nothing of its own: the theme's colours
        return;
    }
    const QPalette theme = QApplication::palette(widget);
    QPalette own; // only these roles are the widget's own; the rest follows the theme
    own.setColor(QPalette::WindowText, toneColor(tone, theme, QPalette::Window));
    own.setColor(QPalette::Text, toneColor(tone, theme, QPalette::Base));
    widget->setPalette(own);
}

} // namespace

double contrastRatio(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) +
               0.0722 * channel(c.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

QColor toneColor(Tone tone, const QPalette &palette, QPalette::ColorRole background)
{
    const bool onBase = background == QPalette::Base;
    const QColor text = palette.color(onBase ? QPalette::Text : QPalette::WindowText);
    if (tone == Tone::Normal)
        return text;
    const QColor behind = palette.color(background);
    // The red (or amber) for light backgrounds and the one for dark; the
    // one the background asks for first. A background neither is readable
    // on (a high-contrast scheme's mid grey, say) gets the scheme's own
    // text colour: readable is worth more than red.
    const QColor forLight =
        tone == Tone::Alert ? QColor(0xb0, 0x00, 0x20) : QColor(0x9a, 0x5b, 0x00);
    const QColor forDark =
        tone == Tone::Alert ? QColor(0xff, 0x8a, 0x80) : QColor(0xff, 0xc8, 0x57);
    const bool dark = behind.lightness() < 128;
    for (const QColor &c : {dark ? forDark : forLight, dark ? forLight : forDark}) {
        if (contrastRatio(c, behind) >= 4.5)
            return c;
    }
    return text;
}

void setTone(QWidget *widget, Tone tone)
{
    widget->setProperty(toneProperty, int(tone));
    applyTone(widget, tone);
}

QString themeKey(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::System:
        break;
    }
    return QStringLiteral("system");
}

Theme themeFromKey(const QString &key)
{
    if (key == QLatin1String("light"))
        return Theme::Light;
    if (key == QLatin1String("dark"))
        return Theme::Dark;
    return Theme::System;
}

void applyTheme(Theme theme)
{
    const Original &saved = original();
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    // Qt 6.8 can tell the platform which scheme the application wants (on
    // Windows this also darkens the title bar); Unknown follows the system
    // again. Where the platform cannot (X11 without a desktop theme,
    // offscreen), the palette below does the work alone, as on Qt 6.4.
    QGuiApplication::styleHints()->setColorScheme(theme == Theme::Dark ? Qt::ColorScheme::Dark
                                                  : theme == Theme::Light
                                                      ? Qt::ColorScheme::Light
                                                      : Qt::ColorScheme::Unknown);
#endif
    switch (theme) {
    case Theme::System:
        QApplication::setStyle(saved.style);
        QApplication::setPalette(saved.palette);
        break;
    case Theme::Light:
        // Fusion draws every widget from the palette, so both themes look alike.
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(QApplication::style()->standardPalette());
        break;
    case Theme::Dark:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
        break;
    }
    // The toned texts (setTone) take the new palette's colours now.
    const QWidgetList widgets = QApplication::allWidgets();
    for (QWidget *widget : widgets) {
        const QVariant tone = widget->property(toneProperty);
        if (tone.isValid())
            applyTone(widget, Tone(tone.toInt()));
    }
}

} // namespace rd
