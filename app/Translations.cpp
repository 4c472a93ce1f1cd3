#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <memory>

namespace rd::Translations {

namespace {

struct Installed
{
    std::unique_ptr<QTranslator> own;
    std::unique_ptr<QTranslator> qt;
};

Installed &installed()
{
    static Installed translators;
    return translators;
}

std::unique_ptr<QTranslator> load(const QLocale &locale, const QString &name,
                                  const QString &directory)
{
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(locale, name, QStringLiteral("_"), directory))
        return nullptr;
    QCoreApplication::installTranslator(translator.get());
    return translator;
}

} // namespace

void use(const QString &code)
{
    Installed &now = installed();
    for (const auto *translator : {now.own.get(), now.qt.get()}) {
        if (translator)
            QCoreApplication::removeTranslator(const_cast<QTranslator *>(translator));
    }
    now = {};
    const QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
    QLocale::setDefault(locale);
    // REGIONDESK_TRANSLATIONS_DIR: a folder of .qm files used before the
    // embedded ones (a translator checking a translation; the tests).
    const QString folder = qEnvironmentVariable("REGIONDESK_TRANSLATIONS_DIR");
    if (!folder.isEmpty())
        now.own = load(locale, QStringLiteral("regiondesk"), folder);
    if (!now.own)
        now.own = load(locale, QStringLiteral("regiondesk"), QStringLiteral(":/i18n"));
    now.qt =
        load(locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
}

} // namespace rd::Translations
