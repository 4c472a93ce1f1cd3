#pragma once

#include <QString>

namespace rd {

// The interface language: the desk's own strings (embedded, :/i18n) and Qt's
// (its dialogs' buttons), and the default locale that dates and numbers
// follow. Can be called again while running: the previous translators go,
// so a language chosen in View ▸ Language applies at once (the window is
// then rebuilt in it, see DeskShell).
namespace Translations {

// code: "ru", "en", or empty for the system's language.
void use(const QString &code);

} // namespace Translations

} // namespace rd
