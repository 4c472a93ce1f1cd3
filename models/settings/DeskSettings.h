#pragma once

#include "ActionRules.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

class QSettings;

namespace rd {

// Every setting the desk keeps, typed, with its key and default in one
// place (the keys were string literals over eight files). A thin view over
// the application's QSettings: make one where a setting is read or written,
// DeskSettings(settings).language(). The administrator's policy locks keys
// by the names in Key.
class DeskSettings final
{
public:
    explicit DeskSettings(QSettings &settings)
        : m_settings(settings)
    {}

    // The keys, for the administrator's policy (AdminPolicy) and diagnostics.
    struct Key
    {
        static const QString ServerUrl; // server/url: the one server (policy only)
        static const QString TlsCaFile; // tls/caFile: an extra CA certificate (PEM)
        static const QString MapSource; // map/source: "none" or empty (tiles)
        static const QString MapUrlTemplate;
        static const QString MapMbtiles;
        static const QString SyncInterval; // sync/intervalSeconds
        static const QString SendHold;     // sync/holdSeconds: how long an action waits
        static const QString Language;     // ui/language: ru, en or empty (the system's)
        static const QString Theme;        // ui/theme: system, light or dark
        static const QString LogMaxKilobytes;
        // cache/protection: keychain, passphrase or none (policy only: where
        // the cache's key comes from, CacheKeys).
        static const QString CacheProtection;
        // cache/retentionMonths: how long closed complaints stay in the cache
        // (policy only; default 12, 0 keeps them; LocalCache::applyRetention).
        static const QString CacheRetentionMonths;
        // cache/wipeOnSignOut: offer (default) or always (policy only).
        static const QString CacheWipeOnSignOut;
    };

    // ui/
    QString language() const;
    void setLanguage(const QString &code);
    QString theme() const;
    void setTheme(const QString &key);
    // log/
    int logMaxKilobytes() const; // default 1024
    // tls/, sync/
    QString tlsCaFile() const;
    int syncIntervalSeconds(int fallback) const;
    // How long a queued action is held before it may be sent, so that Undo
    // can still take it back (docs/sync.md "Hold"): 0 sends at once. Read and
    // written clamped to [0, MaxSendHoldSeconds]; what is not a number reads
    // as the default.
    static constexpr int DefaultSendHoldSeconds = 10;
    static constexpr int MaxSendHoldSeconds = 60;
    int sendHoldSeconds() const;
    void setSendHoldSeconds(int seconds);

    // map/: the tile source (View ▸ Map tiles…) and the heat layer.
    enum class MapSource
    {
        Online, // a tile server: mapUrlTemplate(), or OpenStreetMap's when empty
        File,   // an MBTiles file: mapMbtiles()
        None,   // no tiles: the complaints on a grid
    };
    MapSource mapSource() const;
    QString mapUrlTemplate() const; // empty: the default server
    QString mapMbtiles() const;
    void setMapOnline(const QString &urlTemplate); // empty: the default server
    void setMapFile(const QString &path);
    void setMapNone();
    int mapHeat() const; // MapWidget::Heat as a number, 0 when unset
    void setMapHeat(int heat);

    // desk/
    int dueSoonDays() const; // default 3
    QString lastQueue() const;
    void setLastQueue(const QString &key);
    bool confirmModeration() const; // default true
    void setConfirmModeration(bool confirm);
    bool detailBelow() const;
    void setDetailBelow(bool below);
    bool mapBeside() const;
    void setMapBeside(bool beside);
    // The window's saved layout: geometry, dock state, splitters, columns.
    enum class Layout
    {
        Geometry,
        State,
        MainSplitter,
        WorkSplitter,
        DetailSplitter,
        CentreSplitter,
        Columns,
    };
    QByteArray layout(Layout part) const;
    void setLayout(Layout part, const QByteArray &state);

    // session/: who signed in last, as the server said (the token itself
    // lives in the system's credential store, never here).
    struct LastSession
    {
        QUrl server;
        QString login;
        qint64 userId = 0;
        QString displayName;
        std::optional<Role> role; // none: unknown (a newer or damaged file)
        std::optional<qint64> agencyId;
        QDateTime expiresAt;
    };
    LastSession lastSession() const;
    void setLastSession(const LastSession &session);
    void forgetSessionExpiry();
    QStringList recentServers() const;
    void addRecentServer(const QUrl &server); // first, at most eight kept

private:
    QSettings &m_settings;
};

} // namespace rd
