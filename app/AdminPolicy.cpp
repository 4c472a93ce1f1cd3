#include "AdminPolicy.h"

#include "DeskSettings.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSettings>

namespace rd {

Q_LOGGING_CATEGORY(lcPolicy, "regiondesk.policy")

namespace {

const QString DefaultsGroup = QStringLiteral("defaults");

} // namespace

const QStringList &AdminPolicy::knownKeys()
{
    static const QStringList keys{
        DeskSettings::Key::ServerUrl,       // the one server; the sign-in dialog offers no other
        DeskSettings::Key::TlsCaFile,       // an extra CA certificate (PEM) to trust
        DeskSettings::Key::MapUrlTemplate,  // the tile server
        DeskSettings::Key::MapMbtiles,      // or an MBTiles file of the region
        DeskSettings::Key::SyncInterval,    // how often to synchronise
        DeskSettings::Key::SendHold,        // how long an action waits for Undo (0-60 s)
        DeskSettings::Key::Language,        // ru or en
        DeskSettings::Key::Theme,           // system, light or dark
        DeskSettings::Key::LogMaxKilobytes, // the log file's size cap
        DeskSettings::Key::CacheProtection, // keychain, passphrase or none (CacheAccess)
        DeskSettings::Key::CacheRetentionMonths, // how long closed complaints stay (0-120)
        DeskSettings::Key::CacheWipeOnSignOut,   // offer or always
    };
    return keys;
}

void AdminPolicy::read(QSettings &source, const QString &name)
{
    bool any = false;
    for (const QString &key : source.allKeys()) {
        const bool isDefault = key.startsWith(DefaultsGroup + QLatin1Char('/'));
        const QString plain = isDefault ? key.mid(DefaultsGroup.size() + 1) : key;
        if (!knownKeys().contains(plain)) {
            if (!m_unknown.contains(key))
                m_unknown.append(key);
            continue;
        }
        auto &target = isDefault ? m_defaults : m_locked;
        if (!target.contains(plain)) { // an earlier source wins
            target.insert(plain, source.value(key));
            any = true;
        }
    }
    if (any)
        m_sources.append(name);
    if (source.status() != QSettings::NoError)
        qCWarning(lcPolicy) << "cannot read the administrator's settings" << name;
}

AdminPolicy AdminPolicy::load()
{
    AdminPolicy policy;
#ifdef Q_OS_WIN
    QSettings registry(QStringLiteral("HKEY_LOCAL_MACHINE\\Software\\Policies\\RegionDesk"),
                       QSettings::NativeFormat);
    policy.read(registry, registry.fileName());
    // %ProgramData%\RegionDesk\RegionDesk.ini
    const auto format = QSettings::IniFormat;
#else
    // /etc/xdg/RegionDesk/RegionDesk.conf (or under $XDG_CONFIG_DIRS): the
    // file the user's own settings already fall back to.
    const auto format = QSettings::NativeFormat;
#endif
    QSettings system(format, QSettings::SystemScope, QCoreApplication::organizationName(),
                     QCoreApplication::applicationName());
    system.setFallbacksEnabled(false);
    policy.read(system, system.fileName());
    for (const QString &key : std::as_const(policy.m_unknown))
        qCWarning(lcPolicy) << "unknown key in the administrator's settings, ignored:" << key;
    return policy;
}

AdminPolicy AdminPolicy::fromIniFile(const QString &path)
{
    AdminPolicy policy;
    QSettings file(path, QSettings::IniFormat);
    policy.read(file, path);
    return policy;
}

QStringList AdminPolicy::applyTo(QSettings &user) const
{
    QStringList changed;
    // The user's own file: with fallbacks, QSettings would answer from the
    // system file itself and nothing would be written.
    const bool fallbacks = user.fallbacksEnabled();
    user.setFallbacksEnabled(false);
    for (auto it = m_locked.begin(); it != m_locked.end(); ++it) {
        if (user.value(it.key()) != it.value()) {
            user.setValue(it.key(), it.value());
            changed.append(it.key());
        }
    }
    for (auto it = m_defaults.begin(); it != m_defaults.end(); ++it) {
        if (!m_locked.contains(it.key()) && !user.contains(it.key())) {
            user.setValue(it.key(), it.value());
            changed.append(it.key());
        }
    }
    user.setFallbacksEnabled(fallbacks);
    return changed;
}

} // namespace rd
