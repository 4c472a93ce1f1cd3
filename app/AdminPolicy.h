#pragma once

#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariant>

class QSettings;

namespace rd {

// What an agency's IT department pushes to every workstation: a system-wide
// settings file, and on Windows the Group Policy registry key as well.
//
//   Linux    /etc/xdg/RegionDesk/RegionDesk.conf (QSettings' system scope;
//            $XDG_CONFIG_DIRS moves it)
//   Windows  HKLM\Software\Policies\RegionDesk (Group Policy), then
//            %ProgramData%\RegionDesk\RegionDesk.ini
//
// Every key set there is locked: written over the user's own value at each
// start, and the places in the window that would change it are disabled.
// Keys under [defaults] are only defaults: written when the user has none.
// docs/deployment.md lists the keys.
class AdminPolicy final
{
public:
    // From the system places above (the first that has a key wins).
    static AdminPolicy load();
    // From one INI file.
    static AdminPolicy fromIniFile(const QString &path);

    // The keys an administrator may set (others are reported, not applied).
    static const QStringList &knownKeys();

    bool isEmpty() const { return m_locked.isEmpty() && m_defaults.isEmpty(); }
    bool isLocked(const QString &key) const { return m_locked.contains(key); }
    QVariant value(const QString &key) const { return m_locked.value(key); }
    QStringList lockedKeys() const { return m_locked.keys(); }
    QStringList unknownKeys() const { return m_unknown; }
    QStringList sources() const { return m_sources; }

    // Writes the locked values over the user's and the defaults where the
    // user has none; returns the keys it changed.
    QStringList applyTo(QSettings &user) const;

private:
    void read(QSettings &source, const QString &name);

    QMap<QString, QVariant> m_locked;
    QMap<QString, QVariant> m_defaults;
    QStringList m_unknown;
    QStringList m_sources;
};

} // namespace rd
